/**
 * textDocument/codeAction: quick fixes from the diagnostics' data, redaction refactors on a selection,
 * "Convert to fragment" for a story, `source.fixAll.fragments` and `source.sortFields.fragments`.
 */
import type { CodeAction, CodeActionParams, Diagnostic } from 'vscode-languageserver/node';
import { convertStoryAction } from '../core/features/convert-story';
import { fixAll } from '../core/features/fix-all';
import { quickFixes } from '../core/features/quick-fixes';
import { redactionActions, REDACT_KIND } from '../core/features/redaction';
import { SORT_FIELDS_KIND, sortFieldsEdits } from '../core/features/sort-fields';
import type { Handler } from '../services';
import { documentView } from './document-view';
import { answerSafely } from './safely';

export const FIX_ALL_KIND = 'source.fixAll.fragments';
export const CODE_ACTION_KINDS = ['quickfix', REDACT_KIND, FIX_ALL_KIND, SORT_FIELDS_KIND];

/** `only: ['source']` asks for every source action, `only: ['source.fixAll']` for ours among others. */
function wanted(params: CodeActionParams, kind: string): boolean {
  const only = params.context.only;
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function sameRange(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character
  );
}

export const codeActionsHandler: Handler = (services) => {
  services.connection.onCodeAction((params, token) =>
    answerSafely(services, 'code actions', [] as CodeAction[], token, () => {
      const { uri } = params.textDocument;
      const document = services.documents.get(uri);
      if (!document) return [];
      const { schema, text, parsed, truncated } = documentView(services, document);
      const actions: CodeAction[] = [];

      if (wanted(params, 'quickfix')) {
        const current = documentView(services, document).diagnostics();
        // A client that does not send `data` back still gets fixes: take ours for the same range, code and message (a
        // record's two missing-field problems share a range).
        const inContext = params.context.diagnostics
          .filter((d) => d.source === 'fragments')
          .map((d) => (d.data ? d : (current.find((c) => c.code === d.code && c.message === d.message && sameRange(c, d)) ?? d)));
        const snippetEdits = services.clientCapabilities().workspace?.workspaceEdit?.snippetEditSupport === true;
        actions.push(...quickFixes({ document: parsed, schema, uri, snippetEdits }, inContext, current));
        if (!truncated && !inContext.some((d) => d.code === 'unstructured')) {
          const convert = convertStoryAction({ document: parsed, schema, uri });
          if (convert) actions.push(convert);
        }
      }
      if (wanted(params, REDACT_KIND)) actions.push(...redactionActions(parsed, schema, uri, params.range));
      // Over the size limit whole-file edits are off (the file-too-large note says so): they would cover only part.
      if (truncated) return actions;
      if (wanted(params, FIX_ALL_KIND)) {
        const { edits } = fixAll(text, { schema });
        if (edits.length) actions.push({ title: 'Fix all safe problems in this fragment file', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
      }
      if (wanted(params, SORT_FIELDS_KIND)) {
        const edits = sortFieldsEdits(parsed, schema);
        if (edits.length) actions.push({ title: 'Sort fields in schema order', kind: SORT_FIELDS_KIND, edit: { changes: { [uri]: edits } } });
      }
      return actions;
    }),
  );
};
