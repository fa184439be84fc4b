/**
 * `insert-fields`: the missing fields of a record, each added at its schema position with an empty value for the
 * person to write. (A snippet choice would put its first value in the text, a value nobody chose.) Never safe: each
 * added field is an empty value only the person can fill, so fix-all leaves a record's missing fields to them.
 */
import * as l10n from '@vscode/l10n';
import { listOf, quote } from '../../diagnostic';
import { fieldLine } from '../../grammar';
import type { FieldSpec } from '../../schema/model';
import { emptyFieldLine, escapeSnippet, insertLineAfter, lineEnding, recordAtLine, schemaPositionLine } from '../shared';
import type { Fix, FixContext, FixKind } from './fix';

export const insertFields: FixKind<'insert-fields'> = {
  canBeSafe: false,
  build(context, diagnostic, data) {
    const fix = addFields(context, diagnostic.range.start.line, specsOf(context, data.keys));
    return fix ? [fix] : [];
  },
};

/** The schema's fields for these keys. */
export function specsOf(context: FixContext, keys: readonly string[]): FieldSpec[] {
  return keys.flatMap((key) => context.schema.byName.get(key) ?? []);
}

/**
 * The fix that inserts the given fields into the record at `recordLine`. `all` titles it as adding every missing
 * field of the record (the quick fix that joins a record's required and recommended ones).
 */
export function addFields(context: FixContext, recordLine: number, specs: FieldSpec[], all = false): Fix | undefined {
  const { document, schema } = context;
  const record = recordAtLine(document, recordLine);
  if (!record || specs.length === 0) return undefined;
  // Fields that land on the same line are joined into one edit, in schema order.
  const byLine = new Map<number, FieldSpec[]>();
  for (const spec of [...specs].sort((a, b) => a.order - b.order)) {
    const after = schemaPositionLine(record, spec, schema);
    byLine.set(after, [...(byLine.get(after) ?? []), spec]);
  }
  const eol = lineEnding(document.text);
  const edits = [...byLine].map(([after, group]) => insertLineAfter(document, after, group.map((s) => emptyFieldLine(s.key)).join(eol)));
  // With snippet edits each value is an empty tab stop, so Tab goes from one to the next.
  let stop = 0;
  const snippetEdits = [...byLine].map(([after, group]) => {
    const text = group.map((spec) => `${fieldLine(escapeSnippet(spec.key))}\${${++stop}}`).join(eol);
    const plain = insertLineAfter(document, after, '\u0000');
    const [headText, tailText] = plain.newText.split('\u0000').map((t) => escapeSnippet(t));
    return { range: plain.range, snippet: { kind: 'snippet' as const, value: headText + text + tailText } };
  });
  return { title: addFieldsTitle(specs, all), edits, snippetEdits, preferred: !all, safe: false };
}

/** The title of a fix that adds these missing fields. */
function addFieldsTitle(specs: readonly FieldSpec[], all: boolean): string {
  if (specs.length === 1) return l10n.t('Add the missing field {0}', quote(specs[0].key, 80));
  if (all) return l10n.t('Add all {0} missing fields', specs.length);
  if (specs.length <= 3) return l10n.t('Add the missing fields {0}', listOf(specs.map((s) => quote(s.key, 80)), 'and'));
  if (!specs.every((s) => s.presence === specs[0].presence)) return l10n.t('Add the {0} missing fields', specs.length);
  switch (specs[0].presence) {
    case 'required':
      return l10n.t('Add the {0} missing required fields', specs.length);
    case 'recommended':
      return l10n.t('Add the {0} missing recommended fields', specs.length);
    case 'optional':
      return l10n.t('Add the {0} missing optional fields', specs.length);
  }
}
