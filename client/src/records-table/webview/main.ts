/// <reference lib="dom" />
/**
 * The records table in its webview (bundled by esbuild for the browser into dist/webview/records-table.js): one row per
 * record, a column per schema field, sorted and filtered; Enter or a click on a row or a problem opens it in its file.
 * Record text is only ever set as text (textContent, title), never as HTML. Sort, filters and the selected record are
 * kept with setState, so the view comes back as it was after being hidden.
 */
import type { RecordRow, RecordsColumn, RecordsResult } from '../../../../server/src/records/protocol';
import type { FromWebview, Scope, ToWebview } from '../messages';
import { renderCharts } from './charts';
import { ERRORS, FILE, fileLabel, filteredRows, INITIAL_STATE, LISTED, NOTES, sortedRows, valuesOf, WARNINGS, type ViewState } from './rows';
import { element } from './dom';
import { files, records, say } from './text';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): ViewState | undefined;
  setState(state: ViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;


/** Characters shown of a long value; the whole value is in the cell's title. */
const SHORT = 80;
/** Rows drawn at most; filters narrow the rest. */
const MAX_ROWS = 2000;
/** The words for an LSP severity (1 error … 4 hint). */
const SEVERITIES: Record<number, 'error' | 'warning' | 'information' | 'hint'> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;
let state: ViewState = { ...INITIAL_STATE, ...vscode.getState() };
let data: Extract<ToWebview, { type: 'records' }> | undefined;

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'loading') {
    app.setAttribute('aria-busy', 'true');
  } else if (message.type === 'failed') {
    app.setAttribute('aria-busy', 'false');
    app.replaceChildren(element('p', { role: 'alert' }, say('readFailed', message.message)));
  } else {
    data = message;
    render();
  }
});
vscode.postMessage({ type: 'ready' });

function save(): void {
  vscode.setState(state);
}

/** Draws the whole view (new records arrived); focus, and the caret of a text box, stay where they were. */
function render(): void {
  if (!data) return;
  const focused = document.activeElement as HTMLElement | null;
  const focusedId = focused?.id;
  const caret = focused instanceof HTMLInputElement ? [focused.selectionStart, focused.selectionEnd] : undefined;
  app.setAttribute('aria-busy', 'false');
  const tabs = tabBar();
  app.replaceChildren(element('h1', {}, say('records')), toolbar(data.result), element('p', { id: 'summary', role: 'status' }), tabs.bar, tabs.table, tabs.charts);
  renderResults();
  const again = focusedId ? document.getElementById(focusedId) : null;
  again?.focus();
  if (again instanceof HTMLInputElement && caret) again.setSelectionRange(caret[0], caret[1]);
}

/** Draws the summary, the table and the charts again (sort or filters changed), leaving the filter controls alone. */
function renderResults(): void {
  if (!data) return;
  const { result } = data;
  const focusedId = (document.activeElement as HTMLElement | null)?.id;
  const rows = sortedRows(filteredRows(result, state), state);
  const fileCount = new Set(result.rows.map((r) => r.uri)).size;
  const withErrors = result.rows.filter((r) => r.counts.errors > 0).length;
  document.getElementById('summary')!.textContent = [
    say('summary', records(rows.length), result.rows.length, files(fileCount), records(withErrors)),
    result.unreadable ? say('unreadable', files(result.unreadable)) : '',
    rows.length > MAX_ROWS ? say('firstListed', MAX_ROWS) : '',
  ]
    .filter(Boolean)
    .join(' ');
  document.getElementById('table-panel')!.replaceChildren(table(result.columns, rows.slice(0, MAX_ROWS)), problemList(result));
  renderCharts(document.getElementById('charts-panel')!, result, rows);
  if (focusedId && !document.activeElement?.id) document.getElementById(focusedId)?.focus();
}

/** Table and charts as two tabs (the WAI-ARIA tabs pattern: arrow keys move between them). */
function tabBar(): { bar: HTMLElement; table: HTMLElement; charts: HTMLElement } {
  const bar = element('div', { role: 'tablist', 'aria-label': say('viewTabs') });
  const table = element('section', { id: 'table-panel', role: 'tabpanel', 'aria-labelledby': 'tab-table' });
  const charts = element('section', { id: 'charts-panel', role: 'tabpanel', 'aria-labelledby': 'tab-charts' });
  const chartsShown = state.charts;
  const tabs = [
    { id: 'tab-table', label: say('tableTab'), panel: table, selected: !chartsShown },
    { id: 'tab-charts', label: say('chartsTab'), panel: charts, selected: chartsShown },
  ].map(({ id, label, panel, selected }) => {
    const tab = element('button', { id, role: 'tab', 'aria-controls': panel.id, 'aria-selected': String(selected), tabindex: selected ? '0' : '-1' }, label);
    panel.hidden = !selected;
    return tab;
  });
  const select = (index: number) => {
    state.charts = index === 1;
    save();
    tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
    });
    table.hidden = index !== 0;
    charts.hidden = index !== 1;
    tabs[index].focus();
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(i));
    tab.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') select(1 - i);
    });
  });
  bar.append(...tabs);
  return { bar, table, charts };
}

function toolbar(result: RecordsResult): HTMLElement {
  const bar = element('div', { class: 'toolbar', role: 'search' });
  if (data?.fileName && data.workspace) {
    const scope = select('scope', [
      ['workspace', say('everyFile')],
      ['file', data.fileName],
    ]);
    scope.value = data.scope;
    scope.addEventListener('change', () => vscode.postMessage({ type: 'scope', scope: scope.value as Scope }));
    bar.append(labelled('scope', say('recordsOf'), scope));
  }
  const text = element('input', { id: 'filter-text', type: 'search', placeholder: say('filterPlaceholder') }) as HTMLInputElement;
  text.value = state.text;
  text.addEventListener('input', () => {
    state.text = text.value;
    save();
    renderResults();
  });
  bar.append(labelled('filter-text', say('filter'), text));
  const problems = select('filter-problems', [
    ['', say('any')],
    ['errors', say('withErrors')],
    ['warnings', say('withWarnings')],
    ['none', say('withoutProblems')],
  ]);
  problems.value = state.problems;
  problems.addEventListener('change', () => {
    state.problems = problems.value as ViewState['problems'];
    save();
    renderResults();
  });
  bar.append(labelled('filter-problems', say('problems'), problems));
  result.columns.forEach((column, index) => {
    const values = valuesOf(column, result.rows);
    if (!LISTED.has(column.kind) || values.length === 0) return;
    const id = `filter-${index}`;
    const choice = select(id, [['', say('any')], ...values.map((v): [string, string] => [v, v])]);
    choice.value = state.filters[column.key] ?? '';
    choice.addEventListener('change', () => {
      if (choice.value) state.filters[column.key] = choice.value;
      else delete state.filters[column.key];
      save();
      renderResults();
    });
    bar.append(labelled(id, column.key, choice));
  });
  return bar;
}

function table(columns: readonly RecordsColumn[], rows: readonly RecordRow[]): HTMLElement {
  const headers: [key: string, label: string, title: string][] = [
    [FILE, say('fileColumn'), say('fileColumnTitle')],
    [ERRORS, say('errorsColumn'), say('errorsColumnTitle')],
    [WARNINGS, say('warningsColumn'), say('warningsColumnTitle')],
    [NOTES, say('notesColumn'), say('notesColumnTitle')],
    ...columns.map((c): [string, string, string] => [c.key, c.key, c.description]),
  ];
  const tableElement = element('table', { id: 'records', 'aria-describedby': 'summary table-help' });
  tableElement.append(element('caption', {}, say('caption')));
  const head = element('tr');
  for (const [key, label, title] of headers) {
    const sorted = state.sortKey === key;
    const th = element('th', { scope: 'col', 'aria-sort': sorted ? (state.descending ? 'descending' : 'ascending') : 'none' });
    const button = element('button', { id: `sort-${headers.findIndex((h) => h[0] === key)}`, class: 'sort', title: title || label }, label);
    if (sorted) button.append(element('span', { 'aria-hidden': 'true' }, state.descending ? ' ▼' : ' ▲'));
    button.addEventListener('click', () => {
      state.descending = sorted ? !state.descending : false;
      state.sortKey = key;
      save();
      renderResults();
    });
    th.append(button);
    head.append(th);
  }
  tableElement.append(element('thead', {}, head));
  const body = element('tbody');
  const selectedIndex = Math.max(0, rows.findIndex((row) => rowId(row) === state.selected));
  rows.forEach((row, index) => {
    const tr = element('tr', { id: rowId(row), tabindex: index === selectedIndex ? '0' : '-1', class: row.counts.errors ? 'has-errors' : '' });
    if (rowId(row) === state.selected) tr.setAttribute('aria-selected', 'true');
    tr.append(element('th', { scope: 'row' }, fileLabel(row)));
    tr.append(countCell(row.counts.errors, 'error'), countCell(row.counts.warnings, 'warning'), countCell(row.counts.notes, 'note'));
    for (const column of columns) tr.append(valueCell(row.values[column.key]));
    tr.addEventListener('click', () => openRow(row));
    tr.addEventListener('keydown', (event) => rowKey(event, tr, row));
    tr.addEventListener('focus', () => selectRow(row));
    body.append(tr);
  });
  tableElement.append(body);
  const wrapper = element('div', { class: 'table-wrapper' }, tableElement);
  wrapper.append(element('p', { id: 'table-help', class: 'help' }, say('tableHelp')));
  return wrapper;
}

function countCell(n: number, kind: string): HTMLElement {
  return element('td', { class: n ? `count ${kind}` : 'count' }, n ? String(n) : '');
}

function valueCell(value: string | undefined): HTMLElement {
  if (value === undefined) return element('td', { class: 'absent' });
  const oneLine = value.replace(/\s*\n\s*/g, ' ');
  const short = oneLine.length > SHORT ? `${oneLine.slice(0, SHORT - 1)}…` : oneLine;
  const cell = element('td', {}, short);
  if (short !== value) cell.title = value;
  return cell;
}

function rowKey(event: KeyboardEvent, tr: HTMLElement, row: RecordRow): void {
  const rows = Array.from(tr.parentElement!.children) as HTMLElement[];
  const index = rows.indexOf(tr);
  const move = (to: number) => {
    const target = rows[Math.max(0, Math.min(rows.length - 1, to))];
    if (!target) return;
    tr.tabIndex = -1;
    target.tabIndex = 0;
    target.focus();
    event.preventDefault();
  };
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    openRow(row);
  } else if (event.key === 'ArrowDown') move(index + 1);
  else if (event.key === 'ArrowUp') move(index - 1);
  else if (event.key === 'Home') move(0);
  else if (event.key === 'End') move(rows.length - 1);
  else if (event.key === 'PageDown') move(index + 10);
  else if (event.key === 'PageUp') move(index - 10);
}

function selectRow(row: RecordRow): void {
  if (state.selected === rowId(row)) return;
  const previous = state.selected ? document.getElementById(state.selected) : null;
  previous?.removeAttribute('aria-selected');
  state.selected = rowId(row);
  document.getElementById(rowId(row))?.setAttribute('aria-selected', 'true');
  save();
  if (data) document.getElementById('problems')?.replaceWith(problemList(data.result));
}

/** The selected record's problems, each a button that opens the problem's line. */
function problemList(result: RecordsResult): HTMLElement {
  const row = result.rows.find((r) => rowId(r) === state.selected);
  const section = element('section', { id: 'problems', 'aria-live': 'polite' });
  if (!row) {
    section.append(element('p', { class: 'help' }, say('selectRecord')));
    return section;
  }
  const name = row.values[result.columns[0]?.key ?? ''] || fileLabel(row);
  section.append(element('h2', {}, say('problemsOf', name)));
  if (row.problems.length === 0) {
    section.append(element('p', {}, say('noProblems')));
    return section;
  }
  const list = element('ul');
  row.problems.forEach((problem, index) => {
    const severity = say(SEVERITIES[problem.severity] ?? 'note');
    const button = element('button', { id: `problem-${index}`, class: `problem severity-${problem.severity}` });
    button.append(element('span', { class: 'severity' }, `${severity}:`), ` ${problem.message} `, element('span', { class: 'where' }, say('problemPlace', problem.line + 1, problem.code)));
    button.addEventListener('click', () => vscode.postMessage({ type: 'open', uri: row.uri, line: problem.line, character: problem.character }));
    list.append(element('li', {}, button));
  });
  section.append(list);
  return section;
}

function openRow(row: RecordRow): void {
  selectRow(row);
  vscode.postMessage({ type: 'open', uri: row.uri, line: row.line, character: 0 });
}

function rowId(row: RecordRow): string {
  return `row-${encodeURIComponent(row.uri)}-${row.line}`;
}

function select(id: string, options: [value: string, text: string][]): HTMLSelectElement {
  const choice = element('select', { id }) as HTMLSelectElement;
  for (const [value, text] of options) choice.append(new Option(text, value));
  return choice;
}

function labelled(id: string, label: string, control: HTMLElement): HTMLElement {
  const wrapper = element('div', { class: 'control' });
  wrapper.append(element('label', { for: id }, label), control);
  return wrapper;
}
