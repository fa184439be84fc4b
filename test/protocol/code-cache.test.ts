/**
 * dist/server.js starts the server bundle through V8's code cache (server/src/launcher.ts). These tests start the
 * built server over stdio with the cache in a temporary folder: the cache is written, reused, replaced when it does
 * not fit, and never stops the server from working — not even when the file is damaged, or is not a file at all.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SERVER_BUNDLE, startServer } from '../support/lsp-client';
import { withField } from '../support/fixtures';
import { SERVER_NODE_FLAGS } from '../../server/src/node-flags';

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

/** What a start that ended without answering initialize left behind; a hang is ended after 20 s and counts as one. */
interface FailedStart {
  answered: boolean;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One start over raw stdio: sends initialize and waits for its answer or for the process to end. */
function startOnce(cache: string): Promise<FailedStart> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_BUNDLE, '--stdio'], { env: { ...process.env, FRAGMENT_SERVER_CACHE: cache } });
    const initialize = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    child.stdin.on('error', () => undefined); // the server may be gone before it reads
    child.stdin.write(`Content-Length: ${Buffer.byteLength(initialize)}\r\n\r\n${initialize}`);
    let output = '';
    let answered = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!answered && output.includes('"id":1,"result"')) {
        answered = true;
        child.kill();
      }
    });
    child.stderr.resume();
    const hang = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code, signal) => {
      clearTimeout(hang);
      resolve({ answered, code, signal });
    });
  });
}

function withBitFlipped(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] ^= 0x04;
  return copy;
}

/** The cache file's header (server/src/launcher.ts): an 8-byte magic, the SHA-256 of what made it, the SHA-256 of the rest. */
const HEADER_BYTES = 8 + 32 + 32;

describe('a damaged start-up code cache', () => {
  /** A real cache, written by a start of the built server. */
  let good: Buffer;
  let name: string;

  before(async () => {
    const cache = temporaryFolder();
    await checkOnce(cache);
    [name] = cacheFiles(cache);
    good = readFileSync(join(cache, name));
  });

  const middle = () => Math.floor(good.length / 2);
  const damages: [string, (path: string) => void][] = [
    ['one bit flipped in the compiled code', (path) => writeFileSync(path, withBitFlipped(good, middle()))],
    ['4 KB of zeros in the middle', (path) => writeFileSync(path, Buffer.from(good).fill(0, middle(), middle() + 4096))],
    ['cut off halfway', (path) => writeFileSync(path, good.subarray(0, middle()))],
    ['its header damaged', (path) => writeFileSync(path, Buffer.from(good).fill(0xff, 2, 12))],
    ['replaced by random bytes', (path) => writeFileSync(path, randomBytes(good.length))],
    ['a symbolic link to /dev/zero', (path) => symlinkSync('/dev/zero', path)],
    ['a FIFO that nobody writes to', (path) => execFileSync('mkfifo', [path])],
  ];

  for (const [damage, make] of damages) {
    it(`${damage}: the next start checks as usual, and a good cache is written again`, { timeout: 60_000 }, async () => {
      const cache = temporaryFolder();
      const path = join(cache, name);
      make(path);
      const diagnostics = await checkOnce(cache);
      assert.ok(diagnostics.some((d) => d.startsWith('invalid-value')), `checked as usual: ${diagnostics.join(', ')}`);

      assert.ok(lstatSync(path).isFile(), 'a regular file replaced what was there');
      const rewritten = readFileSync(path);
      assert.ok(rewritten.length > 10_000, `the new cache holds compiled code (${rewritten.length} bytes)`);
      const written = statSync(path).mtimeMs;
      assert.deepEqual(await checkOnce(cache), diagnostics, 'the same diagnostics with the new cache');
      assert.equal(statSync(path).mtimeMs, written, 'the new cache was accepted, not written again');
      assert.deepEqual(readdirSync(cache), [name], 'no marker or temporary file is left');
    });
  }

  it('a start that dies with a cache is followed by one without it, which writes a good cache again', { timeout: 120_000 }, async () => {
    // Damage the cache's checksum cannot see (as if V8 itself had written bad code): the checksum is made to match.
    const cache = temporaryFolder();
    const path = join(cache, name);
    const damaged = Buffer.from(good).fill(0, middle(), middle() + 4096);
    createHash('sha256').update(damaged.subarray(HEADER_BYTES)).digest().copy(damaged, HEADER_BYTES - 32);
    writeFileSync(path, damaged);

    const died = await startOnce(cache);
    assert.ok(!died.answered, `V8 dies on such a cache (here: exit code ${died.code}, signal ${died.signal})`);
    const diagnostics = await checkOnce(cache);
    assert.ok(diagnostics.some((d) => d.startsWith('invalid-value')), `the next start checks as usual: ${diagnostics.join(', ')}`);
    assert.notDeepEqual(readFileSync(path), damaged, 'the cache it died with is gone');
    assert.deepEqual(readdirSync(cache), [name], 'the dead start\u2019s marker is gone too');
    const written = statSync(path).mtimeMs;
    assert.ok((await startOnce(cache)).answered, 'the start after that uses the new cache');
    assert.equal(statSync(path).mtimeMs, written, 'the new cache was accepted');
  });
});
