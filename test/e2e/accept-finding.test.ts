// End-to-end: "Accept this finding…" in a real VS Code (code-server + headless chromium). The quick fix asks why in an
// input box; Escape writes nothing; a reason and Enter write the entry into fragment-review.json, the squiggle goes,
// and the status item counts the accepted finding.
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

/** Opens the light bulb on the "huge" finding and picks "Accept this finding…". */
async function chooseAccept(): Promise<void> {
  await wb.goTo(HUGE_LINE, 28); // inside "huge"
  await wb.squiggles('error').first().waitFor({ timeout: 30_000 });
  const bulb = page.locator(SEL.lightBulb).first();
  await bulb.waitFor({ timeout: 60_000 }); // the code actions of the cursor's line have arrived
  await bulb.click();
  await page.locator(`${SEL.actionWidget} .monaco-list-row`, { hasText: 'Accept this finding…' }).first().waitFor();
  // As a person does with the keyboard: down the list to the action, then Enter.
  const focused = page.locator(`${SEL.actionWidget} .monaco-list-row.focused`);
  for (let i = 0; i < 10 && !/Accept this finding…/.test((await focused.textContent().catch(() => '')) ?? ''); i++) await page.keyboard.press('ArrowDown');
  await focused.filter({ hasText: 'Accept this finding…' }).waitFor();
  await page.keyboard.press('Enter');
  // The command runs in the extension host, which a loaded machine can hold up for a while before the box shows.
  await page.locator(SEL.quickInput, { hasText: 'Why is it accepted?' }).waitFor({ timeout: 60_000 });
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
