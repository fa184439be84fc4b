/**
 * Which schema file applies to a fragment file, like `.editorconfig`: the nearest `fragment.schema.json` in the
 * file's folder or a parent folder, not above the workspace folder that holds the file. Pure: the caller says which
 * files exist. Paths use `/` (backslashes are read as `/`, so Windows paths work too).
 */
export const SCHEMA_FILE_NAME = 'fragment.schema.json';

export interface DiscoverOptions {
  /** Workspace folders (absolute paths); the search stops at the deepest one that holds the file. */
  workspaceRoots: readonly string[];
  exists(path: string): boolean;
}

/** Absolute, `/`-separated, without `.`/`..` segments or a trailing slash. */
export function normalizePath(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const prefix = /^[A-Za-z]:\//.test(slashed) ? slashed.slice(0, 2) : '';
  const parts: string[] = [];
  for (const part of slashed.slice(prefix.length).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `${prefix}/${parts.join('/')}`;
}

export function isAbsolutePath(path: string): boolean {
  return /^([A-Za-z]:)?[\\/]/.test(path);
}

export function parentFolder(path: string): string | undefined {
  const normalized = normalizePath(path);
  const cut = normalized.lastIndexOf('/');
  if (cut < 0 || normalized.slice(cut) === '/' || /^([A-Za-z]:)?\/$/.test(normalized)) return undefined;
  const parent = normalized.slice(0, cut);
  return parent === '' || /^[A-Za-z]:$/.test(parent) ? `${parent}/` : parent;
}

export function joinPath(folder: string, name: string): string {
  return normalizePath(`${folder}/${name}`);
}

/** The workspace folder that holds `path` (the deepest, when folders nest), if any. */
export function rootOf(path: string, roots: readonly string[]): string | undefined {
  const file = normalizePath(path);
  let best: string | undefined;
  for (const root of roots.map(normalizePath)) {
    const inside = file === root || file.startsWith(root.endsWith('/') ? root : `${root}/`);
    if (inside && (best === undefined || root.length > best.length)) best = root;
  }
  return best;
}

/** The folders searched for a schema, nearest first: the file's folder up to its workspace folder (or the top). */
export function schemaSearchFolders(filePath: string, roots: readonly string[]): string[] {
  const folder = parentFolder(filePath);
  return folder === undefined ? [] : foldersUpFrom(folder, roots);
}

/** `folder` and its parents, nearest first, up to the workspace folder that holds it (or the top). */
function foldersUpFrom(start: string, roots: readonly string[]): string[] {
  const ceiling = rootOf(start, roots);
  const folders: string[] = [];
  for (let folder: string | undefined = normalizePath(start); folder !== undefined; folder = parentFolder(folder)) {
    folders.push(folder);
    if (folder === ceiling) break;
  }
  return folders;
}

/** The nearest schema file for `filePath`, or undefined when none exists (the built-in default then applies). */
export function discoverSchemaPath(filePath: string, options: DiscoverOptions): string | undefined {
  return nearestSchemaFile(schemaSearchFolders(filePath, options.workspaceRoots), options);
}

/** The schema file that applies to the files of `folder` (a new fragment about to be created there). */
export function discoverFolderSchemaPath(folder: string, options: DiscoverOptions): string | undefined {
  return nearestSchemaFile(foldersUpFrom(folder, options.workspaceRoots), options);
}

function nearestSchemaFile(folders: readonly string[], options: DiscoverOptions): string | undefined {
  for (const folder of folders) {
    const candidate = joinPath(folder, SCHEMA_FILE_NAME);
    if (options.exists(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The `fragments.schema` setting as a path: absolute as given, relative to the workspace folder that holds the file
 * or folder (or the first workspace folder).
 */
export function explicitSchemaPath(setting: string, place: string | undefined, roots: readonly string[]): string | undefined {
  const trimmed = setting.trim();
  if (trimmed === '') return undefined;
  if (isAbsolutePath(trimmed)) return normalizePath(trimmed);
  const base = (place !== undefined ? rootOf(place, roots) : undefined) ?? roots[0];
  return base !== undefined ? joinPath(base, trimmed) : undefined;
}
