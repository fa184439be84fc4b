/** Turns schema data (JSON) into the indexed form the rules use. */
import { RE2JS } from 're2js';
import countries from './countries.json';
import defaultSchemaData from './default-schema.json';
import type { CompiledPattern, CompiledValue, FieldData, FieldSpec, MarkerData, Schema, SchemaData } from './model';

/** Lower case, runs of white space folded: how keys and values are compared when looking for near misses. */
export function fold(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Compiles a pattern with RE2 semantics: linear time whatever the input, so a pattern from an untrusted schema
 * cannot hang the checker. Throws with RE2's message when the pattern is not valid RE2.
 */
export function compilePattern(source: string): CompiledPattern {
  const exact = RE2JS.compile(source);
  const folded = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  return {
    source,
    matches: (value) => exact.matches(value),
    matchesIgnoringCase: (value) => folded.matches(value),
  };
}

const FLAG_VALUES: CompiledValue[] = [
  { value: 'YES', description: 'Yes.' },
  { value: 'NO', description: 'No.' },
];

function compileValues(field: FieldData): CompiledValue[] {
  if (field.kind === 'flag' && !field.values) return FLAG_VALUES;
  const values: CompiledValue[] = (field.values ?? []).map((v) => (typeof v === 'string' ? { value: v } : { ...v }));
  if (field.valueSet === 'countries') {
    const known = new Set(values.map((v) => v.value));
    for (const name of countries as string[]) if (!known.has(name)) values.push({ value: name });
  }
  return values;
}

export function compileField(field: FieldData, order: number): FieldSpec {
  const values = compileValues(field);
  const valueIndex = new Map<string, CompiledValue>();
  const valueIndexFolded = new Map<string, CompiledValue>();
  for (const v of values) {
    valueIndex.set(v.value, v);
    if (!valueIndexFolded.has(fold(v.value))) valueIndexFolded.set(fold(v.value), v);
  }
  return {
    key: field.key.trim(),
    aliases: (field.aliases ?? []).map((a) => a.trim()),
    description: field.description ?? '',
    presence: field.presence ?? 'optional',
    kind: field.kind ?? 'text',
    values,
    valueIndex,
    valueIndexFolded,
    open: field.kind === 'open' || (field.kind === 'multi' && field.open === true),
    separator: field.separator ?? ',',
    pattern: field.pattern !== undefined ? compilePattern(field.pattern) : undefined,
    patternDescription: field.patternDescription,
    example: field.example,
    minYear: field.minYear ?? 1900,
    severity: { ...(field.severity ?? {}) },
    order,
  };
}

export function compileSchema(data: SchemaData): Schema {
  const fields = data.fields.map(compileField);
  const byName = new Map<string, FieldSpec>();
  const byFoldedName = new Map<string, FieldSpec>();
  for (const field of fields) {
    for (const name of [field.key, ...field.aliases]) {
      if (!byName.has(name)) byName.set(name, field);
      if (!byFoldedName.has(fold(name))) byFoldedName.set(fold(name), field);
    }
  }
  const markers: MarkerData[] = (data.markers ?? []).map((m) => (typeof m === 'string' ? { text: m } : m));
  return {
    description: data.description ?? '',
    recordStart: data.recordStart ?? 'FragmentID',
    fields,
    markers,
    templates: data.templates ?? [],
    byName,
    byFoldedName,
  };
}

export const DEFAULT_SCHEMA_DATA = defaultSchemaData as SchemaData;

let defaultSchema: Schema | undefined;
/** The built-in schema, compiled once. */
export function getDefaultSchema(): Schema {
  defaultSchema ??= compileSchema(DEFAULT_SCHEMA_DATA);
  return defaultSchema;
}
