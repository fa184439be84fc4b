/** Inferring a schema from a team's records, and the record text of templates. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '../../server/src/core';
import { inferSchema, loadSchemaText, schemaToText, templateText } from '../../server/src/core/schema/team';
import { NOW, seed, VALID_RECORD, withField } from '../support/fixtures';

describe('inferring a schema', () => {
  const files = [
    { path: 'a.fragment', text: seed(0) },
    { path: 'b.fragment', text: seed(1) },
    { path: 'c.fragment', text: withField('Scale', '**Scale**: Continental') },
    { path: 'd.fragment', text: `${VALID_RECORD}\n**Partner**: Group <org>` },
    { path: 'story.txt', text: seed(2) },
  ];
  const data = inferSchema(files);
  const field = (key: string) => data.fields.find((f) => f.key === key)!;

  it('lists every value seen for list fields, most frequent first, with counts as descriptions', () => {
    const scale = field('Scale');
    assert.equal(scale.kind, 'closed');
    const values = scale.values as { value: string; description: string }[];
    assert.ok(values.some((v) => v.value === 'Continental' && v.description === 'Seen in 1 record.'));
    const counts = values.map((v) => Number(/in (\d+) record/.exec(v.description)![1]));
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
    assert.equal(counts.reduce((a, b) => a + b, 0), 4, 'one Scale value per record');
  });

  it('splits multi-choice values into their choices', () => {
    const multi = field('MCQType of change');
    assert.equal(multi.kind, 'multi');
    assert.ok((multi.values as { value: string }[]).every((v) => !v.value.includes(',')));
  });

  it('keeps free text as text, and turns an unknown short-valued key into an open list', () => {
    assert.equal(field('Outcome description').kind, 'text');
    assert.equal(field('Outcome description').values, undefined);
    assert.equal(field('Partner').kind, 'open');
    assert.equal(field('Partner').presence, 'optional');
    assert.ok(data.markers!.some((m) => typeof m !== 'string' && m.text === '<org>'));
  });

  it('says how many records and files it read', () => {
    assert.match(data.description!, /4 records in 4 files/);
  });

  it('writes a schema file that loads cleanly and accepts the records it came from', () => {
    const { schema, problems } = loadSchemaText(schemaToText(data));
    assert.deepEqual(problems, []);
    for (const file of files.slice(0, 4)) assert.deepEqual(validate(file.text, { schema, now: NOW }), [], file.path);
  });

  it('gives an empty schema for no records', () => {
    assert.deepEqual(inferSchema([]).fields, []);
  });
});

describe('template text', () => {
  const { schema } = loadSchemaText('{ "extends": "default", "templates": [ { "name": "Price $5", "values": { "Scale": "Local", "Outcome description": "Costs $5 {x}" } } ] }');

  it('lists every field in schema order with the template values', () => {
    const text = templateText(schema!, schema!.templates[2]);
    const lines = text.trimEnd().split('\n');
    assert.equal(lines.length, schema!.fields.length);
    assert.equal(lines[0], '**FragmentID**: ');
    assert.ok(lines.includes('**Scale**: Local'));
  });

  it('escapes snippet characters and puts a tab stop on every value, the given ones as placeholders', () => {
    const snippet = templateText(schema!, schema!.templates[2], { snippet: true });
    assert.match(snippet, /^\*\*FragmentID\*\*: \$\{1\}\n/);
    assert.ok(snippet.includes('**Outcome description**: ${6:Costs \\$5 {x\\}}'), snippet);
    assert.ok(snippet.endsWith('$0'));
  });
});
