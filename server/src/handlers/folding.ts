/**
 * textDocument/foldingRange: records and values over several lines, at most as many as the client takes
 * (`rangeLimit`) and the setting `fragments.outline.maxItemsComputed` allow; only the records they can come from are
 * parsed.
 */
import { foldingRanges } from '../core/features/folding';
import type { Handler } from '../state';
import { OUTLINE_SETTING, firstRecords } from './document-symbols';
import { documentView } from './document-view';
import { answerSafely } from './safely';

export const foldingHandler: Handler = (services) => {
  const told = new Map<string, number>();
  services.connection.onFoldingRanges((params, token) =>
    answerSafely(services, 'folding', [], token, () => {
      const { uri } = params.textDocument;
      const document = services.documents.get(uri);
      if (!document) return [];
      const view = documentView(services, document);
      const clientLimit = services.clientCapabilities().textDocument?.foldingRange?.rangeLimit;
      const limit = Math.min(services.settings().outlineMaxItems, clientLimit ?? Number.POSITIVE_INFINITY);
      const total = view.recordCount();
      // Ranges come in document order, so the first ones are those of the first records; a record of more than one
      // line gives at least one, so in most files the first `limit` records give all that are kept.
      const ranges = foldingRanges(total <= limit ? view.parsed : firstRecords(view, limit));
      if (ranges.length <= limit && total <= limit) return ranges;
      if (told.get(uri) !== total) {
        told.set(uri, total);
        services.connection.console.info(`Folding in ${uri} covers its first ${limit} ranges (setting ${OUTLINE_SETTING}).`);
      }
      return ranges.slice(0, limit);
    }),
  );
  services.documents.onDidClose(({ document }) => told.delete(document.uri));
};
