/** The built server over stdio: open, change, close and the diagnostics that come back. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { SERVER_NODE_FLAGS } from '../../server/src/node-flags';
import { codes, SERVER_BUNDLE, startServer, type TestClient } from '../support/lsp-client';
import { seed, VALID_RECORD, withField } from '../support/fixtures';

describe('diagnostics over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = await startServer();
  });
  after(async () => {
    await client.shutdown();
  });

  it('announces incremental sync and its name', () => {
    const sync = client.initializeResult.capabilities.textDocumentSync as { change: number; openClose: boolean };
    assert.equal(sync.change, 2);
    assert.equal(sync.openClose, true);
    assert.equal(client.initializeResult.serverInfo?.name, 'fragment-language-server');
  });

  it('publishes no error and no warning for the two structured seeds', async () => {
    for (const index of [0, 1] as const) {
      const uri = `file:///seed-${index}.fragment`;
      const published = client.nextDiagnostics(uri);
      client.open(uri, seed(index));
      const result = await published;
      // Their information-level notes (confidentiality, quality) are pinned by the rules' own tests.
      assert.deepEqual(result.diagnostics.filter((d) => d.severity !== undefined && d.severity <= 2), [], `seed ${index}`);
      assert.equal(result.version, 1);
    }
  });

  it('publishes one information for the unstructured story', async () => {
    const uri = 'file:///story.fragment';
    const published = client.nextDiagnostics(uri);
    client.open(uri, seed(2));
    const { diagnostics } = await published;
    assert.deepEqual(codes(diagnostics), ['unstructured']);
    assert.equal(diagnostics[0].severity, 3);
    assert.equal(diagnostics[0].source, 'fragments');
  });

  it('reports a planted error with range, code, source and fix data', async () => {
    const uri = 'file:///bad.fragment';
    const published = client.nextDiagnostics(uri);
    client.open(uri, withField('Rating significance', '**Rating significance**: meduim'));
    const { diagnostics } = await published;
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics;
    assert.equal(d.code, 'invalid-value');
    assert.equal(d.severity, 1);
    assert.match(String(d.message), /Did you mean "medium"\?/);
    assert.deepEqual(d.range, { start: { line: 8, character: 25 }, end: { line: 8, character: 31 } });
    assert.deepEqual(d.data, { fix: 'replace', suggestions: ['medium'] });
  });

  it('follows incremental edits and tags diagnostics with the document version', async () => {
    const uri = 'file:///edit.fragment';
    let published = client.nextDiagnostics(uri);
    client.open(uri, VALID_RECORD);
    assert.deepEqual((await published).diagnostics, []);

    // Line 10 is "**Scale**: Regional"; replace "Regional" with "Regionl".
    published = client.nextDiagnostics(uri, 2);
    client.change(uri, 2, [{ range: { start: { line: 10, character: 11 }, end: { line: 10, character: 19 } }, text: 'Regionl' }]);
    const broken = await published;
    assert.equal(broken.version, 2);
    assert.deepEqual(codes(broken.diagnostics), ['invalid-value']);

    published = client.nextDiagnostics(uri, 3);
    client.change(uri, 3, [{ range: { start: { line: 10, character: 17 }, end: { line: 10, character: 17 } }, text: 'a' }]);
    const fixed = await published;
    assert.equal(fixed.version, 3);
    assert.deepEqual(fixed.diagnostics, []);
  });

  it('publishes only the newest version after a burst of edits', async () => {
    const slow = await startServer({ settings: { validationDelay: 50 } });
    try {
      const uri = 'file:///burst.fragment';
      const first = slow.nextDiagnostics(uri);
      slow.open(uri, VALID_RECORD);
      await first;
      const seen: number[] = [];
      slow.onDiagnostics((p) => {
        if (p.uri === uri) seen.push(p.version ?? -1);
      });
      const last = slow.nextDiagnostics(uri, 11);
      for (let version = 2; version <= 11; version++) {
        slow.change(uri, version, [{ range: { start: { line: 4, character: 10 }, end: { line: 4, character: 14 } }, text: String(2013 + version) }]);
      }
      const result = await last;
      assert.equal(result.version, 11);
      // 2013 + 11 = 2024: the year the outcome description names, so the last check is clean.
      assert.deepEqual(result.diagnostics, []);
      assert.ok(!seen.some((v) => v < 11), `stale versions published: ${seen.join(', ')}`);
    } finally {
      await slow.shutdown();
    }
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = 'file:///closing.fragment';
    const opened = client.nextDiagnostics(uri);
    client.open(uri, withField('Year', '**Year**: 20x4'));
    assert.equal((await opened).diagnostics.length, 1);
    const cleared = client.nextDiagnostics(uri);
    client.close(uri);
    assert.deepEqual((await cleared).diagnostics, []);
  });

  it('publishes nothing when fragments.validate is off', async () => {
    const quiet = await startServer({ configuration: { fragments: { validate: false, validationDelay: 0 } } });
    try {
      const uri = 'file:///quiet.fragment';
      const published = quiet.nextDiagnostics(uri);
      quiet.open(uri, 'not a fragment at all');
      // The server waits for the settings before its first check, so even the first publish is empty.
      assert.deepEqual((await published).diagnostics, []);
    } finally {
      await quiet.shutdown();
    }
  });

  // VS Code asks for the light bulb's actions again on every publish and forgets the commands of the list it replaces:
  // a quick fix chosen just then ("Accept this finding…") did nothing. VS Code also reads the settings again right
  // after start-up, which published every open document a second time, unchanged.
  it("sends a version's problems once: settings read again publish only what changes, a reopened file gets them anew", async () => {
    const settings = { validate: true, validationDelay: 0 };
    const vscodeLike = await startServer({ configuration: { fragments: settings } });
    try {
      const uri = 'file:///settings-again.fragment';
      const sent: { version: number | undefined; count: number }[] = [];
      vscodeLike.onDiagnostics((p) => {
        if (p.uri === uri) sent.push({ version: p.version, count: p.diagnostics.length });
      });
      /** The settings are read again (the server asks for them), and whatever that publishes has been sent. */
      const settingsReadAgain = async () => {
        const answered = vscodeLike.nextSettingsAnswer();
        void vscodeLike.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
        await answered;
        // With the answer the server checks and publishes before it reads its next message, so a request's answer
        // comes after any publish the settings caused.
        await vscodeLike.request('textDocument/documentSymbol', { textDocument: { uri } });
      };
      const opened = vscodeLike.nextDiagnostics(uri);
      vscodeLike.open(uri, withField('Year', '**Year**: 20x4'));
      assert.equal((await opened).diagnostics.length, 1);

      await settingsReadAgain();
      assert.deepEqual(sent, [{ version: 1, count: 1 }], 'the same problems of the same version were sent again');

      settings.validate = false; // a change of what is shown goes out at once
      await settingsReadAgain();
      assert.deepEqual(sent.at(-1), { version: 1, count: 0 });
      settings.validate = true;
      await settingsReadAgain();
      assert.deepEqual(sent.at(-1), { version: 1, count: 1 });

      // Closed (its problems cleared) and opened again at version 1 with the same text: they are sent again.
      const cleared = vscodeLike.nextDiagnostics(uri);
      vscodeLike.close(uri);
      await cleared;
      const reopened = vscodeLike.nextDiagnostics(uri);
      vscodeLike.open(uri, withField('Year', '**Year**: 20x4'));
      assert.deepEqual({ version: (await reopened).version, count: (await reopened).diagnostics.length }, { version: 1, count: 1 });
    } finally {
      await vscodeLike.shutdown();
    }
  });

  it('runs as a command-line tool: --version and --help', async () => {
    assert.match(execFileSync(process.execPath, [SERVER_BUNDLE, '--version']).toString(), /^\d+\.\d+\.\d+\n$/);
    assert.match(execFileSync(process.execPath, [SERVER_BUNDLE, '--help']).toString(), /--stdio/);
  });
});

describe('the fragment-language-server bin', () => {
  it('starts with the server Node flags from its shebang, the same ones the VS Code client passes', () => {
    const firstLine = readFileSync(SERVER_BUNDLE, 'utf8').split('\n', 1)[0];
    assert.equal(firstLine, `#!/usr/bin/env -S node ${SERVER_NODE_FLAGS.join(' ')}`);
    assert.match(execFileSync(SERVER_BUNDLE, ['--version']).toString(), /^\d+\.\d+\.\d+\n$/);
  });
});
