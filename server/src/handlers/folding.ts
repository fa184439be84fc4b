/** textDocument/foldingRange: records and values over several lines. */
import { foldingRanges } from '../core/features/folding';
import type { Handler } from '../services';
import { documentView } from './document-view';
import { answerSafely } from './safely';

export const foldingHandler: Handler = (services) => {
  services.connection.onFoldingRanges((params, token) =>
    answerSafely(services, 'folding', [], token, () => {
      const document = services.documents.get(params.textDocument.uri);
      if (!document) return [];
      return foldingRanges(documentView(services, document).parsed);
    }),
  );
};
