import * as l10n from '@vscode/l10n';
import { fieldValue, keyRange, valueSubRange } from '../parser';
import { messageMemo } from './messages';
import { eachStatement, fieldOf, reportPrompt } from './prose';
import type { Rule } from './rule';

/** A year a change can be dated to. */
const YEAR = /\b(?:19|20)\d\d\b/g;
/** The word before a year: "since 2022" is a start, not the year of the change. */
const WORD_BEFORE = /([A-Za-z]+)\s+$/;
/**
 * Words that name a time in English (in lower case): months ("january", "jan." …), "may" after a word that makes it
 * the month ("in may", "since may", "mid-may"), seasons, periods ("quarter", "q1", "weeks", "annually"), "since",
 * "during", "ago", "yesterday", "today"; or a date such as 12/05/2024. The words are written as a tree by first
 * letters, since the pattern is tried at every character: on the bench's statements, 680 ns each for the plain list
 * on a lower-cased copy, 600 for the list ignoring case, 460 for the tree ignoring case (test/unit/prose.test.ts
 * checks the tree against the list).
 */
const TIME_SOURCE = String.raw`\b(?:a(?:ug(?:ust|\.)|pr(?:il|\.)|utumn|go|nnual(?:ly)?)|by\s+may|d(?:ec(?:ember|\.|ades?)|uring|aily)|early\s+may|f(?:eb(?:ruary|\.)|rom\s+may)|in\s+may|j(?:an(?:uary|\.)|u(?:n(?:e|\.)|l(?:y|\.)))|late\s+may|m(?:ar(?:ch|\.)|id-?\s+may|onth(?:s|ly)?)|nov(?:ember|\.)|o(?:ct(?:ober|\.)|f\s+may)|q(?:uarter|[1-4])|s(?:ep(?:tember|t?\.)|ince(?:\s+may)?|pring|ummer|emester)|today|until\s+may|w(?:inter|eek(?:s|ly)?)|y(?:esterday|ears?))\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b`;
/** For a lower-cased text. */
const TIME_WORDS = new RegExp(TIME_SOURCE);
/**
 * For the text as written, with no lower-cased copy: TIME_WORDS ignoring case, or "İ" or the Kelvin sign, the only
 * characters whose lower case holds ASCII ("i̇", "k"). Ignoring case matches as the lower case does everywhere else
 * (test/unit/prose.test.ts), and near those two the lower case is read.
 */
const TIME_WORDS_OR_UNSURE = new RegExp(`${TIME_SOURCE}|[\u0130\u212A]`, 'i');

/** Whether a text names a time (TIME_WORDS in its lower case), read ignoring case in one pass. */
export function namesTime(text: string): boolean {
  const found = TIME_WORDS_OR_UNSURE.exec(text);
  if (found === null) return false;
  // A time word (longer than one character) with neither of the two before it (that would have matched first) nor
  // right after it (its \b reads that one): the lower case of the text up to there matches the same.
  const after = text.charCodeAt(found.index + found[0].length);
  if (found[0].length > 1 && after !== 0x130 && after !== 0x212a) return true;
  return TIME_WORDS.test(text.toLowerCase());
}

/** Before a year, these make it the start of a period that may run up to the Year of the record. */
const FROM_WORDS = new Set(['since', 'from', 'after', 'starting', 'beginning']);
/** Before a year, these make it the end of a period that may start at the Year of the record. */
const UNTIL_WORDS = new Set(['until', 'till', 'by', 'before']);

const NO_YEARS: readonly NamedYear[] = [];

interface NamedYear {
  year: number;
  word: string;
  start: number;
  end: number;
}

/** The years a text names, each with the word before it (lower case) and its place in the text. */
function yearsIn(text: string): readonly NamedYear[] {
  YEAR.lastIndex = 0;
  let m = YEAR.exec(text);
  if (!m) return NO_YEARS; // most statements: no array for them
  const years: NamedYear[] = [];
  for (; m; m = YEAR.exec(text)) {
    const before = WORD_BEFORE.exec(text.slice(Math.max(0, m.index - 20), m.index));
    years.push({ year: Number(m[0]), word: (before?.[1] ?? '').toLowerCase(), start: m.index, end: m.index + 4 });
  }
  return years;
}

/** Whether the years a text names can be the record's Year: one of them, within their span, or after a "since". */
function agreesWith(years: readonly NamedYear[], recorded: number): boolean {
  const numbers = years.map((y) => y.year);
  if (years.length > 1 && Math.min(...numbers) <= recorded && recorded <= Math.max(...numbers)) return true;
  return years.some((y) => y.year === recorded || (FROM_WORDS.has(y.word) && y.year <= recorded) || (UNTIL_WORDS.has(y.word) && y.year >= recorded));
}

/**
 * Specific: an outcome says when the change happened. The outcome statement (the schema's `story` role)
 * names no time, or names years none of which can be the record's Year (the `year` role).
 */
export const outcomeWhen: Rule = {
  code: 'outcome-when',
  describe: () => l10n.t('The outcome statement names no time, or names years that disagree with the Year of the record.'),
  check(context) {
    const { outcome, year, minWords } = context.schema.quality;
    let noTime: string | undefined; // the same message for each record: translated once per check
    const whichYear = messageMemo();
    eachStatement(
      context,
      outcome,
      (field, text, record) => {
        const years = yearsIn(text);
        if (years.length === 0) {
          if (namesTime(text)) return false;
          noTime ??= l10n.t('No time is named in this outcome. When did the change happen?');
          return reportPrompt(context, 'outcome-when', outcome, keyRange(field), noTime);
        }
        const yearField = year ? fieldOf(context, record, year) : undefined;
        const recorded = yearField ? fieldValue(yearField) : '';
        if (!FOUR_DIGITS.test(recorded) || agreesWith(years, Number(recorded))) return false;
        const named = [...new Set(years.map((y) => y.year))].join(', ');
        const question = whichYear(`${named}\n${yearField!.key}\n${recorded}`, () =>
          l10n.t('This outcome names {0}, but {1} says {2}. In which year did the change happen?', named, yearField!.key, recorded),
        );
        return reportPrompt(context, 'outcome-when', outcome, valueSubRange(field, years[0].start, years[0].end), question);
      },
      { minWords },
    );
  },
};

const FOUR_DIGITS = /^\d{4}$/;
