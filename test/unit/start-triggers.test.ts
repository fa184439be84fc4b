// When the language server starts without a command asking (client/src/start-triggers.ts), with a stand-in for the
// `vscode` module's workspace and a stand-in language client: a fragment.schema.json created after activation starts
// the server, once however many schemas appear; before that, a workspace without one starts nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Module from 'node:module';
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ServerStarter, type LanguageClientLibrary } from '../../client/src/server-starter';
import type * as StartTriggers from '../../client/src/start-triggers';

type Listener = (value: unknown) => void;
const on = (listeners: Listener[]) => (listener: Listener) => {
  listeners.push(listener);
  return { dispose: () => listeners.splice(listeners.indexOf(listener), 1) };
};
const uri = (path: string) => ({ scheme: 'file', path, fsPath: path, toString: () => `file://${path}` });

/** The parts of VS Code's workspace API start-triggers.ts uses, driven by the test. */
const workspace = {
  folder: '/work/outcomes',
  schemasOnDisk: [] as string[],
  watchedGlobs: [] as string[],
  opened: [] as Listener[],
  created: [] as Listener[],
  foldersChanged: [] as Listener[],
};
const fakeVscode = {
  workspace: {
    get workspaceFolders() {
      return [{ uri: uri(workspace.folder), name: 'outcomes', index: 0 }];
    },
    textDocuments: [],
    asRelativePath: (target: { path: string }) => target.path.slice(workspace.folder.length + 1),
    findFiles: async () => workspace.schemasOnDisk.slice(0, 1).map(uri),
    getConfiguration: () => ({ get: (_key: string, fallback: unknown) => fallback }),
    onDidOpenTextDocument: on(workspace.opened),
    onDidChangeWorkspaceFolders: on(workspace.foldersChanged),
    createFileSystemWatcher: (glob: string) => {
      workspace.watchedGlobs.push(glob);
      return { onDidCreate: on(workspace.created), dispose: () => undefined };
    },
  },
};

function loadStartTriggers(): typeof StartTriggers {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = loader._load;
  loader._load = (request, ...rest) => (request === 'vscode' ? fakeVscode : load.call(Module, request, ...rest));
  try {
    return require('../../client/src/start-triggers');
  } finally {
    loader._load = load;
  }
}

/** A starter whose stand-in language client starts at once; counts loads and clients. */
function starter() {
  const started = { loads: 0, clients: 0, log: [] as string[] };
  const library = {
    createLanguageClient: () => {
      started.clients++;
      return { start: async () => undefined, isRunning: () => true } as unknown as LanguageClient;
    },
  } as unknown as LanguageClientLibrary;
  const output = { info: (line: string) => started.log.push(line), error: (line: string) => started.log.push(line) } as unknown as vscode.LogOutputChannel;
  const load = () => {
    started.loads++;
    return library;
  };
  return { started, starter: new ServerStarter({ context: {} as vscode.ExtensionContext, output, load, report: () => undefined }) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('a fragment.schema.json created after activation starts the server, once', async () => {
  const { startServerWhenNeeded } = loadStartTriggers();
  const { starter: server, started } = starter();
  const context = { subscriptions: [] as { dispose(): unknown }[] } as unknown as vscode.ExtensionContext;
  startServerWhenNeeded(context, server);
  await settle(); // the look for a schema already on disk
  assert.equal(server.requested, false, 'no fragment and no schema: nothing starts');
  assert.equal(started.loads, 0);
  assert.deepEqual(workspace.watchedGlobs, ['**/fragment.schema.json']);

  for (const listener of workspace.created) listener(uri(`${workspace.folder}/fragment.schema.json`));
  await settle();
  assert.equal(server.requested, true);
  assert.deepEqual([started.loads, started.clients], [1, 1]);
  assert.deepEqual(started.log.filter((line) => line.startsWith('Starting')), ['Starting the language server: a schema was created, fragment.schema.json.']);

  for (const listener of workspace.created) listener(uri(`${workspace.folder}/north/fragment.schema.json`));
  for (const listener of workspace.created) listener(uri(`${workspace.folder}/fragment.schema.json`));
  await settle();
  assert.deepEqual([started.loads, started.clients], [1, 1], 'more schemas do not start it again');
});

test('a fragment.schema.json already in the workspace at activation starts the server', async () => {
  const { startServerWhenNeeded } = loadStartTriggers();
  const { starter: server, started } = starter();
  workspace.schemasOnDisk = [`${workspace.folder}/south/fragment.schema.json`];
  startServerWhenNeeded({ subscriptions: [] } as unknown as vscode.ExtensionContext, server);
  await settle();
  assert.deepEqual([started.loads, started.clients], [1, 1]);
  assert.deepEqual(started.log.filter((line) => line.startsWith('Starting')), ['Starting the language server: the workspace has a schema, south/fragment.schema.json.']);
});
