/**
 * The server state: one object, built by server.ts and passed to every handler (as taplo's `WorldState`). It holds
 * the open documents (a fragment view and a schema-file view, each with its events), the settings, the client's
 * capabilities, the workspace folders, the team schemas and the workspace index, and the host everything outside the
 * server is read through. What happens is told by named events:
 * - `settingsChanged`: the client's `fragments.*` settings were read again;
 * - `schemaChanged` (`schemas.changed`): a schema file changed, appeared or went away, and every open fragment has
 *   its new schema;
 * - `documentChanged` (on each view): a version of an open document to act on, once per version, debounced;
 * - `watchedFilesChanged`: files changed on disk (workspace/didChangeWatchedFiles, which takes one handler only);
 * - `foldersChanged`: workspace folders were added or removed (workspace/didChangeWorkspaceFolders), and their
 *   settings have been read.
 */
import type { ClientCapabilities, Connection, FileEvent, InitializeParams, TextDocuments, WorkspaceFoldersChangeEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { currentLanguage, serverLanguage, useLanguage } from '../core/l10n';
import { normalizePath } from '../core/schema/discover';
import { isInside } from '../files';
import { uriToPath } from '../files/uri';
import type { Host } from '../host/host';
import { ReviewStore } from '../review/store';
import { SchemaStore, type SchemaChange } from '../schemas/store';
import { WorkspaceIndex, type OpenRecords } from '../workspace';
import { openDocumentViews, type OpenDocuments } from './documents';
import type { CheckedViews } from '../handlers/document-view';
import { Emitter } from './events';
import { DEFAULT_SETTINGS, type Settings } from './settings';

export { isSchemaDocument, type OpenDocuments } from './documents';
export { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';

export interface ServerState {
  connection: Connection;
  host: Host;
  /** The open fragments: what the fragment features answer in. */
  documents: OpenDocuments;
  /** The open schema files (JSON), when the client syncs them as documents. */
  schemaDocuments: OpenDocuments;
  settings(): Settings;
  /** What the client said it supports (snippets, Markdown, snippet edits, file watchers), from initialize. */
  clientCapabilities(): ClientCapabilities;
  /** The workspace folders, as paths: those of initialize, then as folders are added and removed. */
  folders(): readonly string[];
  schemas: SchemaStore;
  workspace: WorkspaceIndex;
  /** Each workspace folder's review file of accepted findings (`reviews.changed`: one was written or changed). */
  reviews: ReviewStore;
  /** Settles once the client's settings have been read (or could not be). */
  ready: Promise<void>;
  settingsChanged: Emitter<void>;
  /** The same emitter as `schemas.changed`. */
  schemaChanged: Emitter<SchemaChange>;
  watchedFilesChanged: Emitter<FileEvent[]>;
  foldersChanged: Emitter<void>;
  /** Each recently used document's parse and per-record checks, so that an edit re-checks one record (document-view.ts). */
  checkedViews: CheckedViews;
}

/** The state and what server.ts feeds into it. */
export interface ServerStateControl {
  state: ServerState;
  /** From the initialize request: the client's capabilities and the workspace folders. */
  initialize(params: InitializeParams): void;
  setSettings(settings: Settings): void;
  /** Workspace folders were added or removed. */
  changeFolders(event: WorkspaceFoldersChangeEvent): void;
  /** Each workspace folder's own `fragments.schema` (a resource setting), by folder path. */
  setFolderSchemas(schemas: ReadonlyMap<string, string>): void;
  /** The client's settings have been read (or could not be): `ready` settles. */
  settingsRead(): void;
}

/**
 * `openRecords` is how the workspace index reads an open document's records from the checks its diagnostics come
 * from (handlers/document-view.ts), so an edit is parsed once.
 */
export function createServerState(
  connection: Connection,
  host: Host,
  textDocuments: TextDocuments<TextDocument>,
  openRecords: (state: ServerState, document: TextDocument) => OpenRecords,
): ServerStateControl {
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let clientCapabilities: ClientCapabilities = {};
  let folders: readonly string[] = [];
  let folderSchemas: ReadonlyMap<string, string> = new Map();
  /** The setting of the innermost folder that holds `path` (no path: the first folder's), else the window's. */
  const schemaSetting = (path?: string) => {
    let folder = path === undefined ? folders[0] : undefined;
    if (path !== undefined) for (const f of folders) if (isInside(path, f) && (folder === undefined || f.length > folder.length)) folder = f;
    return (folder !== undefined ? folderSchemas.get(folder) : undefined) ?? settings.schema;
  };
  let settingsRead: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (settingsRead = resolve));
  const views = openDocumentViews(textDocuments, host.clock, () => settings.validationDelay);
  const openText = (path: string) => [...views.fragments.all(), ...views.schemas.all()].find((document) => uriToPath(document.uri) === path)?.getText();
  const schemas = new SchemaStore({
    host,
    schemaSetting,
    folders: () => folders,
    openText,
    openFragmentUris: () => views.fragments.all().map((document) => document.uri),
  });
  views.fragments.onDidClose(({ document }) => schemas.forgetDocument(document.uri));
  const workspace = new WorkspaceIndex({
    host,
    documents: views.fragments,
    schemaFor: (uri) => schemas.schemaFor(uri),
    workspaceSchema: () => schemas.workspaceSchema(),
    roots: () => folders,
    detectByContent: () => settings.detectByContent,
    openRecords: (document) => openRecords(state, document),
    log: (message) => connection.console.info(message),
    warn: (message) => {
      connection.console.warn(message);
      void connection.window.showWarningMessage(message);
    },
  });
  const reviews = new ReviewStore({
    host,
    folders: () => folders,
    warn: (message) => {
      connection.console.warn(message);
      void connection.window.showWarningMessage(message);
    },
  });
  // The messages' language: fragments.locale, else the client's display language. A change drops the kept checks, so
  // the next check (every open document is checked again when the settings change) writes its messages anew.
  let clientLocale: string | undefined;
  const followLanguage = () => {
    const language = serverLanguage(settings.locale, clientLocale);
    if (language === currentLanguage()) return;
    useLanguage(language);
    state.checkedViews.clear();
    // The schema files' problems were written in the language before: read them again (their schemas stay the same).
    if (schemas.files.paths().length > 0) schemas.reload();
  };
  const state: ServerState = {
    connection,
    host,
    documents: views.fragments,
    schemaDocuments: views.schemas,
    settings: () => settings,
    clientCapabilities: () => clientCapabilities,
    folders: () => folders,
    schemas,
    workspace,
    reviews,
    ready,
    settingsChanged: new Emitter(),
    schemaChanged: schemas.changed,
    watchedFilesChanged: new Emitter(),
    foldersChanged: new Emitter(),
    checkedViews: new Map(),
  };
  return {
    state,
    initialize(params) {
      clientCapabilities = params.capabilities;
      folders = workspaceFolders(params);
      clientLocale = params.locale;
      followLanguage();
    },
    setSettings(next) {
      settings = next;
      followLanguage();
    },
    changeFolders(event) {
      const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
      const added = event.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
      const kept = folders.filter((f) => !removed.has(f));
      folders = [...kept, ...added.filter((p, i) => !kept.includes(p) && added.indexOf(p) === i)];
    },
    setFolderSchemas(next) {
      folderSchemas = next;
    },
    settingsRead: () => settingsRead(),
  };
}

/** Workspace folders from the initialize request (workspaceFolders, else rootUri, else rootPath), as paths. */
function workspaceFolders(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const paths = uris.map(uriToPath).filter((p): p is string => p !== undefined);
  if (paths.length === 0 && params.rootPath) paths.push(normalizePath(params.rootPath));
  return paths;
}

/** A handler module: registers its LSP requests and notifications on the connection, and listens to the state. */
export type Handler = (state: ServerState) => void;
