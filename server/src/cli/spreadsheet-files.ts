/**
 * Reading and writing sheets as CSV or XLSX files. Loaded only by `fragment-lint export` and `import` (it is
 * bundled as dist/lazy/spreadsheet-files.js; see scripts/build.mjs), so a plain check never loads the libraries.
 */
import { writeFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { unzipSync, strFromU8 } from 'fflate';

export type SheetFormat = 'csv' | 'xlsx';

export interface ReadSheet {
  rows: string[][];
  /** Cells that hold a formula without a saved result (or with an error as result): `B7`. Their value is unknown. */
  formulasWithoutValue: string[];
}

/** Excel's limit on the text of one cell. */
export const MAX_CELL_LENGTH = 32_767;

/** The rows of a CSV file's text (CSV has no formulas: `=A1` is text there). */
export function readCsv(text: string): ReadSheet {
  return { rows: parseCsv(text, { relax_column_count: true, skip_empty_lines: false }) as string[][], formulasWithoutValue: [] };
}

/** The rows of an XLSX file's first sheet. */
export async function readXlsx(bytes: Buffer): Promise<ReadSheet> {
  const { readSheet } = await import('read-excel-file/node'); // an ES module: TypeScript's CommonJS output cannot import it statically
  // trim: false, because white space is part of the text; the import trims values as the parser does.
  const data = await readSheet(bytes, 1, { trim: false });
  return { rows: data.map((row) => row.map(cellText)), formulasWithoutValue: formulasWithoutValue(bytes) };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().replace(/T00:00:00\.000Z$/, '');
  return String(value);
}

/**
 * The first sheet's cells with a formula (`<f>`) and no saved value (`<v>`), or an error as value (`t="e"`). The
 * reader would take them as empty; the import names them instead, and never works a formula out itself.
 */
function formulasWithoutValue(bytes: Buffer): string[] {
  const files = unzipSync(bytes, { filter: (file) => file.name === 'xl/worksheets/sheet1.xml' });
  const sheet = files['xl/worksheets/sheet1.xml'];
  if (!sheet) return [];
  const xml = strFromU8(sheet);
  if (!xml.includes('<f')) return [];
  const cells: string[] = [];
  for (const match of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [, attributes, inner = ''] = match;
    if (!/<f[\s>/]/.test(inner)) continue;
    if (!/<v[\s>]/.test(inner) || /\bt="e"/.test(attributes)) cells.push(/\br="([A-Z]+\d+)"/.exec(attributes)?.[1] ?? '?');
  }
  return cells;
}

export async function writeSheetFile(path: string, format: SheetFormat, rows: readonly string[][]): Promise<void> {
  if (format === 'csv') {
    // A byte-order mark, so that Excel reads the file as UTF-8; CRLF between rows, as RFC 4180 has it.
    writeFileSync(path, `\uFEFF${stringifyCsv(rows as string[][], { record_delimiter: 'windows' })}`);
    return;
  }
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  await writeXlsxFile(rows.map((row) => row.map((value) => ({ type: String, value }))), { sheet: 'Records' }).toFile(path);
}
