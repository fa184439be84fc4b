/**
 * `--fix` and `--fix-dry-run`: the editor's fix-all (`source.fixAll.fragments`), so the CLI applies exactly the safe
 * fixes the editor would, and nothing that could guess wrong or drop text.
 */
import { createTwoFilesPatch } from 'diff';
import type { FragmentDiagnostic, Schema } from '../core';
import { fixAll } from '../core/features/fix-all';

export interface FixResult {
  text: string;
  /** How many of the file's problems the fixes removed. */
  fixed: number;
}

export function fixText(text: string, before: readonly FragmentDiagnostic[], schema: Schema): FixResult {
  const result = fixAll(text, { schema });
  if (result.text === text) return { text, fixed: 0 };
  // Positions move when lines are removed, so a problem counts as fixed when its code and message are gone.
  const left = new Map<string, number>();
  for (const d of result.remaining) left.set(`${d.code}\n${d.message}`, (left.get(`${d.code}\n${d.message}`) ?? 0) + 1);
  let fixed = 0;
  for (const d of before) {
    const key = `${d.code}\n${d.message}`;
    const count = left.get(key) ?? 0;
    if (count > 0) left.set(key, count - 1);
    else fixed++;
  }
  return { text: result.text, fixed };
}

export function unifiedDiff(label: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${label}`, `b/${label}`, before, after, undefined, undefined, { context: 3 });
}
