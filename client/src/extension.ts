/**
 * The desktop build (package.json's `main`, VS Code's Node extension host): activation (activate.ts) with the
 * language client loaded from its own bundle on first need, a Node server process, and the spreadsheet commands,
 * which run fragment-lint as a process.
 */
import type * as vscode from 'vscode';
import { activateBuild } from './activate';
import { registerExportRecords } from './commands/export-records';
import type { LanguageClientLibrary, ServerStarter } from './server-starter';

/** The bundle of the language client, built next to this one (scripts/build.mjs); loaded on first need. */
const LANGUAGE_CLIENT_BUNDLE = 'dist/language-client.js';

let starter: ServerStarter | undefined;

export function activate(context: vscode.ExtensionContext): void {
  starter = activateBuild(context, {
    // A path computed at run time, so esbuild leaves the require alone instead of bundling the client into this file.
    load: (): LanguageClientLibrary => require(context.asAbsolutePath(LANGUAGE_CLIENT_BUNDLE)),
    registerOwnCommands: registerExportRecords,
  });
}

export async function deactivate(): Promise<void> {
  await starter?.stop();
  starter = undefined;
}
