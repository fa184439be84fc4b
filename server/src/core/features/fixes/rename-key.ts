/** `rename-key`: the key (the diagnostic's range) becomes one of the suggested names, the first preferred. */
import * as l10n from '@vscode/l10n';
import { quote } from '../../diagnostic';
import { recordAtLine, specFor, textIn } from '../shared';
import { onlyCloseCandidate, type FixKind } from './fix';

export const renameKey: FixKind<'rename-key'> = {
  canBeSafe: true,
  build(context, diagnostic, data) {
    const { document, schema } = context;
    const written = textIn(document, diagnostic.range);
    // Safe: the one close name, unless the record already has that field (the rename would only make a duplicate).
    const choice = onlyCloseCandidate(written, data.suggestions);
    const target = choice && schema.byName.get(choice);
    const line = diagnostic.range.start.line;
    const taken = recordAtLine(document, line)?.fields.some((f) => f.line !== line && specFor(schema, f.key) === target);
    return data.suggestions.map((suggestion, index) => ({
      title: l10n.t('Rename {0} to {1}', quote(written, 80), quote(suggestion, 80)),
      edits: [{ range: diagnostic.range, newText: suggestion }],
      preferred: index === 0,
      safe: suggestion === choice && !taken,
    }));
  },
};
