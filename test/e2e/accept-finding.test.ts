// End-to-end: "Accept this finding…" in a real VS Code (code-server + headless chromium), chosen with the keyboard
// (Ctrl+., arrows, Enter). The quick fix asks why in an input box; Escape writes nothing; a reason and Enter write the
// entry into fragment-review.json, the squiggle goes, and the status item counts the accepted finding.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './support/session';
import { SEL, type Workbench } from './support/workbench';
import { VALID_RECORD, withField } from '../support/fixtures';

const base = mkdtempSync(join(tmpdir(), 'fragment-e2e-review-'));
const workspace = join(base, 'workspace');
const reviewFile = join(workspace, 'fragment-review.json');
const RECORD = withField('FragmentID', '**FragmentID**: SCC-1/ONE', VALID_RECORD).replace('**Rating significance**: medium', '**Rating significance**: huge');
const HUGE_LINE = RECORD.split('\n').findIndex((line) => line.startsWith('**Rating significance**')) + 1;
const REASON = 'The 2023 export keeps this rating.';
let session: Session | undefined;
let page: Page;
let wb: Workbench;

/**
 * What VS Code 1.100, the code-server these tests run, says when it has forgotten the command of a chosen code action:
 * its list of actions was replaced at that moment (the light bulb's list is asked for again on each publish, cursor
 * move or new provider). A race in VS Code's bookkeeping of code actions, reworked upstream after 1.100
 * (microsoft/vscode#256093); the server narrows it (code-actions.ts NO_EDIT, and diagnostics.ts sends a version's
 * problems once), but cannot close it. It came in 3 of 65 sessions in a fresh clone, on the first choice after start-up.
 */
const FORGOT = 'Actual command not found, wanted to execute fragments.server.acceptFinding';

/**
 * Opens the light bulb on the "huge" finding and picks "Accept this finding…"; resolves when the box asks why. When
 * VS Code says it forgot the command, the test chooses again, as a person would: once, and only on that message.
 */
async function chooseAccept(): Promise<void> {
  await pickAccept();
  if ((await boxOrForgotten()) === 'box') return;
  await wb.runCommand('Notifications: Clear All Notifications'); // which closes their list, if it was open
  await pickAccept();
  assert.equal(await boxOrForgotten(), 'box', `VS Code forgot the command of "Accept this finding…" twice running: "${FORGOT}"`);
}

/** Waits for the box that asks why, or for VS Code's message that it forgot the command. */
async function boxOrForgotten(): Promise<'box' | 'forgotten'> {
  const box = page.locator(SEL.quickInput, { hasText: 'Why is it accepted?' });
  const either = box.or(page.locator('.notification-list-item', { hasText: FORGOT })).first();
  // The command runs in the extension host, which a loaded machine can hold up for a while before the box shows.
  if (!(await either.waitFor({ timeout: 10_000 }).then(() => true, () => false))) {
    // A toast can go before it is seen: the status bar's bell, showing that there are notifications, lists them all.
    const bell = page.locator('.statusbar-item .codicon-bell-dot').first();
    if (await bell.isVisible()) await bell.click();
    await either.waitFor({ timeout: 50_000 });
  }
  return (await box.isVisible()) ? 'box' : 'forgotten';
}

/** Moves to "huge" and, with the keyboard, opens its quick fixes (Ctrl+.) and chooses "Accept this finding…". */
async function pickAccept(): Promise<void> {
  await wb.goTo(HUGE_LINE, 28); // inside "huge"
  await wb.squiggles('error').first().waitFor({ timeout: 30_000 });
  // Ctrl+. asks for the actions at the cursor, as a keyboard user does, rather than waiting for the light bulb and
  // clicking it (the light bulb's own journey is editor.test.ts's).
  await page.keyboard.press('Control+.');
  await page.locator(`${SEL.actionWidget} .monaco-list-row`, { hasText: 'Accept this finding…' }).first().waitFor({ timeout: 60_000 });
  const focused = page.locator(`${SEL.actionWidget} .monaco-list-row.focused`);
  for (let i = 0; i < 10 && !/Accept this finding…/.test((await focused.textContent().catch(() => '')) ?? ''); i++) await page.keyboard.press('ArrowDown');
  await focused.filter({ hasText: 'Accept this finding…' }).waitFor();
  await page.keyboard.press('Enter');
}

describe('accepting a finding in a real VS Code', () => {
  before(async () => {
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(workspace, 'a.fragment'), RECORD);
    session = await startSession(join(base, 'session'), workspace);
    ({ page, wb } = session);
    await wb.openFile('a.fragment');
    await wb.waitForLanguage('a.fragment', 'fragment', 'Fragment');
  });

  after(async () => {
    await session?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  test('Escape in the input box writes nothing: the finding stays', { timeout: 120_000 }, async () => {
    await chooseAccept();
    await wb.closeQuickInput();
    // A write, were there one, would have happened by now; and the next test would find this entry kept (the writer
    // keeps an existing entry) with an empty reason instead of the one typed there.
    await page.waitForTimeout(1_000);
    assert.equal(existsSync(reviewFile), false);
    assert.equal(await wb.squiggles('error').count(), 1);
  });

  test('a reason and Enter write the entry; the squiggle goes and the status item counts it', { timeout: 120_000 }, async () => {
    await chooseAccept();
    await page.keyboard.type(REASON);
    await page.keyboard.press('Enter');
    await wb.squiggles('error').first().waitFor({ state: 'detached', timeout: 30_000 });
    const written = JSON.parse(readFileSync(reviewFile, 'utf8'));
    assert.equal(written.accepted.length, 1);
    const [entry] = written.accepted;
    assert.deepEqual({ ...entry, acceptedBy: undefined }, { fragmentId: 'SCC-1/ONE', code: 'invalid-value', value: 'huge', acceptedBy: undefined, reason: REASON });
    assert.equal(typeof entry.acceptedBy, 'string');
    await page.locator('.statusbar-item', { hasText: /1 accepted/ }).first().waitFor({ timeout: 30_000 });
  });
});
