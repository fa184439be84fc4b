/**
 * The VS Code side: detects fragments by content, registers the commands and the status item, and starts the
 * language server only when it is first needed (server-starter.ts, start-triggers.ts): activation must stay small,
 * because it happens for every plain-text and Markdown file.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { registerCheckWorkspace } from './commands/check-workspace';
import { registerCreateSchema } from './commands/create-schema';
import { registerExportRecords } from './commands/export-records';
import { registerInferSchema } from './commands/infer-schema';
import { registerNewFragment } from './commands/new-fragment';
import { registerNextField } from './commands/next-field';
import { registerRecordsTable } from './records-table/panel';
import { registerSortFields } from './commands/sort-fields';
import { registerDetectByContent } from './detect-by-content';
import { followLocaleSetting } from './l10n';
import { registerSchemaSync } from './schema-sync';
import { ServerStarter, type LanguageClientLibrary } from './server-starter';
import { startServerWhenNeeded } from './start-triggers';
import { registerSchemaStatus } from './status';

/** The bundle of the language client, built next to this one (scripts/build.mjs); loaded on first need. */
const LANGUAGE_CLIENT_BUNDLE = 'dist/language-client.js';

let starter: ServerStarter | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const began = performance.now();
  const outputChannel = vscode.window.createOutputChannel('Fragments', { log: true });
  context.subscriptions.push(outputChannel);
  // A path computed at run time, so esbuild leaves the require alone instead of bundling the client into this file.
  const load = (): LanguageClientLibrary => require(context.asAbsolutePath(LANGUAGE_CLIENT_BUNDLE));
  const report = (message: string) => void vscode.window.showErrorMessage(message);
  const server = new ServerStarter({ context, output: outputChannel, load, report });
  starter = server;
  followLocaleSetting(context);

  registerDetectByContent(context);
  registerSortFields(context, server);
  registerCheckWorkspace(context, server);
  registerRecordsTable(context, server);
  registerNewFragment(context, server);
  registerNextField(context);
  registerCreateSchema(context, server);
  registerInferSchema(context, server);
  registerExportRecords(context);
  registerSchemaStatus(context, server);
  registerSchemaSync(context, server);
  context.subscriptions.push(
    vscode.commands.registerCommand('fragments.restartServer', async () => {
      const done = await server.restart(l10n.t('Restart Server'));
      if (done) void vscode.window.setStatusBarMessage(done === 'started' ? l10n.t('Fragments: language server started') : l10n.t('Fragments: language server restarted'), 3000);
    }),
  );
  startServerWhenNeeded(context, server);
  outputChannel.info(
    `Activated in ${Math.round(performance.now() - began)} ms. ` +
      (server.requested ? 'The language server is starting.' : 'The language server starts when a fragment or a fragment.schema.json is opened.'),
  );
}

export async function deactivate(): Promise<void> {
  await starter?.stop();
  starter = undefined;
}
