/**
 * The fragment language server: thin LSP glue over the pure core in ./core. Runs over stdio (`--stdio`, the default
 * when started by hand) or Node IPC (how the VS Code client starts it).
 */
import {
  createConnection,
  DidChangeConfigurationNotification,
  LSPErrorCodes,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { HANDLERS } from './handlers';
import { describeError } from './handlers/safely';
import { EDITING_CAPABILITIES } from './handlers/editing';
import { documentView, TRACKED_DOCUMENTS } from './handlers/document-view';
import { nodeHost } from './host/node';
import { ProtocolGuard } from './protocol-guard';
import { announceServerReady } from './ready-signal';
import { createServerState, readSettings } from './state';
import { version } from '../../package.json';

const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write(`${version}\n`);
  process.exit(0);
}
if (args.includes('--help')) {
  process.stdout.write(
    'fragment-language-server: the Fragment language server.\n\nUsage: fragment-language-server --stdio\n\n' +
      'Speaks the Language Server Protocol on standard input and output (the default), or over Node IPC with --node-ipc.\n',
  );
  process.exit(0);
}
if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.argv.push('--stdio');
}

const guard = new ProtocolGuard(); // the LSP lifecycle, and changes the document store would throw on
const connection = createConnection(ProposedFeatures.all, {
  connectionStrategy: {
    // A request the client cancelled while it still waited in the queue (typing outruns a slow check) is answered at
    // once instead of being worked on.
    cancelUndispatched: (message) => ({ jsonrpc: '2.0', id: (message as { id?: number | string }).id ?? null, error: { code: LSPErrorCodes.RequestCancelled, message: 'The request was cancelled.' } }),
  },
  messageStrategy: guard.messageStrategy,
});
guard.attach(connection);
// Anything printed to stdout would corrupt the protocol stream; send stray logging to the client's log instead.
console.log = (...parts: unknown[]) => connection.console.log(parts.map(String).join(' '));
console.info = console.log;
console.warn = (...parts: unknown[]) => connection.console.warn(parts.map(String).join(' '));
console.error = (...parts: unknown[]) => connection.console.error(parts.map(String).join(' '));
// Last line of defence: a failure in a timer or a promise is logged in the output channel, and the server carries on
// serving the other documents instead of dying with it.
process.on('uncaughtException', (error) => connection.console.error(`Fragment language server error: ${describeError(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Fragment language server error: ${describeError(reason)}`));

const documents = new TextDocuments(TRACKED_DOCUMENTS);
let canPullConfiguration = false;
// The one state of the server, passed to every handler. The workspace index reads an open document's records from
// the view its diagnostics are checked in, so an edit is parsed once.
const { state, initialize, setSettings, settingsRead } = createServerState(connection, nodeHost, documents, (state, document) => {
  const view = documentView(state, document);
  return { idsGeneration: view.idsGeneration(), ids: () => view.recordIds(), parsed: () => view.parsed };
});

async function refreshSettings(pushed?: unknown): Promise<void> {
  if (canPullConfiguration) {
    try {
      setSettings(readSettings(await connection.workspace.getConfiguration('fragments')));
    } catch (error) {
      connection.console.warn(`Could not read the fragments settings, keeping the previous ones: ${String(error)}`);
    }
  } else if (pushed !== undefined) {
    setSettings(readSettings((pushed as { fragments?: unknown }).fragments ?? pushed));
  }
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  initialize(params);
  const options = params.initializationOptions as { settings?: unknown } | undefined;
  if (options?.settings) setSettings(readSettings(options.settings));
  return {
    capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental }, ...EDITING_CAPABILITIES },
    serverInfo: { name: 'fragment-language-server', version },
  };
});

connection.onInitialized(() => {
  announceServerReady(); // the launcher's code cache served this start well (launcher.ts)
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
// workspace index), so the one handler hands each change to all of them.
connection.onDidChangeWatchedFiles((params) => state.watchedFilesChanged.fire(params.changes));

for (const register of HANDLERS) register(state);
documents.listen(connection);
connection.listen();
