/**
 * "Fragments: Sort Fields in Schema Order" from the command palette: asks the server to sort the active fragment.
 * The server command (registered by the language client once the server runs) takes the document URI and applies the edit itself.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { ServerStarter } from '../server-starter';

export const SORT_FIELDS_COMMAND = 'fragments.sortFields';
const SERVER_COMMAND = 'fragments.server.sortFields';

export function registerSortFields(context: vscode.ExtensionContext, starter: ServerStarter): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SORT_FIELDS_COMMAND, async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document || document.languageId !== 'fragment') {
        void vscode.window.showInformationMessage(l10n.t('Open a fragment file to sort its fields.'));
        return;
      }
      // The server command exists once the server has started (opening the fragment started it; it may still be starting).
      if (!(await starter.forCommand(l10n.t('Sort Fields in Schema Order')))) return;
      await vscode.commands.executeCommand(SERVER_COMMAND, document.uri.toString());
    }),
  );
}
