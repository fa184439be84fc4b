import * as l10n from '@vscode/l10n';
import { Severity } from '../diagnostic';
import { fieldValue, keyRange } from '../parser';
import { saysNothing, wordCount } from './prose';
import type { Rule } from './rule';

/**
 * Verifiable: a reviewer can only check what is said. A required text value with fewer words than the schema's
 * `quality.minWords` (markers count as words) is too thin to verify. Empty values and values of markers only are
 * left to the empty-value rule and to the redaction; the record-start field is an ID, never judged.
 */
export const tooThin: Rule = {
  code: 'too-thin',
  describe: () => l10n.t('A required text value has fewer words than the schema asks for (quality.minWords; 4 by default).'),
  check(context) {
    const { minWords } = context.schema.quality;
    if (minWords <= 0) return;
    // The record-start field holds an ID, not prose: a short ID is what it should be.
    const recordStart = context.schema.byName.get(context.schema.recordStart);
    const { fields } = context.document;
    let kept = 0;
    for (let i = 0; i < fields.length && !context.pastCap(fields[i].line, kept); i++) {
      const field = fields[i];
      const spec = context.specOf(field);
      if (!spec || spec === recordStart || spec.kind !== 'text' || spec.presence !== 'required') continue;
      const value = fieldValue(field);
      const words = wordCount(value, minWords);
      if (words === undefined || words >= minWords || saysNothing(value)) continue;
      const shown = context.report({
        code: 'too-thin',
        severity: Severity.Information,
        message:
          words === 1
            ? l10n.t('This is very short (1 word). Can a reviewer check it from this alone? Say who, what, when or where.')
            : l10n.t('This is very short ({0} words). Can a reviewer check it from this alone? Say who, what, when or where.', words),
        range: keyRange(field),
        data: { fix: 'none' },
        spec,
      });
      if (shown) kept++; // in document order: past the cap the rest would be cut anyway
    }
  },
};
