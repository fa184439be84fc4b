// End-to-end: the records table reads in the light and high-contrast colour themes VS Code ships (the other suites
// run in Default Dark Modern): one code-server session per theme, set in the user settings. In each theme, inside the
// webview: the text, the counts, the problem links and the chart bars take their colours from the theme's variables
// (--vscode-*), and text stands out from what is behind it at WCAG AA (4.5:1; bars, markers, focus outlines and
// high-contrast borders 3:1, for graphics). A table whose CSS fixed its own colours (dark on dark in a light theme,
// or the same in every theme) fails here. Every failed check of a theme is reported at once.
// FRAGMENT_E2E_SHOTS=<folder> also writes a picture of the table and of the charts in each theme there.
// Run after `npm run package`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { startSession, type Session } from './support/session';
import { VALID_RECORD } from '../support/fixtures';

const base = mkdtempSync(join(tmpdir(), 'fragment-e2e-themes-'));
const workspace = join(base, 'workspace');
const shotsFolder = process.env.FRAGMENT_E2E_SHOTS;
let table: FrameLocator;
/** The checks that failed in the theme being checked. */
let failures: string[] = [];

function expect(ok: boolean, message: string): void {
  if (!ok) failures.push(message);
}

/** A record made from the valid one: another ID, and other values for some fields. */
function record(id: string, changes: Record<string, string> = {}): string {
  let text = VALID_RECORD.replace('SCC-<redacted>/PHR012', id);
  for (const [key, value] of Object.entries(changes)) text = text.replace(new RegExp(`^\\*\\*${key}\\*\\*: .*$`, 'm'), `**${key}**: ${value}`);
  return text;
}

// ---- Colours, as WCAG 2.2 defines contrast ----

type Rgba = [number, number, number, number];

/** A CSS colour as the browser computes it (rgb(), rgba(), color(srgb …)) or as a theme variable holds it (#hex). */
function parseColour(text: string): Rgba {
  const css = text.trim();
  const hex = /^#([0-9a-f]{3,8})$/i.exec(css)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    const byte = (i: number) => parseInt(full.slice(i, i + 2), 16);
    return [byte(0), byte(2), byte(4), full.length === 8 ? byte(6) / 255 : 1];
  }
  const rgb = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(css);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), rgb[4] === undefined ? 1 : Number(rgb[4])];
  const srgb = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)$/.exec(css);
  if (srgb) return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255, srgb[4] === undefined ? 1 : Number(srgb[4])];
  throw new Error(`a colour this test cannot read: "${text}"`);
}

/** `top` painted over the opaque `under`. */
function over(top: Rgba, under: Rgba): Rgba {
  const a = top[3];
  return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
}

function luminance([r, g, b]: Rgba): number {
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

const same = (a: Rgba, b: Rgba) => a.every((v, i) => Math.abs(v - b[i]) < (i === 3 ? 0.02 : 1.5));

/** What the page computed for an element: its colours, and the backgrounds of it and its ancestors, innermost first. */
interface Painted {
  color: string;
  fill: string;
  outline: string;
  borderBottom: string;
  /** The colour of an inset box shadow (a marker bar), or 'none'. */
  boxShadow: string;
  borderLeftColor: string;
  backgrounds: string[];
}

async function painted(target: Locator): Promise<Painted> {
  return target.evaluate((node) => {
    type Styled = { parentElement: Styled | null };
    type Style = {
      boxShadow: string;
      borderLeftColor: string;
      color: string;
      fill: string;
      outlineStyle: string;
      outlineWidth: string;
      outlineColor: string;
      borderBottomStyle: string;
      borderBottomWidth: string;
      borderBottomColor: string;
      backgroundColor: string;
    };
    const view = globalThis as unknown as { getComputedStyle(element: Styled): Style };
    const style = view.getComputedStyle(node as unknown as Styled);
    const backgrounds: string[] = [];
    for (let at: Styled | null = node as unknown as Styled; at; at = at.parentElement) backgrounds.push(view.getComputedStyle(at).backgroundColor);
    return {
      color: style.color,
      fill: style.fill,
      outline: style.outlineStyle === 'none' ? 'none' : `${style.outlineWidth} ${style.outlineColor}`,
      borderBottom: style.borderBottomStyle === 'none' ? 'none' : `${style.borderBottomWidth} ${style.borderBottomColor}`,
      boxShadow: style.boxShadow === 'none' ? 'none' : (/^(rgba?\([^)]*\)|color\([^)]*\))/.exec(style.boxShadow)?.[1] ?? style.boxShadow),
      borderLeftColor: style.borderLeftColor,
      backgrounds,
    };
  });
}

/** What is behind an element, as the eye sees it: its backgrounds painted from the page's (opaque) one inwards. */
function behind(p: Painted): Rgba {
  const layers = p.backgrounds.map(parseColour);
  let colour: Rgba = [255, 255, 255, 1]; // under an all-transparent page, the browser's white
  for (const layer of layers.reverse()) colour = over(layer, colour);
  return colour;
}

/** The theme's value of a --vscode-* variable, as VS Code set it on the webview's page. */
async function themeColour(name: string): Promise<Rgba> {
  const value = await table.locator('html').evaluate((html, variable) => {
    const view = globalThis as unknown as { getComputedStyle(element: unknown): { getPropertyValue(name: string): string } };
    return view.getComputedStyle(html).getPropertyValue(variable);
  }, name);
  assert.ok(value.trim(), `the theme sets ${name}`);
  return parseColour(value);
}

/** Asserts that `target`'s text colour is the theme's `variable` and reads against its background at `ratio`. */
async function assertText(target: Locator, what: string, variable: string, ratio = 4.5): Promise<Rgba> {
  const p = await painted(target);
  const text = parseColour(p.color);
  const background = behind(p);
  expect(same(over(text, background), over(await themeColour(variable), background)), `${what}: ${p.color} is not the theme's ${variable}`);
  const measured = contrast(over(text, background), background);
  expect(measured >= ratio, `${what}: contrast ${measured.toFixed(2)}:1 of ${p.color} on ${JSON.stringify(p.backgrounds)}, below ${ratio}:1`);
  return text;
}

/** Asserts that `target`'s marker (a bar beside it) is the theme's `variable` and stands out (3:1) from its background. */
async function assertMarker(target: Locator, property: 'boxShadow' | 'borderLeftColor', what: string, variable: string): Promise<void> {
  const p = await painted(target);
  if (p[property] === 'none') return expect(false, `${what} has no marker`);
  const marker = parseColour(p[property]);
  const background = behind(p);
  expect(same(over(marker, background), over(await themeColour(variable), background)), `${what}: the marker ${p[property]} is not the theme's ${variable}`);
  const measured = contrast(over(marker, background), background);
  expect(measured >= 3, `${what}: the marker's contrast ${measured.toFixed(2)}:1 of ${p[property]} on ${JSON.stringify(p.backgrounds)}, below 3:1`);
}

interface Theme {
  /** The theme's id in workbench.colorTheme, as VS Code 1.100 ships it. */
  id: string;
  /** The class VS Code puts on the webview's body for this kind of theme. */
  bodyClass: string;
  highContrast: boolean;
  shot: string;
}

const THEMES: Theme[] = [
  { id: 'Default Light Modern', bodyClass: 'vscode-light', highContrast: false, shot: 'light' },
  { id: 'Default High Contrast', bodyClass: 'vscode-high-contrast', highContrast: true, shot: 'high-contrast-dark' },
  { id: 'Default High Contrast Light', bodyClass: 'vscode-high-contrast-light', highContrast: true, shot: 'high-contrast-light' },
];

/** The text colour of a record's cell in each theme checked so far. */
const cellColours = new Map<string, Rgba>();

async function picture(page: Page, name: string): Promise<void> {
  if (!shotsFolder) return;
  mkdirSync(shotsFolder, { recursive: true });
  await page.screenshot({ path: join(shotsFolder, `records-table-${name}.png`) });
}

describe('the records table in light and high-contrast themes', () => {
  before(() => {
    mkdirSync(join(workspace, 'harvest'), { recursive: true });
    writeFileSync(
      join(workspace, 'harvest', 'north.fragment'),
      `${record('SCC-1/N1', { Scale: 'Regional', Year: '2023' })}\n\n${record('SCC-1/N2', { Scale: 'Planetary', 'Rating significance': 'high' })}\n`,
    );
    writeFileSync(join(workspace, 'harvest', 'south.fragment'), `${record('SCC-2/S1', { Scale: 'Local', coutnry: 'Iraq' })}\n`);
  });

  after(() => rmSync(base, { recursive: true, force: true }));

  for (const theme of THEMES) {
    test(`${theme.id}: text, counts, links and charts take the theme's colours and read against their background`, { timeout: 240_000 }, async () => {
      const session = await startSession(join(base, theme.shot), workspace, 'trust', { 'workbench.colorTheme': theme.id });
      try {
        await checkTheme(session, theme);
      } finally {
        await session.stop();
      }
    });
  }

  test('the text colour follows the theme: it is not the same in a light and a dark theme', () => {
    const light = cellColours.get('Default Light Modern');
    const dark = cellColours.get('Default High Contrast');
    assert.ok(light && dark, 'both themes were checked');
    assert.ok(contrast(light, dark) >= 4.5, `a value's text is ${JSON.stringify(light)} in the light theme and ${JSON.stringify(dark)} in the dark one`);
  });
});

/** Opens the table in the session's theme and checks its colours; every failed check is reported at once. */
async function checkTheme(session: Session, theme: Theme): Promise<void> {
  const { page, wb } = session;
  failures = [];
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'harvest' }).waitFor({ timeout: 60_000 });
  await wb.runCommand('Fragments: Show Records Table', 60_000);
  // A webview is an iframe holding another: the page itself is the inner one.
  table = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await table.locator(`body.${theme.bodyClass}`).waitFor({ timeout: 30_000 });
  const rows = table.locator('#records tbody tr');
  await rows.nth(2).waitFor({ timeout: 60_000 });
  const broken = rows.filter({ hasText: 'SCC-1/N2' });

  const cell = await assertText(broken.locator('td', { hasText: 'Planetary' }), "a record's value", '--vscode-foreground');
  cellColours.set(theme.id, cell);
  await assertText(table.locator('#records thead button.sort', { hasText: 'FragmentID' }), 'a column header', '--vscode-foreground');
  await assertText(table.locator('#summary'), 'the summary', '--vscode-foreground');
  // The error count: in the text colour, marked with the theme's error colour.
  const errors = broken.locator('td.count.error');
  await assertText(errors, 'the error count', '--vscode-foreground');
  await assertMarker(errors, 'boxShadow', 'the error count', '--vscode-editorError-foreground');
  await assertText(table.locator('#records caption'), "the table's caption", '--vscode-descriptionForeground');

  // The selected record: its row is drawn focused, and its problems are links.
  await broken.focus();
  const focused = await painted(broken);
  expect(focused.outline !== 'none', 'the focused row has no outline');
  const outline = focused.outline === 'none' ? behind(focused) : parseColour(focused.outline.replace(/^[\d.]+px /, ''));
  expect(contrast(outline, behind(focused)) >= 3, `the focus outline ${focused.outline} does not stand out (3:1) from ${JSON.stringify(focused.backgrounds)}`);
  // The selected row's text reads on the selection colour.
  const selected = await painted(broken.locator('td', { hasText: 'Planetary' }));
  const selectedContrast = contrast(over(parseColour(selected.color), behind(selected)), behind(selected));
  expect(
    selectedContrast >= 4.5,
    `a value of the selected row: contrast ${selectedContrast.toFixed(2)}:1 of ${selected.color} on ${JSON.stringify(selected.backgrounds)}`,
  );
  const problem = table.locator('#problems button.problem').first();
  await assertText(problem, 'a problem link', '--vscode-textLink-foreground');
  const severity = table.locator('#problems .severity-1 .severity').first();
  await assertText(severity, "an error's severity", '--vscode-foreground');
  await assertMarker(severity, 'borderLeftColor', "an error's severity", '--vscode-editorError-foreground');

  if (theme.highContrast) {
    // High contrast themes draw borders: the table's lines are there, in the theme's contrast border colour.
    const line = await painted(broken.locator('td', { hasText: 'Planetary' }));
    expect(line.borderBottom !== 'none', 'the rows have no lines between them');
    const border = line.borderBottom === 'none' ? behind(line) : parseColour(line.borderBottom.replace(/^[\d.]+px /, ''));
    expect(same(border, await themeColour('--vscode-contrastBorder')), `the row line ${line.borderBottom} is not the theme's contrast border`);
    expect(contrast(border, behind(line)) >= 3, `the row line ${line.borderBottom} does not stand out (3:1)`);
  }
  await picture(page, `${theme.shot}-table`);

  await table.getByRole('tab', { name: 'Counts and charts' }).click();
  const chart = table.locator('figure.chart:not(.cross)', { hasText: 'Records by Scale' }).first();
  await chart.waitFor();
  const bar = chart.locator('rect.bar').first();
  const barPaint = await painted(bar);
  const fill = parseColour(barPaint.fill);
  expect(same(fill, await themeColour('--vscode-charts-blue')), `the bar ${barPaint.fill} is not the theme's charts-blue`);
  expect(contrast(fill, behind(barPaint)) >= 3, `the bar ${barPaint.fill} does not stand out (3:1) from ${JSON.stringify(barPaint.backgrounds)}`);
  await assertText(chart.locator('figcaption'), "a chart's title", '--vscode-foreground');
  // The darkest shade of the cross table, with its count written in it.
  const cross = table.locator('figure.cross').first();
  const darkest = cross.locator('td.heat-4').first();
  await darkest.waitFor();
  await assertText(darkest, 'a count on the darkest shade', '--vscode-foreground');
  await picture(page, `${theme.shot}-charts`);
  assert.deepEqual(failures, [], `in ${theme.id}`);
}
