/**
 * textDocument/documentSymbol: the outline, one entry per record with its fields inside, for the first records while
 * their entries stay within the setting `fragments.outline.maxItemsComputed`; past it a last entry says how many
 * records are left out, and the output channel too.
 */
import { documentSymbols, outlineCutSymbol } from '../core/features/symbols';
import type { Handler } from '../state';
import { documentView, type DocumentView } from './document-view';
import { answerSafely } from './safely';

export const OUTLINE_SETTING = 'fragments.outline.maxItemsComputed';
/** How many records the outline parses first; see the handler. */
const FIRST_RECORDS = 256;

export const documentSymbolsHandler: Handler = (services) => {
  const told = new Map<string, number>(); // per document, the record count its cut outline was last logged for
  services.connection.onDocumentSymbol((params, token) =>
    answerSafely(services, 'outline', [], token, () => {
      const { uri } = params.textDocument;
      const document = services.documents.get(uri);
      if (!document) return [];
      const view = documentView(services, document);
      const max = services.settings().outlineMaxItems;
      const total = view.recordCount();
      // Parse only the records the outline can show: a first few, then four times as many until the entries run out
      // (a 4.4 MB file of 2,000 records fills 5,000 entries within its first 256 records; parsing all of it made the
      // outline 1.2× slower than yaml-language-server's).
      // The parse is kept for this version (and shared with folding): asked again, only the symbols are built anew.
      let count = FIRST_RECORDS;
      let parsed = view.parsedFirst(count);
      let symbols = documentSymbols(parsed, view.schema, max);
      while (symbols.length === parsed.records.length && parsed.records.length < total && count < total) {
        count *= 4;
        parsed = view.parsedFirst(count);
        symbols = documentSymbols(parsed, view.schema, max);
      }
      const shown = symbols.length;
      if (shown === total) return symbols;
      const cutLine = parsed.records[shown]?.startLine ?? parsed.lines.length - 1;
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
