/**
 * workspace/executeCommand:
 * - `fragments.server.sortFields` with the document URI as argument: sorts the fields of every record in schema
 *   order, applies the edit through workspace/applyEdit and returns it;
 * - `fragments.server.acceptFinding` (review/protocol.ts): writes an entry accepting one finding into the review file.
 */
import * as l10n from '@vscode/l10n';
import type { WorkspaceEdit } from 'vscode-languageserver/node';
import { SORT_FIELDS_COMMAND, sortFieldsEdits } from '../core/features/sort-fields';
import { directed } from '../core/l10n';
import { parseReview, type LocatedFinding } from '../core/review';
import { pathToUri } from '../files/uri';
import { ACCEPT_FINDING_COMMAND, ACCEPTED_COUNT_NOTIFICATION, REVIEW_INFO_REQUEST, type AcceptFindingArguments, type AcceptFindingResult, type ReviewInfo } from '../review/protocol';
import type { Handler, ServerState } from '../state';
import { documentView } from './document-view';
import { answerSafelyAsync } from './safely';

export const SERVER_COMMANDS = [SORT_FIELDS_COMMAND, ACCEPT_FINDING_COMMAND];

export const commandsHandler: Handler = (services) => {
  services.connection.onExecuteCommand((params) =>
    answerSafelyAsync(services, 'command', async () => {
      if (params.command === ACCEPT_FINDING_COMMAND) return acceptFinding(services, params.arguments?.[0]);
      if (params.command !== SORT_FIELDS_COMMAND) return null;
      const uri = typeof params.arguments?.[0] === 'string' ? params.arguments[0] : undefined;
      const document = uri ? services.documents.get(uri) : undefined;
      if (!document) return null;
      const { schema, parsed, truncated } = documentView(services, document);
      const edits = truncated ? [] : sortFieldsEdits(parsed, schema); // over the size limit: off
      if (edits.length === 0) return null;
      const edit: WorkspaceEdit = { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
      await services.connection.workspace.applyEdit({ label: directed(l10n.t('Sort fields in schema order')), edit });
      return edit;
    }),
  );
  services.connection.onRequest(REVIEW_INFO_REQUEST, (params: { uri?: unknown } | undefined): ReviewInfo => {
    const uri = typeof params?.uri === 'string' ? params.uri : '';
    const path = services.reviews.reviewPathFor(uri);
    return { accepted: services.reviews.acceptedIn(uri), ...(path !== undefined ? { reviewFile: pathToUri(path) } : {}) };
  });
  services.reviews.countChanged.on((uri) => void services.connection.sendNotification(ACCEPTED_COUNT_NOTIFICATION, { uri, accepted: services.reviews.acceptedIn(uri) }));
};

/** Writes the entry; a problem is shown to the person in plain words, and nothing is written then. */
async function acceptFinding(state: ServerState, argument: unknown): Promise<AcceptFindingResult | null> {
  const { uri, finding, acceptedBy, reason } = (argument ?? {}) as Partial<AcceptFindingArguments>;
  const checked = typeof uri === 'string' ? checkedFinding(finding) : undefined;
  if (typeof uri !== 'string' || !checked) {
    void state.connection.window.showErrorMessage(l10n.t('The finding could not be accepted: the command was given no finding.'));
    return null;
  }
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  try {
    const path = await state.reviews.accept(uri, checked, text(acceptedBy), text(reason));
    return { reviewFile: pathToUri(path) };
  } catch (error) {
    void state.connection.window.showErrorMessage((error as Error).message);
    return null;
  }
}

/** The finding as the review file would read it back (the one format check of review entries: parseReview). */
function checkedFinding(finding: unknown): LocatedFinding | undefined {
  if (typeof finding !== 'object' || finding === null) return undefined;
  const f = finding as Partial<LocatedFinding>;
  if (typeof f.file !== 'string' || !Number.isSafeInteger(f.line) || (f.line as number) < 1) return undefined;
  try {
    const [entry] = parseReview(JSON.stringify({ accepted: [{ fragmentId: f.fragmentId, file: f.file, line: f.line, code: f.code, value: f.value }] })).entries;
    return { code: entry.code, ...(entry.fragmentId !== undefined ? { fragmentId: entry.fragmentId } : {}), line: f.line as number, value: entry.value, file: f.file };
  } catch {
    return undefined;
  }
}
