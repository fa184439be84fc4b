/**
 * The fixes of the confidentiality rules over stdio: each redacts what its diagnostic names, here or everywhere in the
 * record, and fix-all leaves them to the person.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from '../support/lsp-client';
import { seed } from '../support/fixtures';
import { confidentialWith, markedConfidential } from '../support/confidential';

function apply(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  assert.ok(edit, 'the action has no edit');
  const edits: TextEdit[] = edit.changes?.[uri] ?? [];
  assert.ok(edits.length > 0, 'the edit changes nothing');
  return TextDocument.applyEdits(TextDocument.create(uri, 'fragment', 1, text), edits);
}

describe('confidentiality fixes over stdio', () => {
  let client: TestClient;
  let opened = 0;
  async function diagnose(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = `file:///confidential-${++opened}.fragment`;
    const published = client.nextDiagnostics(uri);
    client.open(uri, text);
    return { uri, diagnostics: (await published).diagnostics };
  }
  function quickFixes(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
  }
  const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

  before(async () => {
    client = await startServer();
  });
  after(async () => {
    await client.shutdown();
  });

  it('redacts a name beside <person> here, or everywhere in the record', async () => {
    const text = markedConfidential(seed(1));
    const { uri, diagnostics } = await diagnose(text);
    const kesh = diagnostics.filter((d) => d.code === 'name-beside-marker');
    assert.equal(kesh.length, 2);
    const actions = await quickFixes(uri, kesh[0]);
    assert.deepEqual(actions.map((a) => a.title), ['Redact "Kesh" as <person>', 'Redact every "Kesh" in this record as <person> (2 places)']);
    assert.equal(actions[0].isPreferred, true);

    const once = apply(text, uri, actions[0].edit);
    assert.ok(once.includes('2023, <person> <person> reviewed'));
    assert.equal((await diagnose(once)).diagnostics.filter((d) => d.code === 'name-beside-marker').length, 1, 'the other field still has it');

    const everywhere = apply(text, uri, actions[1].edit);
    assert.ok(!everywhere.includes('Kesh'));
    assert.equal(everywhere.length, text.length + 2 * ('<person>'.length - 'Kesh'.length), 'nothing but the two names changed');
    assert.deepEqual((await diagnose(everywhere)).diagnostics.filter((d) => d.code === 'name-beside-marker'), []);
  });

  it('redacts a drifted word with the marker the other field uses, in every value of the record', async () => {
    const text = seed(0);
    const { uri, diagnostics } = await diagnose(text);
    const grassroots = diagnostics.find((d) => d.code === 'redaction-drift' && String(d.message).startsWith('"grassroots"'));
    assert.ok(grassroots);
    const actions = await quickFixes(uri, grassroots);
    assert.deepEqual(actions.map((a) => a.title), ['Redact "grassroots" as <redacted>', 'Redact every "grassroots" in this record as <redacted> (2 places)']);
    const fixed = apply(text, uri, actions[1].edit);
    assert.ok(!fixed.includes('grassroots'));
    const after = (await diagnose(fixed)).diagnostics;
    assert.ok(!after.some((d) => d.code === 'redaction-drift' && String(d.message).startsWith('"grassroots"')));
    assert.equal(after.filter((d) => d.code === 'redaction-drift').length, diagnostics.filter((d) => d.code === 'redaction-drift').length - 2);
  });

  it('offers a name or place in clear redacted as <person>, <LOC> or <redacted>', async () => {
    const text = confidentialWith({ 'Outcome description': 'In 2024, Amal Haddad led women in Mosul; Amal Haddad spoke.' });
    const { uri, diagnostics } = await diagnose(text);
    const [name] = diagnostics.filter((d) => d.code === 'name-in-clear');
    const [place] = diagnostics.filter((d) => d.code === 'place-in-clear');
    assert.deepEqual((await quickFixes(uri, name)).map((a) => a.title), [
      'Redact "Amal Haddad" as <person>',
      'Redact "Amal Haddad" as <redacted>',
      'Redact every "Amal Haddad" in this record as <person> (2 places)',
    ]);
    const placeActions = await quickFixes(uri, place);
    assert.deepEqual(placeActions.map((a) => a.title), ['Redact "Mosul" as <LOC>', 'Redact "Mosul" as <redacted>']);
    assert.ok(apply(text, uri, placeActions[0].edit).includes('led women in <LOC>;'));
  });

  it('leaves every redaction to the person: fix-all changes nothing in a confidential record', async () => {
    for (const text of [seed(0), markedConfidential(seed(1)), confidentialWith({ 'Outcome description': 'Amal Haddad met women in Mosul.' })]) {
      const { uri, diagnostics } = await diagnose(text);
      assert.ok(diagnostics.length > 0);
      assert.deepEqual(await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: [], only: ['source.fixAll'] } }), []);
    }
  });
});
