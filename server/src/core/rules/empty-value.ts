import * as l10n from '@vscode/l10n';
import { Severity } from '../diagnostic';
import type { Rule } from './rule';
import { hasValue, keyRange } from '../parser';

/** A required or recommended field that is there but has no value. */
export const emptyValue: Rule = {
  code: 'empty-value',
  describe: () => l10n.t('A required field (error) or recommended field (warning) has an empty value.'),
  check(context) {
    const { fields } = context.document;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i];
      if (hasValue(field)) continue;
      const spec = context.specOf(field);
      if (!spec || spec.presence === 'optional') continue;
      const required = spec.presence === 'required';
      context.report({
        code: 'empty-value',
        severity: required ? Severity.Error : Severity.Warning,
        message:
          (required ? l10n.t('"{0}" is required but has no value.', spec.key) : l10n.t('"{0}" is recommended but has no value.', spec.key)) +
          (spec.example ? ` ${l10n.t('For example: {0}', spec.example)}` : ''),
        range: keyRange(field),
        data: { fix: 'none' },
        spec,
      });
    }
  },
};
