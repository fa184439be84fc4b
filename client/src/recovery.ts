/**
 * What the client does when the language server process dies: start it again and say so in the Fragments output
 * channel; after five stops within three minutes, give up and tell the user how to try again, instead of looping.
 */
import { CloseAction, ErrorAction, type ErrorHandler } from 'vscode-languageclient/node';

/** Restarts allowed in WINDOW_MS before giving up (vscode-languageclient's own default, kept explicit). */
export const MAX_RESTARTS = 4;
const WINDOW_MS = 3 * 60 * 1000;

export function restartingErrorHandler(now: () => number = Date.now): ErrorHandler {
  let stops: number[] = [];
  return {
    // A message that could not be read or written: carry on, unless it keeps happening.
    error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => {
      const time = now();
      stops = [...stops.filter((t) => time - t < WINDOW_MS), time];
      if (stops.length > MAX_RESTARTS) {
        return {
          action: CloseAction.DoNotRestart,
          message:
            'The Fragments language server stopped 5 times in 3 minutes, so it is not started again: fragment files are not ' +
            'checked now. The Fragments output channel shows what went wrong. Run "Fragments: Restart Server" to try again.',
        };
      }
      return {
        action: CloseAction.Restart,
        message: `The Fragments language server stopped unexpectedly and is being started again (${stops.length} of ${MAX_RESTARTS} restarts allowed in 3 minutes). Problems in open files will be shown again in a moment.`,
        handled: true, // written to this output channel only; no pop-up for a restart that fixes itself
      };
    },
  };
}
