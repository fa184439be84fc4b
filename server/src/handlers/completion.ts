/** textDocument/completion over the core's `complete`. */
import { documentView } from './document-view';
import { complete, TRIGGER_SUGGEST_COMMAND } from '../core/features/completion';
import type { Handler } from '../state';
import { answerSafely } from './safely';

export const completionHandler: Handler = (services) => {
  services.connection.onCompletion((params, token) =>
    answerSafely(services, 'completion', [], token, () => {
      const document = services.documents.get(params.textDocument.uri);
      if (!document) return [];
      const view = documentView(services, document);
      const { schema } = view;
      const parsed = view.parsedAround(params.position.line);
      const capabilities = services.clientCapabilities();
      const item = capabilities.textDocument?.completion?.completionItem;
      return complete(parsed, schema, params.position, {
        snippets: item?.snippetSupport === true,
        suggestCommand: clientCommands(capabilities.experimental).includes(TRIGGER_SUGGEST_COMMAND),
        markdown: item?.documentationFormat ? item.documentationFormat.includes('markdown') : true,
        workspaceValues: (key) => services.workspace.valuesFor(key, document.uri),
      });
    }),
  );
};

/**
 * The client-side commands a client says it can run, in the experimental capability rust-analyzer uses for the same
 * purpose: `{ commands: { commands: [...] } }`. A client that does not list a command never gets it in an item.
 */
function clientCommands(experimental: unknown): string[] {
  const commands = (experimental as { commands?: { commands?: unknown } } | undefined)?.commands?.commands;
  return Array.isArray(commands) ? commands.filter((c): c is string => typeof c === 'string') : [];
}
