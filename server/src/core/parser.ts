/**
 * Parser for fragment files: `**Key**: value` lines grouped into records.
 *
 * Pure and total: any string parses. Positions are LSP positions (line, UTF-16 character), which is
 * what JavaScript string indices already are.
 */
import type { Position, Range } from 'vscode-languageserver-types';

/** The longest key we look for; bounds the work on a megabyte line that starts with `**`. */
const MAX_KEY_LENGTH = 200;
/** `**Key**:` at the very start of a line. The key may hold a trailing space (the real export does). */
const FIELD_LINE = new RegExp(`^\\*\\*([^*\\r\\n]{1,${MAX_KEY_LENGTH}}?)\\*\\*:`);

export interface Field {
  /** The key as written, trimmed. */
  key: string;
  keyRange: Range;
  /** Line of `**Key**:`. */
  line: number;
  /** The value, trimmed, continuation lines joined with `\n`. */
  value: string;
  /** Exactly the trimmed value; an empty range right after the colon when the value is empty. */
  valueRange: Range;
  /** Where each line of `value` sits, so an offset in `value` maps back to a position. */
  valueLines: ValueLine[];
  /** Last line that belongs to this field (continuations included). */
  endLine: number;
  /** Index of the record that holds the field. */
  record: number;
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
  /** Key that starts a new record (default `FragmentID`). */
  recordStartKeys?: ReadonlySet<string>;
  /** Tells whether a bare `Key: value` line names a schema key; such lines are malformed fields. */
  isKnownKey?: (key: string) => boolean;
}

/** Splits on LF, CRLF and lone CR, as LSP does; the line strings hold no terminator. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function parse(text: string, options: ParseOptions = {}): ParsedDocument {
  const recordStartKeys = options.recordStartKeys ?? new Set(['FragmentID']);
  const lines = splitLines(text);
  const records: FragmentRecord[] = [];
  const fields: Field[] = [];
  const malformed: MalformedLine[] = [];
  let current: Field | undefined;
  let pieces: Piece[] = [];

  const finishField = () => {
    if (current) finalizeValue(current, pieces);
    current = undefined;
    pieces = [];
  };

  for (let line = 0; line < lines.length; line++) {
    let text = lines[line];
    // A BOM belongs to no field; skip it but keep character positions right.
    const skip = line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (skip) text = text.slice(1);
    const match = FIELD_LINE.exec(text);
    if (match) {
      finishField();
      const rawKey = match[1];
      const key = rawKey.trim();
      const keyStart = skip + 2 + (rawKey.length - rawKey.trimStart().length);
      const valueStart = skip + match[0].length;
      if (records.length === 0 || recordStartKeys.has(key)) {
        records.push({ index: records.length, startLine: line, endLine: line, fields: [] });
      }
      const record = records[records.length - 1];
      current = {
        key,
        keyRange: range(line, keyStart, line, keyStart + key.length),
        line,
        value: '',
        valueRange: range(line, valueStart, line, valueStart),
        valueLines: [],
        endLine: line,
        record: record.index,
      };
      record.fields.push(current);
      fields.push(current);
      pieces.push({ line, character: valueStart, text: lines[line].slice(valueStart) });
      continue;
    }
    const almost = recogniseMalformed(text, options.isKnownKey);
    if (almost) {
      finishField();
      const start = skip + (text.length - text.trimStart().length);
      malformed.push({ ...almost, line, range: range(line, start, line, skip + text.trimEnd().length) });
      continue;
    }
    if (current) pieces.push({ line, character: skip, text });
  }
  finishField();
  for (const record of records) {
    const last = record.fields[record.fields.length - 1];
    record.endLine = last.endLine;
  }
  // A record runs until the next record starts, so trailing free text stays inside it.
  for (let i = 0; i < records.length; i++) {
    records[i].endLine = i + 1 < records.length ? records[i + 1].startLine - 1 : Math.max(records[i].endLine, lastContentLine(lines));
  }
  return { text, lines, records, fields, malformed };
}

interface Piece {
  line: number;
  character: number;
  text: string;
}

/** Trims the value across its lines and records where each remaining part sits. */
function finalizeValue(field: Field, pieces: Piece[]): void {
  let first = -1;
  let last = -1;
  for (let i = 0; i < pieces.length; i++) {
    if (pieces[i].text.trim() !== '') {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) {
    // Empty value: a zero-width range right after the colon, where a value would be typed.
    const head = pieces[0];
    field.valueRange = range(head.line, head.character, head.line, head.character);
    field.endLine = field.line;
    return;
  }
  const parts: string[] = [];
  let offset = 0;
  for (let i = first; i <= last; i++) {
    const piece = pieces[i];
    let text = piece.text;
    let character = piece.character;
    if (i === first) {
      const lead = text.length - text.trimStart().length;
      text = text.slice(lead);
      character += lead;
    }
    if (i === last) text = text.trimEnd();
    parts.push(text);
    field.valueLines.push({ line: piece.line, character, offset, length: text.length });
    offset += text.length + 1;
  }
  field.value = parts.join('\n');
  const head = field.valueLines[0];
  const tail = field.valueLines[field.valueLines.length - 1];
  field.valueRange = range(head.line, head.character, tail.line, tail.character + tail.length);
  field.endLine = tail.line;
}

/** Maps an offset inside `field.value` to a document position. */
export function valuePosition(field: Field, offset: number): Position {
  const lines = field.valueLines;
  if (lines.length === 0) return field.valueRange.start;
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
// `**Scale: Local`, `**Scale:** Local`, `**Scale** : Local`, `**Scale**Local`, `*Scale*: Local`, `  **Scale**: Local`.
// The key may not start with a space, so a Markdown bullet (`* item: text`) is never taken for a field.
const ALMOST_BOLD = /^(\s*)(\*{1,3})(?=[^\s*])([^*:\r\n]{1,200})(\*{0,3})\s*(:?)\s*(\*{0,3})\s*/
// `Scale: Local`
const BARE_KEY = /^\s*([^*:\r\n]{1,200}?)\s*:/;

type Almost = Omit<MalformedLine, 'line' | 'range'>;

/**
 * A line that is not a field but looks like one. For a schema key any near miss counts; for an unknown key
 * only an unmistakable field shape (`**Key:** value`, `**Key** : value`), so bold words in prose stay prose.
 */
function recogniseMalformed(text: string, isKnownKey: (key: string) => boolean = () => false): Almost | undefined {
  const head = text.length > MALFORMED_SCAN ? text.slice(0, MALFORMED_SCAN) : text;
  const bold = ALMOST_BOLD.exec(head);
  if (bold) {
    const [whole, indent, opening, rawKey, closing, colon, afterColon] = bold;
    const key = rawKey.trim();
    const value = text.slice(whole.length).trim();
    const known = isKnownKey(key);
    const fieldShaped = opening === '**' && colon !== '' && (closing === '**' || afterColon === '**');
    if (!known && !fieldShaped) return undefined;
    let problem = 'the key is not written as **Key**:';
    if (colon && afterColon) problem = 'the colon is inside the ** markers';
    else if (!closing && !afterColon) problem = 'the closing ** after the key is missing';
    else if (!colon) problem = 'the colon after the key is missing';
    else if (indent) problem = 'the line does not start at the left margin';
    return { key, value, problem };
  }
  const bare = BARE_KEY.exec(head);
  if (!bare || !isKnownKey(bare[1].trim())) return undefined;
  return { key: bare[1].trim(), value: text.slice(bare[0].length).trim(), problem: 'the key is not written between ** and **' };
}

function lastContentLine(lines: string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i].trim() !== '') return i;
  return 0;
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}
