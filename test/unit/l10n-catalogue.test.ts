/**
 * The message catalogues of the server and the CLI (server/l10n): every message the source writes with l10n.t is in
 * the English bundle and translated in each language, no catalogue keeps a message the source no longer has, and a
 * translation has the same placeholders as its English source. The expected set is what @vscode/l10n-dev extracts
 * from server/src now, so a message added, changed or removed in the source without `npm run l10n:extract` and a
 * translation fails here.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LANGUAGES } from '../../server/src/core/l10n';

const ROOT = resolve(__dirname, '../..');
const CATALOGUES = join(ROOT, 'server/l10n');
// Every language the server and the CLI offer has a complete catalogue (English is the source).
const TRANSLATIONS = LANGUAGES.filter((language) => language !== 'en');

const readBundle = (path: string): Record<string, string> => JSON.parse(readFileSync(path, 'utf8'));
const placeholders = (message: string) => (message.match(/\{[^{}]+\}/g) ?? []).sort();
const keysOf = (bundle: Record<string, string>) => Object.keys(bundle).sort();

describe('message catalogues of the server and the CLI', () => {
  let extracted: Record<string, string>;
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'l10n-extract-'));
    execFileSync(process.execPath, [join(ROOT, 'node_modules/@vscode/l10n-dev/dist/cli.js'), 'export', '--outDir', folder, join(ROOT, 'server/src')], { stdio: 'pipe' });
    extracted = readBundle(join(folder, 'bundle.l10n.json'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('finds the messages of the source (the extractor reads every file that calls l10n.t)', () => {
    // A floor, not a figure: a broken extraction (no file read, no call found) must not pass as "nothing to translate".
    assert.ok(Object.keys(extracted).length > 250, `only ${Object.keys(extracted).length} messages extracted`);
    assert.ok('{0} is not an allowed value for {1}.' in extracted);
    assert.ok('Fix all safe problems in this fragment file' in extracted);
  });

  it('has the English bundle the source gives now (run npm run l10n:extract after changing a message)', () => {
    const english = readBundle(join(CATALOGUES, 'bundle.l10n.json'));
    assert.deepEqual(keysOf(english), keysOf(extracted));
  });

  for (const language of TRANSLATIONS) {
    describe(language, () => {
      let bundle: Record<string, string>;
      before(() => {
        bundle = readBundle(join(CATALOGUES, `bundle.l10n.${language}.json`));
      });

      it('translates every message of the source', () => {
        const missing = Object.keys(extracted).filter((message) => !(message in bundle));
        assert.deepEqual(missing, [], `not translated into ${language}`);
      });

      it('keeps no message the source no longer has', () => {
        const stale = Object.keys(bundle).filter((message) => !(message in extracted));
        assert.deepEqual(stale, [], `in bundle.l10n.${language}.json but not in the source`);
      });

      it('has the same placeholders as the English message, and a translation that is not empty', () => {
        for (const [message, translation] of Object.entries(bundle)) {
          assert.equal(typeof translation, 'string', message);
          assert.ok(translation.trim() !== '' || message.trim() === '', `empty translation of ${JSON.stringify(message)}`);
          assert.deepEqual(placeholders(translation), placeholders(message), `placeholders of ${JSON.stringify(message)} in ${language}`);
        }
      });
    });
  }

  it('isolates every placeholder of an Arabic message (U+2068 … U+2069), so embedded Latin data keeps its place', () => {
    const arabic = readBundle(join(CATALOGUES, 'bundle.l10n.ar.json'));
    for (const [message, translation] of Object.entries(arabic)) {
      const bare = translation.replace(/\u2068\{[^{}]+\}\u2069/g, '').match(/\{[^{}]+\}/g);
      assert.equal(bare, null, `a placeholder outside U+2068 … U+2069 in the Arabic of ${JSON.stringify(message)}`);
    }
  });
});
