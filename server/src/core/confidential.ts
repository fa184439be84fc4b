/**
 * Whether a record is marked confidential: the one place that decides it, shared by every confidentiality rule
 * (pii, redaction-drift, name-beside-marker, name-in-clear, place-in-clear). Today the decision is the value `1.0`
 * in the field `Outcome statements is CONFIDENTIAL`; pointing it at a schema role later changes only this file.
 */
import { fieldValue, type Field, type FragmentRecord } from './parser';
import { fold } from './schema/compile';
import type { FieldSpec, Schema } from './schema/model';

/** The field that marks a record confidential, and the value that means "confidential". */
const CONFIDENTIAL_KEY = fold('Outcome statements is CONFIDENTIAL');
const CONFIDENTIAL_VALUE = '1.0';

/**
 * Whether the record's confidentiality flag is set. `specOf` gives a field's spec as the checker already worked it
 * out: comparing specs is cheaper than folding every key of every record, and the rules run on each keystroke.
 */
export function isConfidential(record: FragmentRecord, schema: Schema, specOf: (field: Field) => FieldSpec | undefined): boolean {
  const spec = schema.byFoldedName.get(CONFIDENTIAL_KEY);
  const fields = record.fields;
  for (let i = 0; i < fields.length; i++) {
    if (spec ? specOf(fields[i]) === spec : fold(fields[i].key) === CONFIDENTIAL_KEY) return fieldValue(fields[i]) === CONFIDENTIAL_VALUE;
  }
  return false;
}
