/**
 * textDocument/codeAction: quick fixes from the diagnostics' data (among them "Convert to fragment" for a story),
 * redaction refactors on a selection, `source.fixAll.fragments` and `source.sortFields.fragments`.
 */
import * as l10n from '@vscode/l10n';
import type { CodeAction, CodeActionParams, Diagnostic } from 'vscode-languageserver/node';
import { fixAll } from '../core/features/fix-all';
import { directed } from '../core/l10n';
import { fixKindOf } from '../core/features/fixes';
import { quickFixes } from '../core/features/quick-fixes';
import { redactionActions, REDACT_KIND } from '../core/features/redaction';
import { SORT_FIELDS_KIND, sortFieldsEdits } from '../core/features/sort-fields';
import { recordIds, type FragmentDiagnostic, type ParsedDocument } from '../core';
import { ACCEPT_FINDING_COMMAND, type AcceptFindingArguments } from '../review/protocol';
import type { Handler, ServerState } from '../state';
import { documentView, type DocumentView } from './document-view';
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
      const view = documentView(services, document);
      const { schema, truncated } = view;
      const actions: CodeAction[] = [];

      if (wanted(params, 'quickfix')) {
        const current = view.diagnostics();
        // A client that does not send `data` back still gets fixes: take ours for the same range, code and message (a
        // record's two missing-field problems share a range).
        const inContext = params.context.diagnostics
          .filter((d) => d.source === 'fragments')
          .map((d) => (d.data ? d : (current.find((c) => c.code === d.code && c.message === d.message && sameRange(c, d)) ?? d)));
        const snippetEdits = services.clientCapabilities().workspace?.workspaceEdit?.snippetEditSupport === true;
        actions.push(...quickFixes({ document: view.parsed, schema, uri, snippetEdits, partial: truncated !== undefined }, inContext, current));
        actions.push(...acceptActions(services, uri, view, inContext));
      }
      if (wanted(params, REDACT_KIND)) actions.push(...redactionActions(view.parsed, schema, uri, params.range));
      // Over the size limit whole-file edits are off (the file-too-large note says so): they would cover only part.
      if (truncated) return actions;
      // Whole-file actions cost a pass over the file. A request that names their kind (Source Action…, code actions
      // on save) gets them with their edits; a request for every kind (the light bulb, on each cursor move) gets
      // them without, and codeAction/resolve works the edits out if one is chosen. Fix All goes in the light bulb only
      // where some problem has a kind of fix that can be safe.
      for (const kind of WHOLE_FILE_KINDS) {
        if (!wanted(params, kind)) continue;
        if (params.context.only) {
          const action = wholeFileAction(services, kind, uri, view);
          if (action) actions.push(action);
        } else if (kind !== FIX_ALL_KIND || unaccepted(services, uri, view).some((d) => fixKindOf(d)?.canBeSafe)) {
          const data: WholeFileData = { uri, version: document.version, kind };
          actions.push({ title: titleOf(kind), kind, data });
        }
      }
      return actions;
    }),
  );
  services.connection.onCodeActionResolve((action, token) =>
    answerSafely(services, 'code action', action, token, () => {
      const data = action.data as Partial<WholeFileData> | undefined;
      if (!data?.uri || !data.kind || !WHOLE_FILE_KINDS.includes(data.kind)) return action;
      const document = services.documents.get(data.uri);
      if (!document || document.version !== data.version) return action; // the file changed since: nothing to apply
      const view = documentView(services, document);
      if (view.truncated) return action;
      const resolved = wholeFileAction(services, data.kind, data.uri, view);
      return { ...action, edit: resolved?.edit ?? { changes: { [data.uri]: [] } } };
    }),
  );
};

const WHOLE_FILE_KINDS = [FIX_ALL_KIND, SORT_FIELDS_KIND];
/** The title of a whole-file action, in the person's language. */
function titleOf(kind: string): string {
  return directed(kind === FIX_ALL_KIND ? l10n.t('Fix all safe problems in this fragment file') : l10n.t('Sort fields in schema order'));
}

/** What a whole-file action sent without its edits carries, for codeAction/resolve. */
interface WholeFileData {
  uri: string;
  version: number;
  kind: string;
}

/**
 * Fix-all or sort-fields with its edits, or undefined when it would change nothing. Fix-all leaves alone what the
 * review file accepts: a reviewer accepted that value as it is.
 */
function wholeFileAction(state: ServerState, kind: string, uri: string, view: DocumentView): CodeAction | undefined {
  const { schema } = view;
  const fixable = (document: ParsedDocument, diagnostics: FragmentDiagnostic[]) =>
    state.reviews.withoutAccepted(uri, diagnostics, { schema, parsed: () => document, recordIds: () => recordIds(document, schema) });
  const edits = kind === FIX_ALL_KIND ? fixAll(view.text, { schema, fixable }).edits : sortFieldsEdits(view.parsed, schema);
  return edits.length ? { title: titleOf(kind), kind, edit: { changes: { [uri]: edits } } } : undefined;
}

/** The document's findings that the review file does not accept. */
function unaccepted(state: ServerState, uri: string, view: DocumentView): FragmentDiagnostic[] {
  return state.reviews.withoutAccepted(uri, view.diagnostics(), { schema: view.schema, parsed: () => view.parsed, parsedAround: (line) => view.parsedAround(line), recordIds: () => view.recordIds() });
}

const acceptFindingTitle = () => directed(l10n.t('Accept this finding…'));

/**
 * "Accept this finding…" for each finding the review file can name: it runs the server command that writes the entry
 * (the VS Code client asks for the reason first). Last in the list: fixing a finding comes before accepting it.
 */
function acceptActions(state: ServerState, uri: string, view: DocumentView, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (!diagnostic.data) continue; // not one of ours as published: nothing to name it by
    const finding = state.reviews.findingFor(uri, diagnostic as FragmentDiagnostic, view.parsed, view.schema);
    if (!finding) continue;
    const argument: AcceptFindingArguments = { uri, finding };
    const command = { title: acceptFindingTitle(), command: ACCEPT_FINDING_COMMAND, arguments: [argument] };
    actions.push({ title: acceptFindingTitle(), kind: 'quickfix', diagnostics: [diagnostic], edit: NO_EDIT, command });
  }
  return actions;
}

/**
 * The edit of an action that is only a command: none. VS Code resolves a chosen action that has no edit
 * (codeAction/resolve, a round trip through the server) and takes only an edit from the answer, so for such an action
 * the round trip does nothing but lengthen the moment in which VS Code 1.100 can forget the command, when the light
 * bulb's list is replaced meanwhile ("Actual command not found"; test/e2e/accept-finding.test.ts). With an edit,
 * even an empty one, the command goes out at once.
 */
const NO_EDIT = { changes: {} };
