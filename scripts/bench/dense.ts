/**
 * Dense files (issue 13): what an edit costs in a file of many records, and what a large workspace adds to it.
 * Run as part of `npm run bench` (`-- --only=dense`), or alone: `tsx scripts/bench/dense.ts [--quick]
 * [--server=path/to/server.js]` (another build, e.g. one of the previous commit, for a before/after comparison).
 *
 *   edit → diagnostics   one character typed into a record in the middle of files of 1, 1,000 and 120,000 two-line
 *                        records (4.8 MB) and 2,000 large records of the same size, all clean under their schema
 *   all problems         the same 120,000 records under the built-in schema: each misses most fields
 *   memory               the server's RSS with each 120,000-record file open, after the edits
 *   hover after an edit  a hover sent right behind a keystroke in the 120,000-record file
 *   outline, folding     time and JSON size of the answers for the 120,000-record file
 *   workspace            the same edit in an empty workspace and in one of 50,000 fragment files
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type TestClient } from '../../test/support/lsp-client';
import { format, percentile, rssOf, table } from './report';

const QUICK = process.argv.includes('--quick');
const BUNDLE = process.argv.find((a) => a.startsWith('--server='))?.slice('--server='.length);
/** Two fields a record, both clean: the schema of the dense files. */
export const DENSE_SCHEMA = JSON.stringify({ fields: [{ key: 'FragmentID', presence: 'required' }, { key: 'Title', presence: 'required' }, { key: 'Note', presence: 'optional' }] });





/** `count` records of two short lines each: 40 characters a record. */
export function tinyRecords(count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += `**FragmentID**: R${String(i).padStart(6, '0')}\n**Title**: Well\n`;
  return text;
}

/** `count` records of about `size` characters each (a long note). */
export function largeRecords(count: number, size: number): string {
  const note = 'The village committee met again and agreed on the plan. '.repeat(Math.ceil(size / 57)).slice(0, size - 60);
  let text = '';
  for (let i = 0; i < count; i++) text += `**FragmentID**: R${String(i).padStart(6, '0')}\n**Title**: Well\n**Note**: ${note}\n`;
  return text;
}

/** Milliseconds from a one-character change to its diagnostics, typed at the end of the Title of the middle record. */
async function typeInto(client: TestClient, uri: string, text: string, edits: number): Promise<{ open: number; samples: number[]; diagnostics: number }> {
  const lines = text.split('\n');
  const middle = lines.indexOf('**Title**: Well', Math.floor(lines.length / 2) - 3);
  const opened = performance.now();
  const first = client.nextDiagnostics(uri, 1, 600_000);
  client.open(uri, text);
  const firstDiagnostics = await first;
  const open = performance.now() - opened;
  const samples: number[] = [];
  let version = 1;
  for (let i = 0; i < edits; i++) {
    version++;
    const start = performance.now();
    const published = client.nextDiagnostics(uri, version, 600_000);
    client.change(uri, version, [{ range: { start: { line: middle, character: 15 + i }, end: { line: middle, character: 15 + i } }, text: 'x' }]);
    await published;
    samples.push(performance.now() - start);
  }
  return { open, samples, diagnostics: firstDiagnostics.diagnostics.length };
}

export async function benchDense(quick = QUICK, bundle = BUNDLE): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  const edits = quick ? 10 : 40;
  const root = mkdtempSync(join(tmpdir(), 'fragment-dense-'));
  try {
    const team = join(root, 'team');
    mkdirSync(team);
    writeFileSync(join(team, 'fragment.schema.json'), DENSE_SCHEMA);
    const huge = tinyRecords(120_000);
    const documents: [string, string][] = [
      ['1 record', tinyRecords(1)],
      ['1,000 records', tinyRecords(1000)],
      [`120,000 records (${(huge.length / 1e6).toFixed(1)} MB)`, huge],
      ['2,000 large records (same size)', largeRecords(2000, Math.floor(huge.length / 2000))],
    ];
    const rows: (string | number)[][] = [];
    let one = 0;
    for (const [index, [name, text]] of documents.entries()) {
      const client = await startServer({ rootUri: pathToFileURL(root).href, bundle });
      try {
        const uri = pathToFileURL(join(team, `dense-${index}.fragment`)).href;
        const { open, samples, diagnostics } = await typeInto(client, uri, text, edits);
        const p50 = percentile(samples, 50);
        if (index === 0) one = p50;
        const hover = index === 2 ? await hoverAfterEdit(client, uri, text) : undefined;
        const rss = rssOf(client.process.pid ?? 0);
        rows.push([name, open, p50, percentile(samples, 95), `${(p50 / one).toFixed(1)}×`, diagnostics, `${rss.toFixed(0)} MB`]);
        results[name] = { openMs: open, editP50: p50, editP95: percentile(samples, 95), rssMB: rss, ...(hover ? { hoverAfterEditMs: hover } : {}) };
        if (index === 2) {
          const outline = await timed(() => client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } }));
          const folding = await timed(() => client.request<unknown[]>('textDocument/foldingRange', { textDocument: { uri } }));
          table('Outline and folding, 120,000 records', ['request', 'ms', 'items', 'JSON'], [
            ['outline', outline.ms, outline.value.length, `${(JSON.stringify(outline.value).length / 1e6).toFixed(2)} MB`],
            ['folding', folding.ms, folding.value.length, `${(JSON.stringify(folding.value).length / 1e6).toFixed(2)} MB`],
          ]);
          console.log(`hover right after an edit (120,000 records): ${format(hover ?? 0)} ms`);
          results.outline = { ms: outline.ms, items: outline.value.length, bytes: JSON.stringify(outline.value).length };
          results.folding = { ms: folding.ms, items: folding.value.length, bytes: JSON.stringify(folding.value).length };
        }
      } finally {
        await client.shutdown();
      }
    }
    // The same 120,000 records under the built-in schema, outside the team folder: every record misses most fields.
    const client = await startServer({ rootUri: pathToFileURL(root).href, bundle });
    try {
      const { open, samples, diagnostics } = await typeInto(client, pathToFileURL(join(root, 'problems.fragment')).href, huge, edits);
      const p50 = percentile(samples, 50);
      const rss = rssOf(client.process.pid ?? 0);
      rows.push(['120,000 records, all with problems', open, p50, percentile(samples, 95), `${(p50 / one).toFixed(1)}×`, diagnostics, `${rss.toFixed(0)} MB`]);
      results['all problems'] = { openMs: open, editP50: p50, editP95: percentile(samples, 95), rssMB: rss };
    } finally {
      await client.shutdown();
    }
    table(`Dense files: open and edit → diagnostics (${edits} edits, ms)`, ['file', 'open → diagnostics', 'edit p50', 'edit p95', 'vs 1 record', 'diagnostics', 'server RSS'], rows);
    results.workspace = await benchWorkspace(root, quick, bundle, edits);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return results;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** A keystroke, then at once a hover on the record typed in: how long the hover waits. */
async function hoverAfterEdit(client: TestClient, uri: string, text: string): Promise<number> {
  const lines = text.split('\n');
  const line = lines.indexOf('**Title**: Well', Math.floor(lines.length / 3));
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const version = 1000 + i;
    const published = client.nextDiagnostics(uri, version, 600_000);
    client.change(uri, version, [{ range: { start: { line, character: 15 }, end: { line, character: 15 } }, text: 'y' }]);
    const start = performance.now();
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 3 } });
    samples.push(performance.now() - start);
    await published;
  }
  return percentile(samples, 50);
}

/** The same edit in a one-record file, alone in its workspace and among 50,000 fragment files. */
async function benchWorkspace(root: string, quick: boolean, bundle: string | undefined, edits: number): Promise<Record<string, unknown>> {
  const files = quick ? 5000 : 50_000;
  const empty = join(root, 'empty');
  const full = join(root, 'full');
  mkdirSync(empty);
  for (let folder = 0; folder < files / 1000; folder++) {
    const dir = join(full, `f${String(folder).padStart(3, '0')}`); // in name order, the last file is read last
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 1000; i++) {
      const n = folder * 1000 + i;
      writeFileSync(join(dir, `r${String(n).padStart(6, '0')}.fragment`), `**FragmentID**: W${n}\n**Title**: Well\n`);
    }
  }
  writeFileSync(join(full, 'fragment.schema.json'), DENSE_SCHEMA);
  writeFileSync(join(empty, 'fragment.schema.json'), DENSE_SCHEMA);
  const rows: (string | number)[][] = [];
  const results: Record<string, unknown> = {};
  for (const [name, folder] of [['empty workspace', empty], [`${files.toLocaleString('en')} files`, full]] as const) {
    const client = await startServer({ rootUri: pathToFileURL(folder).href, bundle });
    try {
      // A record whose ID the last file of the workspace also has: its duplicate-ID warning tells the scan is over.
      const uri = pathToFileURL(join(folder, 'edited.fragment')).href;
      const last = `W${files - 1}`;
      const text = `**FragmentID**: ${last}\n**Title**: Well\n`;
      const began = performance.now();
      let version = 1;
      client.open(uri, text);
      if (folder === full) {
        for (;;) {
          version++;
          const published = client.nextDiagnostics(uri, version, 600_000);
          client.change(uri, version, [{ range: { start: { line: 1, character: 11 }, end: { line: 1, character: 11 } }, text: '' }]);
          if ((await published).diagnostics.some((d) => d.code === 'duplicate-id')) break;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
      const indexed = performance.now() - began;
      const samples: number[] = [];
      for (let i = 0; i < edits; i++) {
        version++;
        const start = performance.now();
        const published = client.nextDiagnostics(uri, version, 600_000);
        client.change(uri, version, [{ range: { start: { line: 1, character: 15 + i }, end: { line: 1, character: 15 + i } }, text: 'x' }]);
        await published;
        samples.push(performance.now() - start);
      }
      const rss = rssOf(client.process.pid ?? 0);
      rows.push([name, folder === full ? indexed : '', percentile(samples, 50), percentile(samples, 95), `${rss.toFixed(0)} MB`]);
      results[name] = { indexedMs: folder === full ? indexed : undefined, editP50: percentile(samples, 50), editP95: percentile(samples, 95), rssMB: rss };
    } finally {
      await client.shutdown();
    }
  }
  table('Workspace: one edit → diagnostics (ms)', ['workspace', 'indexed in', 'edit p50', 'edit p95', 'server RSS'], rows);
  return results;
}

if (require.main === module) {
  benchDense().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
