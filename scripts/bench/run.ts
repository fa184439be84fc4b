/**
 * `npm run bench`: performance figures, each beside a baseline measured in the same run, as a ratio.
 * Prints tables; writes the figures to bench-results.json. No pass/fail: targets are shown for reading.
 *
 *   core    parse + validate (the core bundled as dist/ bundles it) vs. a baseline that only splits lines and
 *           matches the field regex; beside it the same check with only the rules about form (FORM_RULES), so the
 *           share of the quality and confidentiality prompts shows, and one bare pass over the prose: the least
 *           those prompts can add (prose-floor.ts)
 *   server  the built dist/server.js over stdio: edit → diagnostics, completion, code actions, memory
 *   startup spawn → first diagnostics, cold and warm (code cache), vs a bare Node start
 *   cli     fragment-lint on 10,000 files vs. markdownlint-cli2 and vs. a plain read of every file
 *   bundle  minified sizes of every bundle in dist/, what each side loads when it starts, and the language client's
 *           load time
 *   yaml    side by side with yaml-language-server on the same records as YAML (yaml-side-by-side.ts)
 *   dense   files of many records and a workspace of many files: edit → diagnostics, memory, outline (dense.ts)
 *
 * `npm run bench -- --quick` uses smaller sizes (for a smoke run); `-- --only=core,startup` runs just those parts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { generateDocument, generateRecord } from '../../test/support/generate';
import { startServer, type TestClient } from '../../test/support/lsp-client';
import { SERVER_NODE_FLAGS } from '../../server/src/node-flags';
import { FIELD_HEAD } from '../../server/src/core/grammar';
import { loadBuiltCore } from './built-core';
import { proseValues, readProseOnce } from './prose-floor';
import { benchYamlSideBySide } from './yaml-side-by-side';
import { benchDense } from './dense';
import { format, percentile, rssOf, table } from './report';

const ROOT = resolve(__dirname, '../..');
const QUICK = process.argv.includes('--quick');
/** `--only core,startup`: run just those parts (core, server, startup, cli, bundle, yaml). */
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (part: string) => !ONLY || ONLY.includes(part);
const results: Record<string, unknown> = {};

function time(work: () => void, repeat = 1): number {
  const start = performance.now();
  for (let i = 0; i < repeat; i++) work();
  return (performance.now() - start) / repeat;
}




/** What the baseline does: read the text, split lines, match the field line's expression on each. */
function baseline(text: string): number {
  let fields = 0;
  for (const line of text.split(/\r\n|\r|\n/)) if (FIELD_HEAD.test(line)) fields++;
  return fields;
}

/**
 * Milliseconds per call once V8 has optimised the code, as on a server that has been checking keystrokes for a
 * while: calls first run for `warmMs` (the checker needs a few dozen calls to be optimised; the baseline, built-in
 * split and regex, needs none, so cold figures would mostly measure V8's warm-up), then the median of 7 batches,
 * each long enough (≥ 20 ms) for the timer's resolution not to matter.
 */
function steadyMs(work: () => void, warmMs = 300): number {
  let calls = 0;
  const began = performance.now();
  while (performance.now() - began < warmMs || calls < 3) {
    work();
    calls++;
  }
  const perCall = (performance.now() - began) / calls;
  const batch = Math.max(1, Math.ceil(20 / perCall));
  const samples = Array.from({ length: 7 }, () => time(work, batch)).sort((a, b) => a - b);
  return samples[3];
}

async function benchCore(): Promise<void> {
  const builtCore = await loadBuiltCore(ROOT);
  const { validate, FORM_RULES } = builtCore;
  const rows: (string | number)[][] = [];
  const core: Record<string, unknown> = {};
  for (const count of QUICK ? [1, 100, 1000] : [1, 100, 10_000]) {
    const text = generateDocument(count);
    const ms = steadyMs(() => validate(text));
    const base = steadyMs(() => baseline(text));
    // The same check with only the rules about form: what the quality and confidentiality prompts add, in this run.
    const formMs = steadyMs(() => validate(text, { rules: FORM_RULES }));
    const prose = proseValues(builtCore, text);
    const proseMs = steadyMs(() => readProseOnce(prose));
    rows.push([`${count} record${count === 1 ? '' : 's'}`, (text.length / 1e6).toFixed(2), ms, base, `${(ms / base).toFixed(1)}×`, `${(formMs / base).toFixed(1)}×`, `+${(proseMs / base).toFixed(1)}×`]);
    core[`records_${count}`] = { mb: text.length / 1e6, ms, baselineMs: base, ratio: ms / base, formRulesMs: formMs, formRulesRatio: formMs / base, proseOnceMs: proseMs, proseOnceRatio: proseMs / base };
  }
  table('Core: parse + validate, warm (target: at most 3× the baseline)', ['document', 'MB', 'ms', 'baseline ms', 'ratio', 'form rules only', 'one pass over the prose'], rows);

  const growth: (string | number)[][] = [];
  const record = generateRecord(1);
  for (const mb of QUICK ? [1, 2] : [1, 2, 4, 8]) {
    const count = Math.ceil((mb * 1e6) / record.length);
    const text = generateDocument(count, mb);
    const ms = steadyMs(() => validate(text));
    const base = steadyMs(() => baseline(text));
    growth.push([`${mb} MB`, count, ms, (text.length / 1e6 / (ms / 1000)).toFixed(1), `${(ms / base).toFixed(1)}×`]);
    core[`mb_${mb}`] = { records: count, ms, mbPerSecond: text.length / 1e6 / (ms / 1000), ratio: ms / base };
  }
  table('Core: growth with size (linear when MB/s stays flat)', ['size', 'records', 'ms', 'MB/s', 'vs baseline'], growth);
  results.core = core;
}

async function editLatency(client: TestClient, uri: string, text: string, edits: number): Promise<number[]> {
  let version = 1;
  const opened = client.nextDiagnostics(uri, 1, 60_000);
  client.open(uri, text);
  await opened;
  const lines = text.split('\n');
  // Type into the Outcome description of the first record: insert one character, then the next, …
  const line = lines.findIndex((l) => l.startsWith('**Outcome description**'));
  const samples: number[] = [];
  for (let i = 0; i < edits; i++) {
    version++;
    const start = performance.now();
    const published = client.nextDiagnostics(uri, version, 60_000);
    client.change(uri, version, [{ range: { start: { line, character: 26 + i }, end: { line, character: 26 + i } }, text: 'x' }]);
    await published;
    samples.push(performance.now() - start);
  }
  return samples;
}

async function roundTrip(client: TestClient, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await client.request('fragments/benchmarkUnknownMethod', {}).catch(() => undefined);
    samples.push(performance.now() - start);
  }
  return samples;
}


async function benchServer(): Promise<void> {
  const edits = QUICK ? 40 : 200;
  const rows: (string | number)[][] = [];
  const server: Record<string, unknown> = {};

  const client = await startServer({ settings: { validationDelay: 0 } });

  const trip = await roundTrip(client, edits);
  const tripP50 = percentile(trip, 50);
  rows.push(['JSON-RPC round trip (baseline)', tripP50, percentile(trip, 95), '1.0×', '']);

  const typical = await editLatency(client, 'file:///bench/record.fragment', generateRecord(3), edits);
  rows.push(['edit → diagnostics, one record', percentile(typical, 50), percentile(typical, 95), `${(percentile(typical, 50) / tripP50).toFixed(1)}×`, '≤ 10 ms p50']);
  const big = generateDocument(Math.ceil(1e6 / generateRecord(1).length), 5);
  const large = await editLatency(client, 'file:///bench/large.fragment', big, edits);
  rows.push([`edit → diagnostics, ${(big.length / 1e6).toFixed(1)} MB`, percentile(large, 50), percentile(large, 95), `${(percentile(large, 50) / tripP50).toFixed(1)}×`, '≤ 100 ms p50']);

  const capabilities = client.initializeResult.capabilities;
  const recordUri = 'file:///bench/record.fragment';
  const lines = generateRecord(3).split('\n');
  const scaleLine = lines.findIndex((l) => l.startsWith('**Scale**'));
  if (capabilities.completionProvider) {
    const samples: number[] = [];
    for (let i = 0; i < edits; i++) {
      const start = performance.now();
      await client.request('textDocument/completion', { textDocument: { uri: recordUri }, position: { line: scaleLine, character: 11 } });
      samples.push(performance.now() - start);
    }
    rows.push(['completion after **Scale**: ', percentile(samples, 50), percentile(samples, 95), `${(percentile(samples, 50) / tripP50).toFixed(1)}×`, '']);
    server.completion = { p50: percentile(samples, 50), p95: percentile(samples, 95) };
  } else {
    rows.push(['completion', 'not offered by this server', '', '', '']);
  }
  if (capabilities.codeActionProvider) {
    const samples: number[] = [];
    const range = { start: { line: scaleLine, character: 0 }, end: { line: scaleLine, character: lines[scaleLine].length } };
    for (let i = 0; i < edits; i++) {
      const start = performance.now();
      await client.request('textDocument/codeAction', { textDocument: { uri: recordUri }, range, context: { diagnostics: [] } });
      samples.push(performance.now() - start);
    }
    rows.push(['code actions on a line', percentile(samples, 50), percentile(samples, 95), `${(percentile(samples, 50) / tripP50).toFixed(1)}×`, '']);
    server.codeAction = { p50: percentile(samples, 50), p95: percentile(samples, 95) };
  } else {
    rows.push(['code actions', 'not offered by this server', '', '', '']);
  }

  await client.shutdown();

  // Memory in a fresh server, so the large document above does not count.
  const fresh = await startServer({ settings: { validationDelay: 0 } });
  const idle = rssOf(fresh.process.pid ?? 0);
  for (let i = 0; i < 1000; i++) {
    const uri = `file:///bench/open-${i}.fragment`;
    const published = fresh.nextDiagnostics(uri, 1, 60_000);
    fresh.open(uri, generateRecord(1000 + i));
    await published;
  }
  const rss = rssOf(fresh.process.pid ?? 0);
  rows.push(['memory (RSS) with 1,000 open records', `${rss.toFixed(0)} MB`, '', `idle: ${idle.toFixed(0)} MB`, '≤ 100 MB']);
  await fresh.shutdown();

  Object.assign(server, {
    roundTrip: { p50: tripP50, p95: percentile(trip, 95) },
    editRecord: { p50: percentile(typical, 50), p95: percentile(typical, 95) },
    edit1MB: { p50: percentile(large, 50), p95: percentile(large, 95) },
    rssMB: rss,
  });
  table(`Server over stdio (validation delay 0; ${edits} requests each; ms)`, ['measure', 'p50', 'p95', 'vs round trip', 'target'], rows);
  results.server = server;
}

/** Spawn → initialize → first diagnostics on a record, as an editor opening its first fragment sees it. */
async function timeFirstDiagnostics(cache: string): Promise<number> {
  const startedAt = performance.now();
  const client = await startServer({ settings: { validationDelay: 0 }, env: { FRAGMENT_SERVER_CACHE: cache } });
  const uri = 'file:///bench/first.fragment';
  const first = client.nextDiagnostics(uri, 1, 30_000);
  client.open(uri, generateRecord(7));
  await first;
  const ms = performance.now() - startedAt;
  await client.shutdown();
  return ms;
}

/**
 * Start-up, cold (no code cache: the first start after installing or updating) and warm (every later start), each the
 * median of several starts taken in turn, beside a bare `node -e 0` with the same flags, the floor of any Node server.
 */
async function benchStartup(): Promise<void> {
  const runs = QUICK ? 5 : 15;
  const cache = mkdtempSync(join(tmpdir(), 'fragment-bench-cache-'));
  try {
    await timeFirstDiagnostics(cache); // writes the cache the warm starts use
    const cold: number[] = [];
    const warm: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < runs; i++) {
      cold.push(await timeFirstDiagnostics(''));
      warm.push(await timeFirstDiagnostics(cache));
      const start = performance.now();
      spawnSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', '0']);
      bare.push(performance.now() - start);
    }
    const [coldMs, warmMs, bareMs] = [cold, warm, bare].map((samples) => percentile(samples, 50));
    table(`Start → first diagnostics (median of ${runs} starts; ms; target ≤ 200 ms)`, ['start', 'ms', 'vs bare Node'], [
      ['bare node -e 0 (baseline)', bareMs, '1.0×'],
      ['warm: with the code cache of an earlier start', warmMs, `${(warmMs / bareMs).toFixed(1)}×`],
      ['cold: first start after installing', coldMs, `${(coldMs / bareMs).toFixed(1)}×`],
    ]);
    results.startup = { bareMs, warmMs, coldMs, runs };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

function benchCli(): void {
  const count = QUICK ? 1000 : 10_000;
  const folder = mkdtempSync(join(tmpdir(), 'fragment-bench-'));
  try {
    mkdirSync(join(folder, 'records'));
    for (let i = 0; i < count; i++) writeFileSync(join(folder, 'records', `r${i}.fragment.md`), generateRecord(i));
    writeFileSync(join(folder, 'read-all.js'), "const fs=require('fs'),p=require('path');let n=0;for(const f of fs.readdirSync(process.argv[2]))n+=fs.readFileSync(p.join(process.argv[2],f),'utf8').length;console.log(n)");
    const run = (command: string, args: string[]) => {
      const start = performance.now();
      const result = spawnSync(command, args, { cwd: folder, encoding: 'utf8', maxBuffer: 1 << 30 });
      const ms = performance.now() - start;
      if (result.status === null || result.status > 1) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
      return ms;
    };
    const plain = run(process.execPath, ['read-all.js', 'records']);
    const lint = run(process.execPath, [join(ROOT, "dist/cli.js"), "records"]);
    const markdownlint = run(process.execPath, [join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), 'records/*.md']);
    table(`CLI on ${count.toLocaleString('en')} record files (ms; target: fragment-lint ≥ 10× faster than markdownlint-cli2)`, ['tool', 'ms', 'vs plain read', 'vs markdownlint-cli2'], [
      ['plain read of every file (baseline)', plain, '1.0×', ''],
      ['fragment-lint', lint, `${(lint / plain).toFixed(1)}×`, `${(markdownlint / lint).toFixed(1)}× faster`],
      ['markdownlint-cli2', markdownlint, `${(markdownlint / plain).toFixed(1)}×`, '1.0×'],
    ]);
    results.cli = { files: count, plainMs: plain, fragmentLintMs: lint, markdownlintMs: markdownlint, speedup: markdownlint / lint, threads: benchCliThreads(folder) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** CPU time (ms) of the children this process has waited for, on Linux; undefined elsewhere. */
function childrenCpuMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // cutime + cstime, in clock ticks of 1/100 s
  } catch {
    return undefined;
  }
}

/**
 * fragment-lint on one thread and with worker threads (FRAGMENT_LINT_THREADS), median of 3 interleaved runs each: the
 * figures behind the rule in server/src/cli/pool.ts on when workers start by themselves.
 */
function benchCliThreads(folder: string): Record<string, { ms: number; cpuMs?: number }> {
  const counts = [...new Set([1, 2, Math.min(cpus().length, 4)])];
  const samples = new Map(counts.map((n) => [n, [] as { ms: number; cpuMs?: number }[]]));
  for (let round = 0; round < 3; round++) {
    for (const threads of counts) {
      const cpuBefore = childrenCpuMs();
      const start = performance.now();
      spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'records'], { cwd: folder, env: { ...process.env, FRAGMENT_LINT_THREADS: String(threads) }, maxBuffer: 1 << 30 });
      const ms = performance.now() - start;
      const cpuAfter = childrenCpuMs();
      samples.get(threads)!.push({ ms, cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore });
    }
  }
  const figures: Record<string, { ms: number; cpuMs?: number }> = {};
  const one = percentile(samples.get(1)!.map((s) => s.ms), 50);
  const rows = counts.map((threads) => {
    const ms = percentile(samples.get(threads)!.map((s) => s.ms), 50);
    const cpu = samples.get(threads)!.every((s) => s.cpuMs !== undefined) ? percentile(samples.get(threads)!.map((s) => s.cpuMs as number), 50) : undefined;
    figures[`threads_${threads}`] = { ms, cpuMs: cpu };
    return [threads === 1 ? '1 (main thread only)' : `${threads} (main + ${threads - 1} worker${threads > 2 ? 's' : ''})`, ms, cpu ?? '-', `${(one / ms).toFixed(2)}×`];
  });
  table(`fragment-lint threads on ${cpus().length} cores (median of 3; workers start by themselves only where they pay)`, ['threads', 'wall ms', 'CPU ms', 'speed vs 1 thread'], rows);
  return figures;
}

/** Every bundle the build writes, with when it is loaded; the target applies to what loads when each side starts. */
const BUNDLES: [file: string, loaded: string][] = [
  ['client.js', 'when VS Code activates the extension'],
  ['language-client.js', 'when the first fragment opens (client)'],
  ['server.js', 'when the server starts (launcher)'],
  ['server-main.js', 'when the server starts'],
  ['lazy/re2js.js', 'on first use: a team schema with patterns'],
  ['lazy/tinyglobby.js', 'on first use: a folder walk'],
  ['lazy/validate-format.js', 'on first use: a team schema file'],
  ['lazy/gazetteer.js', 'on first use: a confidential record (place names)'],
  ['cli.js', 'fragment-lint'],
];

function benchBundles(): void {
  const kb = (file: string) => statSync(join(ROOT, 'dist', file)).size / 1024;
  const rows: (string | number)[][] = BUNDLES.map(([file, loaded]) => [file, `${kb(file).toFixed(0)} KB`, loaded]);
  const activation = kb('client.js');
  const clientStart = activation + kb('language-client.js');
  const serverStart = kb('server.js') + kb('server-main.js');
  rows.push(
    ['client: at activation', `${activation.toFixed(0)} KB`, 'target ≤ 400 KB'],
    ['client: with the language client', `${clientStart.toFixed(0)} KB`, 'loaded on first need, not at activation'],
    ['server: at start', `${serverStart.toFixed(0)} KB`, 'target ≤ 400 KB'],
    ['server: everything', `${(serverStart + kb('lazy/re2js.js') + kb('lazy/tinyglobby.js') + kb('lazy/validate-format.js') + kb('lazy/gazetteer.js')).toFixed(0)} KB`, ''],
  );
  table('Bundles (minified)', ['file', 'size', 'loaded'], rows);
  results.bundles = Object.fromEntries(rows.map((r) => [r[0], r[1]]));
  benchLanguageClientLoad();
}

/**
 * What loading dist/language-client.js costs the extension host when the first fragment opens: `require` and
 * evaluation in a fresh Node with a stand-in `vscode` module, the median of several processes. CPU time is given
 * beside wall time because it moves less when other work shares the machine.
 */
function benchLanguageClientLoad(): void {
  const runs = QUICK ? 5 : 21;
  const script = `
    const Module = require('node:module');
    const vscode = new Proxy({ version: '1.91.0' }, { get: (target, key) => (key in target ? target[key] : class {}) });
    const load = Module._load;
    Module._load = (request, ...rest) => (request === 'vscode' ? vscode : load.call(Module, request, ...rest));
    const began = performance.now();
    const cpu = process.cpuUsage();
    require(process.argv[1]);
    const used = process.cpuUsage(cpu);
    process.stdout.write(JSON.stringify({ wallMs: performance.now() - began, cpuMs: (used.user + used.system) / 1000 }));`;
  const samples = Array.from({ length: runs }, () => JSON.parse(execFileSync(process.execPath, ['-e', script, join(ROOT, 'dist', 'language-client.js')], { encoding: 'utf8' })) as { wallMs: number; cpuMs: number });
  const [wallMs, cpuMs] = [percentile(samples.map((s) => s.wallMs), 50), percentile(samples.map((s) => s.cpuMs), 50)];
  table(`Loading the language client when the first fragment opens (median of ${runs} Node processes; ms)`, ['measure', 'wall', 'CPU'], [['require + evaluate dist/language-client.js', wallMs, cpuMs]]);
  results.languageClientLoad = { wallMs, cpuMs, runs };
}

async function main(): Promise<void> {
  if (!readdirSync(join(ROOT, 'dist')).includes('server.js')) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  console.log(`Fragment benchmarks${QUICK ? ' (quick)' : ''} on ${machine}`);
  results.machine = machine;
  results.date = new Date().toISOString();
  // Start-up first: spawning a process from this one slows as its heap grows (the core part builds 20 MB documents).
  if (wanted('startup')) await benchStartup();
  if (wanted('core')) await benchCore();
  if (wanted('server')) await benchServer();
  if (wanted('cli')) benchCli();
  if (wanted('bundle')) benchBundles();
  if (wanted('yaml')) results.yaml = await benchYamlSideBySide({ quick: QUICK, table, percentile, rssOf, format });
  if (wanted('dense')) results.dense = await benchDense(QUICK); // issue 13: many records in one file; a large workspace
  writeFileSync(join(ROOT, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nFigures written to bench-results.json');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
