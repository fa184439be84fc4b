// End-to-end: "Fragments: Show Records Table" in a real VS Code (code-server + headless chromium): the table lists
// every record of a fixture workspace, sorts by a column (click and keyboard), filters by a closed-list value and by
// text, follows a row to its record in its file, and updates when a file changes. FRAGMENT_E2E_README_SHOTS=1 also
// writes images/records-table.png. Run after `npm run package`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { repoRoot } from './support/code-server';
import { startSession, type Session } from './support/session';
import { SEL, type Workbench } from './support/workbench';
import { VALID_RECORD } from '../support/fixtures';

const base = mkdtempSync(join(tmpdir(), 'fragment-e2e-records-'));
const workspace = join(base, 'workspace');
const readmeShots = process.env.FRAGMENT_E2E_README_SHOTS === '1';
let session: Session | undefined;
let page: Page;
let wb: Workbench;

/** A record made from the valid one: another ID, and other values for some fields. */
function record(id: string, changes: Record<string, string> = {}): string {
  let text = VALID_RECORD.replace('SCC-<redacted>/PHR012', id);
  for (const [key, value] of Object.entries(changes)) text = text.replace(new RegExp(`^\\*\\*${key}\\*\\*: .*$`, 'm'), `**${key}**: ${value}`);
  return text;
}
const RECORD_LINES = VALID_RECORD.split('\n').length;

describe('Fragments: Show Records Table in a real VS Code', () => {
  let table: FrameLocator;
  const rows = () => table.locator('#records tbody tr');

  before(async () => {
    mkdirSync(join(workspace, 'harvest'), { recursive: true });
    writeFileSync(
      join(workspace, 'harvest', 'north.fragment'),
      `${record('SCC-1/N1', { Scale: 'Regional', Year: '2023' })}\n\n${record('SCC-1/N2', { Scale: 'Planetary', 'Rating significance': 'high' })}\n`,
    );
    writeFileSync(join(workspace, 'harvest', 'south.fragment'), `${record('SCC-2/S1', { Scale: 'Local', coutnry: 'Iraq' })}\n`);
    session = await startSession(join(base, 'session'), workspace);
    ({ page, wb } = session);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'harvest' }).waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await session?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  test('opens on the workspace, sorts, filters, follows a row to its file and follows edits', { timeout: 240_000 }, async () => {
    // The page's Content-Security-Policy refuses inline script and style and anything remote: nothing may be refused.
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    await wb.runCommand('Fragments: Show Records Table', 60_000);
    // A webview is an iframe holding another: the page itself is the inner one.
    table = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await rows().nth(2).waitFor({ timeout: 60_000 });
    assert.equal(await rows().count(), 3);
    await table.locator('#summary', { hasText: '3 records shown of 3, in 2 files; 1 record with errors.' }).waitFor();
    // The record with the bad Scale has its error counted in its row.
    const broken = rows().filter({ hasText: 'SCC-1/N2' });
    assert.equal((await broken.locator('td.count.error').innerText()).trim(), '1');

    // Sort by FragmentID with a click: ascending, then descending.
    const idHeader = table.locator('#records thead th', { hasText: 'FragmentID' });
    await idHeader.getByRole('button').click();
    assert.equal(await idHeader.getAttribute('aria-sort'), 'ascending');
    await idHeader.getByRole('button').click();
    await table.locator('#records thead th[aria-sort="descending"]', { hasText: 'FragmentID' }).waitFor();
    assert.match(await rows().first().innerText(), /SCC-2\/S1/);
    // And with the keyboard: Enter on the Errors header puts the record with an error last, then first.
    const errorsHeader = table.locator('#records thead th', { hasText: 'Errors' });
    await errorsHeader.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await table.locator('#records thead th[aria-sort="ascending"]', { hasText: 'Errors' }).waitFor();
    assert.match(await rows().last().innerText(), /SCC-1\/N2/);

    // Filter by a closed-list value, then by text.
    await table.getByLabel('Scale', { exact: true }).selectOption('Regional');
    await table.locator('#summary', { hasText: '1 record shown of 3' }).waitFor();
    assert.match(await rows().first().innerText(), /SCC-1\/N1/);
    await table.getByLabel('Scale', { exact: true }).selectOption('');
    await table.getByLabel('Filter', { exact: true }).fill('iraq');
    await table.locator('#summary', { hasText: '1 record shown of 3' }).waitFor();
    assert.match(await rows().first().innerText(), /SCC-2\/S1/);
    await table.getByLabel('Filter', { exact: true }).fill('');
    await table.locator('#summary', { hasText: '3 records shown of 3' }).waitFor();

    // Counts and charts: Scale by Rating significance, picked from the schema by field kind.
    await table.getByRole('tab', { name: 'Counts and charts' }).click();
    const cross = table.locator('figure.cross', { hasText: 'Records by Scale and Rating significance' });
    await cross.waitFor();
    const localRow = cross.locator('tbody tr', { hasText: 'Local' });
    assert.deepEqual(
      (await localRow.locator('td').allInnerTexts()).map((t) => t.trim()),
      ['0', '1', '0'],
      'south.fragment: Local and medium (the columns follow the schema: low, medium, high)',
    );
    await table.locator('figure.chart', { hasText: 'Records with errors: 1 of 3' }).locator('tbody tr', { hasText: 'invalid-value' }).waitFor();
    await table.getByRole('tab', { name: 'Table' }).click();

    if (readmeShots) {
      await rows().filter({ hasText: 'SCC-1/N2' }).focus();
      await table.locator('#problems h2').waitFor();
      await page.screenshot({ path: join(repoRoot, 'images', 'records-table.png') });
    }

    // Follow a row with the keyboard: the second record of north.fragment opens at its first line.
    await rows().first().focus();
    await page.keyboard.press('Home');
    const target = rows().filter({ hasText: 'SCC-1/N2' });
    await target.focus();
    await page.keyboard.press('Enter');
    await page.locator(`${SEL.activeEditor}[data-uri$="/north.fragment"]`).waitFor();
    await page.locator('#status\\.editor\\.selection', { hasText: new RegExp(`^\\s*Ln ${RECORD_LINES + 2},`) }).waitFor();

    // Edit the open file: the table follows (the server tells it once the edit settles).
    await wb.goTo(RECORD_LINES + 2, 1);
    await page.keyboard.press('End');
    await page.keyboard.type('X');
    await table.locator('#records tbody tr', { hasText: 'SCC-1/N2X' }).waitFor({ timeout: 20_000 });
    assert.deepEqual(refused, []);
  });
});
