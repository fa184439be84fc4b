/**
 * The language server in the browser build: the same serve() as in Node (serve.ts), on a connection over a message
 * port and on a host that reads files through the client (host/client-files.ts). It runs in a Worker of its own
 * (browser/worker.ts) or, where the editor refuses extensions a Worker (code-server), in the extension's own worker
 * over a MessageChannel (client/src/browser/language-client.ts).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { describeError } from '../handlers/safely';
import { clientFilesHost } from '../host/client-files';
import { guardedConnectionOptions, ProtocolGuard } from '../protocol-guard';
import { serve } from '../serve';

/** What the server talks over: a MessagePort, or the worker's own scope. */
export type ServerPort = ConstructorParameters<typeof BrowserMessageReader>[0];

export function startBrowserServer(port: ServerPort): void {
  const guard = new ProtocolGuard();
  const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port), guardedConnectionOptions(guard));
  guard.attach(connection);
  serve(connection, clientFilesHost(connection));
  // No process ends with the server here: on `exit` it lets go of its port, so a server the client restarted in the
  // same worker leaves nothing of the old one behind.
  connection.onExit(() => {
    connection.dispose();
    (port as { close?: () => void }).close?.();
  });
  connection.listen();
  // A failure in a timer or a promise is logged in the output channel; the server carries on.
  const scope = globalThis as { addEventListener?: (type: 'unhandledrejection', listener: (event: { reason?: unknown }) => void) => void };
  scope.addEventListener?.('unhandledrejection', (event) => connection.console.error(`Fragment language server error: ${describeError(event.reason)}`));
}
