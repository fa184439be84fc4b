/**
 * The workspace: indexes every fragment file for checks across files (duplicate FragmentIDs), follows file changes,
 * and answers `fragments/checkWorkspace` by publishing diagnostics for every fragment file, open or not.
 */
import { fileURLToPath } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, type CancellationToken, type Diagnostic } from 'vscode-languageserver/node';
import { mergeDiagnostics, validate } from '../core';
import { isSchemaDocument, schemaStore } from '../schemas/store';
import type { Handler, ServerServices } from '../services';
import { documentView } from './document-view';
import { workspaceIndex, MAX_FILE_BYTES } from '../workspace';
import { mayBeFragment } from '../core/fragment-file';
import { readTextFile } from '../files';
import { CHECK_WORKSPACE_REQUEST, type CheckWorkspaceParams, type CheckWorkspaceResult } from '../workspace/protocol';

/** Fragment files by name, and the plain-text and Markdown files that may be fragments by content. */
const WATCHED = ['**/*.fragment', '**/*.txt', '**/*.md'];
/** Files checked between progress reports (and between chances for other requests to run). */
const STEP = 20;

export const workspaceHandler: Handler = (services) => {
  const { connection, documents } = services;
  /** Files that are not open but whose diagnostics Check Workspace published: kept current as things change. */
  const published = new Set<string>();
  const refreshTimers = new Map<string, NodeJS.Timeout>();

  workspaceIndex.attach({
    documents,
    schemaFor: (uri) => services.schemaFor(uri),
    roots: () => schemaStore.workspaceRoots(),
    isFragmentDocument: (document) => !isSchemaDocument(document),
    detectByContent: () => services.settings().detectByContent,
    openRecords: (document) => {
      const view = documentView(services, document);
      return { idsGeneration: view.idsGeneration(), ids: () => view.recordIds(), parsed: () => view.parsed };
    },
    log: (message) => connection.console.info(message),
    warn: (message) => {
      connection.console.warn(message);
      void connection.window.showWarningMessage(message);
    },
  });

  void services.ready.then(() => {
    void workspaceIndex.scan(); // first, so that a Check Workspace waiting on the same promise sees this scan
    if (schemaStore.canWatchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) }).catch(() => undefined);
    }
  });

  // Edits reach the index when their diagnostics are published; this covers documents not being checked (validate off).
  documents.onDidChangeContent(({ document }) => {
    clearTimeout(refreshTimers.get(document.uri));
    refreshTimers.set(
      document.uri,
      setTimeout(() => {
        refreshTimers.delete(document.uri);
        workspaceIndex.refreshOpen(document.uri);
        workspaceIndex.duplicatesFor(document.uri);
      }, services.settings().validationDelay + 50),
    );
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(refreshTimers.get(document.uri));
    refreshTimers.delete(document.uri);
    void workspaceIndex.documentClosed(document.uri).then(() => {
      // The diagnostics handler cleared the closed file's problems; a checked workspace keeps showing the disk's.
      if (published.has(document.uri)) void publishFromDisk(services, document.uri, published);
    });
  });
  services.onWatchedFilesChanged((changes) => {
    for (const change of changes) {
      if (!mayBeFragment(change.uri, services.settings().detectByContent) && !published.has(change.uri)) continue;
      const deleted = change.type === FileChangeType.Deleted;
      void workspaceIndex.fileChanged(change.uri, deleted).then(() => {
        if (!published.has(change.uri) || documents.get(change.uri)) return;
        if (deleted) {
          published.delete(change.uri);
          void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
        } else {
          void publishFromDisk(services, change.uri, published);
        }
      });
    }
  });
  // Duplicates changed for files that are not open: their published problems follow (open ones: diagnostics handler).
  workspaceIndex.onDidChange((uris) => {
    for (const uri of uris) if (published.has(uri) && !documents.get(uri)) void publishFromDisk(services, uri, published);
  });
  services.onSettingsChanged(() => void workspaceIndex.reindex());

  connection.onRequest(CHECK_WORKSPACE_REQUEST, async (params: CheckWorkspaceParams | undefined, token: CancellationToken): Promise<CheckWorkspaceResult> => {
    const progress = connection.window.attachWorkDoneProgress(params?.workDoneToken);
    progress.begin('Checking fragment files', 0, 'Looking for fragment files…', true);
    await services.ready;
    await workspaceIndex.scanned();
    const uris = new Set(workspaceIndex.uris());
    for (const document of documents.all()) if (!isSchemaDocument(document)) uris.add(document.uri);
    const all = [...uris].sort();
    const unreadable = workspaceIndex.unreadableFiles();
    for (const [uri, reason] of unreadable) connection.console.warn(`Not checked: ${uri} ${reason}.`);
    const result: CheckWorkspaceResult = { files: 0, filesWithProblems: 0, errors: 0, warnings: 0, notes: 0, unreadable: unreadable.length, cancelled: false };
    try {
      for (let i = 0; i < all.length; i++) {
        if (token.isCancellationRequested) {
          result.cancelled = true;
          break;
        }
        const diagnostics = documents.get(all[i]) ? openDiagnostics(services, all[i]) : await publishFromDisk(services, all[i], published);
        if (diagnostics === undefined) {
          result.unreadable++;
          continue;
        }
        result.files++;
        if (diagnostics.length > 0) result.filesWithProblems++;
        for (const d of diagnostics) {
          if (d.severity === 1) result.errors++;
          else if (d.severity === 2) result.warnings++;
          else result.notes++;
        }
        if (i % STEP === STEP - 1) {
          progress.report(Math.round(((i + 1) * 100) / all.length), `${i + 1} of ${all.length} files`);
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    } finally {
      progress.done();
    }
    return result;
  });
};

/** An open document's problems as the diagnostics handler publishes them (it keeps publishing them itself). */
function openDiagnostics(services: ServerServices, uri: string): Diagnostic[] {
  const document = services.documents.get(uri);
  if (!document) return [];
  // The same view the diagnostics handler checks: an open file over the size limit is checked up to it, with the note.
  const view = documentView(services, document);
  const diagnostics = mergeDiagnostics(view.diagnostics(), services.extraDiagnostics?.(uri) ?? []);
  return view.truncated ? [view.truncated, ...diagnostics] : diagnostics;
}

/** Checks a file that is not open from its disk content and publishes the result; undefined when it cannot be read. */
async function publishFromDisk(services: ServerServices, uri: string, published: Set<string>): Promise<Diagnostic[] | undefined> {
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  const decoded = await readTextFile(path, MAX_FILE_BYTES); // a regular file only, never more than the limit
  if (!decoded.ok) return undefined;
  const text = decoded.text;
  if (services.documents.get(uri)) return openDiagnostics(services, uri); // opened meanwhile: the open text wins
  const diagnostics = mergeDiagnostics(validate(text, { schema: services.schemaFor(uri), uri }), services.extraDiagnostics?.(uri) ?? []);
  published.add(uri);
  void services.connection.sendDiagnostics({ uri, diagnostics });
  return diagnostics;
}
