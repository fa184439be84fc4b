/** `rewrite-line`: a line that is almost a field is written again as `**Key**: value`. */
import * as l10n from '@vscode/l10n';
import { quote } from '../../diagnostic';
import type { ParsedDocument } from '../../parser';
import type { Schema } from '../../schema/model';
import { fromLineStart, specFor, textIn } from '../shared';
import type { FixKind } from './fix';

export const rewriteLine: FixKind<'rewrite-line'> = {
  canBeSafe: true,
  build(context, diagnostic, data) {
    const { document, schema } = context;
    const line = diagnostic.range.start.line;
    // Safe when the rewrite takes away only Markdown and leaves the file's records as they are.
    const keepsText = substance(data.replacement) === substance(textIn(document, diagnostic.range));
    const key = document.malformed.find((m) => m.line === line)?.key;
    const safe = keepsText && key !== undefined && !changesRecords(document, schema, line, key);
    return [
      {
        title: l10n.t('Rewrite as a field: {0}', quote(data.replacement, 50)),
        edits: [{ range: fromLineStart(document, diagnostic.range), newText: data.replacement }],
        preferred: true,
        safe,
      },
    ];
  },
};

/**
 * Only letters, digits and other non-space characters, compared without case: what a line rewrite must keep. The
 * Markdown a rewrite takes away (a list bullet, `**` or `__` around the key, the colon) is not counted.
 */
function substance(text: string): string {
  return text.replace(/^\s*[-*+][ \t]+/, '').replace(/[\s*:_]/g, '').toLowerCase();
}

/**
 * Whether making `line` the field `key` (as the parser read the almost-field) would change how the file divides
 * into records: a record's first field written inside a record splits it, and any field written above a record that
 * starts with its first field makes a record of its own. A person decides those.
 */
function changesRecords(document: ParsedDocument, schema: Schema, line: number, key: string): boolean {
  const startsRecord = (name: string | undefined) => name !== undefined && specFor(schema, name)?.key === schema.recordStart;
  const first = document.fields[0];
  if (first && line < first.line) return startsRecord(first.key);
  return startsRecord(key);
}
