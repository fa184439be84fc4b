/**
 * The shortcuts the sentence-reading prompts take for speed give the answers of the plain way of reading: matching
 * ignoring case is matching the lower-cased text, the tree of time words is the list of them, and the quick test of a
 * statement's language is the full count. Checked on generated texts that mix the words each pattern looks for, in
 * every case, with the characters where the shortcuts could differ (non-ASCII letters of several scripts, "İ", the
 * Kelvin sign, letters outside the BMP) and the separators around words.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { namesTime } from '../../server/src/core/rules/outcome-when';
import { isEnglish, isEnglishCounted } from '../../server/src/core/rules/prose';
import { random } from '../support/generate';

/** The time words as a plain list (outcome-when writes them as a tree), matched in the lower-cased text. */
const TIME_WORDS_LISTED =
  /\b(?:january|february|march|april|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.|(?:in|since|by|until|from|of|early|late|mid-?)\s+may|spring|summer|autumn|winter|quarter|q[1-4]|semester|since|during|ago|yesterday|today|weeks?|months?|years?|decades?|annual(?:ly)?|monthly|weekly|daily)\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/;

const TIME_PARTS = [
  ...'january february march april may june july august september october november december jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. jan sept.'.split(' '),
  ...'in since by until from of early late mid mid- spring summer autumn winter quarter q1 q4 q5 semester during ago yesterday today'.split(' '),
  ...'week weeks weekly month months monthly year years yearly decade decades annual annually daily 12/05/2024 1.2.24 3-4-2024 123/4/5'.split(' '),
  ...['in may', 'since\nmay', 'by  may', 'until may', 'from may', 'of may', 'early may', 'late may', 'mid may', 'mid-may', 'mid- may', 'to may'],
];
const ENGLISH = 'the of and to in was were with for by from their has have had is are at that this who which they its an into after been his her them these those will would than as'.split(' ');
const OTHER = 'le la les et une dans pour qui que au ont ce il elle nous pas el los y del con por una es fue se os em foi dos der die und mit von zu ist nicht ein eine'.split(' ');
const REST = 'police district women <person> <LOC> café naïve São Zürich Straße пример 日本語 مثال ’ “ İ \u212A K ſ ǅ µ ª 𝐀 😀 2024 x_y 2a'.split(' ');
const SEPARATORS = [' ', ' ', ' ', '', '.', ', ', '-', '\n', '\u00a0', 'İ', '\u212A', '’'];

/** Seeded texts of up to 40 words: `weights` says how often a word is a time word, an English, another or any word. */
function texts(count: number, seed: number, weights: { time: number; english: number; other: number }): string[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const cased = (word: string) => {
    const r = next();
    if (r < 0.5) return word;
    if (r < 0.7) return word.toUpperCase();
    if (r < 0.9) return word[0].toUpperCase() + word.slice(1);
    return [...word].map((c) => (next() < 0.5 ? c.toUpperCase() : c)).join('');
  };
  const result: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = '';
    for (let words = 1 + Math.floor(next() * 40); words > 0; words--) {
      const r = next();
      const pool = r < weights.time ? TIME_PARTS : r < weights.time + weights.english ? ENGLISH : r < weights.time + weights.english + weights.other ? OTHER : REST;
      text += cased(pick(pool)) + pick(SEPARATORS);
    }
    result.push(text);
  }
  return result;
}

const MIXES = [
  { time: 0.35, english: 0.2, other: 0.2 },
  { time: 0.03, english: 0.4, other: 0.02 },
  { time: 0.02, english: 0.3, other: 0.1 },
];

describe('the shortcuts of the sentence-reading prompts', () => {
  it('lower-casing adds ASCII only to "İ" and the Kelvin sign, the two characters the shortcuts leave to the plain way', () => {
    const adding: string[] = [];
    for (let code = 0x80; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const character = String.fromCodePoint(code);
      if (/[\x00-\x7f]/.test(character.toLowerCase())) adding.push(code.toString(16));
    }
    assert.deepEqual(adding, ['130', '212a']);
  });

  it('finds a time where the list of time words finds one in the lower-cased text', () => {
    let named = 0;
    MIXES.forEach((mix, seed) => {
      for (const text of texts(20_000, seed + 1, mix)) {
        const expected = TIME_WORDS_LISTED.test(text.toLowerCase());
        assert.equal(namesTime(text), expected, JSON.stringify(text));
        if (expected) named++;
      }
    });
    assert.ok(named > 10_000 && named < 50_000, `both answers are tried (${named} of 60,000 name a time)`);
  });

  it('judges the language as the full count of letters and function words does', () => {
    let english = 0;
    MIXES.forEach((mix, seed) => {
      for (const text of texts(20_000, seed + 11, mix)) {
        const expected = isEnglishCounted(text.slice(0, 160));
        assert.equal(isEnglish(text), expected, JSON.stringify(text));
        if (expected) english++;
      }
    });
    assert.ok(english > 10_000 && english < 50_000, `both answers are tried (${english} of 60,000 are English)`);
  });
});
