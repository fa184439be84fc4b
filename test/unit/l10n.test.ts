/**
 * Which language the server and fragment-lint speak, and what a message looks like in it: the core as a library with
 * each language in turn (the catalogues themselves are checked in l10n-catalogue.test.ts).
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { cliLanguage, currentLanguage, directed, languageOf, localised, serverLanguage, useLanguage } from '../../server/src/core/l10n';
import { check } from '../support/check';
import { hover } from '../../server/src/core/features/hover';
import { parseWithSchema } from '../../server/src/core/validate';
import { loadSchemaText } from '../../server/src/core/schema/load';
import { VALID_RECORD, withField } from '../support/fixtures';

const FSI = '\u2068';
const PDI = '\u2069';
const RLI = '\u2067';

describe('the language of the messages', () => {
  afterEach(() => useLanguage('en'));

  it('reads a language from a locale tag as editors and shells write it', () => {
    assert.equal(languageOf('fr'), 'fr');
    assert.equal(languageOf('fr-CA'), 'fr');
    assert.equal(languageOf('es_419'), 'es');
    assert.equal(languageOf('ar_IQ.UTF-8'), 'ar');
    assert.equal(languageOf('AR'), 'ar');
    assert.equal(languageOf('en-GB'), 'en');
    for (const other of ['pt-BR', 'C', 'POSIX', 'C.UTF-8', '', 'français', undefined]) assert.equal(languageOf(other), undefined, String(other));
  });

  it('server: fragments.locale wins over the display language; auto follows it; anything else is English', () => {
    assert.equal(serverLanguage('auto', 'fr'), 'fr');
    assert.equal(serverLanguage('auto', 'pt-br'), 'en');
    assert.equal(serverLanguage('auto', undefined), 'en');
    assert.equal(serverLanguage('ar', 'fr'), 'ar');
    assert.equal(serverLanguage('en', 'es'), 'en');
  });

  it('CLI: --locale, else LC_ALL, LC_MESSAGES, LANG (the first one set), else English', () => {
    assert.equal(cliLanguage('ar', { LANG: 'fr_FR.UTF-8' }), 'ar');
    assert.equal(cliLanguage(undefined, { LANG: 'fr_FR.UTF-8' }), 'fr');
    assert.equal(cliLanguage(undefined, { LC_ALL: 'es_MX.UTF-8', LANG: 'fr_FR.UTF-8' }), 'es');
    assert.equal(cliLanguage(undefined, { LC_MESSAGES: 'ar_SY.UTF-8', LANG: 'fr_FR.UTF-8' }), 'ar');
    assert.equal(cliLanguage(undefined, { LC_ALL: '', LANG: 'es_ES.UTF-8' }), 'es'); // empty counts as not set
    assert.equal(cliLanguage(undefined, { LC_ALL: 'C', LANG: 'fr_FR.UTF-8' }), 'en'); // C is set, and means English
    assert.equal(cliLanguage('xx', { LANG: 'fr_FR.UTF-8' }), 'en');
    assert.equal(cliLanguage(undefined, {}), 'en');
  });

  it('writes the checker’s messages in the language chosen, keys and values as written', () => {
    const text = withField('Scale', '**Scale**: locall');
    const english = check(text).find((d) => d.code === 'invalid-value')?.message;
    assert.match(String(english), /^"locall" is not an allowed value for Scale\. Did you mean "Local"\?/);
    useLanguage('fr');
    const french = check(text).find((d) => d.code === 'invalid-value')?.message;
    assert.match(String(french), /^"locall" n’est pas une valeur autorisée pour Scale\. Vouliez-vous dire "Local" \?/);
    useLanguage('es');
    assert.match(String(check(text).find((d) => d.code === 'invalid-value')?.message), /^"locall" no es un valor permitido para Scale\./);
  });

  it('in Arabic: the message in a right-to-left isolate, each value it quotes in a first-strong isolate', () => {
    useLanguage('ar');
    const message = String(check(withField('Scale', '**Scale**: locall')).find((d) => d.code === 'invalid-value')?.message);
    assert.ok(message.startsWith(RLI) && message.endsWith(PDI), JSON.stringify(message));
    assert.ok(message.includes(`${FSI}"locall"${PDI}`), JSON.stringify(message));
    assert.ok(message.includes(`${FSI}Scale${PDI}`), JSON.stringify(message));
    assert.match(message, /ليست قيمة مسموحًا بها/);
  });

  it('without isolates (fragment-lint) an Arabic message holds no bidi control of ours', () => {
    useLanguage('ar', { isolates: false });
    const message = String(check(withField('Scale', '**Scale**: locall')).find((d) => d.code === 'invalid-value')?.message);
    assert.doesNotMatch(message, /[\u2066-\u2069]/);
    assert.match(message, /^"locall" ليست قيمة مسموحًا بها في Scale\./);
  });

  it('directed keeps a Markdown list bullet in front of the isolate, and leaves other languages alone', () => {
    useLanguage('ar');
    assert.equal(directed('**Key**\n\n- `a` — b'), `${RLI}**Key**${PDI}\n\n- ${RLI}\`a\` — b${PDI}`);
    useLanguage('fr');
    assert.equal(directed('- a'), '- a');
    assert.equal(currentLanguage(), 'fr');
  });

  it('shows a schema description in the person’s language: exact tag, same language, English, then the first', () => {
    const description = { en: 'The change', 'fr-CA': 'Le changement', ar: 'التغيير' };
    assert.equal(localised(description), 'The change');
    useLanguage('fr');
    assert.equal(localised(description), 'Le changement');
    useLanguage('ar');
    assert.equal(localised(description), 'التغيير');
    useLanguage('es');
    assert.equal(localised(description), 'The change');
    assert.equal(localised({ fr: 'Seulement' }), 'Seulement');
    assert.equal(localised('One text for all'), 'One text for all');
    assert.equal(localised(undefined), '');
  });
});

describe('a team schema’s descriptions in several languages', () => {
  afterEach(() => useLanguage('en'));
  const schemaText = JSON.stringify({
    extends: 'default',
    fields: [
      {
        key: 'Partner',
        kind: 'closed',
        presence: 'optional',
        description: { en: 'The partner organisation.', fr: 'L’organisation partenaire.', ar: 'المنظمة الشريكة.' },
        values: [{ value: 'PAX', description: { en: 'A peace organisation.', es: 'Una organización por la paz.' } }],
      },
    ],
  });

  it('loads without a problem, and a hover shows the description in the person’s language, English otherwise', () => {
    const loaded = loadSchemaText(schemaText);
    assert.deepEqual(loaded.problems.map((p) => p.message), []);
    const schema = loaded.schema!;
    const record = `${VALID_RECORD.trimEnd()}\n**Partner**: PAX\n`;
    const document = parseWithSchema(record, schema);
    const line = record.split('\n').findIndex((l) => l.startsWith('**Partner**'));
    const onKey = () => (hover(document, schema, { line, character: 3 })?.contents as { value: string }).value;
    const onValue = () => (hover(document, schema, { line, character: 14 })?.contents as { value: string }).value;
    assert.match(onKey(), /The partner organisation\./);
    useLanguage('fr');
    assert.match(onKey(), /L’organisation partenaire\./);
    assert.match(onValue(), /A peace organisation\./); // no French: the English one
    useLanguage('es');
    assert.match(onKey(), /The partner organisation\./);
    assert.match(onValue(), /Una organización por la paz\./);
    useLanguage('ar');
    assert.match(onKey(), /المنظمة الشريكة\./);
  });

  it('reports a description keyed by something that is not a language tag, or holding no text', () => {
    const broken = schemaText.replace('"fr":', '"French language":');
    assert.ok(loadSchemaText(broken).problems.length > 0);
    assert.ok(loadSchemaText(schemaText.replace('"fr":"L’organisation partenaire."', '"fr":3')).problems.length > 0);
  });
});
