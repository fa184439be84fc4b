// The VS Code client's catalogues stay complete and in step with the source:
// - every `l10n.t(...)` message in client/src is in l10n/bundle.l10n.json, and the catalogue holds nothing else
//   (extracted with @vscode/l10n-dev, the tool `npm run l10n:export` runs);
// - each translation (l10n/bundle.l10n.<language>.json) has exactly those messages, each with the same placeholders;
// - every `%key%` of package.json is in package.nls.json and in every package.nls.<language>.json, and no nls file
//   holds a key package.json no longer uses;
// - `fragments.locale` offers exactly the languages that have both catalogues;
// - no user-facing string in client/src bypasses the catalogue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';
import { TRANSLATED_LANGUAGES } from '../../client/src/languages';

const root = resolve(__dirname, '../..');
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(join(root, path), 'utf8'));

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** `{0}`, `{1}`… in a message, sorted: a translation may order them differently but must keep each one. */
function placeholders(message: string): string[] {
  return (message.match(/\{[^}]+\}/g) ?? []).sort();
}

/** The translations shipped for the client: l10n/bundle.l10n.<language>.json. */
function translatedCatalogues(): Map<string, Record<string, unknown>> {
  const names = readdirSync(join(root, 'l10n')).filter((name) => /^bundle\.l10n\.[\w-]+\.json$/.test(name));
  return new Map(names.map((name) => [name.slice('bundle.l10n.'.length, -'.json'.length), readJson(join('l10n', name))]));
}

test('l10n/bundle.l10n.json holds exactly the messages client/src translates', async () => {
  const files = sourceFiles('client/src').map((path) => ({ contents: readFileSync(join(root, path), 'utf8'), extension: extname(path) }));
  const extracted = await getL10nJson(files);
  const catalogue = readJson('l10n/bundle.l10n.json');
  const missing = Object.keys(extracted).filter((message) => !(message in catalogue));
  const stale = Object.keys(catalogue).filter((message) => !(message in extracted));
  assert.deepEqual(missing, [], 'messages in client/src missing from l10n/bundle.l10n.json: run npm run l10n:export, then translate them');
  assert.deepEqual(stale, [], 'messages in l10n/bundle.l10n.json that client/src no longer has: run npm run l10n:export');
  assert.ok(Object.keys(extracted).length > 100, 'the extractor found the client messages');
});

test('each client translation has every message, nothing else, non-empty and with the same placeholders', () => {
  const source = readJson('l10n/bundle.l10n.json');
  const catalogues = translatedCatalogues();
  assert.deepEqual([...catalogues.keys()].sort(), [...TRANSLATED_LANGUAGES].sort(), 'l10n/ holds a catalogue for each language client/src/languages.ts lists');
  for (const [language, catalogue] of catalogues) {
    assert.deepEqual(Object.keys(source).filter((m) => !(m in catalogue)), [], `untranslated in bundle.l10n.${language}.json`);
    assert.deepEqual(Object.keys(catalogue).filter((m) => !(m in source)), [], `bundle.l10n.${language}.json has messages the source no longer has`);
    for (const [message, translation] of Object.entries(catalogue)) {
      assert.equal(typeof translation, 'string', `${language}: ${message}`);
      assert.notEqual((translation as string).trim(), '', `${language}: empty translation of ${JSON.stringify(message)}`);
      assert.deepEqual(placeholders(translation as string), placeholders(message), `${language}: placeholders of ${JSON.stringify(message)}`);
    }
  }
});

test("every %key% of package.json is in package.nls.json and each package.nls.<language>.json, and the reverse", () => {
  const manifestText = readFileSync(join(root, 'package.json'), 'utf8');
  const used = new Set([...manifestText.matchAll(/"%([^"%]+)%"/g)].map((match) => match[1]));
  assert.ok(used.has('command.restartServer.title') && used.has('setting.locale.markdownDescription'), 'package.json uses %key% references');
  const nlsFiles = readdirSync(root).filter((name) => /^package\.nls(\.[\w-]+)?\.json$/.test(name));
  assert.deepEqual(nlsFiles.sort(), ['package.nls.json', ...TRANSLATED_LANGUAGES.map((l) => `package.nls.${l}.json`)].sort());
  const source = readJson('package.nls.json');
  for (const name of nlsFiles) {
    const nls = readJson(name);
    assert.deepEqual([...used].filter((key) => !(key in nls)), [], `keys package.json uses that ${name} lacks`);
    assert.deepEqual(Object.keys(nls).filter((key) => !used.has(key)), [], `keys in ${name} that package.json does not use`);
    for (const [key, text] of Object.entries(nls)) {
      assert.ok(typeof text === 'string' && text.trim() !== '', `${name}: ${key} is empty`);
      assert.deepEqual(placeholders(text), placeholders(source[key] as string), `${name}: placeholders of ${key}`);
    }
  }
});

test('package.json contributes no title or description that bypasses package.nls.json', () => {
  const manifest = readJson('package.json') as { description: string; contributes: { commands: { title: string }[]; configuration: { properties: Record<string, Record<string, unknown>> } } };
  const isReference = (text: unknown) => typeof text === 'string' && /^%[^%]+%$/.test(text);
  assert.ok(isReference(manifest.description), 'description');
  for (const command of manifest.contributes.commands) assert.ok(isReference(command.title), `title of ${JSON.stringify(command)}`);
  for (const [name, setting] of Object.entries(manifest.contributes.configuration.properties)) {
    assert.ok(isReference(setting.description ?? setting.markdownDescription), `description of ${name}`);
    for (const text of (setting.enumDescriptions as unknown[] | undefined) ?? []) assert.ok(isReference(text), `enumDescriptions of ${name}`);
  }
});

test('fragments.locale offers auto, English and exactly the translated languages', () => {
  const manifest = readJson('package.json') as { contributes: { configuration: { properties: Record<string, { enum?: string[]; enumDescriptions?: string[]; default?: unknown }> } } };
  const locale = manifest.contributes.configuration.properties['fragments.locale'];
  assert.ok(locale, 'package.json contributes fragments.locale');
  assert.equal(locale.default, 'auto');
  assert.deepEqual(locale.enum, ['auto', 'en', ...TRANSLATED_LANGUAGES]);
  assert.equal(locale.enumDescriptions?.length, locale.enum?.length, 'each choice is described');
});

test('no message in client/src is written for the user without going through l10n.t', () => {
  // The calls and options whose text a person reads; their text must come from l10n.t, not a literal.
  // A literal that starts with a word ("Open a folder…"); one that starts with a placeholder only puts translated parts together.
  const shown = /\b(show(?:Information|Warning|Error)Message|setStatusBarMessage|forCommand|pickWorkspaceFolder)\(\s*['"`][A-Za-z]|\b(title|placeHolder|prompt|openLabel|saveLabel|detail|tooltip)\s*[:=]\s*['"`][A-Za-z]|\.(text|name|title)\s*=\s*['"`][A-Za-z]/;
  const offenders: string[] = [];
  for (const path of sourceFiles('client/src').filter((p) => !p.includes('/webview/'))) {
    readFileSync(join(root, path), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (shown.test(line) && !/^\s*(\/\/|\*)/.test(line)) offenders.push(`${path}:${index + 1}: ${line.trim()}`);
      });
  }
  assert.deepEqual(offenders, []);
  // The records table's page takes every word from the host (say(...)); a literal in an element is English only.
  const literalText = /element\([^)]*\}\s*,\s*['"`][A-Za-z]/;
  const webviewOffenders = sourceFiles('client/src/records-table/webview').flatMap((path) =>
    readFileSync(join(root, path), 'utf8')
      .split('\n')
      .map((line, index) => (literalText.test(line) ? `${path}:${index + 1}: ${line.trim()}` : ''))
      .filter(Boolean),
  );
  assert.deepEqual(webviewOffenders, []);
});
