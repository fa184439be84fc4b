import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VALID_RECORD, withField } from '../support/fixtures';
import { covered, withCode } from '../support/check';

describe('value-case', () => {
  it('is silent on values written as listed', () => {
    assert.deepEqual(withCode(VALID_RECORD, 'value-case'), []);
  });
  it('flags yes → YES and GREAT → great as warnings with the right spelling in data', () => {
    for (const [key, line, right] of [
      ['The change was unintended', '**The change was unintended**: yes', 'YES'],
      ['Rating contribution', '**Rating contribution**: GREAT', 'great'],
      ['Social actor', '**Social actor**: engaged citizens', 'Engaged citizens'],
    ]) {
      const text = withField(key, line);
      const [d] = withCode(text, 'value-case');
      assert.equal(d.severity, 2, line);
      assert.equal(covered(text, d), line.split(': ')[1]);
      assert.deepEqual(d.data, { fix: 'replace', suggestions: [right] });
      assert.deepEqual(withCode(text, 'invalid-value'), [], 'not also reported as invalid');
    }
  });
  it('flags a pattern value with wrong capitals: Harvest 3 → harvest 3', () => {
    const [d] = withCode(withField('OH-harvesting period', '**OH-harvesting period**: Harvest 3'), 'value-case');
    assert.deepEqual(d.data, { fix: 'replace', suggestions: ['harvest 3'] });
  });
});
