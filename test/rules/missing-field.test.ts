import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileSchema, DEFAULT_SCHEMA_DATA, validate } from '../../server/src/core';
import { NOW, VALID_RECORD, withField } from '../support/fixtures';
import { check, covered, withCode } from '../support/check';

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
    assert.deepEqual(d.data, { fix: 'insert-fields', keys: ['Year'], record: 0, recordStartLine: 0 });
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
  it('reports a new record once for its missing required fields and once for its recommended ones, naming them', () => {
    const text = '**FragmentID**: \n';
    const found = check(text);
    assert.deepEqual(found.map((d) => [d.code, d.severity]), [
      ['missing-field', 1],
      ['empty-value', 1],
      ['missing-field', 2],
    ]);
    assert.equal(
      found[0].message,
      'This fragment is missing 10 required fields: "coutnry", "Year", "Outcome description", "Significance of the outcome", "Rating significance", "Scale", "Contribution of the programme", "Rating contribution", "The change was unintended" and "Outcome is negative".',
    );
    assert.equal(found[2].message, 'This fragment is missing 6 recommended fields: "Outcome status", "OH-harvesting period", "Social actor", "Link to SCC Specific Objectives", "MCQType of change" and "TypeOfChangeCluster".');
    assert.deepEqual((found[2].data as { keys: string[] }).keys, ['Outcome status', 'OH-harvesting period', 'Social actor', 'Link to SCC Specific Objectives', 'MCQType of change', 'TypeOfChangeCluster']);
  });
  it('counts a misspelt key whose did-you-mean names the field as present: one problem, where it is', () => {
    const text = withField('coutnry', '**Contry**: Iraq');
    assert.deepEqual(check(text).map((d) => d.code), ['unknown-field']);
  });
  it('counts a malformed line that names the field as present', () => {
    for (const line of ['**Scale: Local', 'Scale: Local', '__Scale__: Local', '- **Scale**: Local', '**Scale:** Local']) {
      assert.deepEqual(check(withField('Scale', line)).map((d) => d.code), ['malformed-field'], line);
    }
  });
  it('still reports a field whose misspelling is not close to its name', () => {
    assert.deepEqual(withCode(withField('Scale', '**Reach**: Local'), 'missing-field').map((d) => d.message), ['This fragment has no "Scale" field, which is required.']);
  });
  it('follows a team schema that changes the severity of one field, and leaves out a field switched off', () => {
    const data = structuredClone(DEFAULT_SCHEMA_DATA);
    data.fields.find((f) => f.key === 'Year')!.severity = { 'missing-field': 'warning' };
    data.fields.find((f) => f.key === 'Scale')!.severity = { 'missing-field': 'off' };
    const text = withField('Year', null, withField('Scale', null, withField('Social actor', null)));
    const found = validate(text, { schema: compileSchema(data), now: NOW }).filter((d) => d.code === 'missing-field');
    assert.deepEqual(found.map((d) => [d.severity, d.message]), [[2, 'This fragment is missing 2 expected fields: "Year" and "Social actor".']]);
  });
  it('accepts the alias "country" for coutnry', () => {
    assert.deepEqual(withCode(withField('coutnry', '**country**: Syria'), 'missing-field'), []);
  });
});
