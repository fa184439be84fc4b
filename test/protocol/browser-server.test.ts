/**
 * The browser build's language server, as it ships: server/src/browser/start.ts bundled with the browser build's own
 * esbuild options (scripts/esbuild-options.mjs: platform browser, its module substitutes), run here in Node over a
 * MessageChannel, the transport the extension uses when it gets no Worker. The client side of this test answers the
 * server's file requests (fragments/fs/*) from a virtual workspace of `vscode-vfs://` URIs, as
 * client/src/browser/workspace-files.ts answers them from vscode.workspace.fs in github.dev. So: a team schema found
 * and read through the client applies to the fragments below it; a duplicate FragmentID is found in a file never
 * opened, listed and read through the client; a schema is inferred from a folder read through it; accepting a finding
 * writes the review file through the client (fragments/fs/writeFile); a file over the limit is refused before it is
 * read.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import * as esbuild from 'esbuild';
import { AbstractMessageReader, AbstractMessageWriter, createMessageConnection, type DataCallback, type Message, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { ClientFileStat, ReadDirectoryResult, ReadFileParams, ReadFileResult, StatParams, WriteFileParams } from '../../server/src/host/client-files-protocol';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { VALID_RECORD } from '../support/fixtures';

const ROOT = resolve(__dirname, '../..');
const REPO = 'vscode-vfs://github/team/records';
const TEAM_VALUE = 'Municipal authorities';
const withActor = (id: string) => VALID_RECORD.replace(/\*\*FragmentID\*\*: .*/, `**FragmentID**: ${id}`).replace(/\*\*Social actor\*\*: .*/, `**Social actor**: ${TEAM_VALUE}`);

/** The virtual workspace: URI -> text; folders are implied by the paths. */
const FILES = new Map<string, string>([
  [`${REPO}/team/fragment.schema.json`, JSON.stringify({ extends: 'default', fields: [{ key: 'Social actor', addValues: [TEAM_VALUE] }] })],
  [`${REPO}/team/ours.fragment`, withActor('SCC-SYR/PHR001')],
  [`${REPO}/team/closed.fragment`, withActor('SCC-SYR/PHR002')],
  [`${REPO}/elsewhere.fragment`, withActor('SCC-SYR/PHR003')],
  [`${REPO}/huge.fragment`, 'x'.repeat(6_000_000)],
]);
const requested: string[] = [];
const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);

class PortReader extends AbstractMessageReader {
  constructor(private readonly port: MessagePort) {
    super();
  }
  listen(callback: DataCallback) {
    this.port.on('message', (data: Message) => callback(data));
    return { dispose: () => this.port.removeAllListeners('message') };
  }
}
class PortWriter extends AbstractMessageWriter {
  constructor(private readonly port: MessagePort) {
    super();
  }
  async write(message: Message) {
    this.port.postMessage(message);
  }
  end() {}
}

function statOf(uri: string): ClientFileStat | null {
  const text = FILES.get(uri);
  if (text !== undefined) return { type: 1, size: Buffer.byteLength(text) };
  return [...FILES.keys()].some((file) => file.startsWith(`${uri}/`)) ? { type: 2, size: 0 } : null;
}

let work: string;
let connection: MessageConnection;
const published = new Map<string, Diagnostic[]>();
const waiters: (() => void)[] = [];

async function diagnosticsFor(uri: string, accept: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const current = published.get(uri);
    if (current && accept(current)) return current;
    if (Date.now() > deadline) assert.fail(`no fitting diagnostics for ${uri}; last: ${JSON.stringify(current?.map(messageOf))}`);
    await new Promise<void>((r) => {
      waiters.push(r);
      setTimeout(r, 500);
    });
  }
}

describe('the browser build language server (over a MessageChannel, files read through the client)', () => {
  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'fragment-browser-server-'));
    const { BROWSER_BUNDLE_OPTIONS } = await import('../../scripts/esbuild-options.mjs');
    const bundle = join(work, 'start.js');
    await esbuild.build({ ...BROWSER_BUNDLE_OPTIONS, absWorkingDir: ROOT, entryPoints: ['server/src/browser/start.ts'], outfile: bundle, format: 'cjs', sourcemap: false });
    writeFileSync(join(work, 'package.json'), '{"type":"commonjs"}');
    const { startBrowserServer } = require(bundle) as typeof import('../../server/src/browser/start');

    const channel = new MessageChannel();
    startBrowserServer(channel.port1 as never);
    connection = createMessageConnection(new PortReader(channel.port2), new PortWriter(channel.port2));
    connection.onRequest('fragments/fs/stat', ({ uri }: StatParams) => (requested.push(`stat ${uri}`), statOf(uri)));
    connection.onRequest('fragments/fs/readDirectory', ({ uri }: StatParams): ReadDirectoryResult => {
      requested.push(`list ${uri}`);
      const names = new Map<string, number>();
      for (const file of FILES.keys()) {
        if (!file.startsWith(`${uri}/`)) continue;
        const [name, ...rest] = file.slice(uri.length + 1).split('/');
        names.set(name, rest.length > 0 ? 2 : 1);
      }
      return [...names];
    });
    connection.onRequest('fragments/fs/readFile', ({ uri, limit }: ReadFileParams): Promise<ReadFileResult> => {
      requested.push(`read ${uri}`);
      const text = FILES.get(uri);
      const result: ReadFileResult =
        text === undefined ? { ok: false, reason: 'does not exist', missing: true }
        : Buffer.byteLength(text) > limit ? { ok: false, reason: 'is larger than the limit' }
        : { ok: true, base64: Buffer.from(text).toString('base64') };
      return Promise.resolve(result);
    });
    connection.onRequest('fragments/fs/writeFile', ({ uri, text }: WriteFileParams) => {
      requested.push(`write ${uri}`);
      FILES.set(uri, text);
      return null;
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      published.set(params.uri, params.diagnostics);
      for (const wake of waiters.splice(0)) wake();
    });
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: null,
      rootUri: REPO,
      workspaceFolders: [{ uri: REPO, name: 'records' }],
      capabilities: { workspace: { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
      initializationOptions: { settings: { validationDelay: 0 } },
    });
    await connection.sendNotification('initialized', {});
  });

  after(async () => {
    await connection?.sendRequest('shutdown').catch(() => undefined);
    // On `exit` the server lets go of its end of the channel (a server in the extension's worker ends so).
    await connection?.sendNotification('exit').catch(() => undefined);
    connection?.dispose();
    rmSync(work, { recursive: true, force: true });
  });

  const open = (uri: string, text = FILES.get(uri)) =>
    void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'fragment', version: 1, text } });
  const unknownActor = (d: Diagnostic) => d.code === 'unknown-value' && messageOf(d).includes(TEAM_VALUE);

  it('applies the team schema found and read through the client to the fragments below it, and not elsewhere', async () => {
    open(`${REPO}/team/ours.fragment`);
    open(`${REPO}/elsewhere.fragment`);
    // Elsewhere the built-in schema applies: the team's value is not in its list.
    await diagnosticsFor(`${REPO}/elsewhere.fragment`, (ds) => ds.some(unknownActor));
    // Below the team schema the value is known (once the schema file has been fetched through the client).
    const ours = await diagnosticsFor(`${REPO}/team/ours.fragment`, (ds) => !ds.some(unknownActor));
    assert.ok(!ours.some(unknownActor));
    assert.ok(requested.includes(`read ${REPO}/team/fragment.schema.json`), requested.join('\n'));
  });

  it('finds a duplicate FragmentID in a file that was never opened, listing and reading the folders through the client', async () => {
    // A new, unsaved document in the repository (not in the virtual workspace's files) with the ID of closed.fragment.
    const uri = `${REPO}/new.fragment`;
    open(uri, withActor('SCC-SYR/PHR002'));
    const diagnostics = await diagnosticsFor(uri, (ds) => ds.some((d) => d.code === 'duplicate-id'));
    assert.match(messageOf(diagnostics.find((d) => d.code === 'duplicate-id')!), /closed\.fragment/);
    assert.ok(requested.includes(`list ${REPO}/team`), requested.join('\n'));
  });

  it('infers a schema from a folder read through the client (Infer Schema from Folder…)', async () => {
    const inferred = await connection.sendRequest<{ text: string; files: number }>('fragments/inferSchema', { folderUri: `${REPO}/team` });
    assert.equal(inferred.files, 2);
    assert.ok(inferred.text.includes(TEAM_VALUE), inferred.text);
  });

  it('accepts a finding: the review file is written through the client, and the finding is no longer shown', async () => {
    const uri = `${REPO}/elsewhere.fragment`;
    const finding = (await diagnosticsFor(uri, (ds) => ds.some(unknownActor))).find(unknownActor)!;
    const actions = await connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } });
    const accept = actions.find((a) => a.command?.command === 'fragments.server.acceptFinding');
    assert.ok(accept?.command?.arguments, JSON.stringify(actions.map((a) => a.title)));
    const argument = { ...(accept.command.arguments[0] as object), reason: 'The team uses this actor', acceptedBy: 'reviewer' };
    const answer = await connection.sendRequest<{ reviewFile: string } | null>('workspace/executeCommand', { command: 'fragments.server.acceptFinding', arguments: [argument] });
    assert.equal(answer?.reviewFile, `${REPO}/fragment-review.json`);
    const written = JSON.parse(FILES.get(`${REPO}/fragment-review.json`) ?? '{}') as { accepted?: { code: string; value: string; reason: string }[] };
    assert.deepEqual(written.accepted?.map(({ code, value, reason }) => ({ code, value, reason })), [{ code: 'unknown-value', value: TEAM_VALUE, reason: 'The team uses this actor' }]);
    await diagnosticsFor(uri, (ds) => !ds.some(unknownActor));
  });

  it('names a file in a message as the editor does (vscode-vfs://…), never by the server\'s own path spelling', async () => {
    void connection.sendNotification('workspace/didChangeConfiguration', { settings: { fragments: { schema: 'missing.schema.json', validationDelay: 0 } } });
    // Reported on the schema file's URI (and in the status item, from fragments/schemaInfo's first error); until the
    // client has answered, the file "is not read yet".
    const [problem] = await diagnosticsFor(`${REPO}/missing.schema.json`, (ds) => ds.some((d) => messageOf(d).includes('does not exist')));
    assert.equal(messageOf(problem), `The schema file ${REPO}/missing.schema.json does not exist; the built-in schema is used instead.`);
    const info = await connection.sendRequest<{ firstError?: string }>('fragments/schemaInfo', { uri: `${REPO}/elsewhere.fragment` });
    assert.equal(info.firstError, messageOf(problem));
    // The new settings index the workspace again, through the client: let that end before the connection does.
    await connection.sendRequest('fragments/records', {});
  });

  it('refuses a file over the size limit before reading it', () => {
    assert.ok(requested.includes(`stat ${REPO}/huge.fragment`), requested.join('\n'));
    assert.ok(!requested.includes(`read ${REPO}/huge.fragment`), 'the 6 MB file was read');
  });
});
