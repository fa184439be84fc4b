/** Small helpers the editing features share: where a field's parts sit on its line, which record a line is in. */
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
// The `**Key**:` shape the parser reads, to find where the key and the colon sit on a field's line.
import { FIELD_HEAD, type Field, type FragmentRecord, type ParsedDocument } from '../parser';
import { fold } from '../schema/compile';
import type { FieldSpec, Schema } from '../schema/model';


export interface FieldHead {
  /** Characters before `**` (1 on a first line that starts with a byte-order mark). */
  start: number;
  /** The key exactly as written between the `**` pairs, spaces included. */
  rawKey: string;
  /** Character right after the colon. */
  colonEnd: number;
}

export function fieldHead(line: string, lineNumber: number): FieldHead | undefined {
  const start = lineNumber === 0 && line.charCodeAt(0) === 0xfeff ? 1 : 0;
  const match = FIELD_HEAD.exec(line.slice(start));
  if (!match) return undefined;
  return { start, rawKey: match[1], colonEnd: start + match[0].length };
}

export function specFor(schema: Schema, key: string): FieldSpec | undefined {
  return schema.byName.get(key) ?? schema.byFoldedName.get(fold(key));
}

/** The record a line belongs to: the last one starting at or before it. */
export function recordAtLine(document: ParsedDocument, line: number): FragmentRecord | undefined {
  let found: FragmentRecord | undefined;
  for (const record of document.records) {
    if (record.startLine > line) break;
    found = record;
  }
  return found;
}

/** The field whose lines (first line and continuations) cover `line`. */
export function fieldAtLine(document: ParsedDocument, line: number): Field | undefined {
  return document.fields.find((f) => f.line <= line && line <= f.endLine);
}

/** The text a range covers, its lines joined with `\n`. */
export function textIn(document: ParsedDocument, range: Range): string {
  const { start, end } = range;
  if (start.line === end.line) return document.lines[start.line]?.slice(start.character, end.character) ?? '';
  const lines = document.lines.slice(start.line, end.line + 1);
  lines[lines.length - 1] = lines[lines.length - 1].slice(0, end.character);
  lines[0] = lines[0].slice(start.character);
  return lines.join('\n');
}

/** The document's line ending: the first one it uses, LF when it has none. */
export function lineEnding(text: string): string {
  const match = /\r\n|\r|\n/.exec(text);
  return match ? match[0] : '\n';
}

/**
 * `range` widened to start at the beginning of its line (after a byte-order mark): a rewritten line must also
 * replace the indentation that kept it from being read as a field.
 */
export function fromLineStart(document: ParsedDocument, range: Range): Range {
  const start = range.start.line === 0 && document.lines[0]?.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { start: { line: range.start.line, character: Math.min(start, range.start.character) }, end: range.end };
}

export function fullLineRange(document: ParsedDocument, line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: document.lines[line]?.length ?? 0 } };
}

/** An edit that removes lines `first`..`last` whole, terminators included, without leaving an empty line behind. */
export function removeLines(document: ParsedDocument, first: number, last: number): TextEdit {
  const lastLine = document.lines.length - 1;
  // A byte-order mark belongs to the file, not to its first line: it stays.
  const from = first === 0 && document.lines[0]?.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (last < lastLine) return { range: { start: { line: first, character: from }, end: { line: last + 1, character: 0 } }, newText: '' };
  if (first === 0) return { range: { start: { line: 0, character: from }, end: { line: last, character: document.lines[last].length } }, newText: '' };
  // The last lines of the file: take the line break before them instead.
  const previous = first - 1;
  return {
    range: { start: { line: previous, character: document.lines[previous].length }, end: { line: last, character: document.lines[last].length } },
    newText: '',
  };
}

/** An edit that puts `lineText` on a new line right after line `after` (or at the top when `after` is -1). */
export function insertLineAfter(document: ParsedDocument, after: number, lineText: string): TextEdit {
  const eol = lineEnding(document.text);
  if (after < 0) {
    const start = document.lines[0]?.charCodeAt(0) === 0xfeff ? 1 : 0;
    return { range: point(0, start), newText: lineText + eol };
  }
  if (after >= document.lines.length - 1) {
    const end = document.lines[document.lines.length - 1].length;
    return { range: point(document.lines.length - 1, end), newText: eol + lineText };
  }
  return { range: point(after + 1, 0), newText: lineText + eol };
}

function point(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character } };
}

/** Applies LSP text edits to a string (the way a client does). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///edit', 'fragment', 0, text), edits);
}

/** One edit that turns `before` into `after`, covering only the part between their common start and end. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never split a CRLF pair or a surrogate pair: step back onto a safe boundary.
  while (start > 0 && (isLowSurrogate(before.charCodeAt(start)) || (before[start] === '\n' && before[start - 1] === '\r'))) start--;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  while (endBefore < before.length && (isLowSurrogate(before.charCodeAt(endBefore)) || (before[endBefore] === '\n' && before[endBefore - 1] === '\r'))) {
    endBefore++;
    endAfter++;
  }
  const document = TextDocument.create('file:///edit', 'fragment', 0, before);
  return { range: { start: document.positionAt(start), end: document.positionAt(endBefore) }, newText: after.slice(start, endAfter) };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export function positionIn(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Schema values and descriptions go into Markdown; these characters would otherwise be read as markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|~]/g, (c) => `\\${c}`);
}

/** Snippet text: `$`, `}` and `\` are syntax there. In a choice `,` and `|` are too. */
export function escapeSnippet(text: string, inChoice = false): string {
  return text.replace(inChoice ? /[$}\\,|]/g : /[$}\\]/g, (c) => `\\${c}`);
}

/**
 * A field's text as the export writes it: `**Key**: value`, a space after the colon even when the value is empty. A
 * value with line breaks runs on over the following lines, which the parser reads back as the same value.
 */
export function fieldLine(key: string, value: string): string {
  return `**${key}**: ${value}`;
}

/** The line that introduces a field with an empty value, as the export writes it. */
export function emptyFieldLine(key: string): string {
  return fieldLine(key, '');
}

/**
 * Where a field of `spec` goes in `record`: right before the first field that the schema lists after it, else after
 * the record's last field. In a record in schema order that is exactly its schema position; fields out of order or
 * repeated further down do not push it to the end. Returns the line to insert after.
 */
export function schemaPositionLine(record: FragmentRecord, spec: FieldSpec, schema: Schema): number {
  // The field that starts a record goes first whatever the record holds: anywhere else it would split the record.
  if (spec.key === schema.recordStart) return record.startLine - 1;
  const next = record.fields.find((field) => (specFor(schema, field.key)?.order ?? -1) > spec.order);
  if (next) return next.line - 1;
  return record.fields[record.fields.length - 1].endLine;
}
