/**
 * --init-schema FOLDER: prints a schema inferred from the folder's fragments. It extends the built-in schema, learns
 * only what the built-in schema does not reject, and reports the rest (the folder's typos) as suspects.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse as parseJsonc } from 'jsonc-parser';
import type { SchemaData } from '../../server/src/core';
import { brokenRecord, seed, VALID_RECORD, withField } from '../support/fixtures';
import { lint, tempFolder, type JsonFile } from './run-cli';

describe('fragment-lint --init-schema', () => {
  let folder: ReturnType<typeof tempFolder>;
  before(() => {
    folder = tempFolder({
      'export/a.fragment': seed(0),
      'export/b.fragment': seed(1),
      'export/typos.fragment': brokenRecord(), // meduim, yes, Socail actor, <persn>, …
      'export/ours.fragment': withField('Social actor', '**Social actor**: Municipal authorities', `${VALID_RECORD}\n**Partner**: Group A`),
    });
  });
  after(() => folder.remove());

  it('prints a schema that extends the built-in one and keeps every built-in value; the typos are reported, not learned', () => {
    const run = lint(folder.dir, ['--init-schema', 'export']);
    assert.equal(run.status, 0, run.stderr);
    const schema = parseJsonc(run.stdout) as SchemaData;
    assert.equal(schema.extends, 'default');
    assert.deepEqual(schema.fields.map((f) => f.key), ['Social actor', 'Partner']);
    assert.doesNotMatch(run.stdout, /"values": \[[^\]]*"meduim"/);
    for (const [value, place] of [['meduim', 'export/typos.fragment:8'], ['yes', 'export/typos.fragment:13'], ['<persn>', 'export/typos.fragment:5']]) {
      assert.match(run.stderr, new RegExp(`"${value}".*${place.replace(/\./g, '\\.')}`), `stderr names ${value} and where`);
      assert.ok(run.stdout.includes(`// - "${value}"`), `the schema's comments list ${value}`);
    }

    // Saved as the folder's schema, it checks the records: the team's own values pass, the typos are still problems.
    writeFileSync(join(folder.dir, 'export', 'fragment.schema.json'), run.stdout);
    const check = lint(folder.dir, ['--format', 'json', 'export']);
    assert.equal(check.status, 1, check.stderr);
    const byFile = new Map((JSON.parse(check.stdout) as JsonFile[]).map((f) => [f.file.replace(/\\/g, '/'), f.diagnostics]));
    const codesIn = (name: string) => (byFile.get(`export/${name}`) ?? []).map((d) => d.code);
    // Seed 000 keeps only its information notes about what a confidential record shows.
    assert.deepEqual((byFile.get('export/a.fragment') ?? []).filter((d) => d.severity !== 'info'), []);
    assert.deepEqual(codesIn('ours.fragment'), []);
    for (const code of ['invalid-value', 'value-case', 'unknown-field', 'unknown-marker', 'missing-field']) assert.ok(codesIn('typos.fragment').includes(code), code);
  });

  it('a missing folder is a usage error', () => {
    const run = lint(folder.dir, ['--init-schema', 'nowhere']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /No such file or folder: nowhere/);
  });
});
