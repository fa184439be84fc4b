/**
 * Accepted findings in the editor: each workspace folder's review file (fragment-review.json at its top, the file
 * fragment-lint reads when run there), read through the host and kept until it changes on disk. The diagnostics
 * handlers ask it to leave accepted findings out (`filter`), and the quick fix "Accept this finding…" asks it to write
 * an entry (`accept`), with the same merge and writer as `fragment-lint --suppress-all` (core/review.ts).
 */
import * as l10n from '@vscode/l10n';
import { relative } from 'node:path';
import {
  applyReview,
  entryFor,
  findingKeys,
  mergeEntries,
  parseReview,
  REVIEW_FILE_NAME,
  serializeReview,
  type FragmentDiagnostic,
  type LocatedFinding,
  type ParsedDocument,
  type RecordId,
  type ReviewFile,
  type Schema,
} from '../core';
import { isInside } from '../files';
import { shownPath, uriToPath } from '../files/uri';
import type { Host } from '../host/host';
import { Emitter } from '../state/events';

/** A review file is a list of short entries; one larger than this is not read. */
const MAX_REVIEW_BYTES = 4 * 1024 * 1024;

export interface ReviewStoreContext {
  host: Host;
  /** The workspace folders, as paths. */
  folders(): readonly string[];
  /** Tells the person that a review file cannot be used (once per change of the file). */
  warn(message: string): void;
}

/** What a document's diagnostics need to be matched against the review file. */
export interface ReviewSource {
  schema: Schema;
  /** The checked text parsed: asked only when the review file names one of the document's records or the file. */
  parsed(): ParsedDocument;
  /** A parse that holds the record at `line` at its place (document-view.ts), for an open document. */
  parsedAround?(line: number): ParsedDocument;
  recordIds(): readonly RecordId[];
}

interface Loaded {
  review: ReviewFile;
  /** Entries that name a record by ID, and files named by the others: which documents need their findings keyed. */
  ids: ReadonlySet<string>;
  files: ReadonlySet<string>;
}

export class ReviewStore {
  /** A review file was written, changed, appeared or went away: diagnostics are published again. */
  readonly changed = new Emitter<void>();
  /** The number of accepted findings of a document changed (its URI): the status item follows. */
  readonly countChanged = new Emitter<string>();
  private readonly loaded = new Map<string, Loaded>();
  /** How many findings of each published document the review file accepts. */
  private readonly acceptedCounts = new Map<string, number>();
  /** Entries are written one at a time: each write reads what the one before it wrote. */
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly context: ReviewStoreContext) {}

  /** The workspace folder a file belongs to (the innermost, when folders are nested). */
  folderOf(path: string): string | undefined {
    let found: string | undefined;
    for (const folder of this.context.folders()) if (isInside(path, folder) && (found === undefined || folder.length > found.length)) found = folder;
    return found;
  }

  /** The review file that applies to a document: its workspace folder's; undefined outside the folders. */
  reviewPathFor(uri: string): string | undefined {
    const path = uriToPath(uri);
    const folder = path === undefined ? undefined : this.folderOf(path);
    return folder === undefined ? undefined : joinPath(folder, REVIEW_FILE_NAME);
  }

  /**
   * Leaves out the findings the review file accepts, and counts them for the document (what is published). Costs
   * nothing when no entry names one of the document's records or the file itself.
   */
  filter(uri: string, diagnostics: FragmentDiagnostic[], source: ReviewSource): FragmentDiagnostic[] {
    const shown = this.withoutAccepted(uri, diagnostics, source);
    this.setCount(uri, diagnostics.length - shown.length);
    return shown;
  }

  /**
   * The findings the review file does not accept (Fix All fixes only these). Only findings whose code an entry for
   * this file or one of its records names are keyed, each from a parse of its own record when the source has one: a
   * keystroke in a large file with an accepted finding does not parse the whole file.
   */
  withoutAccepted(uri: string, diagnostics: FragmentDiagnostic[], source: ReviewSource): FragmentDiagnostic[] {
    const place = this.placeOf(uri);
    const loaded = place && this.load(place.folder);
    if (!loaded || diagnostics.length === 0) return diagnostics;
    const named = loaded.files.has(place.file) ? undefined : new Set(source.recordIds().map((id) => id.value.trim()).filter((id) => loaded.ids.has(id)));
    if (named?.size === 0) return diagnostics;
    const codes = new Set(loaded.review.entries.filter((e) => (e.fragmentId !== undefined ? named === undefined || named.has(e.fragmentId) : e.file === place.file)).map((e) => e.code));
    const candidates = diagnostics.filter((d) => codes.has(d.code));
    if (candidates.length === 0) return diagnostics;
    let around: ParsedDocument | undefined;
    const keys = candidates.map((diagnostic) => {
      const line = diagnostic.range.start.line;
      if (!source.parsedAround) return findingKeys(source.parsed(), [diagnostic], source.schema)[0];
      // Diagnostics come in line order: the record parsed for one usually holds the next.
      if (!around?.records.some((r) => r.startLine <= line && line <= r.endLine)) around = source.parsedAround(line);
      return findingKeys(around, [diagnostic], source.schema)[0];
    });
    const { acceptedBy } = applyReview(loaded.review, keys.map((key) => key && { ...key, file: place.file }));
    const accepted = new Set(candidates.filter((_, i) => acceptedBy[i]));
    return accepted.size === 0 ? diagnostics : diagnostics.filter((d) => !accepted.has(d));
  }

  /** How many findings of a document were left out when its diagnostics were last published. */
  acceptedIn(uri: string): number {
    return this.acceptedCounts.get(uri) ?? 0;
  }

  /** A closed document's count goes with its diagnostics. */
  forget(uri: string): void {
    this.setCount(uri, 0);
  }

  private setCount(uri: string, count: number): void {
    if (this.acceptedIn(uri) === count) return;
    if (count === 0) this.acceptedCounts.delete(uri);
    else this.acceptedCounts.set(uri, count);
    this.countChanged.fire(uri);
  }

  /** How the review file names a diagnostic of a document; undefined when it cannot be accepted (or is outside the folders). */
  findingFor(uri: string, diagnostic: FragmentDiagnostic, parsed: ParsedDocument, schema: Schema): LocatedFinding | undefined {
    const place = this.placeOf(uri);
    const key = place && findingKeys(parsed, [diagnostic], schema)[0];
    return key && { ...key, file: place.file };
  }

  /**
   * Writes an entry for `finding` into the review file of `uri`'s folder, keeping its other entries; the file is read
   * afresh first, so an entry written meanwhile (by hand, by fragment-lint) is kept. Throws, in plain words, when the
   * file cannot be read, used or written: then nothing is written.
   */
  accept(uri: string, finding: LocatedFinding, acceptedBy: string, reason: string): Promise<string> {
    const done = this.writing.then(() => this.write(uri, finding, acceptedBy, reason));
    this.writing = done.catch(() => undefined);
    return done;
  }

  private async write(uri: string, finding: LocatedFinding, acceptedBy: string, reason: string): Promise<string> {
    const place = this.placeOf(uri);
    if (!place) throw new Error(l10n.t('Only files inside a workspace folder can have accepted findings.'));
    const path = joinPath(place.folder, REVIEW_FILE_NAME);
    const read = await this.context.host.files.readText(path, MAX_REVIEW_BYTES);
    let review: ReviewFile = { entries: [] };
    if (read.ok) {
      try {
        review = parseReview(read.text);
      } catch (error) {
        throw new Error(l10n.t('{0} was not changed: {1}. Correct the file first.', REVIEW_FILE_NAME, (error as Error).message));
      }
    } else if (!('missing' in read && read.missing)) {
      throw new Error(l10n.t('{0} could not be read: it {1}.', REVIEW_FILE_NAME, read.reason));
    }
    const next = { entries: mergeEntries(review.entries, [entryFor({ ...finding, file: place.file }, acceptedBy, reason)]) };
    const failure = await this.context.host.files.writeText(path, serializeReview(next));
    if (failure) throw new Error(l10n.t('{0} could not be written ({1}).', REVIEW_FILE_NAME, failure.reason));
    // The file watcher will tell too; the squiggle goes now.
    this.fileChanged(path);
    return path;
  }

  /** A file changed on disk: when it is a folder's review file, it is read again on next use. */
  fileChanged(path: string): void {
    for (const folder of this.loaded.keys()) {
      if (path !== joinPath(folder, REVIEW_FILE_NAME)) continue;
      this.loaded.delete(folder);
      this.changed.fire();
    }
  }

  /** The workspace folders changed: review files of folders that went are forgotten. */
  foldersChanged(): void {
    const folders = new Set(this.context.folders());
    for (const folder of this.loaded.keys()) if (!folders.has(folder)) this.loaded.delete(folder);
    this.changed.fire();
  }

  private placeOf(uri: string): { folder: string; file: string } | undefined {
    const path = uriToPath(uri);
    const folder = path === undefined ? undefined : this.folderOf(path);
    if (path === undefined || folder === undefined) return undefined;
    return { folder, file: relative(folder, path).split(/[\\/]/).join('/') };
  }

  /** The folder's review file, read once until it changes; an unusable one accepts nothing, and the person is told. */
  private load(folder: string): Loaded | undefined {
    const known = this.loaded.get(folder);
    if (known) return known.review.entries.length > 0 ? known : undefined;
    const read = this.context.host.filesSync.readText(joinPath(folder, REVIEW_FILE_NAME), MAX_REVIEW_BYTES);
    let review: ReviewFile = { entries: [] };
    if (read.ok) {
      try {
        review = parseReview(read.text);
      } catch (error) {
        this.context.warn(l10n.t('{0} in {1} cannot be used, so no finding is accepted: {2}.', REVIEW_FILE_NAME, shownPath(folder), (error as Error).message));
      }
    } else if (!('missing' in read && read.missing)) {
      this.context.warn(l10n.t('{0} in {1} could not be read (it {2}), so no finding is accepted.', REVIEW_FILE_NAME, shownPath(folder), read.reason));
    }
    const loaded: Loaded = {
      review,
      ids: new Set(review.entries.flatMap((e) => (e.fragmentId !== undefined ? [e.fragmentId] : []))),
      files: new Set(review.entries.flatMap((e) => (e.file !== undefined ? [e.file] : []))),
    };
    this.loaded.set(folder, loaded);
    return review.entries.length > 0 ? loaded : undefined;
  }
}

function joinPath(folder: string, name: string): string {
  return folder.endsWith('/') ? `${folder}${name}` : `${folder}/${name}`;
}
