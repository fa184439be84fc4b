/**
 * What the quality prompts need to read a text value: which record field a schema field is, whether a value says
 * anything beyond markers, whether it is English (the prompts that read sentences know only English), and its words.
 * Every scan looks at a bounded start of the value, so a megabyte value costs no more than a long sentence.
 */
import type { Range } from 'vscode-languageserver-types';
import type { DiagnosticCode } from '../diagnostic-codes';
import { Severity } from '../diagnostic';
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
  // Records usually list their fields in schema order: the field at the spec's position is tried first.
  const guess = fields[context.index.slotOf(spec)];
  if (guess && context.specOf(guess) === spec) return guess;
  for (let i = 0; i < fields.length; i++) if (context.specOf(fields[i]) === spec) return fields[i];
  return undefined;
}

/**
 * Visits, in each record, the first field the spec names and the start of its value (`readable`), when that value
 * says something (more than markers). With `sentences`, only values a sentence-reading prompt can judge: at least
 * that many words (fewer are too-thin's to ask about) and English. `visit` returns whether it reported a problem
 * that was kept: records come in document order, so past the cap the rest would be cut anyway, and the walk stops.
 */
export function eachStatement(context: RuleContext, spec: FieldSpec | undefined, visit: (field: Field, text: string, record: FragmentRecord) => boolean, sentences?: { minWords: number }): void {
  if (!spec) return;
  const { records } = context.document;
  // Looked up once per walk, not once per record (a closure per call and a lookup per record showed in the profile).
  const verdicts = sentences ? statementVerdicts(context, sentences.minWords) : undefined;
  let kept = 0;
  for (let r = 0; r < records.length && !context.pastCap(records[r].startLine, kept); r++) {
    const field = fieldOf(context, records[r], spec);
    if (!field) continue;
    const value = fieldValue(field);
    if (saysNothing(value)) continue;
    if (verdicts && !isReadableStatement(verdicts, field, value, sentences!.minWords)) continue;
    if (visit(field, readable(value), records[r])) kept++;
  }
}

/**
 * Whether each field's value is a statement the sentence-reading prompts judge; worked out once per check for all of
 * them. Kept per check (RuleContext.once), one byte per field (0 not yet judged, 1 no, 2 yes): one array, not an
 * entry per field, which the garbage collector would pay for.
 */
const JUDGED = {};
function statementVerdicts(context: RuleContext, minWords: number): Uint8Array {
  const cache = context.once(JUDGED, () => ({ minWords, verdicts: new Uint8Array(context.document.fields.length) }));
  if (cache.minWords !== minWords) {
    cache.minWords = minWords;
    cache.verdicts.fill(0);
  }
  return cache.verdicts;
}

function isReadableStatement(verdicts: Uint8Array, field: Field, value: string, minWords: number): boolean {
  const known = verdicts[field.index];
  if (known !== 0) return known === 2;
  const readable = (wordCount(value, minWords) ?? minWords) >= minWords && isEnglish(value);
  verdicts[field.index] = readable ? 2 : 1;
  return readable;
}

/**
 * Reports a prompt of a sentence-reading rule: information level, no fix, on a field the spec names (its severity
 * override applies). True when the report was kept.
 */
export function reportPrompt(context: RuleContext, code: DiagnosticCode, spec: FieldSpec | undefined, range: Range, message: string): boolean {
  return context.report({ code, severity: Severity.Information, message, range, data: { fix: 'none' }, spec });
}

/** The start of a value that the prompts read. */
export function readable(value: string): string {
  return value.length > READ_LIMIT ? value.slice(0, READ_LIMIT) : value;
}

/** Whether a value holds no letter or digit outside its markers: empty, `<redacted>`, `<LOC>, <person>.` */
export function saysNothing(value: string): boolean {
  if (isAsciiLetterOrDigit(value.charCodeAt(0))) return false; // most values start with a word
  const head = readable(value);
  return !LETTER_OR_DIGIT.test(head.includes('<') ? head.replace(MARKER, ' ') : head);
}
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether a value contains a marker. */
export function hasMarker(value: string): boolean {
  MARKER.lastIndex = 0;
  return MARKER.test(readable(value));
}

/** Scripts written without spaces between words: words cannot be counted by spaces there. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9 || code === 160;
}

/**
 * The number of words in a value, markers counted as words (a word has a letter or digit), counting stops at
 * `enough`; undefined where words are not separated by spaces. A loop over character codes: this runs on every
 * required text of every record on each keystroke.
 */
export function wordCount(value: string, enough: number): number | undefined {
  const end = Math.min(value.length, READ_LIMIT);
  let count = 0;
  let inWord = false;
  let counted = false;
  for (let i = 0; i < end && count < enough; i++) {
    const code = value.charCodeAt(i);
    if (isSpace(code)) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      counted = code === 60; // "<": a marker stands for a word
      if (counted) count++;
    }
    if (!counted && (isAsciiLetterOrDigit(code) || (code > 127 && LETTER_OR_DIGIT.test(value[i])))) {
      counted = true;
      count++;
    }
  }
  // Checked only for short counts: a long value has enough words whatever its script.
  return count < enough && UNSPACED_SCRIPT.test(readable(value)) ? undefined : count;
}

/**
 * Short words frequent in any English sentence, and the same for the other languages harvests are most often written
 * in: French, Spanish, Portuguese, German. Lower case.
 */
const ENGLISH_WORDS =
  'the|of|and|to|in|was|were|with|for|by|from|their|has|have|had|is|are|at|that|this|who|which|they|its|an|into|after|been|his|her|them|these|those|will|would|than|as';
const OTHER_WORDS =
  'le|la|les|des|du|et|est|une|un|dans|pour|par|sur|avec|qui|que|au|aux|ont|ses|leur|leurs|sont|ce|cette|il|elle|ils|elles|nous|pas|plus|depuis|mais|el|los|las|y|del|con|por|para|una|su|sus|es|fue|han|como|desde|pero|se|os|em|com|uma|foi|pelo|pela|dos|das|ao|der|die|und|mit|von|zu|ist|sind|wurde|nicht|auf|ein|eine';
/** Both lists in one pattern, English in the group: the words of a lower-cased text are counted in one pass. */
const FUNCTION_WORDS = new RegExp(`\\b(?:(${ENGLISH_WORDS})|${OTHER_WORDS})\\b`, 'g');
/** An English word, ignoring case: a test that needs no lower-cased copy and builds no match. */
const ENGLISH_WORD = new RegExp(`\\b(?:${ENGLISH_WORDS})\\b`, 'i');
/** A word of another language ignoring case, or a character outside ASCII: one pass finds what isEnglish looks at. */
const OTHER_WORD_OR_NON_ASCII = new RegExp(`\\b(?:${OTHER_WORDS})\\b|[^\\x00-\\x7f]`, 'gi');
/** How much of a value tells its language: a sentence or two. */
const LANGUAGE_SAMPLE = 160;
const NON_ASCII = /[^\x00-\x7f]/;
const LETTER = /\p{L}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

/**
 * Whether a text reads as English: mostly Latin letters, and more English function words than those of other
 * languages. A text with none of either (a bare noun phrase) is not judged English: the prompts stay silent. Reads a
 * sample from the start. Markers are left in: their words (person, LOC, redacted) are in neither list.
 *
 * Most samples are mostly ASCII and hold no word of another language: then one pass that looks at each non-ASCII
 * character and a test for an English word answer, ignoring case (on the bench's statements, 430 ns each where
 * lower-casing the sample and counting every word took 930). Any other sample is counted in full (`isEnglishCounted`):
 * where a letter is not Latin, and where "İ" or the Kelvin sign is, the only two characters whose lower case holds
 * ASCII, where matching ignoring case and matching the lower-cased text differ (test/unit/prose.test.ts checks all of
 * Unicode).
 */
export function isEnglish(value: string): boolean {
  const text = value.length > LANGUAGE_SAMPLE ? value.slice(0, LANGUAGE_SAMPLE) : value;
  OTHER_WORD_OR_NON_ASCII.lastIndex = 0;
  while (OTHER_WORD_OR_NON_ASCII.test(text)) {
    // The words are ASCII: a match that ends in another character is that character alone.
    const at = OTHER_WORD_OR_NON_ASCII.lastIndex - 1;
    const code = text.charCodeAt(at);
    if (code < 0x80 || code === 0x130 || code === 0x212a) return isEnglishCounted(text); // another language's word, İ, K
    if (code >= 0xd800 && code <= 0xdfff) continue; // half of a pair: isEnglishCounted counts it as no letter
    if (LETTER.test(text[at]) && !LATIN_LETTER.test(text[at])) return isEnglishCounted(text);
  }
  // No letter outside the Latin script, no word of another language: English as soon as it has one English word.
  return ENGLISH_WORD.test(text);
}

/**
 * isEnglish of a sample by counting: its share of Latin letters (counted by their code, most are ASCII; in plain ASCII
 * every letter is Latin), and the function words of its lower case.
 */
export function isEnglishCounted(text: string): boolean {
  if (NON_ASCII.test(text)) {
    let letters = 0;
    let latin = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
        letters++;
        latin++;
      } else if (code > 127 && LETTER.test(text[i])) {
        letters++;
        if (LATIN_LETTER.test(text[i])) latin++;
      }
    }
    if (latin < letters * 0.8) return false;
  }
  const lower = text.toLowerCase();
  let english = 0;
  let other = 0;
  FUNCTION_WORDS.lastIndex = 0;
  for (let m = FUNCTION_WORDS.exec(lower); m; m = FUNCTION_WORDS.exec(lower)) {
    if (m[1]) english++;
    else other++;
  }
  return english > 0 && english > 2 * other;
}

const SENTENCE_END = /[.!?](?:\s|$)|\n/;

/** The first sentence of a text: up to a full stop, question or exclamation mark followed by a space, or a line break. */
export function firstSentence(text: string): string {
  const end = text.search(SENTENCE_END);
  return end < 0 ? text : text.slice(0, end);
}
