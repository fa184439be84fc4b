/**
 * Which records the table shows, and in what order: the filters and the sort, on the rows the server sent. Pure (no
 * DOM), so it is tested on its own (test/unit/records-table-view.test.ts).
 */
import type { RecordRow, RecordsColumn, RecordsResult } from '../../../../server/src/records/protocol';

/** Field kinds whose values come from a list, so they can be filtered and counted by value. */
export const LISTED = new Set(['closed', 'open', 'multi', 'flag', 'year']);
/** The columns before the schema's fields (keys no schema field can have). */
export const FILE = '\u0000file';
export const ERRORS = '\u0000errors';
export const WARNINGS = '\u0000warnings';
export const NOTES = '\u0000notes';

/** What the person chose: kept with the webview's setState. */
export interface ViewState {
  sortKey: string;
  descending: boolean;
  text: string;
  /** List filters: schema key → the value a record must have. */
  filters: Record<string, string>;
  problems: '' | 'errors' | 'warnings' | 'none';
  /** The record last focused, by file and line. */
  selected: string | undefined;
  /** Whether the counts and charts tab is shown. */
  charts: boolean;
}

export const INITIAL_STATE: ViewState = { sortKey: FILE, descending: false, text: '', filters: {}, problems: '', selected: undefined, charts: false };

/** The values a cell holds: a multi field's choices one by one, else the value itself. */
export function choicesIn(column: RecordsColumn, value: string | undefined): string[] {
  if (value === undefined || value === '') return [];
  if (column.kind !== 'multi') return [value];
  return value
    .split(column.separator.trim() || column.separator)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** A column's filter choices: its schema list, then other values records use (an open list's extras), sorted. */
export function valuesOf(column: RecordsColumn, rows: readonly RecordRow[]): string[] {
  const seen = new Set(column.values);
  const extra = new Set<string>();
  for (const row of rows) for (const value of choicesIn(column, row.values[column.key])) if (!seen.has(value)) extra.add(value);
  return [...column.values, ...[...extra].sort((a, b) => a.localeCompare(b))];
}

/** The rows that pass every filter: the problems choice, each list filter, and every word of the text (any field, or the file name). */
export function filteredRows(result: RecordsResult, state: ViewState): RecordRow[] {
  const words = state.text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const filters = Object.entries(state.filters)
    .map(([key, value]) => ({ column: result.columns.find((c) => c.key === key), value }))
    .filter((f): f is { column: RecordsColumn; value: string } => f.column !== undefined);
  return result.rows.filter((row) => {
    if (state.problems === 'errors' && row.counts.errors === 0) return false;
    if (state.problems === 'warnings' && row.counts.warnings === 0) return false;
    if (state.problems === 'none' && row.counts.errors + row.counts.warnings + row.counts.notes > 0) return false;
    for (const { column, value } of filters) if (!choicesIn(column, row.values[column.key]).includes(value)) return false;
    if (words.length === 0) return true;
    const haystack = `${fileLabel(row)} ${Object.values(row.values).join(' ')}`.toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

function sortValue(row: RecordRow, key: string): string | number {
  switch (key) {
    case FILE:
      return fileLabel(row);
    case ERRORS:
      return row.counts.errors;
    case WARNINGS:
      return row.counts.warnings;
    case NOTES:
      return row.counts.notes;
    default:
      return row.values[key] ?? '';
  }
}

/** Sorted by the chosen column (numbers in text by value: "SCC-2" before "SCC-10"), empty values last either way, ties in file order. */
export function sortedRows(rows: readonly RecordRow[], state: ViewState): RecordRow[] {
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const direction = state.descending ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = sortValue(a.row, state.sortKey);
      const y = sortValue(b.row, state.sortKey);
      if (x === '' && y !== '') return 1;
      if (y === '' && x !== '') return -1;
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return order * direction || a.row.uri.localeCompare(b.row.uri) || a.row.line - b.row.line || a.index - b.index;
    })
    .map(({ row }) => row);
}

/** `name.fragment:12`: the file's name and the record's line, counted from 1. */
export function fileLabel(row: RecordRow): string {
  const path = row.uri.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  let name = path.slice(path.lastIndexOf('/') + 1);
  try {
    name = decodeURIComponent(name);
  } catch {
    // A malformed escape: show the name as it is.
  }
  return `${name}:${row.line + 1}`;
}
