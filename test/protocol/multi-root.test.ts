/**
 * Multi-root workspaces over stdio: each folder's team schema and its own `fragments.schema` setting apply to its own
 * files, and folders added or removed while the server runs (workspace/didChangeWorkspaceFolders) are indexed and
 * dropped.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { VALID_RECORD, withField } from '../support/fixtures';
import { diagnosticsWhere, startServer, type TestClient } from '../support/lsp-client';

const addRating = (value: string) => JSON.stringify({ extends: 'default', fields: [{ key: 'Rating significance', addValues: [value] }] });
const record = (id: string, rating: string) => withField('FragmentID', `**FragmentID**: ${id}`, VALID_RECORD).replace('**Rating significance**: medium', `**Rating significance**: ${rating}`);
const invalidValues = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'invalid-value').map((d) => String(d.message));
const duplicates = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'duplicate-id');

describe('multi-root workspaces over stdio', () => {
  let root: string;
  let client: TestClient;
  const folderUri = (name: string) => pathToFileURL(join(root, name)).href;
  const uriOf = (path: string) => pathToFileURL(join(root, path)).href;
  const folder = (name: string) => ({ uri: folderUri(name), name });
  const changeFolders = (added: string[], removed: string[]) =>
    client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: added.map(folder), removed: removed.map(folder) } });
  /** a.fragment's diagnostics when it was opened, before gamma was added. */
  let alphaOpened: Diagnostic[] = [];
  /** Opens a file and returns its first diagnostics. */
  async function open(path: string, text: string): Promise<Diagnostic[]> {
    const published = client.nextDiagnostics(uriOf(path));
    client.open(uriOf(path), text);
    return (await published).diagnostics;
  }

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'fragment-roots-'));
    for (const name of ['alpha', 'beta', 'gamma']) mkdirSync(join(root, name, 'team'), { recursive: true });
    // alpha: the nearest fragment.schema.json allows "huge"; beta: its own fragments.schema setting names a file that
    // allows "vast" (and beta has no fragment.schema.json); gamma is added later.
    writeFileSync(join(root, 'alpha', 'fragment.schema.json'), addRating('huge'));
    writeFileSync(join(root, 'beta', 'team', 'ratings.json'), addRating('vast'));
    writeFileSync(join(root, 'alpha', 'a.fragment'), record('SCC-7/SAME', 'huge'));
    writeFileSync(join(root, 'beta', 'b.fragment'), record('SCC-7/BETA', 'vast'));
    writeFileSync(join(root, 'gamma', 'c.fragment'), record('SCC-7/SAME', 'medium'));
    client = await startServer({
      workspaceFolders: [folder('alpha'), folder('beta')],
      configuration: { fragments: { validationDelay: 0 } },
      scopedConfiguration: { [folderUri('beta')]: { fragments: { validationDelay: 0, schema: 'team/ratings.json' } } },
      capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
  });
  after(async () => {
    await client.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it('announces that it follows workspace folder changes', () => {
    assert.deepEqual(client.initializeResult.capabilities.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
  });

  it("each folder's team schema and its own fragments.schema setting apply to its own files only", async () => {
    alphaOpened = await open('alpha/a.fragment', record('SCC-7/SAME', 'huge'));
    assert.deepEqual(invalidValues(alphaOpened), []);
    assert.deepEqual(invalidValues(await open('beta/b.fragment', record('SCC-7/BETA', 'vast'))), []);
    // The other folder's values are not allowed here.
    assert.equal(invalidValues(await open('alpha/other.fragment', record('SCC-7/OTHER-A', 'vast'))).length, 1);
    assert.equal(invalidValues(await open('beta/other.fragment', record('SCC-7/OTHER-B', 'huge'))).length, 1);
    const info = await client.request<{ uri?: string }>('fragments/schemaInfo', { uri: uriOf('beta/b.fragment') });
    assert.equal(info.uri, uriOf('beta/team/ratings.json'));
  });

  it("each folder's fragment-review.json accepts findings of its own files only", async () => {
    const entry = (fragmentId: string, value: string) => ({ fragmentId, code: 'invalid-value', value, acceptedBy: 'Amal', reason: 'Agreed.' });
    // beta's review file names a record of beta and one of alpha: only beta's is accepted.
    writeFileSync(join(root, 'beta', 'fragment-review.json'), JSON.stringify({ accepted: [entry('SCC-7/OTHER-B', 'huge'), entry('SCC-7/OTHER-A', 'vast')] }));
    const accepted = diagnosticsWhere(client, uriOf('beta/other.fragment'), (d) => invalidValues(d).length === 0);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('beta/fragment-review.json'), type: 1 }] });
    await accepted;
    const alpha = await client.request<{ accepted: number }>('fragments/reviewInfo', { uri: uriOf('alpha/other.fragment') });
    assert.deepEqual(alpha, { accepted: 0, reviewFile: uriOf('alpha/fragment-review.json') });
  });

  it('a folder added over LSP is indexed: its file shares an ID with an open one', async () => {
    assert.deepEqual(duplicates(alphaOpened), [], 'gamma is not a workspace folder yet');
    const found = diagnosticsWhere(client, uriOf('alpha/a.fragment'), (d) => duplicates(d).length === 1);
    await changeFolders(['gamma'], []);
    const [warning] = duplicates(await found);
    assert.match(String(warning.message), /"SCC-7\/SAME" is also used by the record at line 1 of c\.fragment/);
  });

  it("a removed folder's files are dropped: the duplicate goes, and what Check Workspace showed for them is cleared", async () => {
    const checked = diagnosticsWhere(client, uriOf('gamma/c.fragment'), (d) => duplicates(d).length === 1);
    await client.request('fragments/checkWorkspace', {});
    await checked;
    const cleared = diagnosticsWhere(client, uriOf('gamma/c.fragment'), (d) => d.length === 0);
    const gone = diagnosticsWhere(client, uriOf('alpha/a.fragment'), (d) => duplicates(d).length === 0);
    await changeFolders([], ['gamma']);
    await Promise.all([cleared, gone]);
    // Check Workspace no longer reads the removed folder.
    const result = await client.request<{ files: number }>('fragments/checkWorkspace', {});
    assert.equal(result.files, 4); // a.fragment, b.fragment and the two other.fragment files open in alpha and beta
  });
});
