/**
 * Team schema files as the language server and fragment-lint read them: which `fragment.schema.json` applies to a
 * file, a folder, or a document that has no folder; reading and checking it; the last good version of each. The
 * pure work (discovering by path, loading, extending, inferring) is core/schema; this adds the reading, through the
 * host (host/host.ts), so the server and the CLI find and read schema files the same way.
 */
import * as l10n from '@vscode/l10n';
import type { Diagnostic } from 'vscode-languageserver-types';
import { getDefaultSchema, type Schema } from '../core';
import { directed } from '../core/l10n';
import { shownPath } from '../files/uri';
import {
  discoverFolderSchemaPath,
  discoverSchemaPath,
  explicitSchemaPath,
  loadSchemaText,
  MAX_SCHEMA_TEXT,
  normalizePath,
  SCHEMA_DIAGNOSTIC_SOURCE,
  type SchemaLoadResult,
} from '../core/schema/team';
import type { HostFilesSync } from '../host/host';

export interface SchemaOptions {
  /** Workspace folders (or, for the CLI, the folder it runs in): discovery does not look above them. */
  workspaceRoots: readonly string[];
  /** A schema named by the user (`fragments.schema`, `--schema`): absolute, or relative to the workspace folder. */
  explicitPath?: string;
}

export type SchemaSource = { kind: 'default' } | { kind: 'file'; path: string };

/** The schema that applies somewhere, and where it comes from. */
export interface AppliedSchema {
  /** The schema to check with: the file's, or when it has errors its last good version, or the default. */
  schema: Schema;
  source: SchemaSource;
  /** Set when the schema file has errors: what is used instead. */
  fallback?: 'last-good' | 'default';
  /** Problems in the schema file (errors and warnings), positioned in it. */
  problems: Diagnostic[];
  /** Set when the schema file could not be read at all: why, in words that follow its path ("does not exist"). */
  unreadable?: string;
}

export interface LoadedSchemaFile extends SchemaLoadResult {
  path: string;
  /** Why the file could not be read, when it could not (its one problem says so, for the editor). */
  unreadable?: string;
}

/** Schema files larger than this are refused before they are read: real ones are a few kilobytes. */
export const MAX_SCHEMA_FILE_BYTES = MAX_SCHEMA_TEXT;

/** The text of a schema file, or why it cannot be used, in words that follow its path ("is larger than 2 MB…"). */
export type SchemaText = { ok: true; text: string } | { ok: false; reason: string };

/** Reads a schema file and checks it. Never throws: a missing or unreadable file is a problem in the result. */
export function loadSchemaFile(path: string, readText: (path: string) => SchemaText): LoadedSchemaFile {
  const read = readText(path);
  if (!read.ok) return { path, unreadable: read.reason, problems: [fileProblem(l10n.t('The schema file {0} {1}; the built-in schema is used instead.', shownPath(path), read.reason))] };
  return { path, ...loadSchemaText(read.text, path) };
}

/** Reads a schema file from the host as UTF-8: only a regular file, at most MAX_SCHEMA_FILE_BYTES. */
export function readSchemaText(files: HostFilesSync, path: string): SchemaText {
  const read = files.readText(path, MAX_SCHEMA_FILE_BYTES);
  return read.ok ? { ok: true, text: read.text } : { ok: false, reason: read.reason };
}

/** Whether something is at `path` to be read as a schema (not a folder); whether it can be read is loadSchemaFile's. */
export function schemaFileExists(files: HostFilesSync, path: string): boolean {
  const kind = files.stat(path);
  return kind !== undefined && !kind.isDirectory();
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
    private readonly readText: (path: string) => SchemaText,
    private readonly exists: (path: string) => boolean,
    /** Told each time a schema file is (re)read, e.g. to publish its problems. */
    private readonly onLoad: (file: LoadedSchemaFile) => void = () => undefined,
  ) {}

  /** Schema files read from the host's disk as they are. */
  static onDisk(files: HostFilesSync): SchemaFiles {
    return new SchemaFiles(
      (path) => readSchemaText(files, path),
      (path) => schemaFileExists(files, path),
    );
  }

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

  /** The schema of a file: the setting's, else the nearest schema file, else the default. */
  forFile(filePath: string, options: SchemaOptions): AppliedSchema {
    const roots = options.workspaceRoots.map(normalizePath);
    const explicit = options.explicitPath ? explicitSchemaPath(options.explicitPath, filePath, roots) : undefined;
    return this.applied(explicit ?? discoverSchemaPath(filePath, { workspaceRoots: roots, exists: (p) => this.cachedExists(p) }));
  }

  /** The schema of a folder: what a new file there would get. */
  forFolder(folder: string, options: SchemaOptions): AppliedSchema {
    const roots = options.workspaceRoots.map(normalizePath);
    const explicit = options.explicitPath ? explicitSchemaPath(options.explicitPath, folder, roots) : undefined;
    return this.applied(explicit ?? discoverFolderSchemaPath(folder, { workspaceRoots: roots, exists: (p) => this.cachedExists(p) }));
  }

  /**
   * The schema for a document that has no folder (a new, unsaved one): the first workspace folder's; without a
   * workspace folder, the setting's when it is an absolute path, else the default.
   */
  forDocumentWithoutFolder(options: SchemaOptions): AppliedSchema {
    const first = options.workspaceRoots[0];
    if (first !== undefined) return this.forFolder(first, options);
    return this.applied(options.explicitPath ? explicitSchemaPath(options.explicitPath, undefined, []) : undefined);
  }

  private applied(path: string | undefined): AppliedSchema {
    if (path === undefined) return { schema: getDefaultSchema(), source: { kind: 'default' }, problems: [] };
    const file = this.load(path);
    const source: SchemaSource = { kind: 'file', path: file.path };
    if (file.schema) return { schema: file.schema, source, problems: file.problems };
    const lastGood = this.lastGood.get(normalizePath(path));
    return { schema: lastGood ?? getDefaultSchema(), source, fallback: lastGood ? 'last-good' : 'default', problems: file.problems, unreadable: file.unreadable };
  }

  private cachedExists(path: string): boolean {
    let found = this.existing.get(path);
    if (found === undefined) this.existing.set(path, (found = this.exists(path)));
    return found;
  }
}

function fileProblem(message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, source: SCHEMA_DIAGNOSTIC_SOURCE, code: 'schema-file', message: directed(message) };
}
