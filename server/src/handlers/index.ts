/** Every LSP handler, in one list; server.ts registers them in this order. */
import type { Handler } from '../services';
import { diagnosticsHandler } from './diagnostics';

export const HANDLERS: readonly Handler[] = [diagnosticsHandler];
