/**
 * "Fragments: Check Workspace": asks the server to check every fragment file of the workspace (`fragments/checkWorkspace`),
 * shows its $/progress in a cancellable notification, and ends with a summary; the problems fill the Problems panel.
 */
import * as vscode from 'vscode';
import type { WorkDoneProgressBegin, WorkDoneProgressReport } from 'vscode-languageclient';
import { CHECK_WORKSPACE_REQUEST, type CheckWorkspaceResult } from '../../../server/src/workspace/protocol';
import type { ServerStarter } from '../server-starter';

export const CHECK_WORKSPACE_COMMAND = 'fragments.checkWorkspace';

export function registerCheckWorkspace(context: vscode.ExtensionContext, starter: ServerStarter): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CHECK_WORKSPACE_COMMAND, async () => {
      if (!vscode.workspace.workspaceFolders?.length) {
        void vscode.window.showInformationMessage('Open a folder to check all of its fragment files.');
        return;
      }
      const server = await starter.forCommand('Check Workspace');
      if (!server) return;
      const { client, library } = server;
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Checking fragment files', cancellable: true },
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

function summary(result: CheckWorkspaceResult): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const found =
    result.errors + result.warnings + result.notes === 0
      ? 'no problems found'
      : `${count(result.errors, 'error')} and ${count(result.warnings, 'warning')} in ${count(result.filesWithProblems, 'file')}; see the Problems panel`;
  const unreadable = result.unreadable ? ` ${count(result.unreadable, 'file')} could not be read (binary, not UTF-8 or too large).` : '';
  return `${result.cancelled ? 'Check stopped after' : 'Checked'} ${count(result.files, 'fragment file')}: ${found}.${unreadable}`;
}
