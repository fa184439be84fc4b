/**
 * Activation, the same in both builds: detects fragments by content, registers the commands and the status item, and
 * starts the language server only when it is first needed (server-starter.ts, start-triggers.ts): activation must
 * stay small, because it happens for every plain-text and Markdown file. Each build says how its language client is
 * loaded (extension.ts: the desktop's, a Node server; browser/extension.ts: the browser's, a server in a worker), and
 * adds the commands only it can run.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { registerCheckWorkspace } from './commands/check-workspace';
import { registerCreateSchema } from './commands/create-schema';
import { registerInferSchema } from './commands/infer-schema';
import { registerNewFragment } from './commands/new-fragment';
import { registerNextField } from './commands/next-field';
import { registerSortFields } from './commands/sort-fields';
import { registerDetectByContent } from './detect-by-content';
import { followLocaleSetting } from './l10n';
import { registerRecordsTable } from './records-table/panel';
import { registerSchemaSync } from './schema-sync';
import { ServerStarter, type LanguageClientLibrary } from './server-starter';
import { startServerWhenNeeded } from './start-triggers';
import { registerSchemaStatus } from './status';

export interface Build {
  /** Loads the language client library (on first need). */
  load(): LanguageClientLibrary;
  /** Registers the commands only this build has. */
  registerOwnCommands?(context: vscode.ExtensionContext): void;
}

export function activateBuild(context: vscode.ExtensionContext, build: Build): ServerStarter {
  const began = performance.now();
  const outputChannel = vscode.window.createOutputChannel('Fragments', { log: true });
  context.subscriptions.push(outputChannel);
  const report = (message: string) => void vscode.window.showErrorMessage(message);
  const server = new ServerStarter({ context, output: outputChannel, load: build.load, report });
  followLocaleSetting(context);

  registerDetectByContent(context);
  registerSortFields(context, server);
  registerCheckWorkspace(context, server);
  registerRecordsTable(context, server);
  registerNewFragment(context, server);
  registerNextField(context);
  registerCreateSchema(context, server);
  registerInferSchema(context, server);
  build.registerOwnCommands?.(context);
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
  return server;
}
