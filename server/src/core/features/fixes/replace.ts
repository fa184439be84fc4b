/** `replace`: the diagnostic's range becomes one of the suggestions, the first (the closest) preferred. */
import * as l10n from '@vscode/l10n';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DiagnosticCode } from '../../diagnostic-codes';
import { listOf, quote, type FixData } from '../../diagnostic';
import { fieldAtLine, specFor, textIn } from '../shared';
import { onlyCloseCandidate, type FixContext, type FixKind } from './fix';

type ReplaceData = Extract<FixData, { fix: 'replace' }>;

/**
 * The suggestion fix-all may write, by what the range holds (every replacement's data has the same shape, so the
 * diagnostic's code tells a misspelt list value from another). Codes not listed here always need a person: a
 * suggestion from an open list (unknown-value) replaces a value that may be right, and dropping a repeated choice (repeated-choice) takes away what may be a slip for another choice.
 */
const SAFE_SUGGESTION: { [C in DiagnosticCode]?: (context: FixContext, diagnostic: Diagnostic, data: ReplaceData, written: string) => string | undefined } = {
  // The value as the list or pattern writes it: only capitals or spacing change. Safe when it is the only spelling.
  'value-case': (_context, _diagnostic, data) => (data.suggestions.length === 1 ? data.suggestions[0] : undefined),
  // The one value of the field's own list close to what is written; a computed suggestion (a clamped year) is a guess.
  'invalid-value': (context, diagnostic, data, written) => {
    const field = fieldAtLine(context.document, diagnostic.range.start.line);
    const spec = field && specFor(context.schema, field.key);
    return spec && onlyCloseCandidate(written, data.suggestions.filter((s) => spec.valueIndex.has(s)));
  },
  // The one known marker close to the mistyped one.
  'unknown-marker': (_context, _diagnostic, data, written) => onlyCloseCandidate(written, data.suggestions),
};

export const replace: FixKind<'replace'> = {
  canBeSafe: true,
  build(context, diagnostic, data) {
    const written = textIn(context.document, diagnostic.range);
    const safe = SAFE_SUGGESTION[diagnostic.code as DiagnosticCode]?.(context, diagnostic, data, written);
    return data.suggestions.map((suggestion, index) => ({
      title: replaceTitle(context, diagnostic, written, suggestion),
      edits: [{ range: diagnostic.range, newText: suggestion }],
      preferred: index === 0,
      safe: suggestion === safe,
    }));
  },
};

/** `Replace "meduim" with "medium"`, not `Replace with "medium"`: the title names the text that goes. */
function replaceTitle(context: FixContext, diagnostic: Diagnostic, written: string, suggestion: string): string {
  switch (diagnostic.code) {
    case 'unknown-marker':
      return l10n.t('Replace {0} with the marker {1}', quote(written, 80), suggestion);
    case 'repeated-choice': {
      const removed = removedChoices(context, diagnostic, written, suggestion);
      if (removed.length) return l10n.t('Remove the repeated {0}', listOf(removed.map((c) => quote(c, 80)), 'and'));
      return l10n.t('Replace {0} with {1}', quote(written, 80), quote(suggestion, 80));
    }
    default:
      return l10n.t('Replace {0} with {1}', quote(written, 80), quote(suggestion, 80));
  }
}

/** The choices a multi-choice value loses when it becomes `kept`: the repeats, as written. */
function removedChoices(context: FixContext, diagnostic: Diagnostic, written: string, kept: string): string[] {
  const field = fieldAtLine(context.document, diagnostic.range.start.line);
  const separator = (field && specFor(context.schema, field.key)?.separator) || ',';
  const left = kept.split(separator).map((c) => c.trim());
  const removed: string[] = [];
  for (const choice of written.split(separator).map((c) => c.trim())) {
    const at = left.indexOf(choice);
    if (at >= 0) left.splice(at, 1);
    else if (choice !== '') removed.push(choice);
  }
  return removed;
}
