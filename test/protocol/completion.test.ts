/** Completion over stdio: keys, values, multi-choice items, flags, years, workspace values, markers, templates. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from '../support/lsp-client';
import { seed, VALID_RECORD, withField } from '../support/fixtures';

describe('completion over stdio', () => {
  let client: TestClient;
  let opened = 0;
  async function completeAt(text: string, line: number, character: number): Promise<CompletionItem[]> {
    const uri = `file:///complete-${++opened}.fragment`;
    const published = client.nextDiagnostics(uri);
    client.open(uri, text);
    await published;
    const result = await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    return Array.isArray(result) ? result : (result?.items ?? []);
  }
  const labels = (items: CompletionItem[]) => items.map((i) => i.label);
  const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));

  before(async () => {
    client = await startServer();
  });
  after(async () => {
    await client.shutdown();
  });

  it('after **Scale**: offers the allowed values with their meaning, as plain text for this client', async () => {
    const text = withField('Scale', '**Scale**: ');
    const items = await completeAt(text, 10, '**Scale**: '.length);
    assert.deepEqual(labels(sorted(items)), ['Local', 'Regional', 'National', 'International', 'Global']);
    assert.equal(items[0].documentation, 'A village, neighbourhood, town or district.');
    // The one space after the colon is there: the edit starts after it, so it stays inside an empty snippet tab stop.
    const edit = items.find((i) => i.label === 'National')?.textEdit as { newText: string; range: { start: { character: number } } };
    assert.equal(edit.newText, 'National');
    assert.equal(edit.range.start.character, '**Scale**: '.length);
    const unspaced = await completeAt(withField('Scale', '**Scale**:'), 10, '**Scale**:'.length);
    const spacedEdit = unspaced.find((i) => i.label === 'National')?.textEdit as { newText: string; range: { start: { character: number } } };
    assert.equal(spacedEdit.newText, ' National', 'without a space after the colon the edit writes one');
    assert.equal(spacedEdit.range.start.character, '**Scale**:'.length);
  });

  it('at the start of a new line offers the keys the record lacks, required first', async () => {
    const text = withField('Scale', null, withField('Social actor', null)) + '\n';
    const lines = text.split('\n');
    const items = sorted(await completeAt(text, lines.length - 1, 0));
    assert.deepEqual(labels(items).slice(0, 2), ['Scale', 'Social actor']);
    assert.ok(!labels(items).includes('Year'), 'Year is already there');
    assert.equal((items[0].textEdit as { newText: string }).newText, '**Scale**: ');
    assert.equal(items[0].insertTextFormat, 1, 'plain text: this client has no snippet support');
    const afterStars = await completeAt(`${text}**Sc`, lines.length - 1, 4);
    assert.ok(labels(afterStars).includes('Scale'));
  });

  it('after a comma in a multi-choice field offers only the items not chosen yet', async () => {
    const text = withField('MCQType of change', '**MCQType of change**: New structure, ');
    const line = text.split('\n').findIndex((l) => l.startsWith('**MCQType'));
    const items = await completeAt(text, line, '**MCQType of change**: New structure, '.length);
    assert.deepEqual(labels(sorted(items)), ['Gender transformative', 'Seeking public support']);
  });

  it('offers YES and NO for a flag, this year and last year for Year', async () => {
    const flag = withField('Outcome is negative', '**Outcome is negative**: ');
    const flagLine = flag.split('\n').findIndex((l) => l.startsWith('**Outcome is negative'));
    assert.deepEqual(labels(sorted(await completeAt(flag, flagLine, '**Outcome is negative**: '.length))), ['YES', 'NO']);
    const year = withField('Year', '**Year**: ');
    const now = new Date().getFullYear();
    assert.deepEqual(labels(sorted(await completeAt(year, 4, '**Year**: '.length))), [String(now), String(now - 1)]);
  });

  it('offers values of an open list used in other open fragment files', async () => {
    const other = `file:///other-${++opened}.fragment`;
    const published = client.nextDiagnostics(other);
    client.open(other, withField('Social actor', '**Social actor**: Women-led youth groups'));
    await published;
    const text = withField('Social actor', '**Social actor**: ');
    const items = await completeAt(text, 9, '**Social actor**: '.length);
    const used = items.find((i) => i.label === 'Women-led youth groups');
    assert.ok(used, `not offered: ${labels(items).join(', ')}`);
    assert.equal(used.detail, 'used in 1 other file');
    assert.ok(labels(items).includes('Civic change agents'), 'the schema values stay');
  });

  it('offers the redaction markers after <', async () => {
    const text = withField('Outcome description', '**Outcome description**: Led by <');
    const items = await completeAt(text, 5, '**Outcome description**: Led by <'.length);
    assert.deepEqual(labels(items), ['<redacted>', '<LOC>', '<person>']);
  });

  it('offers whole-record templates in an empty file', async () => {
    const items = await completeAt('', 0, 0);
    const templates = items.filter((i) => i.label.startsWith('Fragment: '));
    assert.deepEqual(labels(templates), ['Fragment: Empty fragment', 'Fragment: Substantiated outcome', 'Fragment: Negative outcome']);
    // The first one, which Enter picks, answers nothing; the others say which answers they fill in.
    assert.equal(templates[0].detail, 'whole record, every value empty');
    assert.match(templates[1].detail ?? '', /fills in .*The change was unintended: NO/);
    const record = (templates[1].textEdit as { newText: string }).newText;
    assert.ok(record.startsWith('**FragmentID**: \n**Outcome status**: Outcome\n'));
    assert.equal(record.trimEnd().split('\n').length, VALID_RECORD.split('\n').length);
  });

  it('offers templates only where a record can start: after a record, not inside one, never at a value', async () => {
    const isTemplate = (i: CompletionItem) => i.label.startsWith('Fragment: ');
    const afterRecord = `${VALID_RECORD}\n\n`;
    assert.ok((await completeAt(afterRecord, afterRecord.split('\n').length - 1, 0)).some(isTemplate), 'after the last record');
    const betweenLines = VALID_RECORD.split('\n');
    const inside = [...betweenLines.slice(0, 3), '', ...betweenLines.slice(3)].join('\n');
    assert.ok(!(await completeAt(inside, 3, 0)).some(isTemplate), 'a blank line inside a record would split it');
    const atValue = withField('Scale', '**Scale**: ');
    assert.ok(!(await completeAt(atValue, 10, '**Scale**: '.length)).some(isTemplate), 'at a value');
  });

  it('a key opens its value list next for a client that lists editor.action.triggerSuggest, with an empty value', async () => {
    const vscodeLike = await startServer({
      capabilities: {
        textDocument: { completion: { completionItem: { snippetSupport: true } } },
        experimental: { commands: { commands: ['editor.action.triggerSuggest'] } },
      },
    });
    try {
      const uri = 'file:///complete-commands.fragment';
      const published = vscodeLike.nextDiagnostics(uri);
      vscodeLike.open(uri, '**FragmentID**: SCC-<redacted>/PHR012\n');
      await published;
      const result = await vscodeLike.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } });
      const items = Array.isArray(result) ? result : (result?.items ?? []);
      const scale = items.find((i) => i.label === 'Scale');
      assert.equal((scale?.textEdit as { newText: string }).newText, '**Scale**: ');
      assert.deepEqual(scale?.command, { title: 'Show the allowed values', command: 'editor.action.triggerSuggest' });
      // This suite's client lists no commands: its items carry none.
      const plain = await completeAt('**FragmentID**: SCC-<redacted>/PHR012\n', 1, 0);
      assert.ok(plain.every((i) => i.command === undefined));
    } finally {
      await vscodeLike.shutdown();
    }
  });

  it('answers on the real seeds without error, and nothing inside free text', async () => {
    const text = seed(0);
    const items = await completeAt(text, 5, 40);
    assert.deepEqual(items, []);
  });
});
