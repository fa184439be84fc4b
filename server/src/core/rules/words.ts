/**
 * Words, marker-shaped tokens and punctuation of a value, with their offsets: what the confidentiality rules read.
 * One pass over the value, so a long value is read in linear time.
 */

export interface Token {
  readonly text: string;
  /** Offsets in the value. */
  readonly start: number;
  readonly end: number;
  /** word: letters or digits (with inner ' ’ or -); marker: `<word>`, known or not; mark: one punctuation character. */
  readonly kind: 'word' | 'marker' | 'mark';
}

/** Letters, combining marks and digits of any script: what a word is made of beyond ASCII. */
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;
/** Characters that join two parts of one word: ' ’ -. */
const JOINERS = new Set([39, 0x2019, 45]);

/** A letter or digit, for a character code below 128: decided by the code, with no pattern. */
export function isAsciiWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

function isWordCode(code: number, text: string, at: number): boolean {
  if (code < 128) return isAsciiWordCode(code);
  if (code >= 0xd800 && code <= 0xdbff) return WORD_CHARACTER.test(text.slice(at, at + 2)); // a letter outside the BMP
  if (code >= 0xdc00 && code <= 0xdfff) return isWordCode(text.charCodeAt(at - 1), text, at - 1); // its second half
  return WORD_CHARACTER.test(text[at]);
}

/** Spacing between tokens: what the tokeniser passes over. */
export function isSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
}

/** The end of a marker-shaped token `<word>` starting at `<`, or -1: what `<[A-Za-z][A-Za-z0-9_ -]{0,30}>` matches there. */
export function markerEndAt(text: string, start: number): number {
  const first = text.charCodeAt(start + 1);
  if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) return -1;
  const limit = Math.min(text.length, start + 33);
  for (let i = start + 2; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === 62) return i + 1;
    if (!((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95 || code === 32 || code === 45)) return -1;
  }
  return -1;
}

/**
 * The value's tokens, at most `limit` of them (a megabyte value is read only so far). Read a character at a time,
 * with ASCII decided by its code: this runs over every text value of every confidential record.
 */
export function tokenize(value: string, limit = Infinity, from = 0, to = value.length): Token[] {
  const tokens: Token[] = [];
  const length = to;
  for (let at = from; at < length && tokens.length < limit; ) {
    const code = value.charCodeAt(at);
    if (isSpaceCode(code)) {
      at++;
      continue;
    }
    if (code === 60) {
      const end = markerEndAt(value, at);
      if (end > 0) {
        tokens.push({ text: value.slice(at, end), start: at, end, kind: 'marker' });
        at = end;
        continue;
      }
    }
    if (isWordCode(code, value, at)) {
      let end = at + 1;
      for (;;) {
        const next = value.charCodeAt(end);
        if (end < length && isWordCode(next, value, end)) end++;
        else if (JOINERS.has(next) && end + 1 < length && isWordCode(value.charCodeAt(end + 1), value, end + 1)) end += 2;
        else break;
      }
      tokens.push({ text: value.slice(at, end), start: at, end, kind: 'word' });
      at = end;
      continue;
    }
    const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    tokens.push({ text: value.slice(at, at + width), start: at, end: at + width, kind: 'mark' });
    at += width;
  }
  return tokens;
}

/**
 * The tokens of `value` within `reach` characters of [from, to), with offsets in the whole value: a look at the words
 * around one place without reading the whole value. The first token may be cut by the window's edge, so callers look
 * only at tokens near the place.
 */
export function tokensAround(value: string, from: number, to: number, reach: number): Token[] {
  return tokenize(value, Infinity, Math.max(0, from - reach), Math.min(value.length, to + reach));
}

/** Whether the character at `at` is a letter, mark or digit of any script. */
export function isWordCharacterAt(text: string, at: number): boolean {
  return at >= 0 && at < text.length && isWordCode(text.charCodeAt(at), text, at);
}

/** `Kesh`, `Hassan`, `Women's`: a capital letter, then small letters (a script without capitals never matches). */
const CAPITALISED = /^\p{Lu}\p{Ll}+(?:['’-]\p{L}+)*$/u;

const UPPER = /\p{Lu}/u;

/** Whether a word starts with a capital letter: decided by its first code for ASCII, which most words are. */
export function startsUpper(word: string): boolean {
  const code = word.charCodeAt(0);
  return code < 128 ? code >= 65 && code <= 90 : UPPER.test(word[0]);
}

export function isCapitalised(word: string): boolean {
  return startsUpper(word) && CAPITALISED.test(word);
}

/**
 * Whether the token at `index` opens a sentence: first in the value, after `.`, `!`, `?`, a bullet or a dash, or on a
 * new line. Not after a colon: a merged story's labels (`Significance: In the course…`) and lists put names there.
 */
export function startsSentence(value: string, tokens: readonly Token[], index: number): boolean {
  const previous = tokens[index - 1];
  if (!previous) return true;
  if (previous.kind === 'mark' && /[.!?•–—]/.test(previous.text)) return true;
  // A line break between the two tokens: a new line of a multi-line value starts afresh.
  return value.slice(previous.end, tokens[index].start).includes('\n');
}

/** Capitalised words that are not names: words that open clauses, months and days. Compared as written. */
export const NOT_NAMES = new Set([
  'A', 'An', 'The', 'And', 'But', 'Or', 'Nor', 'So', 'Yet', 'If', 'Of', 'In', 'On', 'At', 'By', 'For', 'With', 'From',
  'To', 'Into', 'As', 'When', 'While', 'After', 'Before', 'Since', 'During', 'Then', 'Also', 'Both', 'Each', 'All',
  'This', 'That', 'These', 'Those', 'Our', 'Their', 'His', 'Her', 'Its', 'We', 'They', 'He', 'She', 'It', 'Some',
  'Many', 'Most', 'Other', 'Others', 'Such', 'There', 'Here', 'Where', 'Who', 'Which', 'What', 'How', 'Why', 'Not',
  'No', 'Yes', 'Through', 'Together', 'Via', 'Per', 'Including', 'Between', 'Among', 'Under', 'Over', 'About', 'Against',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
  'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
]);

/** Titles and roles that stand before a redacted name without giving it away (`Dr <person>`). */
export const TITLES = new Set([
  'Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Prof', 'Professor', 'Sheikh', 'Sheikha', 'Imam', 'Mullah', 'Father', 'Sister',
  'Brother', 'Judge', 'Mayor', 'Minister', 'President', 'Governor', 'General', 'Colonel', 'Captain', 'Haji', 'Hajji',
  'Sayed', 'Sayyid', 'Madam', 'Mister', 'Chief', 'Head', 'Director', 'Chair', 'Chairman', 'Chairwoman', 'Member',
  'Members', 'Leader', 'Leaders', 'Coordinator', 'Partner', 'Partners', 'Team', 'Staff', 'Officer', 'Activist',
  'Lawyer', 'Teacher', 'Doctor', 'Nurse', 'Councillor', 'Councilor', 'Commander', 'Deputy', 'Secretary',
]);
