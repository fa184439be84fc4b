/** The work on one file, the same on the main thread and in a worker: read, (fix,) check, collect record IDs. */
import * as l10n from '@vscode/l10n';
import { accessSync, closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyReview, findingKeys, parseWithSchema, recordIds, validateParsed, type FindingKey, type FragmentDiagnostic, type ParsedDocument, type RecordId, type ReviewEntry, type ReviewFile } from '../core';
import { fixText, unifiedDiff } from './fix';
import { readText } from './files';
import { reviewPathOf } from './review';
import { schemaForFile, type SchemaSettings } from './schema';

export type FixMode = 'off' | 'write' | 'dry-run';

/** What every worker needs to check a file as the main thread would. Plain data: it crosses thread boundaries. */
export interface CheckSettings {
  schema: SchemaSettings;
  fix: FixMode;
  /**
   * The real paths of the folders being checked: a file reached through a link that leads outside them is neither
   * read nor written (its text could end up in public CI logs, and a fix would change a file nobody asked to check).
   */
  roots: string[];
  /** The review file's entries and the folder its paths start from: findings are keyed, and accepted ones not fixed. */
  review?: { file: ReviewFile; folder: string };
}

export interface FileReport {
  file: string;
  label: string;
  uri: string;
  /** Why the file was not checked (binary, not UTF-8, unreadable); then there is nothing else. */
  unreadable?: string;
  /** Why the file was left alone on purpose (a link leading outside the folders being checked); nothing else then. */
  skipped?: string;
  /** The problems in the file as it is on disk after the run (with --fix-dry-run: as it would be after fixing). */
  diagnostics: FragmentDiagnostic[];
  ids: RecordId[];
  /** With a review file: each diagnostic's key, in the same order (undefined: a finding that cannot be accepted). */
  findings?: (FindingKey | undefined)[];
  /** How many problems the safe fixes removed (with --fix: only when the file was written). */
  fixesApplied: number;
  /** --fix-dry-run: the changes as a unified diff, when there are any. */
  diff?: string;
  /** --fix: the safe fixes would change a finding the review file accepts, so the file is unchanged. */
  notFixed?: string;
  /** --fix: the fixed text could not be written back, so the file is unchanged. */
  writeError?: string;
}

export function checkFile(file: string, label: string, settings: CheckSettings): FileReport {
  return checkFileAndKeep(file, label, settings).report;
}

/**
 * As `checkFile`, with the document the report's problems were found in (none when the file was not read): the records
 * export puts its values in the sheet, from the same read as its problems.
 */
export function checkFileAndKeep(file: string, label: string, settings: CheckSettings): { report: FileReport; document?: ParsedDocument } {
  const uri = pathToFileURL(file).href;
  const report: FileReport = { file, label, uri, diagnostics: [], ids: [], fixesApplied: 0 };
  const opened = openInside(file, settings.roots);
  if (opened === 'outside') {
    const skipped =
      settings.fix === 'write'
        ? l10n.t('is a link to a file outside the folders being checked, so it was not read and not fixed')
        : l10n.t('is a link to a file outside the folders being checked, so it was not read');
    return { report: { ...report, skipped } };
  }
  const { real, fd } = opened;
  let read;
  let readAt: FileVersion | undefined;
  try {
    read = readText(fd ?? real);
    if (settings.fix === 'write' && read.ok) readAt = versionOf(fd ?? real);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (!read.ok) return { report: { ...report, unreadable: read.reason } };
  const schema = schemaForFile(file, settings.schema);
  /** The problems of a text, and the review entries that accept some of them (those problems left out). */
  const check = (text: string) => {
    const document = parseWithSchema(text, schema);
    const diagnostics = validateParsed(document, { schema, uri });
    if (!settings.review) return { diagnostics, accepted: new Set<ReviewEntry>() };
    const path = reviewPathOf(file, settings.review.folder);
    const { acceptedBy } = applyReview(settings.review.file, findingKeys(document, diagnostics, schema).map((key) => key && { ...key, file: path }));
    return { diagnostics: diagnostics.filter((_, i) => !acceptedBy[i]), accepted: new Set(acceptedBy.filter((e) => e !== undefined)) };
  };

  let text = read.text;
  if (settings.fix !== 'off') {
    const before = check(text);
    const fixed = fixText(text, before.diagnostics, schema);
    // The safe fixes run over the whole file: where they would change a finding a reviewer accepted, the file is left
    // as it is rather than changing what was accepted.
    const after = fixed.text !== text && before.accepted.size > 0 ? check(fixed.text).accepted : before.accepted;
    const changed = [...before.accepted].find((entry) => !after.has(entry));
    if (changed) {
      report.notFixed = l10n.t('was not fixed: a safe fix would change "{0}" ({1}), which the review file accepts. Fix its other problems by hand', changed.value, changed.code);
    } else if (fixed.text !== text) {
      if (settings.fix === 'dry-run') {
        report.diff = unifiedDiff(label, text, fixed.text);
        report.fixesApplied = fixed.fixed;
        text = fixed.text;
      } else {
        const failure = writeAtomically(real, read.bom ? `\uFEFF${fixed.text}` : fixed.text, readAt);
        // A file that could not be written is not fixed: its problems are reported as they are on disk.
        if (failure) report.writeError = l10n.t('could not be written ({0}), so it was not fixed', failure);
        else {
          report.fixesApplied = fixed.fixed;
          text = fixed.text;
        }
      }
    }
  }
  const document = parseWithSchema(text, schema);
  report.diagnostics = validateParsed(document, { schema, uri });
  report.ids = recordIds(document, schema);
  if (settings.review) report.findings = findingKeys(document, report.diagnostics, schema);
  return { report, document };
}

/** Opens a file without following a link at its end (ELOOP then), where the system can; Windows cannot. */
const NO_FOLLOW = constants.O_NOFOLLOW as number | undefined;
/** The real path of each folder files were found in: one lookup per folder, not one per file. */
const realFolders = new Map<string, string>();

/**
 * Where a file really is, and, when it is not a link, the file opened for reading (one system call for both). A
 * file reached through a link, at its end or in a folder on its way, is only read when it is inside `roots`.
 */
function openInside(file: string, roots: readonly string[]): { real: string; fd?: number } | 'outside' {
  const folder = dirname(file);
  let realFolder = realFolders.get(folder);
  if (realFolder === undefined) {
    try {
      realFolder = realpathSync.native(folder);
    } catch {
      realFolder = folder; // gone: reading the file says why
    }
    realFolders.set(folder, realFolder);
  }
  let real = join(realFolder, basename(file));
  let fd: number | undefined;
  let isLink = false;
  try {
    if (NO_FOLLOW === undefined) isLink = lstatSync(file).isSymbolicLink();
    else fd = openSync(file, constants.O_RDONLY | NO_FOLLOW | constants.O_NONBLOCK); // a pipe named like a fragment never blocks the run
  } catch (error) {
    isLink = (error as NodeJS.ErrnoException).code === 'ELOOP'; // any other error: reading the file reports it
  }
  if (isLink) {
    try {
      real = realpathSync.native(file);
    } catch {
      // a broken link: reading it reports that it does not exist
    }
  }
  if (real !== file && !isInside(real, roots)) {
    if (fd !== undefined) closeSync(fd);
    return 'outside';
  }
  return { real, fd };
}

function isInside(path: string, folders: readonly string[]): boolean {
  return folders.some((folder) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep));
}

/**
 * Replaces a file's content so that an interrupted run leaves either the old file or the new one, never half of
 * it: the text goes to a temporary file in the same folder, is flushed to disk, gets the file's permissions, then
 * takes the file's place in one rename. A read-only file is left alone (a rename could replace it). Returns why
 * the file could not be written, or undefined when it was.
 */
function writeAtomically(path: string, text: string, readAt: FileVersion | undefined): string | undefined {
  let mode: number;
  let owner: { uid: number; gid: number };
  try {
    const stats = statSync(path);
    mode = stats.mode & 0o7777;
    owner = { uid: stats.uid, gid: stats.gid };
    // Someone saved the file since it was read (an editor, a sync client): their text wins, nothing is written.
    if (readAt && (stats.mtimeMs !== readAt.mtimeMs || stats.size !== readAt.size)) return l10n.t('it changed while it was being fixed');
    // The owner's write permission is the user's say; root would pass the access check, so look at the mode too.
    if ((mode & 0o222) === 0) return l10n.t('the file is read-only');
    accessSync(path, constants.W_OK);
  } catch (error) {
    return reason(error);
  }
  const temporary = join(dirname(path), `.${basename(path)}.fragment-lint-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    const bytes = Buffer.from(text, 'utf8');
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
    try {
      fchownSync(fd, owner.uid, owner.gid); // keeps the owner when root fixes someone else's file
    } catch {
      // only root may give a file away; anyone else's file stays theirs
    }
    fchmodSync(fd, mode); // after chown, which would clear set-id bits
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, path);
    syncFolder(dirname(path));
    return undefined;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // never created, or already gone
    }
    return reason(error);
  }
}

/** Flushes the rename itself to disk, where the system allows opening a folder (not on Windows). */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // the rename is done; only its durability after a power cut is left to the system
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

interface FileVersion {
  mtimeMs: number;
  size: number;
}

function versionOf(file: number | string): FileVersion | undefined {
  try {
    const { mtimeMs, size } = typeof file === 'number' ? fstatSync(file) : statSync(file);
    return { mtimeMs, size };
  } catch {
    return undefined; // then a change made during the fix cannot be noticed; writing still works as before
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return l10n.t('permission denied');
  if (code === 'EROFS') return l10n.t('the disk is read-only');
  if (code === 'ENOSPC') return l10n.t('the disk is full');
  return code ?? String(error);
}
