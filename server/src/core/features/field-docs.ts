/** The plain-language explanation of a field (its purpose, presence and rule), shared by hover and completion. */
import * as l10n from '@vscode/l10n';
import { localised } from '../l10n';
import type { FieldSpec, Presence } from '../schema/model';
import { escapeMarkdown } from './shared';

/** How many allowed values a hover lists before saying how many more there are. */
const LISTED = 12;

function presenceText(presence: Presence): string {
  switch (presence) {
    case 'required':
      return l10n.t('Required: every fragment must have it, with a value.');
    case 'recommended':
      return l10n.t('Recommended: fill it in when you can.');
    case 'optional':
      return l10n.t('Optional: may stay empty or be left out.');
  }
}

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
  const shown = spec.values.slice(0, LISTED).map((v) => {
    const description = localised(v.description);
    return `- ${code(v.value, format)}${description ? ` — ${plain(description, format)}` : ''}`;
  });
  if (spec.values.length > LISTED) shown.push(`- ${l10n.t('… and {0} more', spec.values.length - LISTED)}`);
  return shown;
}

/** What may be written in the field, in plain words. */
export function ruleText(spec: FieldSpec, format: DocFormat): string[] {
  switch (spec.kind) {
    case 'text':
      return [l10n.t('Free text.')];
    case 'flag':
      return [l10n.t('Write {0} or {1}.', code('YES', format), code('NO', format))];
    case 'year':
      return [l10n.t('A four-digit year, from {0} up to next year.', spec.minYear)];
    case 'pattern':
      return [l10n.t('Written as {0}.', plain(localised(spec.patternDescription) || spec.pattern?.source || l10n.t('the schema describes'), format))];
    case 'closed':
      return [l10n.t('Write exactly one of these values:'), ...valueList(spec, format)];
    case 'open': {
      const shape = spec.pattern ? [l10n.t('Written as {0}.', plain(localised(spec.patternDescription) || spec.pattern.source, format))] : [];
      if (spec.values.length > LISTED) {
        return [
          ...shape,
          l10n.t('Usually one of {0} known values, for example {1}. Other values are accepted and shown for a look.', spec.values.length, code(spec.values[0].value, format)),
        ];
      }
      if (spec.values.length === 0) return shape.length ? shape : [l10n.t('Free text.')];
      return [...shape, l10n.t('Usually one of these values; other values are accepted and shown for a look:'), ...valueList(spec, format)];
    }
    case 'multi':
      return [
        spec.open
          ? l10n.t('One or more of these, separated by {0}; other choices are accepted and shown for a look:', code(spec.separator, format))
          : l10n.t('One or more of these, separated by {0}:', code(spec.separator, format)),
        ...valueList(spec, format),
      ];
  }
}

/** The whole explanation of a field: name, purpose, presence, rule, other accepted names. */
export function fieldDocumentation(spec: FieldSpec, format: DocFormat): string {
  const parts: string[] = [format.markdown ? `**${escapeMarkdown(spec.key)}**` : spec.key];
  const description = localised(spec.description);
  if (description) parts.push(plain(description, format));
  parts.push(presenceText(spec.presence));
  parts.push(ruleText(spec, format).join('\n'));
  if (spec.aliases.length) parts.push(l10n.t('Also accepted as: {0}.', spec.aliases.map((a) => code(a, format)).join(', ')));
  if (spec.example) parts.push(l10n.t('Example: {0}', code(spec.example, format)));
  return parts.join('\n\n');
}
