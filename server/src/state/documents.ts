/**
 * The open documents, in two views: fragments (what the fragment features answer in) and schema files (JSON: the
 * schema handler's). Each view has its own events, so no handler has to ask which kind a document is. The one
 * debounce of the server is here: `documentChanged` fires once per version, at once when a document opens and after
 * `fragments.validationDelay` of quiet when it is edited.
 */
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SCHEMA_FILE_NAME } from '../core/schema/discover';
import type { HostClock, TimerHandle } from '../host/host';
import { Emitter } from './events';

/** Schema files are JSON: the fragment features leave them alone, the schema handler checks them. */
export function isSchemaDocument(document: TextDocument): boolean {
  return document.languageId === 'json' || document.languageId === 'jsonc' || document.uri.endsWith(`/${SCHEMA_FILE_NAME}`);
}

/** One view of the open documents: only those of its kind, and their events. */
export class OpenDocuments {
  /** A version to act on: the one a document opened with, then the last of each burst of edits. */
  readonly documentChanged = new Emitter<TextDocument>();
  readonly closed = new Emitter<TextDocument>();

  constructor(
    private readonly store: TextDocuments<TextDocument>,
    private readonly includes: (document: TextDocument) => boolean,
  ) {}

  get(uri: string): TextDocument | undefined {
    const document = this.store.get(uri);
    return document && this.includes(document) ? document : undefined;
  }

  all(): TextDocument[] {
    return this.store.all().filter(this.includes);
  }

  onDocumentChanged(listener: (document: TextDocument) => void): void {
    this.documentChanged.on(listener);
  }

  /** `{ document }`, as TextDocuments' own event, which the handlers were written against. */
  onDidClose(listener: (event: { document: TextDocument }) => void): void {
    this.closed.on((document) => listener({ document }));
  }
}

/** Splits the connection's documents into the two views and debounces their edits. */
export function openDocumentViews(store: TextDocuments<TextDocument>, clock: HostClock, delay: () => number): { fragments: OpenDocuments; schemas: OpenDocuments } {
  const fragments = new OpenDocuments(store, (document) => !isSchemaDocument(document));
  const schemas = new OpenDocuments(store, isSchemaDocument);
  const viewOf = (document: TextDocument) => (isSchemaDocument(document) ? schemas : fragments);
  const timers = new Map<string, TimerHandle>();
  /** The version last announced (or about to be) per document: opening also reports the text as a change. */
  const announced = new Map<string, number>();
  const announce = (document: TextDocument) => {
    timers.delete(document.uri);
    announced.set(document.uri, document.version);
    viewOf(document).documentChanged.fire(document);
  };
  store.onDidOpen(({ document }) => announce(document));
  store.onDidChangeContent(({ document }) => {
    if (announced.get(document.uri) === document.version) return;
    clock.clearTimeout(timers.get(document.uri));
    announced.set(document.uri, document.version);
    timers.set(document.uri, clock.setTimeout(() => announce(document), delay()));
  });
  store.onDidClose(({ document }) => {
    clock.clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    announced.delete(document.uri);
    viewOf(document).closed.fire(document);
  });
  return { fragments, schemas };
}
