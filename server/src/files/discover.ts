/**
 * Finding the fragment files of folders: the one walk for the language server's workspace index (and so Check
 * Workspace), Infer Schema, fragment-lint's folder arguments and `--init-schema`, and the file watchers the server
 * asks the client for. It is written once, as a generator that asks for each file-system operation, which a host
 * answers (host/host.ts): `findFragmentFiles` synchronously (the CLI), `findFragmentFilesAsync` without blocking
 * (the server).
 *
 * What is visited:
 * - Fragment files by name (`*.fragment`, `*.fragment.txt`, `*.fragment.md`) and `.txt`/`.md` files whose first
 *   non-empty line is a `**FragmentID**:` field (core/fragment-file.ts), read only HEAD_BYTES deep to decide.
 * - Symbolic links are followed only when the place they lead to (their real path) is inside one of the folders
 *   walked: a link to `/` or to another project is not followed, and is named in `skipped`.
 * - A file is one file however many paths lead to it: each real path is taken once, by its own path when it has one
 *   (links are walked after everything reached without them), so its records are not compared with themselves.
 * - Only regular files count: a pipe, socket or device under a fragment name is named in `skipped` and never opened.
 */
import * as l10n from '@vscode/l10n';
import { isAbsolute, join, relative } from 'node:path';
import { HEAD_BYTES, hasFragmentName, mayBeFragment, textStartsWithFragmentId } from '../core/fragment-file';
import { kindOf, type FileKind, type FolderEntry, type HostFiles, type HostFilesSync } from '../host/host';

/** Folders never searched: installed packages and version-control data hold no team fragments. */
export const SKIPPED_FOLDER_NAMES: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test']);

/**
 * The files the server asks the client to watch: every name that may be a fragment file (the names of
 * core/fragment-file.ts; by content, plain text and Markdown), and JSON files, since the `fragments.schema` setting
 * may name a schema file with any name.
 */
export const WATCHED_FRAGMENT_FILES = ['**/*.fragment', '**/*.txt', '**/*.md'];
export const WATCHED_SCHEMA_FILES = ['**/*.json'];

export interface SkippedFile {
  path: string;
  /** `outside`: a link out of the folders walked; `not-regular`: a pipe, socket or device. */
  kind: 'outside' | 'not-regular';
  /** In words, to follow the path: "is a link to …, outside the folders checked, so it was not followed". */
  reason: string;
}

export interface FoundFiles {
  /** Absolute paths as reached from the folders given, each real file once, sorted. */
  files: string[];
  /** The real path of each file listed (links and `..` resolved), to compare with files found otherwise. */
  realPaths: ReadonlyMap<string, string>;
  /** What was left out on purpose, and why. */
  skipped: SkippedFile[];
  /** The walk stopped at `maxFiles`: there are more fragment files than listed. */
  truncated: boolean;
}

export interface FindOptions {
  /** Stop after this many files (the language server bounds its background work). */
  maxFiles?: number;
  /** `fragments.detectByContent`: also take `.txt`/`.md` files that start with a FragmentID field (default true). */
  detectByContent?: boolean;
  /** Words for the folders in messages ("the workspace folders", "the folders checked"). */
  foldersName?: string;
}

/** One file-system operation; `heads` reads the start of several files, which the asynchronous driver does at once. */
type Ask = { op: 'realpath' | 'stat' | 'readdir'; path: string } | { op: 'heads'; paths: string[] };
type Walk<T> = Generator<Ask, T, unknown>;

function* askRealpath(path: string): Walk<string | undefined> {
  return (yield { op: 'realpath', path }) as string | undefined;
}
function* askStat(path: string): Walk<FileKind | undefined> {
  return (yield { op: 'stat', path }) as FileKind | undefined;
}
function* askReaddir(path: string): Walk<FolderEntry[] | undefined> {
  return (yield { op: 'readdir', path }) as FolderEntry[] | undefined;
}
function* askHeads(paths: string[]): Walk<(Uint8Array | undefined)[]> {
  return paths.length === 0 ? [] : ((yield { op: 'heads', paths }) as (Uint8Array | undefined)[]);
}

const utf8 = new TextDecoder('utf-8');

/** Whether `path` is `folder` or inside it (both real paths). */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!isAbsolute(rel) && rel.split(/[\\/]/)[0] !== '..');
}

interface Folder {
  path: string;
  real: string;
  /** Reached through a symbolic link. */
  linked: boolean;
}

function* walk(folders: readonly string[], options: FindOptions): Walk<FoundFiles> {
  const maxFiles = options.maxFiles ?? Number.POSITIVE_INFINITY;
  const detectByContent = options.detectByContent ?? true;
  const foldersName = options.foldersName ?? l10n.t('the folders checked');
  const areas: string[] = [];
  const direct: Folder[] = [];
  // Folders reached through a link are walked after every folder reached without one, so a file keeps its own path.
  const linked: Folder[] = [];
  for (const path of folders) {
    const real = yield* askRealpath(path);
    if (real === undefined) continue;
    areas.push(real);
    direct.push({ path, real, linked: false });
  }
  const inside = (real: string) => areas.some((area) => isInside(real, area));
  const visitedFolders = new Set<string>();
  /** Real path -> the path the file is listed by, and whether that path goes through a link. */
  const found = new Map<string, { path: string; throughLink: boolean }>();
  const skipped: SkippedFile[] = [];

  while (direct.length > 0 || linked.length > 0) {
    const folder = (direct.shift() ?? linked.shift()) as Folder;
    if (visitedFolders.has(folder.real)) continue;
    visitedFolders.add(folder.real);
    const entries = (yield* askReaddir(folder.path)) ?? []; // an unreadable folder holds nothing we can use
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const files: { path: string; real: string; throughLink: boolean; byName: boolean }[] = [];
    for (const entry of entries) {
      const path = join(folder.path, entry.name);
      let real = join(folder.real, entry.name);
      let kind: FileKind = entry;
      let throughLink = folder.linked;
      if (entry.isSymbolicLink()) {
        const target = yield* askRealpath(path);
        const stats = target === undefined ? undefined : yield* askStat(target);
        if (target === undefined || stats === undefined) continue; // a broken link leads nowhere: nothing to read
        if (!stats.isDirectory() && !mayBeFragment(entry.name, detectByContent)) continue;
        if (!inside(target)) {
          skipped.push({ path, kind: 'outside', reason: l10n.t('is a link to {0}, outside {1}, so it was not followed', target, foldersName) });
          continue;
        }
        if (stats.isDirectory()) {
          if (!SKIPPED_FOLDER_NAMES.has(entry.name)) linked.push({ path, real: target, linked: true });
          continue;
        }
        real = target;
        kind = stats;
        throughLink = true;
      } else if (entry.isDirectory()) {
        if (!SKIPPED_FOLDER_NAMES.has(entry.name)) (folder.linked ? linked : direct).push({ path, real, linked: folder.linked });
        continue;
      }
      if (!mayBeFragment(entry.name, detectByContent)) continue;
      if (!kind.isFile()) {
        skipped.push({ path, kind: 'not-regular', reason: l10n.t('is not a regular file (it is {0}), so it was not read', kindOf(kind)) });
        continue;
      }
      files.push({ path, real, throughLink, byName: hasFragmentName(entry.name) });
    }
    // The .txt and .md files of the folder are looked into together: the asynchronous driver reads them at once.
    const undecided = files.filter((file) => !file.byName && !found.has(file.real));
    const heads = yield* askHeads(undecided.map((file) => file.path));
    const byContent = new Set(undecided.filter((_, i) => heads[i] !== undefined && textStartsWithFragmentId(utf8.decode(heads[i] as Uint8Array))));
    for (const file of files) {
      const earlier = found.get(file.real);
      if (earlier && (file.throughLink || !earlier.throughLink)) continue; // the same file, already listed
      if (!earlier && !file.byName && !byContent.has(file)) continue;
      if (!earlier && found.size >= maxFiles) return finish(found, skipped, true);
      found.set(file.real, { path: file.path, throughLink: file.throughLink });
    }
  }
  return finish(found, skipped, false);
}

function finish(found: Map<string, { path: string }>, skipped: SkippedFile[], truncated: boolean): FoundFiles {
  const files = [...found.values()].map((file) => file.path).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files, realPaths: new Map([...found].map(([real, file]) => [file.path, real])), skipped, truncated };
}

/** The answers of the synchronous driver. */
function answerSync(files: HostFilesSync, ask: Ask): unknown {
  if (ask.op === 'heads') return ask.paths.map((path) => files.readHead(path, HEAD_BYTES));
  if (ask.op === 'realpath') return files.realPath(ask.path);
  if (ask.op === 'stat') return files.stat(ask.path);
  return files.readFolder(ask.path); // an unreadable folder holds nothing we can use
}

function answer(files: HostFiles, ask: Ask): Promise<unknown> {
  if (ask.op === 'heads') return Promise.all(ask.paths.map((path) => files.readHead(path, HEAD_BYTES)));
  if (ask.op === 'realpath') return files.realPath(ask.path);
  if (ask.op === 'stat') return files.stat(ask.path);
  return files.readFolder(ask.path);
}

/** The fragment files in `folders` and their subfolders (see the rules above), read synchronously. */
export function findFragmentFiles(files: HostFilesSync, folders: readonly string[], options: FindOptions = {}): FoundFiles {
  const steps = walk(folders, options);
  let step = steps.next();
  while (!step.done) step = steps.next(answerSync(files, step.value));
  return step.value;
}

/** The same without blocking: each file-system operation is awaited, so requests are answered in between. */
export async function findFragmentFilesAsync(files: HostFiles, folders: readonly string[], options: FindOptions = {}): Promise<FoundFiles> {
  const steps = walk(folders, options);
  let step = steps.next();
  while (!step.done) step = steps.next(await answer(files, step.value));
  return step.value;
}
