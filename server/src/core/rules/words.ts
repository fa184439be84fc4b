/**
 * Words, marker-shaped tokens and punctuation of a value, with their offsets: what the confidentiality rules read.
 * One expression, run once over the value, so a long value is read in linear time.
 */

export interface Token {
  readonly text: string;
  /** Offsets in the value. */
  readonly start: number;
  readonly end: number;
  /** word: letters or digits (with inner ' ’ or -); marker: `<word>`, known or not; mark: one punctuation character. */
  readonly kind: 'word' | 'marker' | 'mark';
}

const TOKEN = /(<[A-Za-z][A-Za-z0-9_ -]{0,30}>)|([\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*)|([^\s\p{L}\p{M}\p{N}])/gu;

/** The value's tokens, at most `limit` of them (a megabyte value is read only so far). */
export function tokenize(value: string, limit = Infinity): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(value); m && tokens.length < limit; m = TOKEN.exec(value)) {
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length, kind: m[1] ? 'marker' : m[2] ? 'word' : 'mark' });
  }
  return tokens;
}

/** `Kesh`, `Hassan`, `Women's`: a capital letter, then small letters (a script without capitals never matches). */
const CAPITALISED = /^\p{Lu}\p{Ll}+(?:['’-]\p{L}+)*$/u;

export function isCapitalised(word: string): boolean {
  return CAPITALISED.test(word);
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
