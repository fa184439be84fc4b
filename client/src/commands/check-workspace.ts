/**
 * "Fragments: Check Workspace": asks the server to check every fragment file of the workspace (`fragments/checkWorkspace`),
 * shows its $/progress in a cancellable notification, and ends with a summary; the problems fill the Problems panel.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { WorkDoneProgressBegin, WorkDoneProgressReport } from 'vscode-languageclient';
import { CHECK_WORKSPACE_REQUEST, type CheckWorkspaceResult } from '../../../server/src/workspace/protocol';
import type { ServerStarter } from '../server-starter';

export const CHECK_WORKSPACE_COMMAND = 'fragments.checkWorkspace';

export function registerCheckWorkspace(context: vscode.ExtensionContext, starter: ServerStarter): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CHECK_WORKSPACE_COMMAND, async () => {
      if (!vscode.workspace.workspaceFolders?.length) {
        void vscode.window.showInformationMessage(l10n.t('Open a folder to check all of its fragment files.'));
        return;
      }
      const server = await starter.forCommand(l10n.t('Check Workspace'));
      if (!server) return;
      const { client, library } = server;
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: l10n.t('Checking fragment files'), cancellable: true },
        async (progress, cancellation) => {
          const token = crypto.randomUUID(); // Web Crypto: in Node's host and the browser's alike
          let shown = 0;
          const listening = client.onProgress(library.WorkDoneProgress.type, token, (value) => {
            if (value.kind === 'end') return;
            const { percentage, message } = value as WorkDoneProgressBegin | WorkDoneProgressReport;
            progress.report({ message, increment: percentage !== undefined ? Math.max(0, percentage - shown) : undefined });
            if (percentage !== undefined) shown = Math.max(shown, percentage);
          });
          try {
            return await client.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, { workDoneToken: token }, cancellation);
          } finally {
            listening.dispose();
          }
        },
      );
      void vscode.window.showInformationMessage(summary(result));
    }),
  );
}

/** The closing message; whole sentences per case, so each language can order them its own way. */
function summary(result: CheckWorkspaceResult): string {
  const files = result.files === 1 ? l10n.t('1 fragment file') : l10n.t('{0} fragment files', result.files);
  const clean = result.errors + result.warnings + result.notes === 0;
  let text: string;
  if (clean) text = result.cancelled ? l10n.t('Check stopped after {0}: no problems found.', files) : l10n.t('Checked {0}: no problems found.', files);
  else {
    const errors = result.errors === 1 ? l10n.t('1 error') : l10n.t('{0} errors', result.errors);
    const warnings = result.warnings === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', result.warnings);
    const where = result.filesWithProblems === 1 ? l10n.t('1 file') : l10n.t('{0} files', result.filesWithProblems);
    text = result.cancelled
      ? l10n.t('Check stopped after {0}: {1} and {2} in {3}; see the Problems panel.', files, errors, warnings, where)
      : l10n.t('Checked {0}: {1} and {2} in {3}; see the Problems panel.', files, errors, warnings, where);
  }
  if (!result.unreadable) return text;
  const unreadable = result.unreadable === 1 ? l10n.t('1 file') : l10n.t('{0} files', result.unreadable);
  return `${text} ${l10n.t('{0} could not be read (binary, not UTF-8 or too large).', unreadable)}`;
}
