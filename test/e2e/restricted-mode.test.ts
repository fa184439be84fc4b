// End-to-end: Restricted Mode. Workspace trust is on (as for every user) and the person answers the prompt with
// "No, I don't trust the authors". Fragments are still checked there, with the team schema next to them if any, but
// the workspace's own `fragments.schema` setting, which can name a file anywhere, is not applied until the person
// trusts the folder.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './support/session';
import type { Workbench } from './support/workbench';
import { seed, withField } from '../support/fixtures';

const base = mkdtempSync(join(tmpdir(), 'fragment-e2e-restricted-'));
const workspace = join(base, 'workspace');
/** A schema outside the workspace that accepts "Continental" as a Scale; the workspace settings point at it. */
const elsewhere = join(base, 'elsewhere', 'planted.schema.json');
let session: Session | undefined;
let page: Page;
let wb: Workbench;

describe('Restricted Mode in a real VS Code', () => {
  before(async () => {
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    mkdirSync(join(base, 'elsewhere'), { recursive: true });
    writeFileSync(elsewhere, JSON.stringify({ extends: 'default', fields: [{ key: 'Scale', addValues: ['Continental'] }] }));
    writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'fragments.schema': elsewhere }, null, 2));
    writeFileSync(join(workspace, 'continental.fragment'), withField('Scale', '**Scale**: Continental', seed(1)));
    session = await startSession(join(base, 'session'), workspace, 'restricted');
    ({ page, wb } = session);
  });

  after(async () => {
    await session?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  test('a .fragment file opens as Fragment and is checked, with the built-in schema, not the one the workspace names', { timeout: 120_000 }, async () => {
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor();
    await wb.openFile('continental.fragment');
    await wb.waitForLanguage('continental.fragment', 'fragment', 'Fragment');
    await wb.squiggles('error').first().waitFor({ timeout: 30_000 });
    await wb.openProblems();
    await wb.waitForProblem((l) => /"Continental" is not an allowed value for Scale/.test(l), 'for the Scale the built-in schema does not list');
    const status = page.locator('.statusbar-item', { hasText: /Built-in schema · 1 problem/ }).first();
    await status.waitFor({ timeout: 30_000 });
    assert.doesNotMatch((await status.textContent()) ?? '', /planted\.schema\.json/);
  });

  test('once the person trusts the folder, its fragments.schema applies at once', { timeout: 120_000 }, async () => {
    await wb.runCommand('Workspaces: Manage Workspace Trust');
    await page.locator('.workspace-trust-editor .monaco-button', { hasText: /^\s*Trust( Folder)?\s*$/ }).first().click();
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'hidden' });
    await wb.openFile('continental.fragment');
    await page.locator('.statusbar-item', { hasText: /planted\.schema\.json \(elsewhere\) · no problems/ }).first().waitFor({ timeout: 30_000 });
    assert.equal(await wb.squiggles('error').count(), 0);
  });
});
