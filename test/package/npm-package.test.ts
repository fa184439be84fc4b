// The npm package of the CLI and the language server (packages/fragment-lint), packed as a release packs it and
// installed from the tarball as a user installs it: globally into a prefix, and into an empty project for npx. npm
// runs offline with an empty cache of its own, so the install proves the package needs nothing from the registry.
// Needs `npm run build` first (it fills packages/fragment-lint from dist/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DIAGNOSTIC_CODES } from '../../server/src/core/diagnostic-codes';
import { RULE_DOC_LANGUAGES } from '../../server/src/core/diagnostic-docs';
import { startServer } from '../support/lsp-client';
import { installCli, PACKAGE_DIR as packageDir, REPOSITORY as root, run as runWith, VERSION as version } from './installed-cli';

const seed = readFileSync(join(root, 'test/fixtures/seeds/001_58f351f2f37cca43.txt'), 'utf8');

let tmp = '';
let tarball = '';
let packedFiles: string[] = [];
let prefix = '';
let env: Record<string, string> = {};

const run = (command: string, args: string[], options: { cwd?: string } = {}) => runWith(command, args, { ...options, env });

/** A folder holding the seed record as it is and the seed record with a year of five digits. */
function records(): string {
  const dir = mkdtempSync(join(tmp, 'records-'));
  writeFileSync(join(dir, 'clean.fragment'), seed);
  assert.match(seed, /^\*\*Year\*\*: 2024$/m);
  writeFileSync(join(dir, 'bad-year.fragment'), seed.replace(/^\*\*Year\*\*: 2024$/m, '**Year**: 20245'));
  return dir;
}

before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'fragment-npm-'));
  ({ tarball, packedFiles, prefix, env } = installCli(tmp));
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('the tarball holds the bundles, the rule pages, the README, the license and package.json, and nothing else', () => {
  const expected = [
    'LICENSE',
    'README.md',
    'package.json',
    'dist/cli.js',
    'dist/server.js',
    'dist/server-main.js',
    'dist/lazy/gazetteer.js',
    'dist/lazy/re2js.js',
    'dist/lazy/spreadsheet-files.js', // fragment-lint export and import
    'dist/lazy/tinyglobby.js',
    'dist/lazy/validate-format.js',
    ...DIAGNOSTIC_CODES.map((code) => `docs/rules/${code}.md`),
    // The translated pages and their index, where the links lead in French, Spanish and Arabic.
    ...RULE_DOC_LANGUAGES.flatMap((language) => [...DIAGNOSTIC_CODES, 'README'].map((page) => `docs/rules/${language}/${page}.md`)),
  ];
  assert.deepEqual([...packedFiles].sort(), [...expected].sort());
  // The same bundles as the extension's: built once, from the same sources.
  for (const bundle of ['dist/cli.js', 'dist/server.js', 'dist/server-main.js']) {
    assert.ok(readFileSync(join(packageDir, bundle)).equals(readFileSync(join(root, bundle))), `${bundle} differs from the build`);
  }
});

test('its package.json: the extension version, both bins, a files list, and no dependencies of any kind', () => {
  const manifest = JSON.parse(readFileSync(join(prefix, 'lib/node_modules/fragment-lint/package.json'), 'utf8'));
  assert.equal(manifest.name, 'fragment-lint');
  assert.equal(manifest.version, version);
  assert.equal(manifest.private, undefined, 'a private package cannot be published');
  assert.deepEqual(manifest.bin, { 'fragment-lint': 'dist/cli.js', 'fragment-language-server': 'dist/server.js' });
  assert.ok(Array.isArray(manifest.files) && manifest.files.length > 0);
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies', 'scripts']) {
    assert.equal(manifest[field], undefined, `${field} in the package: it must install without the registry and run nothing`);
  }
  assert.equal(manifest.engines.node, '>=20');
});

test('npm install -g of the tarball gives fragment-lint, which prints its version and checks a real record', () => {
  const lint = join(prefix, 'bin/fragment-lint');
  const shown = run(lint, ['--version']);
  assert.equal(shown.status, 0, shown.stderr);
  assert.equal(shown.stdout.trim(), version);

  const dir = records();
  const clean = run(lint, ['clean.fragment'], { cwd: dir });
  assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  assert.match(clean.stderr, /1 file checked: no problems/);

  const checked = run(lint, ['--format', 'sarif', '.'], { cwd: dir });
  assert.equal(checked.status, 1, checked.stderr);
  const sarif = JSON.parse(checked.stdout);
  const results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] = sarif.runs[0].results;
  assert.deepEqual(
    results.map((r) => [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri]),
    [['invalid-value', 'bad-year.fragment']],
  );
  // Each problem's link leads to its page inside the installed package.
  for (const rule of sarif.runs[0].tool.driver.rules as { helpUri: string }[]) {
    const page = fileURLToPath(rule.helpUri);
    assert.ok(page.startsWith(join(prefix, 'lib/node_modules/fragment-lint/docs/rules/')), page);
    assert.ok(existsSync(page), page);
  }
});

test('npx fragment-lint --version in a project that installed the tarball, offline', () => {
  const project = join(tmp, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'records', version: '1.0.0', private: true }));
  const install = run('npm', ['install', tarball], { cwd: project });
  assert.equal(install.status, 0, install.stdout + install.stderr);
  const npx = run('npx', ['--no-install', 'fragment-lint', '--version'], { cwd: project });
  assert.equal(npx.status, 0, npx.stderr);
  assert.equal(npx.stdout.trim(), version);
  assert.deepEqual(readFileSync(join(project, 'package-lock.json'), 'utf8').match(/node_modules\/[\w@/.-]+/g), ['node_modules/fragment-lint']);
});

test('the installed fragment-language-server answers initialize over stdio and publishes the diagnostics of a real record', async () => {
  const dir = records();
  const client = await startServer({ executable: join(prefix, 'bin/fragment-language-server'), args: ['--stdio'], rootUri: pathToFileURL(dir).href, env });
  try {
    assert.equal(client.initializeResult.serverInfo?.name, 'fragment-language-server');
    assert.equal(client.initializeResult.serverInfo?.version, version);
    const uri = pathToFileURL(join(dir, 'bad-year.fragment')).href;
    client.open(uri, readFileSync(fileURLToPath(uri), 'utf8'));
    const published = await client.nextDiagnostics(uri);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['invalid-value']);
    assert.equal(fileURLToPath(published.diagnostics[0].codeDescription!.href), join(prefix, 'lib/node_modules/fragment-lint/docs/rules/invalid-value.md'));
  } finally {
    await client.shutdown();
  }
});
