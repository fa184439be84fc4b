/** Formatting over stdio: canonical field lines, idempotent, line endings kept, no value character lost or moved. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { getDefaultSchema, parseWithSchema } from '../../server/src/core';
import { startServer, type TestClient } from '../support/lsp-client';
import { seed, VALID_RECORD } from '../support/fixtures';
import { fieldValue } from '../../server/src/core/parser';

/** VALID_RECORD made untidy the ways people and exports do it, with Windows line endings. */
function messy(): string {
  return VALID_RECORD.split('\n')
    .map((line) => line.replace('**Scale**: Regional', '**scale**:Regional   ').replace('**Year**: 2024', '**Year**:     2024\t'))
    .map((line) => line.replace('**Outcome description**: ', '**Outcome description**:   ').replace(/(organisations\.)$/, '$1  \r\n   second line of it,   \r\n\t\r\n  third.  '))
    .join('\r\n')
    .concat('\r\n');
}

/** Every value's non-space characters, in order, record by record. */
function valueCharacters(text: string): string[] {
  return parseWithSchema(text, getDefaultSchema()).fields.map((f) => fieldValue(f).replace(/\s+/g, ''));
}

describe('formatting over stdio', () => {
  let client: TestClient;
  let opened = 0;
  async function format(text: string): Promise<{ edits: TextEdit[]; result: string }> {
    const uri = `file:///format-${++opened}.fragment`;
    const published = client.nextDiagnostics(uri);
    client.open(uri, text);
    await published;
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    return { edits, result: TextDocument.applyEdits(TextDocument.create(uri, 'fragment', 1, text), edits) };
  }

  before(async () => {
    client = await startServer();
  });
  after(async () => {
    await client.shutdown();
  });

  it('writes canonical field lines and keeps every line ending', async () => {
    const text = messy();
    const { result } = await format(text);
    const lines = result.split('\r\n');
    assert.ok(lines.includes('**Scale**: Regional'));
    assert.ok(lines.includes('**Year**: 2024'));
    assert.ok(lines.some((l) => l.startsWith('**Outcome description**: In 2024')));
    assert.ok(lines.includes('   second line of it,'), 'continuation lines keep their indentation, lose trailing space');
    assert.ok(lines.every((l) => l === l.trimEnd()), 'no trailing white space');
    assert.equal(result.split('\r\n').length, text.split('\r\n').length, 'same lines, same CRLF endings');
    assert.ok(!/(^|[^\r])\n/.test(result), 'no bare LF introduced');
  });

  it('formatting twice equals formatting once', async () => {
    for (const text of [messy(), seed(0), seed(1), seed(2)]) {
      const once = (await format(text)).result;
      const twice = await format(once);
      assert.deepEqual(twice.edits, [], 'the second pass finds nothing to change');
      assert.equal(twice.result, once);
    }
  });

  it('never loses or reorders a non-space character of a value', async () => {
    for (const text of [messy(), seed(0), seed(1)]) {
      const { result } = await format(text);
      assert.deepEqual(valueCharacters(result), valueCharacters(text));
    }
    const story = seed(2);
    assert.equal((await format(story)).result.replace(/\s+/g, ''), story.replace(/\s+/g, ''));
  });
});
