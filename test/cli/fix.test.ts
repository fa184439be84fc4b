/** --fix and --fix-dry-run of the built fragment-lint: safe fixes only, reported, idempotent, nothing else touched. */
import assert from 'node:assert/strict';
import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { applyPatch, parsePatch } from 'diff';
import { validate } from '../../server/src/core';
import { seed, withField } from '../support/fixtures';
import { lint, tempFolder, type JsonFile } from './run-cli';

/** Fixable: a value's case, a malformed field line; not fixable by a safe fix: an invalid year. */
const FIXED = withField('Scale', '**Scale**: Local', seed(1));
const FIXABLE = withField('Outcome status', 'Outcome status: Outcome', withField('Scale', '**Scale**: local', FIXED));
const MIXED = withField('Year', '**Year**: 20x4', FIXABLE).replace(/\n/g, '\r\n');

describe('fragment-lint --fix', () => {
  let folder: ReturnType<typeof tempFolder>;
  const read = (name: string) => readFileSync(join(folder.dir, name), 'utf8');
  beforeEach(() => {
    folder = tempFolder({ 'fixable.fragment': FIXABLE, 'mixed.fragment': MIXED, 'clean.fragment': seed(0), 'bom.fragment': `\uFEFF${FIXABLE}` });
  });
  afterEach(() => folder.remove());

  it('applies the safe fixes, reports them, and leaves only problems it cannot fix safely', () => {
    const before = validate(FIXABLE).map((d) => d.code);
    assert.ok(before.includes('value-case') && before.includes('malformed-field'), before.join());
    const run = lint(folder.dir, ['--fix']);
    // Every problem of the file goes: the two fixed ones and the missing field the malformed line hid.
    assert.match(run.stderr, new RegExp(`Fixed ${before.length} problems in fixable\\.fragment\\.`));
    assert.deepEqual(validate(read('fixable.fragment')), []);
    assert.equal(read('fixable.fragment'), FIXED);
    assert.equal(read('clean.fragment'), seed(0), 'a clean file is not rewritten');
    assert.deepEqual(validate(read('mixed.fragment')).map((d) => d.code), ['invalid-value']);
    assert.equal(run.status, 1, 'the invalid year remains an error');
  });

  it('keeps line endings and the byte-order mark, and loses no text', () => {
    lint(folder.dir, ['--fix']);
    assert.equal(read('mixed.fragment'), withField('Year', '**Year**: 20x4', FIXED).replace(/\n/g, '\r\n'));
    assert.equal(read('bom.fragment'), `\uFEFF${FIXED}`);
  });

  it('is idempotent: a second --fix changes nothing and reports nothing fixed', () => {
    lint(folder.dir, ['--fix']);
    const once = ['fixable.fragment', 'mixed.fragment', 'clean.fragment', 'bom.fragment'].map(read);
    const second = lint(folder.dir, ['--fix']);
    assert.doesNotMatch(second.stderr, /Fixed/);
    assert.deepEqual(['fixable.fragment', 'mixed.fragment', 'clean.fragment', 'bom.fragment'].map(read), once);
  });

  it('--fix-dry-run prints a unified diff that turns each file into what --fix writes, and changes no file', () => {
    const run = lint(folder.dir, ['--fix-dry-run']);
    assert.equal(read('fixable.fragment'), FIXABLE, 'nothing written');
    assert.match(run.stdout, /^--- a\/fixable\.fragment$/m);
    assert.match(run.stdout, /^-\*\*Scale\*\*: local$/m);
    assert.match(run.stdout, /^\+\*\*Scale\*\*: Local$/m);
    assert.match(run.stderr, /Safe fixes would change 3 files/);
    const patch = parsePatch(run.stdout).find((p) => p.oldFileName === 'a/fixable.fragment');
    assert.ok(patch);
    const patched = applyPatch(FIXABLE, patch);
    lint(folder.dir, ['--fix']);
    assert.equal(patched, read('fixable.fragment'));
  });

  it('writes each file in one step: a reader of the old file sees all of it, the mode is kept, no temporary file is left', () => {
    const path = join(folder.dir, 'fixable.fragment');
    chmodSync(path, 0o640);
    const reader = openSync(path, 'r'); // e.g. a sync client in the middle of reading the file
    try {
      const run = lint(folder.dir, ['--fix']);
      assert.match(run.stderr, /Fixed \d+ problems in fixable\.fragment\./);
      assert.equal(read('fixable.fragment'), FIXED);
      const seen = Buffer.alloc(FIXABLE.length + 100);
      const length = readSync(reader, seen, 0, seen.length, 0);
      assert.equal(seen.subarray(0, length).toString('utf8'), FIXABLE, 'the old file was replaced whole, not rewritten in place');
    } finally {
      closeSync(reader);
    }
    assert.equal(statSync(path).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(folder.dir).sort(), ['bom.fragment', 'clean.fragment', 'fixable.fragment', 'mixed.fragment']);
  });

  it('a read-only file is not fixed: it is reported, left as it is, and its problems are those on disk', () => {
    const path = join(folder.dir, 'fixable.fragment');
    chmodSync(path, 0o444);
    const run = lint(folder.dir, ['--fix', '--format', 'json']);
    assert.equal(run.status, 2, 'a file that could not be written is a file error');
    assert.match(run.stderr, /fixable\.fragment could not be written \(the file is read-only\), so it was not fixed\./);
    assert.doesNotMatch(run.stderr, /Fixed .* in fixable\.fragment/);
    assert.match(run.stderr, /Fixed \d+ problems in mixed\.fragment\./, 'the other files are still fixed');
    assert.equal(read('fixable.fragment'), FIXABLE);
    const reported = (JSON.parse(run.stdout) as JsonFile[]).find((f) => f.file === 'fixable.fragment')!;
    assert.deepEqual(
      reported.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`),
      validate(FIXABLE).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`),
    );
    assert.ok(reported.diagnostics.length > 0);
  });

  it('never writes through a link to a file outside the folders being checked; a link inside is followed and stays a link', () => {
    const outside = tempFolder({ 'theirs.fragment': FIXABLE });
    try {
      mkdirSync(join(folder.dir, 'links'));
      symlinkSync(join(outside.dir, 'theirs.fragment'), join(folder.dir, 'links', 'away.fragment'));
      symlinkSync(join(folder.dir, 'fixable.fragment'), join(folder.dir, 'links', 'near.fragment'));
      const run = lint(folder.dir, ['--fix']);
      assert.equal(readFileSync(join(outside.dir, 'theirs.fragment'), 'utf8'), FIXABLE, 'the file outside is untouched');
      assert.match(run.stderr, /links\/away\.fragment is a link to .*theirs\.fragment, outside the folders checked, so it was not followed\./);
      assert.equal(read('fixable.fragment'), FIXED);
      assert.ok(lstatSync(join(folder.dir, 'links', 'near.fragment')).isSymbolicLink(), 'the link inside is still a link');
      // Named on its own, the link is still outside the folder being checked (links/).
      const named = lint(folder.dir, ['--fix', 'links/away.fragment', 'clean.fragment']);
      assert.match(named.stderr, /away\.fragment is a link to a file outside the folders being checked, so it was not read and not fixed\./);
      assert.equal(readFileSync(join(outside.dir, 'theirs.fragment'), 'utf8'), FIXABLE);
      // Checking the outside folder itself is fine.
      lint(outside.dir, ['--fix']);
      assert.equal(readFileSync(join(outside.dir, 'theirs.fragment'), 'utf8'), FIXED);
    } finally {
      outside.remove();
    }
  });
});
