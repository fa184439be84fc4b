/** The records table's rows (core/features/records-table.ts): values by schema key, problems by record. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getDefaultSchema, parseWithSchema, validate } from '../../server/src/core';
import { recordsTableColumns, recordsTableRows } from '../../server/src/core/features/records-table';
import { NOW, VALID_RECORD } from '../support/fixtures';

const schema = getDefaultSchema();
const URI = 'file:///w/a.fragment';

function rowsOf(text: string) {
  return recordsTableRows(parseWithSchema(text, schema), schema, validate(text, { schema, now: NOW, uri: URI }), URI);
}

describe('records table rows', () => {
  it('lists the columns in schema order with their kinds and closed-list values', () => {
    const columns = recordsTableColumns(schema);
    assert.deepEqual(
      columns.map((c) => c.key),
      [...schema.fields].sort((a, b) => a.order - b.order).map((f) => f.key),
    );
    const scale = columns.find((c) => c.key === 'Scale');
    assert.equal(scale?.kind, 'closed');
    assert.ok(scale && scale.values.includes('Regional'));
  });

  it('gives one row per record, with each value under its schema key, and the record line', () => {
    const second = VALID_RECORD.replace('PHR012', 'PHR013').replace('**Scale**: Regional', '**scale**: Local');
    const rows = rowsOf(`${VALID_RECORD}\n\n${second}\n`);
    assert.equal(rows.length, 2);
    assert.equal(rows[0].line, 0);
    assert.equal(rows[1].line, VALID_RECORD.split('\n').length + 1);
    assert.equal(rows[0].values.FragmentID, 'SCC-<redacted>/PHR012');
    assert.equal(rows[0].values.Scale, 'Regional');
    assert.equal(rows[1].values.Scale, 'Local', 'a key in other letter case counts as the schema key');
    assert.equal(rows[0].uri, URI);
  });

  it('counts each record’s own problems by severity, with line, code and message', () => {
    const broken = VALID_RECORD.replace('PHR012', 'PHR013').replace('**Scale**: Regional', '**Scale**: Planetary');
    const rows = rowsOf(`${VALID_RECORD}\n\n${broken}\n`);
    assert.deepEqual(rows[0].counts, { errors: 0, warnings: 0, notes: 0 });
    assert.equal(rows[1].counts.errors, 1);
    const [problem] = rows[1].problems;
    assert.equal(problem.code, 'invalid-value');
    assert.equal(problem.line, VALID_RECORD.split('\n').length + 1 + VALID_RECORD.split('\n').findIndex((l) => l.startsWith('**Scale**')));
    assert.match(problem.message, /Planetary/);
  });

  it('keeps the first value of a field written twice, and multi-line values whole', () => {
    const text = VALID_RECORD.replace('**Scale**: Regional', '**Scale**: Regional\n**Scale**: Local').replace(
      '**Contribution of the programme**: Training workshops on advocacy strategy in 2022 and 2023.',
      '**Contribution of the programme**: Training workshops\non advocacy',
    );
    const [row] = rowsOf(text);
    assert.equal(row.values.Scale, 'Regional');
    assert.equal(row.values['Contribution of the programme'], 'Training workshops\non advocacy');
    assert.ok(row.problems.some((p) => p.code === 'duplicate-field'));
  });

  it('puts problems above the first record on the first record, and gives no rows for a file without records', () => {
    const [row] = rowsOf(`Scale: Local\n${VALID_RECORD}\n`);
    assert.ok(row.problems.some((p) => p.line === 0));
    assert.deepEqual(rowsOf('Just a story about a village.\n'), []);
  });
});
