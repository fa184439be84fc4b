/** textDocument/hover over the core's `hover`. */
import { hover } from '../core/features/hover';
import type { Handler } from '../state';
import { documentView } from './document-view';
import { answerSafely } from './safely';

export const hoverHandler: Handler = (services) => {
  services.connection.onHover((params, token) =>
    answerSafely(services, 'hover', null, token, () => {
      const document = services.documents.get(params.textDocument.uri);
      if (!document) return null;
      const view = documentView(services, document);
      const { schema } = view;
      const parsed = view.parsedAround(params.position.line);
      const formats = services.clientCapabilities().textDocument?.hover?.contentFormat;
      const markdown = formats ? formats.includes('markdown') : true;
      return hover(parsed, schema, params.position, { markdown });
    }),
  );
};
