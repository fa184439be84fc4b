import * as l10n from '@vscode/l10n';
import { fieldValue, keyRange, valueSubRange, type Field } from '../parser';
import { eachStatement, fieldOf, reportPrompt } from './prose';
import type { Rule, RuleContext } from './rule';

/** A year a change can be dated to. */
const YEAR = /\b(?:19|20)\d\d\b/g;
/** The word before a year: "since 2022" is a start, not the year of the change. */
const WORD_BEFORE = /([A-Za-z]+)\s+$/;
/** Words that name a time in English (in lower case): months, seasons, periods, and the words that introduce them. */
const TIME_WORDS =
  /\b(?:january|february|march|april|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.|(?:in|since|by|until|from|of|early|late|mid-?)\s+may|spring|summer|autumn|winter|quarter|q[1-4]|semester|since|during|ago|yesterday|today|weeks?|months?|years?|decades?|annual(?:ly)?|monthly|weekly|daily)\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/;
/** Before a year, these make it the start of a period that may run up to the Year of the record. */
const FROM_WORDS = new Set(['since', 'from', 'after', 'starting', 'beginning']);
/** Before a year, these make it the end of a period that may start at the Year of the record. */
const UNTIL_WORDS = new Set(['until', 'till', 'by', 'before']);

interface NamedYear {
  year: number;
  word: string;
  start: number;
  end: number;
}

/** The years a text names, each with the word before it (lower case) and its place in the text. */
function yearsIn(text: string): NamedYear[] {
  const years: NamedYear[] = [];
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(text); m; m = YEAR.exec(text)) {
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
  description: 'The outcome statement names no time, or names years that disagree with the Year of the record.',
  check(context) {
    const { outcome, year, minWords } = context.schema.quality;
    eachStatement(
      context,
      outcome,
      (field, text, record) => {
        const years = yearsIn(text);
        // Lower case: one pass over the text is faster than matching ignoring case.
        if (years.length === 0) return !TIME_WORDS.test(text.toLowerCase()) && reportNoTime(context, field);
        const yearField = year ? fieldOf(context, record, year) : undefined;
        const recorded = yearField ? fieldValue(yearField) : '';
        if (!/^\d{4}$/.test(recorded) || agreesWith(years, Number(recorded))) return false;
        const named = [...new Set(years.map((y) => y.year))].join(', ');
        return reportPrompt(
          context,
          'outcome-when',
          outcome,
          valueSubRange(field, years[0].start, years[0].end),
          l10n.t('This outcome names {0}, but {1} says {2}. In which year did the change happen?', named, yearField!.key, recorded),
        );
      },
      { minWords },
    );
  },
};

function reportNoTime(context: RuleContext, field: Field): boolean {
  return reportPrompt(context, 'outcome-when', context.specOf(field), keyRange(field), l10n.t('No time is named in this outcome. When did the change happen?'));
}
