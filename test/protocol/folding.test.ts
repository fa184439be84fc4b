/** Folding over stdio: every record, and every value over several lines. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FoldingRange } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from '../support/lsp-client';
import { seed, withField } from '../support/fixtures';

describe('folding ranges over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = await startServer();
  });
  after(async () => {
    await client.shutdown();
  });

  it('folds each record and a value that spans lines', async () => {
    const uri = 'file:///fold.fragment';
    const first = withField('Outcome description', '**Outcome description**: First paragraph.\n\nSecond paragraph,\nstill the description.');
    const text = `${first}\n\n${seed(1)}`;
    const published = client.nextDiagnostics(uri);
    client.open(uri, text);
    await published;
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const firstLines = first.split('\n').length;
    assert.deepEqual(
      ranges.map((r) => [r.startLine, r.endLine]),
      [
        [0, firstLines - 1],
        [5, 8],
        [firstLines + 1, text.trimEnd().split('\n').length - 1],
      ],
    );
  });
});
