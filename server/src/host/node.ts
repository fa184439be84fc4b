/** The host when the server runs in Node: the disk through node:fs (bounded, safe reads: node-read.ts) and Node's timers. */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { readdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Host, HostFiles, HostFilesSync } from './host';
import { readHead, readHeadSync, readTextFile, readTextFileSync } from './node-read';

/** Gone, unreadable, a link in a circle: nothing to use. */
const orNothing = <T>(read: () => T): T | undefined => {
  try {
    return read();
  } catch {
    return undefined;
  }
};

export const nodeFilesSync: HostFilesSync = {
  realPath: (path) => orNothing(() => realpathSync.native(path)),
  stat: (path) => orNothing(() => statSync(path)),
  readFolder: (path) => orNothing(() => readdirSync(path, { withFileTypes: true })),
  readHead: readHeadSync,
  readText: readTextFileSync,
};

export const nodeFiles: HostFiles = {
  realPath: (path) => realpath(path).catch(() => undefined),
  stat: (path) => stat(path).catch(() => undefined),
  readFolder: (path) => readdir(path, { withFileTypes: true }).catch(() => undefined),
  readHead,
  readText: readTextFile,
  writeText,
};

/** A temporary file in the same folder (so the rename stays on one disk) takes the file's place. */
async function writeText(path: string, text: string): Promise<{ reason: string } | undefined> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, path);
    return undefined;
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    return { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  }
}

export const nodeHost: Host = {
  files: nodeFiles,
  filesSync: nodeFilesSync,
  clock: {
    setTimeout: (run, milliseconds) => setTimeout(run, milliseconds),
    clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout | undefined),
    soon: (run) => void setImmediate(run),
  },
};
