/**
 * Record text from a schema's named templates: every field in schema order, the template's values filled in, every
 * other value left empty. The one definition of a template's text: completion, the New Fragment command and the
 * templates request all use it.
 */
import * as l10n from '@vscode/l10n';
import { fieldLine } from '../grammar';
import { fold } from './compile';
import type { Schema, TemplateData } from './model';

export interface TemplateTextOptions {
  /**
   * LSP snippet syntax: every field gets one tab stop, in schema order, so one Tab per field reaches each of them. A
   * value the template gives is a placeholder the person can type over; every other stop is empty — never a choice
   * list, which would start on its first value and so write a value the person did not choose. `$`, `}` and `\` in
   * keys and values are escaped. Off: plain text, for a client without snippets.
   */
  snippet?: boolean;
  /** The line ending to join the lines with (the document's own); `\n` when not given. */
  eol?: string;
}

export function templateText(schema: Schema, template: TemplateData, options: TemplateTextOptions = {}): string {
  const values = new Map(Object.entries(template.values ?? {}).map(([key, value]) => [fold(key), value]));
  const lines = schema.fields.map((field, index) => {
    const given = [field.key, ...field.aliases].map((name) => values.get(fold(name))).find((v) => v !== undefined);
    if (!options.snippet) return fieldLine(field.key, given);
    const stop = index + 1;
    const value = given !== undefined && given !== '' ? `\${${stop}:${escapeSnippet(given)}}` : `\${${stop}}`;
    return fieldLine(escapeSnippet(field.key), value);
  });
  const eol = options.eol ?? '\n';
  return `${lines.join(eol)}${eol}${options.snippet ? '$0' : ''}`;
}

/** The empty record every schema offers, before its own templates (in the person's language, so made when asked for). */
function emptyTemplate(): TemplateData {
  return { name: l10n.t('Empty fragment'), description: l10n.t('Every field of the schema, in order, with no values.') };
}

/**
 * Templates for the New Fragment list and for completion: an empty record first, so that the one Enter picks answers
 * nothing; then the schema's own, each of which fills in the answers its name stands for.
 */
export function templatesOf(schema: Schema): TemplateData[] {
  return [emptyTemplate(), ...schema.templates];
}

/** What a template fills in, for the person to read before choosing it: `Outcome is negative: YES, …`. */
export function templateFills(template: TemplateData): string {
  return Object.entries(template.values ?? {})
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ');
}

/** Snippet text: `$`, `}` and `\` are syntax there. */
function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}
