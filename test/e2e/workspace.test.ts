// End-to-end: "Fragments: Check Workspace" in a real VS Code (code-server + headless chromium, as editor.test.ts):
// run first thing in a fresh window with no editor open (so it activates the extension and starts the language
// server itself), the command checks every fragment file, shows a summary, and fills the Problems panel, including
// a FragmentID that two files share. Run after `npm run package` (npm run test:e2e does).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { outputChannelText } from './support/extension-host';
import { startSession, type Session } from './support/session';
import { SEL, type Workbench } from './support/workbench';
import { seed, withField } from '../support/fixtures';

const base = mkdtempSync(join(tmpdir(), 'fragment-e2e-ws-'));
const workspace = join(base, 'workspace');
let session: Session | undefined;
let page: Page;
let wb: Workbench;

describe('Fragments: Check Workspace in a real VS Code', () => {
  before(async () => {
    mkdirSync(join(workspace, 'reports'), { recursive: true });
    writeFileSync(join(workspace, 'reports', 'first.fragment'), withField('FragmentID', '**FragmentID**: SCC-8/TWIN', seed(1)));
    writeFileSync(join(workspace, 'reports', 'second.fragment'), withField('FragmentID', '**FragmentID**: SCC-8/TWIN', seed(0)));
    writeFileSync(join(workspace, 'late.fragment'), withField('Year', '**Year**: 20x4', seed(1)));
    session = await startSession(join(base, 'session'), workspace);
    ({ page, wb } = session);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'late.fragment' }).waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await session?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  test('with no editor open, Check Workspace starts the server, shows a summary and fills Problems, duplicate IDs included', { timeout: 180_000 }, async () => {
    assert.equal(await page.locator(SEL.activeEditor).count(), 0, 'an editor is open');
    await wb.runCommand('Fragments: Check Workspace', 60_000); // the first command of a fresh window
    await page.locator('.notifications-toasts', { hasText: /Checked 3 fragment files: 1 error and 2 warnings in 3 files/ }).waitFor({ timeout: 60_000 });
    // No fragment was open: the command itself started the language server.
    assert.match(outputChannelText(join(base, 'session')), /Starting the language server: "Check Workspace" was run\./);
    await wb.openProblems();
    await wb.waitForProblem((l) => /20x4/.test(l), 'for the bad year in late.fragment (closed)');
    await wb.waitForProblem((l) => /SCC-8\/TWIN/.test(l) && /reports\/second\.fragment/.test(l), 'in first.fragment naming second.fragment');
    await wb.waitForProblem((l) => /SCC-8\/TWIN/.test(l) && /reports\/first\.fragment/.test(l), 'in second.fragment naming first.fragment');
    const labels = await wb.problemLabels();
    // One warning per record, each with a related-information row pointing at the other record.
    assert.equal(labels.filter((l) => /^Warning: The FragmentID "SCC-8\/TWIN"/.test(l)).length, 2, labels.join('\n'));
    assert.equal(labels.filter((l) => /^The same FragmentID "SCC-8\/TWIN" is used here/.test(l)).length, 2, labels.join('\n'));
  });
});
