import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VALID_RECORD } from '../support/fixtures';
import { covered, withCode } from '../support/check';

describe('duplicate-field', () => {
  it('is silent when each field appears once, even across records', () => {
    assert.deepEqual(withCode(`${VALID_RECORD}\n${VALID_RECORD.replace('PHR012', 'PHR013')}`, 'duplicate-field'), []);
  });
  it('does not call two fields without a name a repeat (each is reported as having no name)', () => {
    assert.deepEqual(withCode(`${VALID_RECORD}\n** **: one\n** **: two`, 'duplicate-field'), []);
  });
  it('reports the repeat, pointing at the first', () => {
    const text = `${VALID_RECORD}\n**Scale**: Local`;
    const [d] = withCode(text, 'duplicate-field');
    assert.equal(d.severity, 1);
    assert.equal(d.range.start.line, 23);
    assert.equal(covered(text, d), 'Scale');
    assert.match(d.message, /first on line 11\) with a different value/);
    assert.deepEqual(d.data, { fix: 'remove-duplicate', key: 'Scale', firstLine: 10, sameValue: false });
    assert.equal(d.relatedInformation?.[0].location.range.start.line, 10);
  });
  it('says when the repeat has the same value', () => {
    const [d] = withCode(`${VALID_RECORD}\n**Scale**: Regional`, 'duplicate-field');
    assert.match(d.message, /with the same value/);
    assert.equal((d.data as { sameValue: boolean }).sameValue, true);
  });
});
