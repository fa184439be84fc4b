/**
 * `fragment-lint export` and `fragment-lint import`: records to a spreadsheet (CSV or XLSX) and back. The table
 * itself is core/records-sheet.ts; the file formats are in spreadsheet-files.ts, loaded only here.
 */
import * as l10n from '@vscode/l10n';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { columnName, FILE_COLUMN, findDuplicateIds, LINE_COLUMN, mapHeaders, mergeDiagnostics, recordsSheet, rowRecord, safeFileName, type FileForSheet } from '../core';
import { readRegularFileSync } from '../host/node-read';
import { checkFileAndKeep, type FileReport } from './check-file';
import { collectFiles, displayPath, MAX_FILE_BYTES, readText } from './files';
import { counted, visible } from './formats/format';
import { UsageError } from './options';
import { assertSchemasUsable, schemaForFile, schemaSettings } from './schema';
import type * as SpreadsheetFiles from './spreadsheet-files';

export interface RecordsIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

/** fragment-lint export --help, in the person's language. */
function exportHelp(): string {
  return l10n.t(
    "Usage: fragment-lint export --to FILE.xlsx|FILE.csv [files, folders or globs...]\n\nWrites one row per record: the schema's fields in schema order, then fields the\nschema does not know, then (file), (line), (errors), (warnings) and (notes).\nOptions: --schema FILE, --force (replace FILE if it exists).",
  );
}

/** fragment-lint import --help, in the person's language. */
function importHelp(): string {
  return l10n.t(
    'Usage: fragment-lint import FILE.xlsx|FILE.csv --out FOLDER\n\nWrites one fragment file per row into FOLDER, named by its FragmentID, then checks\nthe files written. An existing file is never replaced unless --force is given.\nOptions: --schema FILE, --force.',
  );
}

/** Characters XML 1.0, and so an XLSX file, cannot hold: control characters other than tab and line breaks, lone surrogates, U+FFFE and U+FFFF. */
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The format libraries, loaded on the first export or import (a separate bundle: dist/lazy/spreadsheet-files.js). */
function formats(): typeof SpreadsheetFiles {
  return require('./spreadsheet-files') as typeof SpreadsheetFiles;
}

function formatOf(path: string): 'csv' | 'xlsx' {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.xlsx') return ext.slice(1) as 'csv' | 'xlsx';
  throw new UsageError(l10n.t('{0} is not a .csv or .xlsx file: name the spreadsheet with one of those endings.', path));
}

function options(argv: readonly string[], command: 'export' | 'import') {
  try {
    const parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { schema: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, to: { type: 'string' }, out: { type: 'string' } },
    });
    const wrong = command === 'export' ? 'out' : 'to';
    if (parsed.values[wrong] !== undefined) throw new UsageError(l10n.t('--{0} goes with {1}, not {2}.', wrong, command === 'export' ? 'import' : 'export', command));
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${(error as Error).message.replace(/\. To specify.*$/s, '.')} ${l10n.t('Run fragment-lint export --help or fragment-lint import --help for usage.')}`);
  }
}

/** Opens a new file for writing; an existing one only with `force`. Undefined: it exists. */
function create(path: string, force: boolean): number | undefined {
  try {
    return openSync(path, force ? 'w' : 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  }
}

export async function exportRecords(argv: readonly string[], io: RecordsIO, roots: (paths: readonly string[]) => string[]): Promise<number> {
  const { values, positionals } = options(argv, 'export');
  if (values.help) return io.out(exportHelp()), 0;
  if (values.to === undefined) throw new UsageError(l10n.t('export needs --to FILE.xlsx or --to FILE.csv: where to write the records.'));
  const format = formatOf(values.to);
  const target = resolve(io.cwd, values.to);
  const paths = positionals.length ? positionals : ['.'];
  const files = collectFiles(paths, io.cwd, (skipped) => io.err(`fragment-lint: ${skipped}`));
  const schemas = schemaSettings(io.cwd, values.schema);
  assertSchemasUsable([undefined, ...files], schemas);
  const settings = { schema: schemas, fix: 'off' as const, roots: roots(paths) };
  let failures = 0;
  const read: (FileForSheet & { uri: string; ids: FileReport['ids'] })[] = [];
  for (const file of files) {
    const label = displayPath(file, io.cwd);
    // Read once, by the CLI's rules (links, size, encoding): the sheet's values and problems come from the same text.
    const { report, document } = checkFileAndKeep(file, label, settings);
    if (!document) {
      io.err(`fragment-lint: ${l10n.t('{0} {1}; its records are not in the sheet.', visible(label), report.skipped ?? report.unreadable ?? '')}`);
      failures++;
      continue;
    }
    read.push({ label, uri: report.uri, ids: report.ids, schema: schemaForFile(file, schemas), document, diagnostics: report.diagnostics });
  }
  const duplicates = findDuplicateIds(read, schemaForFile(undefined, schemas));
  const sheet = recordsSheet(read.map((file) => ({ ...file, diagnostics: mergeDiagnostics(file.diagnostics, duplicates.get(file.uri) ?? []) })));
  for (const { label, lines } of sheet.leftOut) {
    const where = `${lines.slice(0, 5).join(', ')}${lines.length > 5 ? ', …' : ''}`;
    const said =
      lines.length === 1
        ? l10n.t('{0}: 1 line with text outside any field (line {1}) cannot go in the sheet.', visible(label), where)
        : l10n.t('{0}: {1} lines with text outside any field (line {2}) cannot go in the sheet.', visible(label), lines.length, where);
    io.err(`fragment-lint: ${said}`);
  }
  if (format === 'xlsx') {
    // What an XLSX cell cannot hold would be cut or dropped by the writer: say so instead, and write nothing.
    for (let r = 0; r < sheet.rows.length; r++) {
      const column = sheet.rows[r].findIndex((cell) => cell.length > formats().MAX_CELL_LENGTH || NOT_IN_XML.test(cell));
      if (column < 0) continue;
      const cell = sheet.rows[r][column];
      const why =
        cell.length > formats().MAX_CELL_LENGTH
          ? l10n.t('is longer than the {0} characters an Excel cell holds', formats().MAX_CELL_LENGTH.toLocaleString('en'))
          : l10n.t('holds a control character (U+{0}) an Excel cell cannot hold', (NOT_IN_XML.exec(cell)?.[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0'));
      const where = `${visible(sheet.rows[r][sheet.header.indexOf(FILE_COLUMN)])}:${sheet.rows[r][sheet.header.indexOf(LINE_COLUMN)]}`;
      io.err(`fragment-lint: ${l10n.t('the value of "{0}" in the record at {1} {2}. Export to .csv instead, or change the value. Nothing was written.', sheet.header[column], where, why)}`);
      return 2;
    }
  }
  let fd;
  try {
    fd = create(target, values.force ?? false);
  } catch (error) {
    throw new UsageError(l10n.t('{0} could not be written ({1}).', values.to, (error as NodeJS.ErrnoException).code ?? String(error)));
  }
  if (fd === undefined) throw new UsageError(l10n.t('{0} already exists. Give another name, or --force to replace it.', values.to));
  closeSync(fd);
  await formats().writeSheetFile(target, format, [sheet.header, ...sheet.rows]);
  io.err(l10n.t('Exported {0} from {1} to {2}.', counted.records(sheet.rows.length), counted.files(read.length), visible(values.to)));
  return failures > 0 ? 2 : 0;
}

export async function importRecords(argv: readonly string[], io: RecordsIO, check: (files: string[], schema: string | undefined) => Promise<number>): Promise<number> {
  const { values, positionals } = options(argv, 'import');
  if (values.help) return io.out(importHelp()), 0;
  if (positionals.length !== 1) throw new UsageError(l10n.t('import reads one spreadsheet: fragment-lint import FILE.xlsx --out FOLDER'));
  if (values.out === undefined) throw new UsageError(l10n.t('import needs --out FOLDER: where to write the fragment files.'));
  const [source] = positionals;
  const format = formatOf(source);
  const path = resolve(io.cwd, source);
  const folder = resolve(io.cwd, values.out);
  const schemas = schemaSettings(io.cwd, values.schema);
  const model = join(folder, 'record.fragment'); // the schema of the files to be written: the one their folder has
  assertSchemasUsable([model], schemas);
  const schema = schemaForFile(model, schemas);

  let sheet;
  if (format === 'csv') {
    const read = readText(path);
    if (!read.ok) throw new UsageError(`${source} ${read.reason}`);
    sheet = formats().readCsv(read.text);
  } else {
    const read = readRegularFileSync(path, MAX_FILE_BYTES);
    if (!read.ok) throw new UsageError(`${source} ${read.reason}`);
    try {
      sheet = await formats().readXlsx(read.bytes);
    } catch (error) {
      throw new UsageError(l10n.t('{0} could not be read as an XLSX workbook ({1}).', source, (error as Error).message));
    }
  }
  if (sheet.formulasWithoutValue.length > 0) {
    const cells = sheet.formulasWithoutValue;
    const listed = `${cells.slice(0, 10).join(', ')}${cells.length > 10 ? ', …' : ''}`;
    const said =
      cells.length === 1
        ? l10n.t('{0}: 1 cell holds a formula with no saved result ({1}), so the value is not known. Open the sheet in a spreadsheet program and save it again, or type the values in. Nothing was written.', visible(source), listed)
        : l10n.t('{0}: {1} cells hold a formula with no saved result ({2}), so the value is not known. Open the sheet in a spreadsheet program and save it again, or type the values in. Nothing was written.', visible(source), cells.length, listed);
    io.err(`fragment-lint: ${said}`);
    return 2;
  }
  const [header = [], ...rows] = sheet.rows;
  const mapping = mapHeaders(header, schema, (column) => rows.some((row) => (row[column] ?? '').trim() !== ''));
  if (mapping.problems.length > 0) {
    const lines = header.map((name, i) => {
      const use = mapping.columns[i];
      const read = use.kind !== 'field' ? l10n.t('not used') : schema.byName.has(use.key) ? l10n.t('field {0}', use.key) : l10n.t('field {0} (not in the schema)', use.key);
      return `  ${columnName(i)} "${name}": ${read}`;
    });
    const problems = mapping.problems.map((p) => `  ${p}`).join('\n');
    io.err(`fragment-lint: ${l10n.t('the headers of {0} do not match the schema, so nothing was written:', visible(source))}\n${problems}\n${l10n.t('How the columns were read:')}\n${lines.join('\n')}`);
    return 2;
  }

  mkdirSync(folder, { recursive: true });
  const written: string[] = [];
  const usedNames = new Set<string>();
  let empty = 0;
  let notWritten = 0;
  for (let r = 0; r < rows.length; r++) {
    const rowNumber = r + 2; // as the spreadsheet numbers it, after the header
    if (rows[r].every((cell) => cell.trim() === '')) {
      empty++;
      continue;
    }
    const record = rowRecord(rows[r], mapping, schema);
    if (record.problems.length > 0) {
      for (const p of record.problems) io.err(`fragment-lint: ${l10n.t('{0} row {1}, column {2} ("{3}"): {4}', visible(source), rowNumber, columnName(p.column), header[p.column], p.message)}`);
      notWritten++;
      continue;
    }
    const base = safeFileName(record.id, rowNumber);
    let name = base;
    for (let n = 2; usedNames.has(name.toLowerCase()); n++) name = `${base}-${n}`; // two records with one ID: both kept
    usedNames.add(name.toLowerCase());
    const file = join(folder, `${name}.fragment`);
    const fd = create(file, values.force ?? false);
    if (fd === undefined) {
      io.err(`fragment-lint: ${l10n.t('{0} already exists, so row {1} was not written (use --force to replace it).', visible(displayPath(file, io.cwd)), rowNumber)}`);
      notWritten++;
      continue;
    }
    try {
      writeSync(fd, record.text);
    } finally {
      closeSync(fd);
    }
    written.push(file);
  }
  const skipped = empty === 0 ? '' : `; ${empty === 1 ? l10n.t('1 empty row skipped') : l10n.t('{0} empty rows skipped', empty)}`;
  const notWrittenNote = notWritten === 0 ? '' : `; ${notWritten === 1 ? l10n.t('1 row not written (see above)') : l10n.t('{0} rows not written (see above)', notWritten)}`;
  const wrote = written.length === 1 ? l10n.t('Wrote 1 fragment file to {0}', visible(values.out)) : l10n.t('Wrote {0} fragment files to {1}', written.length, visible(values.out));
  io.err(`${wrote}${skipped}${notWrittenNote}.`);
  const checked = written.length > 0 ? await check(written, values.schema) : 0;
  return notWritten > 0 ? Math.max(checked, 1) : checked;
}
