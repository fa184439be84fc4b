import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VALID_RECORD, withField } from '../support/fixtures';
import { covered, withCode } from '../support/check';

describe('malformed-field', () => {
  it('leaves well-formed records and bold words in prose alone', () => {
    assert.deepEqual(withCode(VALID_RECORD, 'malformed-field'), []);
    const prose = withField('Outcome description', '**Outcome description**: They said:\n**not** yet, and *maybe* later: fine.');
    assert.deepEqual(withCode(prose, 'malformed-field'), []);
  });
  for (const [line, problem] of [
    ['**Scale: Local', 'the closing ** after the key is missing'],
    ['**Scale**Local', 'the colon after the key is missing'],
    ['Scale: Local', 'the key is not written between ** and **'],
    ['**Scale:** Local', 'the colon is inside the ** markers'],
    ['  **Scale**: Local', 'the line does not start at the left margin'],
  ]) {
    it(`recognises ${JSON.stringify(line)}`, () => {
      const text = withField('Scale', line);
      const [d] = withCode(text, 'malformed-field');
      assert.ok(d, 'reported');
      assert.equal(d.severity, 2);
      assert.equal(covered(text, d), line.trim());
      assert.match(d.message, new RegExp(problem.replace(/[*]/g, '\\*')));
      assert.deepEqual(d.data, { fix: 'rewrite-line', replacement: '**Scale**: Local' });
    });
  }
  it('does not read the malformed line into the previous value', () => {
    const text = withField('Scale', '**Scale: Local');
    assert.deepEqual(withCode(text, 'invalid-value'), [], 'Rating significance keeps its own value');
  });
});
