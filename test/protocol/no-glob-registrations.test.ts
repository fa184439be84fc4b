/**
 * The language client is bundled without minimatch (client/src/shims/minimatch-unused.ts), which vscode-languageclient
 * needs only for glob filters a server asks for: file operations (workspace/willRenameFiles and the like), pull
 * diagnostics and notebook sync. This session, with a client that offers all three as VS Code does, proves the
 * server asks for none of them: not in its initialize result, and not by registering them later.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { ClientCapabilities } from 'vscode-languageserver-protocol';
import { VALID_RECORD, withField } from '../support/fixtures';
import { startServer, type TestClient } from '../support/lsp-client';

/** What VS Code's language client offers for the features that would need minimatch, and for config and file watching. */
const VS_CODE_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    fileOperations: { dynamicRegistration: true, didCreate: true, willCreate: true, didRename: true, willRename: true, didDelete: true, willDelete: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true },
    publishDiagnostics: { versionSupport: true, relatedInformation: true },
    diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
  },
  notebookDocument: { synchronization: { dynamicRegistration: true, executionSummarySupport: true } },
};
/** Registrations whose glob filters vscode-languageclient matches with minimatch. */
const NEEDS_MINIMATCH = [
  'workspace/didCreateFiles',
  'workspace/willCreateFiles',
  'workspace/didRenameFiles',
  'workspace/willRenameFiles',
  'workspace/didDeleteFiles',
  'workspace/willDeleteFiles',
  'textDocument/diagnostic',
  'notebookDocument/sync',
];
const SCHEMA = JSON.stringify({ extends: 'default', fields: [{ key: 'Scale', addValues: ['Continental'] }] });

describe('the server asks for no glob matching from the client', () => {
  let dir: string;
  let client: TestClient;
  const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fragment-globs-'));
    writeFileSync(join(dir, 'fragment.schema.json'), SCHEMA);
    writeFileSync(join(dir, 'a.fragment'), VALID_RECORD);
    client = await startServer({
      rootUri: pathToFileURL(dir).href,
      capabilities: VS_CODE_CAPABILITIES,
      configuration: { fragments: { validationDelay: 0 } },
    });
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('declares no file operations, pull diagnostics or notebook sync when it starts', () => {
    const { capabilities } = client.initializeResult;
    assert.equal(capabilities.workspace?.fileOperations, undefined);
    assert.equal(capabilities.diagnosticProvider, undefined);
    assert.equal(capabilities.notebookDocumentSync, undefined);
  });

  it('registers none of them while a fragment is opened and edited, the settings change and files appear and change', async () => {
    const opened = client.nextDiagnostics(uriOf('a.fragment'), 1);
    client.open(uriOf('a.fragment'), VALID_RECORD);
    await opened;
    const edited = client.nextDiagnostics(uriOf('a.fragment'), 2);
    client.change(uriOf('a.fragment'), 2, [{ text: withField('Scale', '**Scale**: Continental') }]);
    assert.deepEqual((await edited).diagnostics, [], 'the workspace schema is in use');

    const afterSettings = client.nextDiagnostics(uriOf('a.fragment'));
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await afterSettings;

    client.open(uriOf('fragment.schema.json'), SCHEMA, 'jsonc');
    writeFileSync(join(dir, 'b.fragment'), VALID_RECORD);
    const afterFiles = client.nextDiagnostics(uriOf('a.fragment'));
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uriOf('b.fragment'), type: 1 },
        { uri: uriOf('fragment.schema.json'), type: 2 },
      ],
    });
    await afterFiles;
    await client.request('textDocument/hover', { textDocument: { uri: uriOf('a.fragment') }, position: { line: 0, character: 3 } });

    const methods = client.registrations.map((registration) => registration.method);
    // The server's own registrations are seen, so an unwanted one would be too.
    assert.ok(methods.includes('workspace/didChangeConfiguration'), `registrations: ${methods.join(', ')}`);
    assert.ok(methods.includes('workspace/didChangeWatchedFiles'), `registrations: ${methods.join(', ')}`);
    assert.deepEqual(methods.filter((method) => NEEDS_MINIMATCH.includes(method)), []);
  });
});
