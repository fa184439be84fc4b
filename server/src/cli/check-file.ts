/** The work on one file, the same on the main thread and in a worker: read, (fix,) check, collect record IDs. */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseWithSchema, recordIds, validateParsed, type FragmentDiagnostic, type RecordId } from '../core';
import { fixText, unifiedDiff } from './fix';
import { readText } from './files';
import { schemaForFile, type SchemaSettings } from './schema';

export type FixMode = 'off' | 'write' | 'dry-run';

/** What every worker needs to check a file as the main thread would. Plain data: it crosses thread boundaries. */
export interface CheckSettings {
  schema: SchemaSettings;
  fix: FixMode;
}

export interface FileReport {
  file: string;
  label: string;
  uri: string;
  /** Why the file was not checked (binary, not UTF-8, unreadable); then there is nothing else. */
  unreadable?: string;
  /** The problems left (after fixing, with --fix and --fix-dry-run). */
  diagnostics: FragmentDiagnostic[];
  ids: RecordId[];
  /** How many problems the safe fixes removed (with --fix and --fix-dry-run). */
  fixesApplied: number;
  /** --fix-dry-run: the changes as a unified diff, when there are any. */
  diff?: string;
  /** --fix: the fixed text could not be written back. */
  writeError?: string;
}

export function checkFile(file: string, label: string, settings: CheckSettings): FileReport {
  const uri = pathToFileURL(file).href;
  const report: FileReport = { file, label, uri, diagnostics: [], ids: [], fixesApplied: 0 };
  const read = readText(file);
  if (!read.ok) return { ...report, unreadable: read.reason };
  const schema = schemaForFile(file, settings.schema);
  const check = (text: string) => validateParsed(parseWithSchema(text, schema), { schema, uri });

  let text = read.text;
  if (settings.fix !== 'off') {
    const fixed = fixText(text, check(text), schema);
    if (fixed.text !== text) {
      report.fixesApplied = fixed.fixed;
      if (settings.fix === 'dry-run') {
        report.diff = unifiedDiff(label, text, fixed.text);
      } else {
        try {
          writeFileSync(file, read.bom ? `\uFEFF${fixed.text}` : fixed.text, 'utf8');
        } catch (error) {
          report.writeError = `could not be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
        }
      }
      text = fixed.text;
    }
  }
  const document = parseWithSchema(text, schema);
  report.diagnostics = validateParsed(document, { schema, uri });
  report.ids = recordIds(document, schema);
  return report;
}
