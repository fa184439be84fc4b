import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '../../server/src/core';
import { loadSchemaText } from '../../server/src/core/schema/team';
import { NOW, seed } from '../support/fixtures';
import { covered, withCode } from '../support/check';
import { confidentialWith, markedConfidential } from '../support/confidential';

const beside = (text: string) => withCode(text, 'name-beside-marker').map((d) => covered(text, d));
const describeIt = (description: string) => beside(confidentialWith({ 'Outcome description': description }));

describe('name-beside-marker', () => {
  it('warns about "Kesh <person>" in seed 001 once it is marked confidential, with a fix to redact it', () => {
    const text = markedConfidential(seed(1));
    const found = withCode(text, 'name-beside-marker');
    assert.deepEqual(found.map((d) => `${d.range.start.line + 1} ${covered(text, d)}`), ['7 Kesh', '20 Kesh']);
    assert.ok(found.every((d) => d.severity === 2));
    assert.deepEqual(found[0].data, { fix: 'redact', markers: ['<person>'], everywhere: 'Kesh' });
    assert.match(found[0].message, /^"Kesh" stands right beside <person>: it may be part of the name the marker hides\./);
  });

  it('finds a capitalised word on either side of the marker', () => {
    assert.deepEqual(describeIt('In 2024, <person> Haddad led the coalition with Amal <person>.'), ['Haddad', 'Amal']);
  });

  it('finds a name beside the marker whatever its letters or spacing: beyond ASCII, with a joiner, after spaces or a tab', () => {
    assert.deepEqual(describeIt('The group met Çelik <person> and <person> Özdemir.'), ['Çelik', 'Özdemir']);
    assert.deepEqual(describeIt("The group met Ni'mah <person> and Jean-Luc  <person>\tHaddad."), ["Ni'mah", 'Jean-Luc', 'Haddad']);
    assert.deepEqual(describeIt('The group met with-Kesh <person> and van der <person> kept quiet.'), [], 'a word with no capital at its start');
  });

  it('leaves titles, sentence words, words that start a sentence, other markers and small words alone', () => {
    assert.deepEqual(describeIt('Dr <person> met Sheikh <person>. The <person> family agreed. In <LOC> the <person> committee met.'), []);
    assert.deepEqual(describeIt('Kesh <person> led it.'), [], 'the first word of a value may only start the sentence');
    assert.deepEqual(describeIt('It rained. Yesterday <person> agreed.'), []);
    assert.deepEqual(describeIt('In Erbil <LOC> and PFO <redacted> the group met.'), []);
    assert.deepEqual(describeIt('We met <person>\nHaddad the next day.'), [], 'a line break ends the phrase');
  });

  it('says nothing in a script without capital letters, in a record that is not confidential, or on a lone marker', () => {
    assert.deepEqual(describeIt('في عام 2024، قاد كش <person> بناء تحالف.'), []);
    assert.deepEqual(beside(seed(1)), []);
    assert.deepEqual(describeIt('<person>'), []);
  });

  it('leaves a name the team schema allows', () => {
    const { schema } = loadSchemaText('{ "extends": "default", "allowedNames": ["Oxfam"] }');
    assert.ok(schema);
    const text = confidentialWith({ 'Outcome description': 'In 2024, Oxfam <person> and Amal <person> met.' });
    assert.deepEqual(validate(text, { schema, now: NOW }).filter((d) => d.code === 'name-beside-marker').map((d) => covered(text, d)), ['Amal']);
  });
});
