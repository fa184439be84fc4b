/** Editing requests answer something sensible even when a feature throws: an empty answer and a log line. */
import type { ServerServices } from '../services';

export function answerSafely<T>(services: ServerServices, feature: string, fallback: T, work: () => T): T {
  try {
    return work();
  } catch (error) {
    services.connection.console.error(`Fragment ${feature} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}
