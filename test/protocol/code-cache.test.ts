/**
 * dist/server.js starts the server bundle through V8's code cache (server/src/launcher.ts). These tests start the
 * built server over stdio with the cache in a temporary folder: the cache is written, reused, replaced when it does
 * not fit, and never stops the server from working.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startServer } from '../support/lsp-client';
import { withField } from '../support/fixtures';

const folders: string[] = [];
after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'fragment-code-cache-'));
  folders.push(folder);
  return folder;
}

/** Starts the server with the cache in `cache`, checks a record with one known problem, and shuts it down. */
async function checkOnce(cache: string): Promise<string[]> {
  const client = await startServer({ settings: { validationDelay: 0 }, env: { FRAGMENT_SERVER_CACHE: cache } });
  try {
    const uri = 'file:///cache/record.fragment';
    const published = client.nextDiagnostics(uri, 1);
    client.open(uri, withField('Scale', '**Scale**: globl'));
    return (await published).diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`);
  } finally {
    await client.shutdown();
  }
}

const cacheFiles = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.v8cache'));

describe('the server start-up code cache', () => {
  it('is written on the first start and reused, unchanged, by the next', async () => {
    const cache = join(temporaryFolder(), 'nested', 'cache');
    const first = await checkOnce(cache);
    assert.ok(first.some((d) => d.startsWith('invalid-value')), `the record's problem is found: ${first.join(', ')}`);
    const [file] = cacheFiles(cache);
    assert.ok(file, 'a cache file was written');
    const written = statSync(join(cache, file));
    assert.ok(written.size > 10_000, `the cache holds compiled code (${written.size} bytes)`);

    assert.deepEqual(await checkOnce(cache), first, 'the same diagnostics with the cache');
    // A cache that V8 refuses is written again; one it accepts is left alone.
    assert.equal(statSync(join(cache, file)).mtimeMs, written.mtimeMs, 'the cache was accepted, not rewritten');
    assert.deepEqual(cacheFiles(cache), [file]);
  });

  it('replaces a damaged cache and a stale one, and works all the same', async () => {
    const cache = temporaryFolder();
    await checkOnce(cache);
    const [file] = cacheFiles(cache);
    writeFileSync(join(cache, file), Buffer.from('not compiled code at all'.repeat(100)));
    writeFileSync(join(cache, 'server-main.0123456789abcdef0123456789abcdef.v8cache'), 'from an older version');

    const diagnostics = await checkOnce(cache);
    assert.ok(diagnostics.some((d) => d.startsWith('invalid-value')), `checked as usual: ${diagnostics.join(', ')}`);
    assert.deepEqual(cacheFiles(cache), [file], 'the older version\u2019s cache is gone');
    assert.notEqual(readFileSync(join(cache, file)).toString('latin1', 0, 24), 'not compiled code at all', 'the damaged cache was rewritten');
  });

  it('is skipped when its folder cannot be made, or when turned off', async () => {
    const blocker = join(temporaryFolder(), 'a-file');
    writeFileSync(blocker, 'a file where the cache folder would go');
    const diagnostics = await checkOnce(join(blocker, 'cache'));
    assert.ok(diagnostics.some((d) => d.startsWith('invalid-value')), `checked as usual: ${diagnostics.join(', ')}`);

    const off = await checkOnce('');
    assert.deepEqual(off, diagnostics);
  });
});
