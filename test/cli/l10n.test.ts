/**
 * fragment-lint in the person's language: from LANG (LC_ALL, LC_MESSAGES) or --locale. Messages, summaries, usage
 * errors and --help are translated; codes, exit codes and the JSON and SARIF structure are the same in every language.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { withField } from '../support/fixtures';
import { lint, tempFolder, type JsonFile } from './run-cli';

// An error (a mistyped closed-list value) and nothing else in one file.
const RECORD = withField('Scale', '**Scale**: locall');
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;

describe('fragment-lint in the person’s language', () => {
  let folder: ReturnType<typeof tempFolder>;
  before(() => {
    folder = tempFolder({ 'a.fragment': RECORD });
  });
  after(() => folder.remove());

  it('LANG=fr_FR.UTF-8: the problems and the summary in French, the code and the exit code as always', () => {
    const run = lint(folder.dir, [], { LANG: 'fr_FR.UTF-8' });
    assert.equal(run.status, 1);
    assert.match(run.stdout, /erreur +"locall" n’est pas une valeur autorisée pour Scale\. Vouliez-vous dire "Local" \? .* invalid-value/);
    assert.match(run.stdout, /✖ 1 problème \(1 erreur, 0 avertissement/);
  });

  it('LC_ALL wins over LANG, and --locale over both', () => {
    assert.match(lint(folder.dir, [], { LC_ALL: 'es_ES.UTF-8', LANG: 'fr_FR.UTF-8' }).stdout, /no es un valor permitido para Scale/);
    assert.match(lint(folder.dir, ['--locale', 'en'], { LC_ALL: 'es_ES.UTF-8' }).stdout, /"locall" is not an allowed value for Scale/);
  });

  it('--locale ar: Arabic messages and summary, with no bidi control in the terminal output', () => {
    const run = lint(folder.dir, ['--locale', 'ar']);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /خطأ +"locall" ليست قيمة مسموحًا بها في Scale\./);
    assert.match(run.stdout, /عدد المشكلات|مشكلة واحدة/);
    assert.doesNotMatch(run.stdout, BIDI_CONTROLS);
    assert.doesNotMatch(run.stdout, /\\u20[26]/); // nor one shown as an escape
  });

  it('--help in French, Spanish and Arabic, with the options as they are typed', () => {
    const help = (args: string[], env: Record<string, string> = {}) => {
      const run = lint(folder.dir, args, env);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /--fix-dry-run/);
      assert.match(run.stdout, /--locale/);
      return run.stdout;
    };
    assert.match(help(['--help']), /^Usage: fragment-lint \[options\]/);
    assert.match(help(['--help'], { LANG: 'fr_FR.UTF-8' }), /^Usage : fragment-lint \[options\][^]*\nVérifie les fichiers/);
    assert.match(help(['--locale=es', '--help']), /^Uso: fragment-lint \[opciones\]/);
    assert.match(help(['--help', '--locale', 'ar']), /^الاستخدام: fragment-lint/);
  });

  it('a usage error in the person’s language, exit code 2 as in English', () => {
    const run = lint(folder.dir, ['--format', 'nope'], { LANG: 'es_AR.UTF-8' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /Formato desconocido "nope"\. Elija uno de: stylish, json, sarif, github\./);
  });

  it('JSON: the same files, positions, severities and codes in every language; only the message is translated', () => {
    const parse = (args: string[]) => JSON.parse(lint(folder.dir, ['--format', 'json', ...args]).stdout) as JsonFile[];
    const shape = (files: JsonFile[]) => files.map((f) => ({ file: f.file, diagnostics: f.diagnostics.map(({ message: _message, ...rest }) => rest) }));
    const english = parse([]);
    for (const locale of ['fr', 'es', 'ar']) {
      const translated = parse(['--locale', locale]);
      assert.deepEqual(shape(translated), shape(english), locale);
      assert.notEqual(translated[0].diagnostics[0].message, english[0].diagnostics[0].message, locale);
    }
  });

  it('SARIF: the same rules and results, the message text in the person’s language', () => {
    const sarif = (args: string[]) => JSON.parse(lint(folder.dir, ['--format', 'sarif', ...args]).stdout);
    const english = sarif([]);
    const french = sarif(['--locale', 'fr']);
    const results = (log: { runs: { results: { ruleId: string; level: string; message: { text: string } }[] }[] }) => log.runs[0].results;
    assert.deepEqual(
      results(french).map((r) => [r.ruleId, r.level]),
      results(english).map((r) => [r.ruleId, r.level]),
    );
    assert.deepEqual(french.runs[0].tool.driver.rules.map((r: { id: string }) => r.id), english.runs[0].tool.driver.rules.map((r: { id: string }) => r.id));
    assert.match(results(french)[0].message.text, /n’est pas une valeur autorisée/);
    // What each rule looks for, shown beside each alert by code scanning, is in French too, for every rule used.
    const described = (log: { runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } } }[] }) =>
      Object.fromEntries(log.runs[0].tool.driver.rules.map((r) => [r.id, r.shortDescription.text]));
    const [inEnglish, inFrench] = [described(english), described(french)];
    assert.match(inFrench['invalid-value'], /^Une valeur qui enfreint la règle du champ/);
    for (const id of Object.keys(inEnglish)) {
      assert.notEqual(inFrench[id], inEnglish[id], `${id}: "${inFrench[id]}" is not in French`);
      assert.notEqual(inFrench[id], id, `${id} has no description`);
    }
  });

  describe('a broken team schema', () => {
    let team: ReturnType<typeof tempFolder>;
    before(() => {
      team = tempFolder({ 'fragment.schema.json': '{ "extends": "default", "fields": [ { "key": "Scale" "kind": "closed" } ] }', 'a.fragment': RECORD });
    });
    after(() => team.remove());

    it('--locale es: the schema problem in Spanish, at its place, exit code 2 as in English', () => {
      const run = lint(team.dir, ['--locale', 'es']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /El archivo de esquema .*fragment\.schema\.json no se puede usar:\n  línea 1, columna 54: El esquema no es JSON válido: se espera una coma entre dos entradas\.$/m);
      const english = lint(team.dir, []);
      assert.equal(english.status, 2);
      assert.match(english.stderr, /line 1, column 54: The schema is not valid JSON: A comma is expected between two entries\.$/m);
    });

    it('--locale fr: a schema file that cannot be read says why, without the editor’s "the built-in schema is used instead"', () => {
      const run = lint(team.dir, ['--locale', 'fr', '--schema', 'missing.json']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /Le fichier de schéma .*missing\.json ne peut pas être utilisé :\n  ligne 1, colonne 1 : Le fichier de schéma .*missing\.json n’existe pas\.$/m);
      assert.doesNotMatch(run.stderr, /schéma intégré|built-in/);
    });
  });
});
