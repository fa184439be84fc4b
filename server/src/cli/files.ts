/** Finding and reading the files the CLI checks: paths, folders and globs. */
import * as l10n from '@vscode/l10n';
import { realpathSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { findFragmentFiles, type DecodeResult } from '../files';
import { expandGlob, isDynamicPattern } from '../files/glob';
import { nodeFilesSync } from '../host/node';
import { readTextFileSync } from '../host/node-read';
import { UsageError } from './options';

/** Larger files are refused with a note rather than read: nobody writes a fragment file this large by hand. */
export const MAX_FILE_BYTES = 50_000_000;

/**
 * A named file is checked whatever its extension (and read only if it is a regular file); a folder is walked for
 * fragment files by name and by content (files/discover.ts: links are followed only within the folders named, each
 * file once); anything else is a glob. Returns absolute paths, each file once however many paths lead to it, in a
 * stable order (arguments in order, each expanded sorted). `note` is told what a folder walk left out, and why.
 */
export function collectFiles(paths: readonly string[], cwd = process.cwd(), note: (message: string) => void = () => undefined): string[] {
  const files = new Map<string, string>(); // real path -> path checked
  const add = (file: string, real = realPathOf(file)) => {
    if (!files.has(real)) files.set(real, file);
  };
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      stats = undefined;
    }
    if (stats?.isDirectory()) {
      const found = findFragmentFiles(nodeFilesSync, [absolute], { foldersName: l10n.t('the folders checked') });
      for (const skipped of found.skipped) note(`${displayPath(skipped.path, cwd)} ${skipped.reason}.`);
      for (const file of found.files) add(file, found.realPaths.get(file));
    } else if (stats) {
      add(absolute); // named: read if it is a regular file, else reported as not read
    } else if (isDynamicPattern(path)) {
      const found = expand(path.split(sep).join('/'), cwd);
      if (found.length === 0) throw new UsageError(l10n.t('No files match {0}', path));
      for (const file of found) add(file);
    } else {
      throw new UsageError(l10n.t('No such file or folder: {0}', path));
    }
  }
  return [...files.values()];
}

function realPathOf(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}

function expand(pattern: string, cwd: string): string[] {
  return expandGlob(pattern, cwd)
    .map((file) => resolve(file))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** How a file is named in reports: relative to the current folder, with forward slashes (as CI tools expect). */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  return (rel === '' || rel.startsWith('..') ? file : rel).split(sep).join('/');
}

export type ReadResult = DecodeResult;

/**
 * Reads a file (a path, or one already opened) as UTF-8 text: only a regular file, at most MAX_FILE_BYTES, refusing
 * binary and non-UTF-8 content with a reason instead of checking noise.
 */
export function readText(file: string | number): ReadResult {
  return readTextFileSync(file, MAX_FILE_BYTES);
}
