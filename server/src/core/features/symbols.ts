/** Outline: one symbol per record, named by its FragmentID, with its fields as children. */
import type { DocumentSymbol, Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../parser';
import type { Schema } from '../schema/model';
import { specFor } from './shared';

const SYMBOL = { Field: 8, Object: 19 } as const;
/** Values are cut to this many characters in the outline's detail. */
const DETAIL_LENGTH = 60;

function lineSpan(document: ParsedDocument, first: number, last: number): Range {
  return { start: { line: first, character: 0 }, end: { line: last, character: document.lines[last]?.length ?? 0 } };
}

function shortened(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ');
  return oneLine.length > DETAIL_LENGTH ? `${oneLine.slice(0, DETAIL_LENGTH - 1)}…` : oneLine;
}

/** The last line of a record that has text: blank lines before the next record do not belong in its outline. */
function lastTextLine(document: ParsedDocument, first: number, last: number): number {
  let line = last;
  while (line > first && document.lines[line].trim() === '') line--;
  return line;
}

export function documentSymbols(document: ParsedDocument, schema: Schema): DocumentSymbol[] {
  return document.records.map((record) => {
    const idField = record.fields.find((f) => specFor(schema, f.key)?.key === schema.recordStart);
    const name = idField?.value ? idField.value.split('\n')[0] : `Fragment ${record.index + 1} (no ${schema.recordStart})`;
    const end = lastTextLine(document, record.startLine, record.endLine);
    const children: DocumentSymbol[] = record.fields.map((field) => ({
      name: field.key,
      detail: shortened(field.value),
      kind: SYMBOL.Field,
      range: lineSpan(document, field.line, field.endLine),
      selectionRange: field.keyRange,
    }));
    const first = record.fields[0];
    return {
      name,
      detail: 'fragment',
      kind: SYMBOL.Object,
      range: lineSpan(document, record.startLine, Math.max(end, first.endLine)),
      selectionRange: (idField ?? first).keyRange,
      children,
    };
  });
}
