/** Team schemas over stdio, with temporary workspaces: discovery, extends, broken schemas, live reload, requests. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { codes, startServer, type TestClient } from '../support/lsp-client';
import { VALID_RECORD, withField } from '../support/fixtures';

const CONTINENTAL = withField('Scale', '**Scale**: Continental');
const uriOf = (path: string) => pathToFileURL(path).toString();
const addScale = (value: string) => JSON.stringify({ extends: 'default', fields: [{ key: 'Scale', addValues: [value] }] });

/** A schema of `fields` closed-list fields with 100 values each (about 1.1 kB per field). */
const listSchema = (fields: number) =>
  JSON.stringify({ fields: Array.from({ length: fields }, (_, i) => ({ key: `Key ${i}`, kind: 'closed', values: Array.from({ length: 100 }, (_, j) => `value ${j}`) })) });

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'fragment-ws-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

/** Opens a fragment and waits for its diagnostics; also returns how long the answer took. */
async function check(client: TestClient, path: string, text: string) {
  const uri = uriOf(path);
  const published = client.nextDiagnostics(uri);
  const started = performance.now();
  client.open(uri, text);
  const { diagnostics } = await published;
  return { uri, diagnostics, ms: performance.now() - started };
}

describe('team schemas over stdio', () => {
  const roots: string[] = [];
  const clients: TestClient[] = [];
  const start = async (files: Record<string, string>, settings: Record<string, unknown> = {}) => {
    const root = workspace(files);
    roots.push(root);
    const client = await startServer({ rootUri: uriOf(root), settings });
    clients.push(client);
    return { root, client };
  };
  after(async () => {
    for (const client of clients) await client.shutdown();
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  it('a schema that adds a value makes that value valid', async () => {
    const { root, client } = await start({ 'fragment.schema.json': addScale('Continental') });
    assert.deepEqual((await check(client, join(root, 'a.fragment'), CONTINENTAL)).diagnostics, []);
    const { client: plain, root: other } = await start({});
    assert.deepEqual(codes((await check(plain, join(other, 'a.fragment'), CONTINENTAL)).diagnostics), ['invalid-value']);
  });

  it('the nearest of two schemas applies', async () => {
    const { root, client } = await start({ 'fragment.schema.json': addScale('Continental'), 'team-b/fragment.schema.json': addScale('Planetary') });
    const global = withField('Scale', '**Scale**: Planetary');
    assert.deepEqual(codes((await check(client, join(root, 'top.fragment'), global)).diagnostics), ['invalid-value']);
    assert.deepEqual((await check(client, join(root, 'top2.fragment'), CONTINENTAL)).diagnostics, []);
    assert.deepEqual((await check(client, join(root, 'team-b', 'deep', 'b.fragment'), global)).diagnostics, []);
    assert.deepEqual(codes((await check(client, join(root, 'team-b', 'b2.fragment'), CONTINENTAL)).diagnostics), ['invalid-value']);
  });

  it('extends keeps the built-in fields; without it only the listed fields are known', async () => {
    const own = { fields: [{ key: 'FragmentID', presence: 'required' }, { key: 'Scale', kind: 'closed', values: ['Local'] }] };
    const { root, client } = await start({ 'own/fragment.schema.json': JSON.stringify(own), 'ext/fragment.schema.json': JSON.stringify({ ...own, extends: 'default' }) });
    const mine = (await check(client, join(root, 'own', 'a.fragment'), VALID_RECORD)).diagnostics;
    assert.ok(codes(mine).includes('unknown-field'));
    assert.ok(mine.some((d) => d.code === 'invalid-value' && /Allowed values: Local/.test(String(d.message))));
    const extended = (await check(client, join(root, 'ext', 'a.fragment'), VALID_RECORD)).diagnostics;
    assert.deepEqual(codes(extended), ['invalid-value'], 'Regional is no longer in the overridden list');
  });

  it('the fragments.schema setting names a schema explicitly', async () => {
    const { root, client } = await start({ 'schemas/ours.json': addScale('Continental') }, { schema: 'schemas/ours.json' });
    assert.deepEqual((await check(client, join(root, 'a.fragment'), CONTINENTAL)).diagnostics, []);
  });

  describe('a broken schema', () => {
    const cases: Record<string, { text: string; message: RegExp }> = {
      'invalid JSON': { text: '{ "extends": "default", "fields": [ { "key": "Scale" "addValues": ["Continental"] } ] }', message: /not valid JSON: A comma is expected/ },
      'wrong shape': { text: '{ "extends": "default", "fields": [ { "key": "Scale", "kind": "closd", "addValues": ["Continental"] } ] }', message: /must be one of: .*Did you mean "closed"/ },
      'a pattern RE2 refuses': { text: JSON.stringify({ extends: 'default', fields: [{ key: 'Scale', addValues: ['Continental'], pattern: '(?=(a+)+)\\1' }] }), message: /pattern cannot be used/ },
    };
    for (const [name, { text, message }] of Object.entries(cases)) {
      it(`${name}: a clear message in the schema file, and the default stays in force`, async () => {
        const { root, client } = await start({ 'fragment.schema.json': text, 'warm/fragment.schema.json': addScale('Planetary') });
        // Waited for from the start: the workspace index may load the broken schema, and publish its problems, before
        // any fragment is opened (a wait begun after the warm-up below missed that publish when the index was quick).
        const schemaDiagnostics = client.nextDiagnostics(uriOf(join(root, 'fragment.schema.json')));
        // A good schema first, so the figure below is the broken schema's cost, not the server's first-use start-up.
        await check(client, join(root, 'warm', 'x.fragment'), VALID_RECORD);
        const { diagnostics, ms } = await check(client, join(root, 'a.fragment'), CONTINENTAL);
        console.log(`broken schema (${name}): the fragment's diagnostics arrived ${ms.toFixed(1)} ms after opening it`);
        assert.deepEqual(codes(diagnostics), ['invalid-value']);
        const problems = (await schemaDiagnostics).diagnostics;
        assert.ok(problems.length >= 1);
        assert.match(String(problems[0].message), message);
        assert.equal(problems[0].severity, 1);
        const info = await client.request<{ fallback?: string; errors: number }>('fragments/schemaInfo', { uri: uriOf(join(root, 'a.fragment')) });
        assert.equal(info.fallback, 'default');
        assert.ok(info.errors >= 1);
      });
    }

    it('garbage, huge and deeply nested files do not stop the server', async () => {
      const { root, client } = await start({
        'garbage/fragment.schema.json': '\u0000\u0001\u00ff{{{',
        'deep/fragment.schema.json': '['.repeat(100_000),
        'huge/fragment.schema.json': listSchema(2000), // over the size limit: refused
        'large/fragment.schema.json': listSchema(1000), // 1 MB: loaded
      });
      for (const folder of ['garbage', 'deep', 'huge', 'large']) {
        const { diagnostics, ms } = await check(client, join(root, folder, 'a.fragment'), CONTINENTAL);
        console.log(`${folder} schema: fragment checked in ${ms.toFixed(1)} ms`);
        assert.ok(diagnostics.length >= 1, folder);
      }
    });

    it('a backtracking pattern like (a+)+$ runs in linear time against a 100k value', async () => {
      const schema = { extends: 'default', fields: [{ key: 'Code', kind: 'pattern', pattern: '(a+)+$', presence: 'optional' }] };
      const { root, client } = await start({ 'fragment.schema.json': JSON.stringify(schema) });
      await check(client, join(root, 'warm.fragment'), VALID_RECORD); // the schema is loaded before timing
      const { diagnostics, ms } = await check(client, join(root, 'a.fragment'), `${VALID_RECORD}\n**Code**: ${'a'.repeat(100_000)}!`);
      console.log(`(a+)+$ against a 100,001-character value: answered in ${ms.toFixed(1)} ms`);
      assert.deepEqual(codes(diagnostics), ['invalid-value']);
    });
  });

  describe('live reload', () => {
    let root: string;
    let client: TestClient;
    const schemaPath = () => join(root, 'fragment.schema.json');
    before(async () => {
      ({ root, client } = await start({ 'fragment.schema.json': addScale('Planetary') }));
    });

    it('a schema changed on disk applies to open fragments at once', async () => {
      const { uri, diagnostics } = await check(client, join(root, 'a.fragment'), CONTINENTAL);
      assert.deepEqual(codes(diagnostics), ['invalid-value']);
      writeFileSync(schemaPath(), addScale('Continental'));
      const again = client.nextDiagnostics(uri);
      void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(schemaPath()), type: 2 }] });
      assert.deepEqual((await again).diagnostics, []);
    });

    it('an edit in an open schema document applies before it is saved, and a broken edit keeps the last good schema', async () => {
      const fragment = uriOf(join(root, 'a.fragment'));
      const schemaUri = uriOf(schemaPath());
      let again = client.nextDiagnostics(fragment);
      client.open(schemaUri, addScale('Planetary'), 'json');
      assert.deepEqual(codes((await again).diagnostics), ['invalid-value']);
      // The fragment features stay out of the schema file: JSON has its own completion and hovers.
      const completion = await client.request<unknown[] | { items: unknown[] } | null>('textDocument/completion', { textDocument: { uri: schemaUri }, position: { line: 0, character: 0 } });
      assert.equal(Array.isArray(completion) ? completion.length : (completion?.items.length ?? 0), 0);
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri: schemaUri }, position: { line: 0, character: 3 } }), null);

      const schemaProblems = client.nextDiagnostics(schemaUri);
      const fragmentSent: Diagnostic[][] = [];
      client.onDiagnostics((p) => p.uri === fragment && fragmentSent.push(p.diagnostics));
      client.change(schemaUri, 2, [{ text: `${addScale('Continental').slice(0, -3)}` }]);
      assert.match(String((await schemaProblems).diagnostics[0].message), /not valid JSON/);
      const info = await client.request<{ fallback?: string }>('fragments/schemaInfo', { uri: fragment });
      assert.equal(info.fallback, 'last-good');
      // The last good version (Planetary) still applies: the fragment's problems stay as they were, so none are sent.
      assert.deepEqual(fragmentSent, [], 'the fragment was checked against something other than the last good schema');

      const cleared = client.nextDiagnostics(schemaUri);
      again = client.nextDiagnostics(fragment);
      client.change(schemaUri, 3, [{ text: addScale('Continental') }]);
      assert.deepEqual((await cleared).diagnostics, []);
      assert.deepEqual((await again).diagnostics, []);
    });

    it('the VS Code client sends schema edits by notification; closing them brings back the file on disk', async () => {
      const fragment = uriOf(join(root, 'a.fragment'));
      const notify = (text: string | null) => void client.connection.sendNotification('fragments/schemaText', { uri: uriOf(schemaPath()), text });
      client.close(uriOf(schemaPath())); // the document synced the LSP way, above, is closed first
      let again = client.nextDiagnostics(fragment);
      notify(addScale('Planetary'));
      assert.deepEqual(codes((await again).diagnostics), ['invalid-value']);
      again = client.nextDiagnostics(fragment);
      notify(null);
      assert.deepEqual((await again).diagnostics, [], 'the file on disk adds Continental');
    });

    it('a deleted schema leaves the default in force', async () => {
      const fragment = uriOf(join(root, 'a.fragment'));
      rmSync(schemaPath());
      const again = client.nextDiagnostics(fragment);
      void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(schemaPath()), type: 3 }] });
      assert.deepEqual(codes((await again).diagnostics), ['invalid-value']);
      const info = await client.request<{ kind: string }>('fragments/schemaInfo', { uri: fragment });
      assert.equal(info.kind, 'default');
    });
  });

  describe('requests for the client', () => {
    it('describes the schema, gives templates as text, a starter file and an inferred schema', async () => {
      const { root, client } = await start({
        'fragment.schema.json': JSON.stringify({ extends: 'default', templates: [{ name: 'Partner report', values: { Scale: 'Local' } }] }),
        'records/a.fragment': VALID_RECORD,
        'records/b.txt': CONTINENTAL,
        'records/notes.txt': 'not a fragment',
      });
      const fragment = uriOf(join(root, 'records', 'a.fragment'));
      const info = await client.request<{ kind: string; uri: string; label: string }>('fragments/schemaInfo', { uri: fragment });
      assert.equal(info.kind, 'file');
      assert.equal(info.uri, uriOf(join(root, 'fragment.schema.json')));
      assert.match(info.label, /^fragment\.schema\.json \(fragment-ws-/);

      const templates = await client.request<{ name: string; text: string; snippet: string }[]>('fragments/templates', { folderUri: uriOf(root) });
      assert.deepEqual(templates.map((t) => t.name), ['Empty fragment', 'Substantiated outcome', 'Negative outcome', 'Partner report']);
      assert.ok(templates[3].text.includes('**Scale**: Local\n'));
      // New Fragment inserts the snippet: one tab stop per field, the values the template does not give empty.
      assert.ok(templates[3].snippet.includes('**Scale**: ${11:Local}\n'), templates[3].snippet);
      assert.ok(templates[3].snippet.includes('**Rating significance**: ${9}\n'), templates[3].snippet);
      assert.ok(templates[3].snippet.includes('**The change was unintended**: ${15}\n'), templates[3].snippet);

      const starter = await client.request<{ text: string }>('fragments/starterSchema', {});
      assert.match(starter.text, /"extends": "default"/);

      const inferred = await client.request<{ text: string; files: number; suspects: { text: string; field?: string; count: number; places: { path: string; line: number }[] }[] }>(
        'fragments/inferSchema',
        { folderUri: uriOf(join(root, 'records')) },
      );
      assert.equal(inferred.files, 2);
      // Scale is a closed list: a value outside it is reported as a suspect, never learned.
      assert.match(inferred.text, /"extends": "default"/);
      assert.doesNotMatch(inferred.text, /"key": "Scale"/);
      assert.deepEqual(
        inferred.suspects.map((s) => ({ text: s.text, field: s.field, count: s.count, places: s.places })),
        [{ text: 'Continental', field: 'Scale', count: 1, places: [{ path: 'b.txt', line: 11 }] }],
      );
    });
  });
});
