/** textDocument/documentSymbol: the outline, one entry per record. */
import { parseWithSchema } from '../core';
import { documentSymbols } from '../core/features/symbols';
import type { Handler } from '../services';
import { answerSafely } from './safely';

export const documentSymbolsHandler: Handler = (services) => {
  services.connection.onDocumentSymbol((params) =>
    answerSafely(services, 'outline', [], () => {
      const document = services.documents.get(params.textDocument.uri);
      if (!document) return [];
      const schema = services.schemaFor(document.uri);
      return documentSymbols(parseWithSchema(document.getText(), schema), schema);
    }),
  );
};
