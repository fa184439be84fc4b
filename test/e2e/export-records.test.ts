// End-to-end: "Fragments: Export Records to Spreadsheet…" and "Import Records from Spreadsheet…" in a real VS Code
// (code-server + headless chromium): the save dialog asks where, and the sheet written holds one row per record of
// the workspace, as `fragment-lint export` writes it; the import asks for a sheet and a folder and writes one file
// per row. Run after `npm run package` (npm run test:e2e does).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Locator, Page } from 'playwright-core';
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

  test('asks for a sheet and a folder, then writes one fragment file per row', { timeout: 180_000 }, async () => {
    writeFileSync(join(workspace, 'incoming.csv'), 'FragmentID,Year,Outcome description\nIMP-1,2024,"First line\nsecond line"\nIMP-2,2023,Done\n');
    mkdirSync(join(workspace, 'imported'));
    await wb.openPalette('Fragments: Import Records from Spreadsheet');
    await page.locator(`${SEL.quickInputRows}.focused`, { hasText: 'Import Records from Spreadsheet' }).first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Enter');

    // The sheet: typed whole; the dialog picks the file in its list, and Enter takes it.
    const sheetDialog = await openDialog('Import Records from Spreadsheet', workspace, 'incoming.csv');
    await page.locator(SEL.quickInputBox).fill(join(workspace, 'incoming.csv'));
    await page.locator(`${SEL.quickInputRows}.focused`, { hasText: 'incoming.csv' }).waitFor();
    await page.keyboard.press('Enter');
    await sheetDialog.waitFor({ state: 'hidden' });

    // The folder: typed with its closing slash, the dialog goes into it (its list no longer shows the folder itself),
    // and Enter takes the folder it is in.
    const folderDialog = await openDialog('Folder for the fragment files', workspace, 'imported');
    await page.locator(SEL.quickInputBox).fill(`${join(workspace, 'imported')}/`);
    await page.locator(SEL.quickInputRows, { hasText: 'imported' }).waitFor({ state: 'detached' });
    await page.keyboard.press('Enter');
    await folderDialog.waitFor({ state: 'hidden' });

    const first = join(workspace, 'imported', 'IMP-1.fragment');
    await waitFor(page, 'the imported files', () => (existsSync(first) && existsSync(join(workspace, 'imported', 'IMP-2.fragment')) ? true : undefined), 60_000);
    await page.locator('.notifications-toasts, .monaco-dialog-box', { hasText: /Wrote 2 fragment files/ }).first().waitFor({ timeout: 30_000 });
    assert.match(readFileSync(first, 'utf8'), /^\*\*Outcome description\*\*: First line\nsecond line$/m);
  });
});

/**
 * Waits until code-server's open dialog titled `title` is ready for a path. The dialog is a quick input holding a
 * path: it opens on the default folder's parent, lists the default folder, and only then writes that folder's path
 * into the box, replacing whatever was typed before (the cause of the Enter that seemed dropped in fresh-clone runs:
 * the path typed too early was replaced by the folder's, and Enter on a folder only lists it). So: wait for the
 * folder's path in the box and `entry` in its list, as a person waits to see the folder before typing.
 */
async function openDialog(title: string, folder: string, entry: string): Promise<Locator> {
  const dialog = page.locator(SEL.quickInput, { hasText: title });
  await dialog.waitFor({ timeout: 30_000 });
  await page.locator(SEL.quickInputRows, { hasText: entry }).first().waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    ([selector, path]) => (globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }).document.querySelector(selector)?.value === path,
    [SEL.quickInputBox, `${folder}/`] as const,
    { timeout: 30_000 },
  );
  return dialog;
}
