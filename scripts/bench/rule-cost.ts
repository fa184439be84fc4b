/**
 * What each rule costs on the bench's records, in µs per record: the check with that rule alone minus the check with
 * no rule (the document parsed once beforehand), the median of 25 batches after a warm-up; then the parse, all the
 * rules together and a whole `validate`. Run it on two checkouts in turn to compare them (the machine's speed moves
 * between processes, so alternate and repeat):
 *
 *   tsx scripts/bench/rule-cost.ts [checkout, default .] [records, default 100]
 *
 * The core is bundled as the bench bundles it (built-core.ts). The last column is how many problems the rule finds
 * alone, uncapped.
 */
import { resolve } from 'node:path';
import { generateDocument } from '../../test/support/generate';
import { loadBuiltCore } from './built-core';

const ROOT = resolve(process.argv[2] ?? '.');
const RECORDS = Number(process.argv[3] ?? 100);
const NOW = new Date('2026-06-15T12:00:00Z');

/** Milliseconds per call: the median of 25 batches of at least 10 ms, after 200 ms of calls. */
function medianMs(work: () => void): number {
  const began = performance.now();
  let calls = 0;
  while (performance.now() - began < 200 || calls < 3) {
    work();
    calls++;
  }
  const batch = Math.max(1, Math.ceil(10 / ((performance.now() - began) / calls)));
  const samples: number[] = [];
  for (let k = 0; k < 25; k++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) work();
    samples.push((performance.now() - start) / batch);
  }
  return samples.sort((a, b) => a - b)[12];
}

async function main(): Promise<void> {
  const core = await loadBuiltCore(ROOT);
  const text = generateDocument(RECORDS);
  const schema = core.getDefaultSchema();
  const document = core.parseWithSchema(text, schema);
  const perRecord = (ms: number) => `${((1000 * ms) / RECORDS).toFixed(2).padStart(7)} µs`;
  const none = medianMs(() => core.validateParsed(document, { now: NOW, rules: [] }));
  console.log(`${ROOT}, ${RECORDS} records`);
  console.log('parse'.padEnd(22), perRecord(medianMs(() => core.parseWithSchema(text, schema))));
  for (const rule of core.RULES) {
    const alone = medianMs(() => core.validateParsed(document, { now: NOW, rules: [rule] })) - none;
    const found = core.validateParsed(document, { now: NOW, rules: [rule], maxDiagnostics: 1e9 }).length;
    console.log(rule.code.padEnd(22), perRecord(alone), String(found).padStart(6));
  }
  console.log('all rules'.padEnd(22), perRecord(medianMs(() => core.validateParsed(document, { now: NOW })) - none));
  console.log('validate'.padEnd(22), perRecord(medianMs(() => core.validate(text, { now: NOW }))));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
