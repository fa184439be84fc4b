/**
 * Bytes a check allocates, per checkout and per rule: a figure that does not move with the machine's load, unlike
 * its time. It matters for time too: while a check runs, the parsed document is alive, and each young-generation
 * collection copies what is alive, so every megabyte a rule allocates brings the next copy of the document closer.
 *
 *   node --expose-gc --max-semi-space-size=256 --import tsx scripts/bench/check-allocation.ts /tmp/old-checkout . \
 *     [--records=1000] [--rules=all;none;redaction-drift;outcome-when,outcome-who]
 *
 * Each checkout's core is bundled as the bench bundles it. The document is parsed once; the figure is the growth of
 * the heap over one check (median of five), with a young generation large enough that no collection runs in between.
 * `--rules` lists the rule sets to check with, `;` between sets, `,` between the codes of one set (`all`, `none`).
 */
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateDocument } from '../../test/support/generate';
import { table } from './report';

type Validate = typeof import('../../server/src/core/validate');
type RuleList = typeof import('../../server/src/core/rules')['RULES'];

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const ROOTS = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const RECORDS = Number(option('records') ?? 1000);
const RULE_SETS = (option('rules') ?? 'none;all').split(';');
const NOW = new Date('2026-06-15T12:00:00Z');

async function loadCore(root: string, folder: string, at: number): Promise<Validate & { RULES: RuleList }> {
  const { BUNDLE_OPTIONS } = await import('../esbuild-options.mjs');
  const outfile = join(folder, `core-${at}.js`);
  const validate = JSON.stringify(resolve(root, 'server/src/core/validate.ts'));
  const rules = JSON.stringify(resolve(root, 'server/src/core/rules/index.ts'));
  buildSync({
    ...BUNDLE_OPTIONS,
    stdin: { contents: `export { validateParsed, parseWithSchema } from ${validate}; export { RULES } from ${rules};`, resolveDir: resolve(root), loader: 'ts' },
    outfile,
    sourcemap: false,
  });
  return require(outfile) as Validate & { RULES: RuleList };
}

async function main(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc --max-semi-space-size=256 --import tsx');
  if (ROOTS.length === 0) throw new Error('name at least one checkout, e.g. `. /tmp/old-checkout`');
  const text = generateDocument(RECORDS);
  const folder = mkdtempSync(join(tmpdir(), 'fragment-allocation-'));
  try {
    const rows: string[][] = [];
    for (const [at, root] of ROOTS.entries()) {
      const core = await loadCore(root, folder, at);
      const document = core.parseWithSchema(text);
      for (const set of RULE_SETS) {
        const codes = set.split(',');
        const rules = set === 'all' ? core.RULES : set === 'none' ? [] : core.RULES.filter((rule) => codes.includes(rule.code));
        for (let i = 0; i < 15; i++) core.validateParsed(core.parseWithSchema(text), { now: NOW, rules });
        const grown: number[] = [];
        for (let i = 0; i < 5; i++) {
          gc();
          const before = process.memoryUsage().heapUsed;
          core.validateParsed(document, { now: NOW, rules });
          grown.push(process.memoryUsage().heapUsed - before);
        }
        grown.sort((a, b) => a - b);
        rows.push([root, set, (grown[2] / 1e6).toFixed(2)]);
      }
    }
    table(`MB allocated by one check of ${RECORDS} records (parsed beforehand)`, ['checkout', 'rules', 'MB'], rows);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
