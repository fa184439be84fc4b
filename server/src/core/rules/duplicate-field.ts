import { Severity } from '../diagnostic';
import type { Field } from '../parser';
import type { FieldSpec } from '../schema/model';
import type { Rule } from './rule';

/** The same field twice in one record; reported on the repeat. */
export const duplicateField: Rule = {
  code: 'duplicate-field',
  description: 'A field appears more than once in the same record.',
  check(context) {
    for (const record of context.document.records) {
      const first = new Map<FieldSpec | string, Field>();
      for (const field of record.fields) {
        const identity = context.specOf(field) ?? field.key;
        const earlier = first.get(identity);
        if (!earlier) {
          first.set(identity, field);
          continue;
        }
        const sameValue = earlier.value === field.value;
        context.report({
          code: 'duplicate-field',
          severity: Severity.Error,
          message: `"${field.key}" appears twice in this fragment (first on line ${earlier.line + 1})${sameValue ? ' with the same value' : ' with a different value; keep the right one'}.`,
          range: field.keyRange,
          data: { fix: 'remove-duplicate', key: field.key, firstLine: earlier.line, sameValue },
          relatedInformation: context.uri
            ? [{ location: { uri: context.uri, range: earlier.keyRange }, message: `First "${earlier.key}" is here.` }]
            : undefined,
          spec: context.specOf(field),
        });
      }
    }
  },
};
