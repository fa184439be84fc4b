/** Which records the records table shows and in what order (client/src/records-table/webview/rows.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getDefaultSchema, parseWithSchema, validate } from '../../server/src/core';
import { recordsTableColumns, recordsTableRows } from '../../server/src/core/features/records-table';
import type { RecordsResult } from '../../server/src/records/protocol';
import { choicesIn, ERRORS, fileLabel, filteredRows, INITIAL_STATE, sortedRows, valuesOf, type ViewState } from '../../client/src/records-table/webview/rows';
import { NOW, VALID_RECORD } from '../support/fixtures';

const schema = getDefaultSchema();

function record(id: string, changes: Record<string, string> = {}): string {
  let text = VALID_RECORD.replace('SCC-<redacted>/PHR012', id);
  for (const [key, value] of Object.entries(changes)) text = text.replace(new RegExp(`^\\*\\*${key}\\*\\*: .*$`, 'm'), `**${key}**: ${value}`);
  return text;
}

/** Rows as the server builds them, from files of records. */
function resultOf(files: Record<string, string[]>): RecordsResult {
  const rows = Object.entries(files).flatMap(([name, records]) => {
    const text = records.join('\n\n');
    const uri = `file:///w/${name}`;
    return recordsTableRows(parseWithSchema(text, schema), schema, validate(text, { schema, now: NOW, uri }), uri);
  });
  return { columns: recordsTableColumns(schema), rows, unreadable: 0 };
}

const result = resultOf({
  'a.fragment': [record('SCC-10/A', { Scale: 'Local', 'MCQType of change': 'Gender transformative, Seeking public support' }), record('SCC-2/B', { Scale: 'Planetary' })],
  'b%20c.fragment': [record('SCC-3/C', { Scale: '', coutnry: 'Iraq' })],
});
const ids = (rows: { values: Record<string, string> }[]) => rows.map((r) => r.values.FragmentID);
const state = (changes: Partial<ViewState>): ViewState => ({ ...INITIAL_STATE, ...changes });

describe('records table view', () => {
  it('sorts numbers inside text by value, and either way round', () => {
    assert.deepEqual(ids(sortedRows(result.rows, state({ sortKey: 'FragmentID' }))), ['SCC-2/B', 'SCC-3/C', 'SCC-10/A']);
    assert.deepEqual(ids(sortedRows(result.rows, state({ sortKey: 'FragmentID', descending: true }))), ['SCC-10/A', 'SCC-3/C', 'SCC-2/B']);
  });

  it('puts empty values last whichever the direction', () => {
    for (const descending of [false, true]) assert.equal(ids(sortedRows(result.rows, state({ sortKey: 'Scale', descending }))).at(-1), 'SCC-3/C');
  });

  it('sorts problem counts as numbers, ties in file order', () => {
    const sorted = sortedRows(result.rows, state({ sortKey: ERRORS, descending: true }));
    // B (Planetary) and C (an empty Scale) have one error each, in file order; A has none.
    assert.deepEqual(
      sorted.map((r) => [r.values.FragmentID, r.counts.errors]),
      [
        ['SCC-2/B', 1],
        ['SCC-3/C', 1],
        ['SCC-10/A', 0],
      ],
    );
  });

  it('filters by a list value, a multi field’s single choice, problems and words', () => {
    assert.deepEqual(ids(filteredRows(result, state({ filters: { Scale: 'Local' } }))), ['SCC-10/A']);
    assert.deepEqual(ids(filteredRows(result, state({ filters: { 'MCQType of change': 'Gender transformative' } }))), ['SCC-10/A']);
    assert.deepEqual(ids(filteredRows(result, state({ problems: 'none' }))), ['SCC-10/A']);
    assert.ok(ids(filteredRows(result, state({ problems: 'errors' }))).includes('SCC-2/B'));
    assert.deepEqual(ids(filteredRows(result, state({ text: 'IRAQ' }))), ['SCC-3/C']);
    assert.deepEqual(ids(filteredRows(result, state({ text: 'b c.fragment' }))), ['SCC-3/C'], 'the file name counts, decoded');
    assert.equal(filteredRows(result, state({ filters: { 'No such field': 'x' } })).length, 3, 'a filter on a field the schema lost is ignored');
  });

  it('offers the schema list then the values outside it as filter choices', () => {
    const scale = result.columns.find((c) => c.key === 'Scale')!;
    assert.deepEqual(valuesOf(scale, result.rows), [...scale.values, 'Planetary']);
    const multi = result.columns.find((c) => c.key === 'MCQType of change')!;
    assert.deepEqual(choicesIn(multi, 'New structure, Seeking public support'), ['New structure', 'Seeking public support']);
  });

  it('labels a row by file name and line, even with a malformed escape', () => {
    assert.equal(fileLabel({ ...result.rows[2] }), 'b c.fragment:1');
    assert.equal(fileLabel({ ...result.rows[0], uri: 'file:///w/100%.fragment' }), '100%.fragment:1');
  });
});
