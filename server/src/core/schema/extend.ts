/**
 * Turns a team's schema data into complete schema data: applies `extends: "default"`, `addValues` and `fieldOrder`.
 * Pure data in, data out; the result goes to `compileSchema`.
 */
import { declaredRoles, DEFAULT_SCHEMA_DATA, fold } from './compile';
import type { FieldData, MarkerData, SchemaData, TemplateData, ValueData } from './model';

export function extendSchemaData(data: SchemaData, base: SchemaData = DEFAULT_SCHEMA_DATA): SchemaData {
  const extending = data.extends === 'default';
  const own = data.fields ?? [];
  const fields = extending ? mergeFields(base.fields.map(withAddedValues), own) : own.map(withAddedValues);
  const roles = declaredRoles(data);
  const complete: SchemaData = {
    description: data.description ?? (extending ? base.description : undefined),
    roles: extending ? { ...base.roles, ...roles } : Object.keys(roles).length > 0 ? roles : undefined,
    markers: extending ? mergeMarkers(base.markers ?? [], data.markers ?? []) : data.markers,
    fields: data.fieldOrder ? reorder(fields, data.fieldOrder) : fields,
    templates: extending ? mergeTemplates(base.templates ?? [], data.templates ?? []) : data.templates,
    quality: extending ? { ...base.quality, ...data.quality } : data.quality,
    relations: extending ? [...(base.relations ?? []), ...(data.relations ?? [])] : data.relations,
    allowedNames: extending && base.allowedNames ? [...new Set([...base.allowedNames, ...(data.allowedNames ?? [])])] : data.allowedNames,
  };
  for (const key of Object.keys(complete) as (keyof SchemaData)[]) if (complete[key] === undefined) delete complete[key];
  return complete;
}

/** The names a field answers to, folded: its key and its aliases. */
export function namesOf(field: FieldData): string[] {
  return [field.key, ...(field.aliases ?? [])].map(fold);
}

/** A team field whose key or alias names a built-in field overrides it property by property; others are added. */
function mergeFields(base: FieldData[], own: FieldData[]): FieldData[] {
  const merged = base.map((field) => ({ ...field }));
  for (const field of own) {
    const names = namesOf(field);
    const at = merged.findIndex((candidate) => namesOf(candidate).some((name) => names.includes(name)));
    if (at < 0) merged.push(withAddedValues(field));
    else merged[at] = withAddedValues({ ...merged[at], ...field, values: field.values ?? merged[at].values });
  }
  return merged;
}

/** `values` plus `addValues`, without repeating a value. */
function withAddedValues(field: FieldData): FieldData {
  if (!field.addValues) return field;
  const { addValues, ...rest } = field;
  return { ...rest, values: appendValues(field.values ?? [], addValues) };
}

function appendValues(values: (string | ValueData)[], added: (string | ValueData)[]): (string | ValueData)[] {
  const text = (v: string | ValueData) => (typeof v === 'string' ? v : v.value);
  const seen = new Set(values.map(text));
  return [...values, ...added.filter((v) => !seen.has(text(v)))];
}

function mergeMarkers(base: (string | MarkerData)[], own: (string | MarkerData)[]): (string | MarkerData)[] {
  const text = (m: string | MarkerData) => (typeof m === 'string' ? m : m.text);
  const ownTexts = new Set(own.map(text));
  return [...base.filter((m) => !ownTexts.has(text(m))), ...own];
}

/** A team template with a built-in template's name replaces it. */
function mergeTemplates(base: TemplateData[], own: TemplateData[]): TemplateData[] {
  const ownNames = new Set(own.map((t) => fold(t.name)));
  return [...base.filter((t) => !ownNames.has(fold(t.name))), ...own];
}

/** Fields named in `order` first, in that order; the rest keep their relative order after them. */
function reorder(fields: FieldData[], order: string[]): FieldData[] {
  const rank = new Map<FieldData, number>();
  order.forEach((name, index) => {
    const field = fields.find((f) => namesOf(f).includes(fold(name)));
    if (field && !rank.has(field)) rank.set(field, index);
  });
  const listed = fields.filter((f) => rank.has(f)).sort((a, b) => rank.get(a)! - rank.get(b)!);
  return [...listed, ...fields.filter((f) => !rank.has(f))];
}
