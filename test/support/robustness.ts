/**
 * Shared by the property tests (core as a library) and `npm run fuzz` (the built server over stdio): documents made
 * from real records with random damage, and the checks every answer about them must pass. The checks return
 * problems as sentences instead of throwing, so the fuzzer can count them and carry on.
 */
import { diffWordsWithSpace } from 'diff';
import fc from 'fast-check';
import type { Diagnostic, FoldingRange, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fold, getDefaultSchema, parseWithSchema, splitLines } from '../../server/src/core';
import { seed, VALID_RECORD } from './fixtures';
import { generateDocument, generateRecord, random } from './generate';

const schema = getDefaultSchema();
const KEYS = schema.fields.map((f) => f.key);
const VALUES = schema.fields.flatMap((f) => f.values.slice(0, 6).map((v) => v.value));

// ---------------------------------------------------------------------------------------------------------------
// Documents

/** Real and generated records to start from. */
const baseText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(seed(0), seed(1), seed(2), VALID_RECORD) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 99_999 }).map((n) => generateRecord(n)) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 1_000_000 })).map(([n, s]) => generateDocument(n, s)) },
  { weight: 1, arbitrary: fc.constant('') },
);

/** Text worth putting into a record: field syntax, line breaks, markers, odd characters, and now and then a huge line. */
const piece = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '**', '*', ':', '**: ', '** :', ' ', '\t', '\n', '\r\n', '\r', '\n\n', '\u0000', '\uFEFF', '\u00A0', '\u2028',
      '<', '>', '<LOC>', '<loc>', '<person>', '<redacted', ', ', ',,', '2024', '20245', 'NO', 'yes', '+41 79 123 45 67',
      'jane.doe@example.org', '**FragmentID**: ', '\n**FragmentID**: X-1/2\n', '🙂', 'e\u0301', '𝔉',
    ),
  },
  { weight: 3, arbitrary: fc.constantFrom(...KEYS).map((key) => `\n**${key}**: `) },
  { weight: 2, arbitrary: fc.constantFrom(...KEYS).map((key) => `${key}: `) },
  { weight: 2, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) },
  { weight: 1, arbitrary: fc.constantFrom('x', ' ', '*', 'é', '<LOC> ', 'word, ').map((unit) => unit.repeat(Math.ceil(60_000 / unit.length))) },
);

export interface Mutation {
  kind: 'insert' | 'delete' | 'replace';
  /** Where, as a fraction of the text's length. */
  at: number;
  length: number;
  text: string;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 0, max: 60 }),
  text: piece,
});

export type LineEndings = 'keep' | 'crlf' | 'cr' | 'mixed';

export function applyMutation(text: string, m: Mutation): string {
  const at = Math.min(text.length, Math.floor(m.at * (text.length + 1)));
  const end = Math.min(text.length, at + m.length);
  if (m.kind === 'insert') return text.slice(0, at) + m.text + text.slice(at);
  if (m.kind === 'delete') return text.slice(0, at) + text.slice(end);
  return text.slice(0, at) + m.text + text.slice(end);
}

export function withLineEndings(text: string, endings: LineEndings, seedNumber: number): string {
  if (endings === 'keep') return text;
  if (endings === 'crlf') return text.replace(/\r?\n/g, '\r\n');
  if (endings === 'cr') return text.replace(/\r?\n/g, '\r');
  const next = random(seedNumber);
  const breaks = ['\r\n', '\n', '\r'];
  return text.replace(/\r?\n/g, () => breaks[Math.floor(next() * breaks.length)]);
}

/** A damaged record (or a few), as a person, an export or a broken tool could leave it. */
export const damagedDocument: fc.Arbitrary<string> = fc
  .tuple(baseText, fc.array(mutation, { maxLength: 8 }), fc.constantFrom<LineEndings>('keep', 'crlf', 'cr', 'mixed'), fc.nat())
  .map(([base, mutations, endings, seedNumber]) => mutations.reduce(applyMutation, withLineEndings(base, endings, seedNumber)));

/** Positions to ask about: anywhere in the document, at line ends, and past its end (clients do send those). */
export function positionsIn(text: string, fractions: readonly number[]): { line: number; character: number }[] {
  const lines = splitLines(text);
  const positions = fractions.map((f, i) => {
    const line = Math.min(lines.length - 1, Math.floor(f * lines.length));
    const character = i % 3 === 0 ? lines[line].length : Math.floor(((f * 7919) % 1) * (lines[line].length + 1));
    return { line, character };
  });
  positions.push({ line: lines.length - 1, character: lines[lines.length - 1].length + 5 }, { line: lines.length + 3, character: 0 });
  return positions;
}

// ---------------------------------------------------------------------------------------------------------------
// Checks

function isPosition(value: unknown): value is { line: number; character: number } {
  const p = value as { line?: unknown; character?: unknown };
  return typeof p === 'object' && p !== null && Number.isInteger(p.line) && Number.isInteger(p.character);
}

/** A range that a client can use on this document: inside it, start before end. */
export function rangeProblem(lines: readonly string[], range: Range | undefined, what: string): string | undefined {
  if (!range || !isPosition(range.start) || !isPosition(range.end)) return `${what}: not a range: ${JSON.stringify(range)}`;
  for (const p of [range.start, range.end]) {
    if (p.line < 0 || p.line >= lines.length) return `${what}: line ${p.line} outside the document (${lines.length} lines)`;
    if (p.character < 0 || p.character > lines[p.line].length) return `${what}: character ${p.character} outside line ${p.line} (length ${lines[p.line].length})`;
  }
  if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) {
    return `${what}: ends before it starts: ${JSON.stringify(range)}`;
  }
  return undefined;
}

export function diagnosticProblems(text: string, diagnostics: readonly Diagnostic[]): string[] {
  const lines = splitLines(text);
  const problems = diagnostics.flatMap((d) => rangeProblem(lines, d.range, `diagnostic ${String(d.code)}`) ?? []);
  if (diagnostics.length > 1000) problems.push(`${diagnostics.length} diagnostics, more than the cap of 1000`);
  for (const d of diagnostics) if (typeof d.message !== 'string' || d.message.trim() === '') problems.push(`diagnostic ${String(d.code)} without a message`);
  return problems;
}

export function foldingProblems(text: string, ranges: readonly FoldingRange[]): string[] {
  const count = splitLines(text).length;
  return ranges.flatMap((r) => (r.startLine >= 0 && r.startLine < r.endLine && r.endLine < count ? [] : [`folding range ${r.startLine}-${r.endLine} in ${count} lines`]));
}

interface SymbolLike {
  name: string;
  range: Range;
  selectionRange: Range;
  children?: SymbolLike[];
}

export function symbolProblems(text: string, symbols: readonly SymbolLike[]): string[] {
  const lines = splitLines(text);
  const problems: string[] = [];
  const visit = (list: readonly SymbolLike[]) => {
    for (const s of list) {
      for (const p of [rangeProblem(lines, s.range, `symbol ${s.name}`), rangeProblem(lines, s.selectionRange, `symbol ${s.name} selection`)]) if (p) problems.push(p);
      if (typeof s.name !== 'string' || s.name.length === 0) problems.push('symbol with an empty name');
      visit(s.children ?? []);
    }
  };
  visit(symbols);
  return problems;
}

/** Edits a client can apply: each range inside the document, no two overlapping. */
export function editProblems(text: string, edits: readonly TextEdit[], what: string): string[] {
  const lines = splitLines(text);
  const problems = edits.flatMap((e, i) => rangeProblem(lines, e.range, `${what} edit ${i}`) ?? []);
  if (problems.length) return problems;
  const sorted = [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1].range.end;
    const start = sorted[i].range.start;
    if (start.line < previous.line || (start.line === previous.line && start.character < previous.character)) problems.push(`${what}: edits overlap`);
  }
  return problems;
}

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///apply', 'fragment', 0, text), [...edits]);
}

/** The plain text edits of a workspace edit for one document (`changes` or `documentChanges`). */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.changes) return edit.changes[uri] ?? [];
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...(change.edits as TextEdit[]));
  }
  return edits;
}

/** The non-space characters in order, without case: what formatting must keep. */
export function nonSpace(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

/** Formatting: applies cleanly, keeps every line and every non-space character in order, and a second pass finds nothing. */
export function formattingProblems(text: string, edits: readonly TextEdit[], formatAgain: (formatted: string) => readonly TextEdit[]): string[] {
  const problems = editProblems(text, edits, 'formatting');
  if (problems.length) return problems;
  const once = applyTextEdits(text, edits);
  if (nonSpace(once) !== nonSpace(text)) problems.push('formatting changed, lost or moved a non-space character');
  if (splitLines(once).length !== splitLines(text).length) problems.push('formatting added or removed a line');
  const again = formatAgain(once);
  if (again.length && applyTextEdits(once, again) !== once) problems.push('formatting is not idempotent: a second pass changes the text');
  return problems;
}

/** What a line must keep through fix-all, when fix-all had no reason to touch it. */
function substance(line: string): string {
  return line.replace(/[\s*:]/g, '').toLowerCase();
}

/**
 * Fix-all: applies cleanly, and again changes nothing; keeps every record; a line no diagnostic is about (nor any
 * line of a field one is about) is still there, or a line with the same words is (a repeated field removed).
 */
const RECORD_START_KEYS = new Set([schema.recordStart, ...(schema.byName.get(schema.recordStart)?.aliases ?? [])].map(fold));

/**
 * How many records the text holds as its author meant them: an almost-field (a malformed line) counts as the field
 * fix-all makes of it, and a record-start key counts whatever its capitals, as fix-all respells it. Fixing
 * `FragmentID: X` after an almost-field `*Social actor**:` legitimately makes two records of what parsed as one (the
 * input npm run fuzz found); fix-all splitting or merging records of its own accord is still caught.
 */
export function intendedRecordCount(text: string): number {
  const document = parseWithSchema(text, schema);
  const lines = [...document.fields, ...document.malformed].map((entry) => ({ line: entry.line, key: entry.key })).sort((a, b) => a.line - b.line);
  return lines.filter((entry, i) => i === 0 || RECORD_START_KEYS.has(fold(entry.key))).length;
}

export function fixAllProblems(
  text: string,
  diagnostics: readonly Diagnostic[],
  edits: readonly TextEdit[],
  fixAgain: (fixed: string) => readonly TextEdit[],
): string[] {
  const problems = editProblems(text, edits, 'fix-all');
  if (problems.length) return problems;
  const fixed = applyTextEdits(text, edits);
  const again = fixAgain(fixed);
  if (again.length && applyTextEdits(fixed, again) !== fixed) problems.push('fix-all is not idempotent: running it again changes the text');
  const [before, afterFix] = [intendedRecordCount(text), intendedRecordCount(fixed)];
  if (afterFix !== before) problems.push(`fix-all changed the number of records from ${before} to ${afterFix}`);
  const lines = splitLines(text);
  const touched = touchedLines(text, diagnostics);
  const kept = new Set(splitLines(fixed).map(substance));
  lines.forEach((line, i) => {
    if (!touched.has(i) && substance(line) !== '' && !kept.has(substance(line))) problems.push(`fix-all lost line ${i + 1}: ${JSON.stringify(line.slice(0, 80))}`);
  });
  return problems;
}

/** Lines a diagnostic is about, with every line of the field or the block it starts in (fixes act on whole fields). */
function touchedLines(text: string, diagnostics: readonly Diagnostic[]): Set<number> {
  const lines = splitLines(text);
  const touched = new Set<number>();
  const isFieldStart = (line: string) => /^\uFEFF?\*\*[^*\r\n]{1,200}?\*\*:/.test(line);
  for (const d of diagnostics) {
    for (let line = d.range.start.line; line <= d.range.end.line; line++) touched.add(line);
    // The field's continuation lines go with it (a removed repeated field takes them along).
    for (let line = d.range.end.line + 1; line < lines.length && !isFieldStart(lines[line]); line++) touched.add(line);
  }
  return touched;
}

/**
 * A quick fix applied: its edits fit the document, and afterwards there are fewer diagnostics of each code it
 * fixes (the one it was for is gone, and nothing of that kind took its place).
 */
export function quickFixProblems(
  text: string,
  title: string,
  fixedCodes: readonly string[],
  edits: readonly TextEdit[],
  before: readonly Diagnostic[],
  revalidate: (fixed: string) => readonly Diagnostic[],
): string[] {
  const problems = editProblems(text, edits, `quick fix "${title}"`);
  if (problems.length) return problems;
  if (edits.length === 0) return [`quick fix "${title}" has no edit`];
  const fixed = applyTextEdits(text, edits);
  const after = revalidate(fixed);
  const count = (list: readonly Diagnostic[], code: string) => list.filter((d) => String(d.code) === code).length;
  for (const code of new Set(fixedCodes)) {
    const wanted = count(before, code) - fixedCodes.filter((c) => c === code).length;
    if (count(after, code) > wanted) problems.push(`quick fix "${title}" did not remove its ${code} problem (${count(before, code)} before, ${count(after, code)} after)`);
  }
  return problems;
}

/** What text a person would miss: letters, digits and signs, without white space, Markdown bold or colons, any case. */
function words(text: string): string {
  return text.replace(/[\s*_:,]/g, '').toLowerCase();
}

/** The texts a title quotes: `Replace "meduim" with "medium"` quotes meduim and medium. */
function quotedIn(title: string): string[] {
  return [...title.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
}

/**
 * A quick fix takes away only text its title names. For each edit, what it takes away is the part of the replaced
 * text that the new text does not keep (common start and end left out). That is fine when it is only white space or
 * markup, or when the new text still holds it (a line rewritten as a field); otherwise the title must quote text
 * that is there in the replaced range and holds it (a quote cut with "…" names the text it starts). Whole lines
 * taken away must be named by their field's key and the word "line" (or "this one").
 */
export function takenTextProblems(text: string, title: string, edits: readonly TextEdit[]): string[] {
  const document = TextDocument.create('file:///taken', 'fragment', 0, text);
  const problems: string[] = [];
  for (const edit of edits) {
    const old = document.getText(edit.range);
    let from = 0;
    while (from < old.length && from < edit.newText.length && old[from] === edit.newText[from]) from++;
    let oldEnd = old.length;
    let newEnd = edit.newText.length;
    while (oldEnd > from && newEnd > from && old[oldEnd - 1] === edit.newText[newEnd - 1]) {
      oldEnd--;
      newEnd--;
    }
    const taken = words(old.slice(from, oldEnd));
    if (taken === '' || words(edit.newText).includes(taken)) continue;
    const wholeLines = edit.newText === '' && /(^|[\r\n])\*\*[^*\r\n]+\*\*:/.test(old); // lone CRs end lines too
    if (wholeLines) {
      const keys = [...old.matchAll(/(?:^|[\r\n])\*\*([^*\r\n]+)\*\*:/g)].map((m) => m[1].trim());
      const named = keys.every((key) => quotedIn(title).includes(key)) && /\bline\b|this one/.test(title);
      if (!named) problems.push(`quick fix "${title}" removes the line(s) ${JSON.stringify(old.slice(0, 80))} without naming them`);
      continue;
    }
    const oneLine = old.replace(/\s+/g, ' ');
    const names = quotedIn(title).filter((q) => (q.endsWith('…') ? oneLine.startsWith(q.slice(0, -1)) : oneLine.includes(q)));
    if (names.some((q) => q.endsWith('…') || words(q).includes(taken))) continue;
    // One edit may take away several things apart from each other (two repeated choices): each piece a word diff says
    // is gone must be named.
    const gone = diffWordsWithSpace(old.slice(from, oldEnd), edit.newText.slice(from, newEnd))
      .filter((part) => part.removed && words(part.value) !== '')
      .map((part) => part.value);
    const unnamed = gone.filter((piece) => !names.some((q) => words(q).includes(words(piece))));
    if (gone.length === 0 || unnamed.length > 0) {
      problems.push(`quick fix "${title}" takes away ${JSON.stringify((unnamed[0] ?? old.slice(from, oldEnd)).slice(0, 80))}, which its title does not name`);
    }
  }
  return problems;
}

/** Completion items: text edits on the asked line, around the asked position. */
export function completionProblems(text: string, position: { line: number; character: number }, items: readonly { label: string; textEdit?: unknown }[]): string[] {
  const lines = splitLines(text);
  const problems: string[] = [];
  // Editors hide a byte-order mark; a position before it is not one a person can put the cursor on.
  const beforeBom = position.line === 0 && position.character === 0 && lines[0].charCodeAt(0) === 0xfeff;
  const inside = position.line < lines.length && position.character <= lines[position.line].length && !beforeBom;
  for (const item of items) {
    if (typeof item.label !== 'string' || item.label === '') problems.push('completion item without a label');
    const edit = item.textEdit as TextEdit | undefined;
    if (!edit) continue;
    const problem = rangeProblem(lines, edit.range, `completion ${item.label}`);
    if (problem) {
      problems.push(problem);
      continue;
    }
    const { start, end } = edit.range;
    if (inside && (start.line !== position.line || end.line !== position.line || start.character > position.character || end.character < position.character)) {
      problems.push(`completion ${item.label}: its edit ${JSON.stringify(edit.range)} does not cover the position ${JSON.stringify(position)}`);
    }
  }
  return problems;
}
