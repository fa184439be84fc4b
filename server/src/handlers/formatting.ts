/** textDocument/formatting over the core's `formatEdits`. */
import { parseWithSchema } from '../core';
import { formatEdits } from '../core/features/format';
import type { Handler } from '../services';
import { answerSafely } from './safely';

export const formattingHandler: Handler = (services) => {
  services.connection.onDocumentFormatting((params) =>
    answerSafely(services, 'formatting', [], () => {
      const document = services.documents.get(params.textDocument.uri);
      if (!document) return [];
      const schema = services.schemaFor(document.uri);
      return formatEdits(parseWithSchema(document.getText(), schema), schema);
    }),
  );
};
