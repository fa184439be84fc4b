/** textDocument/documentSymbol: the outline, one entry per record. */
import { documentSymbols } from '../core/features/symbols';
import type { Handler } from '../services';
import { documentView } from './document-view';
import { answerSafely } from './safely';

export const documentSymbolsHandler: Handler = (services) => {
  services.connection.onDocumentSymbol((params, token) =>
    answerSafely(services, 'outline', [], token, () => {
      const document = services.documents.get(params.textDocument.uri);
      if (!document) return [];
      const { schema, parsed } = documentView(services, document);
      return documentSymbols(parsed, schema);
    }),
  );
};
