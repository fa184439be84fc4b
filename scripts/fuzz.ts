/**
 * `npm run fuzz [-- --count N --seed S --parallel P]`: damaged real records (the property tests' documents) through
 * the BUILT server over stdio. For each document: its diagnostics, quick fixes (applied and checked again; any text
 * they take away named in their title), fix-all and formatting (applied, asked again: idempotent, nothing lost),
 * completion, hover, outline and folding, all checked with the property tests' checks. Prints counts; a failing
 * input is saved in a temporary folder with what went wrong, and the exit code is 1. Run `npm run build` first.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { CodeAction, Diagnostic, FoldingRange, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { splitLines } from '../server/src/core';
import { startServer, type TestClient } from '../test/support/lsp-client';
import {
  applyTextEdits,
  completionProblems,
  damagedDocument,
  diagnosticProblems,
  editsFor,
  fixAllProblems,
  foldingProblems,
  formattingProblems,
  positionsIn,
  quickFixProblems,
  rangeProblem,
  symbolProblems,
  takenTextProblems,
} from '../test/support/robustness';

interface Options {
  count: number;
  seed: number;
  parallel: number;
}

function readOptions(argv: string[]): Options {
  const options: Options = { count: 100_000, seed: Date.now() % 1_000_000, parallel: 4 };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split('=');
    const value = Number(inline ?? argv[++i]);
    const key = name.replace(/^--/, '') as keyof Options;
    if (!(key in options) || !Number.isInteger(value) || value < (key === 'seed' ? 0 : 1)) {
      process.stderr.write(`Usage: npm run fuzz -- [--count N] [--seed S] [--parallel P]\n(not understood: ${argv.slice(i - (inline ? 0 : 1)).join(' ')})\n`);
      process.exit(2);
    }
    options[key] = value;
  }
  return options;
}

const counts = { documents: 0, diagnostics: 0, quickFixes: 0, fixAlls: 0, formattings: 0, requests: 0, failures: 0 };
const FORMAT_OPTIONS = { tabSize: 2, insertSpaces: true };
/** Quick fixes applied per document: enough to cover the kinds, few enough for 100,000 documents. */
const FIXES_PER_DOCUMENT = 3;
/** Stop after this many failing documents: by then the saved inputs tell the story. */
const MAX_FAILURES = 20;

let client: TestClient;
let opened = 0;

async function request<R>(method: string, params: unknown): Promise<R> {
  counts.requests++;
  return client.request<R>(method, params);
}

/** Opens `text` under a fresh URI and returns it with its diagnostics. */
async function openText(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = `file:///fuzz/${++opened}.fragment`;
  const published = client.nextDiagnostics(uri, undefined, 60_000);
  client.open(uri, text);
  return { uri, diagnostics: (await published).diagnostics };
}

async function codeActions(uri: string, text: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const lines = splitLines(text);
  const range = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } };
  return request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
}

/** Every check on one document; returns what went wrong. */
async function fuzzOne(text: string, where: number[]): Promise<string[]> {
  const uris: string[] = [];
  const open = async (t: string) => {
    const result = await openText(t);
    uris.push(result.uri);
    return result;
  };
  try {
    const { uri, diagnostics } = await open(text);
    counts.diagnostics += diagnostics.length;
    const problems = diagnosticProblems(text, diagnostics);
    const lines = splitLines(text);
    const textDocument = { uri };

    // Outline, folding, completion and hover anywhere.
    problems.push(...symbolProblems(text, await request('textDocument/documentSymbol', { textDocument })));
    problems.push(...foldingProblems(text, await request<FoldingRange[]>('textDocument/foldingRange', { textDocument })));
    for (const position of positionsIn(text, where).slice(0, 3)) {
      problems.push(...completionProblems(text, position, await request('textDocument/completion', { textDocument, position })));
      const hover = await request<Hover | null>('textDocument/hover', { textDocument, position });
      if (hover?.range) problems.push(...[rangeProblem(lines, hover.range, 'hover')].flatMap((p) => p ?? []));
    }

    // Quick fixes: applied, and the problem each is for is gone when the server checks the result.
    if (diagnostics.length < 1000 && !diagnostics.some((d) => d.code === 'file-too-large')) {
      const fixes = (await codeActions(uri, text, diagnostics, ['quickfix'])).filter((a) => a.kind === 'quickfix' && a.edit);
      for (const action of fixes.slice(0, FIXES_PER_DOCUMENT)) {
        const edits = editsFor(action.edit, uri);
        const fixedCodes = (action.diagnostics ?? []).map((d) => String(d.code));
        const fixed = editsOk(text, edits) ? (await open(applyTextEdits(text, edits))).diagnostics : [];
        problems.push(...quickFixProblems(text, action.title, fixedCodes, edits, diagnostics, () => fixed));
        // A fix takes away only text its title names ("Remove the repeated …" says what goes).
        problems.push(...takenTextProblems(text, action.title, edits));
        counts.quickFixes++;
      }
    }

    // Fix-all: applied, asked again on the result (nothing more to do), nothing the user wrote lost.
    const fixAll = (await codeActions(uri, text, [], ['source.fixAll'])).find((a) => a.kind === 'source.fixAll.fragments');
    const fixAllEdits = editsFor(fixAll?.edit, uri);
    let fixAllAgain: TextEdit[] = [];
    if (fixAllEdits.length && editsOk(text, fixAllEdits)) {
      const fixed = applyTextEdits(text, fixAllEdits);
      const second = await open(fixed);
      fixAllAgain = editsFor((await codeActions(second.uri, fixed, [], ['source.fixAll'])).find((a) => a.kind === 'source.fixAll.fragments')?.edit, second.uri);
      counts.fixAlls++;
    }
    problems.push(...fixAllProblems(text, diagnostics, fixAllEdits, () => fixAllAgain));

    // Formatting: applied, asked again (nothing to do), every non-space character kept in order.
    const formatEdits = await request<TextEdit[]>('textDocument/formatting', { textDocument, options: FORMAT_OPTIONS });
    let formatAgain: TextEdit[] = [];
    if (formatEdits.length && editsOk(text, formatEdits)) {
      const formatted = applyTextEdits(text, formatEdits);
      const second = await open(formatted);
      formatAgain = await request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: second.uri }, options: FORMAT_OPTIONS });
      counts.formattings++;
    }
    problems.push(...formattingProblems(text, formatEdits, () => formatAgain));
    return problems;
  } catch (error) {
    return [`the server did not answer: ${error instanceof Error ? error.message : String(error)}`];
  } finally {
    for (const uri of uris) client.close(uri);
  }
}

/** Edits that can be applied (checked fully by the property checks, which report the details). */
function editsOk(text: string, edits: readonly TextEdit[]): boolean {
  const lines = splitLines(text);
  return edits.every((e) => rangeProblem(lines, e.range, 'edit') === undefined);
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const out = mkdtempSync(join(tmpdir(), 'fragment-fuzz-'));
  const started = Date.now();
  client = await startServer();
  const documents = fc.tuple(damagedDocument, fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 3, maxLength: 3 }));
  let next = 0;
  let lastReport = Date.now();
  const BATCH = 250;
  let batch: [string, number[]][] = [];
  let batchStart = 0;
  const take = (): [string, number[]] | undefined => {
    if (next >= options.count || counts.failures >= MAX_FAILURES) return undefined;
    if (next - batchStart >= batch.length) {
      batchStart = next;
      batch = fc.sample(documents, { numRuns: Math.min(BATCH, options.count - next), seed: options.seed + next });
    }
    return batch[next++ - batchStart];
  };
  const worker = async () => {
    for (let item = take(); item; item = take()) {
      const [text, where] = item;
      const problems = await fuzzOne(text, where);
      counts.documents++;
      if (problems.length) {
        counts.failures++;
        const file = join(out, `failure-${counts.failures}`);
        writeFileSync(`${file}.fragment`, text);
        writeFileSync(`${file}.txt`, `${problems.join('\n')}\n`);
        process.stderr.write(`failure ${counts.failures}: ${problems[0]} (input saved as ${file}.fragment)\n`);
      }
      if (client.process.exitCode !== null) throw new Error(`the server exited (code ${client.process.exitCode}) on the input saved in ${out}`);
      if (Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        process.stderr.write(`… ${counts.documents} documents, ${counts.failures} failures\n`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.parallel }, worker));
  } finally {
    await client.shutdown();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    [
      `fuzz: seed ${options.seed}, ${seconds} s`,
      `documents ${counts.documents}`,
      `diagnostics ${counts.diagnostics}`,
      `quick fixes applied ${counts.quickFixes}`,
      `fix-all applied ${counts.fixAlls}`,
      `formatting applied ${counts.formattings}`,
      `requests ${counts.requests}`,
      `failures ${counts.failures}${counts.failures ? ` (inputs in ${out})` : ''}`,
      '',
    ].join('\n'),
  );
  process.exitCode = counts.failures ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`fuzz: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
