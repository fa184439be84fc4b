/** textDocument/hover over the core's `hover`. */
import { parseWithSchema } from '../core';
import { hover } from '../core/features/hover';
import type { Handler } from '../services';
import { answerSafely } from './safely';

export const hoverHandler: Handler = (services) => {
  services.connection.onHover((params) =>
    answerSafely(services, 'hover', null, () => {
      const document = services.documents.get(params.textDocument.uri);
      if (!document) return null;
      const schema = services.schemaFor(document.uri);
      const formats = services.clientCapabilities().textDocument?.hover?.contentFormat;
      const markdown = formats ? formats.includes('markdown') : true;
      return hover(parseWithSchema(document.getText(), schema), schema, params.position, { markdown });
    }),
  );
};
