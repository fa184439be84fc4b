import * as l10n from '@vscode/l10n';
import { Severity } from '../diagnostic';
import { fieldLine } from '../grammar';
import { fold } from '../schema/compile';
import type { Rule } from './rule';

/** A line that is almost a field: it is not read as one, so its value is lost to the checker. */
export const malformedField: Rule = {
  code: 'malformed-field',
  describe: () => l10n.t('A line that looks like a field but is not written as **Key**: value.'),
  check(context) {
    let kept = 0;
    for (const line of context.document.malformed) {
      if (kept >= context.maxDiagnostics) break; // in document order: past the cap the rest would be cut anyway
      const spec = context.schema.byFoldedName.get(fold(line.key));
      const key = spec?.key ?? line.key;
      const replacement = fieldLine(key, line.value).trimEnd();
      const reported = context.report({
        code: 'malformed-field',
        severity: Severity.Warning,
        message: l10n.t('This line looks like the field "{0}", but {1}, so it is not read as a field. Write it as {2}.', key, line.problem, fieldLine(key, 'value')),
        range: line.range,
        data: { fix: 'rewrite-line', replacement },
        spec,
      });
      if (reported) kept++;
    }
  },
};
