/**
 * The language client of the browser build (vscode.dev, github.dev, code-server's web worker host). The server is the
 * same serve() as in Node, built for the browser (server/src/browser/). It runs in a Worker of its own when the editor
 * allows one (dist/browser/server.js); where it does not (code-server: "Creating workers from remote extensions is
 * currently not supported"), it runs in this extension's own worker, over a MessageChannel. It reads files through
 * this client (workspace-files.ts), so documents of any scheme are served.
 */
import type * as vscode from 'vscode';
import { Uri } from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { startBrowserServer } from '../../../server/src/browser/start';
import { clientOptions, setUpClient } from '../client-setup';
import { answerFileRequests } from './workspace-files';

export { restartByHand, WorkDoneProgress } from '../client-setup';

/** The server's own bundle, for a Worker (scripts/build.mjs). */
const SERVER_BUNDLE = 'dist/browser/server.js';

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const serverOptions = async (): Promise<Worker | MessageTransports> => {
    try {
      return new Worker(Uri.joinPath(context.extensionUri, SERVER_BUNDLE).toString(true));
    } catch (error) {
      outputChannel.info(`No worker of its own for the language server (${error instanceof Error ? error.message : String(error)}): it runs in the extension's worker.`);
      const channel = new MessageChannel();
      startBrowserServer(channel.port1);
      return { reader: new BrowserMessageReader(channel.port2), writer: new BrowserMessageWriter(channel.port2) };
    }
  };
  // Every scheme: the server reads files through this client, so a virtual workspace's documents are served too.
  const options = clientOptions(outputChannel, [{ language: 'fragment' }], () => undefined);
  const client = setUpClient(context, new LanguageClient('fragments', 'Fragments', serverOptions, options), options);
  context.subscriptions.push(...answerFileRequests(client));
  return client;
}
