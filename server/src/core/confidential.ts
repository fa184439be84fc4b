/**
 * Whether a record is marked confidential: the one place that reads the schema's confidentiality role (`roles.
 * confidential` in the schema file: a field, and the values that mean "confidential"). Rules that treat confidential
 * records differently (pii, redaction-drift, name-beside-marker, name-in-clear, place-in-clear) ask this, never a
 * field name.
 */
import { fieldValue, type Field, type FragmentRecord } from './parser';
import { fold } from './schema/compile';
import type { FieldSpec, Schema } from './schema/model';

/**
 * True when the record's confidentiality field (its first, if written twice) holds one of the role's values, exactly
 * as the schema lists it. False when the schema has no confidentiality role. `specOf` is the check's own lookup of a
 * field's spec, when the caller has one (RuleContext.specOf); without it, the field's key is looked up in the schema.
 */
export function isConfidential(record: FragmentRecord, schema: Schema, specOf: (field: Field) => FieldSpec | undefined = (field) => specNamed(schema, field.key)): boolean {
  const role = schema.confidentialFlag;
  if (!role) return false;
  const flag = record.fields.find((field) => specOf(field) === role.field);
  return flag !== undefined && role.values.includes(fieldValue(flag));
}

function specNamed(schema: Schema, key: string): FieldSpec | undefined {
  return schema.byName.get(key) ?? schema.byFoldedName.get(fold(key));
}
