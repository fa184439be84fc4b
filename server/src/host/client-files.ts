/**
 * The host of the browser build: no file system of its own, so files are read through the client, which answers with
 * `vscode.workspace.fs` (client-files-protocol.ts). Reads keep the Node host's bounds: only regular files, never more
 * than the limit, a larger file refused before it is read.
 *
 * The synchronous reads (which schema file applies is decided while a document is checked) answer from what was
 * fetched before. What was not fetched yet is asked for at once and answered as absent meanwhile; when it arrives,
 * `onFetched` says so, and serve.ts hands it on as a changed file, so the schema is looked up again. A team schema
 * thus applies one round trip after the first check, and from then on at once.
 */
import * as l10n from '@vscode/l10n';
import { decodeText } from '../files/decode';
import { pathToUri } from '../files/uri.browser';
import {
  FILE_TYPE,
  READ_DIRECTORY_REQUEST,
  READ_FILE_REQUEST,
  STAT_REQUEST,
  WRITE_FILE_REQUEST,
  type ClientFileStat,
  type ReadDirectoryResult,
  type ReadFileParams,
  type ReadFileResult,
  type StatParams,
  type WriteFileParams,
  type WriteFileResult,
} from './client-files-protocol';
import { refusal, type FileKind, type FolderEntry, type Host, type HostCache, type HostFiles, type HostFilesSync, type ReadFailure, type TextFileResult } from './host';

/** What the host needs of the connection: to send a request to the client. */
export interface ClientRequests {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
}

/**
 * The largest file a synchronous read is answered for: the server reads schema files synchronously, and those are
 * refused above 2 MB (core/schema/load.ts) anyway.
 */
export const SYNC_READ_LIMIT = 2_000_000;
/**
 * `vscode.workspace.fs` reads whole files only, so looking at a file's first line reads it all: a `.txt` or `.md`
 * file larger than this is not looked into (it is not taken for a fragment by its content).
 */
export const HEAD_READ_LIMIT = 1_000_000;

function kind(type: number): FileKind {
  return {
    // A virtual file system resolves links itself: an entry is what it leads to.
    isFile: () => (type & FILE_TYPE.file) !== 0,
    isDirectory: () => (type & FILE_TYPE.directory) !== 0,
    isSymbolicLink: () => false,
    isFIFO: () => false,
    isCharacterDevice: () => false,
    isBlockDevice: () => false,
    isSocket: () => false,
  };
}

type Bytes = { ok: true; bytes: Uint8Array } | ReadFailure;

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function parentOf(path: string): string {
  return path.slice(0, Math.max(path.lastIndexOf('/'), 1));
}

export function clientFilesHost(connection: ClientRequests): Host {
  const ask = async <R>(method: string, params: unknown): Promise<R | undefined> => {
    try {
      return await connection.sendRequest<R>(method, params);
    } catch {
      return undefined; // the client went away or failed: nothing to use
    }
  };
  const statOf = async (path: string): Promise<ClientFileStat | undefined> =>
    (await ask<ClientFileStat | null>(STAT_REQUEST, { uri: pathToUri(path) } satisfies StatParams)) ?? undefined;
  const listOf = async (path: string): Promise<FolderEntry[] | undefined> => {
    const entries = await ask<ReadDirectoryResult>(READ_DIRECTORY_REQUEST, { uri: pathToUri(path) } satisfies StatParams);
    return entries?.map(([name, type]) => ({ name, ...kind(type) }));
  };
  /** A regular file of at most `limit` bytes, refused before it is read when it is larger. */
  const bytesOf = async (path: string, limit: number): Promise<Bytes> => {
    const stat = await statOf(path);
    if (stat === undefined) return { ok: false, reason: l10n.t('does not exist'), missing: true };
    const refused = refusal({ ...kind(stat.type), size: stat.size }, limit);
    if (refused) return { ok: false, reason: refused };
    const read = await ask<ReadFileResult>(READ_FILE_REQUEST, { uri: pathToUri(path), limit } satisfies ReadFileParams);
    if (read === undefined) return { ok: false, reason: l10n.t('cannot be read (the editor did not answer)') };
    return read.ok ? { ok: true, bytes: fromBase64(read.base64) } : read;
  };

  // What the synchronous reads answer from: path -> the last answer fetched (undefined: nothing there).
  const stats = new Map<string, ClientFileStat | undefined>();
  const folders = new Map<string, FolderEntry[] | undefined>();
  const contents = new Map<string, Bytes>();
  const fetching = new Set<string>();
  /** Files whose text a synchronous read answered "is not read yet": told of when fetched, found or not. */
  const awaited = new Set<string>();
  const fetchedListeners: Parameters<HostCache['onFetched']>[0][] = [];

  /** Fetches what a synchronous read missed; tells the listeners when it shows something the read could not. */
  const fetchForSync = (path: string, what: 'file' | 'folder'): void => {
    const key = `${what}:${path}`;
    if (fetching.has(key)) return;
    fetching.add(key);
    void (async () => {
      let found: boolean;
      if (what === 'folder') {
        const entries = await listOf(path);
        folders.set(path, entries);
        found = entries !== undefined;
      } else {
        const stat = await statOf(path);
        stats.set(path, stat);
        if (stat !== undefined && (stat.type & FILE_TYPE.file) !== 0 && stat.size <= SYNC_READ_LIMIT) contents.set(path, await bytesOf(path, SYNC_READ_LIMIT));
        found = stat !== undefined;
      }
      fetching.delete(key);
      // A file that is not there changes nothing a read decided, unless a read said it was not read yet: that
      // read (a schema file named in the settings) now says it does not exist.
      const told = found || (what === 'file' && awaited.has(path));
      if (what === 'file') awaited.delete(path);
      if (told) for (const listener of fetchedListeners) listener([{ path, found }]);
    })();
  };

  const syncStat = (path: string): ClientFileStat | undefined => {
    if (!stats.has(path)) fetchForSync(path, 'file');
    return stats.get(path);
  };
  const syncBytes = (path: string, limit: number): Bytes => {
    const stat = syncStat(path);
    if (stat === undefined) {
      if (stats.has(path)) return { ok: false, reason: l10n.t('does not exist'), missing: true };
      awaited.add(path);
      return { ok: false, reason: l10n.t('is not read yet'), missing: true };
    }
    const refused = refusal({ ...kind(stat.type), size: stat.size }, Math.min(limit, SYNC_READ_LIMIT));
    if (refused) return { ok: false, reason: refused };
    const bytes = contents.get(path);
    if (bytes === undefined) {
      awaited.add(path);
      fetchForSync(path, 'file');
      return { ok: false, reason: l10n.t('is not read yet') };
    }
    return bytes;
  };

  const filesSync: HostFilesSync = {
    realPath: (path) => (syncStat(path) !== undefined ? path : undefined),
    stat: (path) => {
      const stat = syncStat(path);
      return stat === undefined ? undefined : kind(stat.type);
    },
    readFolder: (path) => {
      if (!folders.has(path)) fetchForSync(path, 'folder');
      return folders.get(path);
    },
    readHead: (path, bytes) => {
      const read = syncBytes(path, HEAD_READ_LIMIT);
      return read.ok ? read.bytes.subarray(0, bytes) : undefined;
    },
    readText: (path, limit): TextFileResult => {
      const read = syncBytes(path, limit);
      return read.ok ? decodeText(read.bytes) : read;
    },
  };

  const files: HostFiles = {
    realPath: async (path) => ((await files.stat(path)) !== undefined ? path : undefined),
    stat: async (path) => {
      const stat = await statOf(path);
      stats.set(path, stat);
      return stat === undefined ? undefined : kind(stat.type);
    },
    readFolder: async (path) => {
      const entries = await listOf(path);
      folders.set(path, entries);
      return entries;
    },
    readHead: async (path, bytes) => {
      const read = await bytesOf(path, HEAD_READ_LIMIT);
      return read.ok ? read.bytes.subarray(0, bytes) : undefined;
    },
    readText: async (path, limit) => {
      const read = await bytesOf(path, limit);
      return read.ok ? decodeText(read.bytes) : read;
    },
    writeText: async (path, text) => {
      const written = await ask<WriteFileResult>(WRITE_FILE_REQUEST, { uri: pathToUri(path), text } satisfies WriteFileParams);
      cache.forget([path]); // read afresh next time
      if (written === undefined) return { reason: l10n.t('the editor did not answer') };
      return written ?? undefined;
    },
  };

  const cache: HostCache = {
    forget(paths) {
      for (const path of paths) {
        stats.delete(path);
        contents.delete(path);
        folders.delete(path);
        folders.delete(parentOf(path));
      }
    },
    onFetched(listener) {
      fetchedListeners.push(listener);
    },
  };

  return {
    files,
    filesSync,
    cache,
    clock: {
      setTimeout: (run, milliseconds) => setTimeout(run, milliseconds),
      clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout> | undefined),
      soon: (run) => void setTimeout(run, 0),
    },
  };
}
