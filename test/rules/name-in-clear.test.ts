import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '../../server/src/core';
import { loadSchemaText } from '../../server/src/core/schema/team';
import { NOW, seed } from '../support/fixtures';
import { covered, withCode } from '../support/check';
import { confidentialWith } from '../support/confidential';

const names = (text: string) => withCode(text, 'name-in-clear').map((d) => covered(text, d));
const inDescription = (description: string) => names(confidentialWith({ 'Outcome description': description }));

describe('name-in-clear', () => {
  it('points out the two group names seed 000 shows, in its significance and its merged story, as information', () => {
    const text = seed(0);
    const found = withCode(text, 'name-in-clear');
    assert.deepEqual(found.map((d) => `${d.range.start.line + 1} ${covered(text, d)}`), ['7 Aneen Volunteer', '7 Hope Colors', '20 Aneen Volunteer', '20 Hope Colors']);
    assert.ok(found.every((d) => d.severity === 3));
    assert.deepEqual(found[0].data, { fix: 'redact', markers: ['<person>', '<redacted>'], everywhere: 'Aneen Volunteer' });
  });

  it('finds names of two or more capitalised words, with small words inside', () => {
    assert.deepEqual(inDescription('The group met Maria Ristinmaa and Ahmad al Hassan of the Ministry of Education.'), ['Maria Ristinmaa', 'Ahmad al Hassan', 'Ministry of Education']);
  });

  it('finds names whatever their letters or spacing: beyond ASCII, with joiners, after several spaces or a tab', () => {
    assert.deepEqual(inDescription('The group met Émile Zoltán.'), ['Émile Zoltán']);
    assert.deepEqual(inDescription('The group met Ömer  Çelik.'), ['Ömer  Çelik']);
    assert.deepEqual(inDescription("The group met Mary Ni'mah-Smith and Jean\tDupont."), ["Mary Ni'mah-Smith", 'Jean\tDupont']);
    assert.deepEqual(inDescription('The group met 𝐀lpha Beta. The women of. Hope Colors met.'), [], 'after a full stop, a word only starts a sentence');
  });

  it('does not count a word that only starts a sentence, sentence words, months, countries or the schema\'s own words', () => {
    assert.deepEqual(inDescription('Maria Ristinmaa spoke first. In March 2024 the women of South Sudan met. Civic change agents joined.'), []);
    assert.deepEqual(inDescription('The Outcome Harvesting team in Eastern Europe met.'), [], 'names the built-in schema allows');
    assert.deepEqual(inDescription('Women met with Amal.'), [], 'one capitalised word is not enough');
  });

  it('leaves places to place-in-clear', () => {
    const text = confidentialWith({ 'Outcome description': 'Women in Deir ez-Zor and in Al Hasakah met.' });
    assert.deepEqual(names(text), []);
    assert.deepEqual(withCode(text, 'place-in-clear').map((d) => covered(text, d)), ['Deir ez-Zor', 'Al Hasakah']);
  });

  it('says nothing in a script without capital letters, in a record that is not confidential, or on a lone marker', () => {
    assert.deepEqual(inDescription('التقت ماريا ريستينما وأحمد الحسن بوزارة التربية.'), []);
    assert.deepEqual(names(confidentialWith({ 'Outcome description': 'The group met Maria Ristinmaa.' }, '')), []);
    assert.deepEqual(names(seed(1)), []);
    assert.deepEqual(inDescription('<redacted>'), []);
  });

  it('leaves the names a team allows, and takes the severity a team gives it', () => {
    const { schema } = loadSchemaText(`{
      "extends": "default",
      "allowedNames": ["Hope Colors"],
      "fields": [{ "key": "Significance of the outcome", "severity": { "name-in-clear": "warning" } }]
    }`);
    assert.ok(schema);
    const found = validate(seed(0), { schema, now: NOW }).filter((d) => d.code === 'name-in-clear');
    assert.deepEqual(found.map((d) => `${d.range.start.line + 1} ${covered(seed(0), d)} ${d.severity}`), ['7 Aneen Volunteer 2', '20 Aneen Volunteer 3']);
  });
});
