/**
 * A short run of `npm run fuzz` (scripts/fuzz.ts): damaged records through the built server, every answer checked.
 * Proves the fuzzer runs end to end and finds nothing; the long run (100,000 documents) is `npm run fuzz`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = resolve(__dirname, '../..');

describe('npm run fuzz (short run)', () => {
  it('checks 300 damaged documents through the server and reports no failure', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/fuzz.ts', '--count', '300', '--seed', String(Date.now() % 100_000)], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 300_000,
    });
    console.log(run.stdout.trim().split('\n').join('; '));
    assert.equal(run.status, 0, `fuzz failed:\n${run.stdout}\n${run.stderr}`);
    const count = (label: string) => Number(new RegExp(`^${label} (\\d+)`, 'm').exec(run.stdout)?.[1]);
    assert.equal(count('documents'), 300);
    assert.equal(count('failures'), 0);
    assert.ok(count('diagnostics') > 0, 'the documents had problems to report');
    assert.ok(count('quick fixes applied') > 0, 'quick fixes were applied and checked');
    assert.ok(count('formatting applied') > 0, 'formatting was applied and checked');
    assert.ok(count('requests') > 300 * 5, 'each document got its requests');
  });

  it('refuses an option it does not understand, with the usage', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/fuzz.ts', '--count', 'many'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /Usage: npm run fuzz -- \[--count N\]/);
  });
});
