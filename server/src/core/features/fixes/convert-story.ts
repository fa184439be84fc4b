/**
 * `convert-story`: a file with no fields (an unstructured story) becomes a record, the story whole as its story
 * field's value. Never safe: it rewrites the whole file and decides where the story goes.
 */
import * as l10n from '@vscode/l10n';
import { convertStory } from '../convert-story';
import type { FixKind } from './fix';

export const convertStoryFix: FixKind<'convert-story'> = {
  canBeSafe: false,
  wholeFile: true,
  build(context) {
    const { document, schema } = context;
    if (document.fields.length > 0 || document.text.trim() === '') return [];
    const converted = convertStory(document.text, schema);
    if (converted === undefined) return [];
    const last = document.lines.length - 1;
    const whole = { start: { line: 0, character: 0 }, end: { line: last, character: document.lines[last].length } };
    return [{ title: l10n.t('Convert to fragment (keep the story as the outcome description)'), edits: [{ range: whole, newText: converted }], safe: false }];
  },
};
