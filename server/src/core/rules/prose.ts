/**
 * What the quality prompts need to read a text value: which record field a schema field is, whether a value says
 * anything beyond markers, whether it is English (the prompts that read sentences know only English), and its words.
 * Every scan looks at a bounded start of the value, so a megabyte value costs no more than a long sentence.
 */
import { fieldValue, type Field, type FragmentRecord } from '../parser';
import type { FieldSpec } from '../schema/model';
import type { RuleContext } from './rule';

/** The prompts read this much of a value: an outcome statement is one or two sentences. */
export const READ_LIMIT = 4000;

/** Anything written like a marker, known or not (unknown-marker owns the unknown ones). */
export const MARKER = /<[A-Za-z][A-Za-z0-9_ -]{0,30}>/g;

/** The first field of a record that the spec names, if any. */
export function fieldOf(context: RuleContext, record: FragmentRecord, spec: FieldSpec): Field | undefined {
  const { fields } = record;
  for (let i = 0; i < fields.length; i++) if (context.specOf(fields[i]) === spec) return fields[i];
  return undefined;
}

/**
 * Visits, in each record, the first field the spec names and the start of its value (`readable`), when that value
 * says something (more than markers). With `sentences`, only values a sentence-reading prompt can judge: at least
 * that many words (fewer are too-thin's to ask about) and English.
 */
export function eachStatement(context: RuleContext, spec: FieldSpec | undefined, visit: (field: Field, text: string, record: FragmentRecord) => void, sentences?: { minWords: number }): void {
  if (!spec) return;
  const { records } = context.document;
  for (let r = 0; r < records.length; r++) {
    const field = fieldOf(context, records[r], spec);
    if (!field) continue;
    const value = fieldValue(field);
    if (saysNothing(value)) continue;
    if (sentences && ((wordCount(value, sentences.minWords) ?? sentences.minWords) < sentences.minWords || !isEnglish(value))) continue;
    visit(field, readable(value), records[r]);
  }
}

/** The start of a value that the prompts read. */
export function readable(value: string): string {
  return value.length > READ_LIMIT ? value.slice(0, READ_LIMIT) : value;
}

/** Whether a value holds no letter or digit outside its markers: empty, `<redacted>`, `<LOC>, <person>.` */
export function saysNothing(value: string): boolean {
  return !/[\p{L}\p{N}]/u.test(readable(value).replace(MARKER, ' '));
}

/** Whether a value contains a marker. */
export function hasMarker(value: string): boolean {
  MARKER.lastIndex = 0;
  return MARKER.test(readable(value));
}

/** Scripts written without spaces between words: words cannot be counted by spaces there. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** A run of characters between spaces. */
const TOKEN = /\S+/g;

/**
 * The number of words in a value, markers counted as words, counting stops at `enough`; undefined where words are
 * not separated by spaces.
 */
export function wordCount(value: string, enough: number): number | undefined {
  const text = readable(value);
  let count = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m && count < enough; m = TOKEN.exec(text)) {
    if (m[0].startsWith('<') || /[\p{L}\p{N}]/u.test(m[0])) count++;
  }
  // Checked only for short counts: a long value has enough words whatever its script.
  return count < enough && UNSPACED_SCRIPT.test(text) ? undefined : count;
}

/** Short words frequent in any English sentence, and rare or absent in other languages' sentences. */
const ENGLISH = new Set(
  'the of and to in was were with for by from their has have had is are at that this who which they its an into after been his her them these those will would than as'.split(' '),
);
/** The same for the other languages harvests are most often written in (French, Spanish, Portuguese, German). */
const OTHER = new Set(
  [
    'le la les des du et est une un dans pour par sur avec qui que au aux ont ses leur leurs sont été ce cette il elle ils elles nous pas plus depuis mais',
    'el los las y del con por para una su sus es fue han como desde pero se',
    'os em com uma não foi pelo pela dos das ao',
    'der die das und mit von zu ist sind wurde nicht auf für ein eine',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Whether a text reads as English: mostly Latin letters, and more English function words than those of other
 * languages. A text with none of either (a bare noun phrase) is not judged English: the prompts stay silent.
 */
export function isEnglish(value: string): boolean {
  const text = readable(value).replace(MARKER, ' ');
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (letters === 0 || latin < letters * 0.8) return false;
  let english = 0;
  let other = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}']+/u)) {
    if (ENGLISH.has(word)) english++;
    else if (OTHER.has(word)) other++;
  }
  return english > 0 && english > 2 * other;
}

/** The first sentence of a text: up to a full stop, question or exclamation mark followed by a space, or a line break. */
export function firstSentence(text: string): string {
  const end = text.search(/[.!?](?:\s|$)|\n/);
  return end < 0 ? text : text.slice(0, end);
}
