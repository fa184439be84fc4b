/** A reader that stops early (`fragment-lint | head -1`) ends the report quietly: no stack trace, the usual exit code. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { CLI_BUNDLE, tempFolder } from './run-cli';

/** Far more output than a pipe holds (64 KiB on Linux), so the CLI is still writing when the reader closes. */
const RECORDS = Array.from({ length: 400 }, (_, i) => `**FragmentID**: SCC-1/R${i}\n**Year**: 20x4`).join('\n');

function firstLineThenClose(cwd: string, args: string[]): Promise<{ code: number | null; firstLine: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BUNDLE, ...args], { cwd, env: { ...process.env, NO_COLOR: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes('\n')) child.stdout.destroy(); // as `head -1` does
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, firstLine: stdout.split('\n')[0], stderr }));
  });
}

describe('fragment-lint with a closed output', () => {
  let folder: ReturnType<typeof tempFolder>;
  before(() => {
    folder = tempFolder(Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`many-${i}.fragment`, RECORDS])));
  });
  after(() => folder.remove());

  for (const format of ['stylish', 'json', 'github']) {
    it(`${format}: stops writing without a stack trace and exits with the run's own code`, async () => {
      const run = await firstLineThenClose(folder.dir, ['--format', format]);
      assert.ok(run.firstLine.length > 0);
      assert.equal(run.stderr, '', 'nothing on stderr: no EPIPE error, no stack trace');
      assert.equal(run.code, 1, 'the files have errors: the same code as a full run');
    });
  }
});
