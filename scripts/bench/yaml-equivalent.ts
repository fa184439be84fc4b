/**
 * The bench's matched documents for the side-by-side with yaml-language-server: the default fragment schema written
 * as a JSON Schema, and the bench's fragment records written as YAML, so both servers check the same records against
 * the same rules. Made from the schema model and from the parsed records, not written by hand, so the two sides
 * cannot drift apart.
 */
import { fieldValue, parseWithSchema, type FieldSpec, type Schema } from '../../server/src/core';
import { generateRecord, random } from '../../test/support/generate';

/**
 * What the JSON Schema says for one field. As in ours, an empty value is one problem, not two, and only when the field
 * is required or recommended (JSON Schema has no warnings: ours warns on an empty recommended field, this makes it an
 * error). So a shape check (enum, pattern) accepts the empty string only when the field is optional, and a field
 * without one gets `minLength: 1` unless it is optional.
 */
function propertyOf(field: FieldSpec, thisYear: number): Record<string, unknown> {
  const property: Record<string, unknown> = { type: 'string', description: field.description };
  const mayBeEmpty = field.presence === 'optional';
  const listed = field.values.map((v) => v.value);
  const wholeValue = (source: string) => (mayBeEmpty ? `^(?:${source})?$` : `^(?:${source})$`);
  switch (field.kind) {
    case 'closed':
    case 'flag':
      property.enum = mayBeEmpty && !listed.includes('') ? [...listed, ''] : listed;
      break;
    case 'multi':
      if (field.open) {
        if (listed.length) property.examples = listed;
      } else {
        const choice = `(?:${listed.map(escapeRegExp).join('|')})`;
        const separator = `\\s*${escapeRegExp(field.separator)}\\s*`;
        property.pattern = wholeValue(`${choice}(?:${separator}${choice})*`);
      }
      break;
    case 'year': {
      const years = Array.from({ length: thisYear + 1 - field.minYear + 1 }, (_, i) => String(field.minYear + i));
      property.pattern = wholeValue(years.join('|'));
      break;
    }
    case 'open':
      // The usual values are offered (completion); others pass, as ours only notes them.
      if (listed.length) property.examples = listed;
      break;
    default:
      break;
  }
  if (field.pattern) property.pattern = wholeValue(field.pattern.source);
  if (!mayBeEmpty && property.enum === undefined && property.pattern === undefined) property.minLength = 1;
  return property;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The schema as a JSON Schema (draft-07) for a YAML file holding a list of records. */
export function recordsJsonSchema(schema: Schema, thisYear = new Date().getFullYear()): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const field of schema.fields) {
    const property = propertyOf(field, thisYear);
    for (const name of [field.key, ...field.aliases]) properties[name] = property;
  }
  const required = schema.fields.filter((f) => f.presence === 'required');
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Fragment records: the default fragment schema as JSON Schema (benchmark only)',
    type: 'array',
    items: {
      type: 'object',
      properties,
      // Ours warns on a key the schema does not know.
      additionalProperties: false,
      required: required.filter((f) => f.aliases.length === 0).map((f) => f.key),
      // A key with aliases is present when any of its names is.
      allOf: required.filter((f) => f.aliases.length > 0).map((f) => ({ anyOf: [f.key, ...f.aliases].map((name) => ({ required: [name] })) })),
    },
  };
}

/** A key as a YAML plain scalar when it safely is one, else JSON-quoted (YAML reads JSON strings). */
function yamlKey(key: string): string {
  return /^[A-Za-z][A-Za-z0-9 ()_-]*$/.test(key) && !key.endsWith(' ') ? key : JSON.stringify(key);
}

/** The records of a fragment document as a YAML list of mappings, one per record, values as JSON-quoted strings. */
export function fragmentToYaml(text: string, schema: Schema): string {
  const parsed = parseWithSchema(text, schema);
  const out: string[] = [];
  for (const record of parsed.records) {
    record.fields.forEach((field, i) => out.push(`${i === 0 ? '- ' : '  '}${yamlKey(field.key)}: ${JSON.stringify(fieldValue(field))}`));
  }
  return `${out.join('\n')}\n`;
}

/**
 * Problems planted in every PLANT_EVERY-th record, in turn, so both servers have something to report and the counts
 * show they check the same things: a value outside a closed list, a year out of range, a required field missing.
 */
export const PLANT_EVERY = 25;
const PLANTED: { key: string; value: string | undefined }[] = [
  { key: 'Rating significance', value: 'meduim' },
  { key: 'Year', value: '1899' },
  { key: 'Scale', value: undefined },
];

/** The record with its planted problem when `index` is one of every PLANT_EVERY (index 0 always is). */
export function plant(record: string, index: number): string {
  if (index % PLANT_EVERY !== 0) return record;
  const { key, value } = PLANTED[(index / PLANT_EVERY) % PLANTED.length];
  const lines = record.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`**${key}**:`));
  if (at < 0) return record;
  if (value === undefined) lines.splice(at, 1);
  else lines[at] = `**${key}**: ${value}`;
  return lines.join('\n');
}

/** The bench's fragment document (the records of `generateDocument(count, seed)`) with its planted problems. */
export function plantedDocument(count: number, seed = 1): string {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => plant(generateRecord(i, next), i)).join('\n');
}

/** Records in a document of about `mb` megabytes (as the core bench sizes them). */
export function recordsForMegabytes(mb: number): number {
  return Math.ceil((mb * 1e6) / generateRecord(1).length);
}
