/**
 * The one definition of a fragment file (core/fragment-file.ts) and the one folder walk (files/discover.ts), as a
 * library: the editor's `firstLine` is the same expression, and the synchronous and asynchronous walks agree.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FRAGMENT_FIRST_LINE, isFragmentFile, textStartsWithFragmentId } from '../../server/src/core/fragment-file';
import { findFragmentFiles, findFragmentFilesAsync } from '../../server/src/files';
import { nodeFiles, nodeFilesSync } from '../../server/src/host/node';
import { readRegularFileSync } from '../../server/src/host/node-read';

const POSIX = process.platform !== 'win32';

describe('which files are fragment files', () => {
  it("is package.json's firstLine, the expression the editor uses before any extension code runs", () => {
    const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as { contributes: { languages: { id: string; firstLine?: string }[] } };
    assert.equal(manifest.contributes.languages.find((l) => l.id === 'fragment')?.firstLine, FRAGMENT_FIRST_LINE.source);
  });

  it('by content: the first non-empty line is a FragmentID field (a byte-order mark and blank lines first are allowed)', () => {
    for (const text of ['**FragmentID**: X', '\uFEFF**FragmentID**: X', '\n\n  \n**FragmentID**: X', '\r\n**FragmentID **: X', '**FragmentID**:']) {
      assert.equal(textStartsWithFragmentId(text), true, JSON.stringify(text));
    }
    for (const text of ['', 'Notes\n**FragmentID**: X', ' **FragmentID**: X', '**Fragment ID**: X', '**FragmentID** X', `${'\n'.repeat(50)}**FragmentID**: X`]) {
      assert.equal(textStartsWithFragmentId(text), false, JSON.stringify(text));
    }
  });

  it('by name whatever the content; by content only for .txt and .md, and only with detectByContent', () => {
    assert.equal(isFragmentFile('a.fragment', 'anything'), true);
    assert.equal(isFragmentFile('A.FRAGMENT.MD', ''), true);
    assert.equal(isFragmentFile('export.txt', '**FragmentID**: X'), true);
    assert.equal(isFragmentFile('export.md', '**FragmentID**: X'), true);
    assert.equal(isFragmentFile('export.txt', '**FragmentID**: X', false), false);
    assert.equal(isFragmentFile('export.json', '**FragmentID**: X'), false);
    assert.equal(isFragmentFile('notes.txt', 'Notes'), false);
  });
});

describe('the folder walk', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'fragment-walk-'));
    mkdirSync(join(dir, 'team/records'), { recursive: true });
    mkdirSync(join(dir, 'team/node_modules'), { recursive: true });
    writeFileSync(join(dir, 'team/records/z.fragment'), '**FragmentID**: Z\n');
    writeFileSync(join(dir, 'team/records/export.txt'), '**FragmentID**: E\n');
    writeFileSync(join(dir, 'team/records/notes.md'), '# Notes\n');
    writeFileSync(join(dir, 'team/node_modules/skipped.fragment'), '');
    writeFileSync(join(dir, 'elsewhere.fragment'), '');
    if (POSIX) {
      symlinkSync('z.fragment', join(dir, 'team/records/a-link.fragment')); // sorts before the file it leads to
      symlinkSync('records', join(dir, 'team/a-records')); // the folder again, sorted first
      symlinkSync('..', join(dir, 'team/records/up')); // a circle
      symlinkSync(join(dir, 'elsewhere.fragment'), join(dir, 'team/out.fragment'));
      symlinkSync(join(dir, 'gone.fragment'), join(dir, 'team/broken.fragment'));
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lists each file once by its own path, skips node_modules, and names the link it did not follow', { skip: !POSIX && 'needs symbolic links' }, async () => {
    const team = join(dir, 'team');
    const found = findFragmentFiles(nodeFilesSync, [team]);
    assert.deepEqual(found.files, [join(team, 'records/export.txt'), join(team, 'records/z.fragment')]);
    assert.deepEqual(
      found.skipped.map((s) => [s.path, s.kind]),
      [[join(team, 'out.fragment'), 'outside']],
    );
    assert.deepEqual(await findFragmentFilesAsync(nodeFiles, [team]), found);
  });

  it('the folders named are the limits: a link into a second folder named is followed', { skip: !POSIX && 'needs symbolic links' }, () => {
    const found = findFragmentFiles(nodeFilesSync, [join(dir, 'team'), dir]);
    assert.ok(found.files.includes(join(dir, 'elsewhere.fragment')));
    assert.ok(!found.files.includes(join(dir, 'team/out.fragment')), 'the file is listed by its own path');
    assert.deepEqual(found.skipped, []);
  });

  it('stops at maxFiles and says so', () => {
    const found = findFragmentFiles(nodeFilesSync, [join(dir, 'team')], { maxFiles: 1 });
    assert.equal(found.files.length, 1);
    assert.equal(found.truncated, true);
  });

  it('reads a regular file only up to its limit, whatever size it reports', { skip: !POSIX && 'needs /dev/zero' }, () => {
    assert.deepEqual(readRegularFileSync('/dev/zero', 10), { ok: false, reason: 'is not a regular file (it is a device), so it was not read' });
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'x'.repeat(11));
    assert.deepEqual(readRegularFileSync(big, 10), { ok: false, reason: 'is larger than 10 bytes, so it was not read' });
    const read = readRegularFileSync(big, 11);
    assert.ok(read.ok && read.bytes.length === 11);
  });
});
