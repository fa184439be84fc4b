/** Finding and reading the files the CLI checks: paths, folders and globs. */
import { readFileSync, statSync, type PathOrFileDescriptor } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { decodeText, FRAGMENT_GLOB, globSync, isDynamicPattern, SKIPPED_FOLDERS, type DecodeResult } from '../workspace/fragment-files';
import { UsageError } from './options';

/**
 * A named file is checked whatever its extension; a folder is walked for fragment file names; anything else is a
 * glob. Returns absolute paths, each once, in a stable order (arguments in order, each expanded sorted).
 */
export function collectFiles(paths: readonly string[], cwd = process.cwd()): string[] {
  const files = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      stats = undefined;
    }
    if (stats?.isFile()) {
      files.add(absolute);
      continue;
    }
    let found: string[];
    if (stats?.isDirectory()) found = expand(FRAGMENT_GLOB, absolute);
    else if (isDynamicPattern(path)) found = expand(path.split(sep).join('/'), cwd);
    else throw new UsageError(`No such file or folder: ${path}`);
    if (found.length === 0 && !stats) throw new UsageError(`No files match ${path}`);
    for (const file of found) files.add(file);
  }
  return [...files];
}

function expand(pattern: string, cwd: string): string[] {
  return globSync(pattern, {
    cwd,
    absolute: true,
    onlyFiles: true,
    ignore: SKIPPED_FOLDERS,
    caseSensitiveMatch: false,
    expandDirectories: false,
  })
    .map((file) => resolve(file))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** How a file is named in reports: relative to the current folder, with forward slashes (as CI tools expect). */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  return (rel === '' || rel.startsWith('..') ? file : rel).split(sep).join('/');
}

export type ReadResult = DecodeResult;

/** Reads a file as UTF-8 text, refusing binary and non-UTF-8 content with a reason instead of checking noise. */
export function readText(path: PathOrFileDescriptor): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (code ?? String(error));
    return { ok: false, reason: `cannot be read (${why})` };
  }
  return decodeText(bytes);
}
