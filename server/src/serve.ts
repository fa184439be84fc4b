/**
 * The language server on a connection and a host: builds the one server state (state/index.ts), reads the settings,
 * and registers every handler on it. server.ts runs it on Node's connection and host; tests run it in-process on an
 * in-memory host.
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWorkspaceFoldersNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { HANDLERS } from './handlers';
import { documentView, TRACKED_DOCUMENTS } from './handlers/document-view';
import { EDITING_CAPABILITIES } from './handlers/editing';
import { pathToUri, uriToPath } from './files/uri';
import type { Host } from './host/host';
import { createServerState, readSettings, type ServerState } from './state';
import { version } from '../../package.json';

/** `onInitialized`: told when the client has the server's capabilities (the launcher's code cache: ready-signal.ts). */
export function serve(connection: Connection, host: Host, onInitialized: () => void = () => undefined): ServerState {
  const documents = new TextDocuments(TRACKED_DOCUMENTS);
  let canPullConfiguration = false;
  // The one state of the server, passed to every handler. The workspace index reads an open document's records from
  // the view its diagnostics are checked in, so an edit is parsed once.
  const { state, initialize, setSettings, settingsRead, changeFolders, setFolderSchemas } = createServerState(connection, host, documents, (current, document) => {
    const view = documentView(current, document);
    return { idsGeneration: view.idsGeneration(), ids: () => view.recordIds(), parsed: () => view.parsed };
  });

  async function refreshSettings(pushed?: unknown): Promise<void> {
    if (canPullConfiguration) {
      try {
        setSettings(readSettings(await connection.workspace.getConfiguration('fragments')));
        await readFolderSchemas();
      } catch (error) {
        connection.console.warn(`Could not read the fragments settings, keeping the previous ones: ${String(error)}`);
      }
    } else if (pushed !== undefined) {
      setSettings(readSettings((pushed as { fragments?: unknown }).fragments ?? pushed));
    }
  }

  /** `fragments.schema` is a resource setting: each workspace folder may name its own schema file. */
  async function readFolderSchemas(): Promise<void> {
    const folders = state.folders();
    if (folders.length === 0) return setFolderSchemas(new Map());
    const answers: unknown[] = await connection.workspace.getConfiguration(folders.map((folder) => ({ scopeUri: pathToUri(folder), section: 'fragments' })));
    setFolderSchemas(new Map(folders.map((folder, i) => [folder, readSettings(answers[i]).schema])));
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    initialize(params);
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    if (options?.settings) setSettings(readSettings(options.settings));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...EDITING_CAPABILITIES,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'fragment-language-server', version },
    };
  });

  connection.onInitialized(() => {
    onInitialized();
    // Registered here, after the library's own workspace-folder feature has set its handler up in initialize.
    connection.onNotification(DidChangeWorkspaceFoldersNotification.type, (params) => {
      changeFolders(params.event);
      void state.ready
        .then(() => (canPullConfiguration ? readFolderSchemas().catch((error: unknown) => connection.console.warn(`Could not read the settings of the workspace folders: ${String(error)}`)) : undefined))
        .then(() => state.foldersChanged.fire());
    });
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'fragments' }).catch(() => undefined);
      void refreshSettings().finally(settingsRead);
    } else {
      settingsRead();
    }
  });
  connection.onDidChangeConfiguration((change) => {
    void refreshSettings(change.settings).then(() => state.settingsChanged.fire());
  });

  // The connection keeps one handler per notification; several handlers follow file changes (schema files, the
  // workspace index), so the one handler hands each change to all of them. A host that caches its synchronous reads
  // (the browser's) forgets the changed files first, and what it fetched late counts as a file that appeared (or, for a
  // file a read was waiting for that is not there, one that went away).
  connection.onDidChangeWatchedFiles((params) => {
    host.cache?.forget(params.changes.map((change) => uriToPath(change.uri)).filter((path): path is string => path !== undefined));
    state.watchedFilesChanged.fire(params.changes);
  });
  host.cache?.onFetched((fetched) => state.watchedFilesChanged.fire(fetched.map(({ path, found }) => ({ uri: pathToUri(path), type: found ? FileChangeType.Created : FileChangeType.Deleted }))));

  for (const register of HANDLERS) register(state);
  documents.listen(connection);
  return state;
}
