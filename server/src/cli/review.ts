/**
 * The review file of accepted findings on the command line: where it is, reading it, and writing it back after
 * --suppress-all or --prune-suppressions. Matching findings against it is the core's (core/review.ts).
 */
import * as l10n from '@vscode/l10n';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  applyReview,
  duplicateIdKey,
  entryFor,
  mergeEntries,
  parseReview,
  REVIEW_FILE_NAME,
  serializeReview,
  type FindingKey,
  type FragmentDiagnostic,
  type LocatedFinding,
  type ReviewFile,
} from '../core';
import type { FileReport } from './check-file';
import { readText } from './files';
import { counted, visible, type AcceptedFinding, type ReportedFile } from './formats/format';
import { UsageError, type CliOptions } from './options';

export interface LoadedReview {
  path: string;
  /** The path as messages show it: from the current folder. */
  label: string;
  /** The folder the entries' file paths start from. */
  folder: string;
  review: ReviewFile;
}

/**
 * The review file of this run: --review-file, else fragment-review.json in the current folder. Undefined when the
 * default file does not exist and nothing is to be written. A broken file stops the run (exit 2): a CI job must not
 * pass or fail on findings it could not read.
 */
export function loadReview(options: CliOptions, cwd: string): LoadedReview | undefined {
  const path = resolve(cwd, options.reviewFile ?? REVIEW_FILE_NAME);
  const writes = options.suppressAll || options.pruneSuppressions;
  const folder = dirname(path);
  const label = relative(cwd, path).split(sep).join('/') || path;
  if (!existsSync(path)) {
    if (writes) return { path, label, folder, review: { entries: [] } };
    if (options.reviewFile !== undefined) throw new UsageError(l10n.t('The review file {0} does not exist.', options.reviewFile));
    return undefined;
  }
  const read = readText(path);
  if (!read.ok) throw new UsageError(l10n.t('The review file {0} could not be read: {1}', label, read.reason));
  try {
    return { path, label, folder, review: parseReview(read.text) };
  } catch (error) {
    throw new UsageError(l10n.t('The review file {0} cannot be used: {1}.', label, (error as Error).message));
  }
}

/** A checked file's path as review entries name it: from the review file's folder, with `/`. */
export function reviewPathOf(file: string, folder: string): string {
  return relative(folder, file).split(sep).join('/');
}

/** Writes the review file in one step: a new file beside it takes its place. */
export function saveReview(loaded: LoadedReview, review: ReviewFile): void {
  const temporary = join(loaded.folder, `.${REVIEW_FILE_NAME}.${process.pid}.tmp`);
  try {
    mkdirSync(loaded.folder, { recursive: true });
    writeFileSync(temporary, serializeReview(review));
    renameSync(temporary, loaded.path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UsageError(l10n.t('The review file {0} could not be written ({1}).', loaded.label, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
}

/**
 * Splits each file's findings into those shown and those the review file accepts. With --suppress-all, every finding
 * that can be accepted is written into the review file first; with --prune-suppressions, entries that accept nothing
 * are removed. `say` tells the person what was written.
 */
export function applyReviewFile(
  files: readonly ReportedFile[],
  reports: readonly FileReport[],
  loaded: LoadedReview,
  options: CliOptions,
  say: (message: string) => void,
): ReportedFile[] {
  const reportOf = new Map(reports.map((r) => [r.uri, r]));
  const keyed = files.map((file) => {
    const report = reportOf.get(file.uri);
    const keys = new Map<FragmentDiagnostic, FindingKey | undefined>();
    report?.diagnostics.forEach((d, i) => keys.set(d, report.findings?.[i]));
    const path = reviewPathOf(report?.file ?? fileURLToPath(file.uri), loaded.folder);
    return file.diagnostics.map((d): LocatedFinding | undefined => {
      let key = keys.get(d);
      if (!keys.has(d) && d.code === 'duplicate-id') {
        // Worked out across files, after the file's own check: its key is the record's ID.
        const id = report?.ids.find((i) => i.range.start.line === d.range.start.line && i.range.start.character === d.range.start.character);
        key = id && duplicateIdKey(id.value, id.range.start.line);
      }
      return key && { ...key, file: path };
    });
  });
  const findings = keyed.flat();
  let review = loaded.review;
  const changes: string[] = [];
  if (options.suppressAll) {
    const before = review.entries.length;
    const { acceptedBy } = applyReview(review, findings);
    const added = findings.flatMap((f, i) => (f && !acceptedBy[i] ? [entryFor(f, options.acceptedBy, options.reason)] : []));
    review = { entries: mergeEntries(review.entries, added) };
    changes.push(l10n.t('accepted {0}', counted.findings(review.entries.length - before)));
  }
  let outcome = applyReview(review, findings);
  if (options.pruneSuppressions) {
    const unused = new Set(outcome.unused);
    review = { entries: review.entries.filter((entry) => !unused.has(entry)) };
    changes.push(unused.size === 1 ? l10n.t('removed 1 entry that no longer matches a finding') : l10n.t('removed {0} entries that no longer match a finding', unused.size));
    outcome = applyReview(review, findings);
  }
  if (changes.length) {
    saveReview(loaded, review);
    const unsigned = review.entries.filter((entry) => entry.acceptedBy === '' || entry.reason === '').length;
    const sign = !unsigned
      ? ''
      : unsigned === 1
        ? ` ${l10n.t('1 entry has no "acceptedBy" or "reason" yet: write in the file who accepted each finding, and why.')}`
        : ` ${l10n.t('{0} entries have no "acceptedBy" or "reason" yet: write in the file who accepted each finding, and why.', unsigned)}`;
    say(`${visible(loaded.label)}: ${changes.join('; ')}.${sign}`);
  }
  let next = 0;
  return files.map((file, f) => {
    const shown: FragmentDiagnostic[] = [];
    const accepted: AcceptedFinding[] = [];
    file.diagnostics.forEach((diagnostic, i) => {
      const entry = outcome.acceptedBy[next + i];
      if (entry) accepted.push({ diagnostic, entry });
      else shown.push(diagnostic);
    });
    next += keyed[f].length;
    return { ...file, diagnostics: shown, accepted };
  });
}
