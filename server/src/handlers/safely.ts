/**
 * Requests answer something sensible even when a feature throws: an empty answer and a log line in the output
 * channel, never a crashed server. A request the client cancelled before it ran is not worked on at all.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import type { ServerState } from '../state';

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

export function answerSafely<T>(state: ServerState, feature: string, fallback: T, token: CancellationToken | undefined, work: () => T): T | ResponseError<void> {
  if (token?.isCancellationRequested) return cancelled();
  try {
    return work();
  } catch (error) {
    state.connection.console.error(`Fragment ${feature} failed: ${describeError(error)}`);
    return fallback;
  }
}

/** The same for requests that wait on something (the client, the disk): a failure is logged and answered as an error. */
export async function answerSafelyAsync<T>(state: ServerState, feature: string, work: () => Promise<T>): Promise<T | ResponseError<void>> {
  try {
    return await work();
  } catch (error) {
    state.connection.console.error(`Fragment ${feature} failed: ${describeError(error)}`);
    return new ResponseError(-32603, `${feature} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * A stand-in for `connection` with an `onRequest` whose handlers are guarded by answerSafelyAsync, for modules that
 * register custom requests: a request that fails is logged in the output channel and answered with an error.
 */
export function withLoggedRequests(state: ServerState): { onRequest(method: string, handler: (params: never, token: CancellationToken) => unknown): void } {
  return {
    onRequest(method, handler) {
      state.connection.onRequest(method, (params: unknown, token: CancellationToken) =>
        answerSafelyAsync(state, `request ${method}`, async () => handler(params as never, token)),
      );
    },
  };
}
