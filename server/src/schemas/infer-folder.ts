/**
 * Infer Schema from Folder (the editor) and `--init-schema` (fragment-lint): reads the fragment files of a folder and
 * its subfolders, found as everywhere else (files/discover.ts), and infers a schema from them (core/schema/infer.ts).
 */
import { inferSchema, normalizePath, type InferredSchemaResult, type InputFile } from '../core/schema/team';
import { findFragmentFiles } from '../files';
import type { HostFilesSync } from '../host/host';

export interface InferenceOptions {
  maxFiles?: number;
  maxFileBytes?: number;
  /** `fragments.detectByContent`: `.txt`/`.md` files that start with a FragmentID field are read too (default true). */
  detectByContent?: boolean;
}

export interface InferredSchema extends InferredSchemaResult {
  /** Fragment files read. */
  files: number;
}

/** Files are named relative to the folder in the result's suspects. */
export function inferSchemaFromFolder(host: HostFilesSync, folder: string, options: InferenceOptions = {}): InferredSchema {
  const top = normalizePath(folder);
  const maxBytes = options.maxFileBytes ?? 10_000_000;
  const files: InputFile[] = [];
  const found = findFragmentFiles(host, [folder], { maxFiles: options.maxFiles ?? 20_000, detectByContent: options.detectByContent });
  for (const path of found.files) {
    const read = host.readText(path, maxBytes);
    if (read.ok) files.push({ path: relativeTo(top, path), text: read.text }); // unreadable, binary or too large: skipped
  }
  return { ...inferSchema(files), files: files.length };
}

function relativeTo(folder: string, path: string): string {
  const normalized = normalizePath(path);
  return normalized.startsWith(`${folder}/`) ? normalized.slice(folder.length + 1) : normalized;
}
