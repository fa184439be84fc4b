/**
 * Reading files from disk safely, in Node (host/node.ts, and fragment-lint). Only regular files are read, and never more than a limit, whatever size the file
 * claims: a device such as /dev/zero says it is 0 bytes and never ends, and opening a named pipe (FIFO) waits for a
 * writer forever, and merely opening some devices has effects. So: stat first and refuse anything that is not a
 * regular file or is over the limit, then open without blocking, check the opened file again (it may have been
 * replaced in between) and read no more than the size it had then, which is within the limit.
 */
import * as l10n from '@vscode/l10n';
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { decodeText } from '../files/decode';
import { refusal, type ReadFailure, type TextFileResult } from './host';

export { formatBytes, refusal } from './host';

export type { ReadFailure, TextFileResult };

/** O_NONBLOCK: opening a pipe returns at once instead of waiting for a writer (not defined on Windows, where it is not needed). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export type ReadBytesResult = { ok: true; bytes: Buffer } | ReadFailure;

/** What an error that stopped a read means, in words. */
export function readError(error: unknown): ReadFailure {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return { ok: false, reason: readErrorReason(code ?? String(error)), missing: code === 'ENOENT' || code === 'ENOTDIR' };
}

function readErrorReason(code: string): string {
  if (code === 'ENOENT' || code === 'ENOTDIR') return l10n.t('does not exist');
  const why =
    code === 'EACCES' || code === 'EPERM' ? l10n.t('permission denied')
    : code === 'EISDIR' ? l10n.t('it is a folder')
    : code === 'ELOOP' ? l10n.t('it is a link that leads back to itself')
    : code;
  return l10n.t('cannot be read ({0})', why);
}

/**
 * Reads a whole regular file of at most `limit` bytes. Never throws, never blocks on a pipe. Takes a path, or a file
 * the caller already opened (the CLI opens with O_NOFOLLOW to apply its link rule), which is checked the same way.
 */
export function readRegularFileSync(file: string | number, limit: number): ReadBytesResult {
  let fd: number | undefined;
  try {
    if (typeof file === 'string') {
      const before = refusal(statSync(file), limit);
      if (before) return { ok: false, reason: before };
      fd = openSync(file, OPEN_FLAGS);
    }
    return readOpenedSync(fd ?? (file as number), limit);
  } catch (error) {
    return readError(error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readOpenedSync(fd: number, limit: number): ReadBytesResult {
  const stats = fstatSync(fd);
  const opened = refusal(stats, limit);
  if (opened) return { ok: false, reason: opened };
  // A regular file's size is known (and checked against the limit): read that much, as readFileSync does.
  return { ok: true, bytes: fillSync(fd, Buffer.allocUnsafe(stats.size)) };
}

/** Reads into `buffer` until it is full or the file ends (it may have shrunk meanwhile); the part read. */
function fillSync(fd: number, buffer: Buffer): Buffer {
  let total = 0;
  while (total < buffer.length) {
    const read = readSync(fd, buffer, total, buffer.length - total, null);
    if (read === 0) break;
    total += read;
  }
  return buffer.subarray(0, total);
}

async function fill(handle: FileHandle, buffer: Buffer): Promise<Buffer> {
  let total = 0;
  while (total < buffer.length) {
    const { bytesRead } = await handle.read(buffer, total, buffer.length - total, null);
    if (bytesRead === 0) break;
    total += bytesRead;
  }
  return buffer.subarray(0, total);
}

/** The same, without blocking the thread (the language server). */
export async function readRegularFile(path: string, limit: number): Promise<ReadBytesResult> {
  let handle: FileHandle | undefined;
  try {
    const before = refusal(await stat(path), limit);
    if (before) return { ok: false, reason: before };
    handle = await open(path, OPEN_FLAGS);
    const stats = await handle.stat();
    const opened = refusal(stats, limit);
    if (opened) return { ok: false, reason: opened };
    return { ok: true, bytes: await fill(handle, Buffer.allocUnsafe(stats.size)) };
  } catch (error) {
    return readError(error);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * The first `bytes` bytes of a regular file (fewer when it is shorter), to decide by content whether it is a
 * fragment file; undefined when it is not a regular file or cannot be read.
 */
export function readHeadSync(path: string, bytes: number): Buffer | undefined {
  let fd: number | undefined;
  try {
    if (!statSync(path).isFile()) return undefined;
    fd = openSync(path, OPEN_FLAGS);
    if (!fstatSync(fd).isFile()) return undefined;
    return fillSync(fd, Buffer.allocUnsafe(bytes));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export async function readHead(path: string, bytes: number): Promise<Buffer | undefined> {
  let handle: FileHandle | undefined;
  try {
    if (!(await stat(path)).isFile()) return undefined;
    handle = await open(path, OPEN_FLAGS);
    if (!(await handle.stat()).isFile()) return undefined;
    return await fill(handle, Buffer.allocUnsafe(bytes));
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

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
