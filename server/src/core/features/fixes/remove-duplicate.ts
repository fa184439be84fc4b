/** `remove-duplicate`: a field written twice in a record loses one of its lines. */
import * as l10n from '@vscode/l10n';
import { removeLines, fieldAtLine } from '../shared';
import type { FixKind } from './fix';

export const removeDuplicate: FixKind<'remove-duplicate'> = {
  canBeSafe: true,
  build(context, diagnostic, data) {
    const { document } = context;
    const repeat = fieldAtLine(document, diagnostic.range.start.line);
    const first = fieldAtLine(document, data.firstLine);
    if (!repeat || repeat.line !== diagnostic.range.start.line) return [];
    const removeRepeat = [removeLines(document, repeat.line, repeat.endLine)];
    // The same value twice: the repeat holds nothing the first line does not, so removing it is safe.
    if (data.sameValue) return [{ title: l10n.t('Remove the repeated "{0}" line', repeat.key), edits: removeRepeat, preferred: true, safe: true }];
    // Two values: which one is right is the person's call.
    if (!first || first === repeat || first.record !== repeat.record) return [];
    return [
      { title: l10n.t('Keep the "{0}" on line {1} and remove this one', first.key, first.line + 1), edits: removeRepeat, safe: false },
      { title: l10n.t('Keep this "{0}" and remove the one on line {1}', repeat.key, first.line + 1), edits: [removeLines(document, first.line, first.endLine)], safe: false },
    ];
  },
};
