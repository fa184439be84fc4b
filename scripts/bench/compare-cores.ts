/**
 * Two or more builds of the core, timed in turn on the bench's documents in one process: for deciding whether a
 * change in the core is faster, on a machine that other work shares. `npm run bench` compares the core with a
 * baseline in the same run; this compares cores with each other, batch by batch, so a slow moment of the machine
 * slows every build alike. The figures are CPU time of the process (not wall time), which moves less with load.
 *
 *   tsx scripts/bench/compare-cores.ts . /tmp/old-checkout [. again, as a control] [--rounds=60] [--records=1,100,1000]
 *     [--form-rules]  (each build checks with its rules about form only, where it has such a list: against a build
 *                      from before the quality and confidentiality rules, this times the rest of the check alike)
 *
 * Each argument is a checkout (its node_modules installed or linked); the first is the reference, the others are
 * given as ratios to it. Naming the same checkout twice shows how far two identical builds differ: the noise.
 */
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateDocument } from '../../test/support/generate';
import { table } from './report';

type Core = typeof import('../../server/src/core');

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const ROOTS = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const ROUNDS = Number(option('rounds') ?? 60);
const RECORDS = (option('records') ?? '1,100,1000').split(',').map(Number);
const NOW = new Date('2026-06-15T12:00:00Z');
const FORM_RULES_ONLY = process.argv.includes('--form-rules');

async function loadCores(roots: string[]): Promise<Core[]> {
  const { BUNDLE_OPTIONS } = await import('../esbuild-options.mjs');
  const folder = mkdtempSync(join(tmpdir(), 'fragment-compare-cores-'));
  try {
    return roots.map((root, at) => {
      const outfile = join(folder, `core-${at}.js`);
      buildSync({ ...BUNDLE_OPTIONS, entryPoints: [resolve(root, 'server/src/core/index.ts')], outfile, sourcemap: false });
      return require(outfile) as Core;
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** CPU milliseconds per call, over `calls` calls. */
function cpuMs(work: () => void, calls: number): number {
  const began = process.cpuUsage();
  for (let i = 0; i < calls; i++) work();
  const used = process.cpuUsage(began);
  return (used.user + used.system) / 1000 / calls;
}

/** Calls for a batch of about 30 ms, after calling for 400 ms so that V8 has optimised the code. */
function warmUp(work: () => void): number {
  let calls = 0;
  const began = performance.now();
  while (performance.now() - began < 400 || calls < 3) {
    work();
    calls++;
  }
  return Math.max(1, Math.ceil(30 / ((performance.now() - began) / calls)));
}

async function main(): Promise<void> {
  if (ROOTS.length < 2) throw new Error('name at least two checkouts to compare, e.g. `. /tmp/old-checkout`');
  const cores = await loadCores(ROOTS);
  for (const count of RECORDS) {
    const text = generateDocument(count);
    const works = cores.map((core) => {
      const rules = FORM_RULES_ONLY ? (core as Partial<Core>).FORM_RULES : undefined;
      return () => core.validate(text, { now: NOW, ...(rules ? { rules } : {}) });
    });
    const calls = Math.min(...works.map(warmUp));
    const samples: number[][] = works.map(() => []);
    for (let round = 0; round < ROUNDS; round++) works.forEach((work, at) => samples[at].push(cpuMs(work, calls)));
    const at = (sorted: number[], share: number) => sorted[Math.floor(share * (sorted.length - 1))];
    const stats = samples.map((s) => s.sort((a, b) => a - b)).map((s) => ({ min: s[0], p25: at(s, 0.25), median: at(s, 0.5) }));
    const ratio = (value: number, reference: number) => `${(value / reference).toFixed(3)}×`;
    table(
      `${count} record${count === 1 ? '' : 's'}: CPU ms per check (${ROUNDS} rounds of ${calls} call${calls === 1 ? '' : 's'}, taken in turn)`,
      ['checkout', 'min', 'p25', 'median', 'min vs first', 'p25 vs first'],
      stats.map((s, i) => [`${i + 1}. ${ROOTS[i]}`, s.min.toFixed(4), s.p25.toFixed(4), s.median.toFixed(4), ratio(s.min, stats[0].min), ratio(s.p25, stats[0].p25)]),
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
