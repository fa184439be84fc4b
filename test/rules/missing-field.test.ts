import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VALID_RECORD, withField } from '../support/fixtures';
import { covered, withCode } from '../support/check';

describe('missing-field', () => {
  it('is silent on a complete record', () => {
    assert.deepEqual(withCode(VALID_RECORD, 'missing-field'), []);
  });
  it('reports a missing required field as an error on the record’s first key', () => {
    const text = withField('Year', null);
    const [d] = withCode(text, 'missing-field');
    assert.equal(d.severity, 1);
    assert.equal(d.message, 'This fragment has no "Year" field, which is required.');
    assert.equal(covered(text, d), 'FragmentID');
    assert.deepEqual(d.data, { fix: 'insert-field', key: 'Year', record: 0, recordStartLine: 0 });
  });
  it('reports a missing recommended field as a warning and an optional one not at all', () => {
    const text = withField('Scale', null, withField('Social actor', null, withField('StoryFragment_Merged', null)));
    const found = withCode(text, 'missing-field').map((d) => [d.severity, d.message]);
    assert.deepEqual(found, [
      [1, 'This fragment has no "Scale" field, which is required.'],
      [2, 'This fragment has no "Social actor" field, which is recommended.'],
    ]);
  });
  it('checks each record of a multi-record file on its own', () => {
    const second = withField('Year', null).replace('PHR012', 'PHR013');
    const diagnostics = withCode(`${VALID_RECORD}\n${second}`, 'missing-field');
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].range.start.line, 23);
  });
  it('accepts the alias "country" for coutnry', () => {
    assert.deepEqual(withCode(withField('coutnry', '**country**: Syria'), 'missing-field'), []);
  });
});
