// End-to-end: "Fragments: Export Records to Spreadsheet…" in a real VS Code (code-server + headless chromium): the
// save dialog asks where, and the sheet written holds one row per record of the workspace, as `fragment-lint export`
// writes it. (The import's two open dialogs are not driven here: in fresh-clone runs of the whole suite an Enter in
// the first dialog was dropped, 2 runs of 2; `fragment-lint import`, which the command runs, is tested in
// test/cli/spreadsheet.test.ts.) Run after `npm run package` (npm run test:e2e does).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { waitFor } from './support/extension-host';
import { startSession, type Session } from './support/session';
import { SEL, type Workbench } from './support/workbench';
import { seed, withField } from '../support/fixtures';

const base = mkdtempSync(join(tmpdir(), 'fragment-e2e-export-'));
const workspace = join(base, 'workspace');
const target = join(workspace, 'harvest.csv');
let session: Session | undefined;
let page: Page;
let wb: Workbench;

describe('Fragments: Export Records to Spreadsheet… in a real VS Code', () => {
  before(async () => {
    mkdirSync(join(workspace, 'reports'), { recursive: true });
    writeFileSync(join(workspace, 'reports', 'first.fragment'), seed(0));
    writeFileSync(join(workspace, 'reports', 'second.fragment'), withField('Year', '**Year**: 20x4', seed(1)));
    session = await startSession(join(base, 'session'), workspace);
    ({ page, wb } = session);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'reports' }).waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await session?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  test('asks where to save, then writes one row per record with its problems', { timeout: 180_000 }, async () => {
    await wb.openPalette('Fragments: Export Records to Spreadsheet');
    await page.locator(`${SEL.quickInputRows}.focused`, { hasText: 'Export Records to Spreadsheet' }).first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Enter');
    // code-server's save dialog is a quick input holding the path: the one typed here is where the sheet goes.
    const box = page.locator(SEL.quickInputBox);
    await box.waitFor();
    for (let tries = 0; !(await box.inputValue()).endsWith('records.xlsx'); tries++) {
      if (tries > 150) throw new Error(`the save dialog does not offer records.xlsx: "${await box.inputValue()}"`);
      await page.waitForTimeout(200);
    }
    await box.fill(target);
    await page.keyboard.press('Enter');
    await waitFor(page, 'the exported sheet', () => (existsSync(target) ? true : undefined), 60_000);
    await page.locator('.notifications-toasts', { hasText: /Exported 2 records from 2 files/ }).waitFor({ timeout: 30_000 });
    const [header, ...rows] = parseCsv(readFileSync(target, 'utf8'), { bom: true }) as string[][];
    assert.equal(header[0], 'FragmentID');
    assert.equal(rows.length, 2);
    const second = rows.find((row) => row[header.indexOf('(file)')].endsWith('second.fragment')) as string[];
    assert.equal(second[header.indexOf('Year')], '20x4');
    assert.ok(Number(second[header.indexOf('(errors)')]) >= 1, 'the invalid year is counted');
  });
});
