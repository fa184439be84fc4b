/**
 * How many unexpected stops of the language server the client restarts it after: at most MAX_RESTARTS in a sliding
 * window of three minutes, so that a server that keeps crashing is not restarted in a loop. Pure, so it runs in unit
 * tests; recovery.ts turns its answers into the language client's actions.
 */

/** Restarts allowed in WINDOW_MS before giving up (vscode-languageclient's own default, kept explicit). */
export const MAX_RESTARTS = 4;
export const WINDOW_MS = 3 * 60 * 1000;

export class RestartBudget {
  private stops: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts a stop: the stops within the window, this one included, and whether to restart after it. */
  recordStop(): { stops: number; restart: boolean } {
    const time = this.now();
    this.stops = [...this.stops.filter((t) => time - t < WINDOW_MS), time];
    return { stops: this.stops.length, restart: this.stops.length <= MAX_RESTARTS };
  }

  /** Forgets the stops so far: the user restarted the server by hand, after a give-up or not. */
  reset(): void {
    this.stops = [];
  }
}
