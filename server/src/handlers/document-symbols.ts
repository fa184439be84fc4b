/**
 * textDocument/documentSymbol: the outline, one entry per record with its fields inside, for the first records while
 * their entries stay within the setting `fragments.outline.maxItemsComputed`; past it a last entry says how many
 * records are left out, and the output channel too.
 */
import { outlineCutSymbol } from '../core/features/symbols';
import type { Handler } from '../state';
import { documentView, type DocumentView } from './document-view';
import { answerSafely } from './safely';

export const OUTLINE_SETTING = 'fragments.outline.maxItemsComputed';

export const documentSymbolsHandler: Handler = (services) => {
  const told = new Map<string, number>(); // per document, the record count its cut outline was last logged for
  services.connection.onDocumentSymbol((params, token) =>
    answerSafely(services, 'outline', [], token, () => {
      const { uri } = params.textDocument;
      const document = services.documents.get(uri);
      if (!document) return [];
      const view = documentView(services, document);
      const max = services.settings().outlineMaxItems;
      // Built from each record's kept entry: after an edit only the records it touched are parsed again (a parse of
      // the first records on each version made the outline after an edit 1.4× slower than yaml-language-server's).
      const { symbols, cutLine } = view.outline(max);
      if (cutLine === undefined) return symbols;
      const shown = symbols.length;
      const total = view.recordCount();
      symbols.push(outlineCutSymbol(shown, total, cutLine, OUTLINE_SETTING));
      if (told.get(uri) !== total) {
        told.set(uri, total);
        services.connection.console.info(`The outline of ${uri} shows the first ${shown} of its ${total} records (setting ${OUTLINE_SETTING}: at most ${max} entries, a record and each field counting one).`);
      }
      return symbols;
    }),
  );
  services.documents.onDidClose(({ document }) => told.delete(document.uri));
};

/** At least the first `count` records parsed (see DocumentView.parsedFirst). */
export function firstRecords(view: DocumentView, count: number) {
  return view.parsedFirst(count);
}
