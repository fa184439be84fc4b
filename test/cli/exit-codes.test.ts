/** Exit codes and messages of the built fragment-lint: 0 clean, 1 problems over the threshold, 2 usage or file errors. */
import assert from 'node:assert/strict';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { seed, withField } from '../support/fixtures';
import { lint, tempFolder, type JsonFile } from './run-cli';

const WITH_WARNING = withField('Scale', '**Scale**: local', seed(1)); // value-case: a warning
const WITH_ERROR = withField('Year', '**Year**: 20x4', seed(1));

describe('fragment-lint exit codes', () => {
  let folder: ReturnType<typeof tempFolder>;
  before(() => {
    folder = tempFolder({
      'clean/a.fragment': withField('FragmentID', '**FragmentID**: SCC-<redacted>/PHR013', seed(1)), // seed 000 has notes
      'clean/b.fragment': seed(1),
      'clean/node_modules/ignored.fragment': WITH_ERROR,
      'clean/notes.txt': 'not a fragment file name, so a folder walk skips it',
      'warn/w.fragment': WITH_WARNING,
      'error/e.fragment': WITH_ERROR,
      'binary/data.fragment': Buffer.from([0x2a, 0x2a, 0x00, 0x01, 0xff]),
      'latin1/old.fragment': Buffer.from('**FragmentID**: caf\xe9\n', 'latin1'),
      'latin1/good.fragment': seed(1),
      'schemas/not-json.json': '{ "fields": [ ',
      'schemas/no-fields.json': '{ "description": "nothing" }',
      'schemas/bad-pattern.json': JSON.stringify({ fields: [{ key: 'FragmentID', kind: 'pattern', pattern: '(a' }] }),
      'schemas/only-id.json': JSON.stringify({ fields: [{ key: 'FragmentID', presence: 'required' }, { key: 'Year', kind: 'year' }] }),
    });
  });
  after(() => folder.remove());

  it('0 for clean files, and node_modules is skipped', () => {
    const run = lint(folder.dir, ['clean']);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /2 files checked: no problems/);
  });

  it('1 for errors; warnings alone pass unless over --max-warnings', () => {
    assert.equal(lint(folder.dir, ['error']).status, 1);
    assert.equal(lint(folder.dir, ['warn']).status, 0);
    assert.equal(lint(folder.dir, ['warn', '--max-warnings', '1']).status, 0);
    const over = lint(folder.dir, ['warn', '--max-warnings', '0']);
    assert.equal(over.status, 1);
    assert.match(over.stderr, /1 warning, more than the 0 allowed by --max-warnings/);
  });

  it('2 for a missing path, an unknown option, a bad option value or a glob that matches nothing', () => {
    for (const [args, message] of [
      [['nowhere'], /No such file or folder: nowhere/],
      [['--frobnicate'], /Unknown option '--frobnicate'/],
      [['--format', 'xml'], /Unknown format "xml"/],
      [['--max-warnings', 'many'], /--max-warnings needs a whole number/],
      [['--fix', '--fix-dry-run'], /--fix or --fix-dry-run, not both/],
      [['missing/**/*.fragment'], /No files match missing\/\*\*\/\*\.fragment/],
    ] as const) {
      const run = lint(folder.dir, [...args]);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trim().split('\n').length, 1, 'one clear line, no stack trace');
    }
  });

  it('2 for a broken schema, with the reason', () => {
    for (const [file, message] of [
      ['schemas/not-json.json', /not-json\.json cannot be used:\n  line 1, column 15: The schema is not valid JSON/],
      ['schemas/no-fields.json', /no-fields\.json cannot be used:\n.*"fields"/],
      ['schemas/bad-pattern.json', /bad-pattern\.json cannot be used:\n  line 1, column \d+: This pattern cannot be used/],
      ['schemas/missing.json', /missing\.json cannot be used:\n.*does not exist\.$/m],
    ] as const) {
      const run = lint(folder.dir, ['--schema', file, 'clean']);
      assert.equal(run.status, 2, file);
      assert.match(run.stderr, message);
    }
  });

  it('the nearest fragment.schema.json applies, as in the editor; a broken one found that way also stops the run', () => {
    const team = tempFolder({
      'fragment.schema.json': JSON.stringify({ extends: 'default', fields: [{ key: 'Scale', kind: 'closed', values: ['Local', 'Regional', 'Planetary'] }] }),
      'reports/planet.fragment': withField('Scale', '**Scale**: Planetary', seed(1)),
      'broken/fragment.schema.json': '{ "fields": ',
      'broken/x.fragment': seed(1),
    });
    try {
      assert.equal(lint(team.dir, ['reports']).status, 0, 'the team schema allows "Planetary"');
      assert.equal(lint(folder.dir, ['--schema', 'schemas/only-id.json', 'clean']).status, 0);
      const other = tempFolder({ 'planet.fragment': withField('Scale', '**Scale**: Planetary', seed(1)) });
      assert.equal(lint(other.dir, []).status, 1, 'without the team schema "Planetary" is an error');
      other.remove();
      const broken = lint(team.dir, ['broken']);
      assert.equal(broken.status, 2);
      assert.match(broken.stderr, /broken\/fragment\.schema\.json cannot be used/);
    } finally {
      team.remove();
    }
  });

  it('in one run, each folder gets its own nearest schema (looked up once per folder)', () => {
    const planet = withField('Scale', '**Scale**: Planetary', seed(1));
    const team = tempFolder({
      'a/fragment.schema.json': JSON.stringify({ extends: 'default', fields: [{ key: 'Scale', kind: 'closed', values: ['Local', 'Planetary'] }] }),
      'a/one.fragment': planet,
      'a/two.fragment': planet,
      'a/deeper/three.fragment': planet,
      'b/four.fragment': planet,
      'b/five.fragment': planet,
    });
    try {
      const files = JSON.parse(lint(team.dir, ['--format', 'json', 'b/five.fragment', 'a', 'b']).stdout) as JsonFile[];
      const invalid = (name: string) => files.find((f) => f.file === name)!.diagnostics.some((d) => d.code === 'invalid-value');
      assert.deepEqual(
        ['a/one.fragment', 'a/two.fragment', 'a/deeper/three.fragment', 'b/four.fragment', 'b/five.fragment'].map(invalid),
        [false, false, false, true, true],
      );
    } finally {
      team.remove();
    }
  });

  it('--schema checks against the named schema instead of the default', () => {
    const run = lint(folder.dir, ['--schema', 'schemas/only-id.json', '--format', 'json', 'error/e.fragment']);
    const [file] = JSON.parse(run.stdout) as JsonFile[];
    // Only FragmentID and Year are known: the bad year is still an error, every other key is unknown.
    assert.ok(file.diagnostics.some((d) => d.code === 'invalid-value' && d.line === 5));
    assert.ok(file.diagnostics.some((d) => d.code === 'unknown-field'));
    assert.ok(!file.diagnostics.some((d) => d.code === 'missing-field'));
  });

  it('binary and non-UTF-8 files are reported by name (exit 2) while the other files are still checked', () => {
    const binary = lint(folder.dir, ['binary', 'error']);
    assert.equal(binary.status, 2);
    assert.match(binary.stderr, /binary\/data\.fragment is a binary file/);
    assert.match(binary.stdout, /error\/e\.fragment/);
    const latin1 = lint(folder.dir, ['latin1', '--format', 'json']);
    assert.equal(latin1.status, 2);
    assert.match(latin1.stderr, /latin1\/old\.fragment is not UTF-8 text/);
    assert.deepEqual(
      (JSON.parse(latin1.stdout) as JsonFile[]).map((f) => f.file),
      ['latin1/good.fragment'],
    );
  });

  it('globs are expanded, relative to the current folder, each file once', () => {
    const run = lint(folder.dir, ['--format', 'json', '**/*.fragment', 'clean/a.fragment']);
    const names = (JSON.parse(run.stdout) as JsonFile[]).map((f) => f.file);
    assert.ok(names.includes('warn/w.fragment') && names.includes('clean/a.fragment'));
    assert.equal(new Set(names).size, names.length);
    assert.ok(!names.some((n) => n.includes('node_modules')));
  });

  it('2 when no file is checked at all, with a clear message; --allow-empty lets an empty run pass', () => {
    const empty = tempFolder({ 'notes/readme.md': '# Not a fragment', 'empty/.keep': '' });
    try {
      for (const args of [[], ['empty'], ['notes', 'empty']]) {
        const run = lint(empty.dir, args);
        assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
        assert.match(run.stderr, /No fragment files found in .*: nothing was checked\. \(Use --allow-empty if that is expected\.\)/);
        assert.doesNotMatch(run.stderr, /no problems/);
      }
      assert.match(lint(empty.dir, []).stderr, /No fragment files found in the current folder: nothing was checked/);
      const allowed = lint(empty.dir, ['--allow-empty', '--format', 'json', 'empty']);
      assert.equal(allowed.status, 0, allowed.stderr);
      assert.deepEqual(JSON.parse(allowed.stdout), []);
      assert.match(allowed.stderr, /No fragment files found in empty: nothing was checked\.$/m);
      // A link leading outside is named and not followed: the run still checked nothing.
      symlinkSync(join(folder.dir, 'clean', 'a.fragment'), join(empty.dir, 'empty', 'away.fragment'));
      const linked = lint(empty.dir, ['empty']);
      assert.equal(linked.status, 2);
      assert.match(linked.stderr, /away\.fragment is a link to .*outside the folders checked, so it was not followed/);
      assert.match(linked.stderr, /nothing was checked/);
      assert.equal(lint(empty.dir, ['empty', '--allow-empty']).status, 0);
      // Files found but none checked (here: a binary file) is an empty run too.
      writeFileSync(join(empty.dir, 'notes', 'binary.fragment'), Buffer.from([0, 1, 2, 0, 255, 0]));
      const skipped = lint(empty.dir, ['notes']);
      assert.equal(skipped.status, 2);
      assert.match(skipped.stderr, /The only file found was skipped or could not be read: nothing was checked\./);
      // One file is enough: the rule is about runs that check nothing.
      assert.equal(lint(folder.dir, ['clean/a.fragment']).status, 0);
    } finally {
      empty.remove();
    }
  });

  it('--help and --version exit 0', () => {
    const help = lint(folder.dir, ['--help']).stdout;
    assert.match(help, /Usage: fragment-lint/);
    assert.match(help, /--allow-empty/);
    assert.match(help, /Worker threads share the files only with \d+ or more cores and [\d,]+ or more files/, 'says when workers are used');
    assert.equal(lint(folder.dir, ['--version']).status, 0);
  });
});
