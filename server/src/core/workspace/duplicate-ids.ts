/**
 * Workspace check: a FragmentID used by two records, in one file or across files. Pure: the caller collects each
 * file's record IDs (`recordIds`), this module compares them. Used by the CLI and by the server's workspace index.
 */
import * as l10n from '@vscode/l10n';
import type { DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';
import { listOf, Severity, quote, type FragmentDiagnostic } from '../diagnostic';
import { directed } from '../l10n';
import { DIAGNOSTIC_SOURCE } from '../diagnostic-codes';
import { ruleDocs } from '../diagnostic-docs';
import { containsMarkerToken } from '../grammar';
import { fieldValue, valueRange, type ParsedDocument } from '../parser';
import { getDefaultSchema } from '../schema/compile';
import { severityOf, type Schema } from '../schema/model';

/** What the duplicate-ID check looks for, in one sentence in the person's language, like every rule's `describe`. */
export const describeDuplicateIds = () => l10n.t('A FragmentID used by two records, in one file or across files (redacted IDs are not compared).');

/** One record's ID as written: enough to compare and to point at, without keeping the whole parse. */
export interface RecordId {
  value: string;
  /** The ID's value range (where the warning goes). */
  range: Range;
}

export interface FileIds {
  uri: string;
  /** How the file is named in messages (a path relative to the folder checked); the URI's last segment if absent. */
  label?: string;
  ids: readonly RecordId[];
}

/** Places named in one message; the rest are counted, and all of them (up to the cap) are in related information. */
const NAMED_IN_MESSAGE = 3;
const MAX_RELATED = 20;

/** The IDs of the records of a parsed file: the value of each record's first field when it is the record-start key. */
export function recordIds(document: ParsedDocument, schema: Schema): RecordId[] {
  const startKeys = new Set([schema.recordStart, ...(schema.byName.get(schema.recordStart)?.aliases ?? [])]);
  const ids: RecordId[] = [];
  for (const record of document.records) {
    const first = record.fields[0];
    if (first && startKeys.has(first.key)) ids.push({ value: fieldValue(first), range: valueRange(first) });
  }
  return ids;
}

/** Whether an ID takes part in the comparison: not empty and not redacted. */
export function isComparableId(value: string, schema?: Schema): boolean {
  if (value.trim() === '') return false;
  // `<redacted>`, `<LOC>`, `<Persn>`: an ID with a marker in it was blanked before sharing, so equal ones mean nothing.
  if (containsMarkerToken(value)) return false;
  return !(schema?.markers.some((marker) => value.includes(marker.text)) ?? false);
}

/**
 * Returns, per file URI, a `duplicate-id` warning on every record whose ID another record also uses, naming the
 * other places. Files without duplicates get no entry. The schema may change the severity (or switch the check
 * off) through the record-start field's `severity` map, as for every other code.
 */
export function findDuplicateIds(files: readonly FileIds[], schema?: Schema): Map<string, FragmentDiagnostic[]> {
  const override = schema?.byName.get(schema.recordStart)?.severity['duplicate-id'];
  // The ID's field as the schema names it (the record-start role): "The FragmentID …" with the built-in schema.
  const idField = (schema ?? getDefaultSchema()).recordStart;
  const severity = override ? severityOf(override) : Severity.Warning;
  const result = new Map<string, FragmentDiagnostic[]>();
  if (severity === undefined) return result;

  const places = new Map<string, { file: FileIds; id: RecordId }[]>();
  for (const file of files) {
    for (const id of file.ids) {
      const value = id.value.trim();
      if (!isComparableId(value, schema)) continue;
      let list = places.get(value);
      if (!list) places.set(value, (list = []));
      list.push({ file, id });
    }
  }

  for (const [value, list] of places) {
    if (list.length < 2) continue;
    // Whatever order the files came in (a background scan reads them as they come), messages name places the same way.
    list.sort((a, b) => (a.file.uri < b.file.uri ? -1 : a.file.uri > b.file.uri ? 1 : a.id.range.start.line - b.id.range.start.line));
    for (const here of list) {
      // Records of the same file first, then the other files. Only the first few are named, so a thousand copies of
      // one ID cost linear work, not quadratic.
      const others: typeof list = [];
      for (const pass of [true, false]) {
        for (const other of list) {
          if (others.length === MAX_RELATED) break;
          if (other !== here && (other.file.uri === here.file.uri) === pass) others.push(other);
        }
      }
      const diagnostic: FragmentDiagnostic = {
        range: here.id.range,
        severity,
        code: 'duplicate-id',
        codeDescription: ruleDocs('duplicate-id'),
        source: DIAGNOSTIC_SOURCE,
        message: directed(l10n.t('The {0} {1} is also used by {2}. Each record needs its own ID.', idField, quote(value), describe(others, list.length - 1, here.file))),
        data: { fix: 'none' },
        relatedInformation: others.map(
          (other): DiagnosticRelatedInformation => ({
            location: { uri: other.file.uri, range: other.id.range },
            message: directed(l10n.t('The same {0} {1} is used here.', idField, quote(value))),
          }),
        ),
      };
      let forFile = result.get(here.file.uri);
      if (!forFile) result.set(here.file.uri, (forFile = []));
      forFile.push(diagnostic);
    }
  }
  for (const diagnostics of result.values()) diagnostics.sort((a, b) => a.range.start.line - b.range.start.line);
  return result;
}

/** "the record at line 12", "the record at line 3 of reports/b.fragment", "… and 4 other records". */
function describe(others: readonly { file: FileIds; id: RecordId }[], total: number, self: FileIds): string {
  const named = others.slice(0, NAMED_IN_MESSAGE).map((other) => {
    const line = other.id.range.start.line + 1;
    return other.file.uri === self.uri ? l10n.t('the record at line {0}', line) : l10n.t('the record at line {0} of {1}', line, labelOf(other.file));
  });
  const rest = total - named.length;
  if (rest > 0) return l10n.t('{0} and {1}', named.join(l10n.t(', ')), rest === 1 ? l10n.t('1 other record') : l10n.t('{0} other records', rest));
  return listOf(named, 'and');
}

function labelOf(file: FileIds): string {
  return file.label || uriFileName(file.uri);
}

/** A URI's last path segment, decoded; as it is written when its percent-encoding is broken (`a%E0%A4%A.fragment`). */
export function uriFileName(uri: string): string {
  const path = uri.split(/[?#]/)[0];
  const segment = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
