// End-to-end: the whole journey of an evaluation officer, keyboard only, in a real VS Code (code-server) with the
// user's default settings. A new empty .fragment file; a whole record from the template completion; one Tab per
// field, in order; at an empty value with a list, the list opens by itself and the value is chosen from it (arrows or
// a typed start, then Enter) or, once, left empty with Tab; text typed; Ctrl+S. The saved file on disk is a complete
// record and the Problems panel has no error or warning for it.
//
// Every key the person presses goes through `press` or `type`, which count them; the test prints the count and the
// steps. Screenshots of the key moments go to the test's folder (FRAGMENT_E2E_SHOTS copies them elsewhere too).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { getDefaultSchema, parseWithSchema, validate } from '../../server/src/core';
import { fieldValue } from '../../server/src/core/parser';
import { startSession, type Session } from './support/session';
import { SEL, type Workbench } from './support/workbench';
import { seed } from '../support/fixtures';

const base = mkdtempSync(join(tmpdir(), 'fragment-e2e-journey-'));
const workspace = join(base, 'workspace');
const shots = join(base, 'shots');
const FILE = 'harvest-record.fragment';
let session: Session | undefined;
let page: Page;
let wb: Workbench;

/** What the person does, one entry per step, and how many keys they press. */
const steps: string[] = [];
let keystrokes = 0;
/** Of those, the characters typed as text (the file name, values, prefixes that open a list). */
let typedCharacters = 0;

async function press(key: string): Promise<void> {
  keystrokes++;
  await page.keyboard.press(key);
}

async function type(text: string): Promise<void> {
  keystrokes += [...text].length;
  typedCharacters += [...text].length;
  await page.keyboard.type(text);
}

function step(what: string): void {
  steps.push(what);
}

async function shot(name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, name) });
  const copyTo = process.env.FRAGMENT_E2E_SHOTS;
  if (copyTo) {
    mkdirSync(copyTo, { recursive: true });
    copyFileSync(join(shots, name), join(copyTo, name));
  }
}

/** The cursor's line (1-based) from the status bar, which VS Code keeps current. */
async function cursorLine(): Promise<number> {
  const text = await page.locator('#status\\.editor\\.selection').innerText();
  const match = /Ln (\d+)/.exec(text);
  assert.ok(match, `no cursor position in the status bar: ${text}`);
  return Number(match[1]);
}

async function waitForCursorLine(line: number, what: string): Promise<void> {
  await page
    .locator('#status\\.editor\\.selection', { hasText: new RegExp(`^\\s*Ln ${line},`) })
    .waitFor({ timeout: 10_000 })
    .catch(async () => {
      throw new Error(`${what}: the cursor is on line ${await cursorLine()}, not ${line}`);
    });
}

/** The suggestion rows' labels, once the list is open (it opens as the person types, or with Ctrl+Space). */
async function suggestions(): Promise<string[]> {
  await page.locator(SEL.suggestWidget).waitFor({ timeout: 10_000 });
  await page.locator(SEL.suggestRows).first().waitFor();
  return wb.suggestLabels();
}

/**
 * Types the start of a value (the list opens as letters are typed, or is already open), or with nothing to type
 * opens the list with Ctrl+Space; waits until the focused suggestion is `value`, and takes it with Enter.
 */
async function chooseValue(typed: string, value: string): Promise<void> {
  if (typed === '') await press('Control+Space');
  else await type(typed);
  await takeFocused(value, `after typing "${typed}"`);
}

/** Waits until the focused suggestion is `value` and takes it with Enter. */
async function takeFocused(value: string, when: string): Promise<void> {
  const focused = page.locator(`${SEL.suggestRows}.focused`).first();
  await focused.waitFor({ timeout: 10_000 }).catch(async () => {
    throw new Error(`no suggestion list ${when} (for ${value}); lines:\n${(await wb.lines()).join('\n')}`);
  });
  // The focused row follows the arrow keys a moment after they are pressed.
  await page
    .locator(`${SEL.suggestRows}.focused[aria-label^=${JSON.stringify(value)}]`)
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined);
  const label = (await focused.getAttribute('aria-label')) ?? '';
  assert.ok(label.startsWith(value), `the list offers "${label}" focused ${when}, not ${value}: ${(await wb.suggestLabels()).join(' | ')}`);
  await press('Enter');
  await page.locator(SEL.suggestWidget).waitFor({ state: 'hidden' });
}

/** The value list that Tab opened by itself on an empty value: its labels (first part), none taken yet. */
async function openedList(): Promise<string[]> {
  const labels = await suggestions();
  return labels.map((l) => l.split(',')[0]);
}

/** In the list that opened by itself, `downs` presses of the Down arrow and Enter take `value`. */
async function pickFromOpenedList(downs: number, value: string): Promise<void> {
  await openedList();
  for (let i = 0; i < downs; i++) await press('ArrowDown');
  await takeFocused(value, `after ${downs} Down`);
}

/** Types free text; prose opens no list (no word suggestions, no snippets), so Tab moves on. */
async function typeText(text: string): Promise<void> {
  await type(text);
  assert.equal(await page.locator(SEL.suggestWidget).count(), 0, `a suggestion list opened while typing "${text}": ${(await wb.suggestLabels()).join(' | ')}`);
}

describe('an officer writes a whole record with the keyboard only', () => {
  before(async () => {
    mkdirSync(workspace, { recursive: true });
    session = await startSession(join(base, 'session'), workspace);
    ({ page, wb } = session);
  });

  after(async () => {
    await session?.stop();
    console.log(`journey screenshots: ${shots}`);
    if (!process.env.FRAGMENT_E2E_KEEP) rmSync(join(base, 'workspace'), { recursive: true, force: true });
  });

  test('new file, template, one Tab per field, values from the lists, Ctrl+S: a complete record, no problems', { timeout: 300_000 }, async () => {
    try {
      await journey();
    } catch (error) {
      await shot('journey-failure.png').catch(() => undefined);
      console.error(`journey failed after ${keystrokes} keystrokes; steps:\n${steps.join('\n')}\nlines:\n${(await wb.lines().catch(() => [])).join('\n')}`);
      throw error;
    }
  });

  test('outside a template too, Tab and Shift+Tab move from field to field, open an empty value\'s list, and never type anything', { timeout: 120_000 }, async () => {
    // The journey left the template with its last Tab: no snippet is active now.
    const schema = getDefaultSchema();
    const before = readFileSync(join(workspace, FILE), 'utf8');
    await page.keyboard.press('Escape');
    await wb.focusEditor();
    await page.keyboard.press('Control+Home');
    await waitForCursorLine(1, 'Ctrl+Home');
    const emptyListed = schema.fields.findIndex((f) => f.key === 'Outcome statements is CONFIDENTIAL') + 1;
    for (let line = 2; line <= schema.fields.length; line++) {
      await page.keyboard.press('Tab');
      await waitForCursorLine(line, `Tab number ${line - 1}`);
      // The one empty value with a list: it opens by itself, and the next Tab leaves it empty.
      if (line === emptyListed) assert.deepEqual((await suggestions()).map((l) => l.split(',')[0]), ['1.0', '0.0']);
      if (line === emptyListed + 1) await page.locator(SEL.suggestWidget).waitFor({ state: 'hidden' });
    }
    // At the end of the field's value, ready to type on.
    assert.match(await page.locator('#status\\.editor\\.selection').innerText(), new RegExp(`Ln ${schema.fields.length}, Col ${'**TypeOfChangeCluster**: Mobilizing citizens and organizations'.length + 1}`));
    await page.keyboard.press('Shift+Tab');
    await waitForCursorLine(schema.fields.length - 1, 'Shift+Tab');
    // Nothing was typed: the file is as saved and not dirty.
    assert.equal(await page.locator('.part.editor .editor-group-container.active .tab.active.dirty').count(), 0);
    await page.keyboard.press('Control+S');
    assert.equal(readFileSync(join(workspace, FILE), 'utf8'), before);
  });

  test('"New Fragment…" asks where the file goes, creates it and fills in the template with tab stops', { timeout: 120_000 }, async () => {
    // The palette, then the template list in the same box (so not wb.runCommand, which waits for the box to close).
    await wb.openPalette('Fragments: New Fragment');
    await page.locator(`${SEL.quickInputRows}.focused`, { hasText: 'Fragments: New Fragment' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator(SEL.quickInputRows, { hasText: 'Substantiated outcome' }).waitFor();
    await page.locator(SEL.quickInputBox).fill('Empty fragment');
    await page.locator(`${SEL.quickInputRows}.focused`, { hasText: 'Empty fragment' }).waitFor();
    await page.keyboard.press('Enter');
    // The save dialog proposes a free name next to the file being edited.
    await page.waitForFunction(
      (selector) => /\/new-record\.fragment$/.test((globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }).document.querySelector(selector)?.value ?? ''),
      SEL.quickInputBox,
    );
    await page.keyboard.press('Enter');
    await wb.waitForLanguage('new-record.fragment', 'fragment', 'Fragment');
    assert.ok(existsSync(join(workspace, 'new-record.fragment')), 'the file is created on disk');
    await wb.waitForLine((l) => l.startsWith('**TypeOfChangeCluster**: '), 'with the template');
    // The template's tab stops: the cursor is in the FragmentID value, and Tab goes to the next field.
    await waitForCursorLine(1, 'after New Fragment');
    await page.keyboard.type('SCC-New/PHR001');
    await page.keyboard.press('Tab');
    await waitForCursorLine(2, 'Tab from the FragmentID');
    const lines = await wb.lines();
    for (const line of ['**Rating significance**: ', '**Scale**: ', '**The change was unintended**: ']) assert.ok(lines.includes(line), `${line}: ${lines.join('\n')}`);
    await page.keyboard.press('Control+S');
    await page.locator('.part.editor .editor-group-container.active .tab.active.dirty').waitFor({ state: 'detached' });
    assert.match(readFileSync(join(workspace, 'new-record.fragment'), 'utf8'), /^\*\*FragmentID\*\*: SCC-New\/PHR001\n\*\*Outcome status\*\*: \n/);
  });

  test('"Open the Schema in Use" shows the built-in schema read-only; closing it asks nothing', { timeout: 120_000 }, async () => {
    await wb.runCommand('Fragments: Open the Schema in Use');
    const tab = page.locator('.part.editor .editor-group-container.active .tab.active[data-resource-name="fragment.schema.json"]');
    await tab.waitFor();
    await page.locator(`${SEL.activeEditor}[data-uri^="fragment-schema:"]`).waitFor();
    await wb.waitForLine((l) => l.includes('"FragmentID"'), 'with the built-in schema');
    await wb.focusEditor();
    await page.keyboard.type('x');
    await page.locator('.monaco-editor-overlaymessage', { hasText: /read-only/i }).waitFor();
    assert.equal(await page.locator('.part.editor .editor-group-container.active .tab.active.dirty').count(), 0);
    await page.keyboard.press('Control+W');
    await tab.waitFor({ state: 'detached' });
    assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'no "save changes?" question');
  });

  test('a record with only prompts (seed 000): the status item counts its notes apart, not as problems', { timeout: 120_000 }, async () => {
    const notes = validate(seed(0), { uri: 'file:///prompts.fragment' });
    assert.ok(notes.length > 1 && notes.every((d) => d.severity === 3), 'seed 000 has information prompts only');
    writeFileSync(join(workspace, 'prompts.fragment'), seed(0));
    await wb.openFile('prompts.fragment');
    await wb.waitForLanguage('prompts.fragment', 'fragment', 'Fragment');
    await page.locator('.statusbar-item', { hasText: `Built-in schema · no problems · ${notes.length} notes` }).waitFor({ timeout: 30_000 });
  });
});

async function journey(): Promise<void> {
  const schema = getDefaultSchema();
  const lineOf = (key: string) => schema.fields.findIndex((f) => f.key === key) + 1;

  // 1. A new file, saved at once under a .fragment name: an empty fragment file on disk.
  await wb.focusEditor().catch(() => undefined);
  step('Ctrl+N: a new file');
  await press('Control+N');
  await page.locator(`${SEL.activeEditor}[data-uri^="untitled:"]`).waitFor();
  step(`Ctrl+S, type the name ${FILE}, Enter: the empty file is saved as a fragment`);
  await press('Control+S');
  // The dialog proposes the workspace folder and "Untitled-1", the name selected: typing replaces the name. (It fills
  // the box after it opens; keys pressed before that are lost, so the test waits as a person's eye would.)
  const box = page.locator(SEL.quickInputBox);
  await box.waitFor();
  await page.waitForFunction(
    (selector) => /Untitled-\d+$/.test((globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }).document.querySelector(selector)?.value ?? ''),
    SEL.quickInputBox,
  );
  await type(FILE);
  await press('Enter');
  await page.locator(SEL.quickInput).waitFor({ state: 'hidden' });
  await wb.waitForLanguage(FILE, 'fragment', 'Fragment');
  assert.equal(readFileSync(join(workspace, FILE), 'utf8'), '');

  // 2. The template completion: the whole-record templates come first in an empty file.
  step('Ctrl+Space: the templates');
  await press('Control+Space');
  const templates = await suggestions();
  assert.ok(templates.some((l) => l.startsWith('Fragment: Substantiated outcome')), templates.join(' | '));
  await shot('journey-1-templates.png');
  step('type "sub", Enter on "Fragment: Substantiated outcome": every field, in schema order');
  await chooseValue('sub', 'Fragment: Substantiated outcome');
  await wb.waitForLine((l) => l.startsWith('**TypeOfChangeCluster**: '), 'with the last field of the template');
  await waitForCursorLine(1, 'after the template');

  // 3. Field by field: one Tab per field, in schema order.
  const fields: { key: string; fill?: () => Promise<void>; what?: string }[] = [
    { key: 'FragmentID', what: 'type the ID', fill: () => typeText('SCC-Aleppo/PHR777') },
    { key: 'Outcome status' }, // the template gives "Outcome"
    { key: 'OH-harvesting period', what: 'type "harvest 3"', fill: () => typeText('harvest 3') },
    { key: 'coutnry', what: 'the countries open by themselves; type "Syr", Enter on Syria', fill: async () => {
      await openedList();
      await chooseValue('Syr', 'Syria');
    } },
    { key: 'Year', what: 'the years open by themselves, this year first: Enter', fill: () => pickFromOpenedList(0, String(new Date().getFullYear())) },
    {
      key: 'Outcome description',
      what: 'type the description',
      fill: () => typeText('Women and youth groups formed a coalition that now meets the district council every month.'),
    },
    { key: 'Significance of the outcome', what: 'type the significance', fill: () => typeText('Civil society is heard on local budgets for the first time.') },
    { key: 'Additional information (use if needed)' },
    { key: 'Rating significance', what: 'the ratings open by themselves: Down, Enter on medium', fill: () => pickFromOpenedList(1, 'medium') },
    { key: 'Social actor', what: 'the actors open by themselves: Down, Enter on Civic change agents', fill: () => pickFromOpenedList(1, 'Civic change agents') },
    {
      key: 'Scale',
      what: 'the five scales open by themselves, and nothing else: Down, Enter on Regional',
      fill: async () => {
        const labels = await openedList();
        await shot('journey-2-scale-values.png');
        assert.deepEqual(labels, ['Local', 'Regional', 'National', 'International', 'Global'], `only the allowed values, no words and no snippets: ${labels.join(' | ')}`);
        await pickFromOpenedList(1, 'Regional');
      },
    },
    { key: 'Contribution of the programme', what: 'type the contribution', fill: () => typeText('Advocacy training for the coalition in 2024.') },
    { key: 'Contribution of other actors and factors' },
    { key: 'Rating contribution', what: 'the ratings open by themselves: type "gr", Enter on great', fill: async () => {
      await openedList();
      await chooseValue('gr', 'great');
    } },
    { key: 'The change was unintended' }, // the template gives NO
    { key: 'Evidence supporting the outcome statement' },
    {
      key: 'Outcome statements is CONFIDENTIAL',
      what: 'its list opens by itself; the person wants none of it: the next Tab leaves the value empty',
      fill: async () => {
        assert.deepEqual(await openedList(), ['1.0', '0.0']);
        // The first value is highlighted, as in every VS Code list, but nothing is written until Enter.
        assert.ok((await wb.lines()).includes(EMPTY_CONFIDENTIAL), 'nothing written while the list is open');
        skippedList = true;
      },
    },
    { key: 'Link to Outcomes in Results Framework' },
    { key: 'Link to SCC Specific Objectives', what: 'the objectives open by themselves: Down, Enter on the PHR objective', fill: () => pickFromOpenedList(1, 'PHR: More effective efforts') },
    { key: 'StoryFragment_Merged' },
    { key: 'Outcome is negative' }, // the template gives NO
    { key: 'MCQType of change', what: 'the types open by themselves: Down, Enter on New structure', fill: () => pickFromOpenedList(1, 'New structure') },
    { key: 'TypeOfChangeCluster', what: 'the clusters open by themselves: Down, Enter on Mobilizing citizens and organizations', fill: () => pickFromOpenedList(1, 'Mobilizing citizens') },
  ];
  assert.deepEqual(fields.map((f) => f.key), schema.fields.map((f) => f.key), 'the walk covers every field of the schema, in order');
  // (The editor wraps long lines, so a field's line is found by its text, not by its place among the shown lines.)
  const EMPTY_CONFIDENTIAL = '**Outcome statements is CONFIDENTIAL**: ';
  // Set once the CONFIDENTIAL list has opened by itself and been left alone: the next Tab must write nothing.
  let skippedList = false;
  for (const [index, field] of fields.entries()) {
    if (index > 0) {
      await press('Tab');
      step(`Tab to ${field.key}${field.fill ? `: ${field.what}` : ' (left as the template has it)'}`);
    } else {
      step(`${field.key}: ${field.what}`);
    }
    await waitForCursorLine(lineOf(field.key), `Tab to ${field.key}`);
    if (skippedList) {
      // The Tab that left the opened list closed it, chose nothing, and moved on.
      skippedList = false;
      await page.locator(SEL.suggestWidget).waitFor({ state: 'hidden' });
      assert.ok((await wb.lines()).includes(EMPTY_CONFIDENTIAL), 'Tab on the list that opened by itself wrote nothing');
    }
    await field.fill?.();
    await waitForCursorLine(lineOf(field.key), `after filling ${field.key}`);
  }

  // 4. The last Tab leaves the template for the line after the record, and ends the snippet.
  await press('Tab');
  step('Tab: out of the template, to the line after the record');
  await waitForCursorLine(schema.fields.length + 1, 'the last Tab');

  // 5. Save.
  step('Ctrl+S: save');
  await press('Control+S');
  await page.locator('.part.editor .editor-group-container.active .tab.active.dirty').waitFor({ state: 'detached' });

  // The file on disk: every field once, in order, each value the one typed or chosen.
  const saved = readFileSync(join(workspace, FILE), 'utf8');
  const document = parseWithSchema(saved, schema);
  assert.equal(document.records.length, 1, saved);
  const values = Object.fromEntries(document.fields.map((f) => [f.key, fieldValue(f)]));
  assert.deepEqual(document.fields.map((f) => f.key), schema.fields.map((f) => f.key), saved);
  assert.equal(values.FragmentID, 'SCC-Aleppo/PHR777');
  assert.equal(values['Outcome status'], 'Outcome');
  assert.equal(values.coutnry, 'Syria');
  assert.equal(values.Year, String(new Date().getFullYear()));
  assert.equal(values['Rating significance'], 'medium');
  assert.equal(values.Scale, 'Regional');
  assert.equal(values['Rating contribution'], 'great');
  assert.equal(values['The change was unintended'], 'NO');
  assert.equal(values['Outcome is negative'], 'NO');
  assert.equal(values['MCQType of change'], 'New structure');
  assert.equal(values.TypeOfChangeCluster, 'Mobilizing citizens and organizations');
  assert.equal(values['Outcome statements is CONFIDENTIAL'], '', 'an optional list the person skipped stays empty');
  assert.ok(!/\t/.test(saved), 'no Tab became a tab character');
  const problems = validate(saved, { uri: 'file:///saved.fragment' }).filter((d) => d.severity === 1 || d.severity === 2);
  assert.deepEqual(problems.map((d) => d.message), [], 'the checker finds nothing in the saved file');

  // The Problems panel says the same: no error or warning for the file.
  await page.locator('.statusbar-item', { hasText: /Built-in schema · no problems/ }).waitFor({ timeout: 30_000 });
  assert.equal(await wb.squiggles('error').count(), 0);
  assert.equal(await wb.squiggles('warning').count(), 0);
  await wb.openProblems();
  // The file is the only one in the workspace: the panel has nothing at all to show.
  await page.locator('.markers-panel', { hasText: 'No problems have been detected in the workspace.' }).waitFor();
  assert.deepEqual(await wb.problemLabels(), []);
  await shot('journey-3-saved-no-problems.png');

  console.log(`journey: ${keystrokes} keystrokes in ${steps.length} steps (${typedCharacters} typed characters, ${keystrokes - typedCharacters} other keys)`);
  for (const [index, what] of steps.entries()) console.log(`  ${String(index + 1).padStart(2)}. ${what}`);
  assert.ok(existsSync(join(shots, 'journey-3-saved-no-problems.png')));
}
