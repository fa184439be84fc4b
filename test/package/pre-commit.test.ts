// The pre-commit hook (.pre-commit-hooks.yaml), run by the real pre-commit in a temporary git repository of records,
// with fragment-lint installed from the packed tarball as the hook's README asks. pre-commit clones the hook
// repository: a temporary one holding this working tree's manifest, so the manifest being tested is the one on disk,
// committed or not (with `language: system` the manifest is all pre-commit reads from it). Debian ships pre-commit
// (`apt-get install pre-commit`; .ci/run installs it); without it this test says so and is skipped. Needs
// `npm run build` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installCli, REPOSITORY, run } from './installed-cli';

const preCommitVersion = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const missing = preCommitVersion.error || preCommitVersion.status !== 0
  ? 'pre-commit is not installed (apt-get install pre-commit, or pipx install pre-commit): the hook manifest was NOT run'
  : undefined;
if (missing) console.warn(`\n*** SKIPPED: ${missing} ***\n`);

const seed = readFileSync(join(REPOSITORY, 'test/fixtures/seeds/000_5d477d533c5d7d0d.txt'), 'utf8');
const badYear = seed.replace(/^\*\*Year\*\*: 2025$/m, '**Year**: 20255');
let tmp = '';
let env: Record<string, string> = {};
let project = '';

function git(cwd: string, ...args: string[]) {
  const result = run('git', args, { cwd, env });
  assert.equal(result.status, 0, `git ${args.join(' ')}:\n${result.stderr}`);
  return result.stdout.trim();
}

before(() => {
  if (missing) return;
  tmp = mkdtempSync(join(tmpdir(), 'fragment-pre-commit-'));
  const installed = installCli(tmp);
  env = {
    ...installed.env,
    PRE_COMMIT_HOME: join(tmp, 'pre-commit-home'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Reviewer',
    GIT_AUTHOR_EMAIL: 'reviewer@example.org',
    GIT_COMMITTER_NAME: 'Reviewer',
    GIT_COMMITTER_EMAIL: 'reviewer@example.org',
  };
  const hooks = join(tmp, 'hooks');
  mkdirSync(hooks);
  git(hooks, 'init', '-q', '-b', 'main');
  copyFileSync(join(REPOSITORY, '.pre-commit-hooks.yaml'), join(hooks, '.pre-commit-hooks.yaml'));
  git(hooks, 'add', '.pre-commit-hooks.yaml');
  git(hooks, 'commit', '-q', '-m', 'hooks');
  const rev = git(hooks, 'rev-parse', 'HEAD');

  project = join(tmp, 'project');
  mkdirSync(join(project, 'records'), { recursive: true });
  git(project, 'init', '-q', '-b', 'main');
  writeFileSync(join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hooks}\n    rev: ${rev}\n    hooks:\n      - id: fragment-lint\n`);
  writeFileSync(join(project, 'records/clean.fragment'), seed);
  writeFileSync(join(project, 'records/bad-year.fragment'), badYear);
  writeFileSync(join(project, 'notes.txt'), 'Not a record: **Year**: later\n');
  git(project, 'add', '.');
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('pre-commit run --all-files fails on a record with an error, naming it, and passes once it is fixed', (t) => {
  if (missing) return t.skip(missing);
  const failed = run('pre-commit', ['run', '--all-files'], { cwd: project, env });
  assert.equal(failed.status, 1, failed.stdout + failed.stderr);
  assert.match(failed.stdout, /^fragment-lint\.+Failed$/m);
  assert.match(failed.stdout, /records\/bad-year\.fragment\n\s+5:11\s+error\s+"20255" is not a year\. Year takes four digits, for example 2026\.\s+invalid-value/);
  assert.doesNotMatch(failed.stdout, /notes\.txt/, 'a file that is not a fragment file was checked');

  writeFileSync(join(project, 'records/bad-year.fragment'), seed.replace(/^\*\*FragmentID\*\*: .*$/m, '**FragmentID**: SCC-2/PHR9'));
  git(project, 'add', '.');
  const passed = run('pre-commit', ['run', '--all-files'], { cwd: project, env });
  assert.equal(passed.status, 0, passed.stdout + passed.stderr);
  assert.match(passed.stdout, /^fragment-lint\.+Passed$/m);
});

test('installed as a git hook, it stops a commit of a record with an error', (t) => {
  if (missing) return t.skip(missing);
  const install = run('pre-commit', ['install'], { cwd: project, env });
  assert.equal(install.status, 0, install.stdout + install.stderr);
  git(project, 'commit', '-q', '-m', 'records');
  writeFileSync(join(project, 'records/clean.fragment'), badYear.replace(/^\*\*FragmentID\*\*: .*$/m, '**FragmentID**: SCC-3/PHR1'));
  git(project, 'add', 'records/clean.fragment');
  const commit = run('git', ['commit', '-m', 'a year of five digits'], { cwd: project, env });
  assert.equal(commit.status, 1, commit.stdout + commit.stderr);
  assert.match(commit.stdout + commit.stderr, /records\/clean\.fragment\n\s+5:11\s+error/);
  assert.equal(git(project, 'log', '--format=%s', '-1'), 'records', 'the commit went through');
});
