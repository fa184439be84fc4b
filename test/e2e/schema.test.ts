// End-to-end: a team schema in a real VS Code (code-server + headless chromium). The nearest fragment.schema.json
// applies to the fragments below it and the status bar says so; a value the team schema adds is accepted there and
// not elsewhere; breaking the schema in the editor is reported at once and the last good version stays in force;
// deleting the schema file makes the built-in schema apply at once, though its editor is still open.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { outputChannelText, serverProcesses, waitFor } from './support/extension-host';
import { startSession, type Session } from './support/session';
import { SEL, type Workbench } from './support/workbench';
import { seed, withField } from '../support/fixtures';

const base = mkdtempSync(join(tmpdir(), 'fragment-e2e-schema-'));
const workspace = join(base, 'workspace');
const TEAM_VALUE = '**Social actor**: Municipal authorities';
let session: Session | undefined;
let page: Page;
let wb: Workbench;

function statusItem() {
  return page.locator('.statusbar-item', { hasText: /schema|fragment\.schema\.json/ }).first();
}

describe('team schema in a real VS Code', () => {
  before(async () => {
    mkdirSync(join(workspace, 'team'), { recursive: true });
    writeFileSync(
      join(workspace, 'team', 'fragment.schema.json'),
      JSON.stringify({ extends: 'default', fields: [{ key: 'Social actor', addValues: ['Municipal authorities'] }] }, null, 2),
    );
    writeFileSync(join(workspace, 'team', 'ours.fragment'), withField('Social actor', TEAM_VALUE, seed(1)));
    writeFileSync(join(workspace, 'elsewhere.fragment'), withField('Social actor', TEAM_VALUE, seed(1))); // seed 000 has quality prompts of its own
    session = await startSession(join(base, 'session'), workspace);
    ({ page, wb } = session);
  });

  after(async () => {
    await session?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  test('a schema in the workspace starts the language server before any fragment is opened', { timeout: 120_000 }, async () => {
    const started = /Starting the language server: the workspace has a schema, team\/fragment\.schema\.json\./;
    await waitFor(page, 'the start in the Fragments output channel', () => (started.test(outputChannelText(join(base, 'session'))) ? true : undefined), 60_000);
    await waitFor(page, 'a language server process', () => (serverProcesses(join(base, 'session')).length ? true : undefined));
  });

  test('the status bar names the schema in force and the value it adds is accepted only below it', { timeout: 120_000 }, async () => {
    await wb.openFile('ours.fragment');
    await wb.waitForLanguage('ours.fragment', 'fragment', 'Fragment');
    await statusItem().filter({ hasText: /fragment\.schema\.json.*no problems/ }).waitFor({ timeout: 30_000 });

    await wb.openFile('elsewhere.fragment');
    // A value outside the built-in schema's open list of social actors is a note (information), not a problem.
    await statusItem().filter({ hasText: /Built-in schema · no problems · 1 note/ }).waitFor({ timeout: 30_000 });
    await wb.openProblems();
    await wb.waitForProblem((l) => /Municipal authorities/.test(l) && /known values for Social actor/.test(l), 'for the value the built-in schema does not list');
  });

  test('a schema broken in the editor is reported at once; fragments keep its last good version', { timeout: 120_000 }, async () => {
    await wb.openFile('fragment.schema.json');
    await wb.goTo(1, 1);
    await page.keyboard.type('oops ');
    await wb.openFile('ours.fragment');
    const warning = statusItem().filter({ hasText: /has errors: using its last good version · no problems/ });
    await warning.waitFor({ timeout: 30_000 });
    assert.match((await warning.textContent()) ?? '', /fragment\.schema\.json/);
  });

  test('a schema file deleted from the workspace stops applying at once: the status item and the squiggles follow', { timeout: 120_000 }, async () => {
    await wb.openFile('ours.fragment');
    await statusItem().filter({ hasText: /fragment\.schema\.json.*no problems/ }).waitFor({ timeout: 30_000 });
    assert.equal(await wb.squiggles('info').count(), 0);
    // Deleted by another program (a git checkout, the file manager); its editor stays open in VS Code, still edited.
    rmSync(join(workspace, 'team', 'fragment.schema.json'));
    await statusItem().filter({ hasText: /Built-in schema · no problems · 1 note/ }).waitFor({ timeout: 30_000 });
    await wb.squiggles('info').first().waitFor({ timeout: 30_000 });
    // "Open the Schema in Use" shows the built-in schema now, not the deleted file.
    await wb.runCommand('Fragments: Open the Schema in Use');
    await page.locator(`${SEL.activeEditor}[data-uri^="fragment-schema:"]`).waitFor();
    await wb.waitForLine((line) => line.includes('"recordStart": "FragmentID"'), 'of the built-in schema');
  });
});
