/**
 * The workspace: indexes every fragment file for checks across files (duplicate FragmentIDs), follows file changes,
 * and answers `fragments/checkWorkspace` by publishing diagnostics for every fragment file, open or not.
 */
import * as l10n from '@vscode/l10n';
import { DidChangeWatchedFilesNotification, FileChangeType, type CancellationToken, type Diagnostic } from 'vscode-languageserver/node';
import { mayBeFragment } from '../core/fragment-file';
import { isInside, WATCHED_FRAGMENT_FILES } from '../files';
import { uriToPath } from '../files/uri';
import { yieldTo } from '../host/host';
import type { Handler, ServerState } from '../state';
import { CHECK_WORKSPACE_REQUEST, type CheckWorkspaceParams, type CheckWorkspaceResult } from '../workspace/protocol';
import { checkedFile, openDiagnostics } from './diagnostics';

/** Files checked between progress reports (and between chances for other requests to run). */
const STEP = 20;

export const workspaceHandler: Handler = (state) => {
  const { connection, documents, workspace } = state;
  /** Files that are not open but whose diagnostics Check Workspace published: kept current as things change. */
  const published = new Set<string>();

  void state.ready.then(() => {
    void workspace.scan(); // first, so that a Check Workspace waiting on the same promise sees this scan
    if (state.clientCapabilities().workspace?.didChangeWatchedFiles?.dynamicRegistration === true) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_FRAGMENT_FILES.map((globPattern) => ({ globPattern })) }).catch(() => undefined);
    }
  });

  // Edits reach the index on the diagnostics' path (diagnostics.ts), from the same checks.
  documents.onDidClose(({ document }) => {
    void workspace.documentClosed(document.uri).then(() => {
      // The diagnostics handler cleared the closed file's problems; a checked workspace keeps showing the disk's.
      if (published.has(document.uri)) void publishFromDisk(state, document.uri, published);
    });
  });
  state.watchedFilesChanged.on((changes) => {
    for (const change of changes) {
      const path = uriToPath(change.uri);
      if (path !== undefined) state.reviews.fileChanged(path);
      if (!mayBeFragment(change.uri, state.settings().detectByContent) && !published.has(change.uri)) continue;
      const deleted = change.type === FileChangeType.Deleted;
      void workspace.fileChanged(change.uri, deleted).then(() => {
        if (!published.has(change.uri) || documents.get(change.uri)) return;
        if (deleted) {
          published.delete(change.uri);
          void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
        } else {
          void publishFromDisk(state, change.uri, published);
        }
      });
    }
  });
  // Duplicates changed for files that are not open: their published problems follow (open ones: diagnostics handler).
  workspace.onDidChange((uris) => {
    for (const uri of uris) if (published.has(uri) && !documents.get(uri)) void publishFromDisk(state, uri, published);
  });
  // Folders added or removed: the files of a removed folder no longer show what Check Workspace found in them, the
  // review files follow, and the schemas are looked up again (which folder a file is in decides its schema), which
  // reads the index again (schemaChanged below): the new folders' files are indexed, the removed folders' dropped.
  state.foldersChanged.on(() => {
    const folders = state.folders();
    for (const uri of [...published]) {
      const path = uriToPath(uri);
      if (path !== undefined && folders.some((folder) => isInside(path, folder))) continue;
      published.delete(uri);
      if (!documents.get(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    state.reviews.foldersChanged();
    state.schemas.reload();
  });
  // Record starts and keys may be read differently, and which files are fragments may have changed.
  state.settingsChanged.on(() => void workspace.reindex());
  // A review file changed: the checked files that are not open show what it accepts now (open ones: diagnostics handler).
  state.reviews.changed.on(() => {
    for (const uri of published) if (!documents.get(uri)) void publishFromDisk(state, uri, published);
  });
  state.schemaChanged.on(() => void workspace.reindex());

  connection.onRequest(CHECK_WORKSPACE_REQUEST, async (params: CheckWorkspaceParams | undefined, token: CancellationToken): Promise<CheckWorkspaceResult> => {
    const progress = connection.window.attachWorkDoneProgress(params?.workDoneToken);
    progress.begin(l10n.t('Checking fragment files'), 0, l10n.t('Looking for fragment files…'), true);
    await state.ready;
    await workspace.scanned();
    const uris = new Set(workspace.uris());
    for (const document of documents.all()) uris.add(document.uri);
    const all = [...uris].sort();
    const unreadable = workspace.unreadableFiles();
    for (const [uri, reason] of unreadable) connection.console.warn(`Not checked: ${uri} ${reason}.`);
    const result: CheckWorkspaceResult = { files: 0, filesWithProblems: 0, errors: 0, warnings: 0, notes: 0, unreadable: unreadable.length, cancelled: false };
    try {
      for (let i = 0; i < all.length; i++) {
        if (token.isCancellationRequested) {
          result.cancelled = true;
          break;
        }
        const open = documents.get(all[i]);
        const diagnostics = open ? openDiagnostics(state, open) : await publishFromDisk(state, all[i], published);
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
          progress.report(Math.round(((i + 1) * 100) / all.length), l10n.t('{0} of {1} files', i + 1, all.length));
          await yieldTo(state.host.clock);
        }
      }
    } finally {
      progress.done();
    }
    return result;
  });
};

/**
 * Checks a file and publishes the result when it is not open (the diagnostics handler publishes open ones); its
 * problems, or undefined when it cannot be read.
 */
async function publishFromDisk(state: ServerState, uri: string, published: Set<string>): Promise<Diagnostic[] | undefined> {
  const checked = await checkedFile(state, uri);
  if (!checked) return undefined;
  if (!checked.open) {
    published.add(uri);
    void state.connection.sendDiagnostics({ uri, diagnostics: checked.diagnostics });
  }
  return checked.diagnostics;
}
