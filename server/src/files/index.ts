/**
 * Files on disk, for the language server, fragment-lint and schema files alike: which files are fragment files
 * (discover.ts, on core/fragment-file.ts) and reading them safely (read.ts: regular files only, bounded).
 */
import { decodeText, type DecodeResult } from '../workspace/fragment-files';
import { readRegularFile, readRegularFileSync, type ReadFailure } from './read';

export { findFragmentFiles, findFragmentFilesAsync, isInside, SKIPPED_FOLDER_NAMES, type FindOptions, type FoundFiles, type SkippedFile } from './discover';
export { formatBytes, readHead, readHeadSync, readRegularFile, readRegularFileSync, type ReadBytesResult, type ReadFailure } from './read';
export { decodeText, type DecodeResult };

export type TextFileResult = DecodeResult | ReadFailure;

/**
 * Reads a regular file (a path, or a file already opened) of at most `limit` bytes as UTF-8 text, or says why not (not
 * regular, too large, binary…).
 */
export function readTextFileSync(file: string | number, limit: number): TextFileResult {
  const read = readRegularFileSync(file, limit);
  return read.ok ? decodeText(read.bytes) : read;
}

export async function readTextFile(path: string, limit: number): Promise<TextFileResult> {
  const read = await readRegularFile(path, limit);
  return read.ok ? decodeText(read.bytes) : read;
}
