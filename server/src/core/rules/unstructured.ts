import * as l10n from '@vscode/l10n';
import { Severity } from '../diagnostic';
import { range } from '../parser';
import type { Rule } from './rule';

/** A file with no field lines at all: an unstructured source story, reported once for information. */
export const unstructured: Rule = {
  code: 'unstructured',
  describe: () => l10n.t('The file has no fields: it is read as an unstructured story, not a fragment record.'),
  check(context) {
    const { fields, lines } = context.document;
    if (fields.length > 0) return;
    const first = lines.findIndex((l) => l.trim() !== '');
    if (first < 0) return;
    const text = lines[first];
    const start = text.length - text.trimStart().length;
    // The range covers the first line's opening words only: a squiggle over a whole story helps nobody.
    const end = Math.min(text.trimEnd().length, start + 80);
    context.report({
      code: 'unstructured',
      severity: Severity.Information,
      message: l10n.t('This file has no fields, so it is read as an unstructured story. A fragment has one **Key**: value field per line, starting with **{0}**.', context.schema.recordStart),
      range: range(first, start, first, end),
      data: { fix: 'convert-story' },
    });
  },
};
