/** Hover over stdio: a key's purpose, presence and rule; a value's meaning; a marker's meaning. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from '../support/lsp-client';
import { seed } from '../support/fixtures';

describe('hover over stdio', () => {
  let client: TestClient;
  const uri = 'file:///hover.fragment';
  const text = seed(0);
  const lines = text.split('\n');
  const lineOf = (key: string) => lines.findIndex((l) => l.startsWith(`**${key}`));
  const hoverAt = (line: number, character: number) =>
    client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  const value = (hover: Hover | null) => (hover?.contents as MarkupContent).value;

  before(async () => {
    client = await startServer();
    const published = client.nextDiagnostics(uri);
    client.open(uri, text);
    await published;
  });
  after(async () => {
    await client.shutdown();
  });

  it('on a key: what the field is for, whether it is required, and the allowed values', async () => {
    const hover = await hoverAt(lineOf('Scale'), 4);
    assert.equal((hover?.contents as MarkupContent).kind, 'markdown');
    const shown = value(hover);
    assert.match(shown, /How far the change reaches/);
    assert.match(shown, /Required/);
    assert.match(shown, /`Regional` — A province or region/);
    assert.deepEqual(hover?.range?.start, { line: lineOf('Scale'), character: 0 });
  });

  it('on a value: what the value means', async () => {
    const line = lineOf('Rating significance');
    assert.match(value(await hoverAt(line, lines[line].length - 2)), /`medium` — A clear change with some wider effect/);
    const flagLine = lineOf('The change was unintended');
    assert.match(value(await hoverAt(flagLine, lines[flagLine].length - 1)), /`YES` — Yes/);
  });

  it('on a marker: what it stands for', async () => {
    const line = lineOf('Outcome description');
    const at = lines[line].indexOf('<LOC>') + 2;
    const hover = await hoverAt(line, at);
    assert.match(value(hover), /redaction marker/);
    assert.match(value(hover), /place name/);
  });

  it('nothing on plain free text', async () => {
    assert.equal(await hoverAt(lineOf('Outcome description'), 60), null);
  });
});
