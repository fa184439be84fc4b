/**
 * Infer Schema from Folder (the editor) and `--init-schema` (fragment-lint): reads the fragment files of a folder and
 * its subfolders, found as everywhere else (files/discover.ts), and infers a schema from them (core/schema/infer.ts).
 */
import { inferSchema, normalizePath, type InferredSchemaResult, type InputFile } from '../core/schema/team';
import { findFragmentFiles, findFragmentFilesAsync } from '../files';
import type { HostFiles, HostFilesSync, TextFileResult } from '../host/host';

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
  const found = findFragmentFiles(host, [folder], findOptions(options));
  return inferFrom(folder, found.files.map((path) => ({ path, read: host.readText(path, maxBytes(options)) })));
}

/** The same without blocking (the language server; the browser build's host can only read asynchronously). */
export async function inferSchemaFromFolderAsync(host: HostFiles, folder: string, options: InferenceOptions = {}): Promise<InferredSchema> {
  const found = await findFragmentFilesAsync(host, [folder], findOptions(options));
  const reads: { path: string; read: TextFileResult }[] = [];
  for (const path of found.files) reads.push({ path, read: await host.readText(path, maxBytes(options)) });
  return inferFrom(folder, reads);
}

const findOptions = (options: InferenceOptions) => ({ maxFiles: options.maxFiles ?? 20_000, detectByContent: options.detectByContent });
const maxBytes = (options: InferenceOptions) => options.maxFileBytes ?? 10_000_000;

function inferFrom(folder: string, reads: { path: string; read: TextFileResult }[]): InferredSchema {
  const top = normalizePath(folder);
  const files: InputFile[] = [];
  for (const { path, read } of reads) {
    if (read.ok) files.push({ path: relativeTo(top, path), text: read.text }); // unreadable, binary or too large: skipped
  }
  return { ...inferSchema(files), files: files.length };
}

function relativeTo(folder: string, path: string): string {
  const normalized = normalizePath(path);
  return normalized.startsWith(`${folder}/`) ? normalized.slice(folder.length + 1) : normalized;
}
