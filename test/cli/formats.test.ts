/** Each output format of the built fragment-lint, on a temporary folder of real and broken records. */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { validate } from '../../server/src/core';
import { seed, withField } from '../support/fixtures';
import { lint, tempFolder, type JsonFile } from './run-cli';

const BROKEN = withField('Scale', '**Scale**: local', withField('Year', '**Year**: 20x4', withField('FragmentID', '**FragmentID**: SCC-7/BROKEN')));
const FILES = {
  'clean/seed-0.fragment': seed(0),
  'clean/seed-1.fragment.md': seed(1),
  'broken.fragment': BROKEN,
  'story.fragment.txt': seed(2),
  'twins/a.fragment': withField('FragmentID', '**FragmentID**: SCC-7/TWIN', seed(1)),
  'twins/b.fragment': withField('FragmentID', '**FragmentID**: SCC-7/TWIN', seed(1)),
};
const SEVERITIES = ['', 'error', 'warning', 'info', 'hint'];

describe('fragment-lint output formats', () => {
  let folder: ReturnType<typeof tempFolder>;
  before(() => {
    folder = tempFolder(FILES);
  });
  after(() => folder.remove());

  it('json: every file checked, 1-based positions, the core diagnostics word for word', () => {
    const run = lint(folder.dir, ['--format', 'json']);
    assert.equal(run.status, 1, run.stderr);
    const files = JSON.parse(run.stdout) as JsonFile[];
    assert.deepEqual(files.map((f) => f.file).sort(), Object.keys(FILES).sort());
    for (const name of ['broken.fragment', 'story.fragment.txt', 'clean/seed-0.fragment']) {
      const expected = validate(FILES[name as keyof typeof FILES]).map((d) => ({
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: SEVERITIES[d.severity],
        code: d.code,
        message: d.message,
      }));
      assert.deepEqual(files.find((f) => f.file === name)?.diagnostics, expected, name);
    }
    assert.ok(files.find((f) => f.file === 'broken.fragment')!.diagnostics.some((d) => d.severity === 'error'));
  });

  it('json: a FragmentID used in two files is a warning in both, naming the other file', () => {
    const files = JSON.parse(lint(folder.dir, ['--format', 'json']).stdout) as JsonFile[];
    const a = files.find((f) => f.file === 'twins/a.fragment')!.diagnostics.filter((d) => d.code === 'duplicate-id');
    const b = files.find((f) => f.file === 'twins/b.fragment')!.diagnostics.filter((d) => d.code === 'duplicate-id');
    assert.equal(a.length, 1);
    assert.equal(b.length, 1);
    assert.equal(a[0].severity, 'warning');
    assert.match(a[0].message, /"SCC-7\/TWIN" is also used by the record at line 1 of twins\/b\.fragment/);
    assert.match(b[0].message, /line 1 of twins\/a\.fragment/);
    // The seeds' redacted IDs are equal too, but redacted IDs are never compared.
    assert.deepEqual(files.find((f) => f.file === 'clean/seed-0.fragment')!.diagnostics.filter((d) => d.code === 'duplicate-id'), []);
  });

  it('sarif: a valid SARIF 2.1.0 log (checked against the official schema) with one result per problem', () => {
    const run = lint(folder.dir, ['--format', 'sarif']);
    assert.equal(run.status, 1, run.stderr);
    const log = JSON.parse(run.stdout);
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }) // the official schema has a pattern that is only valid without the u flag;
    addFormats(ajv);
    const schema = JSON.parse(readFileSync(join(__dirname, 'sarif-schema-2.1.0.json'), 'utf8'));
    const valid = ajv.validate(schema, JSON.parse(run.stdout));
    assert.ok(valid, JSON.stringify(ajv.errors, null, 2));
    // The validator does reject a log that breaks the schema, so the check above means something.
    const broken = JSON.parse(run.stdout);
    broken.runs[0].results[0].level = 'fatal';
    assert.equal(ajv.validate(schema, broken), false);

    const json = JSON.parse(lint(folder.dir, ['--format', 'json']).stdout) as JsonFile[];
    const results = log.runs[0].results as { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[]; relatedLocations?: unknown[] }[];
    assert.equal(results.length, json.reduce((n, f) => n + f.diagnostics.length, 0));
    const rules = log.runs[0].tool.driver.rules as { id: string; shortDescription: { text: string } }[];
    for (const result of results) {
      assert.equal(rules[result.ruleIndex].id, result.ruleId);
      assert.ok(rules[result.ruleIndex].shortDescription.text.length > 10);
    }
    const twin = results.find((r) => r.ruleId === 'duplicate-id' && r.locations[0].physicalLocation.artifactLocation.uri === 'twins/a.fragment');
    assert.ok(twin?.relatedLocations?.length, 'duplicate-id points at the other record');
    const yearProblem = json.find((f) => f.file === 'broken.fragment')!.diagnostics.find((d) => d.code === 'invalid-value')!;
    const sarifYear = results.find((r) => r.ruleId === 'invalid-value' && r.message.text === yearProblem.message)!;
    assert.deepEqual(sarifYear.locations[0].physicalLocation.region, {
      startLine: yearProblem.line,
      startColumn: yearProblem.column,
      endLine: yearProblem.endLine,
      endColumn: yearProblem.endColumn,
    });
    assert.equal(sarifYear.level, 'error');
  });

  it('github: one workflow command per problem, with file, position and an escaped message', () => {
    const run = lint(folder.dir, ['--format', 'github', 'broken.fragment']);
    assert.equal(run.status, 1);
    const lines = run.stdout.trim().split('\n');
    const expected = validate(BROKEN);
    assert.equal(lines.length, expected.length);
    lines.forEach((line, i) => {
      const d = expected[i];
      const level = d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'notice';
      assert.equal(
        line.slice(0, line.indexOf('::', 2)),
        `::${level} file=broken.fragment,line=${d.range.start.line + 1},endLine=${d.range.end.line + 1},col=${d.range.start.character + 1},endColumn=${d.range.end.character + 1},title=fragments(${d.code})`,
      );
      assert.ok(!/[\r\n]/.test(line));
    });
  });

  it('stylish: grouped by file with a summary, no colour codes when not a terminal or with NO_COLOR', () => {
    for (const env of [{}, { NO_COLOR: '1' }] as Record<string, string>[]) {
      const run = lint(folder.dir, [], env);
      assert.equal(run.status, 1);
      assert.ok(!run.stdout.includes('\u001b['), 'no ANSI colour codes');
      const lines = run.stdout.split('\n');
      const header = lines.indexOf('broken.fragment');
      assert.ok(header >= 0, run.stdout);
      const first = validate(BROKEN)[0];
      assert.match(lines[header + 1], new RegExp(`^  ${first.range.start.line + 1}:${first.range.start.character + 1} +(error|warning) +.+  ${first.code}$`));
      assert.match(run.stdout, /✖ \d+ problems \(\d+ errors?, \d+ warnings?, \d+ notes?\)/);
      // Seed 000 has notes (its confidentiality checks); seed 001 has none.
      assert.ok(!lines.includes('clean/seed-1.fragment.md'), 'clean files are not listed');
    }
  });

  it('stylish: one closing statement that never contradicts the list (notes are not "no problems")', () => {
    const notes = tempFolder({ 'story.fragment': seed(2), 'clean.fragment': seed(1) });
    const warn = tempFolder({ 'warn.fragment': withField('Scale', '**Scale**: local', seed(1)), 'clean.fragment': seed(1) });
    try {
      const onlyNotes = lint(notes.dir, []);
      assert.equal(onlyNotes.status, 0);
      const all = onlyNotes.stdout + onlyNotes.stderr;
      assert.match(onlyNotes.stdout, /story\.fragment\n  1:1  info/);
      assert.match(all, /2 files checked: no errors or warnings, 1 note\./);
      assert.doesNotMatch(all, /no problems|⚠|✖/);

      const clean = lint(notes.dir, ['clean.fragment']);
      assert.equal(clean.stdout, '');
      assert.equal(clean.stderr.trim(), '1 file checked: no problems.');

      // --quiet hides the warning: the summary says so instead of calling the files clean.
      const quiet = lint(warn.dir, ['--quiet']);
      assert.equal(quiet.stdout, '');
      assert.equal(quiet.stderr.trim(), '2 files checked: no errors; 1 warning not shown (--quiet).');
      const quietWithErrors = lint(folder.dir, ['--quiet', 'broken.fragment']);
      assert.equal(quietWithErrors.stdout.trimEnd().split('\n').pop(), '✖ 1 problem (1 error); 1 warning not shown (--quiet)');

      const shown = lint(warn.dir, []);
      assert.equal(shown.stdout.trimEnd().split('\n').pop(), '⚠ 1 problem (0 errors, 1 warning)');
      assert.equal(shown.stderr, '', 'no second, different summary');
    } finally {
      notes.remove();
      warn.remove();
    }
  });

  it('stylish and github: control characters from file names and values are shown escaped, never sent raw', () => {
    const osc52 = '\u001b]52;c;SGVsbG8=\u0007';
    const evil = tempFolder({
      'evil\u001b[2J.fragment': withField('Year', `**Year**: 20${osc52}\u202e\u009b`, seed(1)),
    });
    try {
      const stylishRun = lint(evil.dir, []);
      assert.equal(stylishRun.status, 1, stylishRun.stderr);
      for (const run of [stylishRun, lint(evil.dir, ['--format', 'github'])]) {
        const all = run.stdout + run.stderr;
        assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(all), JSON.stringify(all));
        assert.ok(all.includes('evil\\x1b[2J.fragment'), all);
        assert.ok(all.includes('"20\\x1b]52;c;SGVsbG8=\\x07\\u202e\\x9b" is not a year'), all);
      }
      // json escapes them by its own rules; the value is still all there
      const [file] = JSON.parse(lint(evil.dir, ['--format', 'json']).stdout) as JsonFile[];
      assert.ok(file.diagnostics.some((d) => d.message.includes(`20${osc52}\u202e\u009b`)));
    } finally {
      evil.remove();
    }
  });

  it('github: a file reached through a link leading outside the folders checked is not read, so none of it reaches the log', () => {
    const secret = tempFolder({ 'record.fragment': withField('Year', '**Year**: SECRET-YEAR', seed(1)) + '\n**SECRET-KEY**: SECRET-VALUE' });
    const workspace = tempFolder({ 'reports/own.fragment': BROKEN });
    try {
      symlinkSync(join(secret.dir, 'record.fragment'), join(workspace.dir, 'reports', 'leak.fragment'));
      mkdirSync(join(workspace.dir, 'shared'));
      symlinkSync(secret.dir, join(workspace.dir, 'shared', 'folder-link'));
      for (const args of [['.'], ['reports'], ['reports/leak.fragment', 'reports/own.fragment'], ['**/*.fragment']]) {
        const run = lint(workspace.dir, ['--format', 'github', ...args]);
        assert.equal(run.status, 1, `${args.join(' ')}: ${run.stderr}`);
        assert.doesNotMatch(run.stdout + run.stderr, /SECRET/, args.join(' '));
        assert.match(run.stdout, /^::error file=reports\/own\.fragment,/m, 'the files inside are still checked');
      }
      const run = lint(workspace.dir, ['--format', 'github', 'reports/leak.fragment', 'reports/own.fragment']);
      assert.match(run.stderr, /reports\/leak\.fragment is a link to a file outside the folders being checked, so it was not read\./);
      // Checking the folder the link leads to, by its own name, is allowed.
      assert.match(lint(workspace.dir, ['--format', 'github', secret.dir]).stdout, /SECRET-YEAR/);
    } finally {
      secret.remove();
      workspace.remove();
    }
  });

  it('--quiet shows errors only', () => {
    const files = JSON.parse(lint(folder.dir, ['--format', 'json', '--quiet']).stdout) as JsonFile[];
    const all = files.flatMap((f) => f.diagnostics);
    assert.ok(all.length > 0);
    assert.ok(all.every((d) => d.severity === 'error'));
  });
});
