import * as l10n from '@vscode/l10n';
import { quote, Severity } from '../diagnostic';
import { fold } from '../schema/compile';
import { didYouMean, type NameGuess } from './field-names';
import type { Rule } from './rule';
import { keyRange, range } from '../parser';

/** A key the schema does not know, or knows under another spelling. */
export const unknownField: Rule = {
  code: 'unknown-field',
  describe: () => l10n.t('A field name that is not in the schema (with a did-you-mean), or a known name written with other capitals.'),
  check(context) {
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
          message: l10n.t('Write the field name as {0}, exactly as the schema spells it.', quote(spelled)),
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
          message: l10n.t('This field has no name between ** and **. Write the field name there, for example **Scale**:'),
          range: range(field.line, 0, field.line, character + 2),
          data: { fix: 'rename-key', suggestions: [] },
        });
        if (reported) kept++;
        continue;
      }
      const guesses = didYouMean(context, field.key);
      const suggestions = guesses.map((g) => g.name);
      const reported = context.report({
        code: 'unknown-field',
        severity: Severity.Warning,
        message:
          l10n.t('{0} is not a field of this fragment format.', quote(field.key)) +
          (guesses.length ? ` ${l10n.t('Did you mean {0}?', quote(guesses[0].name))}${alsoAccepted(guesses[0])}` : ''),
        range: keyRange(field),
        data: { fix: 'rename-key', suggestions },
      });
      if (reported) kept++;
    }
  },
};

/**
 * When the suggested name is an alias, the schema's own spelling of the field, so that neither reads like a typo of
 * the tool: the export writes the country field "coutnry", and "country" is accepted too.
 */
function alsoAccepted(guess: NameGuess): string {
  if (guess.name === guess.spec.key) return '';
  return ` ${l10n.t('(The export writes it {0}; both spellings are accepted.)', quote(guess.spec.key))}`;
}
