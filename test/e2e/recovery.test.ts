// End-to-end: the language server process is killed under a real VS Code (code-server + headless chromium). The
// client starts it again, says so in the Fragments output channel, and diagnostics come back: the file's problem is
// shown again and a new edit is checked by the new server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { outputChannelText, serverProcesses as sessionServers, waitFor as poll } from './support/extension-host';
import { startSession, type Session } from './support/session';
import type { Workbench } from './support/workbench';
import { VALID_RECORD, withField } from '../support/fixtures';

const base = mkdtempSync(join(tmpdir(), 'fragment-e2e-recovery-'));
const workspace = join(base, 'workspace');
let session: Session | undefined;
let page: Page;
let wb: Workbench;

const serverProcesses = () => sessionServers(join(base, 'session'));
const outputText = () => outputChannelText(join(base, 'session'));
const waitFor = <T>(what: string, probe: () => T | undefined, timeout?: number) => poll(page, what, probe, timeout);

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
      /stopped unexpectedly and is being started again/.test(outputText()) ? true : undefined,
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
