/** Record text from a schema's named templates: every field in schema order, the template's values filled in. */
import { fold } from './compile';
import type { Schema, TemplateData } from './model';

export interface TemplateTextOptions {
  /**
   * LSP snippet syntax: each empty value becomes a tab stop, and `$`, `}` and `\` in values are escaped. Off: plain
   * text, for a new document.
   */
  snippet?: boolean;
}

export function templateText(schema: Schema, template: TemplateData, options: TemplateTextOptions = {}): string {
  const values = new Map(Object.entries(template.values ?? {}).map(([key, value]) => [fold(key), value]));
  let stop = 0;
  const lines = schema.fields.map((field) => {
    const given = [field.key, ...field.aliases].map((name) => values.get(fold(name))).find((v) => v !== undefined);
    if (!options.snippet) return `**${field.key}**: ${given ?? ''}`;
    const value = given !== undefined ? escapeSnippet(given) : `\${${++stop}}`;
    return `**${escapeSnippet(field.key)}**: ${value}`;
  });
  return `${lines.join('\n')}\n${options.snippet ? '$0' : ''}`;
}

/** Templates for the New Fragment list: the schema's own, then an empty record (as completion offers them). */
export function templatesOf(schema: Schema): TemplateData[] {
  return [...schema.templates, { name: 'Empty fragment', description: 'Every field of the schema, in order, with no values.' }];
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}
