/** Every LSP handler, in one list; server.ts registers them in this order. */
import type { Handler } from '../state';
import { diagnosticsHandler } from './diagnostics';
import { EDITING_HANDLERS } from './editing';
import { recordsHandler } from './records';
import { schemaHandler } from './schema';
import { schemaRequestsHandler } from './schema-requests';
import { workspaceHandler } from './workspace';

export const HANDLERS: readonly Handler[] = [diagnosticsHandler, ...EDITING_HANDLERS, schemaHandler, schemaRequestsHandler, workspaceHandler, recordsHandler];
