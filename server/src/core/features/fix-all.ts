/**
 * Fix all (`source.fixAll.fragments`, and `fragment-lint --fix`): applies the safe fixes of the fix table (./fixes),
 * those that cannot guess wrong or lose text, and repeats until none is left, since one fix can reveal another (a
 * renamed key makes its value checkable).
 */
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { FragmentDiagnostic } from '../diagnostic';
import type { ParsedDocument } from '../parser';
import type { Schema } from '../schema/model';
import { parseWithSchema, validateParsed } from '../validate';
import { safeFix } from './fixes';
import { applyEdits, comparePositions, minimalEdit } from './shared';

/** Enough rounds for fixes that uncover others; a document that still changes after this many is left as it is. */
const MAX_ROUNDS = 8;

export interface FixAllOptions {
  schema: Schema;
  now?: Date;
  /** The problems it may fix, of those found in each round (all by default): the editor leaves out accepted findings. */
  fixable?(document: ParsedDocument, diagnostics: FragmentDiagnostic[]): FragmentDiagnostic[];
}

/** The edits of the diagnostic's safe fix (see fixes/fix.ts), or nothing when every fix for it needs a person. */
export function safeEdit(document: ParsedDocument, schema: Schema, diagnostic: Diagnostic): TextEdit[] | undefined {
  return safeFix({ document, schema }, diagnostic)?.edits;
}

/**
 * The edits of the safe fixes for a set of diagnostics. A fix that overlaps one before it is left for the next
 * round, whole: its edits go in together or not at all.
 */
export function safeEdits(document: ParsedDocument, schema: Schema, diagnostics: readonly Diagnostic[]): TextEdit[] {
  const fixes = diagnostics.flatMap((d) => {
    const edits = safeEdit(document, schema, d);
    return edits?.length ? [[...edits].sort(byRange)] : [];
  });
  fixes.sort((a, b) => byRange(a[0], b[0]));
  const kept: TextEdit[] = [];
  for (const edits of fixes) {
    const previous = kept[kept.length - 1];
    const first = edits[0];
    if (previous && comparePositions(first.range.start, previous.range.end) < 0) continue;
    // An insertion where the previous edit ends waits for the next round too, so that no two edits touch.
    if (previous && comparePositions(first.range.start, previous.range.end) === 0 && comparePositions(first.range.start, first.range.end) === 0) continue;
    kept.push(...edits);
  }
  return kept;
}

function byRange(a: TextEdit, b: TextEdit): number {
  return comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end);
}

export interface FixAllResult {
  text: string;
  /** At most one edit: from the first to the last changed character. */
  edits: TextEdit[];
  /** Diagnostics left after fixing. */
  remaining: FragmentDiagnostic[];
}

export function fixAll(text: string, options: FixAllOptions): FixAllResult {
  const { schema, now } = options;
  let current = text;
  let document = parseWithSchema(current, schema);
  let diagnostics = validateParsed(document, { schema, now });
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const edits = safeEdits(document, schema, options.fixable ? options.fixable(document, diagnostics) : diagnostics);
    if (edits.length === 0) break;
    current = applyEdits(current, edits);
    document = parseWithSchema(current, schema);
    diagnostics = validateParsed(document, { schema, now });
  }
  const edit = minimalEdit(text, current);
  return { text: current, edits: edit ? [edit] : [], remaining: diagnostics };
}
