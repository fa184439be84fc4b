/**
 * Looks at every message from the client before it is dispatched (vscode-jsonrpc's message strategy), for what
 * vscode-languageserver leaves to each server:
 * - The lifecycle the LSP specification sets. Before `initialize`, requests are refused with ServerNotInitialized and
 *   notifications dropped (except `exit`); `initialize` is accepted once; after `shutdown`, requests are refused with
 *   InvalidRequest. (The library already exits with 0 after `shutdown` and 1 without.)
 * - A `didChange` the document store would throw on (its list of changes missing or malformed) is ignored with one
 *   line in the log, instead of a failure.
 */
import {
  ErrorCodes,
  LSPErrorCodes,
  Message,
  ResponseError,
  type Connection,
  type ConnectionOptions,
  type MessageStrategy,
  type NotificationMessage,
  type RequestMessage,
} from 'vscode-languageserver';

/**
 * A refused request is handed on under this method, whose handler answers it with the error: the message strategy
 * cannot write an answer itself, and this way the answer goes out like any other, with the request's id.
 */
const REFUSED = '$/fragments/refusedRequest';
interface Refusal {
  code: number;
  message: string;
}

type Phase = 'not initialized' | 'running' | 'shut down';

export class ProtocolGuard {
  private phase: Phase = 'not initialized';
  private log: (message: string) => void = () => undefined;

  readonly messageStrategy: MessageStrategy = {
    handleMessage: (message, next) => {
      if (Message.isRequest(message)) return next(this.screenRequest(message));
      if (Message.isNotification(message) && !this.accepts(message)) return;
      return next(message);
    },
  };

  /** Answers refused requests, and logs through the connection. Call once, before the connection listens. */
  attach(connection: Connection): void {
    this.log = (message) => connection.console.log(message);
    connection.onRequest(REFUSED, (refusal: Refusal) => new ResponseError(refusal.code, refusal.message));
  }

  /** The request as it is, or turned into its refusal. */
  private screenRequest(request: RequestMessage): RequestMessage {
    const refuse = (code: number, message: string): RequestMessage => ({ ...request, method: REFUSED, params: { code, message } satisfies Refusal });
    switch (this.phase) {
      case 'not initialized':
        if (request.method !== 'initialize') return refuse(ErrorCodes.ServerNotInitialized, `The server is not initialized yet: "${request.method}" can only be sent after "initialize".`);
        this.phase = 'running';
        return request;
      case 'running':
        if (request.method === 'initialize') return refuse(ErrorCodes.InvalidRequest, 'The server is already initialized: "initialize" can only be sent once.');
        if (request.method === 'shutdown') this.phase = 'shut down';
        return request;
      case 'shut down':
        return refuse(ErrorCodes.InvalidRequest, `The server is shut down: it answers no more requests ("${request.method}"). Send "exit".`);
    }
  }

  private accepts(notification: NotificationMessage): boolean {
    if (notification.method === 'exit') return true;
    if (this.phase === 'not initialized') {
      this.log(`Ignored "${notification.method}": it came before "initialize".`);
      return false;
    }
    if (notification.method === 'textDocument/didChange') {
      const problem = changeProblem(notification.params);
      if (problem) {
        const document = (notification.params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument;
        this.log(`Ignored a change to ${typeof document?.uri === 'string' ? document.uri : 'a document'}: ${problem}.`);
        return false;
      }
    }
    return true;
  }
}

/** Why the document store could not apply a didChange, or undefined when it can. */
function changeProblem(params: unknown): string | undefined {
  const { textDocument, contentChanges } = (params ?? {}) as { textDocument?: { uri?: unknown }; contentChanges?: unknown };
  if (typeof textDocument?.uri !== 'string') return 'it does not say which document changed';
  if (!Array.isArray(contentChanges)) return `it has no list of changes (contentChanges is ${kindOf(contentChanges)})`;
  const index = contentChanges.findIndex((change) => !isChange(change));
  return index < 0 ? undefined : `change ${index + 1} of ${contentChanges.length} is not a text change with a valid range`;
}

function isChange(change: unknown): boolean {
  if (typeof change !== 'object' || change === null || typeof (change as { text?: unknown }).text !== 'string') return false;
  const range = (change as { range?: { start?: unknown; end?: unknown } }).range;
  return range === undefined || (typeof range === 'object' && range !== null && isPosition(range.start) && isPosition(range.end));
}

function isPosition(value: unknown): boolean {
  const { line, character } = (value ?? {}) as { line?: unknown; character?: unknown };
  return Number.isInteger(line) && Number.isInteger(character) && (line as number) >= 0 && (character as number) >= 0;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  return `a ${typeof value}`;
}

/** The connection's options in every build (Node and browser): the guard, and cancelled requests answered at once. */
export function guardedConnectionOptions(guard: ProtocolGuard): ConnectionOptions {
  return {
    connectionStrategy: {
      // A request the client cancelled while it still waited in the queue (typing outruns a slow check) is answered at
      // once instead of being worked on.
      cancelUndispatched: (message) => ({ jsonrpc: '2.0', id: (message as { id?: number | string }).id ?? null, error: { code: LSPErrorCodes.RequestCancelled, message: 'The request was cancelled.' } }),
    },
    messageStrategy: guard.messageStrategy,
  };
}
