/** --init-schema FOLDER: prints a schema inferred from the folder's fragments that the CLI itself accepts. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseWithSchema } from '../../server/src/core';
import { seed } from '../support/fixtures';
import { lint, tempFolder } from './run-cli';

describe('fragment-lint --init-schema', () => {
  let folder: ReturnType<typeof tempFolder>;
  before(() => {
    folder = tempFolder({ 'export/a.fragment': seed(0), 'export/b.fragment': seed(1) });
  });
  after(() => folder.remove());

  it('prints a schema naming every key of the folder, which then checks the folder', () => {
    const run = lint(folder.dir, ['--init-schema', 'export']);
    assert.equal(run.status, 0, run.stderr);
    const schema = JSON.parse(run.stdout) as { fields: { key: string }[] };
    const keys = new Set(schema.fields.map((f) => f.key));
    for (const field of parseWithSchema(seed(0)).fields) assert.ok(keys.has(field.key), field.key);
    writeFileSync(join(folder.dir, 'inferred.json'), run.stdout);
    const check = lint(folder.dir, ['--schema', 'inferred.json', 'export']);
    assert.equal(check.status, 0, check.stdout + check.stderr);
  });

  it('a missing folder is a usage error', () => {
    const run = lint(folder.dir, ['--init-schema', 'nowhere']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /No such file or folder: nowhere/);
  });
});
