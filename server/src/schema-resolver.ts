/**
 * Team schemas on disk: finds the `fragment.schema.json` that applies to a file, reads and checks it, remembers the
 * last good version of each. Used by the language server and the CLI. The pure work (finding by path, parsing,
 * checking, inferring) is in core/schema; this module adds the file access.
 */
import { statSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver-types';
import { getDefaultSchema, type Schema } from './core';
import { findFragmentFiles, readTextFileSync } from './files';
import {
  discoverSchemaPath,
  explicitSchemaPath,
  inferSchema,
  joinPath,
  loadSchemaText,
  MAX_SCHEMA_TEXT,
  normalizePath,
  SCHEMA_DIAGNOSTIC_SOURCE,
  type InferredSchemaResult,
  type InputFile,
  type SchemaLoadResult,
} from './core/schema/team';

export * from './core/schema/team';

export interface SchemaOptions {
  /** Workspace folders (or, for the CLI, the folder it runs in): discovery does not look above them. */
  workspaceRoots: readonly string[];
  /** A schema named by the user (`fragments.schema`, `--schema`): absolute, or relative to the workspace folder. */
  explicitPath?: string;
}

export type SchemaSource = { kind: 'default' } | { kind: 'file'; path: string };

export interface ResolvedSchema {
  /** The schema to check with: the file's, or when it has errors its last good version, or the default. */
  schema: Schema;
  source: SchemaSource;
  /** Set when the schema file has errors: what is used instead. */
  fallback?: 'last-good' | 'default';
  /** Problems in the schema file (errors and warnings), positioned in it. */
  problems: Diagnostic[];
}

export interface LoadedSchemaFile extends SchemaLoadResult {
  path: string;
}

/** Reads a schema file and checks it. Never throws: a missing or unreadable file is a problem in the result. */
export function loadSchemaFile(path: string, readText: (path: string) => string = readSchemaText): LoadedSchemaFile {
  let text: string;
  try {
    text = readText(path);
  } catch (error) {
    const reason = error instanceof SchemaFileRefused ? error.message : `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
    return { path, problems: [fileProblem(`The schema file ${path} ${reason}; the built-in schema is used instead.`)] };
  }
  return { path, ...loadSchemaText(text, path) };
}

/** Schema files larger than this are refused before they are read: real ones are a few kilobytes. */
export const MAX_SCHEMA_FILE_BYTES = MAX_SCHEMA_TEXT;

/** Why a schema file was not read, in words that follow its path ("is larger than 2 MB, so it was not read"). */
export class SchemaFileRefused extends Error {}

/**
 * Reads a schema file as UTF-8: only a regular file (a pipe would block the server, a device never ends), at most
 * MAX_SCHEMA_FILE_BYTES. Throws SchemaFileRefused with the reason.
 */
export function readSchemaText(path: string): string {
  const read = readTextFileSync(path, MAX_SCHEMA_FILE_BYTES);
  if (!read.ok) throw new SchemaFileRefused(read.reason);
  return read.text;
}

/** Whether something is at `path` to be read as a schema (not a folder); whether it can be read is loadSchemaFile's. */
export function fileExists(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Caches what it reads until told a file changed (`invalidate`), and keeps each schema file's last good version so
 * that a half-typed edit does not switch every fragment to another schema.
 */
export class SchemaFiles {
  private readonly loaded = new Map<string, LoadedSchemaFile>();
  private readonly lastGood = new Map<string, Schema>();
  private readonly existing = new Map<string, boolean>();

  constructor(
    private readonly readText: (path: string) => string = readSchemaText,
    private readonly exists: (path: string) => boolean = fileExists,
    /** Told each time a schema file is (re)read, e.g. to publish its problems. */
    private readonly onLoad: (file: LoadedSchemaFile) => void = () => undefined,
  ) {}

  load(path: string): LoadedSchemaFile {
    const key = normalizePath(path);
    let file = this.loaded.get(key);
    if (!file) {
      file = loadSchemaFile(path, this.readText);
      this.loaded.set(key, file);
      if (file.schema) this.lastGood.set(key, file.schema);
      this.onLoad(file);
    }
    return file;
  }

  /** Forgets a changed file (or everything): the next question reads it again. */
  invalidate(path?: string): void {
    if (path === undefined) {
      this.loaded.clear();
      this.existing.clear();
      return;
    }
    this.loaded.delete(normalizePath(path));
    this.existing.delete(normalizePath(path));
  }

  /** Forgets a file that went away, its last good version too. */
  forget(path: string): void {
    this.invalidate(path);
    this.lastGood.delete(normalizePath(path));
  }

  /** Paths loaded so far. */
  paths(): string[] {
    return [...this.loaded.keys()];
  }

  /** The schema for a file (undefined path: a new, unsaved document, which gets its workspace's schema). */
  resolve(filePath: string | undefined, options: SchemaOptions): ResolvedSchema {
    const roots = options.workspaceRoots.map(normalizePath);
    const explicit = options.explicitPath ? explicitSchemaPath(options.explicitPath, filePath, roots) : undefined;
    const near = filePath ?? (roots[0] !== undefined ? joinPath(roots[0], 'untitled') : undefined);
    const path = explicit ?? (near !== undefined ? discoverSchemaPath(near, { workspaceRoots: roots, exists: (p) => this.cachedExists(p) }) : undefined);
    if (path === undefined) return { schema: getDefaultSchema(), source: { kind: 'default' }, problems: [] };
    const file = this.load(path);
    const source: SchemaSource = { kind: 'file', path: file.path };
    if (file.schema) return { schema: file.schema, source, problems: file.problems };
    const lastGood = this.lastGood.get(normalizePath(path));
    return { schema: lastGood ?? getDefaultSchema(), source, fallback: lastGood ? 'last-good' : 'default', problems: file.problems };
  }

  private cachedExists(path: string): boolean {
    let found = this.existing.get(path);
    if (found === undefined) this.existing.set(path, (found = this.exists(path)));
    return found;
  }
}

/** One-off resolution (the CLI checking a few files); reuse a `SchemaFiles` for many. */
export function resolveSchemaForFile(filePath: string | undefined, options: SchemaOptions & { files?: SchemaFiles }): ResolvedSchema {
  return (options.files ?? new SchemaFiles()).resolve(filePath, options);
}

export interface InferenceLimits {
  maxFiles?: number;
  maxFileBytes?: number;
}

export interface InferredSchema extends InferredSchemaResult {
  /** Fragment files read. */
  files: number;
}

/**
 * Reads the fragment files in a folder (and its subfolders, found as everywhere else: files/discover.ts) and infers a
 * schema from them. Files are named relative to the folder in the result's suspects.
 */
export function inferSchemaFromFolder(folder: string, limits: InferenceLimits = {}): InferredSchema {
  const top = normalizePath(folder);
  const maxBytes = limits.maxFileBytes ?? 10_000_000;
  const files: InputFile[] = [];
  for (const path of findFragmentFiles([folder], { maxFiles: limits.maxFiles ?? 20_000 }).files) {
    const read = readTextFileSync(path, maxBytes);
    if (read.ok) files.push({ path: relativeTo(top, path), text: read.text }); // unreadable, binary or too large: skipped
  }
  return { ...inferSchema(files), files: files.length };
}

function relativeTo(folder: string, path: string): string {
  const normalized = normalizePath(path);
  return normalized.startsWith(`${folder}/`) ? normalized.slice(folder.length + 1) : normalized;
}

function fileProblem(message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, source: SCHEMA_DIAGNOSTIC_SOURCE, code: 'schema-file', message };
}
