/**
 * Accepted findings: a review file (`fragment-review.json`) beside the records lists findings that reviewers accept
 * without switching a rule off for everyone (an old export that keeps its spelling, a value the team agreed on).
 * Comments inside records would corrupt exports, so the file lives apart, as ESLint's bulk suppressions do.
 *
 * An entry names a finding by the record's FragmentID (or, for a record without a usable one, the file and line), the
 * diagnostic code, and the value accepted: the text the finding is about. A finding whose value changes is no longer
 * accepted. Values that may be confidential (a personal detail, a sentence of the record, anything long) are kept as
 * a digest, so the review file never copies them. Pure: text in, data out; the CLI reads and writes the file.
 */
import * as l10n from '@vscode/l10n';
import { isComparableId } from './workspace/duplicate-ids';
import { fieldValue, type ParsedDocument } from './parser';
import type { FragmentDiagnostic } from './diagnostic';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from './diagnostic-codes';
import type { Schema } from './schema/model';

export const REVIEW_FILE_NAME = 'fragment-review.json';
export const REVIEW_SCHEMA_URL = 'https://fragment-tools.github.io/schemas/fragment-review.schema.json';

/** One finding, named so that it can be found again in a later run. */
export interface FindingKey {
  code: DiagnosticCode;
  /** The record's FragmentID, when it has one that names it alone (not empty, not redacted). */
  fragmentId?: string;
  /** 1-based line of the finding; it names the finding only when there is no FragmentID. */
  line: number;
  /** The text accepted, or its digest (`digest:…`). */
  value: string;
}

export interface ReviewEntry {
  fragmentId?: string;
  /** With `line`, for records without a FragmentID: the path from the review file's folder, with `/`. */
  file?: string;
  line?: number;
  code: DiagnosticCode;
  value: string;
  acceptedBy: string;
  reason: string;
}

export interface ReviewFile {
  entries: ReviewEntry[];
}

/** Codes that say something about the run, not about a record: never accepted. */
const NOT_ACCEPTABLE: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>(['too-many-problems', 'file-too-large']);
/** Codes whose text is the record's own words or a personal detail: kept as a digest. */
const DIGESTED: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>(['pii', 'text-after-value']);
const MAX_CLEAR_VALUE = 80;

/**
 * The key of each diagnostic of a parsed file, in the same order (undefined for findings that cannot be accepted).
 * `recordStartKeys`: the keys that start a record (the schema's FragmentID and its aliases).
 */
export function findingKeys(document: ParsedDocument, diagnostics: readonly FragmentDiagnostic[], schema: Schema): (FindingKey | undefined)[] {
  const startKeys = new Set([schema.recordStart, ...(schema.byName.get(schema.recordStart)?.aliases ?? [])]);
  const { records } = document;
  return diagnostics.map((diagnostic) => {
    if (NOT_ACCEPTABLE.has(diagnostic.code)) return undefined;
    const line = diagnostic.range.start.line;
    // The record the finding is in: the last one that starts on or before its line (records are in order).
    let low = 0;
    let high = records.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (records[middle].startLine <= line) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    const first = found >= 0 && line <= records[found].endLine ? records[found].fields[0] : undefined;
    const id = first && startKeys.has(first.key) ? fieldValue(first).trim() : '';
    const fragmentId = isComparableId(id, schema) ? id : undefined;
    return { code: diagnostic.code, ...(fragmentId ? { fragmentId } : {}), line: line + 1, value: acceptedValue(diagnostic, document.lines) };
  });
}

/** The key of a duplicate-id warning, which is worked out across files: its value is the ID itself. */
export function duplicateIdKey(id: string, line: number): FindingKey {
  return { code: 'duplicate-id', fragmentId: id.trim(), line: line + 1, value: storedValue('duplicate-id', id.trim()) };
}

function acceptedValue(diagnostic: FragmentDiagnostic, lines: readonly string[]): string {
  // A missing-field problem is about the fields it names, not the text it is shown on.
  if (diagnostic.data.fix === 'insert-fields') return diagnostic.data.keys.join(', ');
  const { start, end } = diagnostic.range;
  let text: string;
  if (start.line === end.line) text = (lines[start.line] ?? '').slice(start.character, end.character);
  else {
    const parts = [(lines[start.line] ?? '').slice(start.character)];
    for (let l = start.line + 1; l < end.line; l++) parts.push(lines[l] ?? '');
    parts.push((lines[end.line] ?? '').slice(0, end.character));
    text = parts.join('\n');
  }
  return storedValue(diagnostic.code, text);
}

function storedValue(code: DiagnosticCode, text: string): string {
  return DIGESTED.has(code) || text.length > MAX_CLEAR_VALUE || text.startsWith('digest:') ? `digest:${digest(text)}` : text;
}

/**
 * A 53-bit digest of a value (cyrb53): enough to notice that a value changed, and it does not give the value back.
 * Not a security measure: the records themselves sit beside the file. Plain JavaScript, so the core needs no Node.
 */
function digest(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** A finding as the review file names it: `file` is the finding's path from the review file's folder. */
export interface LocatedFinding extends FindingKey {
  file: string;
}

function matches(entry: ReviewEntry, finding: LocatedFinding): boolean {
  if (entry.code !== finding.code || entry.value !== finding.value) return false;
  if (finding.fragmentId !== undefined) return entry.fragmentId === finding.fragmentId;
  return entry.fragmentId === undefined && entry.file === finding.file && entry.line === finding.line;
}

export interface ReviewOutcome {
  /** For each finding, the entry that accepts it (undefined: not accepted). */
  acceptedBy: (ReviewEntry | undefined)[];
  /** The entries that accept no finding of this run. */
  unused: ReviewEntry[];
}

/** Which findings the review accepts. Findings that cannot be accepted are passed as undefined. */
export function applyReview(review: ReviewFile, findings: readonly (LocatedFinding | undefined)[]): ReviewOutcome {
  const byId = new Map<string, ReviewEntry[]>();
  const byPlace = new Map<string, ReviewEntry[]>();
  for (const entry of review.entries) {
    const bucket = entry.fragmentId !== undefined ? byId : byPlace;
    const name = entry.fragmentId ?? `${entry.file}\n${entry.line}`;
    bucket.set(name, [...(bucket.get(name) ?? []), entry]);
  }
  const used = new Set<ReviewEntry>();
  const acceptedBy = findings.map((finding) => {
    if (!finding) return undefined;
    const candidates = finding.fragmentId !== undefined ? byId.get(finding.fragmentId) : byPlace.get(`${finding.file}\n${finding.line}`);
    const entry = candidates?.find((e) => matches(e, finding));
    if (entry) used.add(entry);
    return entry;
  });
  return { acceptedBy, unused: review.entries.filter((entry) => !used.has(entry)) };
}

/** The entry that accepts a finding; who and why are the reviewer's words, left empty when not given. */
export function entryFor(finding: LocatedFinding, acceptedBy = '', reason = ''): ReviewEntry {
  return {
    ...(finding.fragmentId !== undefined ? { fragmentId: finding.fragmentId } : { file: finding.file, line: finding.line }),
    code: finding.code,
    value: finding.value,
    acceptedBy,
    reason,
  };
}

/** The entries of both, each finding once (the existing entry kept, with its who and why). */
export function mergeEntries(existing: readonly ReviewEntry[], added: readonly ReviewEntry[]): ReviewEntry[] {
  const seen = new Set(existing.map(identity));
  const merged = [...existing];
  for (const entry of added) {
    if (seen.has(identity(entry))) continue;
    seen.add(identity(entry));
    merged.push(entry);
  }
  return merged;
}

function identity(entry: ReviewEntry): string {
  return JSON.stringify([entry.fragmentId ?? null, entry.fragmentId === undefined ? entry.file : null, entry.fragmentId === undefined ? entry.line : null, entry.code, entry.value]);
}

/** The file's text: entries sorted by record, then code, so that a change reads well in a diff. */
export function serializeReview(review: ReviewFile): string {
  const sortKey = (e: ReviewEntry) => [e.fragmentId ?? '', e.file ?? '', String(e.line ?? 0).padStart(9, '0'), e.code, e.value];
  const entries = [...review.entries].sort((a, b) => {
    const x = sortKey(a);
    const y = sortKey(b);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return 0;
  });
  return `${JSON.stringify({ $schema: REVIEW_SCHEMA_URL, accepted: entries }, null, 2)}\n`;
}

/** Reads a review file; throws an Error whose message says, in plain words, what is wrong. */
export function parseReview(text: string): ReviewFile {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(l10n.t('it is not valid JSON ({0})', (error as Error).message));
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(l10n.t('it must hold a JSON object with an "accepted" list'));
  const accepted = (data as { accepted?: unknown }).accepted;
  if (accepted === undefined) return { entries: [] };
  if (!Array.isArray(accepted)) throw new Error(l10n.t('"accepted" must be a list'));
  const codes = new Set<string>(DIAGNOSTIC_CODES);
  const entries = accepted.map((item: unknown, i): ReviewEntry => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new Error(l10n.t('entry {0} of "accepted" must be an object', i + 1));
    const e = item as Record<string, unknown>;
    const text = (name: string, required: boolean) => {
      if (e[name] === undefined && !required) return undefined;
      if (typeof e[name] !== 'string') throw new Error(l10n.t('entry {0} of "accepted" needs "{1}" as text', i + 1, name));
      return e[name] as string;
    };
    const code = text('code', true) as string;
    if (!codes.has(code)) throw new Error(l10n.t('entry {0} of "accepted" has the code "{1}", which is not a fragments diagnostic code', i + 1, code));
    const value = text('value', true) as string;
    const fragmentId = text('fragmentId', false);
    const file = text('file', false);
    const line = e.line;
    if (fragmentId === undefined && (file === undefined || !Number.isSafeInteger(line) || (line as number) < 1)) {
      throw new Error(l10n.t('entry {0} of "accepted" needs a "fragmentId", or a "file" and a "line" (a whole number from 1)', i + 1));
    }
    return {
      ...(fragmentId !== undefined ? { fragmentId } : { file, line: line as number }),
      code: code as DiagnosticCode,
      value,
      acceptedBy: text('acceptedBy', false) ?? '',
      reason: text('reason', false) ?? '',
    };
  });
  return { entries };
}
