/** textDocument/formatting over the core's `formatEdits`. */
import { formatEdits } from '../core/features/format';
import type { Handler } from '../state';
import { documentView } from './document-view';
import { answerSafely } from './safely';

export const formattingHandler: Handler = (services) => {
  services.connection.onDocumentFormatting((params, token) =>
    answerSafely(services, 'formatting', [], token, () => {
      const document = services.documents.get(params.textDocument.uri);
      if (!document) return [];
      const { schema, parsed, truncated } = documentView(services, document);
      return truncated ? [] : formatEdits(parsed, schema); // over the size limit: off, as the file-too-large note says
    }),
  );
};
