/**
 * The records table (VS Code's "Show Records Table"): a parsed document, its schema and its diagnostics become one
 * row per record, with the value of each schema field and the record's problems. Pure, so the server and any other
 * caller build the same rows.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { fieldValue, type ParsedDocument } from '../parser';
import { localised } from '../l10n';
import { fold } from '../schema/compile';
import type { FieldKind, Schema } from '../schema/model';

/** A column of the table: one schema field, in schema order. */
export interface RecordsColumn {
  key: string;
  kind: FieldKind;
  /** The field's list of values (closed, open and multi fields); empty for the other kinds. */
  values: string[];
  /** multi: what joins the choices. */
  separator: string;
  description: string;
}

export interface RecordProblem {
  /** Zero-based, as in LSP. */
  line: number;
  character: number;
  /** LSP severity: 1 error, 2 warning, 3 information, 4 hint. */
  severity: number;
  code: string;
  message: string;
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
  /** Information and hints. */
  notes: number;
}

export interface RecordRow {
  uri: string;
  /** Zero-based line of the record's first field. */
  line: number;
  /** Values by schema key, as written (multi-line values joined with a line break); a field the record lacks is absent. */
  values: Record<string, string>;
  counts: ProblemCounts;
  problems: RecordProblem[];
}

export function recordsTableColumns(schema: Schema): RecordsColumn[] {
  return [...schema.fields]
    .sort((a, b) => a.order - b.order)
    .map((field) => ({
      key: field.key,
      kind: field.kind,
      values: field.values.map((v) => v.value),
      separator: field.separator,
      description: localised(field.description),
    }));
}

/**
 * One row per record of `document`. A field written under an alias or in other letter case counts as its schema key;
 * when a record has a field twice, the first one's value is shown (the duplicate-field problem says so). Problems
 * above the first record belong to the first record; a file with no records gives no rows.
 */
export function recordsTableRows(document: ParsedDocument, schema: Schema, diagnostics: readonly Diagnostic[], uri: string): RecordRow[] {
  const rows: RecordRow[] = document.records.map((record) => {
    const values: Record<string, string> = {};
    for (const field of record.fields) {
      const spec = schema.byName.get(field.key) ?? schema.byFoldedName.get(fold(field.key));
      if (spec && !(spec.key in values)) values[spec.key] = fieldValue(field);
    }
    return { uri, line: record.fields[0]?.line ?? record.startLine, values, counts: { errors: 0, warnings: 0, notes: 0 }, problems: [] };
  });
  if (rows.length === 0) return rows;
  for (const diagnostic of diagnostics) {
    const { line, character } = diagnostic.range.start;
    const row = rows[recordAt(document, line)];
    const severity = diagnostic.severity ?? 1;
    if (severity === 1) row.counts.errors++;
    else if (severity === 2) row.counts.warnings++;
    else row.counts.notes++;
    row.problems.push({ line, character, severity, code: String(diagnostic.code ?? ''), message: typeof diagnostic.message === 'string' ? diagnostic.message : String(diagnostic.message) });
  }
  for (const row of rows) row.problems.sort((a, b) => a.severity - b.severity || a.line - b.line || a.character - b.character);
  return rows;
}

/** The index of the record that holds `line`: the last one starting at or before it, else the first. */
function recordAt(document: ParsedDocument, line: number): number {
  const records = document.records;
  let low = 0;
  let high = records.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (records[middle].startLine <= line) low = middle;
    else high = middle - 1;
  }
  return low;
}
