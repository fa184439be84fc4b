/**
 * The language client of the desktop build, bundled on its own as dist/language-client.js and loaded only when the
 * server is needed (server-starter.ts): vscode-languageclient is most of the extension's code, and most plain-text
 * files a person opens are not fragments. The server is a Node process (dist/server.js) over IPC. What the client is
 * beyond that is client-setup.ts, shared with the browser build.
 */
import { userInfo } from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { clientOptions, setUpClient } from './client-setup';
import { followLocaleSetting } from './l10n';
import { SERVER_NODE_FLAGS } from '../../server/src/node-flags';

export { restartByHand, WorkDoneProgress } from './client-setup';

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  followLocaleSetting(context); // this bundle's copy of @vscode/l10n, for the messages of recovery.ts
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // The server keeps V8's compiled code of its last start here (server/src/launcher.ts): later starts are quicker.
  const codeCache = path.join(context.globalStorageUri.fsPath, 'server-code-cache');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS, env: { ...process.env, FRAGMENT_SERVER_CACHE: codeCache } } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'], env: { ...process.env, FRAGMENT_SERVER_CACHE: '' } } },
  };
  // Files on disk and unsaved editors: the server reads the workspace from disk.
  const options = clientOptions(
    outputChannel,
    [
      { language: 'fragment', scheme: 'file' },
      { language: 'fragment', scheme: 'untitled' },
    ],
    systemUserName,
  );
  return setUpClient(context, new LanguageClient('fragments', 'Fragments', serverOptions, options), options);
}

/** The account name of the person, as the system knows it. */
function systemUserName(): string | undefined {
  try {
    return userInfo().username || undefined;
  } catch {
    return undefined;
  }
}
