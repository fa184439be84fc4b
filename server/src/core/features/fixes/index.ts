/**
 * The one table of fixes: each kind of fix data a diagnostic carries (`diagnostic.data.fix`, see ../../diagnostic.ts)
 * has one builder, which returns that diagnostic's fixes, each with its edits and whether it is safe. Quick fixes
 * offer every fix; fix-all, and `fragment-lint --fix` through it, applies the safe ones. A new kind of fix is added
 * here once, and both have it.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { FixData } from '../../diagnostic';
import { DIAGNOSTIC_SOURCE } from '../../diagnostic-codes';
import { convertStoryFix } from './convert-story';
import type { Fix, FixContext, FixKind } from './fix';
import { insertFields } from './insert-fields';
import { redact } from './redact';
import { removeDuplicate } from './remove-duplicate';
import { renameKey } from './rename-key';
import { replace } from './replace';
import { rewriteLine } from './rewrite-line';

export type { Fix, FixContext, FixKind, SnippetEdit } from './fix';
export { addFields, specsOf } from './insert-fields';

export const FIX_KINDS: { readonly [K in FixData['fix']]: FixKind<K> } = {
  replace,
  'rename-key': renameKey,
  'rewrite-line': rewriteLine,
  'remove-duplicate': removeDuplicate,
  'insert-fields': insertFields,
  'convert-story': convertStoryFix,
  redact,
  none: { canBeSafe: false, build: () => [] },
};

/** A diagnostic of this server whose data names a kind of fix: one a client sent back may hold anything. */
export type FixableDiagnostic = Omit<Diagnostic, 'data'> & { data: FixData };

export function isFixable(diagnostic: Diagnostic): diagnostic is FixableDiagnostic {
  const data = diagnostic.data as { fix?: unknown } | null | undefined;
  return diagnostic.source === DIAGNOSTIC_SOURCE && typeof data === 'object' && data !== null && typeof data.fix === 'string' && Object.hasOwn(FIX_KINDS, data.fix);
}

/** The kind of fix a diagnostic's data names, or undefined when it names none. */
export function fixKindOf(diagnostic: Diagnostic): FixKind<FixData['fix']> | undefined {
  return isFixable(diagnostic) ? (FIX_KINDS[diagnostic.data.fix] as FixKind<FixData['fix']>) : undefined;
}

/** Every fix for a diagnostic, against the current text. */
export function fixesFor(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const kind = fixKindOf(diagnostic);
  return kind ? kind.build(context, diagnostic, (diagnostic as FixableDiagnostic).data as never) : [];
}

/** The diagnostic's safe fix, when it has one. */
export function safeFix(context: FixContext, diagnostic: Diagnostic): Fix | undefined {
  return fixKindOf(diagnostic)?.canBeSafe ? fixesFor(context, diagnostic).find((fix) => fix.safe) : undefined;
}
