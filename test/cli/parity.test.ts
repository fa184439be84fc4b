/**
 * Editor parity: the built CLI and the built server, on the same folder, report the same problems — code, range,
 * severity and message — including duplicate IDs across files and a team schema found next to the files.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { seed, withField } from '../support/fixtures';
import { startServer, type TestClient } from '../support/lsp-client';
import { lint, tempFolder, type JsonFile } from './run-cli';

const SEVERITIES = ['', 'error', 'warning', 'info', 'hint'];
const FILES = {
  'seeds/000.fragment': seed(0),
  'seeds/001.fragment.md': seed(1),
  'story.fragment.txt': seed(2),
  'broken.fragment': withField('Scale', 'Scale: local', withField('Year', '**Year**: 20x4', withField('MCQType of change', '**MCQType of change**: New structure, new structure, Sideways', seed(1)))),
  'crlf.fragment': withField('Outcome status', '**outcome Status**: outcome', seed(1)).replace(/\n/g, '\r\n'),
  'twins/one.fragment': withField('FragmentID', '**FragmentID**: SCC-5/TWIN', seed(1)),
  'twins/two.fragment': `${withField('FragmentID', '**FragmentID**: SCC-5/TWIN', seed(0))}\n\n${withField('FragmentID', '**FragmentID**: SCC-5/TWIN', seed(1))}`,
  'team/fragment.schema.json': JSON.stringify({ extends: 'default', fields: [{ key: 'Scale', kind: 'closed', values: ['Local', 'Planetary'] }] }),
  'team/planet.fragment': withField('Scale', '**Scale**: Regional', seed(1)),
};

function asJson(diagnostics: Diagnostic[]): JsonFile['diagnostics'] {
  return diagnostics.map((d) => ({
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: SEVERITIES[d.severity ?? 1],
    code: String(d.code),
    message: String(d.message),
  }));
}

describe('CLI and server parity', () => {
  let folder: ReturnType<typeof tempFolder>;
  let client: TestClient;
  let cli: Map<string, JsonFile['diagnostics']>;
  const uriOf = (name: string) => pathToFileURL(join(folder.dir, name)).href;

  before(async () => {
    folder = tempFolder(FILES);
    const run = lint(folder.dir, ['--format', 'json']);
    assert.equal(run.status, 1, run.stderr);
    cli = new Map((JSON.parse(run.stdout) as JsonFile[]).map((f) => [f.file, f.diagnostics]));
    client = await startServer({ rootUri: pathToFileURL(folder.dir).href });
  });
  after(async () => {
    await client.shutdown();
    folder.remove();
  });

  it('the CLI checked every fragment file and found problems of many kinds', () => {
    assert.deepEqual([...cli.keys()].sort(), Object.keys(FILES).filter((f) => !f.endsWith('.json')).sort());
    const codes = new Set([...cli.values()].flat().map((d) => d.code));
    for (const code of ['duplicate-id', 'invalid-value', 'malformed-field', 'value-case', 'unstructured', 'unknown-field']) assert.ok(codes.has(code), code);
    assert.ok(cli.get('team/planet.fragment')!.some((d) => d.code === 'invalid-value' && /Regional/.test(d.message)), 'the team schema applies');
  });

  it('Check Workspace publishes exactly what the CLI prints, file by file', async () => {
    const published = new Map<string, Diagnostic[]>();
    client.onDiagnostics((p) => published.set(p.uri, p.diagnostics));
    await client.request('fragments/checkWorkspace', {});
    for (const [file, expected] of cli) assert.deepEqual(asJson(published.get(uriOf(file)) ?? []), expected, file);
  });

  it('an open document gets the same diagnostics as the CLI reports for its file', async () => {
    for (const file of ['broken.fragment', 'crlf.fragment', 'twins/two.fragment']) {
      const published = client.nextDiagnostics(uriOf(file));
      client.open(uriOf(file), readFileSync(join(folder.dir, file), 'utf8'));
      assert.deepEqual(asJson((await published).diagnostics), cli.get(file), file);
    }
  });
});
