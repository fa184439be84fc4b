/** Duplicate FragmentIDs across records and files: the pure core check shared by the CLI and the server. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileSchema, DEFAULT_SCHEMA_DATA, findDuplicateIds, getDefaultSchema, parseWithSchema, recordIds, type FileIds } from '../../server/src/core';
import { VALID_RECORD, withField } from '../support/fixtures';

const schema = getDefaultSchema();
const recordWithId = (id: string) => withField('FragmentID', `**FragmentID**: ${id}`);

function file(uri: string, text: string, label?: string): FileIds {
  return { uri, label, ids: recordIds(parseWithSchema(text, schema), schema) };
}

test('recordIds takes the value of each record-start field with its range', () => {
  const text = `${recordWithId('SCC-1/A')}\n\n${recordWithId('SCC-2/B')}`;
  const ids = recordIds(parseWithSchema(text, schema), schema);
  assert.deepEqual(
    ids.map((id) => id.value),
    ['SCC-1/A', 'SCC-2/B'],
  );
  const lines = text.split('\n');
  for (const id of ids) assert.equal(lines[id.range.start.line].slice(id.range.start.character, id.range.end.character), id.value);
});

test('an ID used by two records of one file is a warning on each, naming the other line', () => {
  const text = `${recordWithId('SCC-1/A')}\n\n${recordWithId('SCC-1/A')}`;
  const result = findDuplicateIds([file('file:///w/a.fragment', text)], schema);
  const found = result.get('file:///w/a.fragment') ?? [];
  assert.equal(found.length, 2);
  const secondStart = VALID_RECORD.split('\n').length + 1;
  assert.deepEqual(
    found.map((d) => [d.code, d.severity, d.range.start.line]),
    [
      ['duplicate-id', 2, 0],
      ['duplicate-id', 2, secondStart],
    ],
  );
  assert.match(found[0].message, new RegExp(`"SCC-1/A" is also used by the record at line ${secondStart + 1}\\.`));
  assert.match(found[1].message, /the record at line 1\./);
  assert.deepEqual(found[0].relatedInformation?.[0].location, { uri: 'file:///w/a.fragment', range: found[1].range });
});

test('an ID used in two files is a warning in both, naming the other file', () => {
  const result = findDuplicateIds(
    [file('file:///w/a.fragment', recordWithId('SCC-9/X'), 'a.fragment'), file('file:///w/sub/b.fragment', recordWithId('SCC-9/X'), 'sub/b.fragment'), file('file:///w/c.fragment', recordWithId('SCC-9/Y'))],
    schema,
  );
  assert.deepEqual([...result.keys()].sort(), ['file:///w/a.fragment', 'file:///w/sub/b.fragment']);
  assert.match(result.get('file:///w/a.fragment')![0].message, /line 1 of sub\/b\.fragment/);
  assert.match(result.get('file:///w/sub/b.fragment')![0].message, /line 1 of a\.fragment/);
  assert.equal(result.get('file:///w/a.fragment')![0].relatedInformation?.[0].location.uri, 'file:///w/sub/b.fragment');
});

test('a file without a label is named by its URI\u2019s last segment, decoded, or as written when its encoding is broken', () => {
  const result = findDuplicateIds([file('file:///w/caf%C3%A9.fragment', recordWithId('SCC-9/X')), file('file:///w/a%E0%A4%A.fragment', recordWithId('SCC-9/X'))], schema);
  assert.match(result.get('file:///w/caf%C3%A9.fragment')![0].message, /line 1 of a%E0%A4%A\.fragment\./);
  assert.match(result.get('file:///w/a%E0%A4%A.fragment')![0].message, /line 1 of café\.fragment\./);
});

test('redacted, marker-holding and empty IDs are not compared', () => {
  for (const id of ['SCC-<redacted>/<redacted>', 'SCC-<LOC>-1', 'SCC-<Redacted>', '']) {
    const result = findDuplicateIds([file('file:///a.fragment', recordWithId(id)), file('file:///b.fragment', recordWithId(id))], schema);
    assert.equal(result.size, 0, `ID ${JSON.stringify(id)} was compared`);
  }
});

test('IDs are compared as written, ignoring surrounding spaces', () => {
  const result = findDuplicateIds([file('file:///a.fragment', recordWithId('SCC-1/A  ')), file('file:///b.fragment', recordWithId('SCC-1/a'))], schema);
  assert.equal(result.size, 0);
  const same = findDuplicateIds([file('file:///a.fragment', recordWithId('SCC-1/A  ')), file('file:///b.fragment', recordWithId('SCC-1/A'))], schema);
  assert.equal(same.size, 2);
});

test('many copies of one ID name the first few places and count the rest', () => {
  const files = Array.from({ length: 30 }, (_, i) => file(`file:///f${String(i).padStart(2, '0')}.fragment`, recordWithId('SCC-SAME'), `f${String(i).padStart(2, '0')}.fragment`));
  const result = findDuplicateIds(files, schema);
  assert.equal(result.size, 30);
  const first = result.get('file:///f00.fragment')![0];
  assert.match(first.message, /f01\.fragment, the record at line 1 of f02\.fragment, the record at line 1 of f03\.fragment and 26 other records/);
  assert.ok(first.relatedInformation!.length <= 20);
});

test('a schema can change the severity of duplicate-id or switch it off', () => {
  const withSeverity = (severity: 'error' | 'off') =>
    compileSchema({
      ...DEFAULT_SCHEMA_DATA,
      fields: DEFAULT_SCHEMA_DATA.fields.map((f) => (f.key === 'FragmentID' ? { ...f, severity: { 'duplicate-id': severity } } : f)),
    });
  const files = (s: typeof schema) => [
    { uri: 'file:///a', ids: recordIds(parseWithSchema(recordWithId('X-1'), s), s) },
    { uri: 'file:///b', ids: recordIds(parseWithSchema(recordWithId('X-1'), s), s) },
  ];
  const asError = withSeverity('error');
  assert.equal(findDuplicateIds(files(asError), asError).get('file:///a')![0].severity, 1);
  const off = withSeverity('off');
  assert.equal(findDuplicateIds(files(off), off).size, 0);
});

test('messages do not depend on the order the files are given in', () => {
  const twoRecords = `${recordWithId('SCC-4/ORDER')}\n\n${recordWithId('SCC-4/ORDER')}`;
  const files = [file('file:///w/b.fragment', twoRecords, 'b.fragment'), file('file:///w/a.fragment', recordWithId('SCC-4/ORDER'), 'a.fragment'), file('file:///w/c.fragment', recordWithId('SCC-4/ORDER'), 'c.fragment')];
  const forward = findDuplicateIds(files, schema);
  const backward = findDuplicateIds([...files].reverse(), schema);
  assert.deepEqual([...backward].sort(), [...forward].sort());
  const second = VALID_RECORD.split('\n').length + 2;
  // Same-file records first, then the other files in name order.
  assert.match(forward.get('file:///w/b.fragment')![0].message, new RegExp(`the record at line ${second}, the record at line 1 of a\\.fragment and the record at line 1 of c\\.fragment\\.`));
});
