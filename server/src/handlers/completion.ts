/** textDocument/completion over the core's `complete`. */
import type { ParsedDocument } from '../core';
import { documentView } from './document-view';
import { complete } from '../core/features/completion';
import { specFor } from '../core/features/shared';
import type { Handler, ServerServices } from '../services';
import { answerSafely } from './safely';

export const completionHandler: Handler = (services) => {
  services.connection.onCompletion((params, token) =>
    answerSafely(services, 'completion', [], token, () => {
      const document = services.documents.get(params.textDocument.uri);
      if (!document) return [];
      const { schema, parsed } = documentView(services, document);
      const item = services.clientCapabilities().textDocument?.completion?.completionItem;
      return complete(parsed, schema, params.position, {
        snippets: item?.snippetSupport === true,
        markdown: item?.documentationFormat ? item.documentationFormat.includes('markdown') : true,
        workspaceValues: (key) => (services.workspaceValues ?? openDocumentValues(services))(key, document.uri),
      });
    }),
  );
};

/**
 * The first source of "values used elsewhere": the other open fragment documents. The workspace index replaces it
 * through `services.workspaceValues`.
 */
export function openDocumentValues(services: ServerServices): (key: string, exceptUri: string) => Map<string, number> {
  return (key, exceptUri) => {
    const counts = new Map<string, number>();
    for (const other of services.documents.all()) {
      if (other.uri === exceptUri) continue;
      const { schema, parsed } = documentView(services, other);
      const seen = new Set<string>();
      for (const value of valuesOf(parsed, schema, key)) seen.add(value);
      for (const value of seen) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return counts;
  };
}

function valuesOf(document: ParsedDocument, schema: ReturnType<ServerServices['schemaFor']>, key: string): string[] {
  const values: string[] = [];
  for (const field of document.fields) {
    const spec = specFor(schema, field.key);
    if (spec?.key !== key || field.value === '') continue;
    if (spec.kind === 'multi') values.push(...field.value.split(spec.separator).map((v) => v.trim()).filter(Boolean));
    else values.push(field.value);
  }
  return values;
}
