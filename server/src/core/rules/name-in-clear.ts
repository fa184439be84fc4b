import * as l10n from '@vscode/l10n';
import { quote, Severity } from '../diagnostic';
import { redactionMarkers } from '../features/redaction';
import { places } from '../gazetteer';
import { valueSubRange } from '../parser';
import countries from '../schema/countries.json';
import { adjacent, eachConfidentialText, mayShow } from './names';
import type { Rule } from './rule';
import { isCapitalised, NOT_NAMES, startsSentence, type Token } from './words';

/** Small words inside names (`Ministry of Education`, `Ahmad al Hassan`); never their first or last word. */
const PARTICLES = new Set(['of', 'al', 'el', 'bin', 'ibn', 'bint', 'abu', 'de', 'da', 'del', 'van', 'von', 'der', 'la', 'le', 'du']);
const COUNTRIES = new Set(countries as string[]);
/**
 * Two capitalised words, perhaps with a small word between: a value without this has no name to find. Sticky: tried
 * only where a capital letter stands (see hasTwoCapitalised), not at every character of the value.
 */
const TWO_CAPITALISED = /\p{Lu}\p{Ll}+(?:['’-]\p{L}+)*[ \t]+(?:\p{Ll}{1,4}[ \t]+)?\p{Lu}\p{Ll}/uy;

/**
 * Whether TWO_CAPITALISED matches somewhere in the value. A match starts with a capital and a small letter: in ASCII
 * that is A-Z then a-z, decided by their codes; any other character (a second half of a pair excepted, where no
 * match starts) is left to the pattern. So the pattern runs at a few places of a value, not at each of its characters.
 */
function hasTwoCapitalised(value: string): boolean {
  if (!maySecondWordFollow(value)) return false;
  for (let at = 0; at < value.length - 1; at++) {
    const code = value.charCodeAt(at);
    if (code < 128 ? code < 65 || code > 90 : code >= 0xdc00 && code <= 0xdfff) continue;
    const next = value.charCodeAt(at + 1);
    if (next < 128 && (next < 97 || next > 122)) continue;
    TWO_CAPITALISED.lastIndex = at;
    if (TWO_CAPITALISED.test(value)) return true;
  }
  return false;
}

/**
 * Whether a second capitalised word of TWO_CAPITALISED may stand somewhere: after a space, a capital and a small
 * letter, with a letter before the spaces (the end of the first word, or of the small word between). Most values
 * fail this (their capitals open sentences, after `. `), and only their spaces are looked at. A necessary condition:
 * any character beyond ASCII may be a letter, and a value with a tab is left to the full search.
 */
function maySecondWordFollow(value: string): boolean {
  if (value.includes('\t')) return true;
  // The engine's search finds each space before a possible capital; only those are looked at further.
  SPACE_THEN_CAPITAL.lastIndex = 0;
  while (SPACE_THEN_CAPITAL.test(value)) {
    const space = SPACE_THEN_CAPITAL.lastIndex - 2;
    const capital = value.charCodeAt(space + 1);
    if (capital >= 0xdc00 && capital <= 0xdfff) continue;
    const small = value.charCodeAt(space + 2);
    if (small < 128 && (small < 97 || small > 122)) continue;
    let before = space - 1;
    while (before >= 0 && value.charCodeAt(before) === 32) before--;
    if (before < 0) continue;
    const letter = value.charCodeAt(before);
    if (letter < 128 && !((letter >= 65 && letter <= 90) || (letter >= 97 && letter <= 122))) continue;
    return true;
  }
  return false;
}

/** A space, then A to Z or any character beyond ASCII (which may be a capital of another script). */
const SPACE_THEN_CAPITAL = / [A-Z\u0080-\uffff]/g;

/**
 * Two or more capitalised words in a row in a confidential record (`Maria Ristinmaa`, `Hope Colors`), the shape of a
 * person's, group's or place's name. A word that only starts a sentence does not count; neither do the schema's own
 * words, the team's allowed names, countries and the gazetteer's places (place-in-clear reports those). A script
 * without capital letters is never judged.
 */
export const nameInClear: Rule = {
  code: 'name-in-clear',
  describe: () => l10n.t('Two or more capitalised words in a row, shaped like a name, in a record marked confidential.'),
  check(context) {
    const markers = redactionMarkers(context.schema, 'person', 'any');
    eachConfidentialText(context, ({ field, spec, value, tokens }) => {
      for (let i = 0; i < tokens.length; ) {
        const end = runEnd(value, tokens, i);
        if (end === i) {
          i++;
          continue;
        }
        const name = nameIn(value, tokens, i, end);
        i = end;
        if (!name || mayShow(context.schema, name.text) || COUNTRIES.has(name.text) || isPlace(name.text)) continue;
        context.report({
          code: 'name-in-clear',
          severity: Severity.Information,
          message: l10n.t("{0} looks like a name. The record is marked confidential: redact it if it names a person, group or place that must stay hidden, or add it to the schema's allowedNames if it may be shown.", quote(name.text)),
          range: valueSubRange(field, name.start, name.end),
          data: { fix: 'redact', markers, everywhere: name.text },
          spec,
        });
      }
    }, hasTwoCapitalised);
  },
};

/** The end (exclusive) of the run of capitalised words and particles that starts at `from`; `from` when none does. */
function runEnd(value: string, tokens: readonly Token[], from: number): number {
  let end = from;
  while (end < tokens.length) {
    const token = tokens[end];
    if (token.kind !== 'word' || !(isCapitalised(token.text) || (end > from && token.text.length <= 4 && PARTICLES.has(token.text)))) break;
    if (end > from && !adjacent(value, tokens[end - 1], token)) break;
    end++;
  }
  return end;
}

/**
 * The name in the run [from, to): without a first word that only starts a sentence, clause words (`In`, `The`) and
 * particles at either end; undefined when fewer than two capitalised words are left.
 */
function nameIn(value: string, tokens: readonly Token[], from: number, to: number): { text: string; start: number; end: number } | undefined {
  let first = from;
  let last = to - 1;
  if (startsSentence(value, tokens, first)) first++;
  const trimmed = (token: Token) => NOT_NAMES.has(token.text) || PARTICLES.has(token.text);
  while (first <= last && trimmed(tokens[first])) first++;
  while (last >= first && trimmed(tokens[last])) last--;
  let capitalised = 0;
  for (let i = first; i <= last; i++) if (isCapitalised(tokens[i].text)) capitalised++;
  if (capitalised < 2) return undefined;
  const start = tokens[first].start;
  const end = tokens[last].end;
  return { text: value.slice(start, end), start, end };
}

/** Whether the whole name is one of the gazetteer's places. */
function isPlace(name: string): boolean {
  const words = name.split(/\s+/);
  return places().byFirstWord.get(words[0])?.some((place) => place.join(' ') === words.join(' ')) ?? false;
}
