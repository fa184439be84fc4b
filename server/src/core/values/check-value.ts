/**
 * Checks one field's value against its field spec. The four value rules (invalid-value, value-case, unknown-value,
 * repeated-choice) each report their own kind of problem from this one analysis.
 */
import * as l10n from '@vscode/l10n';
import type { Range } from 'vscode-languageserver-types';
import { fieldValue, hasValue, valueRange, valueSubRange, type Field } from '../parser';
import { localised } from '../l10n';
import { fold } from '../schema/compile';
import type { CompiledValue, FieldSpec } from '../schema/model';
import { SUGGEST, type Suggester } from '../suggest';
import { listOf, quote, Severity, type FixData } from '../diagnostic';

export type ValueProblemCode = 'invalid-value' | 'value-case' | 'unknown-value' | 'repeated-choice' | 'text-after-value';

export interface ValueProblem {
  code: ValueProblemCode;
  severity: 1 | 2 | 3 | 4;
  message: string;
  range: Range;
  data: FixData;
}

/** Longest list of allowed values spelled out in a message; longer lists are cut with "…". */
const LISTED_VALUES = 6;

/** No problems: shared, because most values have none and a large file has hundreds of thousands of them. */
const NONE: readonly ValueProblem[] = Object.freeze([]);

/**
 * `markers` are the schema's redaction markers: a value that is only a marker (`<redacted>`) was there and was taken
 * out on purpose, so it counts as given and is not checked against the field's rule.
 */
export function checkValue(spec: FieldSpec, field: Field, now: Date, suggest: Suggester = SUGGEST, markers: readonly string[] = NO_MARKERS): readonly ValueProblem[] {
  if (spec.kind === 'text' || !hasValue(field)) return NONE;
  // A one-value field answers on one line; a list (multi) may wrap over several, and each choice is checked where it is.
  if (spec.kind !== 'multi' && field.valueLines.length > 0) {
    const answer = answerOf(field);
    const problems = checkAnswer(spec, answer, now, suggest, markers);
    return [...problems, textAfterValue(spec, field, answer)];
  }
  return checkAnswer(spec, field, now, suggest, markers);
}

const NO_MARKERS: readonly string[] = [];

function checkAnswer(spec: FieldSpec, field: Field, now: Date, suggest: Suggester, markers: readonly string[]): readonly ValueProblem[] {
  const value = fieldValue(field);
  if (markers.includes(value)) return NONE;
  // Each case first asks the cheap question "is it fine?"; only a problem needs ranges, messages and suggestions.
  switch (spec.kind) {
    case 'text':
      return NONE;
    case 'closed':
    case 'flag':
      return isFine(spec, value, false) ? NONE : checkListed(spec, value, valueRange(field), false, suggest);
    case 'open':
      return isFine(spec, value, true) ? NONE : checkOpen(spec, value, valueRange(field), suggest);
    case 'multi':
      return checkMulti(spec, field, value, suggest, markers);
    case 'year':
      return checkYear(spec, field, now);
    case 'pattern':
      return !spec.pattern || spec.pattern.matches(value) ? NONE : checkPattern(spec, value, valueRange(field));
  }
}

/**
 * The answer of a one-value field whose value runs over several lines: its first line alone, as a field of its own.
 * What follows is a note (see textAfterValue), and a fix of the answer must not touch it.
 */
function answerOf(field: Field): Field {
  const first = field.valueLines[0];
  const value = fieldValue(field).slice(0, first.length);
  const range = { start: { line: first.line, character: first.character }, end: { line: first.line, character: first.character + first.length } };
  return { ...field, valueLines: [], endLine: first.line, moved: { value, range } };
}

/** The lines after a one-value field's answer: text the checker cannot read as part of the answer. */
function textAfterValue(spec: FieldSpec, field: Field, answer: Field): ValueProblem {
  const value = fieldValue(field);
  const after = field.valueLines[1];
  return {
    code: 'text-after-value',
    severity: Severity.Warning,
    message:
      l10n.t('The text on the lines after {0} is not part of the answer to {1}, which takes one value on its own line.', quote(fieldValue(answer)), quote(spec.key)) +
      ` ${l10n.t('If this text is a note, move it into a text field of the record; if it is not needed, delete it.')}`,
    range: valueSubRange(field, after.offset, value.length),
    data: { fix: 'none' },
  };
}

/** Whether a value (or a multi-choice item) is fine as it is: what checkOpen or checkListed would find no problem in. */
function isFine(spec: FieldSpec, value: string, open: boolean): boolean {
  if (!open) return spec.valueIndex.has(value);
  return (!spec.pattern || spec.pattern.matches(value)) && (spec.values.length === 0 || spec.valueIndex.has(value));
}

/** How a value of a patterned field is written: the schema's words for it, else the pattern itself. */
function patternHint(spec: FieldSpec, source: string): string {
  return localised(spec.patternDescription) || l10n.t('the pattern {0}', source);
}

function allowedList(spec: FieldSpec): string {
  const names = spec.values.slice(0, LISTED_VALUES).map((v) => v.value);
  return spec.values.length > LISTED_VALUES ? `${names.join(', ')}, …` : listOf(names);
}

function caseProblem(spec: FieldSpec, value: string, range: Range, entry: CompiledValue): ValueProblem {
  return {
    code: 'value-case',
    severity: Severity.Warning,
    message: l10n.t('{0} should be written {1}: values of {2} are written exactly as listed.', quote(value), quote(entry.value), spec.key),
    range,
    data: { fix: 'replace', suggestions: [entry.value] },
  };
}

/** One value of a closed list (or a closed multi-choice item). */
function checkListed(spec: FieldSpec, value: string, range: Range, asItem: boolean, suggest: Suggester): ValueProblem[] {
  if (spec.valueIndex.has(value)) return [];
  const cased = spec.valueIndexFolded.get(fold(value));
  if (cased) return [caseProblem(spec, value, range, cased)];
  const names = spec.values.map((v) => v.value);
  const close = suggest.closest(value, names, 3);
  const guess = close.length ? ` ${l10n.t('Did you mean {0}?', quote(close[0]))}` : '';
  const what =
    spec.kind === 'flag'
      ? l10n.t('Write YES or NO.')
      : asItem
        ? l10n.t('Allowed choices: {0}.', allowedList(spec))
        : l10n.t('Allowed values: {0}.', allowedList(spec));
  return [
    {
      code: 'invalid-value',
      severity: Severity.Error,
      message: `${l10n.t('{0} is not an allowed value for {1}.', quote(value), spec.key)}${guess} ${what}`,
      range,
      data: { fix: 'replace', suggestions: close.length ? close : suggest.nearest(value, names, 3) },
    },
  ];
}

/** Values that share the code before a colon (`GEQ: …`): the natural suggestion for a mistyped label. */
function sameCode(value: string, names: readonly string[]): string[] {
  const colon = value.indexOf(':');
  if (colon <= 0) return [];
  const code = value.slice(0, colon + 1);
  return names.filter((n) => n.startsWith(code));
}

/** One value of an open list (or an open multi-choice item). */
function checkOpen(spec: FieldSpec, value: string, range: Range, suggest: Suggester): ValueProblem[] {
  if (spec.pattern && !spec.pattern.matches(value)) {
    const hint = patternHint(spec, spec.pattern.source);
    return [
      {
        code: 'invalid-value',
        severity: Severity.Error,
        message: l10n.t('{0} is not written as {1} expects: {2}.', quote(value), spec.key, hint),
        range,
        data: { fix: 'replace', suggestions: suggest.closest(value, spec.values.map((v) => v.value), 3) },
      },
    ];
  }
  if (spec.valueIndex.has(value) || spec.values.length === 0) return [];
  const cased = spec.valueIndexFolded.get(fold(value));
  if (cased) return [caseProblem(spec, value, range, cased)];
  const names = spec.values.map((v) => v.value);
  const suggestions = [...new Set([...sameCode(value, names), ...suggest.closest(value, names, 3)])].slice(0, 3);
  const guess = suggestions.length ? ` ${l10n.t('Did you mean {0}?', quote(suggestions[0], 100))}` : '';
  return [
    {
      code: 'unknown-value',
      severity: Severity.Information,
      message: `${l10n.t('{0} is not in the list of known values for {1}.', quote(value), spec.key)}${guess} ${l10n.t('If it is right, add it to the team schema.')}`,
      range,
      data: { fix: 'replace', suggestions },
    },
  ];
}

/** Choices past which the quick look of `allListedOnce` (which compares each choice with those before it) is skipped. */
const QUICK_CHOICES = 8;

/**
 * The usual multi-choice value: every choice written exactly as listed, none twice. Such a value has no problem, and
 * telling so needs no folding, ranges or messages. When two listed values differ only in capitals or spacing, a
 * repeat cannot be seen without folding, so the full check runs. Measured for issue 14 (scripts/bench/compare-cores.ts,
 * the bench's documents): the check takes 4–16% longer without this quick look, most runs over 5%.
 */
function allListedOnce(spec: FieldSpec, raws: readonly string[]): boolean {
  if (raws.length > QUICK_CHOICES || spec.values.length === 0 || spec.valueIndexFolded.size !== spec.valueIndex.size) return false;
  for (let i = 0; i < raws.length; i++) {
    const item = raws[i].trim();
    if (item === '') continue;
    if (!isFine(spec, item, spec.open)) return false;
    for (let j = 0; j < i; j++) if (raws[j].trim() === item) return false;
  }
  return true;
}

function checkMulti(spec: FieldSpec, field: Field, value: string, suggest: Suggester, markers: readonly string[]): readonly ValueProblem[] {
  const raws = value.split(spec.separator);
  if (allListedOnce(spec, raws)) return NONE;
  const problems: ValueProblem[] = [];
  // Repeats are looked for only when there are several choices: folding each one costs more than the rest.
  const seen = raws.length > 1 ? new Set<string>() : undefined;
  const kept: string[] = [];
  let repeated = false;
  let offset = 0;
  for (const raw of raws) {
    const lead = raw.length - raw.trimStart().length;
    const item = raw.trim();
    const start = offset + lead;
    offset += raw.length + spec.separator.length;
    if (item === '') continue;
    const folded = seen ? fold(item) : item;
    if (seen?.has(folded)) {
      repeated = true;
      problems.push({
        code: 'repeated-choice',
        severity: Severity.Warning,
        message: l10n.t('{0} is chosen twice in {1}; each choice counts once.', quote(item), spec.key),
        range: valueSubRange(field, start, start + item.length),
        data: { fix: 'none' },
      });
      continue;
    }
    seen?.add(folded);
    kept.push(item);
    if (markers.includes(item) || isFine(spec, item, spec.open)) continue;
    const range = valueSubRange(field, start, start + item.length);
    problems.push(...(spec.open ? checkOpen(spec, item, range, suggest) : checkListed(spec, item, range, true, suggest)));
  }
  if (repeated) {
    // The fix rewrites the whole value without the repeats, so it is attached once the list is known.
    const deduplicated = kept.join(`${spec.separator}${spec.separator.trim() === spec.separator ? ' ' : ''}`);
    for (const p of problems) if (p.code === 'repeated-choice') p.data = { fix: 'replace', suggestions: [deduplicated] };
    for (const p of problems) if (p.code === 'repeated-choice') p.range = valueRange(field);
  }
  return problems;
}

const FOUR_DIGITS = /^\d{4}$/;

function checkYear(spec: FieldSpec, field: Field, now: Date): readonly ValueProblem[] {
  const value = fieldValue(field);
  const thisYear = now.getFullYear();
  const latest = thisYear + 1;
  const fourDigits = FOUR_DIGITS.test(value);
  if (fourDigits && Number(value) >= spec.minYear && Number(value) <= thisYear) return NONE;
  const range = valueRange(field);
  if (!fourDigits) {
    const found = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(value);
    return [
      {
        code: 'invalid-value',
        severity: Severity.Error,
        message: l10n.t('{0} is not a year. {1} takes four digits, for example {2}.', quote(value), spec.key, thisYear),
        range,
        data: { fix: 'replace', suggestions: found ? [found[1]] : [] },
      },
    ];
  }
  const year = Number(value);
  if (year < spec.minYear || year > latest) {
    return [
      {
        code: 'invalid-value',
        severity: Severity.Error,
        message: l10n.t('{0} is outside the accepted years for {1}: {2} to {3}.', value, spec.key, spec.minYear, latest),
        range,
        data: { fix: 'replace', suggestions: [String(Math.min(Math.max(year, spec.minYear), thisYear))] },
      },
    ];
  }
  if (year > thisYear) {
    return [
      {
        code: 'invalid-value',
        severity: Severity.Warning,
        message: l10n.t('{0} is next year. An outcome is normally recorded after it was observed; check the year.', value),
        range,
        data: { fix: 'replace', suggestions: [String(thisYear)] },
      },
    ];
  }
  return NONE;
}

function checkPattern(spec: FieldSpec, value: string, range: Range): ValueProblem[] {
  const pattern = spec.pattern;
  if (!pattern || pattern.matches(value)) return [];
  const hint = patternHint(spec, pattern.source);
  if (pattern.matchesIgnoringCase(value)) {
    const respelled = [value.toLowerCase(), value.toUpperCase(), value[0].toLowerCase() + value.slice(1)].find((v) => pattern.matches(v));
    return [
      {
        code: 'value-case',
        severity: Severity.Warning,
        message: l10n.t('{0} has the wrong capital letters for {1}: write {2}.', quote(value), spec.key, hint),
        range,
        data: respelled ? { fix: 'replace', suggestions: [respelled] } : { fix: 'none' },
      },
    ];
  }
  return [
    {
      code: 'invalid-value',
      severity: Severity.Error,
      message: l10n.t('{0} is not written as {1} expects: {2}.', quote(value), spec.key, hint),
      range,
      data: { fix: 'replace', suggestions: [] },
    },
  ];
}
