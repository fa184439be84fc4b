/**
 * What the client does when the language server process dies: start it again and say so in the Fragments output
 * channel; after five stops within three minutes (restart-budget.ts), give up and tell the user how to try again,
 * instead of looping. A restart by hand ("Fragments: Restart Server") starts the count afresh.
 */
import * as l10n from '@vscode/l10n';
import { CloseAction, ErrorAction, type ErrorHandler } from 'vscode-languageclient';
import { MAX_RESTARTS, RestartBudget } from './restart-budget';
import { restartCommandTitle } from './server-starter';

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
          message: l10n.t(
            'The Fragments language server stopped {0} times in 3 minutes, so it is not started again: fragment files are not checked now. The Fragments output channel shows what went wrong. Run "{1}" to try again.',
            stops,
            restartCommandTitle(),
          ),
        };
      }
      return {
        action: CloseAction.Restart,
        message: l10n.t(
          'The Fragments language server stopped unexpectedly and is being started again ({0} of {1} restarts allowed in 3 minutes). Problems in open files will be shown again in a moment.',
          stops,
          MAX_RESTARTS,
        ),
        handled: true, // written to this output channel only; no pop-up for a restart that fixes itself
      };
    },
    reset: () => budget.reset(),
  };
}
