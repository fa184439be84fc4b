import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seed, VALID_RECORD } from '../support/fixtures';
import { check } from '../support/check';

describe('unstructured', () => {
  it('gives the story one information diagnostic and nothing else', () => {
    const found = check(seed(2));
    assert.deepEqual(found.map((d) => [d.code, d.severity]), [['unstructured', 3]]);
    assert.deepEqual(found[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 80 } });
  });
  it('is not reported on a structured record, nor on an empty file', () => {
    assert.ok(!check(VALID_RECORD).some((d) => d.code === 'unstructured'));
    assert.deepEqual(check(''), []);
    assert.deepEqual(check('\n  \n'), []);
  });
});
