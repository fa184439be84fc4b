/** Code actions over stdio: every quick fix removes its own diagnostic, fix-all, redaction, story conversion, sorting. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from '../support/lsp-client';
import { brokenRecord, seed, withField } from '../support/fixtures';


function apply(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  assert.ok(edit, 'the action has no edit');
  const edits: TextEdit[] = edit.changes?.[uri] ?? (edit.documentChanges ?? []).flatMap((c) => ('edits' in c ? (c.edits as TextEdit[]) : []));
  assert.ok(edits.length > 0, 'the edit changes nothing');
  return TextDocument.applyEdits(TextDocument.create(uri, 'fragment', 1, text), edits);
}

function sameProblem(a: Diagnostic, b: Diagnostic): boolean {
  return a.code === b.code && a.message === b.message;
}

describe('code actions over stdio', () => {
  let client: TestClient;
  let opened = 0;
  /** Opens `text` under a fresh URI and returns its diagnostics. */
  async function diagnose(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = `file:///actions-${++opened}.fragment`;
    const published = client.nextDiagnostics(uri);
    client.open(uri, text);
    return { uri, diagnostics: (await published).diagnostics };
  }
  function codeActions(uri: string, range: Diagnostic['range'], diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }
  const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

  before(async () => {
    client = await startServer();
  });
  after(async () => {
    await client.shutdown();
  });

  it('every quick fix, applied to the text, makes its own diagnostic disappear on revalidation', async () => {
    const text = brokenRecord({ confidential: true });
    const { uri, diagnostics } = await diagnose(text);
    const planted = new Set(diagnostics.map((d) => String(d.code)));
    for (const code of ['invalid-value', 'value-case', 'missing-field', 'unknown-field', 'malformed-field', 'unknown-marker', 'repeated-choice', 'duplicate-field', 'pii']) {
      assert.ok(planted.has(code), `the record has no ${code}`);
    }
    let applied = 0;
    for (const diagnostic of diagnostics) {
      const actions = await codeActions(uri, diagnostic.range, [diagnostic], ['quickfix']);
      assert.ok(actions.length > 0, `no quick fix for ${diagnostic.code}: ${diagnostic.message}`);
      for (const action of actions) {
        assert.equal(action.kind, 'quickfix');
        const after = (await diagnose(apply(text, uri, action.edit))).diagnostics;
        for (const own of action.diagnostics ?? []) {
          const before = diagnostics.filter((d) => sameProblem(d, own)).length;
          assert.ok(after.filter((d) => sameProblem(d, own)).length < before, `"${action.title}" left: ${own.message}`);
        }
        applied++;
      }
    }
    assert.ok(applied >= diagnostics.length, `${applied} fixes for ${diagnostics.length} diagnostics`);
  });

  it('builds the fix from the current text when a client drops diagnostic.data', async () => {
    const text = withField('Scale', '**Scale**: regional');
    const { uri, diagnostics } = await diagnose(text);
    const withoutData = diagnostics.map(({ data: _data, ...rest }) => rest);
    const [action] = await codeActions(uri, withoutData[0].range, withoutData, ['quickfix']);
    assert.equal(action.title, 'Replace "regional" with "Regional"');
    assert.deepEqual((await diagnose(apply(text, uri, action.edit))).diagnostics, []);
  });

  it('source.fixAll.fragments applies every safe fix and leaves nothing it could still fix', async () => {
    const text = brokenRecord({ confidential: true });
    const { uri } = await diagnose(text);
    const actions = await codeActions(uri, whole, [], ['source.fixAll']);
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.fragments']);
    const fixed = apply(text, uri, actions[0].edit);
    const second = await diagnose(fixed);
    const left = new Set(second.diagnostics.map((d) => String(d.code)));
    for (const code of ['value-case', 'malformed-field', 'unknown-marker']) assert.ok(!left.has(code), `${code} left after fix-all`);
    assert.ok(fixed.includes('**Rating significance**: medium') && fixed.includes('**Social actor**: Civic change agents'));
    // Guesses and removals of differing text stay with the person.
    assert.ok(left.has('duplicate-field') && left.has('missing-field') && left.has('pii'));
    assert.ok(fixed.includes('amal@example.org') && fixed.includes('**TypeOfChangeCluster**: Gender'));
    assert.deepEqual(await codeActions(second.uri, whole, [], ['source.fixAll']), [], 'a second fix-all finds nothing');
  });

  it('offers no fix-all on the clean seeds', async () => {
    for (const index of [0, 1] as const) {
      const { uri } = await diagnose(seed(index));
      assert.deepEqual(await codeActions(uri, whole, [], ['source.fixAll.fragments']), []);
    }
  });

  it('redacts a selection as each marker', async () => {
    const text = seed(1);
    const { uri } = await diagnose(text);
    const line = text.split('\n').findIndex((l) => l.startsWith('**Contribution of the programme**'));
    const start = text.split('\n')[line].indexOf('PAX');
    const range = { start: { line, character: start }, end: { line, character: start + 3 } };
    const actions = await codeActions(uri, range, [], ['refactor']);
    assert.deepEqual(actions.map((a) => a.title), ['Redact as <redacted>', 'Redact as <LOC>', 'Redact as <person>']);
    const redacted = apply(text, uri, actions[2].edit);
    assert.ok(redacted.includes('<person> organized a series'));
    assert.deepEqual((await diagnose(redacted)).diagnostics, []);
    assert.deepEqual(await codeActions(uri, { start: range.start, end: range.start }, [], ['refactor']), [], 'nothing without a selection');
  });

  it('converts the unstructured story into a fragment with the story as its description', async () => {
    const story = seed(2);
    const { uri, diagnostics } = await diagnose(story);
    const actions = await codeActions(uri, diagnostics[0].range, diagnostics, ['quickfix']);
    assert.equal(actions.length, 1);
    assert.match(actions[0].title, /^Convert to fragment/);
    const converted = apply(story, uri, actions[0].edit);
    assert.ok(converted.includes(`**Outcome description**: ${story.trim()}`));
    const after = await diagnose(converted);
    assert.ok(!after.diagnostics.some((d) => d.code === 'unstructured'));
    assert.ok(after.diagnostics.some((d) => d.code === 'empty-value'), 'the new fields wait to be filled in');
  });

  it('sorts fields in schema order as a source action and as a command', async () => {
    const lines = seed(1).split('\n');
    const shuffled = [lines[0], lines[10], lines[4], ...lines.slice(1, 4), ...lines.slice(5, 10), ...lines.slice(11)].join('\n');
    const { uri } = await diagnose(shuffled);
    const actions = await codeActions(uri, whole, [], ['source.sortFields.fragments']);
    assert.equal(actions.length, 1);
    assert.equal(apply(shuffled, uri, actions[0].edit), seed(1));

    let applied: WorkspaceEdit | undefined;
    client.connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      applied = params.edit;
      return { applied: true };
    });
    const returned = await client.request<WorkspaceEdit>('workspace/executeCommand', { command: 'fragments.server.sortFields', arguments: [uri] });
    assert.ok(applied, 'the server did not ask the client to apply the edit');
    assert.equal(apply(shuffled, uri, applied), seed(1));
    assert.deepEqual(returned, applied);
  });
});
