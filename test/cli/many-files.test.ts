/**
 * A folder checked by the worker pool (asked for with FRAGMENT_LINT_THREADS, as this machine may be below the rule
 * that starts workers on its own) and on one thread: same results as the core, in a stable order, duplicates found
 * across threads.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { validate } from '../../server/src/core';
import { seed, withField } from '../support/fixtures';
import { lint, tempFolder, type JsonFile } from './run-cli';

const COUNT = 150;
const name = (i: number) => `batch-${Math.floor(i / 50)}/record-${String(i).padStart(3, '0')}.fragment`;
/** Every file its own ID and a value problem that varies; the first and the last share an ID. */
function text(i: number): string {
  const id = i === COUNT - 1 ? 'SCC-1/R000' : `SCC-1/R${String(i).padStart(3, '0')}`;
  const year = i % 3 === 0 ? '20x4' : String(2000 + (i % 20));
  return withField('Year', `**Year**: ${year}`, withField('FragmentID', `**FragmentID**: ${id}`, seed(i % 2 === 0 ? 0 : 1)));
}

describe('fragment-lint on many files', () => {
  let folder: ReturnType<typeof tempFolder>;
  before(() => {
    folder = tempFolder(Object.fromEntries(Array.from({ length: COUNT }, (_, i) => [name(i), text(i)])));
  });
  after(() => folder.remove());

  const POOL = { FRAGMENT_LINT_THREADS: '3' };

  it('reports every file in sorted order with the core diagnostics, the same on every run and with or without workers', () => {
    const first = lint(folder.dir, ['--format', 'json'], POOL);
    const second = lint(folder.dir, ['--format', 'json'], POOL);
    assert.equal(first.stdout, second.stdout, 'deterministic output');
    assert.equal(lint(folder.dir, ['--format', 'json'], { FRAGMENT_LINT_THREADS: '1' }).stdout, first.stdout, 'one thread: the same report');
    assert.equal(lint(folder.dir, ['--format', 'json']).stdout, first.stdout, 'the default: the same report');
    const files = JSON.parse(first.stdout) as JsonFile[];
    assert.deepEqual(
      files.map((f) => f.file),
      Array.from({ length: COUNT }, (_, i) => name(i)),
    );
    for (let i = 1; i < COUNT - 1; i++) {
      assert.deepEqual(
        files[i].diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`),
        validate(text(i)).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`),
        name(i),
      );
    }
  });

  it('finds a FragmentID shared by the first and the last file, whichever threads checked them', () => {
    const files = JSON.parse(lint(folder.dir, ['--format', 'json'], POOL).stdout) as JsonFile[];
    const dup = (i: number) => files[i].diagnostics.filter((d) => d.code === 'duplicate-id');
    assert.equal(dup(0).length, 1);
    assert.match(dup(0)[0].message, new RegExp(`line 1 of ${name(COUNT - 1).replace(/[./]/g, '\\$&')}`));
    assert.equal(dup(COUNT - 1).length, 1);
    assert.equal(files.reduce((n, f) => n + f.diagnostics.filter((d) => d.code === 'duplicate-id').length, 0), 2);
  });
});
