import { isConfidential } from '../confidential';
import { quote, Severity } from '../diagnostic';
import { fieldValue, valueSubRange, type Field } from '../parser';
import type { FieldSpec } from '../schema/model';
import type { Rule, RuleContext } from './rule';
import { tokenize, type Token } from './words';

/**
 * How far the texts of two fields are compared: enough for any real value (a merged story is a few hundred words),
 * and a bound on the work of a megabyte value, which is left alone past it.
 */
const MAX_TOKENS = 4000;
/** Edits between two texts beyond which they are not two versions of one text: no alignment is clear. */
const MAX_EDITS = 1500;
/** A marker stands for one to three words. */
const MAX_REDACTED_WORDS = 3;
/** Words so common that a marker aligned with them says nothing about what was hidden. */
const TOO_COMMON = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'is', 'was', 'are', 'were']);

interface Text {
  field: Field;
  spec: FieldSpec | undefined;
  value: string;
  tokens: Token[];
  /** Whether the text holds a marker: only such a text can show what was redacted. */
  marked: boolean;
}

/** One stretch where a marker in the redacted text stands for words of the clear one. */
interface Drift {
  marker: string;
  /** Offsets of the clear words in the clear text's value. */
  start: number;
  end: number;
}

/**
 * A word redacted in one field of a confidential record (a marker stands where another field has it) that stands in
 * clear in another field: the record is shared with the word in it after all.
 */
export const redactionDrift: Rule = {
  code: 'redaction-drift',
  description: 'A word redacted in one field of a confidential record stands in clear in another field.',
  check(context) {
    const { records } = context.document;
    for (let r = 0; r < records.length; r++) {
      if (!isConfidential(records[r], context.schema, context.specOf)) continue;
      const texts = textsOf(context, records[r].fields);
      if (!texts.some((t) => t.marked)) continue;
      const reported = new Set<string>();
      for (const redacted of texts) {
        if (!redacted.marked) continue;
        for (const clear of texts) {
          if (clear === redacted || !sharesWordPairs(redacted, clear)) continue;
          for (const drift of align(redacted.tokens, clear.tokens)) {
            const where = `${clear.field.index}:${drift.start}`;
            if (reported.has(where)) continue;
            reported.add(where);
            report(context, redacted, clear, drift);
          }
        }
      }
    }
  },
};

function textsOf(context: RuleContext, fields: readonly Field[]): Text[] {
  const texts: Text[] = [];
  for (const field of fields) {
    const spec = context.specOf(field);
    if (spec && spec.kind !== 'text') continue;
    const value = fieldValue(field);
    if (value === '') continue;
    const tokens = tokenize(value, MAX_TOKENS + 1);
    if (tokens.length > MAX_TOKENS || !tokens.some((t) => t.kind === 'word')) continue; // too long, or only a marker
    texts.push({ field, spec, value, tokens, marked: tokens.some((t) => t.kind === 'marker') });
  }
  return texts;
}

/** A cheap test before the alignment: the words on either side of some marker follow each other in the clear text too. */
function sharesWordPairs(redacted: Text, clear: Text): boolean {
  const pairs = new Set<string>();
  for (let i = 1; i < clear.tokens.length; i++) pairs.add(`${clear.tokens[i - 1].text} ${clear.tokens[i].text}`);
  const { tokens } = redacted;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind !== 'marker') continue;
    if (i >= 2 && pairs.has(`${tokens[i - 2].text} ${tokens[i - 1].text}`)) return true;
    if (i + 2 < tokens.length && pairs.has(`${tokens[i + 1].text} ${tokens[i + 2].text}`)) return true;
  }
  return false;
}

type Step = { kind: 'same'; a: number; b: number } | { kind: 'changed'; a: [number, number]; b: [number, number] };

/**
 * The places where one marker of `redacted` replaced one to three words of `clear`, found from the two texts' shortest
 * edit script. Conservative: each such place must sit between tokens the texts share, with at least two shared
 * tokens among the four nearest on each side (one is enough where the clear text starts or ends); a place
 * whose alignment is less clear than that is no evidence.
 */
export function align(redacted: readonly Token[], clear: readonly Token[]): Drift[] {
  const steps = editScript(redacted, clear);
  if (!steps) return [];
  const isSwap = (step: Step | undefined): step is Extract<Step, { kind: 'changed' }> =>
    step?.kind === 'changed' && step.a[1] - step.a[0] === 1 && redacted[step.a[0]].kind === 'marker' && swappedWords(clear, step.b) > 0;
  /** Shared tokens among the four nearest on one side of step `at`, passing over other swaps but not other changes. */
  const anchored = (at: number, direction: 1 | -1): boolean => {
    let shared = 0;
    let seen = 0;
    for (let i = at + direction; seen < 4; i += direction) {
      const step = steps[i];
      if (!step) return shared >= 1; // the start or end of the texts
      if (step.kind === 'same') shared++;
      else if (step.b[0] === step.b[1] && (step.b[0] === 0 || step.b[0] === clear.length)) return shared >= 1; // only the redacted text goes on
      else if (!isSwap(step)) break;
      seen++;
    }
    return shared >= 2;
  };
  const drifts: Drift[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (!isSwap(step) || steps[i - 1]?.kind !== 'same' && i > 0 || steps[i + 1]?.kind !== 'same' && i < steps.length - 1) continue;
    if (!anchored(i, -1) || !anchored(i, 1)) continue;
    const words = clear.slice(step.b[0], step.b[1]);
    if (words.every((w) => TOO_COMMON.has(w.text.toLowerCase()))) continue;
    drifts.push({ marker: redacted[step.a[0]].text, start: words[0].start, end: words[words.length - 1].end });
  }
  return drifts;
}

/** How many words the clear tokens [from, to) are when they are one to three words and nothing else; else 0. */
function swappedWords(clear: readonly Token[], [from, to]: [number, number]): number {
  const count = to - from;
  if (count < 1 || count > MAX_REDACTED_WORDS) return 0;
  for (let i = from; i < to; i++) if (clear[i].kind !== 'word') return 0;
  return count;
}

/**
 * The shortest edit script between two token lists (Myers' algorithm), as runs of shared tokens and changed
 * stretches; undefined when the texts differ by more than MAX_EDITS tokens.
 */
function editScript(a: readonly Token[], b: readonly Token[]): Step[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // What each round started from, for the walk back: round d reads only diagonals -d+1 … d-1 of the round before.
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x].text === b[y].text) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return undefined;
  // Walk back from the end: each round of the trace gives the step before.
  const moves: ('same' | 'delete' | 'insert')[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const before = trace[d]; // diagonal k of the round before is at before[k + d]
    const k = x - y;
    const down = k === -d || (k !== d && before[k - 1 + d] < before[k + 1 + d]);
    const previousK = down ? k + 1 : k - 1;
    const previousX = before[previousK + d];
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      moves.push('same');
      x--;
      y--;
    }
    moves.push(down ? 'insert' : 'delete');
    if (down) y--;
    else x--;
  }
  while (x > 0 && y > 0) {
    moves.push('same');
    x--;
    y--;
  }
  moves.reverse();
  // Runs of deletes and inserts between shared tokens become one changed stretch.
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  for (let at = 0; at < moves.length; ) {
    if (moves[at] === 'same') {
      steps.push({ kind: 'same', a: i++, b: j++ });
      at++;
      continue;
    }
    const a0 = i;
    const b0 = j;
    while (at < moves.length && moves[at] !== 'same') {
      if (moves[at] === 'delete') i++;
      else j++;
      at++;
    }
    steps.push({ kind: 'changed', a: [a0, i], b: [b0, j] });
  }
  return steps;
}

function report(context: RuleContext, redacted: Text, clear: Text, drift: Drift): void {
  const words = clear.value.slice(drift.start, drift.end);
  context.report({
    code: 'redaction-drift',
    severity: Severity.Information,
    message: `${quote(words)} is redacted as ${drift.marker} in "${redacted.field.key}" but written out here. The record is marked confidential: redact it here too, or check whether it needs hiding at all.`,
    range: valueSubRange(clear.field, drift.start, drift.end),
    data: { fix: 'redact', markers: [drift.marker], everywhere: words },
    spec: clear.spec,
  });
}
