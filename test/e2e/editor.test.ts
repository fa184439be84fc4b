// End-to-end: the packaged extension (.vsix from `npm run package`) installed into a real
// VS Code (code-server 4.100.3 = VS Code 1.100.3), driven in headless chromium the way a
// person uses it. One code-server and one browser serve the whole suite.
//
// Run with `npm run test:e2e` (provisions code-server and chromium, packages, runs this).
// FRAGMENT_E2E_README_SHOTS=1 also writes the README screenshots into images/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import {
  installVsix,
  listExtensions,
  prepareDirs,
  repoRoot,
  startCodeServer,
  type CodeServerDirs,
  type RunningCodeServer,
} from './support/code-server';
import { SEL, Workbench, type DomNode } from './support/workbench';
import { answerTrustPrompt } from './support/session';
import { SEEDS_DIR } from '../support/fixtures';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const extensionId = `${manifest.publisher}.${manifest.name}`;
const vsixPath = process.env.FRAGMENT_E2E_VSIX ?? join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
const seedsDir = SEEDS_DIR; // the project's own copies, so a clone (or a worktree) runs on its own
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const readmeShots = process.env.FRAGMENT_E2E_README_SHOTS === '1';

const base = mkdtempSync(join(tmpdir(), 'fragment-e2e-'));
const artifacts = process.env.FRAGMENT_E2E_ARTIFACTS ?? join(base, 'artifacts');
const workspace = join(base, 'workspace');
let dirs: CodeServerDirs;
let installOutput = '';
let server: RunningCodeServer | undefined;
let context: BrowserContext | undefined;
let page: Page;
let wb: Workbench;
let failures = 0;

/** A test whose failure leaves a screenshot (path printed) and the code-server log behind. */
function scenario(name: string, fn: () => Promise<void>): void {
  test(name, { timeout: 120_000 }, async () => {
    try {
      await fn();
    } catch (error) {
      failures++;
      mkdirSync(artifacts, { recursive: true });
      const file = join(artifacts, `${name.replace(/[^\w]+/g, '-').slice(0, 80)}.png`);
      try {
        await page?.screenshot({ path: file });
        console.error(`e2e failure screenshot: ${file}`);
      } catch (shotError) {
        console.error(`# could not take a failure screenshot: ${shotError}`);
      }
      if (server) console.error(`code-server log: ${server.logFile}`);
      throw error;
    }
  });
}

/** Saves a picture of what the person sees; README pictures also go to images/ when asked. */
async function picture(file: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, file) });
  if (readmeShots) await page.screenshot({ path: join(repoRoot, 'images', file) });
}

describe('Fragment Language Support in a real VS Code (code-server)', () => {
  before(async () => {
    assert.ok(existsSync(vsixPath), `${vsixPath} missing: run npm run package (npm run test:e2e does)`);
    const builtClient = join(repoRoot, 'dist', 'client.js');
    if (existsSync(builtClient)) {
      assert.ok(
        statSync(vsixPath).mtimeMs >= statSync(builtClient).mtimeMs - 1000,
        `${vsixPath} is older than dist/client.js: run npm run package (npm run test:e2e does)`,
      );
    }
    assert.ok(existsSync(seedsDir), `the seed records are expected in ${seedsDir}`);

    // A private copy of the fixtures, so typed edits never touch the repository.
    cpSync(join(repoRoot, 'test', 'e2e', 'fixtures', 'workspace'), workspace, { recursive: true });
    for (const seed of readdirSync(seedsDir)) copyFileSync(join(seedsDir, seed), join(workspace, seed));

    dirs = prepareDirs(join(base, 'code-server'));
    installOutput = installVsix(join(base, 'code-server'), dirs, vsixPath);
    server = await startCodeServer(join(base, 'code-server'), dirs);

    context = await chromium.launchPersistentContext(join(base, 'chromium-profile'), {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    context.setDefaultTimeout(20_000);
    page = context.pages()[0] ?? (await context.newPage());
    wb = new Workbench(page);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator(SEL.workbench).waitFor({ timeout: 60_000 });
    await answerTrustPrompt(page, 'trust');
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'planted.fragment' }).waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await server?.stop();
    if (failures === 0 && !process.env.FRAGMENT_E2E_KEEP) {
      rmSync(join(base, 'code-server'), { recursive: true, force: true });
      rmSync(join(base, 'chromium-profile'), { recursive: true, force: true });
      rmSync(workspace, { recursive: true, force: true });
    }
    console.log(`e2e artifacts (pictures, logs): ${existsSync(artifacts) ? artifacts : base}`);
  });

  scenario('the .vsix from npm run package installs into VS Code', async () => {
    assert.match(installOutput, /successfully installed/, installOutput);
    assert.deepEqual(listExtensions(join(base, 'code-server'), dirs), [`${extensionId}@${manifest.version}`]);
  });

  scenario('a .fragment file opens in language Fragment', async () => {
    await wb.openFile('good.fragment');
    await wb.waitForLanguage('good.fragment', 'fragment', 'Fragment');
  });

  scenario('a .txt record is switched to Fragment by its first line; a story stays Plain Text', async () => {
    const record = readdirSync(workspace).find((f) => f.startsWith('000_'))!;
    await wb.openFile(record);
    await wb.waitForLanguage(record, 'fragment', 'Fragment');
    const story = readdirSync(workspace).find((f) => f.startsWith('002_'))!;
    await wb.openFile(story);
    await wb.waitForLanguage(story, 'plaintext', 'Plain Text');
  });

  scenario('planted errors get squiggles and Problems entries with the right messages', async () => {
    await wb.openFile('planted.fragment');
    await wb.waitForLanguage('planted.fragment', 'fragment', 'Fragment');
    await wb.squiggles('error').first().waitFor();
    await wb.openProblems();
    await wb.filterProblems('planted.fragment');
    const misspelt = await wb.waitForProblem((l) => /meduim/.test(l), 'for "meduim"');
    assert.match(misspelt, /error/i);
    assert.match(misspelt, /Rating significance/);
    assert.match(misspelt, /"medium"/, 'the message suggests the right value');
    const missing = await wb.waitForProblem((l) => /Scale/.test(l) && /required|missing/i.test(l), 'for the missing Scale field');
    assert.match(missing, /error/i);
    // Exactly the two planted errors in this file, as squiggles too.
    assert.equal(await wb.squiggles('error').count(), 2);
    assert.equal(await wb.squiggles('warning').count(), 0);
    assert.equal((await wb.errorAndWarningLabels()).length, 2, (await wb.problemLabels()).join('\n'));
    await wb.hidePanel();
  });

  scenario('hovering a squiggle shows the diagnostic message', async () => {
    await wb.openFile('planted.fragment');
    await wb.openProblems();
    await wb.filterProblems('');
    const squiggle = wb.squiggles('error').last(); // line 8, the misspelt value
    await squiggle.waitFor();
    const hover = await wb.hoverOver(squiggle);
    const text = await hover.innerText();
    assert.match(text, /"meduim" is not an allowed value/);
    assert.match(text, /medium/);
    // The code is a link to the rule's page shipped with the extension (codeDescription.href).
    await hover.locator('a', { hasText: 'invalid-value' }).first().waitFor();
    await picture('diagnostics-hover.png');
    await page.mouse.move(5, 5);
    await wb.hidePanel();
  });

  scenario('the two structured seed records show no errors or warnings', async () => {
    for (const prefix of ['000_', '001_']) {
      const seed = readdirSync(workspace).find((f) => f.startsWith(prefix))!;
      await wb.openFile(seed);
      await wb.waitForLanguage(seed, 'fragment', 'Fragment');
      // Prove the server is checking this very file: plant an error at the end, see it
      // flagged, delete it again, and see the file come back clean.
      await wb.openProblems();
      await wb.filterProblems(seed);
      await wb.focusEditor();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\n**Scale**: Nowhere');
      await wb.squiggles('error').first().waitFor();
      await wb.waitForProblem((l) => /Nowhere/.test(l), `for the planted line in ${seed}`);
      await page.keyboard.press('Shift+Home');
      await page.keyboard.press('Shift+ArrowLeft');
      await page.keyboard.press('Delete');
      await wb.waitForLine((l) => l.startsWith('**TypeOfChangeCluster**'), 'back to the seed');
      const lines = await wb.lines();
      assert.ok(!lines.some((l) => l.includes('Nowhere') || l.startsWith('**Scale**: N')), `the planted line is still there: ${lines.join('\n')}`);
      await wb.squiggles('error').first().waitFor({ state: 'detached' });
      assert.equal(await wb.squiggles('error').count(), 0, `${seed} has error squiggles`);
      assert.equal(await wb.squiggles('warning').count(), 0, `${seed} has warning squiggles`);
      await wb.waitForNoErrorsOrWarnings(); // information notes (quality and confidentiality prompts) may stay
      assert.deepEqual(await wb.errorAndWarningLabels(), [], `Problems entries for ${seed}`);
      await wb.filterProblems('');
      await wb.hidePanel();
      await wb.focusEditor();
    }
  });

  scenario('typing **Scale**: offers the allowed values and nothing else, and accepting one fills it in', async () => {
    await wb.openFile('completion.fragment');
    await wb.waitForLanguage('completion.fragment', 'fragment', 'Fragment');
    await page.keyboard.press('Control+End'); // the empty last line
    await page.keyboard.type('**Scale**: ');
    await wb.waitForSuggestions();
    const labels = await wb.suggestLabels();
    // The suite runs with a user's default settings: the extension's own [fragment] defaults keep VS Code's word
    // suggestions (this file is full of words) and snippets out of a value's list.
    assert.deepEqual(
      labels.map((l) => l.split(',')[0]),
      ['Local', 'Regional', 'National', 'International', 'Global'],
      `the list holds more than the allowed values: ${labels.join(' | ')}`,
    );
    assert.equal(await page.locator(SEL.suggestRows).locator('.codicon-symbol-snippet, .codicon-symbol-text').count(), 0);
    // Asked for with Ctrl+Space too (VS Code then asks every provider, snippets and words included).
    await page.keyboard.press('Escape');
    await page.locator(SEL.suggestWidget).waitFor({ state: 'hidden' });
    await page.keyboard.press('Control+Space');
    await page.locator(SEL.suggestRows).first().waitFor();
    const invoked = await wb.suggestLabels();
    assert.deepEqual(
      invoked.map((l) => l.split(',')[0]),
      ['Local', 'Regional', 'National', 'International', 'Global'],
      `Ctrl+Space lists more than the allowed values: ${invoked.join(' | ')}`,
    );
    await picture('completion.png');
    await page.keyboard.press('Enter');
    const line = await wb.waitForLine((l) => /^\*\*Scale\*\*: \S/.test(l), 'with a Scale value');
    assert.match(line, /^\*\*Scale\*\*: (Local|Regional|National|International|Global)\s*$/);
    // The filled-in value satisfies the schema: the missing-field error goes away.
    await wb.squiggles('error').first().waitFor({ state: 'detached' });
  });

  scenario('a quick fix from the light bulb turns "meduim" into "medium"', async () => {
    await wb.openFile('quick-fix.fragment');
    await wb.waitForLanguage('quick-fix.fragment', 'fragment', 'Fragment');
    await wb.goTo(8, 28); // inside "meduim"
    await wb.squiggles('error').first().waitFor();
    const bulb = page.locator(SEL.lightBulb).first();
    await bulb.waitFor();
    await bulb.click();
    const fix = page.locator(`${SEL.actionWidget} .monaco-list-row.focused`, { hasText: /medium/ }).first();
    await fix.waitFor();
    await picture('quick-fix.png');
    await page.keyboard.press('Enter'); // apply the highlighted fix
    await wb.waitForLine((l) => l === '**Rating significance**: medium', 'with the fixed value');
    await wb.squiggles('error').first().waitFor({ state: 'detached' });
  });

  scenario('typing "fragment" offers the whole-record templates; the empty one writes every field with no value', async () => {
    await wb.openFile('snippet.fragment');
    await wb.waitForLanguage('snippet.fragment', 'fragment', 'Fragment');
    await page.keyboard.type('fragment');
    await wb.waitForSuggestions();
    const row = page.locator(SEL.suggestRows, { hasText: 'Fragment: Empty fragment' }).filter({ has: page.locator('.codicon-symbol-snippet') }).first();
    await row.waitFor();
    await row.click();
    await wb.waitForLine((l) => l.startsWith('**TypeOfChangeCluster**: '), 'with the last field');
    const lines = await wb.lines();
    // Nothing is chosen for the person: the closed lists and flags are as empty as the text fields.
    for (const line of ['**FragmentID**: ', '**Rating significance**: ', '**Scale**: ', '**The change was unintended**: ', '**Outcome is negative**: ']) {
      assert.ok(lines.includes(line), `the template did not write an empty ${line}: ${lines.join('\n')}`);
    }
    await page.keyboard.press('Escape');
  });

  scenario('keys, flags and markers are highlighted by the grammar', async () => {
    await wb.openFile('good.fragment');
    await wb.waitForLanguage('good.fragment', 'fragment', 'Fragment');
    const inspect = async (line: number, column: number): Promise<string> => {
      await wb.goTo(line, column);
      await wb.runCommand('Developer: Inspect Editor Tokens and Scopes');
      const widget = page.locator('.token-inspect-widget');
      await widget.waitFor();
      await widget.locator('text=textmate scopes').waitFor();
      const text = await widget.innerText();
      await page.keyboard.press('Escape');
      await widget.waitFor({ state: 'detached' });
      return text;
    };
    const key = await inspect(2, 5); // **Outcome status**
    assert.match(key, /support\.type\.property-name\.key\.fragment/);
    assert.match(key, /text\.fragment/);
    const flag = await inspect(13, 34); // **The change was unintended**: YES
    assert.match(flag, /constant\.language\.boolean\.flag\.fragment/);
    const marker = await inspect(1, 23); // SCC-<redacted>
    assert.match(marker, /redaction-marker\.fragment/);

    // And a person sees them in different colours from plain value text.
    const colours = await wb.editor.evaluate((editor: DomNode) => {
      const view = globalThis as unknown as { getComputedStyle(node: DomNode): { color: string } };
      const rows = Array.from(editor.querySelectorAll('.view-lines .view-line'));
      rows.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
      // Rows are found by their text: with word wrap (the [fragment] default) a long value takes several rows.
      const wanted: Array<[string, string, string]> = [
        ['key', '**Outcome status**', 'Outcome status'],
        ['value', '**Outcome status**', 'Outcome'],
        ['flag', '**The change was unintended**', 'YES'],
        ['marker', '**FragmentID**', '<redacted>'],
      ];
      const found: Record<string, string> = {};
      for (const [what, start, text] of wanted) {
        const row = rows.find((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').startsWith(start));
        const spans = row ? Array.from(row.querySelectorAll('span span')) : [];
        const span = spans.find((s) => (s.textContent ?? '').replace(/\u00a0/g, ' ').replace(/^[*:\s]+/, '').trim() === text);
        found[what] = span ? view.getComputedStyle(span).color : `no token "${text}" on the row of ${start} among ${JSON.stringify(spans.map((x) => x.textContent))}`;
      }
      return found;
    });
    assert.notEqual(colours.key, colours.value, JSON.stringify(colours));
    assert.notEqual(colours.flag, colours.value, JSON.stringify(colours));
    assert.notEqual(colours.marker, colours.value, JSON.stringify(colours));
    for (const c of Object.values(colours)) assert.match(c, /^rgb/, JSON.stringify(colours));
  });

  scenario('the palette lists "Fragments: Restart Server", and after a restart diagnostics come back', async () => {
    await wb.openFile('restart.fragment');
    await wb.waitForLanguage('restart.fragment', 'fragment', 'Fragment');
    await wb.openPalette('Fragments');
    const row = page.locator(SEL.quickInputRows, { hasText: 'Fragments: Restart Server' }).first();
    await row.waitFor();
    await picture('command-palette.png');
    // Pick that entry (other Fragments commands are listed too).
    await page.locator(SEL.quickInputBox).fill('>Fragments: Restart Server');
    await page.locator(`${SEL.quickInputRows}.focused`, { hasText: 'Fragments: Restart Server' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator(SEL.quickInput).waitFor({ state: 'hidden' });
    await page.locator('.statusbar', { hasText: 'Fragments: language server restarted' }).waitFor();
    // The restarted server checks edits: plant an invalid value and see it flagged.
    await wb.focusEditor();
    await wb.goTo(10, 17); // after "**Scale**: Local"
    await page.keyboard.type('ity');
    await wb.waitForLine((l) => l === '**Scale**: Locality', 'with the edit');
    await wb.squiggles('error').first().waitFor();
    await wb.openProblems();
    await wb.filterProblems('Locality');
    await wb.waitForProblem((l) => /Locality/.test(l) && /Scale/.test(l), 'for "Locality"');
    // And the other open files' diagnostics are back too.
    await wb.filterProblems('meduim');
    await wb.waitForProblem((l) => /meduim/.test(l), 'for "meduim" in planted.fragment');
    await wb.filterProblems('');
    await wb.hidePanel();
  });
});
