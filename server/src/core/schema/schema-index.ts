/**
 * What the checker asks of a compiled schema on every keystroke, worked out once per schema instead of once per
 * check. Kept beside the schema rather than in it: a compiled schema is plain data and never changes afterwards.
 */
import { fold } from './compile';
import type { FieldSpec, Schema } from './model';

export interface SchemaIndex {
  /** Every field's key in schema order: the keys the parser shares among the fields that use them. */
  readonly sharedKeys: readonly string[];
  /** Keys that start a record: the record-start key and its aliases. */
  readonly recordStartKeys: readonly string[];
  /** Whether a key names a schema field, with any capitals or spacing. */
  readonly isKnownKey: (key: string) => boolean;
  /** Required and recommended fields in schema order: those a record is checked for. */
  readonly expected: readonly FieldSpec[];
  /** Every key and alias, in schema order: the candidates of a did-you-mean for a field name. */
  readonly names: readonly string[];
  /** The text of each redaction marker, in schema order. */
  readonly markers: readonly string[];
  /** A field's position in `schema.fields`, so per-field facts of one record can live in a small array. */
  slotOf(spec: FieldSpec): number;
}

const indexes = new WeakMap<Schema, SchemaIndex>();

export function schemaIndex(schema: Schema): SchemaIndex {
  let index = indexes.get(schema);
  if (!index) {
    index = buildIndex(schema);
    indexes.set(schema, index);
  }
  return index;
}

function buildIndex(schema: Schema): SchemaIndex {
  const markers = schema.markers.map((m) => m.text);
  // Compiled schemas number their fields in order; a schema built another way is looked up instead.
  const ordered = schema.fields.every((spec, i) => spec.order === i);
  const slots = new Map(schema.fields.map((spec, i) => [spec, i]));
  return {
    sharedKeys: schema.fields.map((spec) => spec.key),
    recordStartKeys: [schema.recordStart, ...(schema.byName.get(schema.recordStart)?.aliases ?? [])],
    isKnownKey: (key) => schema.byFoldedName.has(fold(key)),
    expected: schema.fields.filter((spec) => spec.presence !== 'optional'),
    names: schema.fields.flatMap((f) => [f.key, ...f.aliases]),
    markers,
    slotOf: ordered ? (spec) => spec.order : (spec) => slots.get(spec) ?? -1,
  };
}
