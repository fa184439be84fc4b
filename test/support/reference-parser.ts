/**
 * The parser as it was before it read the text in place (commit 823fdd3): split into line strings, then each line
 * examined on its own. Kept as the reference the in-place parser must agree with (test/unit/parser-reference.test.ts):
 * it is slower, but each step can be checked by reading it.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import { readMarkdownLine } from '../../server/src/core/parser';

/** The longest key we look for; bounds the work on a megabyte line that starts with `**`. */
const MAX_KEY_LENGTH = 200;

/**
 * Where the key of a `**Key**:` line ends (the index of its closing `**`), or -1 when the line is not a field. The
 * key is 1 to MAX_KEY_LENGTH characters without `*` and may hold a trailing space (the real export does). This is
 * what `^\*\*([^*\r\n]{1,200}?)\*\*:` matches (a line holds no line break), found without the regular-expression
 * engine: a key holds no `*`, so it can only end at the first one, and `indexOf` finds that fastest.
 */
function fieldKeyEnd(text: string): number {
  if (text.charCodeAt(0) !== 42 || text.charCodeAt(1) !== 42) return -1;
  const end = text.indexOf('*', 2);
  return end > 2 && end <= 2 + MAX_KEY_LENGTH && text.charCodeAt(end + 1) === 42 && text.charCodeAt(end + 2) === 58 ? end : -1;
}

export interface Field {
  /** The key as written, trimmed. */
  readonly key: string;
  readonly keyRange: Range;
  /** Line of `**Key**:`. */
  readonly line: number;
  /** The value, trimmed, continuation lines joined with `\n`. */
  readonly value: string;
  /** Exactly the trimmed value; an empty range right after the colon when the value is empty. */
  readonly valueRange: Range;
  /**
   * Where each line of a multi-line `value` sits, so an offset in `value` maps back to a position. Empty when the
   * value is on one line (then `valueRange.start` plus the offset is the position): most values are.
   */
  valueLines: readonly ValueLine[];
  /** Last line of the value (the field's line when the value is empty or on one line). */
  readonly endLine: number;
  /** Index of the record that holds the field. */
  readonly record: number;
  /** Position in `ParsedDocument.fields`, so per-field results can live in arrays. */
  readonly index: number;
}

/**
 * A field as the parser builds it: positions are kept as numbers and turned into LSP ranges only when asked for,
 * because most fields are never reported and a large document holds hundreds of thousands of them.
 */
class ParsedField implements Field {
  value = '';
  valueLines: readonly ValueLine[] = NO_VALUE_LINES;
  endLine: number;
  valueStartLine: number;
  valueStartCharacter: number;
  valueEndCharacter: number;

  constructor(
    readonly key: string,
    readonly line: number,
    readonly keyStart: number,
    valueStart: number,
    readonly record: number,
    readonly index: number,
  ) {
    this.endLine = line;
    this.valueStartLine = line;
    this.valueStartCharacter = valueStart;
    this.valueEndCharacter = valueStart;
  }

  get keyRange(): Range {
    return range(this.line, this.keyStart, this.line, this.keyStart + this.key.length);
  }

  get valueRange(): Range {
    return range(this.valueStartLine, this.valueStartCharacter, this.endLine, this.valueEndCharacter);
  }
}

export interface ValueLine {
  line: number;
  /** Character where this line's part of the value starts. */
  character: number;
  /** Offset of this line's part inside `Field.value`. */
  offset: number;
  length: number;
}

export interface FragmentRecord {
  index: number;
  startLine: number;
  endLine: number;
  fields: Field[];
}

/** A line that is almost a field (`**Scale: Local`, `Scale: Local`); it is not merged into the previous value. */
export interface MalformedLine {
  line: number;
  /** The whole line, trimmed. */
  range: Range;
  key: string;
  value: string;
  /** Short explanation of what is wrong with the line, for the message. */
  problem: string;
}

export interface ParsedDocument {
  text: string;
  lines: string[];
  records: FragmentRecord[];
  fields: Field[];
  malformed: MalformedLine[];
}

export interface ParseOptions {
  /** Keys that start a new record (default `FragmentID`). */
  recordStartKeys?: readonly string[];
  /** Tells whether a bare `Key: value` line names a schema key; such lines are malformed fields. */
  isKnownKey?: (key: string) => boolean;
  /**
   * Keys as the schema spells them, in the order records list them. A field key equal to one is kept as that very
   * string: a large file repeats each key thousands of times, and one shared copy weighs less and compares faster.
   */
  sharedKeys?: readonly string[];
}

/** Splits on LF, CRLF and lone CR, as LSP does; the line strings hold no terminator. */
export function splitLines(text: string): string[] {
  // Most files break lines with LF alone; splitting on one character is several times faster than on an expression.
  return text.indexOf('\r') < 0 ? text.split('\n') : text.split(/\r\n|\r|\n/);
}

export function parse(text: string, options: ParseOptions = {}): ParsedDocument {
  const recordStartKeys = options.recordStartKeys ?? ['FragmentID'];
  const sharedKeys = options.sharedKeys ?? [];
  let nextShared = 0; // the shared key the next field most likely has
  const lines = splitLines(text);
  const records: FragmentRecord[] = [];
  const fields: Field[] = [];
  const malformed: MalformedLine[] = [];
  // The field being read: its value starts at `valueStart` on its own line and runs through `lastLine`.
  let current: ParsedField | undefined;
  let valueStart = 0;
  let lastLine = 0;

  const finishField = () => {
    if (current) finalizeValue(current, lines, valueStart, lastLine);
    current = undefined;
  };

  for (let line = 0; line < lines.length; line++) {
    let text = lines[line];
    // A BOM belongs to no field; skip it but keep character positions right.
    const skip = line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (skip) text = text.slice(1);
    const keyEnd = fieldKeyEnd(text);
    if (keyEnd > 0) {
      finishField();
      const rawKey = text.slice(2, keyEnd);
      let key = mayBeSpace(rawKey.charCodeAt(0)) || mayBeSpace(rawKey.charCodeAt(rawKey.length - 1)) ? rawKey.trim() : rawKey;
      if (sharedKeys.length > 0) {
        const shared = key === sharedKeys[nextShared] ? nextShared : sharedKeys.indexOf(key);
        if (shared >= 0) {
          key = sharedKeys[shared];
          nextShared = shared + 1 < sharedKeys.length ? shared + 1 : 0;
        }
      }
      const keyStart = key.length === rawKey.length ? skip + 2 : skip + 2 + (rawKey.length - rawKey.trimStart().length);
      valueStart = skip + keyEnd + 3;
      lastLine = line;
      // A short array, compared by value: hashing every key for a Set lookup cost as much as the regex.
      if (records.length === 0 || recordStartKeys.includes(key)) {
        records.push({ index: records.length, startLine: line, endLine: line, fields: [] });
      }
      const record = records[records.length - 1];
      current = new ParsedField(key, line, keyStart, valueStart, record.index, fields.length);
      record.fields.push(current);
      fields.push(current);
      continue;
    }
    const almost = recogniseLooseLine(text, options.isKnownKey);
    if (almost === 'layout') {
      finishField(); // a heading or separator between records ends the value before it, and is part of none
      continue;
    }
    if (almost) {
      finishField();
      const start = skip + (text.length - text.trimStart().length);
      malformed.push({ ...almost, line, range: range(line, start, line, skip + text.trimEnd().length) });
      continue;
    }
    if (current) lastLine = line;
  }
  finishField();
  // A record runs until the next record starts, so trailing free text stays inside it.
  for (let i = 0; i < records.length; i++) {
    const last = records[i].fields[records[i].fields.length - 1];
    records[i].endLine = i + 1 < records.length ? records[i + 1].startLine - 1 : Math.max(last.endLine, lastContentLine(lines));
  }
  return { text, lines, records, fields, malformed };
}

const NO_VALUE_LINES: readonly ValueLine[] = Object.freeze([]);

/** Whether `trim` might remove this character: cheaper to ask than to call `trim` on every key. */
function mayBeSpace(code: number): boolean {
  return code <= 32 || code >= 0xa0;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x3000 || code === 0x202f || code === 0x205f || code === 0x1680;
}

/** First non-space character of `text` from `from`, or -1. */
function contentStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return i;
  return -1;
}

function contentEnd(text: string): number {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * Trims the value across its lines (`field.line` from `valueStart`, then whole lines up to `lastLine`). Reads the
 * line array directly, and records per-line positions only for values that really span several lines.
 */
function finalizeValue(field: ParsedField, lines: readonly string[], valueStart: number, lastLine: number): void {
  let first = -1;
  let firstCharacter = 0;
  let last = -1;
  for (let line = field.line; line <= lastLine; line++) {
    const at = contentStart(lines[line], line === field.line ? valueStart : 0);
    if (at < 0) continue;
    if (first < 0) {
      first = line;
      firstCharacter = at;
    }
    last = line;
  }
  if (first < 0) return; // empty: the zero-width range after the colon stays
  const lastEnd = contentEnd(lines[last]);
  field.endLine = last;
  field.valueStartLine = first;
  field.valueStartCharacter = firstCharacter;
  field.valueEndCharacter = lastEnd;
  if (first === last) {
    field.value = lines[first].slice(firstCharacter, lastEnd);
    return;
  }
  const parts: string[] = [];
  const valueLines: ValueLine[] = [];
  let offset = 0;
  for (let line = first; line <= last; line++) {
    const character = line === first ? firstCharacter : 0;
    const text = lines[line].slice(character, line === last ? lastEnd : undefined);
    parts.push(text);
    valueLines.push({ line, character, offset, length: text.length });
    offset += text.length + 1;
  }
  field.value = parts.join('\n');
  field.valueLines = valueLines;
}

/** Maps an offset inside `field.value` to a document position. */
export function valuePosition(field: Field, offset: number): Position {
  const lines = field.valueLines;
  if (lines.length === 0) {
    const start = field.valueRange.start;
    return { line: start.line, character: start.character + Math.min(Math.max(0, offset), field.value.length) };
  }
  for (const part of lines) {
    if (offset <= part.offset + part.length) {
      return { line: part.line, character: part.character + Math.max(0, offset - part.offset) };
    }
  }
  const tail = lines[lines.length - 1];
  return { line: tail.line, character: tail.character + tail.length };
}

export function valueSubRange(field: Field, start: number, end: number): Range {
  return { start: valuePosition(field, start), end: valuePosition(field, end) };
}

/** Only this much of a line is examined for an almost-field; the value is still taken whole. */
const MALFORMED_SCAN = 4096;
/** The longest key a bare `Key: value` line may have. */
const MAX_BARE_KEY = 200;

type Almost = Omit<MalformedLine, 'line' | 'range'>;

/**
 * A line that is not a field but more than text: Markdown layout, or almost a field. The Markdown habits are read by
 * the parser's own `readMarkdownLine` (one grammar for them); what this reference checks is that the in-place parser
 * finds the same lines, with the same keys, values and ranges.
 */
function recogniseLooseLine(text: string, isKnownKey: (key: string) => boolean = () => false): Almost | 'layout' | undefined {
  const head = text.length > MALFORMED_SCAN ? text.slice(0, MALFORMED_SCAN) : text;
  const markdown = readMarkdownLine(text, isKnownKey);
  if (markdown) return markdown;
  // `Scale: Local`: the key is everything before the first colon. Found without a regular expression, because
  // `^\s*(.{1,200}?)\s*:` backtracks for seconds on a line of a few thousand spaces.
  const colon = head.indexOf(':');
  if (colon < 0) return undefined;
  const key = head.slice(0, colon).trim();
  if (key === '' || key.length > MAX_BARE_KEY || key.includes('*') || !isKnownKey(key)) return undefined;
  return { key, value: text.slice(colon + 1).trim(), problem: 'the key is not written between ** and **' };
}

function lastContentLine(lines: string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i].trim() !== '') return i;
  return 0;
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}
