/**
 * The edges of the protocol, over stdio against the built server: what a client may send out of order or malformed.
 * - The lifecycle the LSP specification sets: requests before `initialize` are refused with ServerNotInitialized
 *   (-32002), a second `initialize` and requests after `shutdown` with InvalidRequest (-32600); `exit` ends the process
 *   with 0 after `shutdown` and 1 without.
 * - A document URI whose percent-encoding is broken is checked like any other.
 * - A `didChange` whose list of changes is missing or broken is ignored, with one clear line in the log.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { VALID_RECORD, withField } from '../support/fixtures';
import { codes, SERVER_BUNDLE, startServer, type TestClient } from '../support/lsp-client';
import { SERVER_NODE_FLAGS } from '../../server/src/node-flags';

const SERVER_NOT_INITIALIZED = -32002;
const INVALID_REQUEST = -32600;

interface RawServer {
  connection: MessageConnection;
  process: ChildProcessWithoutNullStreams;
  logs: string[];
  /** Settles with the process's exit code when it ends. */
  exited: Promise<number | null>;
}

/** The built server with nothing sent yet: no initialize, unlike startServer. */
function spawnServer(): RawServer {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_BUNDLE, '--stdio'], { stdio: 'pipe', env: { ...process.env, FRAGMENT_SERVER_CACHE: '' } });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const logs: string[] = [];
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  connection.onRequest('client/registerCapability', () => null);
  child.stderr.on('data', (chunk: Buffer) => logs.push(`[stderr] ${chunk.toString()}`));
  connection.listen();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { connection, process: child, logs, exited };
}

const INITIALIZE_PARAMS = { processId: null, rootUri: null, capabilities: {}, initializationOptions: { settings: { validationDelay: 0 } } };

/** The error a request was answered with; fails if it was answered with a result. */
async function refusal(connection: MessageConnection, method: string, params?: unknown): Promise<ResponseError<unknown>> {
  try {
    const result = params === undefined ? await connection.sendRequest(method) : await connection.sendRequest(method, params);
    assert.fail(`${method} was answered with ${JSON.stringify(result)} instead of an error`);
  } catch (error) {
    if (!(error instanceof ResponseError)) throw error;
    return error;
  }
}

async function end(server: RawServer): Promise<void> {
  server.connection.dispose();
  if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill();
  await server.exited;
}

describe('the LSP lifecycle', () => {
  it('refuses requests before initialize with ServerNotInitialized, and drops notifications', async () => {
    const server = spawnServer();
    try {
      const uri = 'file:///early.fragment';
      const hover = await refusal(server.connection, 'textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
      assert.equal(hover.code, SERVER_NOT_INITIALIZED, hover.message);
      const shutdown = await refusal(server.connection, 'shutdown');
      assert.equal(shutdown.code, SERVER_NOT_INITIALIZED, shutdown.message);
      // A document opened before initialize is not known afterwards: the notification was dropped.
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'fragment', version: 1, text: VALID_RECORD } });

      await server.connection.sendRequest('initialize', INITIALIZE_PARAMS);
      await server.connection.sendNotification('initialized', {});
      const symbols = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(symbols === null || (Array.isArray(symbols) && symbols.length === 0), `the early document is unknown: ${JSON.stringify(symbols)}`);
    } finally {
      await end(server);
    }
  });

  it('refuses a second initialize, and keeps working', async () => {
    const server = spawnServer();
    try {
      await server.connection.sendRequest('initialize', INITIALIZE_PARAMS);
      await server.connection.sendNotification('initialized', {});
      const again = await refusal(server.connection, 'initialize', INITIALIZE_PARAMS);
      assert.equal(again.code, INVALID_REQUEST, again.message);
      const uri = 'file:///after-second-initialize.fragment';
      const published = new Promise<{ diagnostics: { code: string }[] }>((resolve) => server.connection.onNotification('textDocument/publishDiagnostics', resolve));
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'fragment', version: 1, text: withField('Scale', '**Scale**: globl') } });
      assert.deepEqual((await published).diagnostics.map((d) => d.code), ['invalid-value']);
    } finally {
      await end(server);
    }
  });

  it('refuses requests after shutdown with InvalidRequest; exit then ends the process with 0', async () => {
    const server = spawnServer();
    await server.connection.sendRequest('initialize', INITIALIZE_PARAMS);
    await server.connection.sendNotification('initialized', {});
    await server.connection.sendRequest('shutdown');
    const hover = await refusal(server.connection, 'textDocument/hover', { textDocument: { uri: 'file:///late.fragment' }, position: { line: 0, character: 0 } });
    assert.equal(hover.code, INVALID_REQUEST, hover.message);
    const shutdownAgain = await refusal(server.connection, 'shutdown');
    assert.equal(shutdownAgain.code, INVALID_REQUEST, shutdownAgain.message);
    await server.connection.sendNotification('exit');
    assert.equal(await server.exited, 0);
  });

  it('exit without shutdown ends the process with 1, before initialize too', async () => {
    for (const initialize of [true, false]) {
      const server = spawnServer();
      if (initialize) await server.connection.sendRequest('initialize', INITIALIZE_PARAMS);
      await server.connection.sendNotification('exit');
      assert.equal(await server.exited, 1, initialize ? 'after initialize' : 'before initialize');
    }
  });
});

describe('malformed documents and changes', () => {
  let client: TestClient;

  before(async () => {
    client = await startServer();
  });
  after(async () => {
    await client.shutdown();
  });

  it('a URI with broken percent-encoding gets its diagnostics, and names the file in messages', async () => {
    const broken = 'file:///tmp/a%E0%A4%A.fragment';
    const other = 'file:///tmp/b.fragment';
    const record = withField('FragmentID', '**FragmentID**: SCC-TEST/PHR012', withField('Scale', '**Scale**: globl'));
    const first = client.nextDiagnostics(broken, 1);
    client.open(broken, record);
    assert.deepEqual(codes((await first).diagnostics), ['invalid-value']);

    // The same FragmentID in another open file: the warning there names the broken URI's file as it is written.
    const second = client.nextDiagnostics(other, 1);
    client.open(other, record);
    const duplicate = (await second).diagnostics.find((d) => d.code === 'duplicate-id');
    assert.match(String(duplicate?.message), /a%E0%A4%A\.fragment/);
    assert.equal(client.process.exitCode, null);
  });

  it('a didChange without a list of changes is ignored with a clear log line, and later changes apply', async () => {
    const uri = 'file:///changes.fragment';
    const opened = client.nextDiagnostics(uri, 1);
    client.open(uri, withField('Scale', '**Scale**: globl'));
    await opened;
    const logged = client.logs.length;
    const brokenChanges: unknown[] = [null, 'all new text', { text: VALID_RECORD }, [null], [{ text: 7 }], [{ range: { start: { line: 0, character: 0 }, end: 'nowhere' }, text: '' }]];
    let version = 1;
    for (const contentChanges of brokenChanges) {
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges });
    }
    const fixed = client.nextDiagnostics(uri, version + 1);
    client.change(uri, version + 1, [{ text: VALID_RECORD }]);
    assert.deepEqual((await fixed).diagnostics, [], 'the next well-formed change applies');

    const lines = client.logs.slice(logged);
    assert.deepEqual(lines.filter((line) => /failed/i.test(line)), [], 'nothing failed');
    const ignored = lines.filter((line) => line.startsWith('Ignored a change'));
    assert.equal(ignored.length, brokenChanges.length, `one line for each broken change:\n${lines.join('\n')}`);
    assert.ok(ignored[0].includes(uri), ignored[0]);
  });
});
