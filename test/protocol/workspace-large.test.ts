/**
 * A workspace of 100,000 fragment files is indexed whole: a FragmentID used by the first file and by the last one is
 * reported in the first as soon as the background scan reaches the last (it stopped at 20,000 files before).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from '../support/lsp-client';

const FILES = 100_000;

describe('a workspace of 100,000 fragment files', () => {
  let root: string;
  let client: TestClient;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'fragment-large-workspace-'));
    for (let folder = 0; folder < FILES / 1000; folder++) {
      const dir = join(root, `f${String(folder).padStart(3, '0')}`);
      mkdirSync(dir);
      for (let i = 0; i < 1000; i++) {
        const n = folder * 1000 + i;
        const id = n === 0 || n === FILES - 1 ? 'WS-FIRST/LAST' : `WS-${n}/A`;
        writeFileSync(join(dir, `r${String(n).padStart(6, '0')}.fragment`), `**FragmentID**: ${id}\n**Scale**: Local\n`);
      }
    }
  });
  after(async () => {
    await client?.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it('finds a duplicate ID between the first file and the last', { timeout: 600_000 }, async () => {
    client = await startServer({ rootUri: pathToFileURL(root).href });
    const first = join(root, 'f000', 'r000000.fragment');
    const uri = pathToFileURL(first).href;
    const found = new Promise<PublishDiagnosticsParams>((resolve) =>
      client.onDiagnostics((p) => {
        if (p.uri === uri && p.diagnostics.some((d) => d.code === 'duplicate-id')) resolve(p);
      }),
    );
    client.open(uri, readFileSync(first, 'utf8'));
    const { diagnostics } = await found;
    const duplicate = diagnostics.find((d) => d.code === 'duplicate-id');
    assert.match(String(duplicate?.message), /f099\/r099999\.fragment/);
    assert.ok(!client.logs.some((l) => /were not indexed|are left out/.test(l)), client.logs.join('\n'));
  });
});
