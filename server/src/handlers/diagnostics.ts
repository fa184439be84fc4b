/**
 * Publishes diagnostics: a per-document debounce, then the core's `validate`. Results carry the document version,
 * and a check whose document changed meanwhile is dropped, so a stale result never covers a newer one.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { validate } from '../core';
import type { Handler, ServerServices } from '../services';

export const diagnosticsHandler: Handler = (services) => {
  const { connection, documents } = services;
  const timers = new Map<string, NodeJS.Timeout>();

  const publish = (document: TextDocument) => {
    const current = documents.get(document.uri);
    if (!current || current.version !== document.version) return; // a newer version is on its way
    const diagnostics = services.settings().validate
      ? validate(current.getText(), { schema: services.schemaFor(current.uri), uri: current.uri })
      : [];
    void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
  };

  const schedule = (document: TextDocument) => {
    clearTimeout(timers.get(document.uri));
    const delay = services.settings().validationDelay;
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri);
        runSafely(services, () => publish(document));
      }, delay),
    );
  };

  documents.onDidOpen((event) => runSafely(services, () => publish(event.document)));
  documents.onDidChangeContent((event) => schedule(event.document));
  documents.onDidClose((event) => {
    clearTimeout(timers.get(event.document.uri));
    timers.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });
  services.onSettingsChanged(() => {
    for (const document of documents.all()) runSafely(services, () => publish(document));
  });
};

/** An exception in one check is logged and the server carries on. */
export function runSafely(services: ServerServices, work: () => void): void {
  try {
    work();
  } catch (error) {
    services.connection.console.error(`Fragment check failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
