/** The editing features' handlers and the capabilities they announce in initialize (server.ts spreads them in). */
import type { ServerCapabilities } from 'vscode-languageserver/node';
import type { Handler } from '../state';
import { CODE_ACTION_KINDS, codeActionsHandler } from './code-actions';
import { commandsHandler, SERVER_COMMANDS } from './commands';
import { completionHandler } from './completion';
import { documentSymbolsHandler } from './document-symbols';
import { foldingHandler } from './folding';
import { formattingHandler } from './formatting';
import { hoverHandler } from './hover';

export const EDITING_HANDLERS: readonly Handler[] = [
  completionHandler,
  hoverHandler,
  codeActionsHandler,
  documentSymbolsHandler,
  foldingHandler,
  formattingHandler,
  commandsHandler,
];

export const EDITING_CAPABILITIES: ServerCapabilities = {
  completionProvider: { triggerCharacters: ['*', ':', ',', '<', ' '] },
  hoverProvider: true,
  codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: true },
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  documentFormattingProvider: true,
  executeCommandProvider: { commands: SERVER_COMMANDS },
};
