// What the extension does outside the page, read from the machine: its language server processes and its output
// channel. `base` is the session folder given to startSession; it is on every path of that session's code-server.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** The ids of the running language server processes of the session under `base` (found by their command line). */
export function serverProcesses(base: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (command.includes(base) && command.includes('dist/server.js')) pids.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

/** Everything the extension wrote to its Fragments output channel (code-server keeps a log file per channel). */
export function outputChannelText(base: string): string {
  const texts: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile() && /Fragments\.log$/.test(entry.name)) texts.push(readFileSync(path, 'utf8'));
    }
  };
  visit(base);
  return texts.join('\n');
}

/** Polls `probe` until it returns a value. */
export async function waitFor<T>(page: Page, what: string, probe: () => T | undefined, timeout = 30_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(200); // poll interval
  }
}
