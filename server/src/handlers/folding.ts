/** textDocument/foldingRange: records and values over several lines. */
import { parseWithSchema } from '../core';
import { foldingRanges } from '../core/features/folding';
import type { Handler } from '../services';
import { answerSafely } from './safely';

export const foldingHandler: Handler = (services) => {
  services.connection.onFoldingRanges((params) =>
    answerSafely(services, 'folding', [], () => {
      const document = services.documents.get(params.textDocument.uri);
      if (!document) return [];
      return foldingRanges(parseWithSchema(document.getText(), services.schemaFor(document.uri)));
    }),
  );
};
