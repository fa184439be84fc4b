/** Turns schema data (JSON) into the indexed form the rules use. */
import countries from './countries.json';
import defaultSchemaData from './default-schema.json';
import type { CompiledPattern, CompiledRelation, CompiledValue, FieldData, FieldSpec, MarkerData, QualitySpec, RolesData, RelationData, Schema, SchemaData } from './model';

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
  const group = exact.groupCount() > 0 ? 1 : 0;
  return {
    source,
    matches: (value) => exact.matches(value),
    matchesIgnoringCase: (value) => folded.matches(value),
    captured(value) {
      const matcher = exact.matcher(value);
      return matcher.matches() ? (matcher.group(group) ?? undefined) : undefined;
    },
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
  // As RE2 does: the first group when the pattern has one (even when it took no part in the match), else the whole.
  const group = new RegExp(`${source}|`).exec('')!.length > 1 ? 1 : 0;
  return {
    source,
    matches: (value) => exact.test(value),
    matchesIgnoringCase: (value) => folded.test(value),
    captured: (value) => exact.exec(value)?.[group],
  };
};

/** A flag field's values when the schema lists none; described per language, as the built-in schema's values are. */
const FLAG_VALUES: CompiledValue[] = [
  { value: 'YES', description: { en: 'Yes.', fr: 'Oui.', es: 'Sí.', ar: 'نعم.' } },
  { value: 'NO', description: { en: 'No.', fr: 'Non.', es: 'No.', ar: 'لا.' } },
];

export function compileValues(field: FieldData): CompiledValue[] {
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
  const roles = rolesOf(data);
  const fieldNamed = (name: string | undefined) => (name === undefined ? undefined : (byName.get(name) ?? byFoldedName.get(fold(name))));
  const confidential = fieldNamed(roles.confidential?.field);
  const storyField = fieldNamed(roles.story);
  const quality: QualitySpec = {
    outcome: storyField,
    year: fieldNamed(roles.year),
    evidence: fieldNamed(roles.evidence),
    minWords: data.quality?.minWords ?? DEFAULT_MIN_WORDS,
  };
  const relations = (data.relations ?? []).flatMap((relation) => compileRelation(relation, fieldNamed, patterns));
  return {
    description: data.description ?? '',
    recordStart: roles.recordStart ?? '',
    confidentialFlag: confidential && roles.confidential ? { field: confidential, values: roles.confidential.values } : undefined,
    storyField,
    fields,
    markers,
    templates: data.templates ?? [],
    quality,
    relations,
    allowedNames: (data.allowedNames ?? []).map((name) => name.trim()).filter((name) => name !== ''),
    byName,
    byFoldedName,
  };
}

/** Fewer words than this in a required text value cannot say who changed what, when and where. */
export const DEFAULT_MIN_WORDS = 4;

/** A relation naming a field the schema does not have is left out (loading a team schema warns about it). */
function compileRelation(relation: RelationData, specNamed: (name: string | undefined) => FieldSpec | undefined, patterns: PatternCompiler): CompiledRelation[] {
  const description = relation.description ?? '';
  if (relation.sameCode) {
    const [a, b] = relation.sameCode;
    const first = specNamed(a.field);
    const second = specNamed(b.field);
    if (!first || !second) return [];
    return [{ kind: 'same-code', description, sides: [{ spec: first, pattern: patterns(a.pattern) }, { spec: second, pattern: patterns(b.pattern) }] }];
  }
  const field = specNamed(relation.valuesOf);
  const dependOn = specNamed(relation.dependOn);
  if (!field || !dependOn || !relation.allowed) return [];
  const allowed = new Map<string, Set<string>>();
  const listed = new Set<string>();
  // Each value and choice as written and folded: records mostly write them as listed, so the exact form is found
  // without folding.
  const forms = (text: string) => [text.trim(), fold(text)];
  for (const [value, choices] of Object.entries(relation.allowed)) {
    const choiceForms = new Set(choices.flatMap(forms));
    for (const form of forms(value)) allowed.set(form, choiceForms);
    for (const form of choiceForms) listed.add(form);
  }
  return [{ kind: 'allowed-values', description, field, dependOn, allowed, listed }];
}

export const DEFAULT_SCHEMA_DATA = defaultSchemaData as SchemaData;
const BUILT_IN_ROLES: RolesData = DEFAULT_SCHEMA_DATA.roles ?? {};

/**
 * The roles a schema gives its fields: its own, else the built-in schema's (so a team schema that has the built-in
 * confidentiality field keeps its check without naming the role). A role whose field the schema does not have is
 * left out when compiled; a loaded team schema gets a warning for each such role it names itself (load.ts).
 */
export function rolesOf(data: SchemaData): RolesData {
  return { ...BUILT_IN_ROLES, ...declaredRoles(data) };
}

/** The roles a schema names itself, the older top-level `recordStart` read as `roles.recordStart`. */
export function declaredRoles(data: SchemaData): RolesData {
  return data.recordStart === undefined ? { ...data.roles } : { recordStart: data.recordStart, ...data.roles };
}

let defaultSchema: Schema | undefined;
/** The built-in schema, compiled once. */
export function getDefaultSchema(): Schema {
  defaultSchema ??= compileSchema(DEFAULT_SCHEMA_DATA, compileBuiltInPattern);
  return defaultSchema;
}
