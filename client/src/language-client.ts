/**
 * The language client, bundled on its own as dist/language-client.js and loaded only when the server is needed
 * (server-starter.ts): vscode-languageclient is most of the extension's code, and most plain-text files a person
 * opens are not fragments. Only this file and recovery.ts import vscode-languageclient's values; the rest of
 * client/src imports its types only.
 */
import { userInfo } from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { Uri, workspace } from 'vscode';
import { DidChangeConfigurationNotification, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions, type StaticFeature } from 'vscode-languageclient/node';
import { acceptFindingMiddleware } from './accept-finding';
import { followLocaleSetting } from './l10n';
import { schemaSetting } from './schema-setting';
import { restartingErrorHandler, type RestartingErrorHandler } from './recovery';
import { SERVER_NODE_FLAGS } from '../../server/src/node-flags';

export { WorkDoneProgress } from 'vscode-languageclient/node';

/** Each client's error handler, whose count of server stops a restart by hand resets. */
const errorHandlers = new WeakMap<LanguageClient, RestartingErrorHandler>();

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  followLocaleSetting(context); // this bundle's copy of @vscode/l10n, for the messages of recovery.ts
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // The server keeps V8's compiled code of its last start here (server/src/launcher.ts): later starts are quicker.
  const codeCache = path.join(context.globalStorageUri.fsPath, 'server-code-cache');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS, env: { ...process.env, FRAGMENT_SERVER_CACHE: codeCache } } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'], env: { ...process.env, FRAGMENT_SERVER_CACHE: '' } } },
  };
  const errorHandler = restartingErrorHandler();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'fragment', scheme: 'file' },
      { language: 'fragment', scheme: 'untitled' },
    ],
    outputChannel,
    traceOutputChannel: outputChannel,
    errorHandler,
    middleware: {
      executeCommand: acceptFindingMiddleware(systemUserName),
      workspace: {
        // In Restricted Mode the server gets the person's own fragments.schema only, never the workspace's.
        async configuration(params, token, next) {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return answers.map((answer, at) => {
            const item = params.items[at];
            if (item?.section !== 'fragments' || answer === null || typeof answer !== 'object') return answer;
            return { ...(answer as object), schema: schemaSetting(item.scopeUri ? Uri.parse(item.scopeUri) : undefined) };
          });
        },
      },
    },
  };
  const client = new LanguageClient('fragments', 'Fragments', serverOptions, clientOptions);
  client.registerFeature(clientCommandsFeature);
  // Trust granted: the workspace's fragments.schema may apply now; the server reads the settings again.
  context.subscriptions.push(
    workspace.onDidGrantWorkspaceTrust(() => {
      if (client.isRunning()) void client.sendNotification(DidChangeConfigurationNotification.type, { settings: null }).catch(() => undefined);
    }),
  );
  errorHandlers.set(client, errorHandler);
  return client;
}

/** The account name of the person, as the system knows it. */
function systemUserName(): string | undefined {
  try {
    return userInfo().username || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Tells the server which of VS Code's own commands completion items may run (rust-analyzer's experimental `commands`
 * capability): after a key is inserted, `editor.action.triggerSuggest` opens the list of its allowed values.
 */
const clientCommandsFeature: StaticFeature = {
  fillClientCapabilities(capabilities) {
    capabilities.experimental = { ...(capabilities.experimental as object | undefined), commands: { commands: ['editor.action.triggerSuggest'] } };
  },
  initialize: () => undefined,
  getState: () => ({ kind: 'static' }),
  clear: () => undefined,
};

/**
 * Restarts the server because the user asked to: the stops before this no longer count towards giving up, so a user
 * who restarts after the client gave up gets the full number of automatic restarts again.
 */
export async function restartByHand(client: LanguageClient): Promise<void> {
  errorHandlers.get(client)?.reset();
  await client.restart();
}
