// The README's Emacs setup (eglot), run for real: Emacs in batch mode loads scripts/editors/emacs-eglot-check.el,
// which holds the README's lines, opens a record and prints what flymake received from the fragment-language-server
// installed from the packed tarball. Debian ships both (`apt-get install emacs-nox elpa-eglot`; .ci/run installs
// them); without them this test says so and is skipped. Needs `npm run build` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installCli, REPOSITORY, run } from './installed-cli';

const SCRIPT = join(REPOSITORY, 'scripts/editors/emacs-eglot-check.el');
const eglot = spawnSync('emacs', ['--batch', '--eval', "(progn (require 'package) (package-initialize) (require 'eglot) (princ \"eglot\"))"], { encoding: 'utf8' });
const missing = eglot.error || eglot.status !== 0 || eglot.stdout !== 'eglot'
  ? 'Emacs with eglot is not installed (apt-get install emacs-nox elpa-eglot): the README\'s Emacs setup was NOT checked'
  : undefined;
if (missing) console.warn(`\n*** SKIPPED: ${missing} ***\n`);

let tmp = '';
let env: Record<string, string> = {};

before(() => {
  if (missing) return;
  tmp = mkdtempSync(join(tmpdir(), 'fragment-emacs-'));
  env = installCli(tmp).env;
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('the README names the same lines the Emacs check runs', () => {
  const readme = readFileSync(join(REPOSITORY, 'README.md'), 'utf8');
  const lines = /;;; --- The README's lines ---\n([\s\S]*?);;; --- end ---/.exec(readFileSync(SCRIPT, 'utf8'));
  assert.ok(lines, 'the check script does not mark the README\'s lines');
  assert.ok(readme.includes(lines[1].trim()), `the README's Emacs setup differs from the one checked:\n${lines[1]}`);
});

test('Emacs (eglot) shows the diagnostics of a record that fragment-lint reports, at the same places', (t) => {
  if (missing) return t.skip(missing);
  const record = join(tmp, 'typos.fragment');
  copyFileSync(join(REPOSITORY, 'examples/bad/typos.fragment'), record);
  const emacs = run('emacs', ['--batch', '-l', SCRIPT, record], { cwd: tmp, env, timeout: 60_000 });
  assert.equal(emacs.status, 0, emacs.stdout + emacs.stderr);
  assert.match(emacs.stderr, /\[eglot\] Connected! Server `fragment-language-server'/);

  const lint = run('fragment-lint', ['--format', 'json', 'typos.fragment'], { cwd: tmp, env });
  const expected: { line: number; column: number; severity: string; message: string; code: string }[] = JSON.parse(lint.stdout)[0].diagnostics;
  assert.ok(expected.length >= 10, lint.stdout);
  const flymakeType = { error: 'eglot-error', warning: 'eglot-warning', info: 'eglot-note', hint: 'eglot-note' } as Record<string, string>;
  const shown = emacs.stdout.trim().split('\n');
  assert.equal(shown.pop(), `diagnostics: ${expected.length}`);
  assert.deepEqual(shown, expected.map((d) => `${d.line}:${d.column} ${flymakeType[d.severity]} fragments [${d.code}]: ${d.message}`));
});
