/**
 * Exception isolation over stdio: requests and notifications with broken parameters (a missing textDocument, a
 * position that is not one, garbage command arguments) make handlers throw inside the server. Each failure is
 * logged to the client's output, the request still gets an answer, and the server keeps serving.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { VALID_RECORD, withField } from '../support/fixtures';
import { codes, startServer, type TestClient } from '../support/lsp-client';

const URI = 'file:///robust.fragment';

describe('a failing handler does not take the server down', () => {
  let client: TestClient;

  before(async () => {
    client = await startServer();
    const published = client.nextDiagnostics(URI);
    client.open(URI, withField('Scale', '**Scale**: Regoinal'));
    await published;
  });
  after(async () => {
    await client.shutdown();
  });

  /** The request's answer, or the error it was refused with: either way it was answered. */
  async function answer(method: string, params: unknown): Promise<{ result?: unknown; error?: { code: number; message: string } }> {
    try {
      return { result: await client.request(method, params) };
    } catch (error) {
      return { error: error as { code: number; message: string } };
    }
  }

  const broken: [string, unknown][] = [
    ['textDocument/hover', { position: { line: 0, character: 0 } }],
    ['textDocument/hover', { textDocument: { uri: URI }, position: null }],
    ['textDocument/completion', { textDocument: { uri: URI } }],
    ['textDocument/completion', { textDocument: { uri: URI }, position: { line: -3, character: 'x' } }],
    ['textDocument/codeAction', { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }],
    ['textDocument/codeAction', { textDocument: { uri: URI }, range: null, context: { diagnostics: [{ source: 'fragments', code: 'invalid-value' }] } }],
    ['textDocument/documentSymbol', {}],
    ['textDocument/foldingRange', { textDocument: 42 }],
    ['textDocument/formatting', null],
    ['workspace/executeCommand', { command: 'fragments.server.sortFields', arguments: [{ not: 'a uri' }] }],
    ['fragments/schemaInfo', { uri: 42 }],
    ['fragments/templates', null],
  ];

  it('answers every broken request (with a result or an error) and logs what failed', async () => {
    const logged = client.logs.length;
    const answers = [];
    for (const [method, params] of broken) answers.push({ method, ...(await answer(method, params)) });
    for (const a of answers) assert.ok('result' in a || 'error' in a, `${a.method} answered`);
    const failures = client.logs.slice(logged).filter((line) => /failed/.test(line));
    console.log(`${broken.length} broken requests answered; ${failures.length} failures logged, e.g. ${JSON.stringify(failures[0]?.split('\n')[0])}`);
    assert.ok(failures.some((line) => line.startsWith('Fragment hover failed: TypeError')), 'the hover failure is in the log, with its stack');
    assert.ok(failures.some((line) => line.startsWith('Fragment code actions failed')));
    assert.ok(failures.some((line) => line.startsWith('Fragment request fragments/schemaInfo failed')));
    assert.equal(client.process.exitCode, null, 'the server process is still running');
  });

  it('survives broken notifications too', async () => {
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///broken.fragment' } });
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ range: { start: { line: 9_999, character: 0 }, end: 'nowhere' }, text: 7 }] });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: null, type: 'changed' }] });
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { fragments: { validationDelay: 'soon', validate: 'maybe' } } });
    await client.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 3 } });
    assert.equal(client.process.exitCode, null);
  });

  it('after all that, checks, fixes and answers as before', async () => {
    const uri = 'file:///robust-after.fragment';
    const published = client.nextDiagnostics(uri);
    client.open(uri, withField('Scale', '**Scale**: Regoinal'));
    const { diagnostics } = await published;
    assert.deepEqual(codes(diagnostics), ['invalid-value']);
    const actions = await client.request<{ title: string }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    });
    assert.ok(actions.some((a) => a.title === 'Replace "Regoinal" with "Regional"'));
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 4 } });
    assert.match(hover?.contents.value ?? '', /FragmentID/);
    const clean = client.nextDiagnostics(uri, 2);
    client.change(uri, 2, [{ text: VALID_RECORD }]);
    assert.deepEqual((await clean).diagnostics, []);
  });
});
