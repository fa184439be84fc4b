/** Schema files as text: JSON laid out for people (short entries on one line), and the starting schema file. */
import type { SchemaData } from './model';

const LINE = 110;

/** JSON with two-space indentation, but any object or list that fits on one line is kept on one line. */
export function schemaToText(data: SchemaData): string {
  return `${layout(data, '')}\n`;
}

/** One JSON value laid out as in schema files, its first line to follow `indent` plus a property name. */
export function jsonText(value: unknown, indent: string): string {
  return layout(value, indent);
}

function layout(value: unknown, indent: string): string {
  const flat = oneLine(value);
  if (flat.length + indent.length <= LINE || value === null || typeof value !== 'object') return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + layout(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${layout(v, inner)}`).join(',\n')}\n${indent}}`;
}

function oneLine(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The file `Fragments: Create Schema File` writes: extends the built-in format, with one example of each thing a
 * team usually changes. Comments are allowed (the file is JSON with comments).
 */
export function starterSchemaText(): string {
  return `{
  // Your team's fragment format. It starts from the built-in outcome-harvest format ("extends": "default");
  // fields below add to it, or change the built-in field with the same key. Hover a property to see what it does.
  "extends": "default",
  "description": "Our programme's fragment format.",
  "fields": [
    // Add values to a built-in list without repeating the list:
    // { "key": "Social actor", "addValues": [{ "value": "Faith leaders", "description": "Religious leaders and their communities." }] },

    // Make a built-in field optional, or switch off one kind of problem for it:
    // { "key": "OH-harvesting period", "presence": "optional" },
    // { "key": "Outcome status", "severity": { "unknown-value": "off" } },

    // A field of your own:
    // { "key": "Partner", "presence": "recommended", "kind": "open", "values": ["Partner A", "Partner B"], "description": "The partner organisation that reported the outcome." }
  ],
  "templates": [
    // Offered by 'Fragments: New Fragment…' next to the built-in templates:
    // { "name": "Outcome from a partner report", "values": { "Outcome status": "Outcome", "Evidence supporting the outcome statement": "Partner report" } }
  ]
}
`;
}
