/** Inferring a schema from a team's records, and the record text of templates. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse as parseJsonc } from 'jsonc-parser';
import { getDefaultSchema, validate, type FieldData, type SchemaData, type ValueData } from '../../server/src/core';
import { inferSchema, loadSchemaText, templateText } from '../../server/src/core/schema/team';
import { brokenRecord, NOW, seed, VALID_RECORD, withField } from '../support/fixtures';

const valuesOf = (field: FieldData | undefined) => (field?.values ?? field?.addValues ?? []).map((v) => (typeof v === 'string' ? v : v.value));

describe('inferring a schema from the seeds and a folder with planted typos', () => {
  // The seeds, plus records a team might have: typos of every kind, and things of its own used on purpose.
  const files = [
    { path: 'a.fragment', text: seed(0) },
    { path: 'b.fragment', text: seed(1) },
    { path: 'typos.fragment', text: brokenRecord() }, // meduim, yes, Socail actor, <persn>, an almost-field, …
    { path: 'more/typos.fragment', text: withField('Scale', '**Scale**: Continental', withField('coutnry', '**Contry**: Iraq')) },
    { path: 'more/ours.fragment', text: withField('Social actor', '**Social actor**: Municipal authorities', `${VALID_RECORD}\n**Partner**: Group <org>`) },
    { path: 'more/ours2.fragment', text: withField('Social actor', '**Social actor**: Municipal authorities', `${VALID_RECORD}\n**Partner**: Other group`) },
    { path: 'story.txt', text: seed(2) },
  ];
  const result = inferSchema(files, { now: NOW });
  const { data, suspects, text } = result;
  const own = (key: string) => data.fields.find((f) => f.key === key);
  const loaded = loadSchemaText(text);
  const schema = loaded.schema!;
  const spec = (key: string) => schema.byName.get(key)!;
  const suspect = (value: string) => suspects.find((s) => s.text === value);

  it('writes a schema file (JSON with comments) that loads without problems and extends the built-in schema', () => {
    assert.deepEqual(loaded.problems, []);
    assert.equal(data.extends, 'default');
    assert.equal((parseJsonc(text) as SchemaData).extends, 'default');
  });

  it('keeps every built-in field, value, alias and presence', () => {
    for (const builtIn of getDefaultSchema().fields) {
      const inferred = spec(builtIn.key);
      assert.ok(inferred, builtIn.key);
      assert.equal(inferred.presence, builtIn.presence, `${builtIn.key} keeps its presence`);
      assert.equal(inferred.kind, builtIn.kind, `${builtIn.key} keeps its kind`);
      assert.deepEqual(inferred.aliases, builtIn.aliases, builtIn.key);
      for (const value of builtIn.values) assert.ok(inferred.valueIndex.has(value.value), `${builtIn.key} keeps ${value.value}`);
    }
    assert.deepEqual(spec('Rating significance').values.map((v) => v.value), ['low', 'medium', 'high']);
    assert.equal(spec('Scale').presence, 'required');
  });

  it('never learns what the built-in schema rejects: typos are suspects, with counts and places', () => {
    const expected: [string, string | undefined, string][] = [
      ['meduim', 'Rating significance', 'invalid-value'],
      ['yes', 'The change was unintended', 'value-case'],
      ['Socail actor', undefined, 'unknown-field'],
      ['Contry', undefined, 'unknown-field'],
      ['<persn>', undefined, 'unknown-marker'],
      ['Continental', 'Scale', 'invalid-value'],
    ];
    for (const [value, field, code] of expected) {
      const found = suspect(value);
      assert.ok(found, `${value} is a suspect`);
      assert.equal(found.field, field, value);
      assert.equal(found.code, code, value);
      assert.equal(found.count, 1, value);
      assert.ok(found.places.length > 0 && found.places.every((p) => p.line >= 1 && files.some((f) => f.path === p.path)), value);
      assert.ok(text.includes(`"${value}"`), `${value} is listed in the file's comments`);
    }
    assert.deepEqual(suspect('meduim')!.places, [{ path: 'typos.fragment', line: 8 }]); // Year is left out above it
    assert.ok(suspects.some((s) => s.code === 'malformed-field'), 'the almost-field line is a suspect');
    // Nothing rejected was added anywhere.
    for (const field of data.fields) for (const value of valuesOf(field)) assert.ok(!suspect(value), `${field.key}: ${value}`);
    for (const key of ['Socail actor', 'Contry']) assert.equal(own(key), undefined);
    assert.ok(!(data.markers ?? []).some((m) => (typeof m === 'string' ? m : m.text) === '<persn>'));
  });

  it('the typos stay problems under the inferred schema, and the records without typos check clean', () => {
    const problems = validate(files[2].text, { schema, now: NOW }).map((d) => d.code);
    for (const code of ['invalid-value', 'value-case', 'unknown-field', 'unknown-marker', 'malformed-field']) assert.ok(problems.includes(code as never), code);
    // Clean: no error and no warning (seed 000 keeps its information notes about what a confidential record shows).
    for (const file of [files[0], files[1], files[4], files[5]]) assert.deepEqual(validate(file.text, { schema, now: NOW }).filter((d) => d.severity <= 2), [], file.path);
  });

  it('adds the new values of open lists, new keys (optional) and new markers the records use', () => {
    const socialActor = own('Social actor')!;
    assert.deepEqual(Object.keys(socialActor).sort(), ['addValues', 'key'], 'only adds to the built-in field');
    assert.deepEqual(socialActor.addValues, [{ value: 'Municipal authorities', description: 'Seen in 2 records.' } satisfies ValueData]);
    const partner = own('Partner')!;
    assert.equal(partner.presence, 'optional');
    assert.equal(partner.kind, 'open');
    assert.deepEqual(valuesOf(partner).sort(), ['Group <org>', 'Other group']);
    assert.ok(data.markers!.some((m) => typeof m !== 'string' && m.text === '<org>'));
    assert.equal(data.fields.length, 2, 'nothing else is added');
  });

  it('learns one spelling of a new word; other capitals of it are suspects', () => {
    const other = inferSchema([
      { path: 'a.fragment', text: `${VALID_RECORD}\n**Partner**: Partner A` },
      { path: 'b.fragment', text: `${VALID_RECORD}\n**Partner**: Partner A` },
      { path: 'c.fragment', text: `${VALID_RECORD}\n**partner**: partner a` },
    ], { now: NOW });
    const partner = other.data.fields.find((f) => f.key === 'Partner')!;
    assert.deepEqual(valuesOf(partner), ['Partner A']);
    assert.deepEqual(other.suspects.map((s) => `${s.code} ${s.text} ${s.count}`).sort(), ['unknown-field partner 1', 'value-case partner a 1']);
  });

  it('reads a value that is only a marker-like token as that marker, as the checker does, never as a value of the field', () => {
    const files = [
      { path: 'a.fragment', text: withField('Scale', '**Scale**: <Region>') }, // a closed list
      { path: 'b.fragment', text: withField('Social actor', '**Social actor**: <Group>') }, // an open list
      { path: 'c.fragment', text: withField('Year', '**Year**: <Loc>') }, // other capitals of the known <LOC>
    ];
    const inferred = inferSchema(files, { now: NOW });
    // New markers are learned; a value that is only one counts as given, so it is neither a new value nor a suspect.
    assert.deepEqual(inferred.data.markers?.map((m) => (typeof m === 'string' ? m : m.text)), ['<Region>', '<Group>']);
    assert.deepEqual(inferred.data.fields, []);
    // The near miss of a known marker is one suspect, as a marker: not a second one as a wrong Year.
    assert.deepEqual(inferred.suspects.map((s) => [s.code, s.field, s.text]), [['unknown-marker', undefined, '<Loc>']]);
    const schema = loadSchemaText(inferred.text).schema!;
    assert.deepEqual(validate(files[0].text, { schema, now: NOW }), []);
    assert.deepEqual(validate(files[1].text, { schema, now: NOW }), []);
  });

  it('a field with no name is a suspect, not a new field', () => {
    const nameless = inferSchema([{ path: 'a.fragment', text: `${VALID_RECORD}\n** **: something` }], { now: NOW });
    assert.deepEqual(nameless.data.fields, []);
    assert.deepEqual(nameless.suspects.map((s) => [s.code, s.text, s.places]), [['unknown-field', '** **', [{ path: 'a.fragment', line: 24 }]]]);
  });

  it('says how many records and files it read', () => {
    assert.equal(result.records, 6);
    assert.equal(result.filesWithRecords, 6);
    assert.match(text, /Inferred from 6 records in 6 fragment files/);
  });

  it('gives the built-in schema unchanged for no records', () => {
    const empty = inferSchema([]);
    assert.deepEqual(empty.data.fields, []);
    assert.deepEqual(empty.suspects, []);
    assert.deepEqual(loadSchemaText(empty.text).problems, []);
  });

  it('keeps the comments one line each whatever the records hold', () => {
    const odd = inferSchema([{ path: 'x\ny.fragment', text: withField('Scale', '**Scale**: Glob\u2028al') }], { now: NOW });
    assert.deepEqual(loadSchemaText(odd.text).problems, []);
    assert.ok(odd.suspects.length > 0);
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
