/** Loading a team schema from its text: syntax, shape and meaning problems at their place; extends; a usable schema. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SCHEMA_DATA, DIAGNOSTIC_CODES, validate } from '../../server/src/core';
import { loadSchemaText, extendSchemaData, schemaToText, starterSchemaText } from '../../server/src/core/schema/team';
import formatSchema from '../../schemas/fragment.schema.json';
import { NOW, VALID_RECORD, withField } from '../support/fixtures';

const errorsOf = (text: string) => loadSchemaText(text).problems.filter((p) => p.severity === 1);

describe('loading a schema file', () => {
  it('accepts the built-in schema itself, written out, and the starter file with its comments', () => {
    for (const text of [schemaToText(DEFAULT_SCHEMA_DATA), starterSchemaText()]) {
      const result = loadSchemaText(text);
      assert.deepEqual(result.problems, []);
      assert.ok(result.schema);
    }
  });

  it('tolerates comments and trailing commas', () => {
    const result = loadSchemaText('{\n  // our format\n  "fields": [ { "key": "Partner", }, ],\n}');
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.schema?.fields.map((f) => f.key), ['Partner']);
  });

  it('reports a syntax error at its line and column, and gives no schema', () => {
    const result = loadSchemaText('{\n  "fields": [\n    { "key": "A" }\n    { "key": "B" }\n  ]\n}');
    assert.equal(result.schema, undefined);
    assert.equal(result.problems[0].range.start.line, 3);
    assert.equal(result.problems[0].range.start.character, 4);
    assert.match(String(result.problems[0].message), /comma is expected/);
  });

  it('explains a wrong value in plain words with a suggestion, underlining the value', () => {
    const text = '{ "fields": [ { "key": "Scale", "kind": "closd" } ] }';
    const [problem] = errorsOf(text);
    assert.match(String(problem.message), /"kind" of field 1 must be one of: text, closed, .* Did you mean "closed"\?/);
    assert.equal(text.slice(problem.range.start.character, problem.range.end.character), '"closd"');
  });

  it('warns about an unknown property with the nearest known name, and still uses the schema', () => {
    const result = loadSchemaText('{ "fields": [ { "key": "Scale", "valeus": ["Local"] } ] }');
    assert.ok(result.schema);
    assert.equal(result.problems.length, 1);
    assert.equal(result.problems[0].severity, 2);
    assert.match(String(result.problems[0].message), /"valeus" is not part of .* Did you mean "values"\?/);
  });

  it('names a language tag a description cannot have, at the tag, instead of speaking of keys', () => {
    const text = '{ "extends": "default", "fields": [ { "key": "Scale", "description": { "en": "How far.", "french": "Jusqu’où." } } ] }';
    const errors = errorsOf(text);
    assert.deepEqual(
      errors.map((e) => e.message),
      ['"french" is not a language tag. Write one such as "en", "fr", "es" or "ar".'],
    );
    const at = text.indexOf('"french"');
    assert.deepEqual(errors[0].range, { start: { line: 0, character: at }, end: { line: 0, character: at + '"french"'.length } });
  });

  it('refuses a pattern RE2 cannot run, pointing at the pattern', () => {
    const text = '{ "fields": [ { "key": "Code", "kind": "pattern", "pattern": "(a+)\\\\1" } ] }';
    const result = loadSchemaText(text);
    assert.equal(result.schema, undefined);
    assert.match(String(result.problems[0].message), /This pattern cannot be used: .*back-references/);
    assert.equal(text.slice(result.problems[0].range.start.character, result.problems[0].range.end.character), '"(a+)\\\\1"');
  });

  it('needs fields unless it extends the default, and a pattern for the pattern kind', () => {
    assert.match(String(errorsOf('{}')[0].message), /needs "fields"/);
    assert.deepEqual(errorsOf('{ "extends": "default" }'), []);
    assert.match(String(errorsOf('{ "fields": [ { "key": "Code", "kind": "pattern" } ] }')[0].message), /no "pattern"/);
  });

  it('answers garbage, huge and deeply nested input with a problem instead of an exception', () => {
    for (const text of ['', '\u0000\u0001', '[]', '"text"', '['.repeat(200_000), `{"description": "${'x'.repeat(3_000_000)}"}`]) {
      const result = loadSchemaText(text);
      assert.equal(result.schema, undefined, text.slice(0, 20));
      assert.ok(result.problems.length >= 1);
    }
  });

  it('warns about names that point at no field', () => {
    const result = loadSchemaText('{ "extends": "default", "fieldOrder": ["Nope"], "templates": [ { "name": "T", "values": { "Bad key": "x" } } ] }');
    assert.ok(result.schema);
    assert.deepEqual(result.problems.map((p) => p.severity), [2, 2]);
  });

  it('describes every problem code, and only real ones, in the published format, and warns about a code that does not exist', () => {
    const severity = (formatSchema as { definitions: { field: { properties: { severity: { properties: object } } } } }).definitions.field.properties.severity;
    const described = Object.keys(severity.properties);
    assert.deepEqual(described.filter((code) => !(DIAGNOSTIC_CODES as readonly string[]).includes(code)), []);
    assert.deepEqual(DIAGNOSTIC_CODES.filter((code) => !described.includes(code)), [], 'codes without a description in schemas/fragment.schema.json');
    const result = loadSchemaText('{ "extends": "default", "fields": [ { "key": "Scale", "severity": { "invalid-valeu": "off" } } ] }');
    assert.ok(result.schema);
    assert.match(String(result.problems[0].message), /"invalid-valeu" is not a problem code.* Did you mean "invalid-value"\?/);
  });
});

describe('extends: "default"', () => {
  it('adds values to a built-in list with addValues, keeping the others', () => {
    const { schema } = loadSchemaText('{ "extends": "default", "fields": [ { "key": "Scale", "addValues": ["Continental"] } ] }');
    assert.ok(schema);
    const scale = schema.byName.get('Scale')!;
    assert.equal(scale.kind, 'closed');
    assert.ok(scale.valueIndex.has('Regional'));
    assert.ok(scale.valueIndex.has('Continental'));
    assert.deepEqual(validate(withField('Scale', '**Scale**: Continental'), { schema, now: NOW }), []);
    assert.equal(validate(withField('Scale', '**Scale**: Continental'), { now: NOW }).length, 1);
  });

  it('overrides a built-in field property by property, found by key or alias', () => {
    const data = extendSchemaData({ extends: 'default', fields: [{ key: 'country', presence: 'optional' }, { key: 'Partner' }] });
    const country = data.fields.find((f) => f.key === 'country')!;
    assert.equal(country.presence, 'optional');
    assert.equal(country.valueSet, 'countries');
    assert.equal(data.fields.length, DEFAULT_SCHEMA_DATA.fields.length + 1);
    assert.equal(data.fields[data.fields.length - 1].key, 'Partner');
  });

  it('applies severity overrides and field order', () => {
    const { schema } = loadSchemaText('{ "extends": "default", "fieldOrder": ["Year"], "fields": [ { "key": "Year", "severity": { "invalid-value": "off", "missing-field": "hint" } } ] }');
    assert.ok(schema);
    assert.equal(schema.fields[0].key, 'Year');
    assert.deepEqual(validate(withField('Year', '**Year**: 20x4'), { schema, now: NOW }), []);
    const missing = validate(withField('Year', null), { schema, now: NOW });
    assert.deepEqual(missing.map((d) => [d.code, d.severity]), [['missing-field', 4]]);
  });

  it('adds team templates and markers to the built-in ones', () => {
    const { schema } = loadSchemaText('{ "extends": "default", "markers": ["<org>"], "templates": [ { "name": "Partner report" } ] }');
    assert.ok(schema);
    assert.ok(schema.markers.some((m) => m.text === '<org>') && schema.markers.some((m) => m.text === '<LOC>'));
    assert.deepEqual(schema.templates.map((t) => t.name), ['Substantiated outcome', 'Negative outcome', 'Partner report']);
  });

  it('keeps the valid record valid under a schema that only extends', () => {
    const { schema } = loadSchemaText('{ "extends": "default" }');
    assert.deepEqual(validate(VALID_RECORD, { schema, now: NOW }), []);
  });

  describe('roles', () => {
    const warningsOf = (text: string) => loadSchemaText(text).problems.map((p) => ({ severity: p.severity, message: String(p.message), at: text.slice(offsetOf(text, p.range.start), offsetOf(text, p.range.end)) }));

    it('the built-in schema names today\u2019s fields; a team schema that extends it may rename one and keeps the others', () => {
      const schema = loadSchemaText(JSON.stringify({ extends: 'default', fields: [{ key: 'Private', kind: 'flag' }], roles: { confidential: { field: 'Private', values: ['YES'] } } })).schema!;
      assert.equal(schema.recordStart, 'FragmentID');
      assert.equal(schema.confidentialFlag?.field.key, 'Private');
      assert.deepEqual(schema.confidentialFlag?.values, ['YES']);
      assert.equal(schema.storyField?.key, 'Outcome description');
    });

    it('a role naming a field the schema does not have is a warning on that name, and the role does nothing', () => {
      const text = '{ "fields": [ { "key": "ID" }, { "key": "Flag", "kind": "flag" } ],\n  "roles": { "recordStart": "Id number", "confidential": { "field": "Secret", "values": ["YES"] }, "story": "Tale" } }';
      const result = loadSchemaText(text);
      assert.ok(result.schema, 'the schema is still used');
      assert.deepEqual(warningsOf(text), [
        { severity: 2, message: 'No field has the key "Id number"; add it to "fields" so records can start with it.', at: '"Id number"' },
        { severity: 2, message: 'No field has the key "Secret", so no record can be marked confidential and contact details are not looked for. Add the field to "fields", or name one that is there.', at: '"Secret"' },
        { severity: 2, message: 'No field has the key "Tale", so "Convert to fragment" cannot put a story there and the prompts that read the outcome stay silent. Add the field to "fields", or name one that is there.', at: '"Tale"' },
      ]);
      assert.equal(result.schema.confidentialFlag, undefined);
      assert.equal(result.schema.storyField, undefined);
    });

    it('a confidential value the field does not accept is a warning on the value', () => {
      const text = '{ "extends": "default", "roles": { "confidential": { "field": "Outcome statements is CONFIDENTIAL", "values": ["1.0", "yes"] } } }';
      assert.deepEqual(warningsOf(text), [
        { severity: 2, message: 'The field "Outcome statements is CONFIDENTIAL" does not accept "yes", so no record is marked confidential with it. It accepts: 1.0, 0.0.', at: '"yes"' },
      ]);
    });

    it('the older top-level recordStart is still read; roles.recordStart wins over it', () => {
      const fields = [{ key: 'A' }, { key: 'B' }];
      assert.equal(loadSchemaText(JSON.stringify({ fields, recordStart: 'B' })).schema?.recordStart, 'B');
      assert.equal(loadSchemaText(JSON.stringify({ fields, recordStart: 'B', roles: { recordStart: 'A' } })).schema?.recordStart, 'A');
      assert.equal(loadSchemaText(JSON.stringify({ extends: 'default', fields: [{ key: 'Case' }], recordStart: 'Case' })).schema?.recordStart, 'Case');
    });

    it('a role of the wrong shape is an error that names it', () => {
      const [problem] = errorsOf('{ "extends": "default", "roles": { "confidential": "Outcome statements is CONFIDENTIAL" } }');
      assert.match(String(problem.message), /confidential/);
    });
  });
});

function offsetOf(text: string, position: { line: number; character: number }): number {
  const lines = text.split('\n');
  return lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
}

