/**
 * The one fix pipeline (issue 14) through the built server over stdio and the built fragment-lint: for every kind of
 * fix data, the editor's quick fixes are the fix table's fixes, and the editor's Fix All, the light bulb's Fix All
 * once resolved, and `fragment-lint --fix` all write what the one safe fix writes, or leave the file alone when no
 * fix is safe.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { getDefaultSchema, parseWithSchema, type FixData } from '../../server/src/core';
import { fixesFor } from '../../server/src/core/features/fixes';
import { lint, tempFolder } from '../cli/run-cli';
import { FIX_SAMPLES, UNSAFE_SAMPLES } from '../support/fix-samples';
import { startServer, type TestClient } from '../support/lsp-client';

const FIX_ALL = 'source.fixAll.fragments';
const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const schema = getDefaultSchema();

function apply(text: string, uri: string, action: CodeAction | undefined): string {
  const edits = (action?.edit?.changes?.[uri] ?? []) as TextEdit[];
  return TextDocument.applyEdits(TextDocument.create(uri, 'fragment', 1, text), edits);
}

describe('one fix pipeline: quick fixes, Fix All and fragment-lint --fix', () => {
  let client: TestClient;
  let folder: ReturnType<typeof tempFolder>;
  const samples = Object.entries(FIX_SAMPLES) as [FixData['fix'], (typeof FIX_SAMPLES)[FixData['fix']]][];
  const unsafe = UNSAFE_SAMPLES.filter((s) => !s.schema);

  before(async () => {
    client = await startServer();
    // The CLI runs once over a folder of every sample, as CI would.
    folder = tempFolder({
      ...Object.fromEntries(samples.map(([kind, sample]) => [`${kind}.fragment`, sample.text])),
      ...Object.fromEntries(unsafe.map((sample, index) => [`unsafe-${index}.fragment`, sample.text])),
    });
    lint(folder.dir, ['--fix']);
  });
  after(async () => {
    folder.remove();
    await client.shutdown();
  });

  async function open(name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = `file:///pipeline-${name}.fragment`;
    const published = client.nextDiagnostics(uri);
    client.open(uri, text);
    return { uri, diagnostics: (await published).diagnostics };
  }
  function codeActions(uri: string, range: Diagnostic['range'], diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }

  for (const [kind, sample] of samples) {
    it(`${kind}: the quick fixes, Fix All (asked for and from the light bulb) and --fix agree (${sample.code})`, async () => {
      const { uri, diagnostics } = await open(kind, sample.text);
      const diagnostic = diagnostics.find((d) => d.code === sample.code);
      assert.ok(diagnostic, `no ${sample.code} published`);
      const fixes = fixesFor({ document: parseWithSchema(sample.text, schema), schema }, diagnostic);
      const quick = await codeActions(uri, diagnostic.range, [diagnostic], ['quickfix']);
      assert.deepEqual(quick.map((a) => a.title), fixes.map((f) => f.title));

      const expected = sample.fixed ?? sample.text;
      const safe = fixes.find((f) => f.safe);
      if (safe) assert.equal(apply(sample.text, uri, quick.find((a) => a.title === safe.title)), expected, 'the safe quick fix');
      const [fixAll, ...others] = await codeActions(uri, whole, [], [FIX_ALL]);
      assert.deepEqual(others, []);
      assert.equal(apply(sample.text, uri, fixAll), expected, 'Fix All');
      // The light bulb offers Fix All (without its edit) only where a fix can be safe.
      const lazy = (await codeActions(uri, whole, [])).find((a) => a.kind === FIX_ALL);
      assert.equal(lazy !== undefined, safe !== undefined, 'Fix All in the light bulb');
      if (lazy) assert.equal(apply(sample.text, uri, await client.request<CodeAction>('codeAction/resolve', lazy)), expected, 'Fix All resolved');
      assert.equal(readFileSync(join(folder.dir, `${kind}.fragment`), 'utf8'), expected, 'fragment-lint --fix');
    });
  }

  it('neither Fix All nor --fix applies a fix that needs a person', async () => {
    for (const [index, sample] of unsafe.entries()) {
      const { uri, diagnostics } = await open(`unsafe-${index}`, sample.text);
      const diagnostic = diagnostics.find((d) => d.code === sample.code);
      assert.ok(diagnostic, `no ${sample.code} published`);
      assert.ok((await codeActions(uri, diagnostic.range, [diagnostic], ['quickfix'])).length > 0, `${sample.code}: a quick fix is offered`);
      assert.deepEqual(await codeActions(uri, whole, [], [FIX_ALL]), [], `${sample.code}: ${sample.why}`);
      assert.equal(readFileSync(join(folder.dir, `unsafe-${index}.fragment`), 'utf8'), sample.text, `${sample.code}: ${sample.why}`);
    }
  });
});
