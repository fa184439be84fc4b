import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, parseWithSchema, valueSubRange } from '../../server/src/core';
import { seed } from '../support/fixtures';
import { fieldValue, keyRange, valueRange } from '../../server/src/core/parser';

describe('parser', () => {
  it('reads key and value with exact ranges, trimming the key', () => {
    const doc = parse('**FragmentID**: SCC-1/2\n**Additional information (use if needed) **: more');
    assert.equal(doc.fields.length, 2);
    const [id, extra] = doc.fields;
    assert.equal(id.key, 'FragmentID');
    assert.deepEqual(keyRange(id), { start: { line: 0, character: 2 }, end: { line: 0, character: 12 } });
    assert.equal(fieldValue(id), 'SCC-1/2');
    assert.deepEqual(valueRange(id), { start: { line: 0, character: 16 }, end: { line: 0, character: 23 } });
    assert.equal(extra.key, 'Additional information (use if needed)');
    assert.equal(fieldValue(extra), 'more');
  });

  it('reads the same keys and ranges when given the schema keys to share, in any order', () => {
    const text = '**Scale**: Local\n** FragmentID **: X-1/2\n**scale**: x\n**Other**: y\n**Scale**:\n**FragmentID**: X-2/3';
    const shape = (doc: ReturnType<typeof parse>) => doc.fields.map((f) => [f.key, keyRange(f), fieldValue(f), valueRange(f), f.record]);
    assert.deepEqual(shape(parse(text, { sharedKeys: ['FragmentID', 'Scale'] })), shape(parse(text)));
    assert.deepEqual(shape(parse(text)).map((f) => f[0]), ['Scale', 'FragmentID', 'scale', 'Other', 'Scale', 'FragmentID']);
  });
  it('accepts a value with no space after the colon, and an empty value', () => {
    const doc = parse('**Year**:2024\n**Scale**: ');
    assert.equal(fieldValue(doc.fields[0]), '2024');
    assert.equal(valueRange(doc.fields[0]).start.character, 9);
    assert.equal(fieldValue(doc.fields[1]), '');
    assert.deepEqual(valueRange(doc.fields[1]), { start: { line: 1, character: 10 }, end: { line: 1, character: 10 } });
  });

  it('continues a value over following lines that do not start a field', () => {
    const doc = parse('**Outcome description**: first line\nsecond line  \n\n**Year**: 2024');
    const [description] = doc.fields;
    assert.equal(fieldValue(description), 'first line\nsecond line');
    assert.deepEqual(valueRange(description), { start: { line: 0, character: 25 }, end: { line: 1, character: 11 } });
    assert.deepEqual(valueSubRange(description, 11, 17), { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } });
  });

  it('handles CRLF, lone CR, a BOM and no final newline', () => {
    const doc = parse('\uFEFF**FragmentID**: A-1/2\r\n**Year**: 2024\r**Scale**: Local');
    assert.deepEqual(doc.fields.map((f) => [f.key, fieldValue(f), f.line]), [
      ['FragmentID', 'A-1/2', 0],
      ['Year', '2024', 1],
      ['Scale', 'Local', 2],
    ]);
    assert.equal(keyRange(doc.fields[0]).start.character, 3, 'the BOM counts as a character of line 0');
  });

  it('starts a new record at each FragmentID after the first field', () => {
    const doc = parse('**Year**: 2024\n**FragmentID**: A-1/2\n**Year**: 2023\n**FragmentID**: A-1/3\n**Year**: 2022');
    assert.equal(doc.records.length, 3);
    assert.deepEqual(doc.records.map((r) => r.fields.length), [1, 2, 2]);
    assert.deepEqual(doc.records.map((r) => [r.startLine, r.endLine]), [[0, 0], [1, 2], [3, 4]]);
  });

  it('measures positions in UTF-16 code units', () => {
    const doc = parse('**Outcome description**: men’s role 🙂 grew\n**Year**: 2024');
    const value = doc.fields[0];
    assert.equal(valueRange(value).end.character, '**Outcome description**: men’s role 🙂 grew'.length);
  });

  it('parses a megabyte line without trouble', () => {
    const long = 'x'.repeat(1_000_000);
    const doc = parse(`**Outcome description**: ${long}\n**${long}`);
    assert.equal(fieldValue(doc.fields[0]).length, 1_000_000 + 1 + 2 + 1_000_000);
  });

  it('recognises almost-fields as malformed lines, not as value text', () => {
    const doc = parseWithSchema('**FragmentID**: A-1/2\n**Scale: Local\n**Scale**Local\nScale: Local\n**Note:** x\n* a bullet: fine');
    assert.deepEqual(doc.malformed.map((m) => [m.line, m.key, m.value]), [
      [1, 'Scale', 'Local'],
      [2, 'Scale', 'Local'],
      [3, 'Scale', 'Local'],
      [4, 'Note', 'x'],
    ]);
    // A malformed line ends the value before it; a Markdown bullet is never taken for a field.
    assert.equal(fieldValue(doc.fields[0]), 'A-1/2');
    assert.equal(fieldValue(parseWithSchema('**FragmentID**: A-1/2\n* a bullet: fine').fields[0]), 'A-1/2\n* a bullet: fine');
  });

  it('reads the seeds: 23 fields each, no malformed lines', () => {
    for (const index of [0, 1] as const) {
      const doc = parseWithSchema(seed(index));
      assert.equal(doc.records.length, 1);
      assert.equal(doc.fields.length, 23);
      assert.equal(doc.malformed.length, 0);
    }
    assert.equal(parse(seed(2)).fields.length, 0);
  });
});
