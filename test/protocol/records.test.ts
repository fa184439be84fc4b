/** `fragments/records` over stdio: the records table's rows for the workspace (open and unopened files) and one file. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { RECORDS_CHANGED_NOTIFICATION, RECORDS_REQUEST, type RecordsResult } from '../../server/src/records/protocol';
import { VALID_RECORD } from '../support/fixtures';
import { startServer, type TestClient } from '../support/lsp-client';

const withId = (id: string, text = VALID_RECORD) => text.replace('SCC-<redacted>/PHR012', id);

describe('records table over stdio', () => {
  let dir: string;
  let client: TestClient;
  const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fragment-records-'));
    writeFileSync(join(dir, 'a.fragment'), `${withId('SCC-1/A1')}\n\n${withId('SCC-1/A2').replace('**Scale**: Regional', '**Scale**: Planetary')}\n`);
    writeFileSync(join(dir, 'b.fragment'), `${withId('SCC-2/B1')}\n`);
    writeFileSync(join(dir, 'notes.txt'), 'Not a fragment.\n');
    client = await startServer({ rootUri: pathToFileURL(dir).href });
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every record of the workspace, from files not open, with the schema columns and problem counts', async () => {
    const result = await client.request<RecordsResult>(RECORDS_REQUEST, {});
    assert.deepEqual(
      result.rows.map((r) => [r.uri, r.line, r.values.FragmentID]),
      [
        [uriOf('a.fragment'), 0, 'SCC-1/A1'],
        [uriOf('a.fragment'), VALID_RECORD.split('\n').length + 1, 'SCC-1/A2'],
        [uriOf('b.fragment'), 0, 'SCC-2/B1'],
      ],
    );
    assert.equal(result.columns[0].key, 'FragmentID');
    assert.ok(result.columns.find((c) => c.key === 'Scale')?.values.includes('Local'));
    assert.equal(result.rows[1].counts.errors, 1);
    assert.equal(result.rows[1].problems[0].code, 'invalid-value');
    assert.equal(result.rows[0].counts.errors, 0);
  });

  it('reads an open document from the editor, not the disk, and tells a client that asked for records when files change', async () => {
    const changed = new Promise<void>((resolve) => client.connection.onNotification(RECORDS_CHANGED_NOTIFICATION, () => resolve()));
    client.open(uriOf('b.fragment'), `${withId('SCC-2/EDITED')}\n`);
    await changed;
    const one = await client.request<RecordsResult>(RECORDS_REQUEST, { uri: uriOf('b.fragment') });
    assert.deepEqual(
      one.rows.map((r) => r.values.FragmentID),
      ['SCC-2/EDITED'],
    );
  });

  it('counts an unreadable file instead of failing', async () => {
    const result = await client.request<RecordsResult>(RECORDS_REQUEST, { uri: uriOf('missing.fragment') });
    assert.deepEqual(result.rows, []);
    assert.equal(result.unreadable, 1);
  });
});

describe('records table and the review file, over stdio', () => {
  // The table counts a record's problems as Problems shows them: a finding the review file accepts is not one, whether
  // the file is open or not (the table once read closed files on its own, and counted the accepted finding).
  it('leaves out the findings fragment-review.json accepts, in files open and not open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fragment-records-review-'));
    const planetary = (id: string) => withId(id).replace('**Scale**: Regional', '**Scale**: Planetary');
    writeFileSync(join(dir, 'closed.fragment'), `${planetary('SCC-3/PHR012')}\n`);
    writeFileSync(join(dir, 'open.fragment'), `${planetary('SCC-4/PHR012')}\n`);
    const accepted = (fragmentId: string) => ({ fragmentId, code: 'invalid-value', value: 'Planetary', acceptedBy: 'Amal', reason: 'The 2023 export keeps it.' });
    writeFileSync(join(dir, 'fragment-review.json'), JSON.stringify({ accepted: [accepted('SCC-3/PHR012'), accepted('SCC-4/PHR012')] }));
    const client = await startServer({ rootUri: pathToFileURL(dir).href });
    try {
      const openUri = pathToFileURL(join(dir, 'open.fragment')).href;
      const published = client.nextDiagnostics(openUri);
      client.open(openUri, `${planetary('SCC-4/PHR012')}\n`);
      assert.deepEqual((await published).diagnostics, [], 'Problems shows no accepted finding');
      const result = await client.request<RecordsResult>(RECORDS_REQUEST, {});
      assert.deepEqual(
        result.rows.map((r) => [r.values.FragmentID, r.counts.errors, r.problems.map((p) => p.code)]),
        [
          ['SCC-3/PHR012', 0, []],
          ['SCC-4/PHR012', 0, []],
        ],
      );
    } finally {
      await client.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
