/**
 * The built fragment-lint with a team schema that renames the confidentiality flag (`roles.confidential`): the pii
 * check follows the team's field, found beside the records as the editor finds it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { withField } from '../support/fixtures';
import { lint, tempFolder, type JsonFile } from './run-cli';

const SCHEMA = {
  extends: 'default',
  fields: [{ key: 'Keep inside the programme', presence: 'optional', kind: 'flag' }],
  roles: { confidential: { field: 'Keep inside the programme', values: ['YES'] } },
};
const record = (id: string, keepInside: string) =>
  `${withField('FragmentID', `**FragmentID**: SCC-7/${id}`, withField('Outcome description', '**Outcome description**: Call Amal on +963 11 234 5678.'))}\n**Keep inside the programme**: ${keepInside}\n`;

describe('fragment-lint with a team schema that names its own confidentiality field', () => {
  let folder: ReturnType<typeof tempFolder>;
  before(() => {
    folder = tempFolder({
      'team/fragment.schema.json': JSON.stringify(SCHEMA),
      'team/inside.fragment': record('INSIDE', 'YES'),
      'team/shared.fragment': record('SHARED', 'NO'),
    });
  });
  after(() => folder.remove());

  it('reports the phone number in the record the team marked, and nothing in the other', () => {
    const run = lint(folder.dir, ['--format', 'json', 'team']);
    const files = JSON.parse(run.stdout) as JsonFile[];
    const codes = Object.fromEntries(files.map((f) => [f.file.replace(/\\/g, '/'), f.diagnostics.map((d) => d.code)]));
    assert.deepEqual(codes, { 'team/inside.fragment': ['pii'], 'team/shared.fragment': [] }, run.stdout + run.stderr);
    assert.match(files.find((f) => f.file.endsWith('inside.fragment'))!.diagnostics[0].message, /phone number.*marked confidential/);
  });
});
