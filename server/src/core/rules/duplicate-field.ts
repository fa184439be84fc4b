import * as l10n from '@vscode/l10n';
import { Severity } from '../diagnostic';
import { fieldValue, keyRange, type Field } from '../parser';
import type { Rule } from './rule';

/** The message on the repeat of `key`, whose first copy is on `firstLine` (0-based). */
export function duplicateMessage(key: string, firstLine: number, sameValue: boolean): string {
  return sameValue
    ? l10n.t('"{0}" appears twice in this fragment (first on line {1}) with the same value.', key, firstLine + 1)
    : l10n.t('"{0}" appears twice in this fragment (first on line {1}) with a different value; keep the right one.', key, firstLine + 1);
}

/** The same field twice in one record; reported on the repeat. */
export const duplicateField: Rule = {
  code: 'duplicate-field',
  describe: () => l10n.t('A field appears more than once in the same record.'),
  check(context) {
    const { index } = context;
    // The first field of each schema field in the current record, marked with the record's number: one small array
    // for the whole document instead of a map per record. Keys the schema does not know are rare and use a map.
    const first: (Field | undefined)[] = new Array(context.schema.fields.length);
    const firstIn: number[] = new Array(context.schema.fields.length).fill(-1);
    const { records } = context.document;
    for (let r = 0; r < records.length; r++) {
      const record = records[r];
      let unknown: Map<string, Field> | undefined;
      for (let i = 0; i < record.fields.length; i++) {
        const field = record.fields[i];
        if (field.key === '') continue; // a field without a name is reported as such (unknown-field), not as a repeat
        const spec = context.specOf(field);
        let earlier: Field | undefined;
        if (spec) {
          const slot = index.slotOf(spec);
          if (firstIn[slot] !== record.index) {
            firstIn[slot] = record.index;
            first[slot] = field;
            continue;
          }
          earlier = first[slot];
        } else {
          unknown ??= new Map();
          earlier = unknown.get(field.key);
          if (!earlier) {
            unknown.set(field.key, field);
            continue;
          }
        }
        if (!earlier) continue;
        const sameValue = fieldValue(earlier) === fieldValue(field);
        context.report({
          code: 'duplicate-field',
          severity: Severity.Error,
          message: duplicateMessage(field.key, earlier.line, sameValue),
          range: keyRange(field),
          data: { fix: 'remove-duplicate', key: field.key, firstLine: earlier.line, sameValue },
          relatedInformation: context.uri
            ? [{ location: { uri: context.uri, range: keyRange(earlier) }, message: l10n.t('First "{0}" is here.', earlier.key) }]
            : undefined,
          spec,
        });
      }
    }
  },
};
