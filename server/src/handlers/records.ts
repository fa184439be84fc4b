/**
 * The records table's data (`fragments/records`): every record of one document or of the whole workspace, with its
 * values and problems (core/features/records-table.ts), and `fragments/recordsChanged` when fragment files change.
 * Open documents are read from the editor, the others from disk.
 */
import type { CancellationToken } from 'vscode-languageserver/node';
import { recordsTableColumns, recordsTableRows } from '../core/features/records-table';
import { yieldTo, type TimerHandle } from '../host/host';
import { RECORDS_CHANGED_NOTIFICATION, RECORDS_REQUEST, type RecordsParams, type RecordsResult } from '../records/protocol';
import type { Handler } from '../state';
import { checkedFile } from './diagnostics';
import { withLoggedRequests } from './safely';

/** Files read between chances for other requests to run. */
const STEP = 20;
/** Quiet time after the last change before an open table is told to ask again. */
const CHANGED_DELAY_MS = 300;

export const recordsHandler: Handler = (state) => {
  const connection = withLoggedRequests(state);
  /** Whether the client ever asked for records: until it does, no table is open and nobody needs telling of changes. */
  let asked = false;
  connection.onRequest(RECORDS_REQUEST, async (params: RecordsParams | undefined, token: CancellationToken): Promise<RecordsResult> => {
    asked = true;
    await state.ready;
    let uris: string[];
    if (params?.uri) {
      uris = [params.uri];
    } else {
      await state.workspace.scanned();
      const all = new Set(state.workspace.uris());
      for (const document of state.documents.all()) all.add(document.uri); // the fragment view: schema files are not in it
      uris = [...all].sort();
    }
    const result: RecordsResult = { columns: [], rows: [], unreadable: 0 };
    for (let i = 0; i < uris.length && !token.isCancellationRequested; i++) {
      const checked = await checkedFile(state, uris[i]);
      if (!checked) {
        result.unreadable++;
        continue;
      }
      if (result.columns.length === 0) result.columns = recordsTableColumns(checked.schema);
      result.rows.push(...recordsTableRows(checked.parsed, checked.schema, checked.diagnostics, uris[i]));
      if (i % STEP === STEP - 1) await yieldTo(state.host.clock);
    }
    if (result.columns.length === 0 && uris.length > 0) result.columns = recordsTableColumns(state.schemas.schemaFor(uris[0]));
    return result;
  });

  let timer: TimerHandle;
  const changed = () => {
    if (!asked) return;
    state.host.clock.clearTimeout(timer);
    timer = state.host.clock.setTimeout(() => void state.connection.sendNotification(RECORDS_CHANGED_NOTIFICATION), CHANGED_DELAY_MS);
  };
  state.documents.onDocumentChanged(changed);
  state.documents.onDidClose(changed);
  state.watchedFilesChanged.on(changed);
  state.settingsChanged.on(changed);
  state.schemaChanged.on(changed);
};
