/**
 * What the features see of an open document: its text up to the size limit, its diagnostics kept per record (an edit
 * re-checks the records it touched, see core/record-checks.ts), and a parse made when a feature first asks for it in
 * this version, shared by every request on the same keystroke.
 */
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { checkedPart, MAX_CHECKED_CHARACTERS, MAX_DIAGNOSTICS, parseWithSchema, type FragmentDiagnostic, type ParsedDocument, type RecordId, type Schema } from '../core';
import { RecordChecks, type TextChange, type TextSource } from '../core';
import { PiecedDocument } from './pieced-document';
import type { ServerState } from '../state';

export interface DocumentView {
  schema: Schema;
  /**
   * The checked text: the whole document unless it is over the size limit. Joined on first use: features that need it
   * whole (fix-all, formatting, the outline of a short file) ask for it, a keystroke does not.
   */
  readonly text: string;
  /**
   * The checked text's first `end` characters, cut from the pieces without joining the rest: the outline and folding
   * of a large file read only its first records.
   */
  textBefore(end: number): string;
  /** The checked text parsed (made on first use). */
  readonly parsed: ParsedDocument;
  /**
   * At least the first `count` records parsed, for features that show only the first records (folding): the largest
   * such parse of this version is kept, so folding asked again parses once; the whole parse once there is one.
   */
  parsedFirst(count: number): ParsedDocument;
  /**
   * The outline of the first records within `maxItems` entries, and where the first record left out starts: made from
   * each record's entry kept across versions (core/record-checks.ts), so an edit costs the records it touched.
   */
  outline(maxItems: number): { symbols: DocumentSymbol[]; cutLine: number | undefined };
  /**
   * For features that look at one record (hover, completion): a parse that holds the record at `line` at its place
   * and blank lines before it, without parsing a file of many records whole on each keystroke; the whole parse when
   * the file has a single record or the line is not inside one.
   */
  parsedAround(line: number): ParsedDocument;
  /** Set when only part of the document is checked; whole-file edits (fix-all, formatting, sorting) are then off. */
  truncated?: FragmentDiagnostic;
  /** The core's diagnostics for the checked text. */
  diagnostics(): FragmentDiagnostic[];
  /** How many records the checked text holds, without parsing it whole. */
  recordCount(): number;
  /** Where record `index` starts in the text (the text's length past the last record), without parsing it whole. */
  recordOffset(index: number): number;
  /** The records' IDs, and a number that changes whenever they (or their lines) may have changed. */
  recordIds(): RecordId[];
  idsGeneration(): number;
}

/**
 * The text of a document's current version, without joining it when it is one of the server's pieced documents.
 */
function textOf(document: TextDocument): TextSource {
  return document instanceof PiecedDocument ? document.text : document.getText();
}

/**
 * The editor's changes per document since the version its checks last saw, recorded as `TextDocuments` applies them
 * (server.ts creates its documents with `TRACKED_DOCUMENTS`). Without them an edit could only be found by comparing
 * the whole old and new text.
 */
interface ChangeLog {
  since: number;
  changes: TextChange[];
}
const changeLogs = new WeakMap<TextDocument, ChangeLog>();
/** A document nobody checks (validation off) does not collect changes forever: past this many it starts afresh. */
const MAX_LOGGED_CHANGES = 10_000;

export const TRACKED_DOCUMENTS: TextDocumentsConfiguration<PiecedDocument> = {
  create: (uri, languageId, version, content) => new PiecedDocument(uri, languageId, version, content),
  update(document, changes, version) {
    let log = changeLogs.get(document);
    if (!log) changeLogs.set(document, (log = { since: document.version, changes: [] }));
    // One change at a time, so each change's offsets are read from the text the previous one left.
    for (const change of changes) {
      log.changes.push(offsetsOf(document, change));
      document.update([change], version);
    }
    if (log.changes.length > MAX_LOGGED_CHANGES) changeLogs.delete(document);
    return document;
  },
};

function offsetsOf(document: TextDocument, change: TextDocumentContentChangeEvent): TextChange {
  if (!('range' in change)) return { from: 0, to: textOf(document).length, length: change.text.length };
  const from = document.offsetAt(change.range.start);
  const to = Math.max(from, document.offsetAt(change.range.end));
  return { from, to, length: change.text.length };
}

export interface Kept {
  schema: Schema;
  version: number;
  checks: RecordChecks;
  view: DocumentView;
}

/**
 * What is kept of the most recently used documents. Its per-record results are what makes an edit cheap, but a document
 * nobody is looking at can be checked afresh when it is looked at again, so only the recent ones are kept.
 */
const RECENT_VIEWS = 32;
/** The kept views, in the order of use (oldest first); one per server state (`state.checkedViews`). */
export type CheckedViews = Map<TextDocument, Kept>;

export function documentView(state: ServerState, document: TextDocument): DocumentView {
  const schema = state.schemas.schemaFor(document.uri);
  const recent = state.checkedViews;
  const kept = recent.get(document);
  if (kept) recent.delete(document); // re-inserted below: the Map's order is the order of use
  if (kept && kept.version === document.version && kept.schema === schema) {
    recent.set(document, kept);
    return kept.view;
  }
  // Only a file over the size limit is read whole here: joining a 4.8 MB text cost ~20 ms a keystroke (issue 13).
  const whole = textOf(document);
  const { text, note } = whole.length <= MAX_CHECKED_CHARACTERS ? { text: whole, note: undefined } : checkedPart(String(whole), schema.recordStart);
  let checks: RecordChecks;
  const log = changeLogs.get(document);
  if (kept && kept.schema === schema && !note && !kept.view.truncated && log?.since === kept.version) {
    checks = kept.checks;
    checks.edit(log.changes, text);
  } else {
    checks = new RecordChecks(text, { schema, uri: document.uri });
  }
  changeLogs.set(document, { since: document.version, changes: [] });
  let parsed: ParsedDocument | undefined;
  let diagnostics: FragmentDiagnostic[] | undefined;
  let joined: string | undefined;
  let first: { count: number; parsed: ParsedDocument } | undefined;
  const view: DocumentView = {
    schema,
    get text() {
      return (joined ??= String(text));
    },
    textBefore(end) {
      if (joined !== undefined || end >= text.length) return this.text.slice(0, end);
      return text.slice(0, end);
    },
    get parsed() {
      return (parsed ??= parseWithSchema(this.text, schema));
    },
    parsedFirst(count) {
      if (parsed || count >= checks.recordCount) return this.parsed;
      if (!first || first.count < count) first = { count, parsed: parseWithSchema(this.textBefore(checks.recordOffset(count)), schema) };
      return first.parsed;
    },
    outline: (maxItems) => checks.outline(maxItems),
    parsedAround(line) {
      if (parsed || note) return this.parsed;
      return checks.parseAround(line) ?? this.parsed;
    },
    truncated: note,
    // With the file-too-large note the file still gets at most MAX_DIAGNOSTICS.
    diagnostics: () => (diagnostics ??= checks.diagnostics(note ? MAX_DIAGNOSTICS - 1 : MAX_DIAGNOSTICS)),
    recordCount: () => checks.recordCount,
    recordOffset: (index) => checks.recordOffset(index),
    recordIds: () => checks.recordIds(),
    idsGeneration: () => checks.idsGeneration,
  };
  recent.set(document, { schema, version: document.version, checks, view });
  if (recent.size > RECENT_VIEWS) recent.delete(recent.keys().next().value as TextDocument);
  return view;
}
