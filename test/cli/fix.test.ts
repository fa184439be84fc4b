/** --fix and --fix-dry-run of the built fragment-lint: safe fixes only, reported, idempotent, nothing else touched. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { applyPatch, parsePatch } from 'diff';
import { validate } from '../../server/src/core';
import { seed, withField } from '../support/fixtures';
import { lint, tempFolder } from './run-cli';

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
});
