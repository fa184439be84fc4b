/**
 * Team schemas, live: publishes problems in schema files, and when a schema file changes (on disk, or edited in an
 * open editor: synced as an LSP document, or sent by the VS Code client as `fragments/schemaText`) reloads the
 * schemas (schemas/store.ts), which fires the state's `schemaChanged`: the diagnostics and the workspace index follow.
 */
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { WATCHED_SCHEMA_FILES } from '../files';
import { pathToUri, uriToPath } from '../files/uri';
import type { TimerHandle } from '../host/host';
import { SCHEMA_CHANGED_NOTIFICATION, SCHEMA_TEXT_NOTIFICATION, type SchemaTextParams } from '../schemas/protocol';
import type { Handler } from '../state';

export const schemaHandler: Handler = (state) => {
  const { connection, schemas, schemaDocuments } = state;
  const { clock } = state.host;
  const published = new Map<string, string>(); // schema path -> fingerprint of the problems last published
  /** Schema texts sent by notification wait for the same pause as edits of open documents. */
  const timers = new Map<string, TimerHandle>();
  let publishQueued = false;
  schemas.loaded.on(() => {
    if (publishQueued) return;
    publishQueued = true;
    clock.soon(() => {
      publishQueued = false;
      publishSchemaProblems();
    });
  });

  /** Publishes the problems of every schema file in use (only those that changed since last time). */
  const publishSchemaProblems = () => {
    for (const path of schemas.files.paths()) {
      const problems: Diagnostic[] = schemas.files.load(path).problems;
      const fingerprint = JSON.stringify(problems);
      if (published.get(path) === fingerprint) continue;
      published.set(path, fingerprint);
      const uri = schemaDocuments.all().find((d) => uriToPath(d.uri) === path)?.uri ?? pathToUri(path);
      void connection.sendDiagnostics({ uri, diagnostics: problems });
    }
  };
  const clearProblems = (path: string) => {
    published.delete(path);
    void connection.sendDiagnostics({ uri: pathToUri(path), diagnostics: [] });
  };

  /** A schema file changed (undefined: any may have): its problems are published again, and the schemas reloaded. */
  const applyChange = (path?: string) => {
    if (path !== undefined) published.delete(path);
    try {
      schemas.reload(path);
    } catch (error) {
      connection.console.error(`Reloading the schema failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };
  state.schemaChanged.on(() => {
    publishSchemaProblems();
    void connection.sendNotification(SCHEMA_CHANGED_NOTIFICATION, {});
  });

  schemas.gone.on((path) => {
    clearProblems(path);
    applyChange(path);
  });

  const schemaPathOf = (uri: string) => {
    const path = uriToPath(uri);
    return path !== undefined && schemas.isSchemaPath(path) ? path : undefined;
  };

  // A schema edited in an editor applies as it is typed (after the usual short pause).
  schemaDocuments.onDocumentChanged((document) => {
    const path = schemaPathOf(document.uri);
    if (path !== undefined) applyChange(path);
  });
  // Closing an edited schema without saving: the file on disk applies again.
  schemaDocuments.onDidClose(({ document }) => {
    const path = schemaPathOf(document.uri);
    if (path !== undefined) clock.soon(() => applyChange(path));
  });

  connection.onNotification(SCHEMA_TEXT_NOTIFICATION, (params: SchemaTextParams) => {
    const path = uriToPath(params.uri);
    if (path === undefined) return;
    schemas.setEditedText(path, params.text);
    clock.clearTimeout(timers.get(path));
    timers.set(path, clock.setTimeout(() => applyChange(path), params.text === null ? 0 : state.settings().validationDelay));
  });

  state.watchedFilesChanged.on((changes) => {
    const paths = changes.map((c) => ({ path: uriToPath(c.uri), type: c.type })).filter((c) => c.path !== undefined && schemas.isSchemaPath(c.path));
    if (paths.length === 0) return;
    for (const { path, type } of paths) {
      if (type === FileChangeType.Deleted) {
        schemas.forgetFile(path!);
        clearProblems(path!);
      }
    }
    applyChange(paths.length === 1 ? paths[0].path : undefined);
  });

  void state.ready.then(() => {
    if (state.clientCapabilities().workspace?.didChangeWatchedFiles?.dynamicRegistration !== true) return;
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_SCHEMA_FILES.map((globPattern) => ({ globPattern })) })
      .catch(() => undefined);
  });
};
