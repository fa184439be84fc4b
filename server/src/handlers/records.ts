/**
 * The records table's data (`fragments/records`): every record of one document or of the whole workspace, with its
 * values and problems (core/features/records-table.ts), and `fragments/recordsChanged` when fragment files change.
 * Open documents are read from the editor, the others from disk.
 */
import { fileURLToPath } from 'node:url';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver/node';
import { mergeDiagnostics, parseWithSchema, validateParsed, type ParsedDocument, type Schema } from '../core';
import { recordsTableColumns, recordsTableRows } from '../core/features/records-table';
import { readTextFile } from '../files';
import { RECORDS_CHANGED_NOTIFICATION, RECORDS_REQUEST, type RecordsParams, type RecordsResult } from '../records/protocol';
import { isSchemaDocument } from '../schemas/store';
import type { Handler, ServerServices } from '../services';
import { MAX_FILE_BYTES, workspaceIndex } from '../workspace';
import { documentView } from './document-view';
import { withLoggedRequests } from './safely';

/** Files read between chances for other requests to run. */
const STEP = 20;
/** Quiet time after the last change before an open table is told to ask again. */
const CHANGED_DELAY_MS = 300;

export const recordsHandler: Handler = (services) => {
  const connection = withLoggedRequests(services);
  /** Whether the client ever asked for records: until it does, no table is open and nobody needs telling of changes. */
  let asked = false;
  connection.onRequest(RECORDS_REQUEST, async (params: RecordsParams | undefined, token: CancellationToken): Promise<RecordsResult> => {
    asked = true;
    await services.ready;
    let uris: string[];
    if (params?.uri) {
      uris = [params.uri];
    } else {
      await workspaceIndex.scanned();
      const all = new Set(workspaceIndex.uris());
      for (const document of services.documents.all()) if (!isSchemaDocument(document)) all.add(document.uri);
      uris = [...all].sort();
    }
    const result: RecordsResult = { columns: [], rows: [], unreadable: 0 };
    for (let i = 0; i < uris.length && !token.isCancellationRequested; i++) {
      const checked = await checkedDocument(services, uris[i]);
      if (!checked) {
        result.unreadable++;
        continue;
      }
      if (result.columns.length === 0) result.columns = recordsTableColumns(checked.schema);
      result.rows.push(...recordsTableRows(checked.parsed, checked.schema, checked.diagnostics, uris[i]));
      if (i % STEP === STEP - 1) await new Promise((resolve) => setImmediate(resolve));
    }
    if (result.columns.length === 0 && uris.length > 0) result.columns = recordsTableColumns(services.schemaFor(uris[0]));
    return result;
  });

  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    if (!asked) return;
    clearTimeout(timer);
    timer = setTimeout(() => void services.connection.sendNotification(RECORDS_CHANGED_NOTIFICATION), CHANGED_DELAY_MS);
  };
  services.documents.onDidChangeContent(changed);
  services.documents.onDidClose(changed);
  services.onWatchedFilesChanged(changed);
  services.onSettingsChanged(changed);
};

interface CheckedDocument {
  schema: Schema;
  parsed: ParsedDocument;
  diagnostics: Diagnostic[];
}

/** A document's records and problems: the open text as the editor checks it, else the file on disk; undefined when unreadable. */
async function checkedDocument(services: ServerServices, uri: string): Promise<CheckedDocument | undefined> {
  const open = services.documents.get(uri);
  if (open) {
    const view = documentView(services, open);
    return { schema: view.schema, parsed: view.parsed, diagnostics: mergeDiagnostics(view.diagnostics(), services.extraDiagnostics?.(uri) ?? []) };
  }
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  const decoded = await readTextFile(path, MAX_FILE_BYTES);
  if (!decoded.ok) return undefined;
  const schema = services.schemaFor(uri);
  const parsed = parseWithSchema(decoded.text, schema);
  return { schema, parsed, diagnostics: mergeDiagnostics(validateParsed(parsed, { schema, uri }), services.extraDiagnostics?.(uri) ?? []) };
}
