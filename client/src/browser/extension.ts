/**
 * The browser build (package.json's `browser`: vscode.dev, github.dev, code-server's web worker extension host): the
 * same activation as the desktop build (../activate.ts), with the browser's language client bundled in (a web
 * extension is one file: it cannot load another bundle later). The spreadsheet export and import run fragment-lint
 * as a process, which a browser cannot: here they say so, and where they work.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { activateBuild } from '../activate';
import { EXPORT_RECORDS_COMMAND, IMPORT_RECORDS_COMMAND } from '../commands/spreadsheet-commands';
import type { ServerStarter } from '../server-starter';
import * as browserClient from './language-client';

let starter: ServerStarter | undefined;

export function activate(context: vscode.ExtensionContext): void {
  starter = activateBuild(context, { load: () => browserClient, registerOwnCommands: registerSpreadsheetNotice });
}

export async function deactivate(): Promise<void> {
  await starter?.stop();
  starter = undefined;
}

function registerSpreadsheetNotice(context: vscode.ExtensionContext): void {
  const notice = () =>
    void vscode.window.showInformationMessage(
      l10n.t('Export and import of spreadsheets run fragment-lint as a program, which the browser cannot do. Use VS Code on your computer, or `fragment-lint export` and `fragment-lint import` on the command line.'),
    );
  context.subscriptions.push(vscode.commands.registerCommand(EXPORT_RECORDS_COMMAND, notice), vscode.commands.registerCommand(IMPORT_RECORDS_COMMAND, notice));
}
