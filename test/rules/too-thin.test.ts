import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seed, VALID_RECORD, withField } from '../support/fixtures';
import { withCode } from '../support/check';
import { validate } from '../../server/src/core';
import { loadSchemaText } from '../../server/src/core/schema/load';

const KEY = 'Contribution of the programme';
const contribution = (text: string) => withField(KEY, `**${KEY}**: ${text}`, VALID_RECORD);

describe('too-thin', () => {
  it('finds nothing thin in the seeds or the valid record', () => {
    assert.deepEqual(withCode(seed(0), 'too-thin'), []);
    assert.deepEqual(withCode(seed(1), 'too-thin'), []);
    assert.deepEqual(withCode(VALID_RECORD, 'too-thin'), []);
  });

  it('asks for more in a required text of fewer than four words, counting markers as words', () => {
    for (const [value, words] of [['Training.', 1], ['Trainings for <person>', 3], ['Formation des femmes', 3]] as const) {
      const found = withCode(contribution(value), 'too-thin');
      assert.equal(found.length, 1, value);
      assert.equal(found[0].severity, 3);
      assert.equal(found[0].message, `This is very short (${words} ${words === 1 ? 'word' : 'words'}). Can a reviewer check it from this alone? Say who, what, when or where.`);
    }
    assert.deepEqual(withCode(contribution('<person> trained the judges'), 'too-thin'), [], 'four words');
  });

  it('says nothing on empty values, markers only, optional fields, and scripts without spaces between words', () => {
    for (const value of ['', '<redacted>', '<person>, <LOC>.', '培训了四十名教师']) {
      assert.deepEqual(withCode(contribution(value), 'too-thin'), [], value);
    }
    const optional = withField('Contribution of other actors and factors', '**Contribution of other actors and factors**: Funding.');
    assert.deepEqual(withCode(optional, 'too-thin'), []);
  });

  it('never judges the record-start field: it holds an ID, not prose', () => {
    const own = loadSchemaText(JSON.stringify({ fields: [{ key: 'Case', presence: 'required' }, { key: 'Story', presence: 'required' }], roles: { recordStart: 'Case' } }));
    const found = validate('**Case**: 17\n**Story**: Judges now hear cases in Kurdish since March 2024.\n', { schema: own.schema! });
    assert.deepEqual(found.filter((d) => d.code === 'too-thin'), []);
    const thinStory = validate('**Case**: 17\n**Story**: Judges changed.\n', { schema: own.schema! });
    assert.deepEqual(thinStory.filter((d) => d.code === 'too-thin').map((d) => d.range.start.line), [1], 'the other required text is still judged');
  });
});
