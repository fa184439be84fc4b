/**
 * What fragment-lint reads from disk (issues 12 and 13): real exports found by content, only regular files, links
 * followed only inside the folders named, each file once. Every run has a time limit, so code that walks the whole
 * disk, reads /dev/zero or waits on a pipe fails here instead of hanging the suite.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { seed, withField } from '../support/fixtures';
import { CLI_BUNDLE, tempFolder, type CliRun, type JsonFile } from './run-cli';

const POSIX = process.platform !== 'win32';
const withId = (id: string) => withField('FragmentID', `**FragmentID**: ${id}`, seed(1));
/** Far longer than any of these runs takes; old code that walks `/` or reads /dev/zero is stopped by it. */
const TIME_LIMIT_MS = 60_000;

function lintWithin(cwd: string, args: string[]): CliRun {
  const result = spawnSync(process.execPath, [CLI_BUNDLE, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' }, timeout: TIME_LIMIT_MS, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.signal, null, `fragment-lint ${args.join(' ')} did not finish within ${TIME_LIMIT_MS} ms (or crashed): ${result.stderr?.slice(0, 2000)}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const filesOf = (run: CliRun) => (JSON.parse(run.stdout) as JsonFile[]).map((f) => f.file).sort();

describe('fragment-lint finds real exports by content', () => {
  let folder: ReturnType<typeof tempFolder>;
  before(() => {
    folder = tempFolder({
      'export/000.txt': seed(0),
      'export/001.txt': withId('SCC-1/ONE'),
      'export/bom.txt': `\uFEFF${withId('SCC-1/BOM')}`,
      'export/blank-first.md': `\n\n${withId('SCC-1/ONE')}`, // same ID as 001.txt: compared across the exports
      'export/notes.txt': 'Meeting notes, not a record.\n**FragmentID**: SCC-1/NOT-FIRST\n',
      'export/story.txt': seed(2), // unstructured: no FragmentID line first
    });
  });
  after(() => folder.remove());

  it('checks the .txt and .md files whose first non-empty line is a FragmentID field, and only those', () => {
    const run = lintWithin(folder.dir, ['--format', 'json', 'export']);
    assert.deepEqual(filesOf(run), ['export/000.txt', 'export/001.txt', 'export/blank-first.md', 'export/bom.txt']);
    const duplicates = (JSON.parse(run.stdout) as JsonFile[]).flatMap((f) => f.diagnostics.filter((d) => d.code === 'duplicate-id').map(() => f.file));
    assert.deepEqual(duplicates.sort(), ['export/001.txt', 'export/blank-first.md']);
  });

  it('says how many files it checked (stylish)', () => {
    const run = lintWithin(join(folder.dir, 'export'), ['000.txt', 'bom.txt']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout + run.stderr, /2 files checked: no errors or warnings, \d+ notes\./); // seed 000's confidentiality notes
  });
});

describe('fragment-lint reads regular files only, and follows links only inside the folders named', { skip: !POSIX && 'needs FIFOs and /dev/zero' }, () => {
  let folder: ReturnType<typeof tempFolder>;
  before(() => {
    folder = tempFolder({ 'team/records/a.fragment': withId('SCC-2/A'), 'team/records/b.txt': withId('SCC-2/B'), 'outside/secret.fragment': withId('SCC-2/SECRET') });
    const team = join(folder.dir, 'team');
    symlinkSync('/', join(team, 'root')); // the whole file system
    symlinkSync('/dev/zero', join(team, 'zero.fragment')); // endless, and stat() says 0 bytes
    symlinkSync('records', join(team, 'same-records')); // the same files by a second path
    symlinkSync(join(folder.dir, 'outside/secret.fragment'), join(team, 'secret.fragment'));
    execFileSync('mkfifo', [join(team, 'pipe.fragment')]); // opening it waits for a writer
    execFileSync('mkfifo', [join(folder.dir, 'lonely.fragment')]);
    symlinkSync('/dev/zero', join(folder.dir, 'zero.fragment'));
  });
  after(() => folder.remove());

  it('walks a folder with links to /, to /dev/zero and a pipe in it: each file once, the rest named and skipped', () => {
    const run = lintWithin(folder.dir, ['--format', 'json', 'team']);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(filesOf(run), ['team/records/a.fragment', 'team/records/b.txt']);
    assert.ok(!run.stdout.includes('duplicate-id'), 'a file reached by two paths is not compared with itself');
    assert.match(run.stderr, /team\/root is a link to \/, outside the folders checked, so it was not followed/);
    assert.match(run.stderr, /team\/zero\.fragment is a link to \/dev\/zero, outside the folders checked, so it was not followed/);
    assert.match(run.stderr, /team\/secret\.fragment is a link to .*outside\/secret\.fragment, outside the folders checked/);
    assert.match(run.stderr, /team\/pipe\.fragment is not a regular file \(it is a named pipe\), so it was not read/);
  });

  it('a pipe or a device named on the command line is refused with the reason (exit 2), not read', () => {
    const pipe = lintWithin(folder.dir, ['lonely.fragment']);
    assert.equal(pipe.status, 2);
    assert.match(pipe.stderr, /lonely\.fragment is not a regular file \(it is a named pipe\), so it was not read/);
    const device = lintWithin(folder.dir, ['/dev/zero']);
    assert.equal(device.status, 2);
    assert.match(device.stderr, /\/dev\/zero is not a regular file \(it is a device\), so it was not read/);
    // A link named on the command line that leads out of its folder is not read at all (check-file.ts).
    const zero = lintWithin(folder.dir, ['zero.fragment']);
    assert.equal(zero.status, 2);
    assert.match(zero.stderr, /zero\.fragment is a link to a file outside the folders being checked, so it was not read/);
  });

  it('a file named twice, once through a link, is checked once', () => {
    const run = lintWithin(folder.dir, ['--format', 'json', 'team/records/a.fragment', 'team/same-records/a.fragment']);
    assert.deepEqual(filesOf(run), ['team/records/a.fragment']);
  });

  it('a schema that is a pipe, a device or too large is refused with the reason (exit 2)', () => {
    const schemas = join(folder.dir, 'schemas');
    execFileSync('mkdir', ['-p', schemas]);
    execFileSync('mkfifo', [join(schemas, 'pipe.json')]);
    writeFileSync(join(schemas, 'huge.json'), `{"fields": [], "description": "${'x'.repeat(2_100_000)}"}`);
    for (const [schema, reason] of [
      ['schemas/pipe.json', /is not a regular file \(it is a named pipe\), so it was not read/],
      ['/dev/zero', /is not a regular file \(it is a device\), so it was not read/],
      ['schemas/huge.json', /is larger than 2 MB, so it was not read/],
    ] as const) {
      const run = lintWithin(folder.dir, ['--schema', schema, 'team/records']);
      assert.equal(run.status, 2, `${schema}: ${run.stderr}`);
      assert.match(run.stderr, /The schema file .* cannot be used/);
      assert.match(run.stderr, reason);
    }
  });

  it('a fragment.schema.json that is a pipe is named as unreadable, not taken for no schema', () => {
    const team = tempFolder({ 'a.fragment': withId('SCC-2/PIPE') });
    try {
      execFileSync('mkfifo', [join(team.dir, 'fragment.schema.json')]);
      const run = lintWithin(team.dir, ['.']);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /fragment\.schema\.json is not a regular file \(it is a named pipe\), so it was not read/);
    } finally {
      team.remove();
    }
  });
});
