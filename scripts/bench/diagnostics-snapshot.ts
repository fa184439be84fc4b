/**
 * The core's diagnostics on every document the bench measures (and the examples, the seeds and damaged copies of the
 * bench's records), as stable JSON, one line per document: the proof that a change made for speed, or a restructuring,
 * changes no diagnostic. Run it on two builds and compare:
 *
 *   tsx scripts/bench/diagnostics-snapshot.ts > /tmp/new.jsonl
 *   tsx scripts/bench/diagnostics-snapshot.ts --root=/tmp/old-checkout > /tmp/old.jsonl
 *   diff /tmp/old.jsonl /tmp/new.jsonl && echo identical
 *
 * `--root` names another checkout whose core is checked (its node_modules must be installed or linked); the
 * documents always come from this one, so both runs check the same text. Each document is checked twice, as the CLI
 * does (`validate` on the whole text) and as the server does (`RecordChecks`, record by record), with "now" pinned.
 */
import { buildSync } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { generateDocument, generateRecord, random } from '../../test/support/generate';
import { DENSE_SCHEMA, largeRecords, tinyRecords } from './dense';
import { plantedDocument, recordsForMegabytes } from './yaml-equivalent';

const HERE = resolve(__dirname, '../..');
const ROOT = resolve(process.argv.find((a) => a.startsWith('--root='))?.slice('--root='.length) ?? HERE);
const NOW = new Date('2026-06-15T12:00:00Z');
const SNAPSHOT_URI = 'file:///snapshot/document.txt';

interface Core {
  validate: typeof import('../../server/src/core').validate;
  RecordChecks: typeof import('../../server/src/core').RecordChecks;
  getDefaultSchema: typeof import('../../server/src/core').getDefaultSchema;
  loadSchemaText: typeof import('../../server/src/core/schema/load').loadSchemaText;
}

/** The core of the checkout at `root`, bundled with the build's options, as the bench measures it. */
async function loadCore(root: string): Promise<Core> {
  const { BUNDLE_OPTIONS } = await import('../esbuild-options.mjs');
  const folder = mkdtempSync(join(tmpdir(), 'fragment-snapshot-core-'));
  try {
    const outfile = join(folder, 'core.js');
    const core = JSON.stringify(join(root, 'server/src/core/index.ts'));
    const load = JSON.stringify(join(root, 'server/src/core/schema/load.ts'));
    buildSync({
      ...BUNDLE_OPTIONS,
      stdin: { contents: `export { validate, RecordChecks, getDefaultSchema } from ${core}; export { loadSchemaText } from ${load};`, resolveDir: root, loader: 'ts' },
      outfile,
      sourcemap: false,
    });
    return require(outfile) as Core;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A generated record with seeded damage: fields out of order, dropped, repeated, misspelt, recased, malformed. */
function damaged(n: number): string {
  const next = random(7919 * (n + 1));
  const lines = generateRecord(n, next).split('\n');
  // Never line 0: the record-start field keeps the records apart.
  const pick = () => 1 + Math.floor(next() * (lines.length - 1));
  for (let i = 0; i < 4; i++) {
    const at = pick();
    const line = lines[at];
    switch (Math.floor(next() * 8)) {
      case 0: // swap with another line
        [lines[at], lines[pick()]] = [lines[pick()], line];
        break;
      case 1:
        lines.splice(at, 1);
        break;
      case 2:
        lines.splice(pick(), 0, line);
        break;
      case 3: // a typo in the key
        lines[at] = line.replace(/^\*\*(\w)(\w)/, '**$2$1');
        break;
      case 4:
        lines[at] = line.replace(/: (.*)$/, (_, value: string) => `: ${next() < 0.5 ? value.toLowerCase() : value.toUpperCase()}`);
        break;
      case 5: // malformed
        lines[at] = line.replace(/^\*\*([^*]+)\*\*:/, next() < 0.5 ? '**$1:**' : '$1:');
        break;
      case 6: // a repeated choice or a second line under a one-value field
        lines[at] = `${line}, ${line.split(': ')[1] ?? ''}`;
        lines.splice(at + 1, 0, 'and a note on the next line, write to field.officer@example.org or +961 1 234 567');
        break;
      default: // every field after the first in reverse order
        lines.splice(1, lines.length - 1, ...lines.slice(1).reverse());
    }
  }
  return lines.join('\n');
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

async function main(): Promise<void> {
  const core = await loadCore(ROOT);
  const defaultSchema = core.getDefaultSchema();
  const dense = core.loadSchemaText(DENSE_SCHEMA).schema;
  if (!dense) throw new Error('the dense bench schema did not load');
  const mb = (size: number) => generateDocument(recordsForMegabytes(size), size);
  const documents: [name: string, text: string, schema: typeof defaultSchema][] = [
    ['core: 1 record', generateDocument(1), defaultSchema],
    ['core: 100 records', generateDocument(100), defaultSchema],
    ['core: 10,000 records', generateDocument(10_000), defaultSchema],
    ...[1, 2, 4, 8].map((size): [string, string, typeof defaultSchema] => [`core: ${size} MB`, mb(size), defaultSchema]),
    ['server: record', generateRecord(3), defaultSchema],
    ['yaml side by side: 100 planted records', plantedDocument(100), defaultSchema],
    ['yaml side by side: 1 MB planted', plantedDocument(recordsForMegabytes(1)), defaultSchema],
    ['dense: 1,000 tiny records, team schema', tinyRecords(1000), dense],
    ['dense: 120,000 tiny records, team schema', tinyRecords(120_000), dense],
    ['dense: 120,000 tiny records, default schema', tinyRecords(120_000), defaultSchema],
    ['dense: 2,000 large records, team schema', largeRecords(2000, 2400), dense],
    ...[0, 1, 2].map((part): [string, string, typeof defaultSchema] => [`damaged: records ${part * 100} to ${part * 100 + 99}`, Array.from({ length: 100 }, (_, i) => damaged(part * 100 + i)).join('\n'), defaultSchema]),
    ...[...filesUnder(join(HERE, 'examples')), ...filesUnder(join(HERE, 'test/fixtures/seeds'))]
      .sort()
      .map((file): [string, string, typeof defaultSchema] => [relative(HERE, file), readFileSync(file, 'utf8'), defaultSchema]),
  ];
  for (const [name, text, schema] of documents) {
    // With a URI, as the server and the CLI check: related information is only written where there is a location.
    const whole = core.validate(text, { schema, now: NOW, uri: SNAPSHOT_URI });
    const byRecord = new core.RecordChecks(text, { schema, now: NOW, uri: SNAPSHOT_URI }).diagnostics();
    console.log(JSON.stringify({ document: name, validate: whole, recordChecks: byRecord }));
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
