/**
 * `npm run bench -- --only=yaml`: our server beside yaml-language-server, each over stdio, on matched documents: the
 * bench's fragment records, and the same records as a YAML list checked against the default schema written as a JSON
 * Schema (yaml-equivalent.ts). Both get the same planted problems; the diagnostic counts are printed to show it.
 *
 * yaml-language-server checks a document a fixed time after it opens or changes (`validationDelayMs`, read from its
 * installed source; not a setting). Its diagnostics timings are shown as measured and with that delay taken off, and
 * the ratios use the latter; ours run with `validationDelay: 0`, as in the server part of the bench.
 *
 * It never fails the bench because of yaml-language-server: each of its steps has a time limit, and a step that fails
 * or runs out of time prints one line and the bench goes on. Our own server failing still fails the bench.
 */
import { readFileSync, readdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, CompletionList, DocumentSymbol, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { getDefaultSchema } from '../../server/src/core';
import { generateRecord } from '../../test/support/generate';
import { startServer, type StartOptions, type TestClient } from '../../test/support/lsp-client';
import { fragmentToYaml, PLANT_EVERY, plant, plantedDocument, recordsForMegabytes, recordsJsonSchema } from './yaml-equivalent';

const ROOT = resolve(__dirname, '../..');
const YAML_SERVER = join(ROOT, 'node_modules/yaml-language-server');
const YAML_BIN = join(YAML_SERVER, 'bin/yaml-language-server');
/** A server starts in a second or two; one that has not answered in this time will not. */
const START_TIMEOUT_MS = 30_000;

export interface BenchTools {
  quick: boolean;
  format(n: number): string;
  table(title: string, header: string[], rows: (string | number)[][]): void;
  percentile(samples: number[], p: number): number;
  rssOf(pid: number): number;
}

/** What an editor like VS Code claims; the same for both servers. */
const CAPABILITIES: StartOptions['capabilities'] = {
  textDocument: {
    publishDiagnostics: { versionSupport: true, relatedInformation: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
  },
};

interface Position {
  line: number;
  character: number;
}

/** One server and how its documents are written. */
export interface Side {
  extension: string;
  languageId: string;
  /** The matched document for the fragment text. */
  document(fragment: string): string;
  /** Where the value of `key` starts on the first record's line for it (after `Key: `, before any quote). */
  valueStart(text: string, key: string): Position;
  /** Whether the value there opens with a quote (typing goes after it). */
  quoted: boolean;
  /** Spawned and initialized. */
  launch(): Promise<TestClient>;
  /** Resolves once the server has its settings and documents opened now are checked with them. */
  ready(client: TestClient): Promise<void>;
  /** Diagnostics for `uri` at `version` (ours), or the next ones (theirs publish no versions). */
  diagnostics(client: TestClient, uri: string, version: number, timeoutMs: number): Promise<PublishDiagnosticsParams>;
}

function lineStarting(text: string, prefix: string): { line: number; column: number } {
  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line++) {
    const column = lines[line].indexOf(prefix);
    if (column >= 0 && column <= 2) return { line, column };
  }
  throw new Error(`no line starts with ${prefix}`);
}

/** Our server (`bundle`: another build of it, for a before/after comparison). */
export function ourSide(cache: string, bundle?: string): Side {
  return {
    extension: 'fragment',
    languageId: 'fragment',
    document: (fragment) => fragment,
    valueStart(text, key) {
      const prefix = `**${key}**: `;
      const { line, column } = lineStarting(text, prefix);
      return { line, character: column + prefix.length };
    },
    quoted: false,
    launch: () => withTimeout(startServer({ settings: { validationDelay: 0 }, env: { FRAGMENT_SERVER_CACHE: cache }, capabilities: CAPABILITIES, bundle }), START_TIMEOUT_MS, 'start'),
    ready: async () => undefined,
    diagnostics: (client, uri, version, ms) => client.nextDiagnostics(uri, version, ms),
  };
}

export function yamlSide(schemaFile: string): Side {
  const configuration = {
    yaml: {
      validate: true,
      completion: true,
      hover: true,
      schemas: { [pathToFileURL(schemaFile).href]: '*.yaml' },
      // Offline and only our schema: no catalogue download.
      schemaStore: { enable: false },
      kubernetesCRDStore: { enable: false },
    },
  };
  return {
    extension: 'yaml',
    languageId: 'yaml',
    document: (fragment) => fragmentToYaml(fragment, getDefaultSchema()),
    valueStart(text, key) {
      const prefix = `${key}: `;
      const { line, column } = lineStarting(text, prefix);
      return { line, character: column + prefix.length };
    },
    quoted: true,
    launch: () =>
      withTimeout(startServer({ serverArgs: [YAML_BIN, '--stdio'], configuration, capabilities: CAPABILITIES }), START_TIMEOUT_MS, 'start').catch((error: unknown) => {
        throw new StartFailure(error);
      }),
    async ready(client) {
      // It asks for its settings (workspace/configuration) when initialized; two round trips later they are applied.
      for (let i = 0; i < 2; i++) await withTimeout(roundTrip(client), START_TIMEOUT_MS, 'settings').catch((error: unknown) => {
        throw new StartFailure(error);
      });
    },
    diagnostics: (client, uri, _version, ms) => client.nextDiagnostics(uri, undefined, ms),
  };
}

/** A server that did not start or answer its first requests. */
class StartFailure extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

function roundTrip(client: TestClient): Promise<unknown> {
  return client.request('fragments/benchmarkUnknownMethod', {}).catch(() => undefined);
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${(ms / 1000).toFixed(0)} s`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** The validation delay in the installed yaml-language-server's source, or undefined when it cannot be found. */
function yamlValidationDelay(): number | undefined {
  try {
    const source = readFileSync(join(YAML_SERVER, 'out/server/src/yamlSettings.js'), 'utf8');
    const found = /this\.validationDelayMs\s*=\s*(\d+)/.exec(source);
    return found ? Number(found[1]) : undefined;
  } catch {
    return undefined;
  }
}

function yamlVersion(): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(YAML_SERVER, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
}

/**
 * Ends every server process this bench started and left behind (one that never answered `initialize`): children of
 * this process running the given script, by their id.
 */
function endLeftoverChildren(script: string): void {
  try {
    for (const task of readdirSync(`/proc/${process.pid}/task`)) {
      for (const pid of readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number)) {
        if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(script)) process.kill(pid);
      }
    }
  } catch {
    // Not Linux, or already gone.
  }
}

async function stop(client: TestClient): Promise<void> {
  await withTimeout(client.shutdown(), 5000, 'shutdown').catch(() => client.process.kill());
}

function countSymbols(symbols: DocumentSymbol[] | null): number {
  return (symbols ?? []).reduce((n, s) => n + 1 + countSymbols(s.children ?? null), 0);
}

/** A process's CPU time so far (user and system, clock ticks of 10 ms), in ms; 0 where /proc is not there. */
function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** Two significant digits below 0.1, so a thousandfold difference does not show as 0.00. */
function ratioText(ratio: number): string {
  return ratio >= 0.1 ? ratio.toFixed(2) : ratio.toPrecision(2);
}

/** Per side, what a step measured; a side whose step failed holds the reason. */
type Measured<T> = { ok: true; value: T } | { ok: false; reason: string };

export async function benchYamlSideBySide(tools: BenchTools): Promise<Record<string, unknown>> {
  const { quick, table, percentile, rssOf, format } = tools;
  const version = yamlVersion();
  if (!version) {
    console.log('\nyaml-language-server is not installed (npm install): the side-by-side is skipped.');
    return { skipped: 'yaml-language-server not installed' };
  }
  const found = yamlValidationDelay();
  const delayMs = found ?? 0;
  const timeoutMs = quick ? 60_000 : 180_000;
  // Everything of yaml-language-server's together: past this, its remaining steps are skipped.
  const budgetEnds = performance.now() + (quick ? 4 : 20) * 60_000;

  const folder = mkdtempSync(join(tmpdir(), 'fragment-bench-yaml-'));
  const schemaFile = join(folder, 'fragment-records.schema.json');
  writeFileSync(schemaFile, JSON.stringify(recordsJsonSchema(getDefaultSchema()), null, 2));
  const cache = join(folder, 'fragment-server-cache');
  const ours = ourSide(cache);
  const theirs = yamlSide(schemaFile);
  const results: Record<string, unknown> = { yamlLanguageServer: version, yamlValidationDelayMs: found ?? null };

  /**
   * Runs a step for both sides: ours must work; theirs may fail or run out of time (its own limits, or what is left of
   * the budget), which is said, its server ended, and the step's figure left out.
   */
  async function both<T>(step: string, measure: (side: Side) => Promise<T>): Promise<[T, Measured<T>]> {
    const mine = await measure(ours);
    const skipped = unavailable ?? (performance.now() > budgetEnds ? 'its time budget for the bench is used up' : undefined);
    if (skipped) {
      console.log(`yaml-language-server: "${step}" skipped: ${skipped}.`);
      return [mine, { ok: false, reason: `skipped: ${skipped}` }];
    }
    try {
      return [mine, { ok: true, value: await withTimeout(measure(theirs), budgetEnds - performance.now(), `${step} (the time budget)`) }];
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      console.log(`yaml-language-server: "${step}" gave no figure (${reason}); the bench goes on without it.`);
      endLeftoverChildren(YAML_BIN);
      // A server that does not start will not start for the next steps either.
      if (error instanceof StartFailure) unavailable = `it did not start (${reason})`;
      return [mine, { ok: false, reason }];
    }
  }
  let unavailable: string | undefined;

  /** Starts a server for a step and always ends it, killing it when the step failed (it may be stuck). */
  async function withServer<T>(side: Side, work: (client: TestClient) => Promise<T>): Promise<T> {
    const client = await side.launch();
    try {
      await side.ready(client);
      const value = await work(client);
      await stop(client);
      return value;
    } catch (error) {
      client.process.kill();
      throw error;
    }
  }

  try {
    const sizes: [label: string, count: number][] = quick
      ? [['100 records', 100], ['1 MB', recordsForMegabytes(1)]]
      : [['100 records', 100], ['1 MB', recordsForMegabytes(1)], ['4 MB', recordsForMegabytes(4)]];
    const fragments = new Map(sizes.map(([label, count]) => [label, plantedDocument(count)]));
    const oneRecord = plant(generateRecord(3), 0);
    const rows: (string | number)[][] = [];
    const ms = (m: Measured<number>) => (m.ok ? m.value : 'no figure');
    const work = (m: Measured<number>) => (m.ok ? Math.max(0, m.value - delayMs) : 'no figure');
    /** Problem counts, ours / theirs; counts that differ are listed after the table. */
    const mismatched: string[] = [];
    const problemCounts = (what: string, mine: number, theirs: number | undefined) => {
      if (theirs !== undefined && theirs !== mine) mismatched.push(`${what} (${mine} / ${theirs})`);
      return `${mine} / ${theirs ?? '?'}`;
    };
    const ratio = (mine: number, m: Measured<number>, subtract = 0) => (m.ok ? ratioText(mine / Math.max(0.01, m.value - subtract)) : '');

    // Start → first diagnostics: spawn, initialize, open a record with a problem, until its problem is reported.
    const starts = quick ? 3 : 7;
    const firstDiagnostics = async (side: Side, runs = starts): Promise<number> => {
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        const began = performance.now();
        // As an editor does: the document is opened right after initialization, without waiting for anything.
        const client = await side.launch();
        try {
          const uri = `file:///bench/first.${side.extension}`;
          client.open(uri, side.document(oneRecord), side.languageId);
          // Until the planted problem is reported: a check made before the settings arrived reports nothing.
          for (;;) if ((await side.diagnostics(client, uri, 1, timeoutMs)).diagnostics.length > 0) break;
          samples.push(performance.now() - began);
        } catch (error) {
          client.process.kill();
          throw error;
        }
        await stop(client);
      }
      return percentile(samples, 50);
    };
    await firstDiagnostics(ours, 1); // writes our code cache: the figure is a warm start, as every start after the first
    const [startOurs, startTheirs] = await both('start → first diagnostics', (side) => firstDiagnostics(side));
    rows.push([`start → first diagnostics (median of ${starts})`, startOurs, ms(startTheirs), work(startTheirs), ratio(startOurs, startTheirs, delayMs), '']);
    results.startMs = { ours: startOurs, theirs: startTheirs };

    // Open → diagnostics, then the outline, per size; the counts show both report the same problems.
    interface Opened {
      openMs: number;
      problems: number;
      outlineMs: number;
      editedOutlineMs: number;
      /** The server's own CPU time per outline request (from /proc): a busy machine moves it much less than wall time. */
      outlineCpuMs: number;
      editedOutlineCpuMs: number;
      outlineKB: number;
      symbols: number;
    }
    const opens = quick ? 1 : 3;
    const outlines = quick ? 3 : 5;
    const outlineEdits = quick ? 3 : 5;
    const openAll = (side: Side) =>
      withServer(side, async (client) => {
        const found = new Map<string, Opened>();
        for (const [label, fragment] of fragments) {
          const text = side.document(fragment);
          const openTimes: number[] = [];
          let problems = 0;
          // Each time under a new name, as a new file; the first of them is also the outline's.
          for (let run = opens - 1; run >= 0; run--) {
            const uri = `file:///bench/open-${label.replace(/\W+/g, '-')}-${run}.${side.extension}`;
            const began = performance.now();
            const published = side.diagnostics(client, uri, 1, timeoutMs);
            client.open(uri, text, side.languageId);
            problems = (await published).diagnostics.length;
            openTimes.push(performance.now() - began);
            if (run > 0) client.close(uri);
          }
          const uri = `file:///bench/open-${label.replace(/\W+/g, '-')}-0.${side.extension}`;
          const outlineTimes: number[] = [];
          let symbols: DocumentSymbol[] | null = null;
          let outlineCpu = 0;
          for (let i = 0; i < outlines; i++) {
            const began = performance.now();
            const cpu = cpuMsOf(client.process.pid);
            symbols = await withTimeout(client.request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } }), timeoutMs, 'outline');
            outlineTimes.push(performance.now() - began);
            outlineCpu += cpuMsOf(client.process.pid) - cpu;
          }
          // As VS Code asks: once per version (its outline, breadcrumbs and sticky scroll share one answer per
          // version), after an edit whose diagnostics have arrived.
          const at = side.valueStart(text, 'Outcome description');
          const editedTimes: number[] = [];
          let editedCpu = 0;
          for (let i = 0; i < outlineEdits; i++) {
            const version = i + 2;
            const character = at.character + (side.quoted ? 1 : 0) + 1 + i;
            const published = side.diagnostics(client, uri, version, timeoutMs);
            client.change(uri, version, [{ range: { start: { line: at.line, character }, end: { line: at.line, character } }, text: 'x' }]);
            await published;
            const began = performance.now();
            const cpu = cpuMsOf(client.process.pid);
            await withTimeout(client.request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } }), timeoutMs, 'outline');
            editedTimes.push(performance.now() - began);
            editedCpu += cpuMsOf(client.process.pid) - cpu;
          }
          found.set(label, {
            openMs: percentile(openTimes, 50),
            problems,
            outlineMs: percentile(outlineTimes, 50),
            editedOutlineMs: percentile(editedTimes, 50),
            outlineCpuMs: outlineCpu / outlines,
            editedOutlineCpuMs: editedCpu / outlineEdits,
            outlineKB: JSON.stringify(symbols).length / 1024,
            symbols: countSymbols(symbols),
          });
          client.close(uri);
        }
        return found;
      });
    const [openOurs, openTheirs] = await both('open → diagnostics and outline', openAll);
    const theirsOpened = (label: string): Measured<Opened> => (openTheirs.ok ? { ok: true, value: openTheirs.value.get(label)! } : openTheirs);
    const pick = (m: Measured<Opened>, key: keyof Opened): Measured<number> => (m.ok ? { ok: true, value: m.value[key] } : m);
    for (const [label, fragment] of fragments) {
      const mine = openOurs.get(label)!;
      const other = theirsOpened(label);
      const mb = (fragment.length / 1e6).toFixed(2);
      rows.push([`open → diagnostics, ${label} (${mb} MB), median of ${opens}`, mine.openMs, ms(pick(other, 'openMs')), work(pick(other, 'openMs')), ratio(mine.openMs, pick(other, 'openMs'), delayMs), problemCounts(`open ${label}`, mine.problems, other.ok ? other.value.problems : undefined)]);
    }
    for (const [label] of fragments) {
      const mine = openOurs.get(label)!;
      const other = theirsOpened(label);
      rows.push([`outline (documentSymbol), ${label}, median of ${outlines} on one version`, mine.outlineMs, ms(pick(other, 'outlineMs')), '', ratio(mine.outlineMs, pick(other, 'outlineMs')), '']);
      rows.push([`outline after an edit, ${label}, median of ${outlineEdits}`, mine.editedOutlineMs, ms(pick(other, 'editedOutlineMs')), '', ratio(mine.editedOutlineMs, pick(other, 'editedOutlineMs')), '']);
      rows.push([`  server CPU per outline: on one version / after an edit`, `${format(mine.outlineCpuMs)} / ${format(mine.editedOutlineCpuMs)}`, other.ok ? `${format(other.value.outlineCpuMs)} / ${format(other.value.editedOutlineCpuMs)}` : 'no figure', '', other.ok ? `${ratio(mine.outlineCpuMs, pick(other, 'outlineCpuMs'))} / ${ratio(mine.editedOutlineCpuMs, pick(other, 'editedOutlineCpuMs'))}` : '', '']);
      rows.push([`  outline response: symbols, KB`, `${mine.symbols}, ${mine.outlineKB.toFixed(0)} KB`, other.ok ? `${other.value.symbols}, ${other.value.outlineKB.toFixed(0)} KB` : 'no figure', '', '', '']);
    }
    results.open = { ours: Object.fromEntries(openOurs), theirs: openTheirs.ok ? Object.fromEntries(openTheirs.value) : openTheirs };

    // Edit → diagnostics: type one character at a time into the first record's Outcome description.
    const editCounts: [label: string, fragment: string, edits: number][] = [
      ['one record', oneRecord, quick ? 5 : 30],
      ['1 MB', fragments.get('1 MB')!, quick ? 3 : 10],
    ];
    interface Edited {
      p50: number;
      p95: number;
      problems: number;
    }
    const editAll = (side: Side) =>
      withServer(side, async (client) => {
        const found = new Map<string, Edited>();
        for (const [label, fragment, edits] of editCounts) {
          const uri = `file:///bench/edit-${label.replace(/\W+/g, '-')}.${side.extension}`;
          const text = side.document(fragment);
          const opened = side.diagnostics(client, uri, 1, timeoutMs);
          client.open(uri, text, side.languageId);
          await opened;
          const at = side.valueStart(text, 'Outcome description');
          const samples: number[] = [];
          let problems = 0;
          for (let i = 0; i < edits; i++) {
            const version = i + 2;
            const character = at.character + (side.quoted ? 1 : 0) + 1 + i;
            const began = performance.now();
            const published = side.diagnostics(client, uri, version, timeoutMs);
            client.change(uri, version, [{ range: { start: { line: at.line, character }, end: { line: at.line, character } }, text: 'x' }]);
            problems = (await published).diagnostics.length;
            samples.push(performance.now() - began);
          }
          found.set(label, { p50: percentile(samples, 50), p95: percentile(samples, 95), problems });
          client.close(uri);
        }
        return found;
      });
    const [editOurs, editTheirs] = await both('edit → diagnostics', editAll);
    for (const [label, , edits] of editCounts) {
      const mine = editOurs.get(label)!;
      const other: Measured<Edited> = editTheirs.ok ? { ok: true, value: editTheirs.value.get(label)! } : editTheirs;
      const p = (key: 'p50' | 'p95'): Measured<number> => (other.ok ? { ok: true, value: other.value[key] } : other);
      rows.push([`edit → diagnostics, ${label}, p50 (${edits} edits)`, mine.p50, ms(p('p50')), work(p('p50')), ratio(mine.p50, p('p50'), delayMs), problemCounts(`edit ${label}`, mine.problems, other.ok ? other.value.problems : undefined)]);
      rows.push([`edit → diagnostics, ${label}, p95`, mine.p95, ms(p('p95')), work(p('p95')), ratio(mine.p95, p('p95'), delayMs), '']);
    }
    results.edit = { ours: Object.fromEntries(editOurs), theirs: editTheirs.ok ? Object.fromEntries(editTheirs.value) : editTheirs };

    // Completion at a value position: after `Scale: `, where both offer the closed list.
    const completionRequests = quick ? 10 : 50;
    const completionDocs: [label: string, fragment: string][] = [
      ['one record', oneRecord],
      ['1 MB', fragments.get('1 MB')!],
    ];
    const completeAll = (side: Side) =>
      withServer(side, async (client) => {
        const found = new Map<string, { p50: number; p95: number; items: number }>();
        for (const [label, fragment] of completionDocs) {
          const uri = `file:///bench/complete-${label.replace(/\W+/g, '-')}.${side.extension}`;
          const text = side.document(fragment);
          const opened = side.diagnostics(client, uri, 1, timeoutMs);
          client.open(uri, text, side.languageId);
          await opened;
          const position = side.valueStart(text, 'Scale');
          const samples: number[] = [];
          let items = 0;
          for (let i = 0; i < completionRequests; i++) {
            const began = performance.now();
            const answer = await withTimeout(client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position }), timeoutMs, 'completion');
            samples.push(performance.now() - began);
            items = Array.isArray(answer) ? answer.length : (answer?.items.length ?? 0);
          }
          found.set(label, { p50: percentile(samples, 50), p95: percentile(samples, 95), items });
          client.close(uri);
        }
        return found;
      });
    const [completeOurs, completeTheirs] = await both('completion', completeAll);
    for (const [label] of completionDocs) {
      const mine = completeOurs.get(label)!;
      const other = completeTheirs.ok ? { ok: true as const, value: completeTheirs.value.get(label)!.p50 } : completeTheirs;
      const items = completeTheirs.ok ? completeTheirs.value.get(label)!.items : '?';
      rows.push([`completion after Scale:, ${label}, p50 (items offered)`, `${format(mine.p50)} (${mine.items})`, completeTheirs.ok ? `${format(completeTheirs.value.get(label)!.p50)} (${items})` : 'no figure', '', ratio(mine.p50, other), '']);
    }
    results.completion = { ours: Object.fromEntries(completeOurs), theirs: completeTheirs.ok ? Object.fromEntries(completeTheirs.value) : completeTheirs };

    // Memory: a fresh server with many one-record files open, every one checked.
    const files = quick ? 200 : 1000;
    const memory = (side: Side) =>
      withServer(side, async (client) => {
        const idle = rssOf(client.process.pid ?? 0);
        let problems = 0;
        const pending = new Set<string>();
        const done = new Promise<void>((resolveDone) =>
          client.onDiagnostics((p) => {
            if (!pending.delete(p.uri)) return;
            problems += p.diagnostics.length;
            if (pending.size === 0) resolveDone();
          }),
        );
        const texts = Array.from({ length: files }, (_, i) => side.document(plant(generateRecord(1000 + i), i)));
        texts.forEach((_, i) => pending.add(`file:///bench/many-${i}.${side.extension}`));
        texts.forEach((text, i) => client.open(`file:///bench/many-${i}.${side.extension}`, text, side.languageId));
        await withTimeout(done, timeoutMs, `diagnostics for ${files} files`);
        return { idleMB: idle, rssMB: rssOf(client.process.pid ?? 0), problems };
      });
    const [memoryOurs, memoryTheirs] = await both('memory', memory);
    rows.push([
      `RSS with ${files.toLocaleString('en')} open files (idle)`,
      `${memoryOurs.rssMB.toFixed(0)} MB (${memoryOurs.idleMB.toFixed(0)})`,
      memoryTheirs.ok ? `${memoryTheirs.value.rssMB.toFixed(0)} MB (${memoryTheirs.value.idleMB.toFixed(0)})` : 'no figure',
      '',
      memoryTheirs.ok ? ratioText(memoryOurs.rssMB / memoryTheirs.value.rssMB) : '',
      problemCounts(`${files} files`, memoryOurs.problems, memoryTheirs.ok ? memoryTheirs.value.problems : undefined),
    ]);
    results.memory = { files, ours: memoryOurs, theirs: memoryTheirs.ok ? memoryTheirs.value : memoryTheirs };

    const delayNote = found === undefined ? 'its validation delay was not found in its source: nothing taken off' : `minus its fixed ${delayMs} ms validation delay`;
    table(
      `Side by side with yaml-language-server ${version} on the same records as YAML (one planted problem every ${PLANT_EVERY} records; ms unless said)`,
      ['measure', 'fragments', 'yaml-language-server', delayNote, 'ratio ours / theirs', 'problems ours / theirs'],
      rows,
    );
    console.log(
      `yaml-language-server checks a document ${delayMs} ms after it opens or changes (validationDelayMs in its yamlSettings.js, not a setting);` +
        ' its diagnostics timings are shown as measured and with that taken off, and the ratios use the latter. Ours ran with validationDelay 0 (the editor default waits 150 ms after a keystroke, none on open).' +
        ' Its outline stops at 5,000 symbols (its maxItemsComputed setting, left at the default); ours at 5,000 entries too (fragments.outline.maxItemsComputed, a record and each field counting one).' +
        ' "Outline after an edit" asks once per version, once the edit\'s diagnostics are in, as VS Code asks (its outline view, breadcrumbs and sticky scroll share one answer per version).' +
        ' "Server CPU per outline" is each server\'s own CPU time per request (from /proc, in ticks of 10 ms), which other jobs on the machine move much less than wall time; scripts/bench/outline-cpu.ts times it with both servers taking turns.',
    );
    if (mismatched.length) console.log(`The servers reported different numbers of problems on: ${mismatched.join(', ')}; those rows do not compare like with like.`);
    results.problemCountsDiffer = mismatched;
    return results;
  } finally {
    endLeftoverChildren(YAML_BIN);
    rmSync(folder, { recursive: true, force: true });
  }
}
