/**
 * Records as a table, and back: the pure part of `fragment-lint export` and `import`. A sheet is a header row and
 * rows of text cells; reading and writing CSV or XLSX files is the CLI's business (server/src/cli/spreadsheet-files.ts).
 *
 * One row per record. Columns: the schema's fields in schema order, then the fields records have that the schema
 * does not know (keys as written, in order of first appearance; a key a record repeats gets `Key (2)`), then the
 * columns below, which say where the record is and how many problems it has. Values go in as the parser reads them:
 * trimmed, the lines of a multi-line value joined with a line break.
 */
import * as l10n from '@vscode/l10n';
import { listOf, type FragmentDiagnostic } from './diagnostic';
import { fieldLine } from './grammar';
import { fieldValue, type ParsedDocument } from './parser';
import type { Schema } from './schema/model';
import { closest } from './suggest';
import { parseWithSchema } from './validate';

export const FILE_COLUMN = '(file)';
export const LINE_COLUMN = '(line)';
/** Columns that describe the record rather than hold a field; import leaves them out. */
export const INFO_COLUMNS = [FILE_COLUMN, LINE_COLUMN, '(errors)', '(warnings)', '(notes)'] as const;

export interface FileForSheet {
  label: string;
  document: ParsedDocument;
  schema: Schema;
  diagnostics: readonly FragmentDiagnostic[];
}

export interface RecordsSheet {
  header: string[];
  rows: string[][];
  /** Per file, the lines with text that belong to no field (free text, headings, almost-fields): not in the sheet. */
  leftOut: { label: string; lines: number[] }[];
}

/** The column name of the n-th (from 1) field with this key in one record. */
function occurrenceColumn(key: string, occurrence: number): string {
  return occurrence === 1 ? key : `${key} (${occurrence})`;
}

export function recordsSheet(files: readonly FileForSheet[]): RecordsSheet {
  const schemaColumns: string[] = [];
  const seen = new Set<string>();
  for (const { schema } of files) {
    for (const spec of schema.fields) if (!seen.has(spec.key)) seen.add(spec.key), schemaColumns.push(spec.key);
  }
  const extraColumns: string[] = [];
  const rowMaps: Map<string, string>[] = [];
  const info: string[][] = [];
  const leftOut: RecordsSheet['leftOut'] = [];
  for (const file of files) {
    const { document, diagnostics } = file;
    const covered = new Set<number>();
    for (const record of document.records) {
      const values = new Map<string, string>();
      const count = new Map<string, number>();
      for (const field of record.fields) {
        for (let line = field.line; line <= field.endLine; line++) covered.add(line);
        const occurrence = (count.get(field.key) ?? 0) + 1;
        count.set(field.key, occurrence);
        const column = occurrenceColumn(field.key, occurrence);
        if (!seen.has(column)) seen.add(column), extraColumns.push(column);
        values.set(column, fieldValue(field));
      }
      const severities = [0, 0, 0];
      for (const d of diagnostics) {
        const line = d.range.start.line;
        if (line >= record.startLine && line <= record.endLine) severities[d.severity === 2 ? 1 : d.severity === 1 || d.severity === undefined ? 0 : 2]++;
      }
      rowMaps.push(values);
      info.push([file.label, String(record.startLine + 1), ...severities.map(String)]);
    }
    const lines = document.lines.flatMap((text, line) => (covered.has(line) || text.trim() === '' ? [] : [line + 1]));
    if (lines.length > 0) leftOut.push({ label: file.label, lines });
  }
  const columns = [...schemaColumns, ...extraColumns];
  return {
    header: [...columns, ...INFO_COLUMNS],
    rows: rowMaps.map((values, i) => [...columns.map((c) => values.get(c) ?? ''), ...info[i]]),
    leftOut,
  };
}

/** What a column of an imported sheet holds. */
export type ColumnUse =
  | { kind: 'field'; key: string; occurrence: number }
  /** One of INFO_COLUMNS, or a column with neither a header nor any value: left out. */
  | { kind: 'ignored' };

export interface HeaderMapping {
  columns: ColumnUse[];
  /** Why the sheet cannot be read as records of this schema; empty when it can. */
  problems: string[];
}

/** The spreadsheet name of a column: A, B, …, Z, AA, … */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * How each header maps to a field. A header is a field's key exactly (the schema's key, an alias, or a key the
 * schema does not know, kept as written). A header that looks like a schema key whose own column is missing is not
 * guessed at: it is a problem, with the key it may stand for. `hasValues(i)` tells whether column i holds any value.
 */
export function mapHeaders(headers: readonly string[], schema: Schema, hasValues: (column: number) => boolean): HeaderMapping {
  const problems: string[] = [];
  const names = headers.map((h) => h.trim());
  const present = new Set(names);
  const schemaKeys = schema.fields.map((f) => f.key);
  const missingKeys = schemaKeys.filter((key) => !present.has(key) && !schema.fields.find((f) => f.key === key)?.aliases.some((a) => present.has(a)));
  const firstColumn = new Map<string, number>();
  const columns = names.map((name, i): ColumnUse => {
    const column = columnName(i);
    if ((INFO_COLUMNS as readonly string[]).includes(name)) return { kind: 'ignored' };
    if (name === '') {
      if (hasValues(i)) problems.push(l10n.t('Column {0} has values but no header, so it is not known which field they belong to.', column));
      return { kind: 'ignored' };
    }
    if (firstColumn.has(name)) {
      problems.push(l10n.t('Column {0} has the same header as column {1}: "{2}".', column, columnName(firstColumn.get(name) as number), name));
      return { kind: 'ignored' };
    }
    firstColumn.set(name, i);
    const repeat = /^(.*) \((\d+)\)$/.exec(name);
    if (repeat && present.has(repeat[1]) && Number(repeat[2]) >= 2) return { kind: 'field', key: repeat[1], occurrence: Number(repeat[2]) };
    if (schema.byName.has(name)) return { kind: 'field', key: name, occurrence: 1 };
    if (/[*\r\n]/.test(name) || name.length > 200) {
      problems.push(l10n.t('Column {0} is headed "{1}", which cannot be a field name (a field name has no * or line break and at most 200 characters).', column, name));
      return { kind: 'ignored' };
    }
    const meant = closest(name, missingKeys);
    if (meant.length > 0) {
      problems.push(l10n.t("Column {0} is headed \"{1}\", which is not a field of the schema. Did you mean {2}? Rename the header to the field's name.", column, name, listOf(meant.map((k) => `"${k}"`))));
      return { kind: 'ignored' };
    }
    return { kind: 'field', key: name, occurrence: 1 };
  });
  if (!columns.some((c) => c.kind === 'field' && c.key === schema.recordStart)) {
    const meant = closest(schema.recordStart, names.filter((n) => n !== ''));
    const guess = meant.length ? ` ${l10n.t('Is it the column headed "{0}"?', meant[0])}` : '';
    problems.unshift(l10n.t('The sheet has no "{0}" column, so its rows cannot be told apart as records.', schema.recordStart) + guess);
  }
  return { columns, problems };
}

export interface RowRecord {
  /** The record's text: fields in schema order, then the fields the schema does not know, in column order. */
  text: string;
  id: string;
  /** Cells whose text a fragment file cannot hold as it is (it would read back differently). */
  problems: { column: number; message: string }[];
}

/** Line breaks as a fragment file has them; white space around a value is not part of it. */
function cellValue(cell: string | undefined): string {
  return (cell ?? '').replace(/\r\n?/g, '\n').trim();
}

export function rowRecord(cells: readonly string[], mapping: HeaderMapping, schema: Schema): RowRecord {
  const order = (use: ColumnUse & { kind: 'field' }) => {
    const spec = schema.byName.get(use.key);
    return spec ? spec.order : schema.fields.length;
  };
  const fields = mapping.columns
    .map((use, column) => ({ use, column }))
    .filter((c): c is { use: ColumnUse & { kind: 'field' }; column: number } => c.use.kind === 'field')
    .sort((a, b) => order(a.use) - order(b.use) || (order(a.use) === schema.fields.length ? a.column - b.column : a.use.occurrence - b.use.occurrence))
    .map(({ use, column }) => ({ key: use.key, value: cellValue(cells[column]), column, inSchema: use.occurrence === 1 && schema.byName.get(use.key)?.key === use.key }))
    // Every schema field is written, empty or not, as a new record has them; another field only where it has a value,
    // because in a sheet its column runs through every record, and most records do not have it.
    .filter((f) => f.inSchema || f.value !== '');
  const start = fields.findIndex((f) => f.key === schema.recordStart);
  if (start > 0) fields.unshift(...fields.splice(start, 1)); // the field that starts a record goes first, or it would split it
  const text = `${fields.map((f) => fieldLine(f.key, f.value)).join('\n')}\n`;
  // The file must read back as exactly these fields: a line of a value that reads as a field, a heading or a separator would not.
  const problems: RowRecord['problems'] = [];
  const read = parseWithSchema(text, schema).fields;
  for (let i = 0; i < fields.length; i++) {
    const back = read[i];
    if (!back || back.key !== fields[i].key || fieldValue(back) !== fields[i].value) {
      problems.push({
        column: fields[i].column,
        message: l10n.t('a line of this value would be read as a field, a heading or a separator in a fragment file, so the record would not read back as written. Change that line (for example, start it with a word).'),
      });
      break;
    }
  }
  if (problems.length === 0 && read.length !== fields.length) {
    const extra = fields.find((f) => f.value.includes('\n')) ?? fields[0];
    problems.push({ column: extra.column, message: l10n.t('a line of this value would be read as a field of its own in a fragment file. Change that line (for example, start it with a word).') });
  }
  return { text, id: fields[0]?.key === schema.recordStart ? fields[0].value : '', problems };
}

/** Names Windows keeps for devices, whatever the extension: a file named so cannot be created there. */
const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Long enough to tell records apart, short enough for any file system (255 bytes) once the extension is added. */
const MAX_NAME_LENGTH = 80;

/**
 * A file name (without extension) made from a FragmentID: characters no file system accepts, and the `/` and `\`
 * of redaction markers and paths, become `_`; no leading or trailing dots or spaces; not a reserved device name;
 * at most MAX_NAME_LENGTH characters. An ID with nothing usable left gives `record-<row>`.
 */
export function safeFileName(id: string, row: number): string {
  let name = id
    .normalize('NFC')
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[\s._-]+|[\s.]+$/g, '');
  name = [...name].slice(0, MAX_NAME_LENGTH).join('').replace(/[\s.]+$/, '');
  if (name === '' || name === '_') return `record-${row}`;
  return RESERVED_NAMES.test(name) ? `_${name}` : name;
}
