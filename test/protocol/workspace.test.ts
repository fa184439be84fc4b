/** Checks across files over stdio: duplicate FragmentIDs in a temporary workspace, kept current as files change. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { seed, withField } from '../support/fixtures';
import { diagnosticsWhere, startServer, type TestClient } from '../support/lsp-client';

const withId = (id: string, text = seed(1)) => withField('FragmentID', `**FragmentID**: ${id}`, text);
const duplicates = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'duplicate-id');
/** Diagnostic messages are plain strings here (the type also allows Markup). */
const messageOf = (d: Diagnostic) => String(d.message);

describe('workspace checks over stdio', () => {
  let dir: string;
  let client: TestClient;
  const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fragment-ws-'));
    writeFileSync(join(dir, 'a.fragment'), withId('SCC-9/TWIN'));
    writeFileSync(join(dir, 'b.fragment.md'), withId('SCC-9/TWIN'));
    writeFileSync(join(dir, 'redacted-1.fragment'), seed(0));
    writeFileSync(join(dir, 'redacted-2.fragment'), seed(0)); // same redacted ID: never compared
    client = await startServer({ rootUri: pathToFileURL(dir).href });
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('warns on an ID that an unopened file also uses, naming that file, with related information', async () => {
    const found = diagnosticsWhere(client, uriOf('a.fragment'), (d) => duplicates(d).length > 0);
    client.open(uriOf('a.fragment'), withId('SCC-9/TWIN'));
    const [warning] = duplicates(await found);
    assert.equal(warning.severity, 2);
    assert.match(messageOf(warning), /"SCC-9\/TWIN" is also used by the record at line 1 of b\.fragment\.md/);
    assert.equal(warning.relatedInformation?.[0].location.uri, uriOf('b.fragment.md'));
    assert.deepEqual(warning.range.start, { line: 0, character: 16 });
  });

  it('redacted IDs are not compared', async () => {
    const published = client.nextDiagnostics(uriOf('redacted-1.fragment'));
    client.open(uriOf('redacted-1.fragment'), seed(0));
    // No duplicate-id warning; the seed's own quality prompts are information.
    assert.deepEqual((await published).diagnostics.filter((d) => (d.severity ?? 1) <= 2), []);
    client.close(uriOf('redacted-1.fragment'));
  });

  it('follows edits: changing the ID clears the warning in both open files, changing it back restores it', async () => {
    const bOpen = diagnosticsWhere(client, uriOf('b.fragment.md'), (d) => duplicates(d).length === 1);
    client.open(uriOf('b.fragment.md'), withId('SCC-9/TWIN'));
    await bOpen;

    const aClear = diagnosticsWhere(client, uriOf('a.fragment'), (d) => duplicates(d).length === 0);
    const bClear = diagnosticsWhere(client, uriOf('b.fragment.md'), (d) => duplicates(d).length === 0);
    client.change(uriOf('a.fragment'), 2, [{ range: { start: { line: 0, character: 16 }, end: { line: 0, character: 26 } }, text: 'SCC-9/SOLO' }]);
    await Promise.all([aClear, bClear]);

    const aBack = diagnosticsWhere(client, uriOf('a.fragment'), (d) => duplicates(d).length === 1);
    const bBack = diagnosticsWhere(client, uriOf('b.fragment.md'), (d) => duplicates(d).length === 1);
    client.change(uriOf('a.fragment'), 3, [{ range: { start: { line: 0, character: 16 }, end: { line: 0, character: 26 } }, text: 'SCC-9/TWIN' }]);
    await Promise.all([aBack, bBack]);
  });

  it('two records of one open file with the same ID warn on each other', async () => {
    const uri = uriOf('pair.fragment');
    const text = `${withId('SCC-9/PAIR')}\n\n${withId('SCC-9/PAIR')}`;
    const found = diagnosticsWhere(client, uri, (d) => duplicates(d).length === 2);
    client.open(uri, text);
    const [first, second] = duplicates(await found);
    assert.match(messageOf(first), new RegExp(`the record at line ${second.range.start.line + 1}\\.`));
    assert.match(messageOf(second), /the record at line 1\./);
  });

  it('a file created on disk (didChangeWatchedFiles) joins the comparison', async () => {
    writeFileSync(join(dir, 'c.fragment'), withId('SCC-9/TWIN'));
    const found = diagnosticsWhere(client, uriOf('a.fragment'), (d) => duplicates(d).some((w) => /c\.fragment/.test(messageOf(w))));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('c.fragment'), type: 1 }] });
    const [warning] = duplicates(await found);
    assert.match(messageOf(warning), /also used by the record at line 1 of b\.fragment\.md and the record at line 1 of c\.fragment/);

    rmSync(join(dir, 'c.fragment'));
    const gone = diagnosticsWhere(client, uriOf('a.fragment'), (d) => duplicates(d).length === 1 && !duplicates(d).some((w) => /c\.fragment/.test(messageOf(w))));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('c.fragment'), type: 3 }] });
    await gone;
  });
});

describe('fragments/checkWorkspace over stdio', () => {
  let dir: string;
  let client: TestClient;
  const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fragment-check-'));
    writeFileSync(join(dir, 'x.fragment'), withField('Year', '**Year**: 20x4', withId('SCC-3/SAME')));
    writeFileSync(join(dir, 'y.fragment.txt'), withId('SCC-3/SAME'));
    writeFileSync(join(dir, 'clean.fragment'), seed(1));
    writeFileSync(join(dir, 'binary.fragment'), Buffer.from([0x2a, 0x00, 0xff]));
    writeFileSync(join(dir, 'notes.txt'), 'not a fragment file name');
    client = await startServer({ rootUri: pathToFileURL(dir).href });
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes diagnostics for every fragment file, opened or not, with $/progress on the token', async () => {
    const published = new Map<string, Diagnostic[]>();
    client.onDiagnostics((p) => published.set(p.uri, p.diagnostics));
    const progress: { kind: string; percentage?: number }[] = [];
    client.connection.onNotification('$/progress', (p: { token: string; value: { kind: string; percentage?: number } }) => {
      if (p.token === 'check-1') progress.push(p.value);
    });
    const result = await client.request<{ files: number; filesWithProblems: number; errors: number; warnings: number; unreadable: number; cancelled: boolean }>('fragments/checkWorkspace', { workDoneToken: 'check-1' });

    assert.deepEqual([...published.keys()].sort(), [uriOf('clean.fragment'), uriOf('x.fragment'), uriOf('y.fragment.txt')].sort());
    assert.deepEqual(published.get(uriOf('clean.fragment')), []);
    const x = published.get(uriOf('x.fragment'))!;
    assert.ok(x.some((d) => d.code === 'invalid-value'));
    assert.ok(x.some((d) => d.code === 'duplicate-id' && /y\.fragment\.txt/.test(messageOf(d))));
    assert.ok(published.get(uriOf('y.fragment.txt'))!.some((d) => d.code === 'duplicate-id'));
    assert.equal(result.files, 3);
    assert.equal(result.unreadable, 1);
    assert.equal(result.filesWithProblems, 2);
    assert.equal(result.errors, x.filter((d) => d.severity === 1).length);
    assert.equal(result.cancelled, false);
    assert.equal(progress[0]?.kind, 'begin');
    assert.equal(progress[progress.length - 1]?.kind, 'end');
  });

  it('keeps an unopened checked file current when the file it shares an ID with changes on disk', async () => {
    const cleared = diagnosticsWhere(client, uriOf('y.fragment.txt'), (d) => duplicates(d).length === 0);
    writeFileSync(join(dir, 'x.fragment'), withId('SCC-3/OTHER'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('x.fragment'), type: 2 }] });
    await cleared;
  });
});

describe('workspace values for completion', () => {
  let dir: string;
  let client: TestClient;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fragment-values-'));
    writeFileSync(join(dir, 'elsewhere.fragment'), withField('Social actor', '**Social actor**: Village water committees', seed(1)));
    client = await startServer({ rootUri: pathToFileURL(dir).href });
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an open list offers a value used in an unopened file of the workspace', async () => {
    const uri = pathToFileURL(join(dir, 'new.fragment')).href;
    const text = withField('Social actor', '**Social actor**: ', seed(1));
    const line = text.split('\n').findIndex((l) => l.startsWith('**Social actor**'));
    const published = client.nextDiagnostics(uri);
    client.open(uri, text);
    await published;
    // The index is filled in the background; Check Workspace resolves once it is complete.
    await client.request('fragments/checkWorkspace', {});
    const result = await client.request<{ items: { label: string; detail?: string }[] } | { label: string; detail?: string }[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: '**Social actor**: '.length },
    });
    const items = Array.isArray(result) ? result : result.items;
    const offered = items.find((i) => i.label === 'Village water committees');
    assert.ok(offered, items.map((i) => i.label).join(', '));
    assert.match(offered.detail ?? '', /used in 1 other file/);
  });
});
