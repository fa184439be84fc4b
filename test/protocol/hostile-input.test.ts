/**
 * Hostile input against the built server over stdio: a 50 MB file, one 10 MB line, 100,000 fields, a binary file.
 * Each gets its diagnostics and answers to requests, with a note when part of the file is not checked; requests the
 * client cancels settle instead of hanging. Time and memory are printed, not asserted (the machine is shared).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { MAX_CHECKED_CHARACTERS, MAX_DIAGNOSTICS, splitLines } from '../../server/src/core';
import { VALID_RECORD } from '../support/fixtures';
import { generateDocument, random } from '../support/generate';
import { startServer, type TestClient } from '../support/lsp-client';
import { diagnosticProblems, foldingProblems, symbolProblems } from '../support/robustness';

const REQUEST_CANCELLED = -32800;

/** Peak and current resident memory of the server process, from /proc (Linux), in MB. */
function memory(pid: number | undefined): string {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const mb = (key: string) => Math.round(Number(/(\d+) kB/.exec(status.split('\n').find((l) => l.startsWith(key)) ?? '')?.[1] ?? 0) / 1024);
    return `RSS ${mb('VmRSS:')} MB, peak ${mb('VmHWM:')} MB`;
  } catch {
    return 'RSS unknown';
  }
}

function repeatTo(text: string, length: number): string {
  return text.repeat(Math.ceil(length / text.length)).slice(0, length);
}

describe('hostile input over stdio', () => {
  let client: TestClient;
  let opened = 0;

  before(async () => {
    client = await startServer();
  });
  after(async () => {
    await client.shutdown();
  });

  /** Opens the text, waits for its diagnostics, asks for everything an editor asks for, and prints the figures. */
  async function openAndAsk(name: string, text: string) {
    const uri = `file:///hostile-${++opened}.fragment`;
    const started = Date.now();
    const published = client.nextDiagnostics(uri, undefined, 120_000);
    client.open(uri, text);
    const { diagnostics } = await published;
    const checkedIn = Date.now() - started;
    const lines = splitLines(text);
    const last = { line: lines.length - 1, character: lines[lines.length - 1].length };
    const textDocument = { uri };
    const asked = Date.now();
    const [symbols, folding, formatting, completionStart, completionEnd, hover, actions] = await Promise.all([
      client.request<{ name: string; range: never; selectionRange: never }[]>('textDocument/documentSymbol', { textDocument }),
      client.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument }),
      client.request<unknown[]>('textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } }),
      client.request<unknown[]>('textDocument/completion', { textDocument, position: { line: 0, character: 2 } }),
      client.request<unknown[]>('textDocument/completion', { textDocument, position: last }),
      client.request<unknown>('textDocument/hover', { textDocument, position: { line: 0, character: 3 } }),
      client.request<{ kind?: string }[]>('textDocument/codeAction', {
        textDocument,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: diagnostics.slice(0, 5) },
      }),
    ]);
    console.log(
      `${name}: ${(text.length / 1e6).toFixed(1)} M characters, ${lines.length.toLocaleString('en')} lines: ${diagnostics.length} diagnostics in ` +
        `${checkedIn} ms, seven requests answered in ${Date.now() - asked} ms; server ${memory(client.process.pid)}`,
    );
    assert.deepEqual(diagnosticProblems(text, diagnostics), []);
    assert.deepEqual(symbolProblems(text, symbols), []);
    assert.deepEqual(foldingProblems(text, folding), []);
    client.close(uri);
    return { uri, diagnostics, symbols, folding, formatting, completionStart, completionEnd, hover, actions };
  }

  it('a 50 MB file: checked up to the limit, with a note saying so; whole-file edits are off', async () => {
    const text = generateDocument(Math.ceil(50_000_000 / generateDocument(1).length), 50);
    assert.ok(text.length > 50_000_000);
    const answer = await openAndAsk('50 MB file', text);
    const note = answer.diagnostics[0];
    assert.equal(note.code, 'file-too-large');
    assert.equal(note.severity, 3);
    assert.match(String(note.message), /This file is \d+ MB, more than the 5\.0 MB the editor checks, so only its first [\d,]+ lines are checked/);
    assert.ok(answer.diagnostics.length <= MAX_DIAGNOSTICS);
    assert.deepEqual(answer.formatting, [], 'no formatting over the limit');
    assert.ok(!answer.actions.some((a) => a.kind?.startsWith('source.')), 'no fix-all or sorting over the limit');
    assert.deepEqual(answer.completionEnd, [], 'nothing past the checked part');
    assert.ok(answer.symbols.length > 100, 'the first checked records are in the outline');
    assert.match(String(answer.symbols[answer.symbols.length - 1].name), /^Outline shows the first [\d,]+ of [\d,]+ records$/, 'and it says it is cut');
    const lastChecked = Math.max(...answer.symbols.map((s) => (s.range as { end: { line: number } }).end.line));
    assert.ok(lastChecked < splitLines(text).length - 1 && text.split('\n').slice(0, lastChecked + 1).join('\n').length <= MAX_CHECKED_CHARACTERS);
  });

  it('one line of 10 MB: the start of it is checked, with the note', async () => {
    const text = `**FragmentID**: ${repeatTo('In <LOC> the coalition met 2024, ', 10_000_000)}`;
    const answer = await openAndAsk('one 10 MB line', text);
    assert.equal(answer.diagnostics[0].code, 'file-too-large');
    assert.match(String(answer.diagnostics[0].message), /only the start of its first line is checked/);
    assert.equal(answer.symbols.length, 1);
    assert.ok(answer.symbols[0].name.length <= 200, 'the outline name is cut short');
  });

  it('100,000 fields with problems: at most 1000 diagnostics, the last one counting the rest', async () => {
    const fields = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? `**Scale**: Regoinal ${i}` : `**coutnry**: Narnia ${i}`));
    const text = `**FragmentID**: A-1/2\n${fields.join('\n')}`;
    const answer = await openAndAsk('100,000 fields', text);
    assert.equal(answer.diagnostics.length, MAX_DIAGNOSTICS);
    assert.equal(answer.diagnostics[MAX_DIAGNOSTICS - 1].code, 'too-many-problems');
    assert.ok(answer.diagnostics.every((d) => d.code !== 'file-too-large'), 'under the size limit: all of it is checked');
  });

  it('a binary file (NUL bytes, random bytes read as UTF-8) is answered like any text', async () => {
    const next = random(7);
    const bytes = Buffer.from(Array.from({ length: 2_000_000 }, (_, i) => (i % 97 === 0 ? 0 : Math.floor(next() * 256))));
    const answer = await openAndAsk('binary file', bytes.toString('utf8'));
    assert.ok(answer.diagnostics.length <= MAX_DIAGNOSTICS);
  });

  it('requests cancelled by the client settle (answered, or refused as cancelled) and the server keeps answering', async () => {
    const uri = 'file:///hostile-cancel.fragment';
    const text = generateDocument(1500, 3).replace(/Regional/g, 'regional'); // ~4 MB with something for fix-all to do
    const published = client.nextDiagnostics(uri, undefined, 60_000);
    client.open(uri, text);
    await published;
    const params = { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } };
    const sources = Array.from({ length: 8 }, () => new CancellationTokenSource());
    const started = Date.now();
    const pending = sources.map((source) =>
      client.connection.sendRequest<{ kind: string }[]>('textDocument/codeAction', params, source.token).then(
        (result) => ({ result }),
        (error: { code?: number }) => ({ error }),
      ),
    );
    sources.slice(0, -1).forEach((source) => source.cancel());
    const outcomes = await Promise.all(pending);
    const refused = outcomes.filter((o) => 'error' in o);
    for (const outcome of refused) assert.equal((outcome as { error: { code?: number } }).error.code, REQUEST_CANCELLED);
    const last = outcomes[outcomes.length - 1];
    assert.ok('result' in last && last.result.some((a) => a.kind === 'source.fixAll.fragments'), 'the request not cancelled gets its fix-all');
    console.log(`8 fix-all requests on a ${(text.length / 1e6).toFixed(1)} MB file, 7 cancelled: ${refused.length} refused as cancelled, all settled in ${Date.now() - started} ms`);
    assert.ok(refused.length > 0, 'queued requests that were cancelled are not worked on');
    const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.match(symbols[symbols.length - 1].name, /^Outline shows the first [\d,]+ of 1,500 records$/, 'the server still answers');
    client.close(uri);
  });

  it('a small record right after all this is still checked at once', async () => {
    const uri = 'file:///hostile-after.fragment';
    const published = client.nextDiagnostics(uri);
    client.open(uri, VALID_RECORD);
    assert.deepEqual((await published).diagnostics as PublishDiagnosticsParams['diagnostics'], []);
  });
});
