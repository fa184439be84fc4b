/** The plain-language explanation of a field (its purpose, presence and rule), shared by hover and completion. */
import type { FieldSpec, Presence } from '../schema/model';
import { escapeMarkdown } from './shared';

/** How many allowed values a hover lists before saying how many more there are. */
const LISTED = 12;

const PRESENCE: Record<Presence, string> = {
  required: 'Required: every fragment must have it, with a value.',
  recommended: 'Recommended: fill it in when you can.',
  optional: 'Optional: may stay empty or be left out.',
};

export interface DocFormat {
  markdown: boolean;
}

function code(text: string, format: DocFormat): string {
  return format.markdown ? `\`${text.replace(/`/g, "'")}\`` : `"${text}"`;
}

function plain(text: string, format: DocFormat): string {
  return format.markdown ? escapeMarkdown(text) : text;
}

function valueList(spec: FieldSpec, format: DocFormat): string[] {
  const shown = spec.values.slice(0, LISTED).map((v) => `- ${code(v.value, format)}${v.description ? ` — ${plain(v.description, format)}` : ''}`);
  if (spec.values.length > LISTED) shown.push(`- … and ${spec.values.length - LISTED} more`);
  return shown;
}

/** What may be written in the field, in plain words. */
export function ruleText(spec: FieldSpec, format: DocFormat): string[] {
  switch (spec.kind) {
    case 'text':
      return ['Free text.'];
    case 'flag':
      return [`Write ${code('YES', format)} or ${code('NO', format)}.`];
    case 'year':
      return [`A four-digit year, from ${spec.minYear} up to next year.`];
    case 'pattern':
      return [`Written as ${plain(spec.patternDescription ?? spec.pattern?.source ?? 'the schema describes', format)}.`];
    case 'closed':
      return ['Write exactly one of these values:', ...valueList(spec, format)];
    case 'open': {
      const shape = spec.pattern ? [`Written as ${plain(spec.patternDescription ?? spec.pattern.source, format)}.`] : [];
      if (spec.values.length > LISTED) {
        return [...shape, `Usually one of ${spec.values.length} known values, for example ${code(spec.values[0].value, format)}. Other values are accepted and shown for a look.`];
      }
      if (spec.values.length === 0) return shape.length ? shape : ['Free text.'];
      return [...shape, 'Usually one of these values; other values are accepted and shown for a look:', ...valueList(spec, format)];
    }
    case 'multi':
      return [
        `One or more of these, separated by ${code(spec.separator, format)}${spec.open ? '; other choices are accepted and shown for a look' : ''}:`,
        ...valueList(spec, format),
      ];
  }
}

/** The whole explanation of a field: name, purpose, presence, rule, other accepted names. */
export function fieldDocumentation(spec: FieldSpec, format: DocFormat): string {
  const parts: string[] = [format.markdown ? `**${escapeMarkdown(spec.key)}**` : spec.key];
  if (spec.description) parts.push(plain(spec.description, format));
  parts.push(PRESENCE[spec.presence]);
  parts.push(ruleText(spec, format).join('\n'));
  if (spec.aliases.length) parts.push(`Also accepted as: ${spec.aliases.map((a) => code(a, format)).join(', ')}.`);
  if (spec.example) parts.push(`Example: ${code(spec.example, format)}`);
  return parts.join('\n\n');
}
