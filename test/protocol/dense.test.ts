/**
 * Dense files over stdio (issue 13): an edit re-checks only the records it touched, and the diagnostics after any
 * edits are exactly those of a full check of the text; the outline and folding of a file of many records are cut
 * at the setting `fragments.outline.maxItemsComputed` and say so; whole-file code actions asked for without a kind
 * come without their edits and resolve to the same edits as when asked for by kind.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, DocumentSymbol, FoldingRange } from 'vscode-languageserver-protocol';
import { findDuplicateIds, getDefaultSchema, mergeDiagnostics, parseWithSchema, recordIds, validate } from '../../server/src/core';
import { startServer, type TestClient } from '../support/lsp-client';
import { VALID_RECORD, brokenRecord, seed } from '../support/fixtures';
import { damagedDocument } from '../support/robustness';

const schema = getDefaultSchema();
const RUNS = Number(process.env.PROTOCOL_PROPERTY_RUNS ?? 40);

/** What a check of the whole text from scratch gives: the core's diagnostics with the file's duplicate IDs. */
function fullCheck(uri: string, text: string): Diagnostic[] {
  const duplicates = findDuplicateIds([{ uri, ids: recordIds(parseWithSchema(text, schema), schema) }], schema).get(uri) ?? [];
  return mergeDiagnostics(validate(text, { schema, uri }), duplicates);
}

/** Past the cap the note may count differently ("at least N more"); everything else must be the same. */
function comparable(diagnostics: readonly Diagnostic[]): unknown[] {
  return diagnostics.map((d) => (d.code === 'too-many-problems' ? { code: d.code, range: d.range } : d));
}

const piece = fc.constantFrom('\n', '\r\n', '**FragmentID**: X-1/A\n', '**FragmentID**: SCC-<redacted>/PHR012\n', '**Scale**: Locl\n', '**', ':', 'Scale: Local\n', '<persn>', 'x', '\n\n');
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 30 }), insert: fc.oneof(piece, fc.string({ maxLength: 5 })) });

describe('dense files over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = await startServer({ settings: { outline: { maxItemsComputed: 3 * 24 + 10 } } }); // 3 records of 23 fields, with their fields
  });
  after(async () => {
    await client.shutdown();
  });

  it('after random edits, sent as the editor sends them, the diagnostics equal a full check of the text', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(damagedDocument, { minLength: 2, maxLength: 4 }), fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }), async (records, batches) => {
        const uri = `file:///dense-property-${++run}.fragment`;
        let text = records.join('\n');
        const opened = client.nextDiagnostics(uri, 1, 30_000);
        client.open(uri, text);
        assert.deepEqual(comparable((await opened).diagnostics), comparable(fullCheck(uri, text)));
        let version = 1;
        for (const batch of batches) {
          // Each change is against the text the previous one left, with LSP positions, in one didChange.
          const changes = batch.map((e) => {
            const document = TextDocument.create(uri, 'fragment', 0, text);
            const from = Math.floor(e.at * text.length);
            const to = Math.min(text.length, from + e.remove);
            const range = { start: document.positionAt(from), end: document.positionAt(to) };
            text = TextDocument.applyEdits(document, [{ range, newText: e.insert }]);
            return { range, text: e.insert };
          });
          version++;
          const published = client.nextDiagnostics(uri, version, 30_000);
          client.change(uri, version, changes);
          assert.deepEqual(comparable((await published).diagnostics), comparable(fullCheck(uri, text)), JSON.stringify(text));
        }
        client.close(uri);
      }),
      { numRuns: RUNS },
    );
  });

  it('an edit that makes an ID a duplicate, and one that makes it unique again, are seen at once', async () => {
    const uri = 'file:///dense-ids.fragment';
    // Redacted IDs are never compared: these are written out.
    const first = VALID_RECORD.replace('<redacted>', 'LBN');
    const text = `${first}\n${first.replace('PHR012', 'PHR013')}`;
    const opened = client.nextDiagnostics(uri, 1);
    client.open(uri, text);
    assert.deepEqual((await opened).diagnostics, []);
    const line = VALID_RECORD.split('\n').length;
    const duplicate = client.nextDiagnostics(uri, 2);
    client.change(uri, 2, [{ range: { start: { line, character: 28 }, end: { line, character: 30 } }, text: '12' }]);
    assert.deepEqual((await duplicate).diagnostics.map((d) => d.code), ['duplicate-id', 'duplicate-id']);
    const unique = client.nextDiagnostics(uri, 3);
    client.change(uri, 3, [{ range: { start: { line, character: 28 }, end: { line, character: 30 } }, text: '14' }]);
    assert.deepEqual((await unique).diagnostics, []);
  });

  it('the outline lists the first records up to the setting and ends with an entry that says how many are left out', async () => {
    const uri = 'file:///dense-outline.fragment';
    const records = Array.from({ length: 5 }, (_, i) => VALID_RECORD.replace('PHR012', `PHR10${i}`));
    const text = records.join('\n');
    const opened = client.nextDiagnostics(uri);
    client.open(uri, text);
    await opened;
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['SCC-<redacted>/PHR100', 'SCC-<redacted>/PHR101', 'SCC-<redacted>/PHR102', 'Outline shows the first 3 of 5 records']);
    const fourth = 3 * VALID_RECORD.split('\n').length;
    assert.equal(symbols[3].range.start.line, fourth, 'the note sits where the first record left out starts');
    assert.match(symbols[3].detail ?? '', /fragments\.outline\.maxItemsComputed/);
    assert.ok(client.logs.some((l) => l.includes('shows the first 3 of its 5 records')), client.logs.join('\n'));
    assert.equal(symbols.slice(0, 3).reduce((n, s) => n + 1 + (s.children?.length ?? 0), 0), 72, 'each record with all its fields');
    const folding = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    // Folding is bounded by the same number (82 ranges here): all five records fit.
    assert.deepEqual(folding.map((r) => r.startLine), [0, 1, 2, 3, 4].map((i) => (i * fourth) / 3));
  });

  it('folding is cut at the same setting', async () => {
    const small = await startServer({ settings: { outline: { maxItemsComputed: 3 } } });
    try {
      const uri = 'file:///dense-folding.fragment';
      const text = Array.from({ length: 5 }, (_, i) => VALID_RECORD.replace('PHR012', `PHR20${i}`)).join('\n');
      const opened = small.nextDiagnostics(uri);
      small.open(uri, text);
      await opened;
      const folding = await small.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
      const each = VALID_RECORD.split('\n').length;
      assert.deepEqual(folding.map((r) => r.startLine), [0, each, 2 * each]);
      const symbols = await small.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(symbols.map((s) => s.name), ['Outline shows the first 0 of 5 records'], 'no record fits in 3 entries');
    } finally {
      await small.shutdown();
    }
  });

  it('an outline of many small records parses more records until its 5,000 entries are full', async () => {
    const server = await startServer(); // the default setting: 5,000 entries
    try {
      const uri = 'file:///dense-outline-many.fragment';
      const text = Array.from({ length: 2000 }, (_, i) => `**FragmentID**: SCC-<redacted>/PHR${i}\n**Scale**: Local`).join('\n');
      const opened = server.nextDiagnostics(uri);
      server.open(uri, text);
      await opened;
      const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      // A record and its two fields are three entries: 1,666 records fill 4,998 of the 5,000.
      assert.equal(symbols.length, 1667);
      assert.equal(symbols[1665].name, 'SCC-<redacted>/PHR1665');
      assert.equal(symbols[1666].name, 'Outline shows the first 1,666 of 2,000 records');
      assert.equal(symbols[1666].range.start.line, 1666 * 2, 'where the first record left out starts');
    } finally {
      await server.shutdown();
    }
  });

  it('the outline of each new version shows its text, also when folding was asked for first or the outline asked twice', async () => {
    const uri = 'file:///dense-outline-versions.fragment';
    const text = Array.from({ length: 5 }, (_, i) => VALID_RECORD.replace('PHR012', `PHR30${i}`)).join('\n');
    const opened = client.nextDiagnostics(uri);
    client.open(uri, text);
    await opened;
    const outline = () => client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const names = async () => (await outline()).map((s) => s.name);
    const first = await outline();
    assert.deepEqual(first.map((s) => s.name), ['SCC-<redacted>/PHR300', 'SCC-<redacted>/PHR301', 'SCC-<redacted>/PHR302', 'Outline shows the first 3 of 5 records']);
    assert.deepEqual(await outline(), first, 'asked again for the same version: the same outline');
    // Version 2: the second record's ID is changed; folding is asked for first, as VS Code does on each keystroke.
    const each = VALID_RECORD.split('\n').length;
    const idLine = each + VALID_RECORD.split('\n').findIndex((l) => l.startsWith('**FragmentID**'));
    const idEnd = VALID_RECORD.split('\n').find((l) => l.startsWith('**FragmentID**'))!.length;
    client.change(uri, 2, [{ range: { start: { line: idLine, character: idEnd - 3 }, end: { line: idLine, character: idEnd } }, text: '399' }]);
    await client.nextDiagnostics(uri, 2);
    await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(await names(), ['SCC-<redacted>/PHR300', 'SCC-<redacted>/PHR399', 'SCC-<redacted>/PHR302', 'Outline shows the first 3 of 5 records']);
    // Version 3: the last record is deleted, with the line break before it.
    const lastLength = VALID_RECORD.split('\n').at(-1)!.length;
    client.change(uri, 3, [{ range: { start: { line: 4 * each - 1, character: lastLength }, end: { line: 5 * each - 1, character: lastLength } }, text: '' }]);
    await client.nextDiagnostics(uri, 3);
    const third = await outline();
    assert.deepEqual(third.map((s) => s.name), ['SCC-<redacted>/PHR300', 'SCC-<redacted>/PHR399', 'SCC-<redacted>/PHR302', 'Outline shows the first 3 of 4 records']);
    assert.equal(third[3].range.start.line, 3 * each, 'the note sits where the fourth record starts');
  });

  it('the outline follows a change of the setting at once, on the same version of the document', async () => {
    const server = await startServer({ settings: { outline: { maxItemsComputed: 3 * 24 + 10 } } });
    try {
      const uri = 'file:///dense-outline-setting.fragment';
      const opened = server.nextDiagnostics(uri);
      server.open(uri, Array.from({ length: 5 }, (_, i) => VALID_RECORD.replace('PHR012', `PHR40${i}`)).join('\n'));
      await opened;
      const names = async () => (await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } })).map((s) => s.name);
      assert.deepEqual((await names()).at(-1), 'Outline shows the first 3 of 5 records');
      const setting = async (maxItemsComputed: number) => {
        await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { fragments: { outline: { maxItemsComputed } } } });
      };
      await setting(2 * 24 + 10);
      assert.deepEqual(await names(), ['SCC-<redacted>/PHR400', 'SCC-<redacted>/PHR401', 'Outline shows the first 2 of 5 records']);
      await setting(1000);
      assert.deepEqual(await names(), [0, 1, 2, 3, 4].map((i) => `SCC-<redacted>/PHR40${i}`), 'all five, with no note');
      await setting(3 * 24 + 10);
      assert.deepEqual((await names()).at(-1), 'Outline shows the first 3 of 5 records');
    } finally {
      await server.shutdown();
    }
  });

  it('an outline within the setting is whole, with no note', async () => {
    const uri = 'file:///dense-outline-short.fragment';
    const opened = client.nextDiagnostics(uri);
    client.open(uri, `${seed(0)}\n\n${seed(1)}`);
    await opened;
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['SCC-<redacted>/<redacted>', 'SCC-<redacted>/PHR012']);
  });

  it('fix-all and sort-fields asked for without a kind come without edits and resolve to the edits asked for by kind', async () => {
    assert.equal((client.initializeResult.capabilities.codeActionProvider as { resolveProvider?: boolean }).resolveProvider, true);
    const uri = 'file:///dense-lazy-actions.fragment';
    const lines = brokenRecord().split('\n');
    const text = [lines[0], ...lines.slice(1).reverse()].join('\n'); // out of schema order, and with safe fixes
    const opened = client.nextDiagnostics(uri);
    client.open(uri, text);
    const { diagnostics } = await opened;
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const lazy = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: [] } });
    for (const kind of ['source.fixAll.fragments', 'source.sortFields.fragments']) {
      const offered = lazy.find((a) => a.kind === kind);
      assert.ok(offered, `${kind} offered: ${JSON.stringify(lazy.map((a) => a.kind))}`);
      assert.equal(offered.edit, undefined, 'no edit until resolved');
      const resolved = await client.request<CodeAction>('codeAction/resolve', offered);
      const eager = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: [], only: [kind] } });
      assert.equal(eager.length, 1);
      assert.ok(resolved.edit?.changes?.[uri]?.length, 'the resolved action changes something');
      assert.deepEqual(resolved.edit, eager[0].edit);
    }
    assert.ok(diagnostics.length > 0);
  });
});
