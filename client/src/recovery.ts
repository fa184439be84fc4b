/**
 * What the client does when the language server process dies: start it again and say so in the Fragments output
 * channel; after five stops within three minutes (restart-budget.ts), give up and tell the user how to try again,
 * instead of looping. A restart by hand ("Fragments: Restart Server") starts the count afresh.
 */
import { CloseAction, ErrorAction, type ErrorHandler } from 'vscode-languageclient';
import { MAX_RESTARTS, RestartBudget } from './restart-budget';

export interface RestartingErrorHandler extends ErrorHandler {
  /** Forgets the stops counted so far (the user restarted the server). */
  reset(): void;
}

export function restartingErrorHandler(budget = new RestartBudget()): RestartingErrorHandler {
  return {
    // A message that could not be read or written: carry on, unless it keeps happening.
    error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => {
      const { stops, restart } = budget.recordStop();
      if (!restart) {
        return {
          action: CloseAction.DoNotRestart,
          message:
            `The Fragments language server stopped ${stops} times in 3 minutes, so it is not started again: fragment files are not ` +
            'checked now. The Fragments output channel shows what went wrong. Run "Fragments: Restart Server" to try again.',
        };
      }
      return {
        action: CloseAction.Restart,
        message: `The Fragments language server stopped unexpectedly and is being started again (${stops} of ${MAX_RESTARTS} restarts allowed in 3 minutes). Problems in open files will be shown again in a moment.`,
        handled: true, // written to this output channel only; no pop-up for a restart that fixes itself
      };
    },
    reset: () => budget.reset(),
  };
}
