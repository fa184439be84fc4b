/**
 * What the language client is, whichever build runs it: its options (the output channel, the settings the server may
 * see, the recovery after a crash), the client commands it offers the server, and a restart by hand. The desktop
 * build (language-client.ts, a Node server process) and the browser build (browser/language-client.ts, a server in a
 * worker) differ only in how the server is started and which documents it can read.
 */
import type * as vscode from 'vscode';
import { Uri, workspace } from 'vscode';
import { DidChangeConfigurationNotification, type BaseLanguageClient, type DocumentSelector, type LanguageClientOptions, type StaticFeature } from 'vscode-languageclient';
import { acceptFindingMiddleware } from './accept-finding';
import { restartingErrorHandler, type RestartingErrorHandler } from './recovery';
import { schemaSetting } from './schema-setting';

export { WorkDoneProgress } from 'vscode-languageclient';

/** Each client's error handler, whose count of server stops a restart by hand resets. */
const errorHandlers = new WeakMap<BaseLanguageClient, RestartingErrorHandler>();

/**
 * The client's options; `setUpClient` completes the client made with them. `userName`: who accepts a finding, when the
 * build can know it (the desktop asks the system; the browser cannot, and the reviewer fills it in).
 */
export function clientOptions(outputChannel: vscode.LogOutputChannel, documentSelector: DocumentSelector, userName: () => string | undefined): LanguageClientOptions {
  return {
    documentSelector,
    outputChannel,
    traceOutputChannel: outputChannel,
    errorHandler: restartingErrorHandler(),
    middleware: {
      executeCommand: acceptFindingMiddleware(userName),
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
}

export function setUpClient<C extends BaseLanguageClient>(context: vscode.ExtensionContext, client: C, options: LanguageClientOptions): C {
  client.registerFeature(clientCommandsFeature);
  // Trust granted: the workspace's fragments.schema may apply now; the server reads the settings again.
  context.subscriptions.push(
    workspace.onDidGrantWorkspaceTrust(() => {
      if (client.isRunning()) void client.sendNotification(DidChangeConfigurationNotification.type, { settings: null }).catch(() => undefined);
    }),
  );
  errorHandlers.set(client, options.errorHandler as RestartingErrorHandler);
  return client;
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
export async function restartByHand(client: BaseLanguageClient): Promise<void> {
  errorHandlers.get(client)?.reset();
  // Node's LanguageClient has restart(); the browser's has not, and stop-then-start is what restart() does.
  await client.stop();
  await client.start();
}
