/**
 * The fields the checks and commands depend on are found by their role in the schema (`roles`), never by name:
 * isConfidential (core/confidential.ts) for the confidentiality flag, "Convert to fragment" for the story field, and
 * the unstructured note for the record-start key.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getDefaultSchema, isConfidential, parseWithSchema, validate } from '../../server/src/core';
import { convertStory } from '../../server/src/core/features/convert-story';
import { loadSchemaText } from '../../server/src/core/schema/load';
import { NOW, VALID_RECORD, withField } from '../support/fixtures';

const TEAM = loadSchemaText(
  JSON.stringify({
    fields: [
      { key: 'Case', presence: 'required' },
      { key: 'Summary', presence: 'required' },
      { key: 'Account', presence: 'optional' },
      { key: 'Sharing', presence: 'optional', kind: 'closed', values: ['internal', 'restricted', 'public'] },
    ],
    roles: { recordStart: 'Case', confidential: { field: 'Sharing', values: ['internal', 'restricted'] }, story: 'Account' },
  }),
);

function firstRecord(text: string, schema = TEAM.schema!) {
  return parseWithSchema(text, schema).records[0];
}

describe('isConfidential', () => {
  it('reads the built-in schema\u2019s flag: 1.0 is confidential, 0.0 and empty are not', () => {
    const schema = getDefaultSchema();
    const marked = (flag: string) => withField('Outcome statements is CONFIDENTIAL', `**Outcome statements is CONFIDENTIAL**: ${flag}`, VALID_RECORD);
    assert.equal(isConfidential(firstRecord(marked('1.0'), schema), schema), true);
    assert.equal(isConfidential(firstRecord(marked('0.0'), schema), schema), false);
    assert.equal(isConfidential(firstRecord(marked(''), schema), schema), false);
    assert.equal(isConfidential(firstRecord(withField('Outcome statements is CONFIDENTIAL', null, VALID_RECORD), schema), schema), false);
  });

  it('reads a team\u2019s own field and every value it lists, written as listed, the key with any capitals', () => {
    assert.deepEqual(TEAM.problems, []);
    const schema = TEAM.schema!;
    assert.equal(isConfidential(firstRecord('**Case**: 1\n**Sharing**: internal\n'), schema), true);
    assert.equal(isConfidential(firstRecord('**Case**: 1\n**sharing**: restricted\n'), schema), true);
    assert.equal(isConfidential(firstRecord('**Case**: 1\n**Sharing**: public\n'), schema), false);
    assert.equal(isConfidential(firstRecord('**Case**: 1\n**Sharing**: Internal\n'), schema), false);
    // The built-in field means nothing under this schema.
    assert.equal(isConfidential(firstRecord('**Case**: 1\n**Outcome statements is CONFIDENTIAL**: 1.0\n'), schema), false);
  });

  it('is false for every record when the schema has no confidentiality field', () => {
    const { schema } = loadSchemaText(JSON.stringify({ fields: [{ key: 'Case' }, { key: 'Outcome statements is NOT here' }] }));
    assert.equal(schema!.confidentialFlag, undefined);
    assert.equal(isConfidential(firstRecord('**Case**: 1\n**Outcome statements is CONFIDENTIAL**: 1.0\n', schema), schema!), false);
  });
});

describe('the story and record-start roles', () => {
  it('"Convert to fragment" puts the story in the schema\u2019s story field, though it is optional', () => {
    assert.equal(convertStory('We met the council.\n', TEAM.schema!), '**Case**: \n**Summary**: \n**Account**: We met the council.\n**Sharing**: \n');
  });

  it('the built-in schema\u2019s story field is the outcome description', () => {
    assert.match(convertStory('We met the council.', getDefaultSchema()) ?? '', /^\*\*Outcome description\*\*: We met the council\.$/m);
  });

  it('the note on an unstructured story names the schema\u2019s record-start field', () => {
    const [note] = validate('We met the council.\n', { schema: TEAM.schema!, now: NOW });
    assert.equal(note.code, 'unstructured');
    assert.match(note.message, /starting with \*\*Case\*\*\./);
  });
});
