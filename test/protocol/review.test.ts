/**
 * Accepted findings in the editor, over stdio: the workspace folder's fragment-review.json hides the findings it
 * accepts, a changed value brings one back, the file followed on disk, and the quick fix "Accept this finding…" whose
 * command writes a valid entry beside the others.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { seed, VALID_RECORD, withField } from '../support/fixtures';
import { diagnosticsWhere, startServer, type TestClient } from '../support/lsp-client';

const RECORD = withField('FragmentID', '**FragmentID**: SCC-1/ONE', VALID_RECORD).replace('**Rating significance**: medium', '**Rating significance**: huge');
const HUGE_LINE = RECORD.split('\n').findIndex((line) => line.startsWith('**Rating significance**'));
const ACCEPTED = { fragmentId: 'SCC-1/ONE', code: 'invalid-value', value: 'huge', acceptedBy: 'Amal', reason: 'The old export keeps this rating.' };
/** An entry for another record, which every write must keep as it is. */
const OTHER = { fragmentId: 'SCC-2/TWO', code: 'unknown-field', value: 'coutnry', acceptedBy: 'Amal', reason: 'Spelling of the 2023 export.' };
const reviewText = (entries: object[]) => `${JSON.stringify({ accepted: entries }, null, 2)}\n`;
const invalid = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'invalid-value');
const checkFormat = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(resolve(__dirname, '../../schemas/fragment-review.schema.json'), 'utf8')));

describe('accepted findings in the editor, over stdio', () => {
  let dir: string;
  let client: TestClient;
  const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;
  const reviewPath = () => join(dir, 'fragment-review.json');
  const readReview = () => JSON.parse(readFileSync(reviewPath(), 'utf8')) as { accepted: Record<string, unknown>[] };
  /** The diagnostics last published for each file. */
  const latest = new Map<string, Diagnostic[]>();
  /** What the server told of accepted counts (fragments/acceptedCountChanged), in order. */
  const counts: { uri: string; accepted: number }[] = [];
  let version = 1;
  const setValue = (value: string) => {
    client.change(uriOf('a.fragment'), ++version, [{ range: { start: { line: HUGE_LINE, character: 0 }, end: { line: HUGE_LINE + 1, character: 0 } }, text: `**Rating significance**: ${value}\n` }]);
  };
  const codeActions = (uri: string, diagnostic: Diagnostic) =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fragment-review-'));
    writeFileSync(join(dir, 'a.fragment'), RECORD);
    writeFileSync(reviewPath(), reviewText([ACCEPTED, OTHER]));
    client = await startServer({ rootUri: pathToFileURL(dir).href, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
    client.onDiagnostics((p) => latest.set(p.uri, p.diagnostics));
    client.connection.onNotification('fragments/acceptedCountChanged', (p: { uri: string; accepted: number }) => void counts.push(p));
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hides the finding the review file accepts, and counts it', async () => {
    const published = client.nextDiagnostics(uriOf('a.fragment'));
    client.open(uriOf('a.fragment'), RECORD);
    const { diagnostics } = await published;
    assert.deepEqual(invalid(diagnostics), []);
    assert.deepEqual(await client.request('fragments/reviewInfo', { uri: uriOf('a.fragment') }), { accepted: 1, reviewFile: pathToFileURL(reviewPath()).href });
    assert.deepEqual(counts, [{ uri: uriOf('a.fragment'), accepted: 1 }]);
  });

  it('shows the finding again when its value changes, and hides it when the accepted value is back', async () => {
    const shown = diagnosticsWhere(client, uriOf('a.fragment'), (d) => invalid(d).length === 1);
    setValue('huger');
    assert.match(String(invalid(await shown)[0].message), /"huger" is not an allowed value/);
    assert.deepEqual(await client.request('fragments/reviewInfo', { uri: uriOf('a.fragment') }), { accepted: 0, reviewFile: pathToFileURL(reviewPath()).href });
    const hidden = diagnosticsWhere(client, uriOf('a.fragment'), (d) => invalid(d).length === 0);
    setValue('huge');
    await hidden;
    // Told when the count changes, not on every publication.
    assert.deepEqual(counts.map((c) => c.accepted), [1, 0, 1]);
  });

  it('follows the review file on disk: an entry removed by hand brings the finding back', async () => {
    writeFileSync(reviewPath(), reviewText([OTHER]));
    const shown = diagnosticsWhere(client, uriOf('a.fragment'), (d) => invalid(d).length === 1);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(reviewPath()).href, type: 2 }] });
    await shown;
  });

  it('offers "Accept this finding…" with the finding named by its FragmentID, code and value', async () => {
    const [finding] = invalid(latest.get(uriOf('a.fragment')) ?? []);
    assert.ok(finding, 'the finding is shown');
    const accept = (await codeActions(uriOf('a.fragment'), finding)).find((a) => a.title === 'Accept this finding…');
    assert.ok(accept, 'no "Accept this finding…" action');
    assert.equal(accept.kind, 'quickfix');
    assert.deepEqual(accept.command, {
      title: 'Accept this finding…',
      command: 'fragments.server.acceptFinding',
      arguments: [{ uri: uriOf('a.fragment'), finding: { code: 'invalid-value', fragmentId: 'SCC-1/ONE', line: HUGE_LINE + 1, value: 'huge', file: 'a.fragment' } }],
    });
    assert.ok((client.initializeResult.capabilities.executeCommandProvider?.commands ?? []).includes('fragments.server.acceptFinding'));
    // An edit that changes nothing: VS Code then runs the command at once instead of resolving the action first, a
    // round trip during which a new list of actions can make it forget the command (code-actions.ts, NO_EDIT).
    assert.deepEqual(accept.edit, { changes: {} });
  });

  it('the command writes a valid entry beside the others, and the finding disappears', async () => {
    const [finding] = invalid(latest.get(uriOf('a.fragment')) ?? []);
    const accept = (await codeActions(uriOf('a.fragment'), finding)).find((a) => a.title === 'Accept this finding…');
    const [argument] = accept?.command?.arguments ?? [];
    const hidden = diagnosticsWhere(client, uriOf('a.fragment'), (d) => invalid(d).length === 0);
    const answer = await client.request('workspace/executeCommand', {
      command: 'fragments.server.acceptFinding',
      arguments: [{ ...argument, acceptedBy: 'Amal', reason: 'The old export keeps this rating.' }],
    });
    assert.deepEqual(answer, { reviewFile: pathToFileURL(reviewPath()).href });
    await hidden;
    const written = readReview();
    assert.ok(checkFormat(written), JSON.stringify(checkFormat.errors));
    // The other entry is kept as it was; the new one is what the CLI's --suppress-all writes (sorted by record).
    assert.deepEqual(written.accepted, [ACCEPTED, OTHER]);
    assert.equal(readFileSync(reviewPath(), 'utf8'), `${JSON.stringify({ $schema: 'https://fragment-tools.github.io/schemas/fragment-review.schema.json', accepted: [ACCEPTED, OTHER] }, null, 2)}\n`);
  });

  it('Fix All leaves the accepted value as it is, and fixes the rest', async () => {
    // "huge" is accepted (written above); its safe fix would be "high". A lower-case scale is fixed as usual.
    const text = RECORD.replace('**Scale**: Regional', '**Scale**: regional');
    const shown = diagnosticsWhere(client, uriOf('a.fragment'), (d) => d.some((x) => x.code === 'value-case'));
    client.change(uriOf('a.fragment'), ++version, [{ text }]);
    await shown;
    const [fixAll] = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf('a.fragment') },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.fragments'] },
    });
    const fixed = TextDocument.applyEdits(TextDocument.create(uriOf('a.fragment'), 'fragment', 1, text), fixAll?.edit?.changes?.[uriOf('a.fragment')] ?? []);
    assert.match(fixed, /\*\*Scale\*\*: Regional/);
    assert.match(fixed, /\*\*Rating significance\*\*: huge/);
    const back = diagnosticsWhere(client, uriOf('a.fragment'), (d) => !d.some((x) => x.code === 'value-case'));
    client.change(uriOf('a.fragment'), ++version, [{ text: RECORD }]);
    await back;
  });

  it('a record without a usable FragmentID is named by file and line; who and why stay empty when not given', async () => {
    writeFileSync(join(dir, 'b.fragment'), seed(0));
    const published = client.nextDiagnostics(uriOf('b.fragment'));
    client.open(uriOf('b.fragment'), seed(0));
    const [first] = (await published).diagnostics;
    assert.ok(first, 'seed 000 has a finding to accept');
    const accept = (await codeActions(uriOf('b.fragment'), first)).find((a) => a.title === 'Accept this finding…');
    const [argument] = accept?.command?.arguments ?? [];
    assert.equal(argument.finding.fragmentId, undefined);
    assert.equal(argument.finding.file, 'b.fragment');
    assert.equal(argument.finding.line, first.range.start.line + 1);
    const hidden = diagnosticsWhere(client, uriOf('b.fragment'), (d) => !d.some((x) => x.code === first.code && x.message === first.message));
    await client.request('workspace/executeCommand', { command: 'fragments.server.acceptFinding', arguments: [argument] });
    await hidden;
    const written = readReview();
    assert.ok(checkFormat(written), JSON.stringify(checkFormat.errors));
    assert.deepEqual(
      written.accepted.find((e) => e.file === 'b.fragment'),
      { file: 'b.fragment', line: first.range.start.line + 1, code: first.code, value: argument.finding.value, acceptedBy: '', reason: '' },
    );
    assert.equal(written.accepted.length, 3);
  });

  it('two findings accepted at once are both written', async () => {
    writeFileSync(join(dir, 'c.fragment'), seed(0));
    const published = client.nextDiagnostics(uriOf('c.fragment'));
    client.open(uriOf('c.fragment'), seed(0));
    const [first, second] = (await published).diagnostics;
    assert.ok(second, 'seed 000 has two findings to accept');
    const argumentOf = async (diagnostic: Diagnostic) => (await codeActions(uriOf('c.fragment'), diagnostic)).find((a) => a.title === 'Accept this finding…')?.command?.arguments?.[0];
    const [one, two] = [await argumentOf(first), await argumentOf(second)];
    await Promise.all([one, two].map((argument) => client.request('workspace/executeCommand', { command: 'fragments.server.acceptFinding', arguments: [{ ...argument, reason: 'both' }] })));
    const written = readReview().accepted.filter((e) => e.file === 'c.fragment');
    assert.deepEqual(written.map((e) => e.line).sort(), [one.finding.line, two.finding.line].sort());
  });

  it('in a file of several records, only the named record\'s finding is accepted', async () => {
    const recordWith = (id: string) => RECORD.replace('SCC-1/ONE', id);
    const text = `${recordWith('SCC-3/A')}\n\n${recordWith('SCC-3/B')}\n\n${recordWith('SCC-3/C')}`;
    writeFileSync(join(dir, 'd.fragment'), text);
    const before = readFileSync(reviewPath(), 'utf8');
    writeFileSync(reviewPath(), reviewText([...readReview().accepted, { ...ACCEPTED, fragmentId: 'SCC-3/B' }]));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(reviewPath()).href, type: 2 }] });
    const published = diagnosticsWhere(client, uriOf('d.fragment'), (d) => invalid(d).length > 0);
    client.open(uriOf('d.fragment'), text);
    const lines = invalid(await published).map((d) => d.range.start.line);
    const recordLength = RECORD.split('\n').length + 1;
    assert.deepEqual(lines, [HUGE_LINE, HUGE_LINE + 2 * recordLength]);
    // Changing the accepted record's value brings its finding back (checked from that record's own parse).
    const line = HUGE_LINE + recordLength;
    const shown = diagnosticsWhere(client, uriOf('d.fragment'), (d) => invalid(d).length === 3);
    client.change(uriOf('d.fragment'), 2, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '**Rating significance**: hug\n' }]);
    await shown;
    client.close(uriOf('d.fragment'));
    writeFileSync(reviewPath(), before);
  });

  it('a broken review file is left as it is: nothing is written and nothing is accepted', async () => {
    writeFileSync(reviewPath(), '{ "accepted": [ oops');
    const shown = diagnosticsWhere(client, uriOf('a.fragment'), (d) => invalid(d).length === 1);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(reviewPath()).href, type: 2 }] });
    const [finding] = invalid(await shown);
    const accept = (await codeActions(uriOf('a.fragment'), finding)).find((a) => a.title === 'Accept this finding…');
    const answer = await client.request('workspace/executeCommand', { command: 'fragments.server.acceptFinding', arguments: [{ ...accept?.command?.arguments?.[0], reason: 'x' }] });
    assert.equal(answer, null);
    assert.equal(readFileSync(reviewPath(), 'utf8'), '{ "accepted": [ oops');
  });
});
