import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VALID_RECORD, withField } from '../support/fixtures';
import { covered, withCode } from '../support/check';

describe('empty-value', () => {
  it('ignores empty optional fields (the export leaves them empty)', () => {
    assert.deepEqual(withCode(VALID_RECORD, 'empty-value'), []);
  });
  it('flags an empty required field as an error on its key', () => {
    const text = withField('Scale', '**Scale**:   ');
    const [d] = withCode(text, 'empty-value');
    assert.equal(d.severity, 1);
    assert.equal(covered(text, d), 'Scale');
    assert.match(d.message, /"Scale" is required but has no value/);
  });
  it('flags an empty recommended field as a warning, with an example when the schema has one', () => {
    const [d] = withCode(withField('OH-harvesting period', '**OH-harvesting period**:'), 'empty-value');
    assert.equal(d.severity, 2);
    assert.match(d.message, /For example: harvest 3/);
  });
  it('counts a value that is only a redaction marker as a value', () => {
    assert.deepEqual(withCode(withField('Scale', '**Scale**: <redacted>'), 'empty-value'), []);
  });
  it('counts a value on the next line as a value', () => {
    assert.deepEqual(withCode(withField('Outcome description', '**Outcome description**:\nWritten below the key.'), 'empty-value'), []);
  });
});
