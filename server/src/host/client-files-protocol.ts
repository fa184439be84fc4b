/**
 * The requests by which a server with no file system of its own (the browser build) reads files through the client,
 * which answers them with `vscode.workspace.fs` (client/src/browser/workspace-files.ts): so a virtual workspace (a
 * GitHub repository in github.dev, `vscode-vfs://`) is read like a folder on disk. URIs of any scheme.
 * No imports: the client's bundle includes this file.
 */

/** VS Code's `FileType` bits. */
export const FILE_TYPE = { file: 1, directory: 2, symbolicLink: 64 } as const;

export interface ClientFileStat {
  /** `FileType` bits: 1 file, 2 folder, 64 added when reached through a symbolic link. */
  type: number;
  size: number;
}

/** `fragments/fs/stat`: what is at the URI; null when nothing is (or it cannot be read). */
export const STAT_REQUEST = 'fragments/fs/stat';
export interface StatParams {
  uri: string;
}

/** `fragments/fs/readDirectory`: a folder's entries as [name, FileType]; null when it cannot be listed. */
export const READ_DIRECTORY_REQUEST = 'fragments/fs/readDirectory';
export type ReadDirectoryResult = [name: string, type: number][] | null;

/**
 * `fragments/fs/readFile`: a regular file's bytes (base64, whatever the transport), never more than `limit` bytes:
 * the client refuses a larger file before it reads it.
 */
export const READ_FILE_REQUEST = 'fragments/fs/readFile';
export interface ReadFileParams {
  uri: string;
  limit: number;
}
export type ReadFileResult = { ok: true; base64: string } | { ok: false; reason: string; missing?: boolean };

/**
 * `fragments/fs/writeFile`: writes a whole text file (the review file, when a finding is accepted). The answer is
 * undefined when written, else why not.
 */
export const WRITE_FILE_REQUEST = 'fragments/fs/writeFile';
export interface WriteFileParams {
  uri: string;
  text: string;
}
export type WriteFileResult = { reason: string } | null;
