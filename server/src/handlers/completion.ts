/** textDocument/completion over the core's `complete`. */
import { documentView } from './document-view';
import { complete } from '../core/features/completion';
import type { Handler } from '../services';
import { answerSafely } from './safely';

export const completionHandler: Handler = (services) => {
  services.connection.onCompletion((params, token) =>
    answerSafely(services, 'completion', [], token, () => {
      const document = services.documents.get(params.textDocument.uri);
      if (!document) return [];
      const view = documentView(services, document);
      const { schema } = view;
      const parsed = view.parsedAround(params.position.line);
      const item = services.clientCapabilities().textDocument?.completion?.completionItem;
      return complete(parsed, schema, params.position, {
        snippets: item?.snippetSupport === true,
        markdown: item?.documentationFormat ? item.documentationFormat.includes('markdown') : true,
        workspaceValues: (key) => services.workspaceValues(key, document.uri),
      });
    }),
  );
};
