/** Finding and reading the files the CLI checks. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** File names the editor treats as fragments, and so the ones a folder walk picks up. */
export const FRAGMENT_FILE = /\.fragment(\.txt|\.md)?$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test']);

export class UsageError extends Error {}

/** A named file is checked whatever its extension; a folder is walked for fragment file names. */
export function collectFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new UsageError(`No such file or folder: ${path}`);
    }
    if (stats.isDirectory()) walk(path, files);
    else files.push(path);
  }
  return files;
}

function walk(folder: string, files: string[]): void {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(path, files);
    } else if (entry.isFile() && FRAGMENT_FILE.test(entry.name)) {
      files.push(path);
    }
  }
}

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/** Reads a file as UTF-8 text, refusing binary and non-UTF-8 content with a reason instead of checking noise. */
export function readText(path: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'is a binary file (it holds NUL bytes), not a fragment' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'is not UTF-8 text; save it as UTF-8 and check it again' };
  }
}
