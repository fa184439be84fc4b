// Builds the .vsix the way a release does (`npm run package`) and checks what is inside:
// the bundles and every file the manifest points at, and nothing else (no sources, tests,
// node_modules, scripts or caches).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIAGNOSTIC_CODES } from '../../server/src/core/diagnostic-codes';
import { RULE_DOC_LANGUAGES } from '../../server/src/core/diagnostic-docs';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { ZipFile } from './zip';

const root = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
let tmp = '';
let vsixPath = '';
let zip: ZipFile;

// What may ship, relative to extension/ in the vsix. Anything else is a packaging mistake.
const allowed: RegExp[] = [
  /^package\.json$/,
  /^readme\.md$/i,
  /^changelog\.md$/i,
  /^LICENSE(\.txt)?$/,
  /^dist\/(lazy\/|webview\/|browser\/)?[\w.-]+\.js(\.map)?$/, // browser/: the browser build
  /^dist\/webview\/[\w.-]+\.css$/, // the records table's style
  /^images\/[\w.-]+\.png$/,
  /^syntaxes\/[\w.-]+\.tmLanguage\.json$/,
  /^language-configuration\.json$/,
  /^schemas\/[\w.-]+\.json$/,
  /^docs\/rules\/[\w.-]+\.md$/,
  new RegExp(`^docs/rules/(${RULE_DOC_LANGUAGES.join('|')})/[\\w.-]+\\.md$`), // the rule pages, translated
  /^docs\/[\w.-]+\.md$/, // the pages the README links to
  /^l10n\/bundle\.l10n(\.[\w-]+)?\.json$/, // the client's messages and their translations
  /^package\.nls(\.[\w-]+)?\.json$/, // package.json's words and their translations
];

before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'fragment-package-'));
  vsixPath = join(tmp, `${manifest.name}-${manifest.version}.vsix`);
  const run = spawnSync('npm', ['run', 'package', '--', '--out', vsixPath], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, `npm run package failed:\n${run.stdout}\n${run.stderr}`);
  zip = new ZipFile(vsixPath);
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function extensionFiles(): string[] {
  return zip.names.filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));
}

test('the vsix holds the bundles, manifest, readme, license, icon, grammar and language configuration', () => {
  const files = extensionFiles();
  for (const required of [
    'package.json',
    'dist/client.js',
    'dist/language-client.js',
    'dist/server.js',
    'dist/cli.js',
    'dist/webview/records-table.js',
    'dist/browser/extension.js', // package.json's browser entry
    'dist/browser/server.js',
    'dist/webview/records-table.css',
    'images/icon.png',
    'syntaxes/fragment.tmLanguage.json',
    'language-configuration.json',
  ]) {
    assert.ok(files.includes(required), `${required} missing from the vsix; it holds: ${files.join(', ')}`);
  }
  assert.ok(files.some((f) => /^readme\.md$/i.test(f)), `README.md missing from the vsix; it holds: ${files.join(', ')}`);
  assert.ok(files.some((f) => /^LICENSE(\.txt)?$/.test(f)), `LICENSE missing from the vsix; it holds: ${files.join(', ')}`);
  assert.ok(zip.names.includes('extension.vsixmanifest'));
});

test('the vsix holds nothing else: no sources, tests, node_modules, scripts or caches', () => {
  const unexpected = extensionFiles().filter((f) => !allowed.some((re) => re.test(f)));
  assert.deepEqual(unexpected, [], `files that should not ship: ${unexpected.join(', ')}`);
  const forbidden = zip.names.filter((n) =>
    /(^|\/)(node_modules|client\/src|server\/src|test|scripts|\.vscode-test|\.git)\//.test(n) || /\.tsx?$/.test(n),
  );
  assert.deepEqual(forbidden, []);
});

test('every file the manifest points at is in the vsix', () => {
  const files = new Set(extensionFiles());
  const packed = JSON.parse(zip.read('extension/package.json').toString('utf8'));
  assert.equal(packed.name, 'fragment-language-support');
  assert.equal(packed.publisher, 'fragment-tools');
  assert.equal(packed.main, './dist/client.js');
  const referenced: string[] = [packed.main, packed.icon];
  for (const l of packed.contributes?.languages ?? []) if (l.configuration) referenced.push(l.configuration);
  for (const g of packed.contributes?.grammars ?? []) referenced.push(g.path);
  for (const v of packed.contributes?.jsonValidation ?? []) if (!/^[a-z]+:/.test(v.url)) referenced.push(v.url);
  assert.ok(referenced.length >= 4, `expected main, icon, configuration and grammar; got ${referenced}`);
  for (const ref of referenced) {
    assert.equal(typeof ref, 'string');
    const rel = ref.replace(/^\.\//, '');
    assert.ok(files.has(rel), `package.json points at ${ref}, which is not in the vsix`);
  }
  const manifestXml = zip.read('extension.vsixmanifest').toString('utf8');
  assert.match(manifestXml, /<Identity[^>]*Id="fragment-language-support"/);
  assert.match(manifestXml, /<Identity[^>]*Publisher="fragment-tools"/);
});

// VS Code reads the client's translations from the folder package.json's `l10n` names, and package.json's own words
// from package.nls.<language>.json beside it: without them the extension speaks English whatever is chosen.
test('the vsix holds the translations: l10n bundles and package.nls files for every language, as in the source tree', () => {
  const files = new Set(extensionFiles());
  const packed = JSON.parse(zip.read('extension/package.json').toString('utf8'));
  assert.equal(packed.l10n, './l10n');
  const languages = (packed.contributes.configuration.properties['fragments.locale'].enum as string[]).filter((l) => l !== 'auto' && l !== 'en');
  assert.ok(languages.includes('ar') && languages.includes('fr') && languages.includes('es'), `fragments.locale offers ${languages}`);
  const expected = [
    'l10n/bundle.l10n.json',
    'package.nls.json',
    ...languages.flatMap((language) => [`l10n/bundle.l10n.${language}.json`, `package.nls.${language}.json`]),
  ];
  for (const file of expected) {
    assert.ok(files.has(file), `${file} missing from the vsix`);
    assert.ok(zip.read(`extension/${file}`).equals(readFileSync(join(root, file))), `${file} in the vsix differs from the source tree`);
  }
  // Every %key% of the packed manifest resolves in the packed package.nls.json.
  const nls = JSON.parse(zip.read('extension/package.nls.json').toString('utf8'));
  const keys = [...zip.read('extension/package.json').toString('utf8').matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);
  assert.ok(keys.length > 20, `package.json has ${keys.length} %key% references`);
  assert.deepEqual(keys.filter((key) => !(key in nls)), []);
});

test('the packed bundles are the ones just built, every one of them, and they parse', () => {
  // Every bundle the build wrote, including the parts the server requires on first use (dist/lazy).
  const built = readdirSync(join(root, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  assert.ok(built.includes(join('lazy', 're2js.js')), `the build wrote no dist/lazy/re2js.js: ${built.join(', ')}`);
  for (const file of built) {
    const name = file.split(sep).join('/');
    const packed = zip.read(`extension/dist/${name}`);
    assert.ok(packed, `dist/${name} is missing from the vsix`);
    assert.ok(packed.equals(readFileSync(join(root, 'dist', file))), `dist/${name} in the vsix differs from the build`);
    assert.ok(packed.length > 1000, `dist/${name} is suspiciously small (${packed.length} bytes)`);
    // Syntax check without running it.
    assert.doesNotThrow(() => new Function(packed.toString('utf8').replace(/^#!.*\n/, '')), `dist/${name} does not parse`);
  }
  const grammar = JSON.parse(zip.read('extension/syntaxes/fragment.tmLanguage.json').toString('utf8'));
  assert.equal(grammar.scopeName, 'text.fragment');
});

// The extension activates for every plain-text and Markdown file; the language client is loaded only when a fragment
// needs it. A method name of the protocol marks vscode-languageclient's code in a minified bundle.
test('the language client is its own bundle: dist/client.js, loaded at activation, holds none of it', () => {
  const protocolMark = 'textDocument/didOpen';
  const eager = zip.read('extension/dist/client.js').toString('utf8');
  const lazy = zip.read('extension/dist/language-client.js').toString('utf8');
  assert.ok(lazy.includes(protocolMark), 'dist/language-client.js does not hold the language client');
  assert.ok(!eager.includes(protocolMark), 'dist/client.js holds language client code: import only types from vscode-languageclient there');
  assert.match(eager, /dist\/language-client\.js/, 'dist/client.js does not load dist/language-client.js');
});

// The client's bundles are minified: their maps must lead back to the sources, so that a stack trace from a user can
// be read.
test('the source maps of the client bundles lead from the minified code back to client/src and node_modules', () => {
  const marks = [
    { bundle: 'client.js', mark: 'dist/language-client.js', source: '../client/src/extension.ts' },
    { bundle: 'language-client.js', mark: 'server-code-cache', source: '../client/src/language-client.ts' },
    { bundle: 'language-client.js', mark: 'No valid VS Code version detected', source: '../node_modules/vscode-languageclient/lib/node/main.js' },
  ];
  for (const { bundle, mark, source } of marks) {
    const code = readFileSync(join(root, 'dist', bundle), 'utf8');
    assert.ok(code.trimEnd().endsWith(`//# sourceMappingURL=${bundle}.map`), `dist/${bundle} does not point at its map`);
    const map = new TraceMap(readFileSync(join(root, 'dist', `${bundle}.map`), 'utf8'));
    const offset = code.indexOf(mark);
    assert.ok(offset >= 0, `"${mark}" is not in dist/${bundle}`);
    const before = code.slice(0, offset).split('\n');
    const found = originalPositionFor(map, { line: before.length, column: before.at(-1)!.length });
    assert.equal(found.source, source, `"${mark}" in dist/${bundle}`);
    const line = readFileSync(join(root, 'dist', found.source!), 'utf8').split('\n')[found.line! - 1];
    assert.ok(line.includes(mark), `"${mark}" in dist/${bundle} leads to ${found.source}:${found.line}, which reads: ${line}`);
  }
});

test('every picture the README shows is in the vsix (the Extensions view renders it from there)', () => {
  const files = new Set(extensionFiles());
  const readmeName = extensionFiles().find((f) => /^readme\.md$/i.test(f));
  assert.ok(readmeName, 'no README in the vsix');
  const readme = zip.read(`extension/${readmeName}`).toString('utf8');
  const links = [
    ...[...readme.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?[^)]*\)/g)].map((m) => m[1]),
    ...[...readme.matchAll(/<img[^>]*\ssrc=["']([^"']+)["']/g)].map((m) => m[1]),
  ].filter((link) => !/^[a-z][a-z0-9+.-]*:/i.test(link) && !link.startsWith('#'));
  const missing = links.map((l) => l.replace(/^\.\//, '')).filter((l) => !files.has(l));
  assert.deepEqual(missing, [], 'README pictures that are not in the package (broken images)');
});

test('every page the README links to is in the vsix, and so is every page those link to (no broken links offline)', () => {
  const files = new Set(extensionFiles());
  const missing: string[] = [];
  const seen = new Set<string>();
  const visit = (page: string) => {
    if (seen.has(page)) return;
    seen.add(page);
    const text = zip.read(`extension/${page}`).toString('utf8');
    for (const [, link] of text.matchAll(/\]\(\s*<?([^)\s>#]+)(?:#[^)\s>]*)?>?[^)]*\)/g)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue;
      const target = posix.normalize(posix.join(posix.dirname(page), link)).replace(/\/$/, '');
      if (target.startsWith('..')) missing.push(`${page} → ${link} (outside the package)`);
      else if (/^readme\.md$/i.test(target)) continue; // vsce stores the README as readme.md; the Extensions view shows it
      else if (target.endsWith('.md')) {
        if (files.has(target)) visit(target);
        else missing.push(`${page} → ${link}`);
      } else if (!files.has(target) && ![...files].some((f) => f.startsWith(`${target}/`))) {
        // Source files and folders of the repository are not in the package; only pages and pictures must be.
        if (/\.(png|md)$/.test(target)) missing.push(`${page} → ${link}`);
      }
    }
  };
  visit(extensionFiles().find((f) => /^readme\.md$/i.test(f))!);
  assert.deepEqual(missing, [], 'pages linked from the README that the package does not hold');
  assert.ok(seen.has('docs/default-schema.md') && seen.has('docs/team-schemas.md'), [...seen].join(', '));
});

test('fragment files get prose defaults: no word suggestions, word wrap, no boxes around typographic or non-Latin letters', () => {
  const packed = JSON.parse(zip.read('extension/package.json').toString('utf8'));
  assert.deepEqual(packed.contributes.configurationDefaults['[fragment]'], {
    'editor.wordBasedSuggestions': 'off',
    'editor.wordWrap': 'on',
    'editor.unicodeHighlight.ambiguousCharacters': false,
  });
});

test('the icon is a 128x128 PNG', () => {
  const png = zip.read('extension/images/icon.png');
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.equal(png.readUInt32BE(16), 128, 'width');
  assert.equal(png.readUInt32BE(20), 128, 'height');
});

test('the vsix is small (everything is bundled, nothing stray)', () => {
  const size = statSync(vsixPath).size;
  assert.ok(size < 3 * 1024 * 1024, `the vsix is ${size} bytes`);
});

// Every diagnostic links its rule's page as a file:// URL next to the bundle that reported it (codeDescription.href,
// SARIF helpUri): the pages must ship beside dist/, in the .vsix and in the npm package alike (npm-package.test.ts).
test('the rule pages ship beside dist/ in the vsix, and the packed CLI links to them', () => {
  const files = new Set(extensionFiles());
  for (const code of DIAGNOSTIC_CODES) assert.ok(files.has(`docs/rules/${code}.md`), `docs/rules/${code}.md is missing from the vsix`);
  for (const language of RULE_DOC_LANGUAGES) {
    for (const code of DIAGNOSTIC_CODES) assert.ok(files.has(`docs/rules/${language}/${code}.md`), `docs/rules/${language}/${code}.md is missing from the vsix`);
  }
  // Unpack the extension as VS Code does and run its CLI bundle: its links must lead to the unpacked pages.
  const unpacked = join(tmp, 'unpacked');
  for (const name of extensionFiles()) {
    const target = join(unpacked, name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, zip.read(`extension/${name}`));
  }
  const work = join(tmp, 'work');
  mkdirSync(work);
  writeFileSync(join(work, 'a.fragment'), '**FragmentID**: \n**Contry**: Iraq\n**Scale**: local\n');
  const run = spawnSync(process.execPath, [join(unpacked, 'dist/cli.js'), '--format', 'sarif', '.'], { cwd: work, encoding: 'utf8' });
  assert.equal(run.status, 1, run.stderr);
  const rules: { id: string; helpUri: string }[] = JSON.parse(run.stdout).runs[0].tool.driver.rules;
  assert.ok(rules.length >= 3, run.stdout);
  for (const rule of rules) {
    assert.equal(fileURLToPath(rule.helpUri), join(unpacked, 'docs', 'rules', `${rule.id}.md`));
    assert.ok(existsSync(fileURLToPath(rule.helpUri)), rule.helpUri);
  }
});
