/** Outline: one symbol per record, named by its FragmentID, with its fields as children. */
import * as l10n from '@vscode/l10n';
import type { DocumentSymbol, Range } from 'vscode-languageserver-types';
import { fieldValue, keyRange, type ParsedDocument } from '../parser';
import type { Schema } from '../schema/model';
import { specFor } from './shared';

const SYMBOL = { Field: 8, Object: 19 } as const;
/** Values are cut to this many characters in the outline's detail. */
const DETAIL_LENGTH = 60;

function lineSpan(document: ParsedDocument, first: number, last: number): Range {
  return { start: { line: first, character: 0 }, end: { line: last, character: document.lines[last]?.length ?? 0 } };
}

function shortened(value: string): string {
  // Only the start is looked at: collapsing the spaces of a whole megabyte value takes seconds, and even 480
  // characters a field made a 5,000-entry outline spend more time here than in sending it (measured 8–34 ms).
  const head = value.length > DETAIL_LENGTH * 2 ? value.slice(0, DETAIL_LENGTH * 2) : value;
  const oneLine = head.replace(/\s+/g, ' ');
  return oneLine.length > DETAIL_LENGTH || head !== value ? `${oneLine.slice(0, DETAIL_LENGTH - 1)}…` : oneLine;
}

/** A record's name: the first line of its ID, cut short if someone pasted a whole text there. */
function firstLine(value: string): string {
  const end = value.indexOf('\n');
  const line = end < 0 ? value : value.slice(0, end);
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** The last line of a record that has text: blank lines before the next record do not belong in its outline. */
function lastTextLine(document: ParsedDocument, first: number, last: number): number {
  let line = last;
  while (line > first && document.lines[line].trim() === '') line--;
  return line;
}

/**
 * The outline. `maxItems` bounds its entries, a record and each of its fields counting one, as yaml-language-server's
 * `maxItemsComputed` does: records are listed whole while they fit (an outline of 50,000 entries is megabytes of JSON
 * that no one scrolls, and costs seconds to send).
 */
export function documentSymbols(document: ParsedDocument, schema: Schema, maxItems = Infinity): DocumentSymbol[] {
  let items = 0;
  const shown = [];
  for (const record of document.records) {
    items += 1 + record.fields.length;
    if (items > maxItems) break;
    shown.push(record);
  }
  return shown.map((record) => {
    const idField = record.fields.find((f) => specFor(schema, f.key)?.key === schema.recordStart);
    const id = idField ? fieldValue(idField) : '';
    const name = id ? firstLine(id) : l10n.t('Fragment {0} (no {1})', record.index + 1, schema.recordStart);
    const end = lastTextLine(document, record.startLine, record.endLine);
    const children: DocumentSymbol[] = record.fields.map((field) => ({
      name: field.key || l10n.t('(field without a name)'), // `** **:`; an empty name is not a valid symbol
      detail: shortened(fieldValue(field)),
      kind: SYMBOL.Field,
      range: lineSpan(document, field.line, field.endLine),
      selectionRange: keyRange(field),
    }));
    const first = record.fields[0];
    return {
      name,
      detail: 'fragment',
      kind: SYMBOL.Object,
      range: lineSpan(document, record.startLine, Math.max(end, first.endLine)),
      selectionRange: keyRange(idField ?? first),
      children,
    };
  });
}

/**
 * The last entry of an outline cut short: where the first record left out starts, saying how many records the
 * outline shows and how to see more. (An outline of 100,000 records is tens of megabytes that no one scrolls.)
 */
export function outlineCutSymbol(shown: number, total: number, line: number, setting: string): DocumentSymbol {
  const at: Range = { start: { line, character: 0 }, end: { line, character: 0 } };
  return {
    name: l10n.t('Outline shows the first {0} of {1} records', shown.toLocaleString('en'), total.toLocaleString('en')),
    detail: l10n.t('to see more, raise the setting {0}', setting),
    kind: SYMBOL.Object,
    range: at,
    selectionRange: at,
  };
}
