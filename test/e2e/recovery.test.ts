// End-to-end: the language server process is killed under a real VS Code (code-server + headless chromium). The
// client starts it again, says so in the Fragments output channel, and diagnostics come back: the file's problem is
// shown again and a new edit is checked by the new server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './support/session';
import type { Workbench } from './support/workbench';
import { VALID_RECORD, withField } from '../support/fixtures';

const base = mkdtempSync(join(tmpdir(), 'fragment-e2e-recovery-'));
const workspace = join(base, 'workspace');
let session: Session | undefined;
let page: Page;
let wb: Workbench;

/** The ids of running language server processes of this session's extension (found by their command line). */
function serverProcesses(): number[] {
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

/** Everything the extension wrote to its output channel (code-server keeps it in a log file per channel). */
function outputChannelText(): string {
  const texts: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile() && /Fragments\.log$/.test(entry.name)) texts.push(readFileSync(path, 'utf8'));
    }
  };
  visit(join(base, 'session'));
  return texts.join('\n');
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeout = 30_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(200); // poll interval
  }
}

describe('recovery in a real VS Code', () => {
  before(async () => {
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(workspace, 'recover.fragment'), withField('Scale', '**Scale**: Regoinal'));
    session = await startSession(join(base, 'session'), workspace);
    ({ page, wb } = session);
  });

  after(async () => {
    await session?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  test('a killed language server is started again, says so, and diagnostics come back', { timeout: 180_000 }, async () => {
    await wb.openFile('recover.fragment');
    await wb.waitForLanguage('recover.fragment', 'fragment', 'Fragment');
    await wb.openProblems();
    await wb.waitForProblem((l) => /Regoinal/.test(l), 'for "Regoinal" before the crash');
    const [first] = await waitFor('the language server process', () => (serverProcesses().length ? serverProcesses() : undefined));

    const killedAt = Date.now();
    process.kill(first, 'SIGKILL');
    const [second] = await waitFor('a new language server process', () => {
      const now = serverProcesses().filter((pid) => pid !== first);
      return now.length ? now : undefined;
    });
    assert.notEqual(second, first);
    await waitFor('the restart message in the Fragments output channel', () =>
      /stopped unexpectedly and is being started again/.test(outputChannelText()) ? true : undefined,
    );
    await wb.waitForProblem((l) => /Regoinal/.test(l), 'for "Regoinal" after the restart', 60_000);
    console.log(`server ${first} killed; server ${second} running and its diagnostics shown ${Date.now() - killedAt} ms later`);

    // The new server checks edits too.
    await wb.focusEditor();
    const year = VALID_RECORD.split('\n').findIndex((l) => l.startsWith('**Year**')) + 1;
    await wb.goTo(year, '**Year**: 2024'.length + 1);
    await page.keyboard.type('5');
    await wb.waitForLine((l) => l === '**Year**: 20245', 'with the edit');
    await wb.waitForProblem((l) => /20245/.test(l), 'for the year typed after the restart');
  });
});
