// The README's Neovim setup, run for real: headless Neovim loads the README's Lua block as its init file, opens a
// record and counts the diagnostics it received from the fragment-language-server installed from the packed tarball.
// Debian ships Neovim (`apt-get install neovim`; .ci/run installs it); without it this test says so and is skipped.
// Needs `npm run build` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installCli, REPOSITORY, run } from './installed-cli';

const neovim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const missing = neovim.error || neovim.status !== 0 ? "Neovim is not installed (apt-get install neovim): the README's Neovim setup was NOT checked" : undefined;
if (missing) console.warn(`\n*** SKIPPED: ${missing} ***\n`);

/** The Lua block of the README's Neovim paragraph. */
const readme = readFileSync(join(REPOSITORY, 'README.md'), 'utf8');
const setup = /\nNeovim \([^]*?```lua\n([^]*?)```/.exec(readme)?.[1];

let tmp = '';
let env: Record<string, string> = {};

before(() => {
  if (missing) return;
  tmp = mkdtempSync(join(tmpdir(), 'fragment-neovim-'));
  env = installCli(tmp).env;
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test("Neovim with the README's lines shows as many diagnostics as fragment-lint reports, and the README says how many", (t) => {
  assert.ok(setup, 'no Lua block after "Neovim (" in the README');
  if (missing) return t.skip(missing);
  writeFileSync(join(tmp, 'init.lua'), setup);
  copyFileSync(join(REPOSITORY, 'examples/bad/typos.fragment'), join(tmp, 'typos.fragment'));
  const count = 'lua vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 100); io.stdout:write("diagnostics: " .. #vim.diagnostic.get(0) .. "\\n")';
  const nvim = run('nvim', ['--headless', '-u', 'init.lua', 'typos.fragment', '-c', count, '-c', 'qa!'], { cwd: tmp, env: { ...env, XDG_STATE_HOME: join(tmp, 'state'), XDG_DATA_HOME: join(tmp, 'data') }, timeout: 60_000 });
  const lint = JSON.parse(run('fragment-lint', ['--format', 'json', 'typos.fragment'], { cwd: tmp, env }).stdout)[0].diagnostics.length;
  assert.ok(lint >= 10);
  assert.match(nvim.stdout + nvim.stderr, new RegExp(`diagnostics: ${lint}\\b`));
  assert.match(readme, new RegExp(`the ${lint} diagnostics of \`examples/bad/typos.fragment\` appear`));
});
