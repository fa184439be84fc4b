/**
 * What the features see of an open document: its text up to the size limit, parsed once per version and schema,
 * so that diagnostics, code actions, outline, folding and hover on the same keystroke share one parse.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkedPart, MAX_DIAGNOSTICS, parseWithSchema, validateParsed, type FragmentDiagnostic, type ParsedDocument, type Schema } from '../core';
import type { ServerServices } from '../services';

export interface DocumentView {
  schema: Schema;
  /** The checked text: the whole document unless it is over the size limit. */
  text: string;
  parsed: ParsedDocument;
  /** Set when only part of the document is checked; whole-file edits (fix-all, formatting, sorting) are then off. */
  truncated?: FragmentDiagnostic;
  /** The core's diagnostics for the checked text (computed on first use). */
  diagnostics(): FragmentDiagnostic[];
}

/**
 * The views of the most recently used documents. A parse is several times the size of its text, and re-parsing a
 * document nobody is looking at takes a millisecond, so only the recent ones are kept, not one per open document.
 */
const RECENT_VIEWS = 32;
const views = new Map<TextDocument, { version: number; view: DocumentView }>();

export function documentView(services: ServerServices, document: TextDocument): DocumentView {
  const schema = services.schemaFor(document.uri);
  const cached = views.get(document);
  if (cached) views.delete(document); // re-inserted below or now: the Map's order is the order of use
  if (cached && cached.version === document.version && cached.view.schema === schema) {
    views.set(document, cached);
    return cached.view;
  }
  const { text, note } = checkedPart(document.getText(), schema.recordStart);
  const parsed = parseWithSchema(text, schema);
  let diagnostics: FragmentDiagnostic[] | undefined;
  const view: DocumentView = {
    schema,
    text,
    parsed,
    truncated: note,
    // With the file-too-large note the file still gets at most MAX_DIAGNOSTICS.
    diagnostics: () => (diagnostics ??= validateParsed(parsed, { schema, uri: document.uri, maxDiagnostics: note ? MAX_DIAGNOSTICS - 1 : MAX_DIAGNOSTICS })),
  };
  views.set(document, { version: document.version, view });
  if (views.size > RECENT_VIEWS) views.delete(views.keys().next().value as TextDocument);
  return view;
}
