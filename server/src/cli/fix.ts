/**
 * `--fix` and `--fix-dry-run`: applies every safe fix (the same set as fix-all in the editor), then checks again,
 * a few passes at most, since one fix can reveal another.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { createTwoFilesPatch } from 'diff';
import type { FragmentDiagnostic, Schema } from '../core';

/** Safe fixes of one file: edits that change nothing but what the diagnostics point at, without guessing. */
export type SafeFixes = (text: string, diagnostics: readonly FragmentDiagnostic[], schema: Schema) => TextEdit[];

const MAX_PASSES = 10;

export interface FixResult {
  text: string;
  /** Edits applied over all passes. */
  applied: number;
}

export function applySafeFixes(
  text: string,
  check: (text: string) => FragmentDiagnostic[],
  safeFixes: SafeFixes,
  schema: Schema,
): FixResult {
  let current = text;
  let applied = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const edits = safeFixes(current, check(current), schema);
    if (edits.length === 0) break;
    const next = TextDocument.applyEdits(TextDocument.create('file:///fix', 'fragment', 0, current), edits);
    if (next === current) break;
    current = next;
    applied += edits.length;
  }
  return { text: current, applied };
}

export function unifiedDiff(label: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${label}`, `b/${label}`, before, after, undefined, undefined, { context: 3 });
}
