/**
 * Counts and charts of the records shown (after the filters): each listed field by value, two cross tables (by default
 * the closed field with the longest list by the first other closed field, and the field with the longest list by the
 * year field), values outside an open list, and records with errors by problem. Fields are picked by their kind in
 * the schema, never by name.
 *
 * Drawn as real tables, with each bar an SVG rectangle sized by attributes (no inline style, so the page's strict
 * Content-Security-Policy holds) and coloured by the theme's chart colours: a screen reader reads the numbers, and
 * light, dark and high-contrast themes all draw them. A charting library would draw on a canvas that a screen reader
 * cannot read, and would add a bundle for what a few bars do.
 */
import type { RecordRow, RecordsColumn, RecordsResult } from '../../../../server/src/records/protocol';
import { choicesIn, LISTED } from './rows';
import { element } from './dom';
import { say } from './text';

const BAR_WIDTH = 160;
const BAR_HEIGHT = 12;
/** Rows of a by-value count listed at most (a country list is long): the rest are summed in one row. */
const MAX_VALUES = 15;
const SVG = 'http://www.w3.org/2000/svg';
/** A marker such as `<person>` stands for withheld text; it is not a value outside a list. */
const MARKER = /^<[^<>]+>$/;

export function renderCharts(container: HTMLElement, result: RecordsResult, rows: readonly RecordRow[]): void {
  const listed = result.columns.filter((c) => LISTED.has(c.kind));
  container.replaceChildren(element('p', { class: 'help' }, say('countsOf', rows.length)));
  // Rows: the closed list with the most values; columns: the first other closed list in schema order.
  const closed = listed.filter((c) => c.kind === 'closed' && c.values.length > 1);
  const widest = [...closed].sort((a, b) => b.values.length - a.values.length)[0];
  const beside = closed.find((c) => c !== widest);
  const grid = element('div', { class: 'charts' });
  if (widest && beside) grid.append(crossTable(widest, beside, rows, listed));
  const year = listed.find((c) => c.kind === 'year');
  const longest = [...listed].filter((c) => c !== year).sort((a, b) => b.values.length - a.values.length)[0];
  if (year && longest) grid.append(crossTable(longest, year, rows, listed));
  grid.append(errorsByProblem(rows), outsideLists(listed, rows));
  for (const column of listed) grid.append(byValue(column, rows));
  container.append(grid);
}

function byValue(column: RecordsColumn, rows: readonly RecordRow[]): HTMLElement {
  const counts = new Map<string, number>();
  let empty = 0;
  for (const row of rows) {
    const choices = choicesIn(column, row.values[column.key]);
    if (choices.length === 0) empty++;
    for (const choice of new Set(choices)) counts.set(choice, (counts.get(choice) ?? 0) + 1);
  }
  const entries = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = entries.slice(0, MAX_VALUES);
  const others = entries.slice(MAX_VALUES).reduce((sum, [, n]) => sum + n, 0);
  if (others) shown.push([say('otherValues', entries.length - MAX_VALUES), others]);
  if (empty) shown.push([say('emptyOrMissing'), empty]);
  return barTable(say('recordsBy', column.key), column.key, shown, column.kind === 'multi' ? say('severalChoices') : undefined);
}

function errorsByProblem(rows: readonly RecordRow[]): HTMLElement {
  const counts = new Map<string, number>();
  for (const row of rows) for (const code of new Set(row.problems.filter((p) => p.severity === 1).map((p) => p.code))) counts.set(code, (counts.get(code) ?? 0) + 1);
  const withErrors = rows.filter((r) => r.counts.errors > 0).length;
  const entries = [...counts].sort((a, b) => b[1] - a[1]);
  return barTable(say('recordsWithErrors', withErrors, rows.length), say('problem'), entries, say('byKindOfError'));
}

function outsideLists(listed: readonly RecordsColumn[], rows: readonly RecordRow[]): HTMLElement {
  const counts = new Map<string, number>();
  for (const column of listed) {
    if (column.kind !== 'open' && column.kind !== 'multi') continue;
    const known = new Set(column.values.map((v) => v.toLocaleLowerCase()));
    if (known.size === 0) continue;
    for (const row of rows) {
      for (const choice of choicesIn(column, row.values[column.key])) {
        if (known.has(choice.toLocaleLowerCase()) || MARKER.test(choice)) continue;
        const label = `${column.key}: ${choice}`;
        counts.set(label, (counts.get(label) ?? 0) + 1);
      }
    }
  }
  const entries = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return barTable(say('outsideList'), say('fieldValue'), entries.slice(0, MAX_VALUES * 2), say('outsideListNote'));
}

/** Records counted by two fields; the fields can be changed (the first pair is only a starting point). */
function crossTable(rowsBy: RecordsColumn, columnsBy: RecordsColumn, rows: readonly RecordRow[], listed: readonly RecordsColumn[]): HTMLElement {
  const figure = element('figure', { class: 'chart cross' });
  const draw = (down: RecordsColumn, across: RecordsColumn) => {
    const id = `cross-${listed.indexOf(rowsBy)}-${listed.indexOf(columnsBy)}`;
    const pick = (which: 'rows' | 'columns', chosen: RecordsColumn, onChange: (c: RecordsColumn) => void) => {
      const choice = element('select', { id: `${id}-${which}` }) as HTMLSelectElement;
      for (const column of listed) choice.append(new Option(column.key, column.key, false, column === chosen));
      choice.addEventListener('change', () => onChange(listed.find((c) => c.key === choice.value) ?? chosen));
      return element('span', { class: 'control' }, element('label', { for: `${id}-${which}` }, say(which)), choice);
    };
    const caption = element('figcaption', {}, say('recordsByTwo', down.key, across.key));
    const controls = element(
      'div',
      { class: 'toolbar' },
      pick('rows', down, (c) => draw(c, across)),
      pick('columns', across, (c) => draw(down, c)),
    );
    const downValues = orderedValues(down, rows).slice(0, MAX_VALUES);
    const acrossValues = orderedValues(across, rows).slice(0, MAX_VALUES);
    const cell = new Map<string, number>();
    let max = 0;
    for (const row of rows) {
      for (const a of new Set(choicesIn(down, row.values[down.key]))) {
        for (const b of new Set(choicesIn(across, row.values[across.key]))) {
          const key = `${a}\u0000${b}`;
          const n = (cell.get(key) ?? 0) + 1;
          cell.set(key, n);
          max = Math.max(max, n);
        }
      }
    }
    const table = element('table', { class: 'counts' });
    const head = element('tr', {}, element('th', { scope: 'col' }, `${down.key} \\ ${across.key}`));
    for (const b of acrossValues) head.append(element('th', { scope: 'col' }, b));
    table.append(element('thead', {}, head));
    const body = element('tbody');
    for (const a of downValues) {
      const tr = element('tr', {}, element('th', { scope: 'row' }, a));
      for (const b of acrossValues) {
        const n = cell.get(`${a}\u0000${b}`) ?? 0;
        // Shade steps (not an inline colour) keep the policy strict; the number is always written.
        const level = n === 0 ? 0 : Math.ceil((n / max) * 4);
        tr.append(element('td', { class: `heat heat-${level}` }, String(n)));
      }
      body.append(tr);
    }
    table.append(body);
    figure.replaceChildren(caption, controls, table);
  };
  draw(rowsBy, columnsBy);
  return figure;
}

/**
 * The schema's list in its order (a short list whole, so that a value no record has shows its zero; a long one only
 * with the values used), then the values outside the list that records use, by how often they occur.
 */
function orderedValues(column: RecordsColumn, rows: readonly RecordRow[]): string[] {
  const used = new Map<string, number>();
  for (const row of rows) for (const choice of choicesIn(column, row.values[column.key])) used.set(choice, (used.get(choice) ?? 0) + 1);
  const listed = column.values.length <= MAX_VALUES ? column.values : column.values.filter((v) => used.has(v));
  const others = [...used].filter(([v]) => !column.values.includes(v)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const all = [...listed, ...others.map(([v]) => v)];
  return column.kind === 'year' ? all.sort() : all;
}

function barTable(title: string, what: string, entries: readonly [string, number][], note?: string): HTMLElement {
  const figure = element('figure', { class: 'chart' }, element('figcaption', {}, title));
  if (note) figure.append(element('p', { class: 'help' }, note));
  if (entries.length === 0) {
    figure.append(element('p', {}, say('none')));
    return figure;
  }
  const max = Math.max(...entries.map(([, n]) => n));
  const table = element('table', { class: 'counts' });
  table.append(element('thead', {}, element('tr', {}, element('th', { scope: 'col' }, what), element('th', { scope: 'col' }, say('records')), element('th', { scope: 'col', class: 'bar-cell' }, element('span', { class: 'visually-hidden' }, say('bar'))))));
  const body = element('tbody');
  for (const [label, n] of entries) body.append(element('tr', {}, element('th', { scope: 'row' }, label), element('td', { class: 'number' }, String(n)), element('td', { class: 'bar-cell' }, bar(n, max))));
  table.append(body);
  figure.append(table);
  return figure;
}

function bar(n: number, max: number): SVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', String(BAR_WIDTH));
  svg.setAttribute('height', String(BAR_HEIGHT));
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const rect = document.createElementNS(SVG, 'rect');
  rect.setAttribute('class', 'bar');
  rect.setAttribute('height', String(BAR_HEIGHT));
  rect.setAttribute('width', String(Math.max(1, Math.round((n / max) * BAR_WIDTH))));
  svg.append(rect);
  return svg;
}
