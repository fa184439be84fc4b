/** The VS Code side: starts the language server, detects fragments by content, registers the commands. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCheckWorkspace } from './commands/check-workspace';
import { registerCreateSchema } from './commands/create-schema';
import { registerInferSchema } from './commands/infer-schema';
import { registerNewFragment } from './commands/new-fragment';
import { registerSortFields } from './commands/sort-fields';
import { registerDetectByContent } from './detect-by-content';
import { restartingErrorHandler } from './recovery';
import { registerSchemaSync } from './schema-sync';
import { registerSchemaStatus } from './status';
import { SERVER_NODE_FLAGS } from '../../server/src/node-flags';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel('Fragments', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'fragment', scheme: 'file' },
      { language: 'fragment', scheme: 'untitled' },
    ],
    outputChannel,
    traceOutputChannel: outputChannel,
    errorHandler: restartingErrorHandler(),
  };
  client = new LanguageClient('fragments', 'Fragments', serverOptions, clientOptions);

  registerDetectByContent(context);
  registerSortFields(context);
  registerCheckWorkspace(context, client);
  registerNewFragment(context, client);
  registerCreateSchema(context, client);
  registerInferSchema(context, client);
  registerSchemaStatus(context, client);
  registerSchemaSync(context, client);
  context.subscriptions.push(
    vscode.commands.registerCommand('fragments.restartServer', async () => {
      await client?.restart();
      void vscode.window.setStatusBarMessage('Fragments: language server restarted', 3000);
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
