/**
 * The quality prompts as a team tunes them in its schema: which fields they read, relations between fields stated as
 * data, prompts raised or silenced; and the problems a schema file gets when its relations cannot be used.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '../../server/src/core';
import { loadSchemaText } from '../../server/src/core/schema/team';
import { NOW, seed, VALID_RECORD, withField } from '../support/fixtures';

function schemaOf(text: string) {
  const result = loadSchemaText(text);
  assert.deepEqual(result.problems, [], 'the schema loads without problems');
  return result.schema!;
}
const codes = (text: string, schemaText: string) => validate(text, { schema: schemaOf(schemaText), now: NOW }).map((d) => `${d.code} ${d.severity}`);
const problemAt = (schemaText: string, index = 0) => {
  const problem = loadSchemaText(schemaText).problems[index];
  return { problem, text: schemaText.slice(problem.range.start.character, problem.range.end.character) };
};

describe('quality prompts in a team schema', () => {
  it('checks a relation the team states: the partner code in the FragmentID and in the Partner field agree', () => {
    const schema = JSON.stringify({
      extends: 'default',
      fields: [{ key: 'Partner', kind: 'text' }],
      relations: [{ description: 'The partner code starts the FragmentID.', sameCode: [{ field: 'FragmentID', pattern: '([A-Z]+)-.*' }, { field: 'Partner', pattern: '([A-Z]+) .*' }] }],
    });
    assert.deepEqual(codes(`${VALID_RECORD}\n**Partner**: SCC Syria office`, schema), []);
    const found = validate(`${VALID_RECORD}\n**Partner**: PAX Syria office`, { schema: schemaOf(schema), now: NOW });
    assert.deepEqual(found.map((d) => d.code), ['fields-disagree']);
    assert.equal(found[0].message, 'The code here (PAX) is not the one in FragmentID (SCC). Which one is right? The partner code starts the FragmentID.');
  });

  it('checks a team relation of choices that depend on another field', () => {
    const schema = JSON.stringify({
      extends: 'default',
      relations: [{ valuesOf: 'Social actor', dependOn: 'Scale', allowed: { National: ['Civic change agents'], Local: ['Engaged citizens'] } }],
    });
    assert.deepEqual(codes(VALID_RECORD, schema), [], 'Regional is not listed: not judged');
    assert.deepEqual(codes(withField('Scale', '**Scale**: National'), schema), []);
    assert.deepEqual(codes(withField('Scale', '**Scale**: Local'), schema), ['fields-disagree 3']);
  });

  it('silences one prompt and raises another on the field they are about', () => {
    const schema = JSON.stringify({
      extends: 'default',
      fields: [
        { key: 'Outcome description', severity: { 'outcome-when': 'off' } },
        { key: 'Evidence supporting the outcome statement', severity: { 'placeholder-evidence': 'warning' } },
      ],
    });
    const prompts = (text: string, schemaText: string) => codes(text, schemaText).filter((c) => /^(outcome-when|outcome-who|placeholder-evidence|fields-disagree|too-thin) /.test(c));
    assert.deepEqual(prompts(seed(0), '{ "extends": "default" }'), ['outcome-when 3', 'placeholder-evidence 3']);
    assert.deepEqual(prompts(seed(0), schema), ['placeholder-evidence 2']);
  });

  it('points the prompts at the team fields and length it names', () => {
    const record = `**Ref**: A-1\n**When**: 2024\n**Change**: In 2022, the farmers of <LOC> started selling their produce together.\n**Summary**: Farmers sell together.\n**Proof**: see report`;
    const schema = JSON.stringify({
      recordStart: 'Ref',
      markers: ['<LOC>'],
      fields: [
        { key: 'Ref', presence: 'required', kind: 'pattern', pattern: 'A-[0-9]+' },
        { key: 'When', kind: 'year' },
        { key: 'Change', presence: 'required' },
        { key: 'Summary', presence: 'required' },
        { key: 'Proof' },
      ],
      roles: { story: 'Change', year: 'When', evidence: 'Proof' },
      quality: { minWords: 5 },
    });
    assert.deepEqual(codes(record, schema), ['outcome-when 3', 'too-thin 3', 'placeholder-evidence 3']);
    const withoutRoles = JSON.stringify({ ...JSON.parse(schema), roles: undefined, quality: undefined });
    assert.deepEqual(codes(record, withoutRoles), ['too-thin 3'], 'a schema that gives no roles (and has none of the built-in fields) gets no prompts that read them; too-thin asks for its default of four words');
  });

  it('switches too-thin off with minWords 0', () => {
    const thin = withField('Significance of the outcome', '**Significance of the outcome**: Important.');
    assert.deepEqual(codes(thin, '{ "extends": "default" }'), ['too-thin 3']);
    assert.deepEqual(codes(thin, '{ "extends": "default", "quality": { "minWords": 0 } }'), []);
  });
});

describe('relations and quality fields in a schema file', () => {
  it('refuses a relation pattern RE2 cannot run, pointing at it', () => {
    const text = '{ "extends": "default", "relations": [ { "sameCode": [ { "field": "FragmentID", "pattern": "(?=x)" }, { "field": "Year", "pattern": ".*" } ] } ] }';
    const { problem, text: underlined } = problemAt(text);
    assert.equal(loadSchemaText(text).schema, undefined);
    assert.equal(problem.severity, 1);
    assert.match(String(problem.message), /^This pattern cannot be used: .*RE2 syntax/);
    assert.equal(underlined, '"(?=x)"');
  });

  it('warns about a relation or a role of the prompts naming no field, and uses the rest of the schema', () => {
    const text = '{ "extends": "default", "roles": { "evidence": "Proof" }, "relations": [ { "valuesOf": "Social actor", "dependOn": "Scael", "allowed": {} } ] }';
    const result = loadSchemaText(text);
    assert.ok(result.schema);
    assert.deepEqual(result.problems.map((p) => [p.severity, p.message, text.slice(p.range.start.character, p.range.end.character)]), [
      [2, 'No field has the key "Scael", so this relation is not checked.', '"Scael"'],
      [2, 'No field has the key "Proof", so the prompts that read it stay silent. Add the field to "fields", or name one that is there.', '"Proof"'],
    ]);
    assert.equal(result.schema.relations.length, 2, 'the two built-in relations; ours is left out');
  });

  it('explains a relation that is neither kind, and a sameCode with one side', () => {
    assert.match(String(problemAt('{ "extends": "default", "relations": [ { "valuesOf": "Scale" } ] }').problem.message), /^Item 1 of "relations" needs "dependOn"\./);
    assert.match(String(problemAt('{ "extends": "default", "relations": [ { "sameCode": [ { "field": "Year", "pattern": ".*" } ] } ] }').problem.message), /^"sameCode" of item 1 needs at least 2 entries\.$/);
  });
});
