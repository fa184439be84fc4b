/** The quality prompts from the built server over JSON-RPC: as information, with the rule page, tuned by a team schema. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { codes, startServer, type TestClient } from '../support/lsp-client';
import { withField } from '../support/fixtures';

const uriOf = (path: string) => pathToFileURL(path).toString();
const OUTPUT = withField('Outcome description', '**Outcome description**: In 2024, the project trained 40 teachers in inclusive methods.');

describe('quality prompts over stdio', () => {
  const clients: TestClient[] = [];
  const roots: string[] = [];
  after(async () => {
    for (const client of clients) await client.shutdown();
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  it('publishes a prompt as information, on the phrase, with a link to its rule page', async () => {
    const client = await startServer();
    clients.push(client);
    const uri = 'file:///output.fragment';
    const published = client.nextDiagnostics(uri);
    client.open(uri, OUTPUT);
    const { diagnostics } = await published;
    assert.deepEqual(codes(diagnostics), ['outcome-who']);
    const [prompt] = diagnostics;
    assert.equal(prompt.severity, 3);
    assert.equal(prompt.message, 'This reads like an output of the programme, not an outcome. What changed in someone else because of it: who does what differently?');
    assert.deepEqual(prompt.range, { start: { line: 5, character: 34 }, end: { line: 5, character: 53 } });
    assert.match(String(prompt.codeDescription?.href), /^file:\/\/.*\/docs\/rules\/outcome-who\.md$/);

    // Fixed by telling the change: the prompt goes away.
    const cleared = client.nextDiagnostics(uri, 2);
    client.change(uri, 2, [{ range: prompt.range, text: '40 teachers began to use' }]);
    assert.deepEqual((await cleared).diagnostics, []);
  });

  it('follows a team schema: a relation it states, a prompt it raises, a prompt it silences', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fragment-quality-'));
    roots.push(root);
    writeFileSync(
      join(root, 'fragment.schema.json'),
      JSON.stringify({
        extends: 'default',
        fields: [
          { key: 'Outcome description', severity: { 'outcome-who': 'warning' } },
          { key: 'Evidence supporting the outcome statement', severity: { 'placeholder-evidence': 'off' } },
        ],
        relations: [{ valuesOf: 'Social actor', dependOn: 'Scale', allowed: { Local: ['Engaged citizens'], National: ['Civic change agents'] } }],
      }),
    );
    const client = await startServer({ rootUri: uriOf(root) });
    clients.push(client);
    const uri = uriOf(join(root, 'record.fragment'));
    const text = withField('Evidence supporting the outcome statement', '**Evidence supporting the outcome statement**: see report', withField('Scale', '**Scale**: Local', OUTPUT));
    const published = client.nextDiagnostics(uri);
    client.open(uri, text);
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d) => `${String(d.code)} ${d.severity} ${d.range.start.line}`), ['outcome-who 2 5', 'fields-disagree 3 9']);
    assert.match(String(diagnostics[1].message), /^"Civic change agents" is not listed with "Local" in Scale\./);
    // The built-in schema gives the placeholder prompt the team switched off.
    const builtIn = await startServer();
    clients.push(builtIn);
    const elsewhere = builtIn.nextDiagnostics('file:///elsewhere.fragment');
    builtIn.open('file:///elsewhere.fragment', text);
    assert.deepEqual(codes((await elsewhere).diagnostics), ['outcome-who', 'placeholder-evidence']);
  });
});
