import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VALID_RECORD, withField } from '../support/fixtures';
import { covered, withCode } from '../support/check';

describe('unknown-value', () => {
  it('is silent on known values of open lists (countries included)', () => {
    assert.deepEqual(withCode(VALID_RECORD, 'unknown-value'), []);
    assert.deepEqual(withCode(withField('coutnry', '**coutnry**: Iraq'), 'unknown-value'), []);
  });
  it('reports an unknown open-list value for information, with a did-you-mean when close', () => {
    const text = withField('Social actor', '**Social actor**: Engaged citizen');
    const [d] = withCode(text, 'unknown-value');
    assert.equal(d.severity, 3);
    assert.equal(covered(text, d), 'Engaged citizen');
    assert.match(d.message, /Did you mean "Engaged citizens"\?/);
  });
  it('suggests a country: Syira → Syria', () => {
    const [d] = withCode(withField('coutnry', '**coutnry**: Syira'), 'unknown-value');
    assert.equal((d.data as { suggestions: string[] }).suggestions[0], 'Syria');
  });
  it('an unknown objective code is information; a known code suggests its full label', () => {
    const [unknown] = withCode(withField('Link to SCC Specific Objectives', '**Link to SCC Specific Objectives**: XYZ: Something new'), 'unknown-value');
    assert.equal(unknown.severity, 3);
    const [known] = withCode(withField('Link to SCC Specific Objectives', '**Link to SCC Specific Objectives**: GEQ: gender roles'), 'unknown-value');
    assert.match((known.data as { suggestions: string[] }).suggestions[0], /^GEQ: More equal gender roles/);
  });
  it('checks each item of an open multi-choice list, with the item’s own range', () => {
    const text = withField('MCQType of change', '**MCQType of change**: New structure, Advocacy');
    const [d] = withCode(text, 'unknown-value');
    assert.equal(covered(text, d), 'Advocacy');
  });
});
