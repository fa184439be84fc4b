/**
 * Formatting: `**Key**: value` with one space after the colon, the key spelled as the schema spells it, no white
 * space at line ends. Only spaces change; line endings are never touched, because edits stop before them.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import { fold } from '../schema/compile';
import type { Schema } from '../schema/model';
import { fieldHeadText, fieldLine } from '../grammar';
import { fieldHead, type Field, type ParsedDocument } from '../parser';

/** The schema's spelling of a key. A key already written exactly as a schema name is left as written. */
function canonicalKey(schema: Schema, rawKey: string): string {
  const key = rawKey.trim();
  if (schema.byName.has(key)) return rawKey.trimStart();
  const spec = schema.byFoldedName.get(fold(key));
  if (!spec) return key;
  return [spec.key, ...spec.aliases].find((name) => fold(name) === fold(key)) ?? spec.key;
}

/** White space, but not a byte-order mark, which JavaScript's trim would also take. */
function isSpace(char: string): boolean {
  return char !== '\uFEFF' && /\s/.test(char);
}

/** Loops instead of a `\s+$` expression, which takes quadratic time on a long run of spaces. */
function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && isSpace(text[end - 1])) end--;
  return text.slice(0, end);
}

function trimStart(text: string): string {
  let start = 0;
  while (start < text.length && isSpace(text[start])) start++;
  return text.slice(start);
}

/** A line formatted; `field` is the field that starts on it, if one does. */
function formatLine(schema: Schema, line: string, field: Field | undefined): string {
  if (!field) return trimEnd(line);
  const head = fieldHead(field);
  const value = trimEnd(trimStart(line.slice(head.colonEnd)));
  const key = canonicalKey(schema, line.slice(head.start + 2, head.colonEnd - 3));
  return line.slice(0, head.start) + (value ? fieldLine(key, value) : fieldHeadText(key));
}

export function formatEdits(document: ParsedDocument, schema: Schema): TextEdit[] {
  const fieldOnLine = new Map(document.fields.map((f) => [f.line, f]));
  const edits: TextEdit[] = [];
  const { text } = document;
  let start = 0; // offset of the line in the text
  document.lines.forEach((line, lineNumber) => {
    const lineStart = start;
    start += line.length + (text.startsWith('\r\n', lineStart + line.length) ? 2 : 1);
    const formatted = formatLine(schema, line, fieldOnLine.get(lineNumber));
    // Emptying a line between a lone CR and an LF would make the two line breaks one CRLF: a line would vanish.
    if (formatted === '' && text[lineStart - 1] === '\r' && text[lineStart + line.length] === '\n') return;
    if (formatted !== line) {
      edits.push({ range: { start: { line: lineNumber, character: 0 }, end: { line: lineNumber, character: line.length } }, newText: formatted });
    }
  });
  return edits;
}
