import * as l10n from '@vscode/l10n';
import { quote, Severity } from '../diagnostic';
import { valueSubRange } from '../parser';
import { eachConfidentialValues, withTokens, type ConfidentialText } from './names';
import type { Rule, RuleContext } from './rule';
import { isSpaceCode, isWordCharacterAt, markerEndAt, type Token } from './words';

/** Edits between two windows beyond which they are not two versions of one phrase: no alignment is clear. */
const MAX_EDITS = 60;
/** A marker stands for one to three words. */
const MAX_REDACTED_WORDS = 3;
/** Tokens on each side of a marker that are aligned with the other text: more than the anchors need. */
const WINDOW = 6;
/** Places in the clear text tried for one marker: a phrase repeated more often than this is no clear evidence. */
const MAX_CANDIDATES = 8;
/** Words so common that a marker aligned with them says nothing about what was hidden. */
const TOO_COMMON = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'is', 'was', 'are', 'were']);

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
  describe: () => l10n.t('A word redacted in one field of a confidential record stands in clear in another field.'),
  check(context) {
    // One pair of sets for the check, emptied for each record: a check allocates less, so garbage is collected less
    // often while the parsed document is alive (each collection copies what is alive).
    const contexts: MarkerContexts = { before: [], after: [] };
    eachConfidentialValues(context, (values) => {
      if (values.length < 2) return;
      const redactedValues = values.filter((v) => v.value.includes('<'));
      if (redactedValues.length === 0) return;
      // The text around every marker of the record, each once: records repeat their sentences from field to field.
      markerContexts(redactedValues, contexts);
      let reported: Set<string> | undefined;
      for (const clearValue of values) {
        // Most values are told apart by a search of the text, before any value is read into words.
        if (!mayHaveDrift(contexts, clearValue.value)) continue;
        let clear: ConfidentialText | undefined;
        let pairs: Map<string, number[]> | undefined;
        for (const redactedValue of redactedValues) {
          if (redactedValue === clearValue) continue;
          const redacted = withTokens(redactedValue);
          clear ??= withTokens(clearValue);
          pairs ??= wordPairs(clear.tokens);
          for (const drift of drifts(redacted.tokens, clear.tokens, pairs)) {
            const where = `${clear.field.index}:${drift.start}`;
            reported ??= new Set();
            if (reported.has(where)) continue;
            reported.add(where);
            report(context, redacted, clear, drift);
          }
        }
      }
    });
  },
};

/** The one or two tokens next to a marker (not markers), in reading order: `men in`, `2024 ,`, `district`. */
interface Neighbours {
  first: string;
  second: string | undefined;
}

/** The tokens just before (or just after) the markers of a record, each pair once. */
interface MarkerContexts {
  before: Neighbours[];
  after: Neighbours[];
}

/** Fills `contexts` (emptied first) with the text next to the markers of the redacted values. */
function markerContexts(redacted: readonly { value: string }[], contexts: MarkerContexts): void {
  const { before, after } = contexts;
  before.length = 0;
  after.length = 0;
  for (const { value } of redacted) {
    for (let at = value.indexOf('<'); at >= 0; at = value.indexOf('<', at + 1)) {
      const end = markerEndAt(value, at);
      if (end < 0) continue;
      addNeighbours(value, at, -1, before);
      addNeighbours(value, end, 1, after);
    }
  }
}

/**
 * Adds the one or two tokens next to a marker, in reading order and one space between them, read a character at a
 * time from `from` (the marker's start, going back, or its end, going on); nothing when the next token is a marker. A
 * second token that is a marker is left out, as `neighbours` does for the alignment.
 */
function addNeighbours(value: string, from: number, direction: 1 | -1, contexts: Neighbours[]): void {
  if (!tokenFrom(value, from, direction) || found.marker) return;
  const near = value.slice(found.start, found.end);
  const far = tokenFrom(value, direction < 0 ? found.start : found.end, direction) && !found.marker ? value.slice(found.start, found.end) : undefined;
  const first = direction < 0 && far !== undefined ? far : near;
  const second = direction < 0 ? (far === undefined ? undefined : near) : far;
  // A record repeats its sentences from field to field: a short list, looked through, holds each pair once.
  if (!contexts.some((known) => known.first === first && known.second === second)) contexts.push({ first, second });
}

function isJoiner(value: string, at: number): boolean {
  const code = value.charCodeAt(at);
  return code === 39 || code === 0x2019 || code === 45;
}

/**
 * The token tokenFrom found last. One object, written over on each call rather than made anew: markerContexts runs
 * four times per marker of every confidential record.
 */
const found = { start: 0, end: 0, marker: false };

function foundToken(start: number, end: number, marker: boolean): true {
  found.start = start;
  found.end = end;
  found.marker = marker;
  return true;
}

/**
 * The token after spaces and tabs from `from`, going back or on (a word, a marker or one other character), into
 * `found`; false when there is none.
 */
function tokenFrom(value: string, from: number, direction: 1 | -1): boolean {
  let at = direction < 0 ? from - 1 : from;
  while (at >= 0 && at < value.length && (value.charCodeAt(at) === 32 || value.charCodeAt(at) === 9)) at += direction;
  if (at < 0 || at >= value.length) return false;
  const code = value.charCodeAt(at);
  if (code === 10 || code === 13) return false;
  if (direction > 0 && code === 60) {
    const end = markerEndAt(value, at);
    if (end > 0) return foundToken(at, end, true);
  }
  if (direction < 0 && code === 62) {
    // A marker is at most 33 characters long: look back no further for its `<`.
    const start = value.lastIndexOf('<', at);
    if (start >= 0 && at - start <= 33 && markerEndAt(value, start) === at + 1) return foundToken(start, at + 1, true);
  }
  if (!isWordCharacterAt(value, at)) return foundToken(at, at + 1, false);
  let start = at;
  let end = at + 1;
  if (direction < 0) {
    for (;;) {
      if (isWordCharacterAt(value, start - 1)) start--;
      else if (isJoiner(value, start - 1) && isWordCharacterAt(value, start - 2)) start -= 2;
      else break;
    }
  } else {
    for (;;) {
      if (isWordCharacterAt(value, end)) end++;
      else if (isJoiner(value, end) && isWordCharacterAt(value, end + 1)) end += 2;
      else break;
    }
  }
  return foundToken(start, end, false);
}

/**
 * Whether a marker of the record may stand for words of `clear`: the tokens just before a marker stand in `clear` with
 * a word after them, or the tokens just after one stand there with a word before them, checked by searching the text.
 * A necessary condition for a drift: the alignment compares tokens, so the search lets any spacing stand between
 * them (`In 2024 , <person> led  the` beside `In 2024, Amal led the`), and it looks at every place the tokens stand,
 * not only the first MAX_CANDIDATES (places inside longer words would use those up).
 *
 * Searched value by value with indexOf, which measured cheapest: one search of the record's values joined made the
 * whole check 1.05–1.15× slower on the bench's documents (a joined text is longer and wider than most values, and is
 * allocated), and a RegExp of a record's contexts costs ~100 µs to compile, against ~5 µs for all its searches.
 */
function mayHaveDrift(contexts: MarkerContexts, clear: string): boolean {
  for (const neighbours of contexts.before) if (followedByWord(clear, neighbours)) return true;
  for (const neighbours of contexts.after) if (precededByWord(clear, neighbours)) return true;
  return false;
}

/** Whether the tokens stand in `clear` with a word right after them. */
function followedByWord(clear: string, neighbours: Neighbours): boolean {
  // Tokens that start with a word are not found inside a longer word: "men in" in "women in".
  const startsWithWord = isWordCharacterAt(neighbours.first, 0);
  return someStanding(clear, neighbours, (start, end) => {
    if (startsWithWord && isWordCharacterAt(clear, start - 1)) return false;
    let next = end;
    while (next < clear.length && isSpaceCode(clear.charCodeAt(next))) next++;
    return isWordCharacterAt(clear, next);
  });
}

/** Whether the tokens stand in `clear` with a word right before them. */
function precededByWord(clear: string, neighbours: Neighbours): boolean {
  const last = neighbours.second ?? neighbours.first;
  const endsWithWord = isWordCharacterAt(last, last.length - 1);
  return someStanding(clear, neighbours, (start, end) => {
    if (endsWithWord && isWordCharacterAt(clear, end)) return false; // inside a longer word
    let previous = start - 1;
    while (previous >= 0 && isSpaceCode(clear.charCodeAt(previous))) previous--;
    return isWordCharacterAt(clear, previous);
  });
}

/**
 * Whether `test` holds at some place [start, end) where the tokens stand in `clear`, with any spacing between two
 * (none included: `2024,` holds `2024` and `,`). The longer token is searched for, the other checked beside it:
 * the tokens next to markers are often short words (`the`, `to`, `in`) found all over a value, and searching for
 * those made the rule 1.4× slower on the bench's records.
 */
function someStanding(clear: string, { first, second }: Neighbours, test: (start: number, end: number) => boolean): boolean {
  const bySecond = second !== undefined && second.length > first.length;
  const anchor = bySecond ? second : first;
  for (let at = clear.indexOf(anchor); at >= 0; at = clear.indexOf(anchor, at + 1)) {
    let start = at;
    let end = at + anchor.length;
    if (second !== undefined && bySecond) {
      let before = at;
      while (before > 0 && isSpaceCode(clear.charCodeAt(before - 1))) before--;
      start = before - first.length;
      if (start < 0 || !clear.startsWith(first, start)) continue;
    } else if (second !== undefined) {
      while (end < clear.length && isSpaceCode(clear.charCodeAt(end))) end++;
      if (!clear.startsWith(second, end)) continue;
      end += second.length;
    }
    if (test(start, end)) return true;
  }
  return false;
}

/** Where each pair of neighbouring tokens, and each token alone, stands in a text (by the first token's index). */
function wordPairs(tokens: readonly Token[]): Map<string, number[]> {
  const pairs = new Map<string, number[]>();
  const add = (key: string, index: number) => {
    const at = pairs.get(key);
    if (at) at.push(index);
    else pairs.set(key, [index]);
  };
  for (let i = 0; i < tokens.length; i++) {
    add(tokens[i].text, i);
    if (i > 0) add(`${tokens[i - 1].text} ${tokens[i].text}`, i - 1);
  }
  return pairs;
}

/**
 * What to look up for the tokens just before (or after) a marker: the pair of them, or the nearer one alone when the
 * other is a marker too (`gender <redacted>, <redacted> for`); undefined when the nearer one is a marker or missing.
 */
function neighbours(tokens: readonly Token[], near: number, far: number, before: boolean): { key: string; length: number; from: number; to: number } | undefined {
  const a = tokens[near];
  if (!a || a.kind === 'marker') return undefined;
  const b = tokens[far];
  if (!b || b.kind === 'marker') return { key: a.text, length: 1, from: a.start, to: a.end };
  return before ? { key: `${b.text} ${a.text}`, length: 2, from: b.start, to: a.end } : { key: `${a.text} ${b.text}`, length: 2, from: a.start, to: b.end };
}

/**
 * The drifts of the markers of `redacted` into `clear`. Each marker is aligned only where the pair of tokens just
 * before it (or just after it) stands in the clear text next to a word: a window of tokens around the marker against
 * a window around that place, so the work grows with the markers, not with the texts' lengths.
 */
function drifts(redacted: readonly Token[], clear: readonly Token[], pairs: ReadonlyMap<string, number[]>): Drift[] {
  const found: Drift[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < redacted.length; i++) {
    if (redacted[i].kind !== 'marker') continue;
    // Where the clear text has the marker's neighbours with a word beside them: the places the marker may stand for.
    const centres: number[] = [];
    const left = neighbours(redacted, i - 1, i - 2, true);
    const right = neighbours(redacted, i + 1, i + 2, false);
    // A neighbour found in more places than MAX_CANDIDATES (a comma, "of the") points nowhere in particular.
    const places = (key: string) => {
      const at = pairs.get(key) ?? [];
      return at.length > MAX_CANDIDATES ? [] : at;
    };
    if (left) for (const at of places(left.key)) if (clear[at + left.length]?.kind === 'word') centres.push(at + left.length);
    if (right) for (const at of places(right.key)) if (clear[at - 1]?.kind === 'word') centres.push(at - 1);
    if (centres.length === 0) continue;
    const aFrom = Math.max(0, i - WINDOW);
    const aTo = Math.min(redacted.length, i + WINDOW + 1);
    for (const centre of new Set(centres)) {
      const bFrom = Math.max(0, centre - MAX_REDACTED_WORDS - WINDOW);
      const bTo = Math.min(clear.length, centre + MAX_REDACTED_WORDS + WINDOW);
      const edges = { start: bFrom === 0, end: bTo === clear.length };
      for (const drift of align(redacted.slice(aFrom, aTo), clear.slice(bFrom, bTo), edges, i - aFrom)) {
        if (seen.has(drift.start)) continue;
        seen.add(drift.start);
        found.push(drift);
      }
    }
  }
  return found;
}

type Step = { kind: 'same'; a: number; b: number } | { kind: 'changed'; a: [number, number]; b: [number, number] };

/**
 * The places where one marker of `redacted` replaced one to three words of `clear`, found from the two texts' shortest
 * edit script. Conservative: each such place must sit between tokens the texts share, with at least two shared
 * tokens among the four nearest on each side (one is enough where the clear text starts or ends); a place
 * whose alignment is less clear than that is no evidence.
 */
export function align(redacted: readonly Token[], clear: readonly Token[], edges = { start: true, end: true }, only?: number): Drift[] {
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
      // The clear text starts or ends here (the redacted one may go on): one shared token is enough.
      const clearEdge = direction < 0 ? edges.start : edges.end;
      if (!step) return clearEdge && shared >= 1;
      if (step.kind === 'same') shared++;
      else if (step.b[0] === step.b[1] && (step.b[0] === 0 || step.b[0] === clear.length)) return clearEdge && shared >= 1;
      else if (!isSwap(step)) break;
      seen++;
    }
    return shared >= 2;
  };
  const drifts: Drift[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (!isSwap(step) || (only !== undefined && step.a[0] !== only)) continue;
    if ((i > 0 && steps[i - 1].kind !== 'same') || (i < steps.length - 1 && steps[i + 1].kind !== 'same')) continue;
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

function report(context: RuleContext, redacted: ConfidentialText, clear: ConfidentialText, drift: Drift): void {
  const words = clear.value.slice(drift.start, drift.end);
  context.report({
    code: 'redaction-drift',
    severity: Severity.Information,
    message: l10n.t('{0} is redacted as {1} in "{2}" but written out here. The record is marked confidential: redact it here too, or check whether it needs hiding at all.', quote(words), drift.marker, redacted.field.key),
    range: valueSubRange(clear.field, drift.start, drift.end),
    data: { fix: 'redact', markers: [drift.marker], everywhere: words },
    spec: clear.spec,
  });
}
