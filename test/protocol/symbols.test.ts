/** Outline over stdio: one symbol per record, named by its FragmentID, fields as children. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from '../support/lsp-client';
import { seed } from '../support/fixtures';

describe('document symbols over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = await startServer();
  });
  after(async () => {
    await client.shutdown();
  });

  it('lists each record by its FragmentID with its fields', async () => {
    const uri = 'file:///two-records.fragment';
    const text = `${seed(0)}\n\n${seed(1)}`;
    const published = client.nextDiagnostics(uri);
    client.open(uri, text);
    await published;
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['SCC-<redacted>/<redacted>', 'SCC-<redacted>/PHR012']);
    const fieldCount = seed(1).split('\n').filter((l) => l.startsWith('**')).length;
    assert.equal(symbols[1].children?.length, fieldCount);
    assert.equal(symbols[1].children?.[4].name, 'Year');
    assert.equal(symbols[1].children?.[4].detail, '2024');
    // The first record ends before the blank line; the second starts at its FragmentID.
    const lastLineOfFirst = seed(0).trimEnd().split('\n').length - 1;
    assert.equal(symbols[0].range.end.line, lastLineOfFirst);
    assert.equal(symbols[1].range.start.line, lastLineOfFirst + 3);
    for (const record of symbols) {
      for (const child of record.children ?? []) {
        assert.ok(child.range.start.line >= record.range.start.line && child.range.end.line <= record.range.end.line, `${child.name} outside its record`);
      }
    }
  });

  it('names a field that has no name, which VS Code would otherwise refuse (the input npm run fuzz found)', async () => {
    const uri = 'file:///nameless.fragment';
    const published = client.nextDiagnostics(uri);
    client.open(uri, `${seed(1)}\r\n** **: Link to Outcomes in Results Framework: dacted>`);
    await published;
    const [record] = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(record.children?.at(-1)?.name, '(field without a name)');
    assert.ok(record.children?.every((child) => child.name.length > 0));
  });

  it('gives a story no symbols', async () => {
    const uri = 'file:///story-symbols.fragment';
    const published = client.nextDiagnostics(uri);
    client.open(uri, seed(2));
    await published;
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
  });
});
