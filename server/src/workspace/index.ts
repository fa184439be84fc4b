/**
 * The workspace index: every fragment file of the workspace folders, reduced to what checks across files need (each
 * record's ID, and the short values used per key). Scanned in the background in small batches so the server keeps
 * answering; kept current from open documents (their text wins over the disk) and from watched-file events.
 */
import * as l10n from '@vscode/l10n';
import { relative } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkedPart, findDuplicateIds, fold, parseWithSchema, recordIds, uriFileName, type FragmentDiagnostic, type ParsedDocument, type RecordId, type Schema } from '../core';
import { isFragmentFile, mayBeFragment } from '../core/fragment-file';
import { findFragmentFilesAsync } from '../files';
import { pathToUri, shownPath, uriToPath } from '../files/uri';
import { fieldValue } from '../core/parser';
import { detachedCopy } from '../core/record-checks';
import { yieldTo, type Host } from '../host/host';

/**
 * Bounds on the background work: a workspace with more fragment files than this is only partly indexed, and the
 * editor says so. An entry keeps only the file's IDs and its short values (shared strings), a few hundred bytes.
 */
export const MAX_FILES = 100_000;
/** Larger files are not fragments a person writes; reading them would only cost memory. */
export const MAX_FILE_BYTES = 5_000_000;
const BATCH = 32;
/** Values longer than this are sentences, not choices worth offering again. */
const MAX_VALUE_LENGTH = 100;
const MAX_VALUES_PER_KEY = 200;

interface Entry {
  uri: string;
  /** How the file is named in messages: its path inside its workspace folder. */
  label: string;
  /** Version of the open document the entry was built from; undefined when built from the disk. */
  version?: number;
  /** For an open document: the generation of its record IDs (see `OpenRecords`) the entry holds. */
  idsGeneration?: number;
  ids: RecordId[];
  /**
   * Distinct short values in this file, as a flat list of schema key and value, key and value, …: a map of sets per
   * file weighed kilobytes, and a workspace has up to MAX_FILES of them. For an open document worked out when
   * completion first asks.
   */
  values: readonly string[] | (() => readonly string[]);
}

/** What the server already knows of an open document's records, so the index does not parse it a second time. */
export interface OpenRecords {
  /** Changes whenever the IDs, or the lines they are on, may have changed. */
  idsGeneration: number;
  ids(): RecordId[];
  parsed(): ParsedDocument;
}

/** What the index reads: the host's files, the open fragments and their checks, the schemas, the settings. */
export interface IndexContext {
  host: Host;
  /** The open fragments (not schema files): their text wins over the disk. */
  documents: { get(uri: string): TextDocument | undefined };
  schemaFor(uri: string): Schema;
  /** The schema of the workspace as a whole, which records are compared across files with. */
  workspaceSchema(): Schema;
  /** Workspace folders, as absolute paths. */
  roots(): readonly string[];
  /** `fragments.detectByContent`: `.txt`/`.md` files that start with a FragmentID field are fragments too. */
  detectByContent(): boolean;
  /** The checked records of an open document, from the parse and checks its diagnostics come from. */
  openRecords(document: TextDocument): OpenRecords;
  log(message: string): void;
  /** Tells the person at the editor (a window message), for what they would otherwise not know is missing. */
  warn?(message: string): void;
}

export type ChangeListener = (uris: ReadonlySet<string>) => void;

export class WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  private duplicates = new Map<string, FragmentDiagnostic[]>();
  private dirty = false;
  /** Whether an open document's IDs changed since the last comparison. */
  private openIdsChanged = false;
  /** Whether a scan is reading files now. */
  private scanning = false;
  private readonly listeners: ChangeListener[] = [];
  private pending = new Set<string>();
  private flushScheduled = false;
  private scanDone: Promise<void> = Promise.resolve();
  /** Fragment files found but not indexed, with why (binary, not UTF-8, too large, not a regular file). */
  private readonly unreadable = new Map<string, string>();
  /** Each file's real path and the one URI it is indexed under: a file reached by two paths (a link) is one file. */
  private readonly uriOfReal = new Map<string, string>();
  private readonly realOfUri = new Map<string, string>();
  /** The last scan stopped at MAX_FILES: more fragment files were not indexed. */
  truncated = false;

  constructor(private readonly context: IndexContext) {}

  /** Reads every fragment file of the workspace folders in the background; resolves when done. */
  scan(): Promise<void> {
    this.scanDone = this.scanFolders().catch((error: unknown) => this.context.log(`Indexing the workspace failed: ${String(error)}`));
    return this.scanDone;
  }

  /** Settles when the running scan (if any) is over. */
  scanned(): Promise<void> {
    return this.scanDone;
  }

  /** Every indexed file, in a stable order. */
  uris(): string[] {
    return [...this.entries.keys()].sort();
  }

  /** Fragment files that could not be indexed, with the reason, in a stable order. */
  unreadableFiles(): [uri: string, reason: string][] {
    return [...this.unreadable].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }

  /** Runs after the index changed what some files conflict with, with those files' URIs. */
  onDidChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  /** The duplicate-ID warnings of a file, with an open document's current text taken into account first. */
  duplicatesFor(uri: string): FragmentDiagnostic[] {
    this.refreshOpen(uri);
    // While a scan reads files, comparing every ID on each keystroke would cost more with each file read: the scan
    // compares them when it is done, and a keystroke only when it changed the open document's IDs.
    if (!this.scanning || this.openIdsChanged) this.recompute(uri);
    return this.duplicates.get(uri) ?? [];
  }

  /** Values used for a key (schema key) across the workspace, with how many files use each; `exceptUri` not counted. */
  valuesFor(key: string, exceptUri?: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const entry of this.entries.values()) {
      if (entry.uri === exceptUri) continue;
      if (typeof entry.values === 'function') entry.values = entry.values();
      const values = entry.values;
      for (let i = 0; i < values.length; i += 2) if (values[i] === key) counts.set(values[i + 1], (counts.get(values[i + 1]) ?? 0) + 1);
    }
    return counts;
  }

  /** An open fragment changed (or opened): index its records, from the checks its diagnostics come from. */
  refreshOpen(uri: string): void {
    const document = this.context.documents.get(uri);
    if (!document) return;
    const entry = this.entries.get(uri);
    if (entry?.version === document.version) return;
    if (!entry) this.openedByAnotherPath(uri);
    const records = this.context.openRecords(document);
    // The same parse and checks as the diagnostics. The IDs are compared across the workspace again only when they
    // (or their lines) changed: most keystrokes change neither.
    const schema = this.context.schemaFor(uri);
    const values = () => valuesOf(records.parsed(), schema);
    if (entry && entry.idsGeneration === records.idsGeneration) {
      entry.version = document.version;
      entry.values = values;
      return;
    }
    this.entries.set(uri, { uri, label: this.labelOf(uri), version: document.version, idsGeneration: records.idsGeneration, ids: records.ids(), values });
    this.dirty = true;
    this.openIdsChanged = true;
  }

  /** A file opened by another path than the one it is indexed by (through a link): its open text replaces that entry. */
  private openedByAnotherPath(uri: string): void {
    const path = uriToPath(uri);
    if (path === undefined) return; // not a file
    const real = this.context.host.filesSync.realPath(path);
    if (real === undefined) return; // not a file on disk (yet)
    const other = this.uriOfReal.get(real);
    if (other !== undefined && other !== uri && !this.context.documents.get(other)) this.remove(other);
    this.claim(uri, real);
  }

  private claim(uri: string, real: string): void {
    this.uriOfReal.set(real, uri);
    this.realOfUri.set(uri, real);
  }

  /** An open document was closed: a file in the workspace goes back to its disk content; anything else is dropped. */
  async documentClosed(uri: string): Promise<void> {
    const path = this.workspacePathOf(uri);
    if (path && mayBeFragment(path, this.context.detectByContent())) await this.readFromDisk(path);
    else this.remove(uri);
    this.recompute();
  }

  /** A file was created, changed or deleted on disk (workspace/didChangeWatchedFiles). */
  async fileChanged(uri: string, deleted: boolean): Promise<void> {
    if (this.context.documents.get(uri)) return; // an open document's text wins until it is closed
    const path = this.workspacePathOf(uri);
    if (deleted || !path || !mayBeFragment(path, this.context.detectByContent())) this.remove(uri);
    else await this.readFromDisk(path);
    this.recompute();
  }

  /** A schema changed: record starts and keys may be read differently, so everything is read again. */
  async reindex(): Promise<void> {
    for (const entry of this.entries.values()) entry.version = -1; // open documents: summarized again when next asked
    for (const uri of this.entries.keys()) this.refreshOpen(uri);
    await this.scan();
  }

  private remove(uri: string, unreadable?: string): void {
    const real = this.realOfUri.get(uri);
    if (real !== undefined && this.uriOfReal.get(real) === uri) this.uriOfReal.delete(real);
    this.realOfUri.delete(uri);
    if (unreadable) this.unreadable.set(uri, unreadable);
    else this.unreadable.delete(uri);
    if (this.entries.delete(uri)) this.dirty = true;
  }

  private async scanFolders(): Promise<void> {
    this.scanning = true;
    try {
      await this.readFolders();
    } finally {
      this.scanning = false;
    }
  }

  private async readFolders(): Promise<void> {
    const roots = this.context.roots();
    const before = new Set([...this.entries.keys(), ...this.unreadable.keys()]);
    // One walk for all folders (files/discover.ts): links are followed only inside them, and a file is read once.
    const found = await findFragmentFilesAsync(this.context.host.files, roots, { maxFiles: MAX_FILES, detectByContent: this.context.detectByContent(), foldersName: 'the workspace folders' });
    this.truncated = found.truncated;
    const seen = new Set(found.files.map((path) => pathToUri(path)));
    for (const skipped of found.skipped) {
      const uri = pathToUri(skipped.path);
      if (skipped.kind === 'not-regular') {
        seen.add(uri);
        this.remove(uri, skipped.reason);
      } else {
        this.context.log(`Not indexed: ${shownPath(skipped.path)} ${skipped.reason}.`);
      }
    }
    // Files of an earlier scan not found again (no longer fragments, e.g. detectByContent turned off): forgotten.
    for (const uri of before) if (!seen.has(uri) && !this.context.documents.get(uri)) this.remove(uri);
    for (let i = 0; i < found.files.length; i += BATCH) {
      await Promise.all(found.files.slice(i, i + BATCH).map((path) => this.readFromDisk(path)));
      await yieldTo(this.context.host.clock); // let requests in between batches
    }
    if (found.truncated) (this.context.warn ?? this.context.log)(
        l10n.t('The workspace holds more than {0} fragment files: duplicate IDs and completion values are taken from the first {0} only; the others are left out.', MAX_FILES.toLocaleString('en')),
      );
    this.dirty = true;
    this.recompute();
  }

  private async readFromDisk(path: string): Promise<void> {
    const uri = pathToUri(path);
    if (this.context.documents.get(uri)) return this.refreshOpen(uri);
    const decoded = await this.context.host.files.readText(path, MAX_FILE_BYTES); // a regular file only, never more than the limit
    if (!decoded.ok) return this.remove(uri, 'missing' in decoded && decoded.missing ? undefined : decoded.reason); // gone: nothing to compare
    if (!isFragmentFile(path, decoded.text, this.context.detectByContent())) return this.remove(uri); // a .txt that is not (or no longer) a fragment
    if (this.context.documents.get(uri)) return this.refreshOpen(uri); // opened while we read
    const real = (await this.context.host.files.realPath(path)) ?? path;
    const other = this.uriOfReal.get(real);
    if (other !== undefined && other !== uri && this.entries.has(other)) return this.remove(uri); // the same file, indexed by another path
    this.claim(uri, real);
    this.entries.set(uri, this.summarize(uri, decoded.text));
    this.unreadable.delete(uri);
    this.dirty = true;
  }

  /** A file that is not open, from its text on disk (an open one is summarized from its checks: refreshOpen). */
  private summarize(uri: string, text: string): Entry {
    const schema = this.context.schemaFor(uri);
    // A file over the size limit is indexed as far as it would be checked (see core/limits.ts).
    const document = parseWithSchema(checkedPart(text, schema.recordStart).text, schema);
    // Nothing kept may point into the text: a value cut from it would keep the whole file in memory.
    const ids = recordIds(document, schema).map((id) => ({ value: detachedCopy(id.value), range: id.range }));
    return { uri, label: this.labelOf(uri), ids, values: valuesOf(document, schema) };
  }

  /** Compares the IDs again when something changed, and tells listeners which files' warnings changed. */
  private recompute(publishing?: string): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.openIdsChanged = false;
    const next = findDuplicateIds([...this.entries.values()], this.context.workspaceSchema());
    for (const uri of new Set([...this.duplicates.keys(), ...next.keys()])) {
      if (uri !== publishing && signature(this.duplicates.get(uri)) !== signature(next.get(uri))) this.pending.add(uri);
    }
    this.duplicates = next;
    this.flushSoon();
  }

  private flushSoon(): void {
    if (this.flushScheduled || this.pending.size === 0) return;
    this.flushScheduled = true;
    this.context.host.clock.soon(() => {
      this.flushScheduled = false;
      const uris = this.pending;
      this.pending = new Set();
      for (const listener of this.listeners) listener(uris);
    });
  }

  private workspacePathOf(uri: string): string | undefined {
    const path = uriToPath(uri);
    return path !== undefined && this.context.roots().some((root) => !relative(root, path).startsWith('..')) ? path : undefined;
  }

  private labelOf(uri: string): string {
    const path = uriToPath(uri);
    const root = path === undefined ? undefined : this.context.roots().find((r) => !relative(r, path).startsWith('..'));
    // Not in a workspace folder, or not a file: its last segment.
    return root !== undefined && path !== undefined ? relative(root, path).split('\\').join('/') : uriFileName(uri);
  }
}

/**
 * Short values per schema key (multi-choice values split into their items), for completion across files: a flat
 * list of key, value, key, value, …, each pair once. The strings are shared among all files (most files use the same
 * few values), and none is cut from a file's text.
 */
function valuesOf(document: ParsedDocument, schema: Schema): string[] {
  const seen = new Map<string, Set<string>>();
  const pairs: string[] = [];
  for (const field of document.fields) {
    const value = fieldValue(field);
    if (value === '' || value.length > MAX_VALUE_LENGTH || value.includes('\n')) continue;
    const spec = schema.byName.get(field.key) ?? schema.byFoldedName.get(fold(field.key));
    const key = spec?.key ?? field.key;
    let set = seen.get(key);
    if (!set) seen.set(key, (set = new Set()));
    const items = spec?.kind === 'multi' ? value.split(spec.separator).map((item) => item.trim()) : [value];
    for (const item of items) {
      if (item === '' || set.size >= MAX_VALUES_PER_KEY || set.has(item)) continue;
      set.add(item);
      pairs.push(shared(key), shared(item));
    }
  }
  return pairs;
}

/** One copy of each key and value for the whole index. */
const sharedStrings = new Map<string, string>();
function shared(text: string): string {
  let copy = sharedStrings.get(text);
  if (copy === undefined) sharedStrings.set((copy = detachedCopy(text)), copy);
  return copy;
}

function signature(diagnostics: readonly FragmentDiagnostic[] | undefined): string {
  return JSON.stringify(diagnostics?.map((d) => [d.range, d.severity, d.message]) ?? []);
}
