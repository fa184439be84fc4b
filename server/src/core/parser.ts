/**
 * Parser for fragment files: `**Key**: value` lines grouped into records. What a field line, a Markdown habit and a
 * marker look like is the line grammar's (grammar.ts); this module reads a whole text with it.
 *
 * Pure and total: any string parses. Positions are LSP positions (line, UTF-16 character), which is
 * what JavaScript string indices already are.
 */
import * as l10n from '@vscode/l10n';
import type { Position, Range } from 'vscode-languageserver-types';
import { ALMOST_BOLD, ALMOST_UNDERSCORE, byteOrderMarkLength, fieldKeyEnd, LAYOUT, LIST_BULLET, type StarSearch } from './grammar';

// The field line's shape as an expression, for code that still reads a line on its own (see grammar.ts).
export { FIELD_HEAD } from './grammar';

/**
 * A `**Key**: value` line and the lines its value runs over. Plain data, made by an object literal: a large document
 * holds hundreds of thousands of fields, all alive while the rules run, and V8 allocates objects made by a literal
 * that all stay alive straight into the old generation, which halves the garbage collector's work on them (objects
 * of a class are copied between young spaces first). For the same reason a field keeps offsets into the text instead
 * of its value and ranges: `fieldValue`, `keyRange` and `valueRange` work them out when asked, which for ranges is
 * mostly when a problem is reported.
 */
export interface Field {
  /** The key as written, trimmed. */
  readonly key: string;
  /** Line of `**Key**:`. */
  readonly line: number;
  /**
   * Where each line of a multi-line value sits, so an offset in the value maps back to a position. Empty when the
   * value is on one line (then the start of `valueRange` plus the offset is the position): most values are.
   */
  readonly valueLines: readonly ValueLine[];
  /** Last line of the value (the field's line when the value is empty or on one line). */
  readonly endLine: number;
  /** Index of the record that holds the field. */
  readonly record: number;
  /** Position in `ParsedDocument.fields`, so per-field results can live in arrays. */
  readonly index: number;
  /** The document's text, and where in it the field's line, its trimmed key and its one-line value lie. */
  readonly text: string;
  readonly lineStart: number;
  readonly keyFrom: number;
  readonly valueFrom: number;
  readonly valueTo: number;
  /** The value and its range when it does not lie on the field's own line; rare. */
  readonly moved: MovedValue | undefined;
}

/** A value that runs over several lines, or sits alone on a later line than its key. */
interface MovedValue {
  /** The lines joined with `\n`. */
  readonly value: string;
  readonly range: Range;
}

type ParsedField = { -readonly [K in keyof Field]: Field[K] };

/** The value, trimmed, continuation lines joined with `\n`. */
export function fieldValue(field: Field): string {
  return field.moved ? field.moved.value : field.text.slice(field.valueFrom, field.valueTo);
}

/** Whether the field has a value: the same as `fieldValue(field) !== ''`, without cutting the value out. */
export function hasValue(field: Field): boolean {
  return field.moved !== undefined || field.valueTo > field.valueFrom;
}

/**
 * Where the field's `**Key**:` sits on its line, read from the positions the parse found: the character of the
 * opening `**` (1 after a byte-order mark) and the one right after the colon. The key as written, spaces kept, is
 * the line's text between `start + 2` and `colonEnd - 3`.
 */
export interface FieldHead {
  start: number;
  colonEnd: number;
}

export function fieldHead(field: Field): FieldHead {
  // A key holds no `*`, so the first one after it is its closing `**`.
  const closing = field.text.indexOf('*', field.keyFrom);
  return { start: byteOrderMarkLength(field.text, field.lineStart), colonEnd: closing + 3 - field.lineStart };
}

/** Exactly the key, trimmed. */
export function keyRange(field: Field): Range {
  const character = field.keyFrom - field.lineStart;
  return range(field.line, character, field.line, character + field.key.length);
}

/** Exactly the trimmed value; an empty range right after the colon when the value is empty. */
export function valueRange(field: Field): Range {
  if (field.moved) {
    const { start, end } = field.moved.range;
    return range(start.line, start.character, end.line, end.character);
  }
  return range(field.line, field.valueFrom - field.lineStart, field.line, field.valueTo - field.lineStart);
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
  readonly text: string;
  /** The text's lines, without their line breaks (see `splitLines`). */
  readonly lines: string[];
  readonly records: FragmentRecord[];
  readonly fields: Field[];
  readonly malformed: MalformedLine[];
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

/**
 * The next index of one character at or after a position. Asked with positions that only grow, it searches each
 * stretch of the text once, so a whole parse stays linear however far apart the characters are.
 */
class NextIndex implements StarSearch {
  private at = -1;
  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  /** The index of the character at or after `from`, or the text's length when there is none. */
  from(from: number): number {
    if (this.at < from) {
      this.at = this.text.indexOf(this.char, from);
      if (this.at < 0) this.at = this.text.length;
    }
    return this.at;
  }
}

/**
 * Reads the text in place, line by line, by offsets: no array of line strings is built (a large file has hundreds of
 * thousands of lines, and the strings were most of the garbage a check left behind). `ParsedDocument.lines` is split
 * on first use, for the features that want it.
 */
export function parse(text: string, options: ParseOptions = {}): ParsedDocument {
  const recordStartKeys = options.recordStartKeys ?? ['FragmentID'];
  const sharedKeys = options.sharedKeys ?? [];
  let nextShared = 0; // the shared key the next field most likely has
  const records: FragmentRecord[] = [];
  const fields: Field[] = [];
  const malformed: MalformedLine[] = [];
  const nextLineFeed = new NextIndex(text, '\n');
  const nextReturn = new NextIndex(text, '\r');
  const nextStar = new NextIndex(text, '*');
  const nextColon = new NextIndex(text, ':');
  // The field being read. Its value is read from `spans`: offset pairs [from, to) of the part of its own line after
  // the colon, then of each following line it may run through.
  let current: ParsedField | undefined;
  let currentLineStart = 0;
  const spans: number[] = [];
  let spanEnd = 0; // spans[0 .. spanEnd) are the current field's; the array is reused from field to field
  const lastContent = lastContentOffset(text);
  let lastContentLine = 0;

  const finishField = () => {
    if (current) finalizeValue(current, text, currentLineStart, spans, spanEnd);
    current = undefined;
  };

  for (let line = 0, lineStart = 0; ; line++) {
    // LSP line breaks: LF, CRLF, or CR alone.
    const lineFeed = nextLineFeed.from(lineStart);
    const lineEnd = Math.min(lineFeed, nextReturn.from(lineStart));
    const nextLineStart = lineEnd + (text.charCodeAt(lineEnd) === 13 && lineEnd + 1 === lineFeed ? 2 : 1);
    if (lineStart <= lastContent && lastContent < nextLineStart) lastContentLine = line;
    // A BOM belongs to no field; skip it but keep character positions right.
    const skip = line === 0 ? byteOrderMarkLength(text) : 0;
    const start = lineStart + skip;
    const keyEnd = fieldKeyEnd(text, start, lineEnd, nextStar);
    if (keyEnd > 0) {
      finishField();
      const keyFrom = start + 2;
      let key: string;
      let keyStart = keyFrom;
      const guess = sharedKeys[nextShared];
      // The usual case: a schema key, in schema order. (Cutting the key out and comparing it with `===` is faster in
      // V8 than `startsWith` at an offset or a loop over character codes.)
      if (guess !== undefined && guess.length === keyEnd - keyFrom && text.substring(keyFrom, keyEnd) === guess) {
        key = guess;
        nextShared = nextShared + 1 < sharedKeys.length ? nextShared + 1 : 0;
      } else {
        const rawKey = text.slice(keyFrom, keyEnd);
        key = mayBeSpace(rawKey.charCodeAt(0)) || mayBeSpace(rawKey.charCodeAt(rawKey.length - 1)) ? rawKey.trim() : rawKey;
        if (key.length !== rawKey.length) keyStart += rawKey.length - rawKey.trimStart().length;
        const shared = sharedKeys.indexOf(key);
        if (shared >= 0) {
          key = sharedKeys[shared];
          nextShared = shared + 1 < sharedKeys.length ? shared + 1 : 0;
        }
      }
      // A short array, compared by value: hashing every key for a Set lookup cost as much as the regex.
      if (records.length === 0 || recordStartKeys.includes(key)) {
        records.push({ index: records.length, startLine: line, endLine: line, fields: [] });
      }
      const record = records[records.length - 1];
      // One literal with every property, always in this order: see `Field`.
      current = {
        key,
        line,
        valueLines: NO_VALUE_LINES,
        endLine: line,
        record: record.index,
        index: fields.length,
        text,
        lineStart,
        keyFrom: keyStart,
        valueFrom: keyEnd + 3,
        valueTo: keyEnd + 3,
        moved: undefined,
      };
      record.fields.push(current);
      fields.push(current);
      currentLineStart = lineStart;
      spans[0] = keyEnd + 3;
      spans[1] = lineEnd;
      spanEnd = 2;
    } else {
      const loose = start < lineEnd ? recogniseLooseLine(text, start, lineEnd, nextColon, options.isKnownKey) : undefined;
      if (loose === 'layout') {
        finishField(); // a heading or separator between records ends the value before it, and is part of none
      } else if (loose) {
        finishField();
        const lineText = text.slice(start, lineEnd);
        const from = skip + (lineText.length - lineText.trimStart().length);
        malformed.push({ ...loose, line, range: range(line, from, line, skip + lineText.trimEnd().length) });
      } else if (current) {
        spans[spanEnd++] = lineStart;
        spans[spanEnd++] = lineEnd;
      }
    }
    if (lineEnd >= text.length) break;
    lineStart = nextLineStart;
  }
  finishField();
  // A record runs until the next record starts, so trailing free text stays inside it.
  for (let i = 0; i < records.length; i++) {
    const last = records[i].fields[records[i].fields.length - 1];
    records[i].endLine = i + 1 < records.length ? records[i + 1].startLine - 1 : Math.max(last.endLine, lastContentLine);
  }
  return new Parsed(text, records, fields, malformed);
}

/** A parse result; its `lines` are split from the text when first read. */
class Parsed implements ParsedDocument {
  private splitText: string[] | undefined = undefined;

  constructor(
    readonly text: string,
    readonly records: FragmentRecord[],
    readonly fields: Field[],
    readonly malformed: MalformedLine[],
  ) {}

  get lines(): string[] {
    return (this.splitText ??= splitLines(this.text));
  }
}

const NO_VALUE_LINES: readonly ValueLine[] = Object.freeze([]);


/** Whether `trim` might remove this character: cheaper to ask than to call `trim` on every key. */
function mayBeSpace(code: number): boolean {
  return code <= 32 || code >= 0xa0;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x3000 || code === 0x202f || code === 0x205f || code === 0x1680;
}

/** Whether `String.prototype.trim` removes this character: white space and line terminators. */
function isTrimmed(code: number): boolean {
  return isSpace(code) || (code >= 10 && code <= 13) || code === 0x2028 || code === 0x2029;
}

/** The offset of the text's last character that `trim` keeps, or -1 when it is all white space. */
function lastContentOffset(text: string): number {
  let at = text.length - 1;
  while (at >= 0 && isTrimmed(text.charCodeAt(at))) at--;
  return at;
}

/** First non-space character of `text` in [from, to), or -1. */
function contentStart(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return i;
  return -1;
}

/** Just after the last non-space character of `text` in [from, to). */
function contentEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * Trims the value across its spans (see `parse`) and records per-line positions only for values that really span
 * several lines. Spans are offsets into the text, up to `spanEnd`; `lineStart` is where the field's own line starts.
 */
function finalizeValue(field: ParsedField, text: string, lineStart: number, spans: readonly number[], spanEnd: number): void {
  let first = -1;
  let firstAt = 0;
  let last = -1;
  for (let k = 0; k < spanEnd; k += 2) {
    const at = contentStart(text, spans[k], spans[k + 1]);
    if (at < 0) continue;
    if (first < 0) {
      first = k;
      firstAt = at;
    }
    last = k;
  }
  if (first < 0) return; // empty: the zero-width range after the colon stays
  const lastEnd = contentEnd(text, spans[last], spans[last + 1]);
  field.endLine = field.line + last / 2;
  if (first === last) {
    if (first === 0) {
      field.valueFrom = firstAt;
      field.valueTo = lastEnd;
      return;
    }
    // Alone on a later line than the key.
    const line = field.line + first / 2;
    const character = firstAt - spans[first];
    field.moved = { value: text.slice(firstAt, lastEnd), range: range(line, character, line, character + lastEnd - firstAt) };
    return;
  }
  // Span k (even) is on the field's line plus k / 2; the first span starts after the colon, the others at line start.
  const parts: string[] = [];
  const valueLines: ValueLine[] = [];
  let offset = 0;
  for (let k = first; k <= last; k += 2) {
    const from = k === first ? firstAt : spans[k];
    const part = text.slice(from, k === last ? lastEnd : spans[k + 1]);
    parts.push(part);
    valueLines.push({ line: field.line + k / 2, character: from - (k === 0 ? lineStart : spans[k]), offset, length: part.length });
    offset += part.length + 1;
  }
  const start = valueLines[0];
  const end = valueLines[valueLines.length - 1];
  field.valueLines = valueLines;
  field.moved = { value: parts.join('\n'), range: range(start.line, start.character, end.line, end.character + end.length) };
}

/** Maps an offset inside the field's value (`fieldValue`) to a document position. */
export function valuePosition(field: Field, offset: number): Position {
  const lines = field.valueLines;
  if (lines.length === 0) {
    // On one line: the value's own offsets in the text give the position.
    const from = field.moved ? field.moved.range.start : { line: field.line, character: field.valueFrom - field.lineStart };
    const length = field.moved ? field.moved.value.length : field.valueTo - field.valueFrom;
    return { line: from.line, character: from.character + Math.min(Math.max(0, offset), length) };
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

/** What a line that is not a field line is, when it is more than text: Markdown layout, or almost a field. */
export type LooseLine = Almost | 'layout';

/**
 * Whether a line starting with this character can be Markdown layout or a bold almost-field: a `*`, `_`, `#`, `-`, `+`
 * or white space (ASCII or not) first. Most lines are prose and are told apart by this alone.
 */
function mayBeMarkdown(code: number): boolean {
  return code === 42 || code === 95 || code === 35 || code === 45 || code === 43 || code <= 32 || code >= 0xa0;
}

/**
 * A line (from `start` to `end` in `text`) that is not a field: Markdown layout, almost a field, or neither. For a
 * schema key any near miss counts; for an unknown key only an unmistakable field shape (`**Key:** value`,
 * `**Key** : value`, `__Key__: value`), so bold words in prose stay prose. Most lines are neither, and are told apart
 * without cutting the line out of the text.
 */
function recogniseLooseLine(text: string, start: number, end: number, nextColon: NextIndex, isKnownKey: (key: string) => boolean = () => false): LooseLine | undefined {
  if (mayBeMarkdown(text.charCodeAt(start))) {
    const markdown = readMarkdownLine(text.slice(start, end), isKnownKey);
    if (markdown) return markdown;
  }
  // `Scale: Local`: the key is everything before the first colon. Found without a regular expression, because
  // `^\s*(.{1,200}?)\s*:` backtracks for seconds on a line of a few thousand spaces.
  const colon = nextColon.from(start);
  if (colon >= Math.min(end, start + MALFORMED_SCAN)) return undefined;
  const key = text.slice(start, colon).trim();
  if (key === '' || key.length > MAX_BARE_KEY || key.includes('*') || !isKnownKey(key)) return undefined;
  return { key, value: text.slice(colon + 1, end).trim(), problem: l10n.t('the key is not written between ** and **') };
}

/**
 * The Markdown habits in a line that is not a field line: layout between records, or a field written the way
 * Markdown writes bold or lists. Exported for the reference parser the tests compare this one with.
 */
export function readMarkdownLine(line: string, isKnownKey: (key: string) => boolean = () => false): LooseLine | undefined {
  const head = line.length > MALFORMED_SCAN ? line.slice(0, MALFORMED_SCAN) : line;
  // Anchored, with no nested repetition: linear on a megabyte line too.
  if (LAYOUT.test(line)) return 'layout';
  const bullet = LIST_BULLET.exec(head);
  if (bullet) {
    const rest = line.slice(bullet[0].length);
    const keyEnd = fieldKeyEnd(rest, 0, rest.length);
    const field = keyEnd > 0 ? { key: rest.slice(2, keyEnd).trim(), value: rest.slice(keyEnd + 3).trim() } : readAlmostBold(rest, isKnownKey);
    if (!field || !isKnownKey(field.key)) return undefined; // a bold word in a list of notes
    return { key: field.key, value: field.value, problem: l10n.t('it starts with a list bullet ({0})', JSON.stringify(bullet[0].trim())) };
  }
  return readAlmostBold(line, isKnownKey);
}

function readAlmostBold(line: string, isKnownKey: (key: string) => boolean): Almost | undefined {
  const head = line.length > MALFORMED_SCAN ? line.slice(0, MALFORMED_SCAN) : line;
  const underscore = ALMOST_UNDERSCORE.exec(head);
  if (underscore) {
    const [whole, , rawKey, closing] = underscore;
    const problem = closing
      ? l10n.t('the key is written between __ and __ instead of ** and **')
      : l10n.t('the key is written between __ and __ instead of ** and **, with the colon inside them');
    return { key: rawKey.trim(), value: line.slice(whole.length).trim(), problem };
  }
  const bold = ALMOST_BOLD.exec(head);
  if (!bold) return undefined;
  const [whole, indent, opening, rawKey, closing, colon, afterColon] = bold;
  const key = rawKey.trim();
  const value = line.slice(whole.length).trim();
  const known = isKnownKey(key);
  const fieldShaped = opening === '**' && colon !== '' && (closing === '**' || afterColon === '**');
  if (!known && !fieldShaped) return undefined;
  let problem = l10n.t('the key is not written as **Key**:');
  if (colon && afterColon) problem = l10n.t('the colon is inside the ** markers');
  else if (!closing && !afterColon) problem = l10n.t('the closing ** after the key is missing');
  else if (!colon) problem = l10n.t('the colon after the key is missing');
  else if (indent) problem = l10n.t('the line does not start at the left margin');
  return { key, value, problem };
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}
