/**
 * textDocument/codeAction: quick fixes from the diagnostics' data, redaction refactors on a selection,
 * "Convert to fragment" for a story, `source.fixAll.fragments` and `source.sortFields.fragments`.
 */
import type { CodeAction, CodeActionParams, Diagnostic } from 'vscode-languageserver/node';
import { parseWithSchema, validateParsed } from '../core';
import { convertStoryAction } from '../core/features/convert-story';
import { fixAll } from '../core/features/fix-all';
import { quickFixes } from '../core/features/quick-fixes';
import { redactionActions, REDACT_KIND } from '../core/features/redaction';
import { SORT_FIELDS_KIND, sortFieldsEdits } from '../core/features/sort-fields';
import type { Handler } from '../services';
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
  services.connection.onCodeAction((params) =>
    answerSafely(services, 'code actions', [] as CodeAction[], () => {
      const { uri } = params.textDocument;
      const document = services.documents.get(uri);
      if (!document) return [];
      const schema = services.schemaFor(uri);
      const text = document.getText();
      const parsed = parseWithSchema(text, schema);
      const actions: CodeAction[] = [];

      if (wanted(params, 'quickfix')) {
        const current = validateParsed(parsed, { schema, uri });
        // A client that does not send `data` back still gets fixes: take ours for the same range and code.
        const inContext = params.context.diagnostics
          .filter((d) => d.source === 'fragments')
          .map((d) => (d.data ? d : (current.find((c) => c.code === d.code && sameRange(c, d)) ?? d)));
        const snippetEdits = services.clientCapabilities().workspace?.workspaceEdit?.snippetEditSupport === true;
        actions.push(...quickFixes({ document: parsed, schema, uri, snippetEdits }, inContext, current));
        if (!inContext.some((d) => d.code === 'unstructured')) {
          const convert = convertStoryAction({ document: parsed, schema, uri });
          if (convert) actions.push(convert);
        }
      }
      if (wanted(params, REDACT_KIND)) actions.push(...redactionActions(parsed, schema, uri, params.range));
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
