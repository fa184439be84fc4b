/**
 * Publishes diagnostics: a per-document debounce, then the core's `validate`. Results carry the document version,
 * and a check whose document changed meanwhile is dropped, so a stale result never covers a newer one.
 */
import { mergeDiagnostics, type FragmentDiagnostic } from '../core';
import { isSchemaDocument } from '../schemas/store';
import type { Handler, ServerServices } from '../services';
import { documentView } from './document-view';
import { describeError } from './safely';

export const diagnosticsHandler: Handler = (services) => {
  const { connection, documents } = services;
  const timers = new Map<string, NodeJS.Timeout>();
  /** The version last checked or about to be, per document: a change event for it needs no second check. */
  const requested = new Map<string, number>();

  const publish = async (uri: string, version: number) => {
    requested.set(uri, version);
    await services.ready; // the user's settings decide whether and how to check
    const document = documents.get(uri);
    if (!document || document.version !== version) return; // a newer version is on its way
    if (isSchemaDocument(document)) return; // a schema file: the schema handler checks it
    runSafely(services, () => {
      let diagnostics: FragmentDiagnostic[] = [];
      if (services.settings().validate) {
        const view = documentView(services, document);
        diagnostics = mergeDiagnostics(view.diagnostics(), services.extraDiagnostics?.(uri) ?? []);
        if (view.truncated) diagnostics.unshift(view.truncated); // part of the file is not checked: say so first
      }
      void connection.sendDiagnostics({ uri, version, diagnostics });
    });
  };

  const cancel = (uri: string) => {
    clearTimeout(timers.get(uri));
    timers.delete(uri);
  };

  documents.onDidOpen((event) => void publish(event.document.uri, event.document.version));
  documents.onDidChangeContent(({ document }) => {
    if (requested.get(document.uri) === document.version) return;
    cancel(document.uri);
    requested.set(document.uri, document.version);
    timers.set(document.uri, setTimeout(() => void publish(document.uri, document.version), services.settings().validationDelay));
  });
  documents.onDidClose(({ document }) => {
    cancel(document.uri);
    requested.delete(document.uri);
    if (!isSchemaDocument(document)) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });
  // Another file now shares (or no longer shares) an ID with these documents: check them again.
  services.onExtraDiagnosticsChanged?.((uris) => {
    for (const uri of uris) {
      const document = documents.get(uri);
      if (document) void publish(uri, document.version);
    }
  });
  services.onSettingsChanged(() => {
    for (const document of documents.all()) {
      cancel(document.uri);
      void publish(document.uri, document.version);
    }
  });
};

/** An exception in one check is logged and the server carries on. */
export function runSafely(services: ServerServices, work: () => void): void {
  try {
    work();
  } catch (error) {
    services.connection.console.error(`Fragment check failed: ${describeError(error)}`);
  }
}
