import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VALID_RECORD, withField } from '../support/fixtures';
import { withCode } from '../support/check';

describe('repeated-choice', () => {
  it('is silent on distinct choices', () => {
    assert.deepEqual(withCode(VALID_RECORD, 'repeated-choice'), []);
  });
  it('warns on a repeated item and offers the list without it', () => {
    const [d] = withCode(withField('MCQType of change', '**MCQType of change**: New structure, Seeking public support, new structure'), 'repeated-choice');
    assert.equal(d.severity, 2);
    assert.match(d.message, /"new structure" is chosen twice/);
    assert.deepEqual(d.data, { fix: 'replace', suggestions: ['New structure, Seeking public support'] });
  });
});
