/** Turns schema data (JSON) into the indexed form the rules use. */
import countries from './countries.json';
import defaultSchemaData from './default-schema.json';
import type { CompiledPattern, CompiledValue, FieldData, FieldSpec, MarkerData, Schema, SchemaData } from './model';

/** Lower case, runs of white space folded: how keys and values are compared when looking for near misses. */
export function fold(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Turns a pattern's source into a whole-value matcher; throws with a reason when the source is not usable. */
export type PatternCompiler = (source: string) => CompiledPattern;

/**
 * Compiles a pattern with RE2 semantics: linear time whatever the input, so a pattern from a team's schema cannot
 * hang the checker. Throws with RE2's message when the pattern is not valid RE2. re2js is required on first use, from
 * its own file in the bundle: only team schemas need it, and the server starts faster without parsing it.
 */
export const compilePattern: PatternCompiler = (source) => {
  const { RE2JS } = require('re2js') as typeof import('re2js');
  const exact = RE2JS.compile(source);
  const folded = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  return {
    source,
    matches: (value) => exact.matches(value),
    matchesIgnoringCase: (value) => folded.matches(value),
  };
};

/**
 * The built-in schema's own patterns run in JavaScript's engine. They are ours, written so no input can make them
 * backtrack (each repeated part is followed by a character it cannot match), and a test checks that they mean the
 * same in RE2, the engine team patterns run in.
 */
export const compileBuiltInPattern: PatternCompiler = (source) => {
  const exact = new RegExp(`^(?:${source})$`);
  const folded = new RegExp(`^(?:${source})$`, 'i');
  return { source, matches: (value) => exact.test(value), matchesIgnoringCase: (value) => folded.test(value) };
};

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

export function compileField(field: FieldData, order: number, patterns: PatternCompiler = compilePattern): FieldSpec {
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
    pattern: field.pattern !== undefined ? patterns(field.pattern) : undefined,
    patternDescription: field.patternDescription,
    example: field.example,
    minYear: field.minYear ?? 1900,
    severity: { ...(field.severity ?? {}) },
    order,
  };
}

export function compileSchema(data: SchemaData, patterns: PatternCompiler = compilePattern): Schema {
  const fields = data.fields.map((field, order) => compileField(field, order, patterns));
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
    allowedNames: (data.allowedNames ?? []).map((name) => name.trim()).filter((name) => name !== ''),
    byName,
    byFoldedName,
  };
}

export const DEFAULT_SCHEMA_DATA = defaultSchemaData as SchemaData;

let defaultSchema: Schema | undefined;
/** The built-in schema, compiled once. */
export function getDefaultSchema(): Schema {
  defaultSchema ??= compileSchema(DEFAULT_SCHEMA_DATA, compileBuiltInPattern);
  return defaultSchema;
}
