/**
 * "Fragments: Sort Fields in Schema Order" from the command palette: asks the server to sort the active fragment.
 * The server command (registered by the language client) takes the document URI and applies the edit itself.
 */
import * as vscode from 'vscode';

export const SORT_FIELDS_COMMAND = 'fragments.sortFields';
const SERVER_COMMAND = 'fragments.server.sortFields';

export function registerSortFields(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SORT_FIELDS_COMMAND, async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document || document.languageId !== 'fragment') {
        void vscode.window.showInformationMessage('Open a fragment file to sort its fields.');
        return;
      }
      await vscode.commands.executeCommand(SERVER_COMMAND, document.uri.toString());
    }),
  );
}
