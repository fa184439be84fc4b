/**
 * `fragment-lint export` and `fragment-lint import`: records to a spreadsheet (CSV or XLSX) and back. The table
 * itself is core/records-sheet.ts; the file formats are in spreadsheet-files.ts, loaded only here.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { columnName, FILE_COLUMN, findDuplicateIds, LINE_COLUMN, mapHeaders, mergeDiagnostics, parseWithSchema, recordsSheet, rowRecord, safeFileName, type FileForSheet } from '../core';
import { readRegularFileSync } from '../host/node-read';
import { checkFile } from './check-file';
import { collectFiles, displayPath, MAX_FILE_BYTES, readText } from './files';
import { plural, visible } from './formats/format';
import { UsageError } from './options';
import { assertSchemasUsable, schemaForFile, schemaSettings } from './schema';
import type * as SpreadsheetFiles from './spreadsheet-files';

export interface RecordsIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export const EXPORT_HELP = `Usage: fragment-lint export --to FILE.xlsx|FILE.csv [files, folders or globs...]

Writes one row per record: the schema's fields in schema order, then fields the
schema does not know, then (file), (line), (errors), (warnings) and (notes).
Options: --schema FILE, --force (replace FILE if it exists).`;

export const IMPORT_HELP = `Usage: fragment-lint import FILE.xlsx|FILE.csv --out FOLDER

Writes one fragment file per row into FOLDER, named by its FragmentID, then checks
the files written. An existing file is never replaced unless --force is given.
Options: --schema FILE, --force.`;

/** Characters XML 1.0, and so an XLSX file, cannot hold: control characters other than tab and line breaks, lone surrogates, U+FFFE and U+FFFF. */
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The format libraries, loaded on the first export or import (a separate bundle: dist/lazy/spreadsheet-files.js). */
function formats(): typeof SpreadsheetFiles {
  return require('./spreadsheet-files') as typeof SpreadsheetFiles;
}

function formatOf(path: string): 'csv' | 'xlsx' {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.xlsx') return ext.slice(1) as 'csv' | 'xlsx';
  throw new UsageError(`${path} is not a .csv or .xlsx file: name the spreadsheet with one of those endings.`);
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
    if (parsed.values[wrong] !== undefined) throw new UsageError(`--${wrong} goes with ${command === 'export' ? 'import' : 'export'}, not ${command}.`);
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${(error as Error).message.replace(/\. To specify.*$/s, '.')} Run fragment-lint export --help or fragment-lint import --help for usage.`);
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
  if (values.help) return io.out(EXPORT_HELP), 0;
  if (values.to === undefined) throw new UsageError('export needs --to FILE.xlsx or --to FILE.csv: where to write the records.');
  const format = formatOf(values.to);
  const target = resolve(io.cwd, values.to);
  const paths = positionals.length ? positionals : ['.'];
  const files = collectFiles(paths, io.cwd, (skipped) => io.err(`fragment-lint: ${skipped}`));
  const schemas = schemaSettings(io.cwd, values.schema);
  assertSchemasUsable([undefined, ...files], schemas);
  const settings = { schema: schemas, fix: 'off' as const, roots: roots(paths) };
  let failures = 0;
  const read: (FileForSheet & { uri: string; ids: ReturnType<typeof checkFile>['ids'] })[] = [];
  for (const file of files) {
    const label = displayPath(file, io.cwd);
    const report = checkFile(file, label, settings); // reads the file by the CLI's rules (links, size, encoding)
    const text = report.unreadable || report.skipped ? undefined : readText(file);
    if (!text?.ok) {
      io.err(`fragment-lint: ${visible(label)} ${report.skipped ?? report.unreadable ?? (text && !text.ok ? text.reason : '')}; its records are not in the sheet.`);
      failures++;
      continue;
    }
    const schema = schemaForFile(file, schemas);
    read.push({ label, uri: report.uri, ids: report.ids, schema, document: parseWithSchema(text.text, schema), diagnostics: report.diagnostics });
  }
  const duplicates = findDuplicateIds(read, schemaForFile(undefined, schemas));
  const sheet = recordsSheet(read.map((file) => ({ ...file, diagnostics: mergeDiagnostics(file.diagnostics, duplicates.get(file.uri) ?? []) })));
  for (const { label, lines } of sheet.leftOut) {
    io.err(`fragment-lint: ${visible(label)}: ${plural(lines.length, 'line')} with text outside any field (line ${lines.slice(0, 5).join(', ')}${lines.length > 5 ? ', …' : ''}) cannot go in the sheet.`);
  }
  if (format === 'xlsx') {
    // What an XLSX cell cannot hold would be cut or dropped by the writer: say so instead, and write nothing.
    for (let r = 0; r < sheet.rows.length; r++) {
      const column = sheet.rows[r].findIndex((cell) => cell.length > formats().MAX_CELL_LENGTH || NOT_IN_XML.test(cell));
      if (column < 0) continue;
      const cell = sheet.rows[r][column];
      const why = cell.length > formats().MAX_CELL_LENGTH ? `is longer than the ${formats().MAX_CELL_LENGTH.toLocaleString('en')} characters an Excel cell holds` : `holds a control character (U+${(NOT_IN_XML.exec(cell)?.[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}) an Excel cell cannot hold`;
      io.err(`fragment-lint: the value of "${sheet.header[column]}" in the record at ${visible(sheet.rows[r][sheet.header.indexOf(FILE_COLUMN)])}:${sheet.rows[r][sheet.header.indexOf(LINE_COLUMN)]} ${why}. Export to .csv instead, or change the value. Nothing was written.`);
      return 2;
    }
  }
  let fd;
  try {
    fd = create(target, values.force ?? false);
  } catch (error) {
    throw new UsageError(`${values.to} could not be written (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  if (fd === undefined) throw new UsageError(`${values.to} already exists. Give another name, or --force to replace it.`);
  closeSync(fd);
  await formats().writeSheetFile(target, format, [sheet.header, ...sheet.rows]);
  io.err(`Exported ${plural(sheet.rows.length, 'record')} from ${plural(read.length, 'file')} to ${visible(values.to)}.`);
  return failures > 0 ? 2 : 0;
}

export async function importRecords(argv: readonly string[], io: RecordsIO, check: (files: string[], schema: string | undefined) => Promise<number>): Promise<number> {
  const { values, positionals } = options(argv, 'import');
  if (values.help) return io.out(IMPORT_HELP), 0;
  if (positionals.length !== 1) throw new UsageError('import reads one spreadsheet: fragment-lint import FILE.xlsx --out FOLDER');
  if (values.out === undefined) throw new UsageError('import needs --out FOLDER: where to write the fragment files.');
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
      throw new UsageError(`${source} could not be read as an XLSX workbook (${(error as Error).message}).`);
    }
  }
  if (sheet.formulasWithoutValue.length > 0) {
    const cells = sheet.formulasWithoutValue;
    io.err(`fragment-lint: ${visible(source)}: ${plural(cells.length, 'cell')} ${cells.length === 1 ? 'holds' : 'hold'} a formula with no saved result (${cells.slice(0, 10).join(', ')}${cells.length > 10 ? ', …' : ''}), so the value is not known. Open the sheet in a spreadsheet program and save it again, or type the values in. Nothing was written.`);
    return 2;
  }
  const [header = [], ...rows] = sheet.rows;
  const mapping = mapHeaders(header, schema, (column) => rows.some((row) => (row[column] ?? '').trim() !== ''));
  if (mapping.problems.length > 0) {
    const lines = header.map((name, i) => {
      const use = mapping.columns[i];
      return `  ${columnName(i)} "${name}": ${use.kind === 'field' ? (schema.byName.has(use.key) ? `field ${use.key}` : `field ${use.key} (not in the schema)`) : 'not used'}`;
    });
    io.err(`fragment-lint: the headers of ${visible(source)} do not match the schema, so nothing was written:\n${mapping.problems.map((p) => `  ${p}`).join('\n')}\nHow the columns were read:\n${lines.join('\n')}`);
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
      for (const p of record.problems) io.err(`fragment-lint: ${visible(source)} row ${rowNumber}, column ${columnName(p.column)} ("${header[p.column]}"): ${p.message}`);
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
      io.err(`fragment-lint: ${visible(displayPath(file, io.cwd))} already exists, so row ${rowNumber} was not written (use --force to replace it).`);
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
  const skipped = empty > 0 ? `; ${plural(empty, 'empty row')} skipped` : '';
  io.err(`Wrote ${plural(written.length, 'fragment file')} to ${visible(values.out)}${skipped}${notWritten > 0 ? `; ${plural(notWritten, 'row')} not written (see above)` : ''}.`);
  const checked = written.length > 0 ? await check(written, values.schema) : 0;
  return notWritten > 0 ? Math.max(checked, 1) : checked;
}
