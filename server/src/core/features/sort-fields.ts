/**
 * "Sort Fields in Schema Order": the fields of each record are put in the order the schema lists them. A field
 * moves with everything up to the next field (its continuation lines, blank lines, stray lines), so no text is
 * lost. Fields the schema does not know keep their order, after the known ones.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../parser';
import type { Schema } from '../schema/model';
import { lineEnding, specFor } from './shared';

export const SORT_FIELDS_KIND = 'source.sortFields.fragments';
export const SORT_FIELDS_COMMAND = 'fragments.server.sortFields';

export function sortFieldsEdits(document: ParsedDocument, schema: Schema): TextEdit[] {
  const eol = lineEnding(document.text);
  const edits: TextEdit[] = [];
  for (const record of document.records) {
    const { fields } = record;
    const blocks = fields.map((field, i) => ({
      order: specFor(schema, field.key)?.order ?? Number.MAX_SAFE_INTEGER,
      index: i,
      lines: document.lines.slice(field.line, (i + 1 < fields.length ? fields[i + 1].line - 1 : field.endLine) + 1),
    }));
    const sorted = [...blocks].sort((a, b) => a.order - b.order || a.index - b.index);
    if (sorted.every((block, i) => block.index === i)) continue;
    const first = fields[0].line;
    const last = fields[fields.length - 1].endLine;
    // A block that ended the record may now sit in the middle; a block that did not may now end it. Both keep their
    // own lines, so the record's text is the same set of lines in a new order.
    edits.push({
      range: { start: { line: first, character: 0 }, end: { line: last, character: document.lines[last].length } },
      newText: sorted.flatMap((b) => b.lines).join(eol),
    });
  }
  return edits;
}
