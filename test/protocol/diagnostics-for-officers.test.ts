/**
 * The built server over stdio, as an evaluation officer meets it: a note after a flag value survives its fix, a
 * misspelt or malformed field is one problem where it is, a new record is not a wall of errors, the Markdown habits of
 * the writer are read as a person would, and every diagnostic links its rule's page, shipped beside the server.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { codes, SERVER_BUNDLE, startServer, type TestClient } from '../support/lsp-client';
import { brokenRecord, VALID_RECORD, withField } from '../support/fixtures';

const NOTE = 'The partners had not planned this.';

function apply(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  assert.ok(edit, 'the action has no edit');
  const edits: TextEdit[] = edit.changes?.[uri] ?? (edit.documentChanges ?? []).flatMap((c) => ('edits' in c ? (c.edits as TextEdit[]) : []));
  return TextDocument.applyEdits(TextDocument.create(uri, 'fragment', 1, text), edits);
}

describe('diagnostics an officer can trust, over stdio', () => {
  let client: TestClient;
  let opened = 0;
  async function diagnose(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = `file:///officer-${++opened}.fragment`;
    const published = client.nextDiagnostics(uri);
    client.open(uri, text);
    return { uri, diagnostics: (await published).diagnostics };
  }
  function quickFixes(uri: string, diagnostics: Diagnostic[], range = diagnostics[0].range): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only: ['quickfix'] } });
  }

  before(async () => {
    client = await startServer();
  });
  after(async () => {
    await client.shutdown();
  });

  it('a note on the line after "yes" is its own warning, and fixing "yes" keeps the note', async () => {
    const text = withField('The change was unintended', `**The change was unintended**: yes\n${NOTE}`);
    const { uri, diagnostics } = await diagnose(text);
    assert.deepEqual(codes(diagnostics), ['value-case', 'text-after-value']);
    const [cased, note] = diagnostics;
    assert.deepEqual([cased.range.start.line, cased.range.end.line], [14, 14]);
    assert.deepEqual(note.range, { start: { line: 15, character: 0 }, end: { line: 15, character: NOTE.length } });
    const actions = await quickFixes(uri, [cased]);
    assert.deepEqual(actions.map((a) => a.title), ['Replace "yes" with "YES"']);
    const fixed = apply(text, uri, actions[0].edit);
    assert.ok(fixed.includes(`**The change was unintended**: YES\n${NOTE}`), 'the note is still there');
    assert.deepEqual(await quickFixes(uri, [note]), [], 'no fix decides where the note belongs');
  });

  it('a misspelt field is one problem, where it is, saying both spellings are accepted; line 1 offers no second country', async () => {
    const text = withField('coutnry', '**Contry**: Iraq');
    const { uri, diagnostics } = await diagnose(text);
    assert.deepEqual(codes(diagnostics), ['unknown-field']);
    assert.equal(diagnostics[0].range.start.line, 3);
    assert.equal(diagnostics[0].message, '"Contry" is not a field of this fragment format. Did you mean "country"? (The export writes it "coutnry"; both spellings are accepted.)');
    const actions = await quickFixes(uri, diagnostics);
    assert.deepEqual(actions.map((a) => a.title), ['Rename "Contry" to "country"']);
    assert.deepEqual((await diagnose(apply(text, uri, actions[0].edit))).diagnostics, []);
    const onFirstLine = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } },
      context: { diagnostics: [], only: ['quickfix'] },
    });
    assert.deepEqual(onFirstLine.filter((a) => /coutnry|country/i.test(a.title)), []);
  });

  it('a malformed field is one problem, with its fix keeping the value', async () => {
    const text = withField('Scale', '**Scale: Local');
    const { uri, diagnostics } = await diagnose(text);
    assert.deepEqual(codes(diagnostics), ['malformed-field']);
    const [rewrite] = await quickFixes(uri, diagnostics);
    assert.equal(apply(text, uri, rewrite.edit), VALID_RECORD.replace('**Scale**: Regional', '**Scale**: Local'));
  });

  it('a new record shows one problem for its missing required fields, one for the recommended ones, and its empty field', async () => {
    const text = '**FragmentID**: \n';
    const { uri, diagnostics } = await diagnose(text);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [
      ['missing-field', 1],
      ['empty-value', 1],
      ['missing-field', 2],
    ]);
    assert.match(String(diagnostics[0].message), /^This fragment is missing 10 required fields: "coutnry", "Year", .* and "Outcome is negative"\.$/);
    const actions = await quickFixes(uri, [diagnostics[0]], diagnostics[0].range);
    const all = actions.find((a) => a.title === 'Add all 16 missing fields');
    assert.ok(all, actions.map((a) => a.title).join(' | '));
    const filled = apply(text, uri, all.edit);
    // Keys only: every inserted value is empty, for the writer to fill in.
    assert.ok(filled.split('\n').slice(1).every((line) => line === '' || /^\*\*[^*]+\*\*: $/.test(line)), filled);
    const after = (await diagnose(filled)).diagnostics;
    assert.ok(!after.some((d) => d.code === 'missing-field'));
    assert.ok(after.every((d) => d.code === 'empty-value'), codes(after).join(', '));
  });

  it('a client that drops diagnostic.data gets the fix of each of the two missing-field problems on line 1', async () => {
    const text = '**FragmentID**: SCC-<redacted>/PHR012\n**Year**: 2024';
    const { uri, diagnostics } = await diagnose(text);
    const missing = diagnostics.filter((d) => d.code === 'missing-field').map(({ data: _data, ...rest }) => rest);
    assert.equal(missing.length, 2);
    const titles = await Promise.all(missing.map(async (d) => (await quickFixes(uri, [d])).map((a) => a.title)));
    assert.deepEqual(titles, [
      ['Add the 9 missing required fields', 'Add all 15 missing fields'],
      ['Add the 6 missing recommended fields', 'Add all 15 missing fields'],
    ]);
  });

  it('reads the Markdown habits of a writer: headings, separators and redacted values are fine; bold and bullets are almost fields', async () => {
    const second = VALID_RECORD.replace('PHR012', 'PHR013').replace('**Scale**: Regional', '**Scale**: <redacted>');
    const fine = `# Record 1\n${VALID_RECORD}\n\n---\n\n# Record 2\n${second}\n***\n`;
    assert.deepEqual((await diagnose(fine)).diagnostics, []);
    for (const line of ['__Scale__: Local', '**Scale:** Local', '* **Scale**: Local', '- **Scale**: Local']) {
      const text = withField('Scale', line);
      const { uri, diagnostics } = await diagnose(text);
      assert.deepEqual(codes(diagnostics), ['malformed-field'], line);
      const [rewrite] = await quickFixes(uri, diagnostics);
      assert.equal(apply(text, uri, rewrite.edit), VALID_RECORD.replace('**Scale**: Regional', '**Scale**: Local'), line);
    }
  });

  it('every diagnostic links its rule page, a file shipped beside the server bundle', async () => {
    const { diagnostics } = await diagnose(`${brokenRecord({ confidential: true })}\n**Year**: 2024\nnext year`);
    assert.ok(new Set(codes(diagnostics)).size >= 10);
    const docs = resolve(SERVER_BUNDLE, '../../docs/rules');
    for (const d of diagnostics) {
      const href = d.codeDescription?.href;
      assert.ok(href, `${d.code} has no codeDescription`);
      assert.ok(href.startsWith('file://'), href);
      assert.equal(fileURLToPath(href), resolve(docs, `${d.code}.md`));
      assert.ok(existsSync(fileURLToPath(href)), `${href} does not exist`);
    }
  });
});
