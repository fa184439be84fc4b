/**
 * What the language server reads from disk (issues 12 and 13), over stdio: Check Workspace finds real exports by
 * content; the workspace walk reads regular files only, follows links only inside the workspace folders and takes
 * each file once; a `fragments.schema` that is a pipe or a device neither blocks nor exhausts the server. Every
 * wait has a time limit, so old code that hangs fails here instead of hanging the suite.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { seed, withField } from '../support/fixtures';
import { startServer, type TestClient } from '../support/lsp-client';

const POSIX = process.platform !== 'win32';
const withId = (id: string) => withField('FragmentID', `**FragmentID**: ${id}`, seed(1));
const TIME_LIMIT_MS = 60_000;

interface CheckResult {
  files: number;
  filesWithProblems: number;
  unreadable: number;
  cancelled: boolean;
}

function within<T>(promise: Promise<T>, what: string, ms = TIME_LIMIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Stops the server even when it no longer answers (old code blocked on a pipe). */
async function stop(client: TestClient | undefined): Promise<void> {
  if (!client) return;
  await within(client.shutdown(), 'shutdown', 5000).catch(() => client.process.kill('SIGKILL'));
}

/** Runs Check Workspace and collects what it published, by URI. */
async function checkWorkspace(client: TestClient): Promise<{ result: CheckResult; published: Map<string, Diagnostic[]> }> {
  const published = new Map<string, Diagnostic[]>();
  client.onDiagnostics((p) => published.set(p.uri, p.diagnostics));
  const result = await within(client.request<CheckResult>('fragments/checkWorkspace', {}), 'fragments/checkWorkspace');
  return { result, published };
}

describe('Check Workspace over stdio finds real exports by content', () => {
  let dir: string;
  let client: TestClient;
  const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fragment-exports-'));
    writeFileSync(join(dir, '000.txt'), seed(0));
    writeFileSync(join(dir, '001.txt'), withId('SCC-4/TWIN'));
    writeFileSync(join(dir, 'bom.md'), `\uFEFF\n${withId('SCC-4/TWIN')}`);
    writeFileSync(join(dir, 'notes.txt'), 'Meeting notes.\n**FragmentID**: SCC-4/TWIN\n');
    writeFileSync(join(dir, 'story.txt'), seed(2));
    client = await startServer({ rootUri: pathToFileURL(dir).href });
  });
  after(async () => {
    await stop(client);
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks the .txt and .md files whose first non-empty line is a FragmentID field, and compares their IDs', async () => {
    const { result, published } = await checkWorkspace(client);
    assert.deepEqual([...published.keys()].sort(), [uriOf('000.txt'), uriOf('001.txt'), uriOf('bom.md')].sort());
    assert.equal(result.files, 3);
    assert.ok(published.get(uriOf('001.txt'))!.some((d) => d.code === 'duplicate-id' && /bom\.md/.test(String(d.message))));
    assert.ok(published.get(uriOf('bom.md'))!.some((d) => d.code === 'duplicate-id'));
  });

  it('a .txt file that stops being a fragment on disk leaves the comparison', async () => {
    writeFileSync(join(dir, 'bom.md'), 'Not a record any more.\n');
    const cleared = new Promise<void>((resolve) =>
      client.onDiagnostics((p) => {
        if (p.uri === uriOf('001.txt') && !p.diagnostics.some((d) => d.code === 'duplicate-id')) resolve();
      }),
    );
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('bom.md'), type: 2 }] });
    await within(cleared, 'the duplicate-ID warning on 001.txt to clear');
  });
});

describe('Check Workspace over stdio with fragments.detectByContent off', () => {
  let dir: string;
  let client: TestClient;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fragment-by-name-'));
    writeFileSync(join(dir, 'export.txt'), withId('SCC-6/TXT'));
    writeFileSync(join(dir, 'named.fragment.txt'), withId('SCC-6/NAMED'));
    client = await startServer({ rootUri: pathToFileURL(dir).href, settings: { detectByContent: false } });
  });
  after(async () => {
    await stop(client);
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks fragment files by name only, as the editor then opens them', async () => {
    const { result, published } = await checkWorkspace(client);
    assert.deepEqual([...published.keys()], [pathToFileURL(join(dir, 'named.fragment.txt')).href]);
    assert.equal(result.files, 1);
  });
});

describe('the workspace walk over stdio: regular files only, links inside the workspace only, each file once', { skip: !POSIX && 'needs FIFOs and /dev/zero' }, () => {
  let dir: string;
  let client: TestClient;
  const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fragment-links-'));
    mkdirSync(join(dir, 'records'));
    writeFileSync(join(dir, 'records', 'a.fragment'), withId('SCC-5/A'));
    writeFileSync(join(dir, 'records', 'b.txt'), withId('SCC-5/B'));
    symlinkSync('/', join(dir, 'root'));
    symlinkSync('/dev/zero', join(dir, 'zero.fragment'));
    symlinkSync('records', join(dir, 'same-records'));
    execFileSync('mkfifo', [join(dir, 'pipe.fragment')]);
    client = await startServer({ rootUri: pathToFileURL(dir).href });
  });
  after(async () => {
    await stop(client);
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks each real file once, by its own path, without duplicate-ID warnings against itself', async () => {
    const { result, published } = await checkWorkspace(client);
    assert.deepEqual([...published.keys()].sort(), [uriOf('records/a.fragment'), uriOf('records/b.txt')].sort());
    for (const diagnostics of published.values()) assert.ok(!diagnostics.some((d) => d.code === 'duplicate-id'), JSON.stringify(diagnostics));
    assert.equal(result.files, 2);
    assert.equal(result.unreadable, 1, 'the pipe is counted as not checked');
    assert.ok(client.logs.some((l) => /pipe\.fragment is not a regular file \(it is a named pipe\)/.test(l)), client.logs.join('\n'));
    assert.ok(client.logs.some((l) => /root is a link to \/, outside the workspace folders, so it was not followed/.test(l)), client.logs.join('\n'));
    assert.ok(client.logs.some((l) => /zero\.fragment is a link to \/dev\/zero, outside the workspace folders/.test(l)), client.logs.join('\n'));
  });

  it('a file opened by a second path (through the linked folder) is still one file: no warning against itself', async () => {
    await checkWorkspace(client); // the index is complete
    const uri = uriOf('same-records/a.fragment');
    const published = client.nextDiagnostics(uri, undefined, TIME_LIMIT_MS);
    client.open(uri, withId('SCC-5/A'));
    const { diagnostics } = await within(published, 'diagnostics of same-records/a.fragment');
    assert.deepEqual(diagnostics.filter((d) => d.code === 'duplicate-id'), []);
    // Changing the ID and back: still no warning, and the file reached by its own path does not get one either.
    const again = client.nextDiagnostics(uri, 3, TIME_LIMIT_MS);
    client.change(uri, 2, [{ text: withId('SCC-5/A2') }]);
    client.change(uri, 3, [{ text: withId('SCC-5/A') }]);
    assert.deepEqual((await within(again, 'diagnostics after the edits')).diagnostics.filter((d) => d.code === 'duplicate-id'), []);
    client.close(uri);
  });
});

describe('a fragments.schema setting that names a pipe or a device, over stdio', { skip: !POSIX && 'needs FIFOs and /dev/zero' }, () => {
  let dir: string;
  const started: TestClient[] = [];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'fragment-schema-file-'));
    execFileSync('mkfifo', [join(dir, 'schema-pipe.json')]);
    writeFileSync(join(dir, 'a.fragment'), withField('Year', '**Year**: 20x4', seed(1)));
  });
  after(async () => {
    for (const client of started) await stop(client);
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, schema, kind] of [
    ['a named pipe', 'schema-pipe.json', 'a named pipe'],
    ['/dev/zero', '/dev/zero', 'a device'],
  ] as const) {
    it(`${name}: the file is still checked (with the built-in schema) and the schema file gets a clear problem`, async () => {
      const client = await startServer({ rootUri: pathToFileURL(dir).href, settings: { schema } });
      started.push(client);
      const schemaUri = pathToFileURL(schema.startsWith('/') ? schema : join(dir, schema)).href;
      const schemaProblems = new Promise<Diagnostic[]>((resolve) => client.onDiagnostics((p) => p.uri === schemaUri && p.diagnostics.length > 0 && resolve(p.diagnostics)));
      const uri = pathToFileURL(join(dir, 'a.fragment')).href;
      const published = client.nextDiagnostics(uri, undefined, TIME_LIMIT_MS);
      client.open(uri, withField('Year', '**Year**: 20x4', seed(1)));
      const { diagnostics } = await within(published, 'diagnostics of a.fragment');
      assert.ok(diagnostics.some((d) => d.code === 'invalid-value'), JSON.stringify(diagnostics));
      const [problem] = await within(schemaProblems, 'the schema file problem');
      assert.match(String(problem.message), new RegExp(`is not a regular file \\(it is ${kind}\\), so it was not read; the built-in schema is used instead`));
    });
  }
});
