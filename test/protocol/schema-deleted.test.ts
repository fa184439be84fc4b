/**
 * A deleted (or renamed) fragment.schema.json stops applying at once, even while VS Code still holds its text: the
 * client keeps a deleted file's editor open and sends its text (`fragments/schemaText`), on every (re)start too.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { codes, startServer, type TestClient } from '../support/lsp-client';
import { withField } from '../support/fixtures';

const CONTINENTAL = withField('Scale', '**Scale**: Continental');
const SCHEMA = JSON.stringify({ extends: 'default', fields: [{ key: 'Scale', addValues: ['Continental'] }] });
const uriOf = (path: string) => pathToFileURL(path).toString();

describe('a deleted schema file over stdio', () => {
  const roots: string[] = [];
  const clients: TestClient[] = [];
  after(async () => {
    for (const client of clients) await client.shutdown();
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  /** A workspace with a schema that accepts Continental, open in the editor as VS Code has it, and a fragment. */
  const start = async (options: { watches?: boolean } = {}) => {
    const root = mkdtempSync(join(tmpdir(), 'fragment-deleted-'));
    roots.push(root);
    const schemaPath = join(root, 'fragment.schema.json');
    writeFileSync(schemaPath, SCHEMA);
    const client = await startServer({
      rootUri: uriOf(root),
      settings: { validationDelay: 0 },
      capabilities: options.watches === false ? { workspace: {} } : { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    clients.push(client);
    const fragment = uriOf(join(root, 'a.fragment'));
    void client.connection.sendNotification('fragments/schemaText', { uri: uriOf(schemaPath), text: SCHEMA });
    const first = client.nextDiagnostics(fragment);
    client.open(fragment, CONTINENTAL);
    assert.deepEqual((await first).diagnostics, [], 'the schema applies while it is there');
    const info = await client.request<{ kind: string }>('fragments/schemaInfo', { uri: fragment });
    assert.equal(info.kind, 'file');
    return { root, client, fragment, schemaPath };
  };

  const builtInApplies = async (client: TestClient, fragment: string, diagnostics: Promise<{ diagnostics: Parameters<typeof codes>[0] }>) => {
    assert.deepEqual(codes((await diagnostics).diagnostics), ['invalid-value'], 'Continental is not a built-in Scale');
    const info = await client.request<{ kind: string; uri?: string }>('fragments/schemaInfo', { uri: fragment });
    assert.deepEqual(info.kind, 'default', 'the status item and "Open the Schema in Use" follow');
    assert.equal(info.uri, undefined);
  };

  it('deleted while open in the editor: the built-in schema applies on the watched-file event', async () => {
    const { client, fragment, schemaPath } = await start();
    rmSync(schemaPath);
    const again = client.nextDiagnostics(fragment);
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(schemaPath), type: 3 }] });
    await builtInApplies(client, fragment, again);
  });

  it('renamed while open in the editor: the same', async () => {
    const { root, client, fragment, schemaPath } = await start();
    renameSync(schemaPath, join(root, 'old.schema.json'));
    const again = client.nextDiagnostics(fragment);
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(schemaPath), type: 3 }, { uri: uriOf(join(root, 'old.schema.json')), type: 1 }],
    });
    await builtInApplies(client, fragment, again);
  });

  it('deleted with no watched-file event (a client that does not watch files): the next look-up sees it is gone', async () => {
    const { client, fragment, schemaPath } = await start({ watches: false });
    rmSync(schemaPath);
    const again = client.nextDiagnostics(fragment, 2);
    client.change(fragment, 2, [{ text: `${CONTINENTAL}\n` }]);
    await builtInApplies(client, fragment, again);
  });

  it('after Restart Server: a fresh server sent the deleted file\'s text does not use it', async () => {
    const { root, client, schemaPath } = await start();
    rmSync(schemaPath);
    await client.shutdown();
    clients.splice(clients.indexOf(client), 1);
    const fresh = await startServer({ rootUri: uriOf(root), settings: { validationDelay: 0 } });
    clients.push(fresh);
    // What the VS Code client sends on every start: the text of each schema document it still holds.
    void fresh.connection.sendNotification('fragments/schemaText', { uri: uriOf(schemaPath), text: SCHEMA });
    const fragment = uriOf(join(root, 'b.fragment'));
    const first = fresh.nextDiagnostics(fragment);
    fresh.open(fragment, CONTINENTAL);
    await builtInApplies(fresh, fragment, first);
  });
});
