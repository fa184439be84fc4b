/**
 * Team schemas, live: publishes problems in schema files, and when a schema file changes (on disk, or edited in an
 * open editor: synced as an LSP document, or sent by the VS Code client as `fragments/schemaText`) re-resolves every
 * document and checks all open fragments again with the new schema.
 */
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isSchemaDocument, pathToUri, schemaStore, uriToPath } from '../schemas/store';
import { SCHEMA_CHANGED_NOTIFICATION, SCHEMA_TEXT_NOTIFICATION, type SchemaTextParams } from '../schemas/protocol';
import type { Handler } from '../services';


export const schemaHandler: Handler = (services) => {
  const { connection, documents } = services;
  schemaStore.attach(services);
  const published = new Map<string, string>(); // schema path -> fingerprint of the problems last published
  const timers = new Map<string, NodeJS.Timeout>();
  /** The version of each open schema document already applied (opening also reports the text as a change). */
  const applied = new Map<string, number>();
  let publishQueued = false;
  schemaStore.onLoaded(() => {
    if (publishQueued) return;
    publishQueued = true;
    setImmediate(() => {
      publishQueued = false;
      publishSchemaProblems();
    });
  });

  /** Publishes the problems of every schema file in use (only those that changed since last time). */
  const publishSchemaProblems = () => {
    for (const path of schemaStore.files.paths()) {
      const problems: Diagnostic[] = schemaStore.files.load(path).problems;
      const fingerprint = JSON.stringify(problems);
      if (published.get(path) === fingerprint) continue;
      published.set(path, fingerprint);
      const uri = schemaStore.documents().find((d) => uriToPath(d.uri) === path)?.uri ?? pathToUri(path);
      void connection.sendDiagnostics({ uri, diagnostics: problems });
    }
  };

  /** After a schema change: new schemas everywhere, problems in the schema files, fragments checked again. */
  const applyChange = (path?: string) => {
    try {
      schemaStore.changed(path);
      if (path !== undefined) published.delete(path);
      // Resolving every open fragment loads the schema files they use, so their problems get published.
      for (const document of documents.all()) if (!isSchemaDocument(document)) schemaStore.resolve(document.uri);
      // A schema file no fragment uses yet still gets its problems shown while it is written.
      if (path !== undefined && schemaStore.exists(path)) schemaStore.files.load(path);
      publishSchemaProblems();
    } catch (error) {
      connection.console.error(`Reloading the schema failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    services.revalidateAll();
    void connection.sendNotification(SCHEMA_CHANGED_NOTIFICATION, {});
  };

  schemaStore.onGone((path) => {
    published.delete(path);
    void connection.sendDiagnostics({ uri: pathToUri(path), diagnostics: [] });
    applyChange(path);
  });

  const schemaPathOf = (uri: string) => {
    const path = uriToPath(uri);
    return path !== undefined && schemaStore.isSchemaPath(path) ? path : undefined;
  };

  // A schema edited in an editor applies as it is typed (after the usual short pause).
  documents.onDidOpen(({ document }) => {
    const path = schemaPathOf(document.uri);
    if (path === undefined) return;
    applied.set(document.uri, document.version);
    applyChange(path);
  });
  documents.onDidChangeContent(({ document }) => {
    const path = schemaPathOf(document.uri);
    if (path === undefined || applied.get(document.uri) === document.version) return;
    applied.set(document.uri, document.version);
    clearTimeout(timers.get(path));
    timers.set(path, setTimeout(() => applyChange(path), services.settings().validationDelay));
  });
  // Closing an edited schema without saving: the file on disk applies again.
  documents.onDidClose(({ document }) => {
    const path = schemaPathOf(document.uri);
    applied.delete(document.uri);
    if (path !== undefined) setImmediate(() => applyChange(path));
    else schemaStore.forget(document.uri);
  });

  connection.onNotification(SCHEMA_TEXT_NOTIFICATION, (params: SchemaTextParams) => {
    const path = uriToPath(params.uri);
    if (path === undefined) return;
    schemaStore.setEditedText(path, params.text);
    clearTimeout(timers.get(path));
    timers.set(path, setTimeout(() => applyChange(path), params.text === null ? 0 : services.settings().validationDelay));
  });

  services.onWatchedFilesChanged((changes) => {
    const paths = changes.map((c) => ({ path: uriToPath(c.uri), type: c.type })).filter((c) => c.path !== undefined && schemaStore.isSchemaPath(c.path));
    if (paths.length === 0) return;
    for (const { path, type } of paths) {
      if (type === FileChangeType.Deleted) {
        schemaStore.gone(path!);
        published.delete(path!);
        void connection.sendDiagnostics({ uri: pathToUri(path!), diagnostics: [] });
      }
    }
    applyChange(paths.length === 1 ? paths[0].path : undefined);
  });

  void services.ready.then(() => {
    if (!schemaStore.canWatchFiles) return;
    // Any JSON file: the `fragments.schema` setting may name a schema file with another name.
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.json' }] })
      .catch(() => undefined);
  });
};
