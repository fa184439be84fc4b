import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '../../server/src/core';
import { loadSchemaText } from '../../server/src/core/schema/team';
import { NOW, seed } from '../support/fixtures';
import { covered, withCode } from '../support/check';
import { confidentialWith } from '../support/confidential';

const placesIn = (text: string) => withCode(text, 'place-in-clear').map((d) => covered(text, d));
const inDescription = (description: string) => placesIn(confidentialWith({ 'Outcome description': description }));

describe('place-in-clear', () => {
  it('finds towns, cities and provinces of the gazetteer in a confidential record, as information', () => {
    const text = confidentialWith({ 'Outcome description': 'Groups in Mosul, Erbil and Ar Raqqah met; in Ḩalab and Idlib too.' });
    const found = withCode(text, 'place-in-clear');
    assert.deepEqual(found.map((d) => covered(text, d)), ['Mosul', 'Erbil', 'Ar Raqqah', 'Ḩalab', 'Idlib']);
    assert.ok(found.every((d) => d.severity === 3));
    assert.deepEqual(found[0].data, { fix: 'redact', markers: ['<LOC>', '<redacted>'], everywhere: 'Mosul' });
    assert.match(found[0].message, /^"Mosul" looks like the name of a place\./);
  });

  it('finds nothing in the seeds and the good examples', () => {
    assert.deepEqual(placesIn(seed(0)), []);
    assert.deepEqual(placesIn(seed(1)), []);
  });

  it('leaves countries, words without their capital, a script without capitals and records that are not confidential alone', () => {
    assert.deepEqual(inDescription('Women in Iraq and Syria met; the mosul group too.'), []);
    assert.deepEqual(inDescription('اجتمعت مجموعات في الموصل وأربيل.'), []);
    assert.deepEqual(placesIn(confidentialWith({ 'Outcome description': 'Groups in Mosul met.' }, '0.0')), []);
    assert.deepEqual(inDescription('<LOC>'), []);
  });

  it('finds a place whose name starts with two capitals, a joiner, or a letter beyond ASCII in first or second place', () => {
    // The search for where a place may start is built from the first two characters of the gazetteer's names, and a
    // value with one place is read in full: so each place stands alone in its value here.
    for (const place of ['NIA Valencia', "N'Djamena", 'I-n-Salah', 'Aïn Defla', 'Çankaya']) {
      assert.deepEqual(inDescription(`Partners from ${place} met; so did some from <LOC>.`), [place]);
    }
    assert.deepEqual(inDescription('Partners from DRL, NWS and CSOs in <LOC> met.'), []);
  });

  it('finds a name of several words with more than one space or a tab between them, as with one space', () => {
    // `The` and `In` start no place of one word: only the whole name, as the rule reads it, is found.
    assert.deepEqual(inDescription('Meetings in The Valley went on.'), ['The Valley']);
    assert.deepEqual(inDescription('Meetings in The  Valley went on.'), ['The  Valley']);
    assert.deepEqual(inDescription('Meetings in The\tValley went on.'), ['The\tValley']);
    assert.deepEqual(inDescription('Trips to In \t Salah.'), ['In \t Salah']);
    assert.deepEqual(inDescription('Meetings in The\nValley went on.'), []);
  });

  it('leaves a place the team allows', () => {
    const { schema } = loadSchemaText('{ "extends": "default", "allowedNames": ["Stockholm"] }');
    assert.ok(schema);
    const text = confidentialWith({ 'Outcome description': 'Partners met in Stockholm and Baghdad.' });
    assert.deepEqual(validate(text, { schema, now: NOW }).filter((d) => d.code === 'place-in-clear').map((d) => covered(text, d)), ['Baghdad']);
  });
});
