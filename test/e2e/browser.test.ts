// End-to-end: the browser build (package.json's `browser`) in code-server's web worker extension host, the host
// vscode.dev and github.dev run web extensions in. The packaged .vsix is installed with `main` taken out of its
// package.json, so code-server can only run it as a web extension: no Node extension host, no Node language server.
// code-server refuses web extensions a Worker of their own, so this also proves the fallback: the server runs in the
// extension's worker over a MessageChannel. The team schema is read through vscode.workspace.fs (the client answers
// the server's file requests), and changes what is reported.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './support/code-server';
import { serverProcesses } from './support/extension-host';
import { startSession, vsixPath, type Session } from './support/session';
import { SEL, type Workbench } from './support/workbench';
import { VALID_RECORD } from '../support/fixtures';

const base = mkdtempSync(join(tmpdir(), 'fragment-e2e-browser-'));
const workspace = join(base, 'workspace');
const artifacts = process.env.FRAGMENT_E2E_ARTIFACTS ?? join(base, 'artifacts');
const TEAM_VALUE = 'Municipal authorities';
let session: Session | undefined;
let page: Page;
let wb: Workbench;

const record = (id: string) =>
  VALID_RECORD.replace(/\*\*FragmentID\*\*: .*/, `**FragmentID**: ${id}`).replace(/\*\*Social actor\*\*: .*/, `**Social actor**: ${TEAM_VALUE}`);

/** The packaged .vsix with `main` removed from its package.json: an extension code-server runs as a web extension only. */
function webOnlyVsix(): string {
  const unpacked = join(base, 'web-only');
  mkdirSync(unpacked, { recursive: true });
  const run = (program: string, args: string[]) => {
    const result = spawnSync(program, args, { cwd: unpacked, encoding: 'utf8' });
    if (result.error || result.status !== 0) throw new Error(`${program} ${args.join(' ')} failed (Debian's zip and unzip are needed): ${result.error ?? result.stderr}`);
  };
  run('unzip', ['-q', vsixPath]);
  const manifestPath = join(unpacked, 'extension', 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  assert.ok(manifest.browser, 'the package has no browser entry');
  delete manifest.main;
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  const vsix = join(base, 'fragment-language-support-web.vsix');
  run('zip', ['-q', '-r', '-X', vsix, '.']);
  return vsix;
}

function statusItem() {
  return page.locator('.statusbar-item', { hasText: /schema|fragment\.schema\.json/ }).first();
}

/** A test whose failure leaves a screenshot behind. */
function scenario(name: string, fn: () => Promise<void>): void {
  test(name, { timeout: 120_000 }, async () => {
    try {
      await fn();
    } catch (error) {
      mkdirSync(artifacts, { recursive: true });
      const file = join(artifacts, `browser-${name.replace(/[^\w]+/g, '-').slice(0, 80)}.png`);
      await page?.screenshot({ path: file }).then(() => console.error(`e2e failure screenshot: ${file}`), () => undefined);
      throw error;
    }
  });
}

describe('the browser build in code-server’s web worker extension host', () => {
  before(async () => {
    mkdirSync(join(workspace, 'team'), { recursive: true });
    writeFileSync(join(workspace, 'team', 'fragment.schema.json'), JSON.stringify({ extends: 'default', fields: [{ key: 'Social actor', addValues: [TEAM_VALUE] }] }, null, 2));
    writeFileSync(join(workspace, 'team', 'ours.fragment'), record('SCC-SYR/PHR101'));
    writeFileSync(join(workspace, 'elsewhere.fragment'), record('SCC-SYR/PHR102'));
    writeFileSync(join(workspace, 'team', 'never-opened.fragment'), record('SCC-SYR/PHR103'));
    for (const name of ['quick-fix.fragment', 'completion.fragment']) copyFileSync(join(repoRoot, 'test/e2e/fixtures/workspace', name), join(workspace, name));
    session = await startSession(join(base, 'session'), workspace, 'trust', {}, webOnlyVsix());
    ({ page, wb } = session);
  });

  after(async () => {
    await session?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  scenario('a misspelt value is underlined, with no language server process: the server runs in the browser', async () => {
    await wb.openFile('quick-fix.fragment');
    await wb.waitForLanguage('quick-fix.fragment', 'fragment', 'Fragment');
    await wb.squiggles('error').first().waitFor({ timeout: 60_000 });
    await wb.openProblems();
    await wb.waitForProblem((l) => /meduim/.test(l), 'for the misspelt rating');
    assert.deepEqual(serverProcesses(join(base, 'session')), [], 'a Node language server process runs');
    await wb.hidePanel();
  });

  scenario('the quick fix replaces the misspelt value', async () => {
    await wb.openFile('quick-fix.fragment');
    await wb.goTo(8, 28); // inside "meduim"
    await wb.squiggles('error').first().waitFor();
    const bulb = page.locator(SEL.lightBulb).first();
    await bulb.waitFor();
    await bulb.click();
    await page.locator(`${SEL.actionWidget} .monaco-list-row.focused`, { hasText: /medium/ }).first().waitFor();
    await page.keyboard.press('Enter');
    await wb.waitForLine((l) => l === '**Rating significance**: medium', 'with the fixed value');
    await wb.squiggles('error').first().waitFor({ state: 'detached' });
  });

  scenario('completion after a key offers its allowed values', async () => {
    await wb.openFile('completion.fragment');
    await wb.waitForLanguage('completion.fragment', 'fragment', 'Fragment');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('**Scale**: ');
    await wb.waitForSuggestions();
    const labels = await wb.suggestLabels();
    assert.deepEqual(labels.map((l) => l.split(',')[0]), ['Local', 'Regional', 'National', 'International', 'Global'], labels.join(' | '));
    await page.keyboard.press('Enter');
    await wb.waitForLine((l) => /^\*\*Scale\*\*: (Local|Regional|National|International|Global)\s*$/.test(l), 'with a Scale value');
  });

  scenario('the team schema, read through the editor’s file system, accepts its value below it and only there', async () => {
    await wb.openFile('ours.fragment');
    await wb.waitForLanguage('ours.fragment', 'fragment', 'Fragment');
    await statusItem().filter({ hasText: /fragment\.schema\.json.*no problems/ }).waitFor({ timeout: 30_000 });

    await wb.openFile('elsewhere.fragment');
    // The team's value is unknown to the built-in schema's open list: an information note, not a problem.
    await statusItem().filter({ hasText: /Built-in schema · no problems · 1 note/ }).waitFor({ timeout: 30_000 });
    await wb.openProblems();
    const label = await wb.waitForProblem((l) => l.includes(TEAM_VALUE) && /known values for Social actor/.test(l), 'for the value the built-in schema does not list');
    assert.doesNotMatch(label, /ours\.fragment/);
    const rows = (await wb.problemLabels()).filter((l) => l.includes(TEAM_VALUE));
    assert.equal(rows.length, 1, rows.join('\n'));
  });

  scenario('the records table lists every record of the workspace, read through the editor, and follows a row to its file', async () => {
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    await wb.runCommand('Fragments: Show Records Table', 60_000);
    const table = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const rows = table.locator('#records tbody tr');
    // Five files of one record each, one of them never opened: the workspace index read it through the client.
    await table.locator('#summary', { hasText: /^5 records shown of 5, in 5 files/ }).waitFor({ timeout: 60_000 });
    await rows.filter({ hasText: 'SCC-SYR/PHR103' }).waitFor();
    const target = rows.filter({ hasText: 'SCC-SYR/PHR102' });
    await target.focus();
    await page.keyboard.press('Enter');
    await page.locator(`${SEL.activeEditor}[data-uri$="/elsewhere.fragment"]`).waitFor();
    assert.deepEqual(refused, []);
  });
});
