/**
 * Everything the language server reads from outside itself, behind one interface (as taplo's `Environment`): files
 * and folders, and the clock. The server's state, the workspace index and the schema files use only this, so a host
 * that reads through the client (a browser build) can replace host/node.ts without touching handlers or the core.
 * Watching is the client's job in both: the server asks for `workspace/didChangeWatchedFiles` over the connection.
 */
import * as l10n from '@vscode/l10n';
import type { DecodeResult } from '../files/decode';

/** What a folder entry or a stat says a path is. Node's `Dirent` and `Stats` fit as they are. */
export interface FileKind {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}

/** What a path that is not a regular file is, in words ("a named pipe"). */
export function kindOf(entry: FileKind): string {
  if (entry.isFIFO()) return l10n.t('a named pipe');
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return l10n.t('a device');
  if (entry.isSocket()) return l10n.t('a socket');
  return l10n.t('not a file');
}

/** "5 MB", "8 KB": limits as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${Number((bytes / 1_000_000).toFixed(1))} MB`;
  if (bytes >= 1_000) return `${Number((bytes / 1_000).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/** Why a file must not be read (not a regular file, or too large), or undefined when it may be. Every host refuses alike. */
export function refusal(stats: FileKind & { size: number }, limit: number): string | undefined {
  if (stats.isDirectory()) return l10n.t('is a folder, not a file');
  if (!stats.isFile()) return l10n.t('is not a regular file (it is {0}), so it was not read', kindOf(stats));
  if (stats.size > limit) return l10n.t('is larger than {0}, so it was not read', formatBytes(limit));
  return undefined;
}

export interface FolderEntry extends FileKind {
  name: string;
}

/** `missing`: the file does not exist (any more), which is no problem to report when it was deleted meanwhile. */
export type ReadFailure = { ok: false; reason: string; missing?: boolean };
export type TextFileResult = DecodeResult | ReadFailure;

/**
 * The file system, asynchronous (the server never blocks on the disk while it could answer a request). Every method
 * answers `undefined` (or a failure with its reason) instead of throwing.
 */
export interface HostFiles {
  /** The path with links and `..` resolved; undefined when it does not exist. */
  realPath(path: string): Promise<string | undefined>;
  stat(path: string): Promise<FileKind | undefined>;
  readFolder(path: string): Promise<FolderEntry[] | undefined>;
  /** The first `bytes` bytes of a regular file, to decide by content whether it is a fragment file. */
  readHead(path: string, bytes: number): Promise<Uint8Array | undefined>;
  /** A regular file of at most `limit` bytes as UTF-8 text, or why not (not regular, too large, binary…). */
  readText(path: string, limit: number): Promise<TextFileResult>;
  /**
   * Writes a whole file in one step (a new file beside it takes its place), so a reader never sees half of it. The
   * server writes only files it owns the format of (the review file of accepted findings); undefined when written.
   */
  writeText(path: string, text: string): Promise<{ reason: string } | undefined>;
}

/**
 * The few reads that answer at once: a schema is looked up while a document is checked, and the CLI reads
 * synchronously. A host that cannot read synchronously serves these from what it has already fetched.
 */
export interface HostFilesSync {
  realPath(path: string): string | undefined;
  stat(path: string): FileKind | undefined;
  readFolder(path: string): FolderEntry[] | undefined;
  readHead(path: string, bytes: number): Uint8Array | undefined;
  readText(path: string, limit: number): TextFileResult;
}

/** A timer as the host makes it; only `clearTimeout` looks inside. */
export type TimerHandle = unknown;

export interface HostClock {
  setTimeout(run: () => void, milliseconds: number): TimerHandle;
  clearTimeout(timer: TimerHandle | undefined): void;
  /** Runs after the messages already waiting (setImmediate in Node): lets requests in between steps of long work. */
  soon(run: () => void): void;
}

export interface Host {
  files: HostFiles;
  filesSync: HostFilesSync;
  clock: HostClock;
  /** Set by a host that serves `filesSync` from what it fetched before (the browser's, host/client-files.ts). */
  cache?: HostCache;
}

/**
 * What a host whose synchronous reads come from a cache needs from the server: to hear of changed files (so it
 * forgets them), and to say when a read it could not answer at once has arrived, so that what was decided without
 * it (which schema applies) is decided again. serve.ts wires both to the watched-file changes.
 */
export interface HostCache {
  forget(paths: readonly string[]): void;
  /** `found`: the file or folder is there (false: a file a read was waiting for turned out not to exist). */
  onFetched(listener: (fetched: readonly { path: string; found: boolean }[]) => void): void;
}

/** Waits for `clock.soon`: between batches of background work. */
export function yieldTo(clock: HostClock): Promise<void> {
  return new Promise((resolve) => clock.soon(resolve));
}
