/**
 * Publishes diagnostics: the path of one keystroke. The state's one debounce (state/documents.ts) fires
 * `documentChanged`; the document's view (document-view.ts) parses and checks that version once; the workspace index
 * takes the document's record IDs from the same checks and answers its duplicate IDs; both are merged, the findings
 * the review file accepts are left out (review/store.ts), and the rest is published.
 * Results carry the document version, and a check whose document changed meanwhile is dropped, so a stale result
 * never covers a newer one. A version's problems are sent once: what is checked again unchanged (the settings read
 * again, the index or the review file changed without touching this document) is not sent again. VS Code asks for
 * the light bulb's actions anew on each publish, and VS Code 1.100 can forget the command of a quick fix a person has
 * just chosen from the list it replaces ("Accept this finding…" then does nothing); VS Code also reads the settings
 * again right after the server starts, which published every open document twice. Sending less narrows that race.
 */
import { mergeDiagnostics, parseWithSchema, recordIds, validateParsed, type FragmentDiagnostic, type ParsedDocument, type Schema } from '../core';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { uriToPath } from '../files/uri';
import type { Handler, ServerState } from '../state';
import { MAX_FILE_BYTES } from '../workspace';
import { documentView } from './document-view';
import { describeError } from './safely';

export const diagnosticsHandler: Handler = (state) => {
  const { connection, documents, workspace } = state;
  /** What was last sent for each open document, and for which version. */
  const sent = new Map<string, { version: number; diagnostics: FragmentDiagnostic[] }>();
  const send = (uri: string, version: number, diagnostics: FragmentDiagnostic[]) => {
    const last = sent.get(uri);
    // Compared only for the same version, which is rare: a new version always goes out.
    if (last?.version === version && JSON.stringify(last.diagnostics) === JSON.stringify(diagnostics)) return;
    sent.set(uri, { version, diagnostics });
    void connection.sendDiagnostics({ uri, version, diagnostics });
  };

  const publish = async (document: TextDocument) => {
    const { uri, version } = document;
    await state.ready; // the user's settings decide whether and how to check
    if (documents.get(uri) !== document || document.version !== version) return; // a newer version is on its way
    runSafely(state, () => {
      let diagnostics: FragmentDiagnostic[] = [];
      if (state.settings().validate) diagnostics = openDiagnostics(state, document);
      else workspace.duplicatesFor(uri); // unchecked, the document's IDs still count for the other files'
      send(uri, version, diagnostics);
    });
  };
  const publishAll = () => {
    for (const document of documents.all()) void publish(document);
  };

  documents.onDocumentChanged((document) => void publish(document));
  documents.onDidClose(({ document }) => {
    state.reviews.forget(document.uri);
    sent.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });
  // Another file now shares (or no longer shares) an ID with these documents: check them again.
  workspace.onDidChange((uris) => {
    for (const uri of uris) {
      const document = documents.get(uri);
      if (document) void publish(document);
    }
  });
  state.settingsChanged.on(publishAll);
  state.schemaChanged.on(publishAll);
  state.reviews.changed.on(publishAll);
};

/**
 * An open document's problems: the core's, and those it has with other files, less those the review file accepts;
 * when only part of it is checked (it is over the size limit) a note says so first. Check Workspace reports open
 * documents the same way.
 */
export function openDiagnostics(state: ServerState, document: TextDocument): FragmentDiagnostic[] {
  const view = documentView(state, document);
  const merged = mergeDiagnostics(view.diagnostics(), state.workspace.duplicatesFor(document.uri));
  const diagnostics = state.reviews.filter(document.uri, merged, { schema: view.schema, parsed: () => view.parsed, parsedAround: (line) => view.parsedAround(line), recordIds: () => view.recordIds() });
  return view.truncated ? [view.truncated, ...diagnostics] : diagnostics;
}

/** A file as checked: its schema, its records and the problems it shows. `open`: read from the editor. */
export interface CheckedFile {
  schema: Schema;
  parsed: ParsedDocument;
  diagnostics: FragmentDiagnostic[];
  open: boolean;
}

/**
 * A file's records and problems as the person sees them, whether it is open or not: the open text as the editor
 * checks it (`openDiagnostics`), else the file on disk checked the same way, with its problems across files and less
 * what the review file accepts. Undefined when it cannot be read. Check Workspace and the records table both use it.
 */
export async function checkedFile(state: ServerState, uri: string): Promise<CheckedFile | undefined> {
  const checkOpen = (document: TextDocument): CheckedFile => {
    const view = documentView(state, document);
    return { schema: view.schema, parsed: view.parsed, diagnostics: openDiagnostics(state, document), open: true };
  };
  let open = state.documents.get(uri);
  if (open) return checkOpen(open);
  const path = uriToPath(uri);
  if (path === undefined) return undefined;
  const decoded = await state.host.files.readText(path, MAX_FILE_BYTES); // a regular file only, never more than the limit
  if (!decoded.ok) return undefined;
  open = state.documents.get(uri);
  if (open) return checkOpen(open); // opened while it was read: the open text wins
  const schema = state.schemas.schemaFor(uri);
  const parsed = parseWithSchema(decoded.text, schema);
  const merged = mergeDiagnostics(validateParsed(parsed, { schema, uri }), state.workspace.duplicatesFor(uri));
  const diagnostics = state.reviews.filter(uri, merged, { schema, parsed: () => parsed, recordIds: () => recordIds(parsed, schema) });
  return { schema, parsed, diagnostics, open: false };
}

/** An exception in one check is logged and the server carries on. */
function runSafely(state: ServerState, work: () => void): void {
  try {
    work();
  } catch (error) {
    state.connection.console.error(`Fragment check failed: ${describeError(error)}`);
  }
}
