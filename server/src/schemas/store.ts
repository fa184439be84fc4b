/**
 * The language server's view of team schemas: which schema applies to each open document (cached), with the text of
 * open schema documents taking precedence over the disk, so an edit applies before it is saved.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { InitializeParams, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Schema } from '../core';
import { fileExists, normalizePath, readSchemaText, SCHEMA_FILE_NAME, SchemaFiles, type ResolvedSchema } from '../schema-resolver';
import type { ServerServices } from '../services';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return normalizePath(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).toString();
}

/** Schema files are JSON: the fragment checks leave them alone, the schema handler checks them. */
export function isSchemaDocument(document: TextDocument): boolean {
  return document.languageId === 'json' || document.languageId === 'jsonc' || document.uri.endsWith(`/${SCHEMA_FILE_NAME}`);
}

export class SchemaStore {
  private services?: ServerServices;
  private allDocuments?: TextDocuments<TextDocument>;
  private roots: string[] = [];
  private readonly loadListeners: (() => void)[] = [];
  private readonly goneListeners: ((path: string) => void)[] = [];
  /** Schema texts being edited in a client that sends them by notification (path -> text). */
  private readonly edited = new Map<string, string>();
  /** Whether the client lets the server register file watchers (so schema files on disk are followed). */
  canWatchFiles = false;
  private readonly resolved = new Map<string, { setting: string; result: ResolvedSchema }>();
  readonly files = new SchemaFiles(
    (path) => this.openText(path) ?? readSchemaText(path),
    (path) => this.exists(path),
    () => this.loadListeners.forEach((listener) => listener()),
  );

  attach(services: ServerServices): void {
    this.services = services;
  }

  /**
   * The open documents as the fragment features see them: without schema files (JSON), so that completion, hover and
   * the rest never answer inside a schema. The schema handler keeps the full set (`documents()`).
   */
  fragmentView(documents: TextDocuments<TextDocument>): TextDocuments<TextDocument> {
    this.allDocuments = documents;
    const fragment = (document: TextDocument | undefined) => (document && !isSchemaDocument(document) ? document : undefined);
    return new Proxy(documents, {
      get(target, property) {
        if (property === 'get') return (uri: string) => fragment(target.get(uri));
        if (property === 'all') return () => target.all().filter((d) => !isSchemaDocument(d));
        if (property === 'keys') return () => target.all().filter((d) => !isSchemaDocument(d)).map((d) => d.uri);
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  /** Every open document, schema files included. */
  documents(): TextDocument[] {
    return this.allDocuments?.all() ?? this.services?.documents.all() ?? [];
  }

  /** Workspace folders from the initialize request (workspaceFolders, else rootUri, else rootPath). */
  setWorkspace(params: InitializeParams): void {
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const paths = uris.map(uriToPath).filter((p): p is string => p !== undefined);
    if (paths.length === 0 && params.rootPath) paths.push(normalizePath(params.rootPath));
    this.roots = paths;
    this.canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.changed();
  }

  /** Runs when a look-up finds that a schema file in use has gone (deleted without a watched-file event). */
  onGone(listener: (path: string) => void): void {
    this.goneListeners.push(listener);
  }

  /** Runs after any schema file is read (again). */
  onLoaded(listener: () => void): void {
    this.loadListeners.push(listener);
  }

  workspaceRoots(): readonly string[] {
    return this.roots;
  }

  schemaFor(uri: string): Schema {
    return this.resolve(uri).schema;
  }

  resolve(uri: string): ResolvedSchema {
    const setting = this.services?.settings().schema ?? '';
    const cached = this.resolved.get(uri);
    if (cached && cached.setting === setting) {
      // A schema file deleted or renamed without a watched-file event (some clients do not watch files) stops
      // applying at the next look-up: one stat, cheap next to a check.
      const { source, fallback } = cached.result;
      if (source.kind === 'default' || fallback === 'default' || fileExists(source.path)) return cached.result;
      this.gone(source.path);
      const path = source.path;
      setImmediate(() => this.goneListeners.forEach((listener) => listener(path))); // the other documents follow
    }
    const result = this.files.resolve(uriToPath(uri), { workspaceRoots: this.roots, explicitPath: setting });
    this.resolved.set(uri, { setting, result });
    return result;
  }

  /** For a folder rather than a document (a new fragment about to be created there). */
  resolveInFolder(folderUri: string | undefined): ResolvedSchema {
    const folder = folderUri ? uriToPath(folderUri) : undefined;
    const setting = this.services?.settings().schema ?? '';
    return this.files.resolve(folder ? `${folder}/untitled` : undefined, { workspaceRoots: this.roots, explicitPath: setting });
  }

  /** A schema file changed, appeared or went away: read it again, and resolve every document again. */
  changed(path?: string): void {
    this.files.invalidate(path);
    this.resolved.clear();
  }

  /**
   * A schema file was deleted or renamed: it stops applying at once. The text an editor still holds for it (VS Code
   * keeps a deleted file's editor open, and sends its text again after a restart) does not bring it back; nor does
   * its last good version, should a broken file appear at the same path later.
   */
  gone(path: string): void {
    const key = normalizePath(path);
    this.edited.delete(key);
    this.files.forget(key);
    this.changed(key);
  }

  forget(uri: string): void {
    this.resolved.delete(uri);
  }

  /** Whether a path is a schema file: named fragment.schema.json, or the one the setting names, or one in use. */
  isSchemaPath(path: string): boolean {
    return path.endsWith(`/${SCHEMA_FILE_NAME}`) || this.files.paths().includes(normalizePath(path));
  }

  /**
   * Whether a schema file is there: on disk. An open editor supplies its text (edits apply before they are saved),
   * but not its existence: a deleted file's editor may stay open.
   */
  exists(path: string): boolean {
    return fileExists(path);
  }

  /** The text of a schema being edited (null: closed, the disk applies again). */
  setEditedText(path: string, text: string | null): void {
    if (text === null) this.edited.delete(path);
    else this.edited.set(path, text);
  }

  private openText(path: string): string | undefined {
    const edited = this.edited.get(path);
    if (edited !== undefined) return edited;
    return this.documents().find((d) => uriToPath(d.uri) === path)?.getText();
  }

}

/** One store per server process, shared by server.ts (schemaFor) and the schema handler. */
export const schemaStore = new SchemaStore();
