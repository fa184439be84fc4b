import * as l10n from '@vscode/l10n';
import { quote, Severity } from '../diagnostic';
import { redactionMarkers } from '../features/redaction';
import { places, wordHash } from '../gazetteer';
import { valueSubRange } from '../parser';
import { adjacent, eachConfidentialText, mayShow } from './names';
import type { Rule } from './rule';
import { isAsciiWordCode, isWordCharacterAt, startsUpper, type Token } from './words';

/**
 * A town, city or province named in a confidential record, from the gazetteer (core/gazetteer.json). Countries are
 * not looked for: a record names its country openly in its own field. Only names written with their capital letter
 * are found, so a script without capitals is never judged.
 */
export const placeInClear: Rule = {
  code: 'place-in-clear',
  describe: () => l10n.t('The name of a town, city or province in a record marked confidential.'),
  check(context) {
    const markers = redactionMarkers(context.schema, 'place', 'any');
    eachConfidentialText(context, ({ field, spec, value, tokens }) => {
      const { byFirstWord } = places();
      for (let i = 0; i < tokens.length; i++) {
        const candidates = tokens[i].kind === 'word' && startsUpper(tokens[i].text) ? byFirstWord.get(tokens[i].text) : undefined;
        const length = candidates ? longestMatch(value, tokens, i, candidates) : 0;
        if (length === 0) continue;
        const start = tokens[i].start;
        const end = tokens[i + length - 1].end;
        const name = value.slice(start, end);
        i += length - 1;
        if (mayShow(context.schema, name)) continue;
        context.report({
          code: 'place-in-clear',
          severity: Severity.Information,
          message: l10n.t("{0} looks like the name of a place. The record is marked confidential: redact it if the place must stay hidden, or add it to the schema's allowedNames if it may be shown.", quote(name)),
          range: valueSubRange(field, start, end),
          data: { fix: 'redact', markers, everywhere: name },
          spec,
        });
      }
    }, mayNamePlace);
  },
};

/**
 * Whether some word of the value that starts with a capital letter starts a place name of the gazetteer, without
 * reading the whole value into words. A word is what the tokeniser reads as one (letters, digits, inner ' ’ -): a
 * capital starts a word unless a letter stands before it, or a joiner with a letter before that. The search stops
 * only where the first two characters of a place's first word may stand (Gazetteer.firstWordStart).
 */
function mayNamePlace(value: string): boolean {
  const { byFirstWord, firstWordHashes, firstWordStart } = places();
  const length = value.length;
  firstWordStart.lastIndex = 0;
  // `test` rather than `exec`: no match object per stop. The match is one character, just before lastIndex.
  while (firstWordStart.test(value)) {
    const at = firstWordStart.lastIndex - 1;
    const first = value.charCodeAt(at);
    // General punctuation (’ “ – …) holds no capital: passed over without cutting out the character to test it.
    if (first >= 128 && ((first >= 0x2000 && first <= 0x206f) || !startsUpper(value[at]))) continue;
    if (isWordCharacterAt(value, at - 1) || (isJoinerCode(value.charCodeAt(at - 1)) && isWordCharacterAt(value, at - 2))) continue; // inside a word
    let end = at + 1;
    for (;;) {
      if (end >= length) break;
      const code = value.charCodeAt(end);
      if (code < 128 ? isAsciiWordCode(code) : isWordCharacterAt(value, end)) end++;
      else if (isJoinerCode(code) && isWordCharacterAt(value, end + 1)) end++;
      else break;
    }
    // The whole name must follow, as written (`The Hague`, not every `The`). A word whose hash starts no place is
    // passed over without being cut out.
    const candidates = firstWordHashes.has(wordHash(value, at, end)) ? byFirstWord.get(value.slice(at, end)) : undefined;
    if (candidates?.some((words) => words.length === 1 || standsAt(value, at, words))) return true;
    firstWordStart.lastIndex = end;
  }
  return false;
}

/**
 * Whether the words stand in the value at `at`, with spaces or tabs between two (as many as the rule's `adjacent`
 * lets stand there: `The  Valley` is found too), without joining them.
 */
function standsAt(value: string, at: number, words: readonly string[]): boolean {
  let position = at;
  for (let w = 0; w < words.length; w++) {
    if (w > 0) {
      const spacing = position;
      while (value.charCodeAt(position) === 32 || value.charCodeAt(position) === 9) position++;
      if (position === spacing) return false;
    }
    if (!value.startsWith(words[w], position)) return false;
    position += words[w].length;
  }
  return true;
}

/** ' ’ -: the characters that join two parts of one word. */
function isJoinerCode(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 45;
}

/** How many tokens from `at` the longest place name of `candidates` (each split into words) covers; 0 for none. */
function longestMatch(value: string, tokens: readonly Token[], at: number, candidates: readonly (readonly string[])[]): number {
  for (const words of candidates) {
    let matched = 1;
    while (matched < words.length) {
      const token = tokens[at + matched];
      if (!token || token.kind !== 'word' || token.text !== words[matched] || !adjacent(value, tokens[at + matched - 1], token)) break;
      matched++;
    }
    if (matched === words.length) return matched;
  }
  return 0;
}
