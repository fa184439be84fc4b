/**
 * The grammar of a fragment's lines, defined once: the field line `**Key**: value`, the Markdown habits read around
 * it, and the redaction-marker token `<word>`. The parser, the editing features and rules, the client (Tab between
 * fields, detection by content) and the generator of the TextMate grammar and of package.json's `firstLine`
 * (scripts/generate-contributions.ts) all take them from here; test/unit/grammar.test.ts checks that the generated
 * expressions accept exactly what these functions accept.
 *
 * Tiny and without imports: the client bundle includes it. Expression sources use only the syntax JavaScript and
 * Oniguruma (TextMate) share.
 */

// ── The field line ──────────────────────────────────────────────────────────────────────────────────────────────
//
// `**` key `**` `:` value, from the left margin. The key is 1 to MAX_KEY_LENGTH characters with no `*` and no line
// break; white space around it belongs to no key (the export writes `**Additional information (use if needed) **:`).
// The space after the colon is optional. A text's first line may start with a byte-order mark, which belongs to no
// field.

/** The longest key read; bounds the work on a megabyte line that starts with `**`. */
export const MAX_KEY_LENGTH = 200;
const BYTE_ORDER_MARK = 0xfeff;
const STAR = 42;
const COLON = 58;

/**
 * An expression built around the key's: `key` is 1 to MAX_KEY_LENGTH key characters, `char` one of them. (Built by
 * a call marked pure, so that a bundle that does not use an expression leaves it out: the client's does.)
 */
function aroundKey(build: (key: string, char: string) => string): string {
  const char = '[^*\\r\\n]';
  return build(`${char}{1,${MAX_KEY_LENGTH}}`, char);
}

/** `**Key**:` at the start of a line, the key captured as written (spaces kept): what `fieldKeyEnd` finds. */
export const FIELD_HEAD_SOURCE = /* @__PURE__ */ aroundKey((key) => `^\\*\\*(${key}?)\\*\\*:`);
export const FIELD_HEAD = /* @__PURE__ */ new RegExp(FIELD_HEAD_SOURCE);

/**
 * The same line for TextMate, with four captures: `**`; the key (spaces before it kept); the spaces after it and `**`;
 * `:`. The look-ahead holds the key's length and characters; the captures only split what it accepted.
 */
export const FIELD_HEAD_TEXTMATE = /* @__PURE__ */ aroundKey((key, char) => `^(\\*\\*)(?=${key}\\*\\*:)(${char}*?)(\\s*\\*\\*)(:)`);

/**
 * A field line whose key, trimmed, is `name`, a byte-order mark allowed first: package.json's `firstLine` is this for
 * the record-start key. `\s` takes the very characters `String.prototype.trim` removes.
 */
export function keyLineSource(name: string): string {
  return aroundKey((key) => `^\\uFEFF?\\*\\*(?=${key}\\*\\*:)\\s*${escapeRegExp(name)}\\s*\\*\\*:`);
}

/** The next index of a `*` at or after a position, or the text's length (the parser keeps one such search going). */
export interface StarSearch {
  from(at: number): number;
}

/**
 * Where the key of a field line ends (the index of its closing `**`), or -1 when the line is not a field line. The
 * line runs from `start` (its `**`, after any byte-order mark) to `end` (its line break or the text's end) in `text`.
 * This is what FIELD_HEAD matches there, found without the expression engine: a key holds no `*`, so it can only end
 * at the first one. `stars` lets a caller that reads a whole text share one forward search (see the parser).
 */
export function fieldKeyEnd(text: string, start: number, end: number, stars?: StarSearch): number {
  if (text.charCodeAt(start) !== STAR || text.charCodeAt(start + 1) !== STAR || start + 2 > end) return -1;
  const star = stars ? stars.from(start + 2) : firstStar(text, start + 2, Math.min(end, start + 3 + MAX_KEY_LENGTH));
  return star > start + 2 && star <= start + 2 + MAX_KEY_LENGTH && star + 2 < end && text.charCodeAt(star + 1) === STAR && text.charCodeAt(star + 2) === COLON
    ? star
    : -1;
}

function firstStar(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === STAR) return i;
  return to;
}

/** Characters before the `**` of a line starting at `at`: 1 for a byte-order mark (only a text's first line has one). */
export function byteOrderMarkLength(text: string, at = 0): number {
  return text.charCodeAt(at) === BYTE_ORDER_MARK ? 1 : 0;
}

/**
 * The key, trimmed, of the field line `text` starts with (its first line, after a byte-order mark), or undefined
 * when that line is not a field line.
 */
export function fieldLineKey(text: string): string | undefined {
  const start = byteOrderMarkLength(text);
  const keyEnd = firstLineKeyEnd(text, start);
  return keyEnd < 0 ? undefined : text.slice(start + 2, keyEnd).trim();
}

/** Where the value of the field line `text` starts with begins (right after the colon), or -1 when it is none. */
export function fieldValueStart(text: string): number {
  const keyEnd = firstLineKeyEnd(text, byteOrderMarkLength(text));
  return keyEnd < 0 ? -1 : keyEnd + 3;
}

function firstLineKeyEnd(text: string, start: number): number {
  // A field line's `**Key**:` lies within this many characters; the line's end is looked for only that far.
  const limit = Math.min(text.length, start + MAX_KEY_LENGTH + 5);
  let end = start;
  while (end < limit && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return fieldKeyEnd(text, start, end);
}

/** The start of a field line as written: `**Key**:`. */
export function fieldHeadText(key: string): string {
  return `**${key}**:`;
}

/**
 * The line that gives a field its value, as the export and every feature write it: `**Key**: value`, a space after the
 * colon even when the value is empty. A value with line breaks runs on over the following lines, which the parser
 * reads back as the same value.
 */
export function fieldLine(key: string, value = ''): string {
  return `${fieldHeadText(key)} ${value}`;
}

// ── Markdown habits around field lines ──────────────────────────────────────────────────────────────────────────

/**
 * Lines a Markdown writer puts between records, which are not a problem and belong to no field: a heading
 * (`# Record 2`) and a separator (`---`, `***`, `___`, `- - -`). No back-reference: in a TextMate `end` one would
 * refer to the `begin` match.
 */
export function layoutSource(kind: 'heading' | 'separator' | 'both' = 'both'): string {
  const heading = '#{1,6}(?:[ \\t].*)?';
  const separator = ['-', '\\*', '_'].map((mark) => `${mark}(?:[ \\t]*${mark}){2,}[ \\t]*`).join('|');
  return `^ {0,3}(?:${kind === 'heading' ? heading : kind === 'separator' ? separator : `${heading}|${separator}`})$`;
}
export const LAYOUT = /* @__PURE__ */ new RegExp(/* @__PURE__ */ layoutSource());

/** Where a field's value ends in TextMate, as the parser ends it: before the next field line or a layout line. */
export const VALUE_END_AHEAD = /* @__PURE__ */ aroundKey((key) => `(?=^\\*\\*${key}\\*\\*:|${layoutSource()})`);

/**
 * Almost a field in Markdown's bold: `**Scale: Local`, `**Scale:** Local`, `**Scale** : Local`, `**Scale**Local`,
 * `*Scale*: Local`, `  **Scale**: Local`. The key may not start with a space, so a Markdown bullet (`* item: text`)
 * is never taken for a field.
 */
export const ALMOST_BOLD = /^(\s*)(\*{1,3})(?=[^\s*])([^*:\r\n]{1,200})(\*{0,3})\s*(:?)\s*(\*{0,3})\s*/;
/**
 * `__Scale__: Local`, `__Scale:__ Local`: Markdown's other bold. Only in a field's shape (closing `__` and a colon),
 * so a word like `__init__` in prose stays prose.
 */
export const ALMOST_UNDERSCORE = /^(\s*)__(?=[^\s_])([^:\r\n]{1,200}?)\s*(?:(__)\s*:|:\s*__)\s*/;
/** `- **Scale**: Local`, `* **Scale**: Local`, `+ __Scale__: Local`: a field written as a Markdown list item. */
export const LIST_BULLET = /^\s*[-*+][ \t]+(?=\*\*|__)/;

// ── The redaction-marker token ──────────────────────────────────────────────────────────────────────────────────
//
// `<redacted>`, `<LOC>`, `<person>`: `<`, a letter, then up to MARKER_TAIL letters, digits, `_`, `-` or spaces, `>`.
// A token of this shape that is not one of the schema's markers is the unknown-marker problem; a team schema may
// name markers of any other shape too, which are then plain text to the token-finding functions below.

/** How many characters may follow a marker's first letter. */
export const MARKER_TAIL = 30;
export const MARKER_TOKEN_SOURCE = /* @__PURE__ */ markerTokenSource();

function markerTokenSource(): string {
  return `<[A-Za-z][A-Za-z0-9_ -]{0,${MARKER_TAIL}}>`;
}

/**
 * The end (after `>`) of a marker token starting at the `<` at `start`, or -1: what MARKER_TOKEN_SOURCE matches
 * there, read by hand because nearly every `<` in a record opens a known marker and the unknown-marker rule runs
 * this on every one. Bounded, so a long line is scanned in linear time.
 */
export function markerTokenEnd(text: string, start: number): number {
  if (text.charCodeAt(start) !== 60 || !isAsciiLetter(text.charCodeAt(start + 1))) return -1;
  const limit = Math.min(text.length, start + 3 + MARKER_TAIL);
  for (let i = start + 2; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === 62) return i + 1; // >
    if (!isMarkerTailChar(code)) return -1;
  }
  return -1;
}

/** Whether the whole of `text` is one marker token. */
export function isMarkerToken(text: string): boolean {
  return markerTokenEnd(text, 0) === text.length;
}

/** Whether `text` holds a marker token anywhere. */
export function containsMarkerToken(text: string): boolean {
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) if (markerTokenEnd(text, at) > 0) return true;
  return false;
}

/** The marker tokens of a line, left to right, as [start, end) character offsets. */
export function markerTokens(line: string): [number, number][] {
  const tokens: [number, number][] = [];
  for (let at = line.indexOf('<'); at >= 0; ) {
    const end = markerTokenEnd(line, at);
    if (end < 0) at = line.indexOf('<', at + 1);
    else {
      tokens.push([at, end]);
      at = line.indexOf('<', end);
    }
  }
  return tokens;
}

/** Whether `typed` is the start of a marker token being written: `<`, then what a token may hold before its `>`. */
export function isMarkerTokenStart(typed: string): boolean {
  if (typed.charCodeAt(0) !== 60 || typed.length > 2 + MARKER_TAIL) return false;
  if (typed.length > 1 && !isAsciiLetter(typed.charCodeAt(1))) return false;
  for (let i = 2; i < typed.length; i++) if (!isMarkerTailChar(typed.charCodeAt(i))) return false;
  return true;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isMarkerTailChar(code: number): boolean {
  return isAsciiLetter(code) || (code >= 48 && code <= 57) || code === 95 || code === 32 || code === 45;
}

/** `text` as an expression that matches exactly it. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
