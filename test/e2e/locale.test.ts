// End-to-end: `fragments.locale` in a real VS Code (code-server + headless chromium) whose display language is
// English. code-server cannot be switched to another display language here (no language pack can be downloaded;
// see docs/testing.md), so this is the officer's case the setting is for: VS Code in English, the checker in French,
// then in Arabic. One session per language, the setting written into the user settings before VS Code starts.
//
// Two kinds of checks:
// - the client's own words (status bar item, a command's notification, the records table's page and its reading
//   direction) come from l10n/bundle.l10n.<language>.json, and are checked word for word;
// - the language server's words (the squiggle's message in its hover and the Problems panel, the field's hover, the
//   quick fix's title) come from the server's own catalogues: the messages are checked to be no longer the English
//   text and to be written in the language (Arabic script; French words), the quick fix's title word for word.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './support/session';
import { SEL, type Workbench } from './support/workbench';
import { withField } from '../support/fixtures';

const RECORD = withField('Rating significance', '**Rating significance**: meduim');
const LINES = RECORD.split('\n');
/** 1-based line of the misspelt value, and a column inside "meduim". */
const VALUE_LINE = LINES.findIndex((line) => line.startsWith('**Rating significance**')) + 1;
const VALUE_COLUMN = '**Rating significance**: '.length + 3;

interface Language {
  locale: 'fr' | 'ar';
  /** The status bar item for the built-in schema, as the client writes it in this language. */
  statusItem: RegExp;
  /** The notification "Fragments: Check Workspace" ends with, for the one file with one error. */
  checked: RegExp;
  /** The records table's heading. */
  recordsHeading: string;
  direction: 'ltr' | 'rtl';
  /** Text written in this language (not word for word: the server's catalogue chooses the words). */
  inLanguage: RegExp;
  /** The quick fix replacing "meduim" with "medium", as the server's catalogue words it (the light bulb shows it as written). */
  quickFix: RegExp;
}

const ARABIC_SCRIPT = /[\u0600-\u06FF]{3}/;
const LANGUAGES: Language[] = [
  {
    locale: 'fr',
    statusItem: /Schéma intégré · (1 problème|\d+ problèmes)/,
    checked: /Vérification terminée pour 1 fichier fragment : 1 erreur/,
    recordsHeading: 'Fiches',
    direction: 'ltr',
    // Accented letters or common French words: English text has neither.
    inLanguage: /[éèêàçùôî]|\b(le|la|les|une?|des|est|pas|valeur|champ)\b/i,
    quickFix: /Remplacer "meduim" par "medium"/,
  },
  {
    locale: 'ar',
    statusItem: /المخطط المدمج · (مشكلة واحدة|المشكلات: \d+)/,
    checked: /اكتمل فحص ملف fragment واحد: خطأ واحد/,
    recordsHeading: 'السجلات',
    direction: 'rtl',
    inLanguage: ARABIC_SCRIPT,
    quickFix: /استبدل \u2068?"meduim"\u2069? بـ \u2068?"medium"/,
  },
];

for (const language of LANGUAGES) {
  describe(`fragments.locale = "${language.locale}" in a real VS Code shown in English`, () => {
    const base = mkdtempSync(join(tmpdir(), `fragment-e2e-locale-${language.locale}-`));
    const workspace = join(base, 'workspace');
    let session: Session | undefined;
    let page: Page;
    let wb: Workbench;

    before(async () => {
      mkdirSync(workspace, { recursive: true });
      writeFileSync(join(workspace, 'planted.fragment'), `${RECORD}\n`);
      session = await startSession(join(base, 'session'), workspace, 'trust', { 'fragments.locale': language.locale });
      ({ page, wb } = session);
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'planted.fragment' }).waitFor({ timeout: 60_000 });
      await wb.openFile('planted.fragment');
      await wb.waitForLanguage('planted.fragment', 'fragment', 'Fragment');
      await wb.squiggles('error').first().waitFor({ timeout: 60_000 });
    });

    after(async () => {
      await session?.stop();
      rmSync(base, { recursive: true, force: true });
    });

    test(`client: the status bar item and a command's notification are in ${language.locale}`, { timeout: 120_000 }, async () => {
      await page.locator('.statusbar-item', { hasText: language.statusItem }).first().waitFor({ timeout: 30_000 });
      await wb.runCommand('Fragments: Check Workspace', 60_000);
      await page.locator('.notifications-toasts', { hasText: language.checked }).waitFor({ timeout: 60_000 });
    });

    test(`client: the records table's page is in ${language.locale}, with lang and dir set`, { timeout: 120_000 }, async () => {
      await wb.runCommand('Fragments: Show Records Table', 60_000);
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      await frame.locator('h1', { hasText: language.recordsHeading }).waitFor({ timeout: 60_000 });
      const html = frame.locator('html');
      assert.equal(await html.getAttribute('lang'), language.locale);
      assert.equal(await html.getAttribute('dir'), language.direction);
      // The record's own values stay as written: data, not interface.
      await frame.locator('#records tbody tr', { hasText: 'meduim' }).waitFor();
    });

    if (language.locale === 'fr') {
      test('client: changing fragments.locale while VS Code runs redraws the status item and the open records table', { timeout: 120_000 }, async () => {
        await wb.openFile('planted.fragment');
        // A team's workspace setting, over the person's own: the workspace's .vscode/settings.json, which VS Code watches.
        mkdirSync(join(workspace, '.vscode'), { recursive: true });
        const settingsFile = join(workspace, '.vscode', 'settings.json');
        writeFileSync(settingsFile, JSON.stringify({ 'fragments.locale': 'es' }, null, 2));
        await page.locator('.statusbar-item', { hasText: /Esquema integrado · / }).first().waitFor({ timeout: 30_000 });
        await wb.runCommand('Fragments: Show Records Table', 60_000);
        const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
        await frame.locator('h1', { hasText: 'Registros' }).waitFor({ timeout: 30_000 });
        assert.equal(await frame.locator('html').getAttribute('lang'), 'es');
        writeFileSync(settingsFile, '{}\n');
        await frame.locator('h1', { hasText: language.recordsHeading }).waitFor({ timeout: 30_000 });
      });
    }

    // Needs the language server's translations (server/l10n): passes once the server half of issue 16 is in.
    test(`server: the squiggle's message, in its hover and the Problems panel, is in ${language.locale}`, { timeout: 120_000 }, async () => {
      await wb.openFile('planted.fragment');
      const squiggle = wb.squiggles('error').first();
      await squiggle.waitFor();
      const hover = await wb.hoverOver(squiggle);
      const text = await hover.innerText();
      assert.match(text, /meduim/, 'the written value is quoted as it is');
      assert.doesNotMatch(text, /is not an allowed value/, `the hover is still English:\n${text}`);
      assert.match(text, language.inLanguage, `the hover is not in ${language.locale}:\n${text}`);
      await page.mouse.move(5, 5);
      await wb.openProblems();
      const problem = await wb.waitForProblem((label) => /meduim/.test(label), 'for "meduim"');
      assert.doesNotMatch(problem, /is not an allowed value/, `the Problems entry is still English: ${problem}`);
      assert.match(problem, language.inLanguage, `the Problems entry is not in ${language.locale}: ${problem}`);
      await wb.hidePanel();
    });

    // Needs the language server's translations (server/l10n): passes once the server half of issue 16 is in.
    test(`server: the field's hover is in ${language.locale}; the key stays as written`, { timeout: 120_000 }, async () => {
      await wb.openFile('planted.fragment');
      const key = wb.editor.locator('.view-line', { hasText: '**Rating significance**' }).locator('span', { hasText: 'Rating significance' }).first();
      const hover = await wb.hoverOver(key);
      const text = await hover.innerText();
      assert.match(text, /Rating significance/, `the hover names the field by its key:\n${text}`);
      assert.doesNotMatch(text, /Write exactly one of these values/, `the hover is still English:\n${text}`);
      assert.match(text, language.inLanguage, `the hover is not in ${language.locale}:\n${text}`);
      await page.mouse.move(5, 5);
    });

    // Needs the language server's translations (server/l10n): passes once the server half of issue 16 is in.
    test(`server: the quick fix's title is in ${language.locale} and the fix writes the value as the schema spells it`, { timeout: 120_000 }, async () => {
      await wb.openFile('planted.fragment');
      await wb.goTo(VALUE_LINE, VALUE_COLUMN);
      const bulb = page.locator(SEL.lightBulb).first();
      await bulb.waitFor();
      await bulb.click();
      const fix = page.locator(`${SEL.actionWidget} .monaco-list-row.focused`, { hasText: /medium/ }).first();
      await fix.waitFor();
      const title = await fix.innerText();
      assert.doesNotMatch(title, /^\s*Replace /, `the quick fix is still English: ${title}`);
      assert.match(title, language.quickFix, `the quick fix is not in ${language.locale}: ${title}`);
      await page.keyboard.press('Enter');
      await wb.waitForLine((line) => line === '**Rating significance**: medium', 'with the fixed value');
    });
  });
}
