// What scripts/language-client-plugins.mjs does to the language client bundle, checked against vscode-languageclient
// as installed: the stand-ins replace exactly the semver and minimatch modules it requires (so an update that needs
// more of them fails here, and the build stops), the bundled LanguageClient.checkVersion answers as it does with the
// real semver, and TypeScript's helpers are moved whole, so the library's code is otherwise unchanged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Script } from 'node:vm';
import * as esbuild from 'esbuild';
import fc from 'fast-check';
import { Minimatch } from '../../client/src/shims/minimatch-unused';
import { satisfies } from '../../client/src/shims/semver-for-languageclient';

type Plugins = typeof import('../../scripts/language-client-plugins.mjs', { with: { 'resolution-mode': 'import' } });

const root = resolve(__dirname, '../..');
let plugins: Plugins;
let bundleOptions: esbuild.BuildOptions; // scripts/esbuild-options.mjs: the options of every dist/ bundle
const LIBRARY_MODULE = /(^|\/)node_modules\/vscode-(languageclient|languageserver-protocol|jsonrpc)\/lib\/.*\.js$/;
const REQUIRED_VSCODE_VERSION = /REQUIRED_VSCODE_VERSION = '([^']+)'/.exec(readFileSync(join(root, 'node_modules/vscode-languageclient/lib/node/main.js'), 'utf8'))![1];

interface Checker {
  checkVersion(this: unknown): void;
}
let tmp = '';
const bundles: { plain?: esbuild.Metafile; slim?: esbuild.Metafile; realSemver?: Checker; standIn?: Checker } = {};
/** The `vscode` module the bundles see: any API is an empty class; the version is set by each test. */
const fakeVscode: Record<string | symbol, unknown> = new Proxy({ __esModule: true, version: '' }, { get: (target, key) => (key in target ? target[key as keyof typeof target] : class {}) });

/** vscode-languageclient's LanguageClient, bundled as scripts/build.mjs bundles it (with `plugins`), and loaded. */
async function bundle(name: string, plugins: esbuild.Plugin[]): Promise<{ metafile: esbuild.Metafile; checker: Checker }> {
  const outfile = join(tmp, `${name}.js`);
  const result = await esbuild.build({
    stdin: { contents: "export { LanguageClient } from 'vscode-languageclient/node';", resolveDir: root, loader: 'ts' },
    ...bundleOptions, sourcemap: false, external: ['vscode'],
    outfile, metafile: true, logLevel: 'silent', plugins,
  });
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = loader._load;
  loader._load = (request, ...rest) => (request === 'vscode' ? fakeVscode : load.call(Module, request, ...rest));
  try {
    const { LanguageClient } = require(outfile) as { LanguageClient: { prototype: Checker } };
    return { metafile: result.metafile!, checker: LanguageClient.prototype };
  } finally {
    loader._load = load;
  }
}

before(async () => {
  plugins = await import('../../scripts/language-client-plugins.mjs');
  bundleOptions = (await import('../../scripts/esbuild-options.mjs')).BUNDLE_OPTIONS;
  tmp = mkdtempSync(join(tmpdir(), 'fragment-language-client-'));
  const plain = await bundle('plain', []);
  const slim = await bundle('slim', [plugins.standIns, plugins.sharedTypeScriptHelpers]);
  Object.assign(bundles, { plain: plain.metafile, slim: slim.metafile, realSemver: plain.checker, standIn: slim.checker });
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** What LanguageClient.checkVersion says of VS Code `version`: 'ok' or its error message. */
function check(checker: Checker, version: string): string {
  fakeVscode.version = version;
  try {
    checker.checkVersion.call({});
    return 'ok';
  } catch (error) {
    return (error as Error).message;
  }
}

test('the stand-ins replace exactly the semver and minimatch modules the language client requires', () => {
  const STOOD_IN = new RegExp(`(^|/)node_modules/(${plugins.STOOD_IN_PACKAGES.join('|')})/`);
  const required = new Set<string>();
  for (const [path, input] of Object.entries(bundles.plain!.inputs)) {
    if (STOOD_IN.test(path)) continue;
    for (const imported of input.imports) if (STOOD_IN.test(imported.path)) required.add(imported.original!);
  }
  assert.deepEqual([...required].sort(), Object.keys(plugins.LANGUAGE_CLIENT_STAND_INS).sort());
  const left = Object.keys(bundles.slim!.inputs).filter((path) => STOOD_IN.test(path));
  assert.deepEqual(left, [], 'none of the stood-in packages is in the bundle');
});

test('a module of semver or minimatch without a stand-in stops the build, saying where to add one', async () => {
  for (const specifier of ['semver/functions/gte', 'semver', 'brace-expansion']) {
    await assert.rejects(
      esbuild.build({ stdin: { contents: `require(${JSON.stringify(specifier)})`, resolveDir: root }, bundle: true, write: false, logLevel: 'silent', plugins: [plugins.standIns] }),
      new RegExp(`requires ${specifier}, which has no stand-in: add one to LANGUAGE_CLIENT_STAND_INS in scripts/language-client-plugins\\.mjs`),
    );
  }
});

test('should the server ever ask for glob matching, the minimatch stand-in says why it cannot and what to change', () => {
  assert.throws(() => new Minimatch('**/*.fragment'), /bundled without minimatch, so it cannot match the glob "\*\*\/\*\.fragment".*Remove the minimatch stand-in .* scripts\/language-client-plugins\.mjs/);
});

test(`the library's version range (${REQUIRED_VSCODE_VERSION}) is one the semver stand-in handles`, () => {
  assert.doesNotThrow(() => satisfies('1.0.0', REQUIRED_VSCODE_VERSION));
});

test('bundled with the stand-in, LanguageClient.checkVersion accepts the VS Code versions the real semver accepts', () => {
  const lowest = REQUIRED_VSCODE_VERSION.replace(/^\^/, '');
  const [major, minor] = lowest.split('.').map(Number);
  assert.equal(check(bundles.standIn!, lowest), 'ok');
  assert.equal(check(bundles.standIn!, `${major}.${minor + 10}.3`), 'ok');
  assert.equal(check(bundles.standIn!, `${major}.${minor + 10}.0-insider`), 'ok', 'Insiders builds are accepted');
  assert.match(check(bundles.standIn!, `${major}.${minor - 1}.9`), new RegExp(`requires VS Code version \\${REQUIRED_VSCODE_VERSION} but received`));
  assert.match(check(bundles.standIn!, 'not a version'), /No valid VS Code version detected/);
  const version = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: major + 1 }), fc.integer({ min: 0, max: minor + 20 }), fc.nat(20), fc.constantFrom('', '-insider', '-0', '+build', '-rc.1')).map(([a, b, c, tail]) => `${a}.${b}.${c}${tail}`),
    fc.string({ maxLength: 10 }),
  );
  fc.assert(
    fc.property(version, (text) => assert.equal(check(bundles.standIn!, text), check(bundles.realSemver!, text), text)),
    { numRuns: 2000 },
  );
});

test("TypeScript's helpers in the library's modules are found whole: each is a complete statement, and none is left behind", () => {
  const modules = Object.keys(bundles.plain!.inputs).filter((path) => LIBRARY_MODULE.test(path));
  assert.ok(modules.length > 50, `library modules in the bundle: ${modules.length}`);
  let moved = 0;
  for (const path of modules) {
    const text = readFileSync(join(root, path), 'utf8');
    const helpers = plugins.findHelpers(text) ?? [];
    assert.equal(helpers.length, text.split('= (this && this.__').length - 1, path);
    let rest = text;
    for (const { name, start, end } of [...helpers].reverse()) {
      const statement = text.slice(start, end);
      assert.doesNotThrow(() => new Script(statement), `${path}: ${statement}`);
      assert.match(statement, new RegExp(`^var ${name} = [^]*;$`));
      rest = rest.slice(0, start) + rest.slice(end);
      moved++;
    }
    assert.doesNotThrow(() => new Script(`(function (exports, require, module) {\n${rest}\n})`), `${path} without its helpers`);
    assert.ok(!rest.includes('(this && this.__'), path);
  }
  assert.ok(moved > 100, `helpers moved: ${moved}`);
});
