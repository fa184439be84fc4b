/** Quick fixes and fix-all on the core: each fix removes its own problem; fix-all only applies the safe ones. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { compileSchema, getDefaultSchema, parseWithSchema, validate, type FragmentDiagnostic } from '../../server/src/core';
import { fixAll, safeEdit } from '../../server/src/core/features/fix-all';
import { quickFixes } from '../../server/src/core/features/quick-fixes';
import { applyEdits } from '../../server/src/core/features/shared';
import { NOW, brokenRecord, seed, withField } from '../support/fixtures';
import { fieldValue } from '../../server/src/core/parser';

const URI = 'file:///broken.fragment';
const schema = getDefaultSchema();


function check(text: string): FragmentDiagnostic[] {
  return validate(text, { now: NOW, uri: URI });
}

function applyAction(text: string, action: CodeAction): string {
  const edits = (action.edit?.changes?.[URI] ?? []) as TextEdit[];
  assert.ok(edits.length > 0, `${action.title} has no edits`);
  return applyEdits(text, edits);
}

function count(diagnostics: FragmentDiagnostic[], d: FragmentDiagnostic): number {
  return diagnostics.filter((x) => x.code === d.code && x.message === d.message).length;
}

describe('quick fixes', () => {
  const text = brokenRecord();
  const diagnostics = check(text);
  const context = { document: parseWithSchema(text, schema), schema, uri: URI };

  it('the planted record has every kind of fixable problem', () => {
    const codes = new Set(diagnostics.map((d) => d.code));
    for (const code of ['invalid-value', 'value-case', 'missing-field', 'unknown-field', 'malformed-field', 'unknown-marker', 'repeated-choice', 'duplicate-field']) {
      assert.ok(codes.has(code as never), `no ${code} in ${[...codes].join(', ')}`);
    }
  });

  it('every quick fix, applied, makes its own diagnostic disappear', () => {
    let tried = 0;
    for (const diagnostic of diagnostics) {
      const actions = quickFixes(context, [diagnostic], diagnostics);
      if (diagnostic.data.fix !== 'none') assert.ok(actions.length > 0, `no fix for ${diagnostic.code}: ${diagnostic.message}`);
      for (const action of actions) {
        const after = check(applyAction(text, action));
        for (const own of action.diagnostics as FragmentDiagnostic[]) {
          assert.ok(count(after, own) < count(diagnostics, own), `"${action.title}" left: ${own.message}`);
        }
        tried++;
      }
    }
    assert.ok(tried >= 10, `only ${tried} fixes tried`);
  });

  it('offers the nearest value first and marks it preferred', () => {
    const invalid = diagnostics.find((d) => d.code === 'invalid-value') as FragmentDiagnostic;
    const [first] = quickFixes(context, [invalid]);
    assert.equal(first.title, 'Replace with "medium"');
    assert.equal(first.isPreferred, true);
  });

  it('adds a missing field at its schema position, and all missing fields at once', () => {
    const missing = diagnostics.filter((d) => d.code === 'missing-field');
    const actions = quickFixes(context, [missing[0]], diagnostics);
    const all = actions.find((a) => a.title.startsWith('Add all'));
    assert.ok(all, 'no "Add all missing fields"');
    const lines = applyAction(text, all).split('\n');
    assert.equal(lines[lines.indexOf('**coutnry**: Syria') + 1], '**Year**: ');
    assert.equal(lines[lines.indexOf('**Scale**: ') - 1], '**Social actor**: ');
    assert.equal(lines[lines.indexOf('**Scale**: ') - 2], '**Socail actor**: Civic change agents');
  });

  it('for a duplicate with another value offers to keep either line', () => {
    const duplicate = diagnostics.find((d) => d.code === 'duplicate-field' && d.message.includes('TypeOfChangeCluster')) as FragmentDiagnostic;
    const titles = quickFixes(context, [duplicate]).map((a) => a.title);
    assert.equal(titles.length, 2);
    assert.ok(titles.every((t) => t.startsWith('Keep')));
  });

  it('uses a snippet edit for a missing field when the client supports it', () => {
    const scale = diagnostics.find((d) => d.code === 'missing-field' && d.message.includes('"Scale"')) as FragmentDiagnostic;
    const [action] = quickFixes({ ...context, snippetEdits: true }, [scale]);
    const change = action.edit?.documentChanges?.[0] as { edits: { snippet: { value: string } }[] };
    // An empty tab stop, not a choice list (which would start on "Local", a value the person did not choose).
    assert.match(change.edits[0].snippet.value, /\*\*Scale\*\*: \$\{1\}/);
  });

  it('converts an unstructured story, keeping every character of it', () => {
    const story = seed(2);
    const [unstructured] = check(story);
    const [convert] = quickFixes({ document: parseWithSchema(story, schema), schema, uri: URI }, [unstructured]);
    const converted = applyAction(story, convert);
    const description = parseWithSchema(converted, schema).fields.find((f) => f.key === 'Outcome description');
    assert.ok(description, 'the converted story has an Outcome description');
    assert.equal(fieldValue(description), story.trim());
    assert.deepEqual(parseWithSchema(converted, schema).fields.map((f) => f.key), schema.fields.map((f) => f.key));
    assert.ok(!check(converted).some((d) => d.code === 'unstructured'));
  });
});

describe('fix all', () => {
  it('leaves no diagnostic that has a safe fix, and keeps every non-space character of the values', () => {
    const text = brokenRecord();
    const result = fixAll(text, { schema, now: NOW });
    const document = parseWithSchema(result.text, schema);
    assert.deepEqual(result.remaining.filter((d) => safeEdit(document, schema, d)), []);
    assert.equal(applyEdits(text, result.edits), result.text);
    const codes = result.remaining.map((d) => d.code);
    assert.ok(!codes.includes('value-case') && !codes.includes('malformed-field') && !codes.includes('unknown-marker'), codes.join(', '));
    assert.ok(result.text.includes('**Rating significance**: medium'));
    assert.ok(result.text.includes('**Social actor**: Civic change agents'));
    assert.equal(result.text.split('**Outcome status**: Outcome').length, 2, 'the same-value duplicate is removed');
    // Guesses are left to the person: the differing duplicate and the missing fields stay.
    assert.ok(codes.includes('duplicate-field') && codes.includes('missing-field'));
  });

  it('never picks between two equally close values, nor replaces a value that is close to none', () => {
    const pets = compileSchema({ fields: [{ key: 'FragmentID' }, { key: 'Pet', kind: 'closed', values: ['cat', 'car', 'horse'] }] });
    const two = '**FragmentID**: A-b/c\n**Pet**: cax';
    assert.deepEqual(fixAll(two, { schema: pets, now: NOW }).edits, []);
    assert.equal(fixAll('**FragmentID**: A-b/c\n**Pet**: dog', { schema: pets, now: NOW }).edits.length, 0);
    assert.equal(fixAll('**FragmentID**: A-b/c\n**Pet**: hrose', { schema: pets, now: NOW }).text, '**FragmentID**: A-b/c\n**Pet**: horse');
  });

  it('does not clamp an impossible year (that would be a guess)', () => {
    const text = withField('Year', '**Year**: 2205');
    assert.deepEqual(fixAll(text, { schema, now: NOW }).edits, []);
  });

  it('changes nothing on the valid seeds', () => {
    for (const index of [0, 1] as const) assert.deepEqual(fixAll(seed(index), { schema, now: NOW }).edits, []);
  });
});
