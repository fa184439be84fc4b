/**
 * The server state in-process (server/src/serve.ts) on an in-memory host: no disk, no real time, a connection that
 * records what the server sends. Shows the state's named events and the one path of a keystroke.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Connection, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { serve } from '../../server/src/serve';
import { withField } from '../support/fixtures';
import { memoryHost, type MemoryHost } from '../support/memory-host';

const ROOT = '/w';
const CONTINENTAL = withField('Scale', '**Scale**: Continental');
const SCHEMA = JSON.stringify({ extends: 'default', fields: [{ key: 'Scale', addValues: ['Continental'] }] });
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);

/** A connection as the server sees it: what it registers is kept by name, what it sends is recorded. */
function fakeConnection() {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const published: PublishDiagnosticsParams[] = [];
  const ignore = () => undefined;
  const register = (name: string) => (handler: (...args: unknown[]) => unknown) => void handlers.set(name, handler);
  const connection = new Proxy(
    {
      console: { log: ignore, info: ignore, warn: ignore, error: (message: string) => assert.fail(message) },
      window: { showWarningMessage: ignore, attachWorkDoneProgress: () => ({ begin: ignore, report: ignore, done: ignore }) },
      client: { register: async () => ({ dispose: ignore }) },
      workspace: { getConfiguration: async () => ({}) },
      sendDiagnostics: async (params: PublishDiagnosticsParams) => void published.push(params),
      sendNotification: async () => undefined,
      onRequest: (method: string, handler: (...args: unknown[]) => unknown) => void handlers.set(method, handler),
      onNotification: (method: string, handler: (...args: unknown[]) => unknown) => void handlers.set(method, handler),
    } as Record<string | symbol, unknown>,
    { get: (target, name) => (name in target ? target[name] : typeof name === 'string' && name.startsWith('on') ? register(name) : undefined) },
  );
  const call = (name: string, params?: unknown) => {
    const handler = handlers.get(name);
    assert.ok(handler, `the server registers ${name}`);
    return handler(params);
  };
  return { connection: connection as unknown as Connection, call, published };
}

/** The server started on `host` in the workspace /w, initialized as VS Code does (settings pushed, no pull). */
function start(host: MemoryHost) {
  const client = fakeConnection();
  const state = serve(client.connection, host);
  client.call('onInitialize', { processId: null, rootUri: null, workspaceFolders: [{ uri: `file://${ROOT}`, name: 'w' }], capabilities: {} });
  client.call('onInitialized', {});
  const open = (path: string, text: string) => client.call('onDidOpenTextDocument', { textDocument: { uri: `file://${path}`, languageId: 'fragment', version: 1, text } });
  const last = (path: string) => client.published.filter((p) => p.uri === `file://${path}`).at(-1);
  return { ...client, state, open, last };
}

describe('the server state on an in-memory host', () => {
  it('checks open documents again when a schema file appears, with schemaChanged and no settings event', async () => {
    const host = memoryHost({ [`${ROOT}/a.fragment`]: CONTINENTAL });
    const server = start(host);
    const events: string[] = [];
    server.state.settingsChanged.on(() => events.push('settingsChanged'));
    server.state.schemaChanged.on(() => events.push('schemaChanged'));
    server.open(`${ROOT}/a.fragment`, CONTINENTAL);
    await host.settle();
    assert.deepEqual(codes(server.last(`${ROOT}/a.fragment`)!.diagnostics), ['invalid-value'], 'Continental is not a built-in Scale');

    host.disk.set(`${ROOT}/fragment.schema.json`, SCHEMA);
    server.call('onDidChangeWatchedFiles', { changes: [{ uri: `file://${ROOT}/fragment.schema.json`, type: 1 }] });
    await host.settle();
    assert.deepEqual(codes(server.last(`${ROOT}/a.fragment`)!.diagnostics), [], 'the team schema accepts Continental');
    assert.deepEqual(events, ['schemaChanged']);
  });

  it('finds, reads and compares the workspace files through the host only', async () => {
    const record = withField('FragmentID', '**FragmentID**: SCC-3/SAME');
    const host = memoryHost({ [`${ROOT}/a.fragment`]: record, [`${ROOT}/team/b.txt`]: record, [`${ROOT}/notes.txt`]: 'Not a fragment' });
    const server = start(host);
    await host.settle();
    assert.deepEqual(server.state.workspace.uris(), [`file://${ROOT}/a.fragment`, `file://${ROOT}/team/b.txt`], 'b.txt by its first line');
    server.open(`${ROOT}/a.fragment`, record);
    await host.settle();
    const [duplicate] = server.last(`${ROOT}/a.fragment`)!.diagnostics.filter((d) => d.code === 'duplicate-id');
    assert.match(String(duplicate?.message), /team\/b\.txt/);
  });

  it('publishes one check per burst of edits, after the pause, for the last version', async () => {
    const host = memoryHost();
    const server = start(host);
    const path = `${ROOT}/new.fragment`;
    const changed: number[] = [];
    server.state.documents.onDocumentChanged((document) => changed.push(document.version));
    server.open(path, CONTINENTAL);
    await host.settle();
    const edit = (version: number, text: string) =>
      server.call('onDidChangeTextDocument', { textDocument: { uri: `file://${path}`, version }, contentChanges: [{ text }] });
    edit(2, withField('Scale', '**Scale**: Local'));
    edit(3, withField('Scale', '**Scale**: Contintal'));
    edit(4, withField('Scale', '**Scale**: Regional'));
    host.advance(100);
    await host.settle();
    assert.deepEqual(changed, [1], 'nothing before the pause (150 ms by default)');
    host.advance(50);
    await host.settle();
    assert.deepEqual(changed, [1, 4]);
    assert.deepEqual(server.published.filter((p) => p.uri === `file://${path}`).map((p) => p.version), [1, 4]);
    assert.deepEqual(codes(server.last(path)!.diagnostics), []);
  });

  it('reads and writes the review file through the host only', async () => {
    const line = CONTINENTAL.split('\n').findIndex((l) => l.startsWith('**Scale**')) + 1;
    const entry = { file: 'a.fragment', line, code: 'invalid-value', value: 'Continental', acceptedBy: 'Amal', reason: 'Agreed.' };
    const host = memoryHost({ [`${ROOT}/a.fragment`]: CONTINENTAL, [`${ROOT}/fragment-review.json`]: JSON.stringify({ accepted: [entry] }) });
    const server = start(host);
    server.open(`${ROOT}/a.fragment`, CONTINENTAL);
    await host.settle();
    assert.deepEqual(codes(server.last(`${ROOT}/a.fragment`)!.diagnostics), [], 'the review file on the host accepts it');
    assert.equal(server.state.reviews.acceptedIn(`file://${ROOT}/a.fragment`), 1);

    host.disk.set(`${ROOT}/fragment-review.json`, JSON.stringify({ accepted: [] }));
    server.call('onDidChangeWatchedFiles', { changes: [{ uri: `file://${ROOT}/fragment-review.json`, type: 2 }] });
    await host.settle();
    const [finding] = server.last(`${ROOT}/a.fragment`)!.diagnostics;
    assert.equal(finding.code, 'invalid-value');

    const argument = { uri: `file://${ROOT}/a.fragment`, finding: { code: 'invalid-value', line, value: 'Continental', file: 'a.fragment' }, acceptedBy: 'Amal', reason: 'Agreed.' };
    await server.call('onExecuteCommand', { command: 'fragments.server.acceptFinding', arguments: [argument] });
    await host.settle();
    assert.deepEqual(JSON.parse(host.disk.get(`${ROOT}/fragment-review.json`)!).accepted, [entry]);
    assert.deepEqual(codes(server.last(`${ROOT}/a.fragment`)!.diagnostics), []);
  });
});
