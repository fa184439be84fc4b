/**
 * Quick fixes: every fix the fix table (./fixes) builds for the diagnostics asked about, as code actions, plus "Add
 * all missing fields" for each record one of them is about.
 */
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-types';
import { directed } from '../l10n';
import { addFields, fixesFor, fixKindOf, isFixable, specsOf, type Fix, type FixableDiagnostic, type FixContext } from './fixes';

export interface QuickFixContext extends FixContext {
  uri: string;
  /** The client accepts snippet edits in a workspace edit (LSP 3.18 `SnippetTextEdit`). */
  snippetEdits?: boolean;
  /** Only part of the document is read (it is over the size limit): fixes that rewrite the whole file are left out. */
  partial?: boolean;
}

/** A fix as the code action that offers it for `diagnostics`. */
function action(context: QuickFixContext, fix: Fix, diagnostics: Diagnostic[]): CodeAction {
  const edit: WorkspaceEdit =
    context.snippetEdits && fix.snippetEdits
      ? ({ documentChanges: [{ textDocument: { uri: context.uri, version: null }, edits: fix.snippetEdits }] } as WorkspaceEdit)
      : { changes: { [context.uri]: fix.edits } };
  return { title: directed(fix.title), kind: 'quickfix', diagnostics, edit, ...(fix.preferred ? { isPreferred: true } : {}) };
}

/**
 * The quick fixes for the given diagnostics (those of this server). `all` is every current diagnostic of the
 * document: where a record's other missing fields are found, and the fix of a whole-file problem (a story to
 * convert), which is offered wherever fixes are asked for in the file.
 */
export function quickFixes(context: QuickFixContext, diagnostics: readonly Diagnostic[], all: readonly Diagnostic[] = diagnostics): CodeAction[] {
  const asked = diagnostics.filter(isFixable);
  const isWholeFile = (d: FixableDiagnostic) => fixKindOf(d)?.wholeFile === true;
  const elsewhere = all.filter(isFixable).filter((d) => isWholeFile(d) && !asked.some((a) => a.data.fix === d.data.fix));
  const fixable = context.partial ? asked.filter((d) => !isWholeFile(d)) : asked;
  const actions = fixable.flatMap((d) => fixesFor(context, d).map((fix) => action(context, fix, [d])));
  actions.push(...addAllMissing(context, asked, all));
  if (!context.partial) for (const d of elsewhere) actions.push(...fixesFor(context, d).map((fix) => action(context, fix, [d])));
  return actions;
}

/** A record missing both required and recommended fields has two problems: one more action adds everything. */
function addAllMissing(context: QuickFixContext, asked: readonly FixableDiagnostic[], all: readonly Diagnostic[]): CodeAction[] {
  const missingByRecord = new Map<number, FixableDiagnostic[]>();
  for (const d of asked) if (d.data.fix === 'insert-fields') missingByRecord.set(d.data.record, []);
  for (const d of all) if (isFixable(d) && d.data.fix === 'insert-fields') missingByRecord.get(d.data.record)?.push(d);
  const actions: CodeAction[] = [];
  for (const missing of missingByRecord.values()) {
    if (missing.length < 2) continue;
    const specs = specsOf(context, missing.flatMap((d) => (d.data as { keys: string[] }).keys));
    const fix = addFields(context, missing[0].range.start.line, specs, true);
    if (fix) actions.push(action(context, fix, missing));
  }
  return actions;
}
