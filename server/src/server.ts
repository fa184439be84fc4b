/**
 * The fragment language server as a Node process: its arguments, the connection, logging. Runs over stdio (`--stdio`,
 * the default when started by hand) or Node IPC (how the VS Code client starts it); serve.ts does the rest, on Node's
 * host (host/node.ts).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { describeError } from './handlers/safely';
import { nodeHost } from './host/node';
import { guardedConnectionOptions, ProtocolGuard } from './protocol-guard';
import { announceServerReady } from './ready-signal';
import { serve } from './serve';
import { version } from '../../package.json';

const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write(`${version}\n`);
  process.exit(0);
}
if (args.includes('--help')) {
  process.stdout.write(
    'fragment-language-server: the Fragment language server.\n\nUsage: fragment-language-server --stdio\n\n' +
      'Speaks the Language Server Protocol on standard input and output (the default), or over Node IPC with --node-ipc.\n',
  );
  process.exit(0);
}
if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.argv.push('--stdio');
}

const guard = new ProtocolGuard(); // the LSP lifecycle, and changes the document store would throw on
const connection = createConnection(ProposedFeatures.all, guardedConnectionOptions(guard));
guard.attach(connection);
// Anything printed to stdout would corrupt the protocol stream; send stray logging to the client's log instead.
console.log = (...parts: unknown[]) => connection.console.log(parts.map(String).join(' '));
console.info = console.log;
console.warn = (...parts: unknown[]) => connection.console.warn(parts.map(String).join(' '));
console.error = (...parts: unknown[]) => connection.console.error(parts.map(String).join(' '));
// Last line of defence: a failure in a timer or a promise is logged in the output channel, and the server carries on
// serving the other documents instead of dying with it.
process.on('uncaughtException', (error) => connection.console.error(`Fragment language server error: ${describeError(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Fragment language server error: ${describeError(reason)}`));

serve(connection, nodeHost, announceServerReady); // the launcher's code cache served this start well (launcher.ts)
connection.listen();
