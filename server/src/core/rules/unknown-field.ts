import { quote, Severity } from '../diagnostic';
import { fold } from '../schema/compile';
import { closest } from '../suggest';
import type { Rule } from './rule';
import { keyRange, range } from '../parser';

/** A key the schema does not know, or knows under another spelling. */
export const unknownField: Rule = {
  code: 'unknown-field',
  description: 'A field name that is not in the schema (with a did-you-mean), or a known name written with other capitals.',
  check(context) {
    const { schema } = context;
    let kept = 0;
    const { fields } = context.document;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i];
      // Reports go in document order, so past the cap they would be cut: skip the did-you-mean work.
      if (kept >= context.maxDiagnostics) break;
      if (context.isSpelledExactly(field)) continue;
      const spec = context.specOf(field); // found by folded name, when there is one
      if (spec) {
        const spelled = [spec.key, ...spec.aliases].find((n) => fold(n) === fold(field.key)) ?? spec.key;
        const reported = context.report({
          code: 'unknown-field',
          severity: Severity.Warning,
          message: `Write the field name as ${quote(spelled)}, exactly as the schema spells it.`,
          range: keyRange(field),
          data: { fix: 'rename-key', suggestions: [spelled] },
          spec,
        });
        if (reported) kept++;
        continue;
      }
      if (field.key === '') {
        // `** **: text`: there is no name to suggest a spelling for. The range covers the empty `** **`.
        const character = keyRange(field).start.character;
        const reported = context.report({
          code: 'unknown-field',
          severity: Severity.Warning,
          message: 'This field has no name between ** and **. Write the field name there, for example **Scale**:',
          range: range(field.line, 0, field.line, character + 2),
          data: { fix: 'rename-key', suggestions: [] },
        });
        if (reported) kept++;
        continue;
      }
      const near = closest(field.key, context.index.names, 5);
      const suggestions = [...new Set(near.map((n) => schema.byName.get(n)?.key ?? n))].slice(0, 3);
      const reported = context.report({
        code: 'unknown-field',
        severity: Severity.Warning,
        message: `${quote(field.key)} is not a field of this fragment format.${suggestions.length ? ` Did you mean ${quote(suggestions[0])}?` : ''}`,
        range: keyRange(field),
        data: { fix: 'rename-key', suggestions },
      });
      if (reported) kept++;
    }
  },
};
