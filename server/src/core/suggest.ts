/** "Did you mean": nearest candidates by edit distance, compared without regard to case. */
import { distance } from 'fastest-levenshtein';
import { fold } from './schema/compile';

export interface Ranked {
  candidate: string;
  distance: number;
}

/** All candidates, nearest first (ties keep the candidates' order). */
export function rank(input: string, candidates: readonly string[]): Ranked[] {
  const needle = fold(input);
  return candidates
    .map((candidate, index) => ({ candidate, index, distance: distance(needle, fold(candidate)) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .map(({ candidate, distance }) => ({ candidate, distance }));
}

/** How far a typo may be from the word it stands for: about one edit in three letters, at least two. */
export function isClose(input: string, candidate: string, editDistance: number): boolean {
  const length = Math.max(fold(input).length, fold(candidate).length);
  return editDistance <= Math.max(2, Math.floor(length / 3)) && editDistance < length;
}

/** The close candidates, nearest first, at most `limit`. */
export function closest(input: string, candidates: readonly string[], limit = 3): string[] {
  return rank(input, candidates)
    .filter((r) => isClose(input, r.candidate, r.distance))
    .slice(0, limit)
    .map((r) => r.candidate);
}

/** The `limit` nearest candidates whether close or not: what an invalid closed-list value can be replaced with. */
export function nearest(input: string, candidates: readonly string[], limit = 3): string[] {
  return rank(input, candidates)
    .slice(0, limit)
    .map((r) => r.candidate);
}

/** The did-you-mean searches a check may run. */
export interface Suggester {
  closest(input: string, candidates: readonly string[], limit?: number): string[];
  nearest(input: string, candidates: readonly string[], limit?: number): string[];
}

export const SUGGEST: Suggester = { closest, nearest };

/**
 * At most `budget` searches, then none. A file with 100,000 misspelt countries would otherwise spend half a minute
 * comparing each with 200 names, for problems the diagnostics cap cuts anyway: values are checked in document order,
 * so a budget of a few times the cap covers every problem that is shown.
 */
export function budgetedSuggester(budget: number): Suggester {
  let left = budget;
  return {
    closest: (input, candidates, limit) => (left-- > 0 ? closest(input, candidates, limit) : []),
    nearest: (input, candidates, limit) => (left-- > 0 ? nearest(input, candidates, limit) : []),
  };
}
