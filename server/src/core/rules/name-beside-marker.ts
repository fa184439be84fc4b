import { quote, Severity } from '../diagnostic';
import { markerFor } from '../features/redaction';
import { valueSubRange } from '../parser';
import { adjacent, eachConfidentialText, mayShow } from './names';
import type { Rule } from './rule';
import { isCapitalised, NOT_NAMES, startsSentence, TITLES, type Token } from './words';

/**
 * A capitalised word right before or after the person marker in a confidential record (`Kesh <person>`): often the
 * half of a name the redaction missed. Not a word that starts a sentence, a title (`Dr <person>`), or a name the
 * team's schema allows.
 */
export const nameBesideMarker: Rule = {
  code: 'name-beside-marker',
  description: 'A capitalised word right before or after a <person> marker in a confidential record.',
  check(context) {
    const marker = markerFor(context.schema, 'person');
    if (!marker) return;
    eachConfidentialText(context, ({ field, spec, value, tokens }) => {
      for (let i = 0; i < tokens.length; i++) {
        if (tokens[i].kind !== 'marker' || tokens[i].text !== marker) continue;
        const before = tokens[i - 1];
        const after = tokens[i + 1];
        const candidates: Token[] = [];
        if (before && isNameWord(before) && adjacent(value, before, tokens[i]) && !startsSentence(value, tokens, i - 1)) candidates.push(before);
        if (after && isNameWord(after) && adjacent(value, tokens[i], after)) candidates.push(after);
        for (const word of candidates) {
          if (mayShow(context.schema, word.text)) continue;
          context.report({
            code: 'name-beside-marker',
            severity: Severity.Warning,
            message: `${quote(word.text)} stands right beside ${marker}: it may be part of the name the marker hides. The record is marked confidential, so redact it too if it is.`,
            range: valueSubRange(field, word.start, word.end),
            data: { fix: 'redact', markers: [marker], everywhere: word.text },
            spec,
          });
        }
      }
    });
  },
};

function isNameWord(token: Token): boolean {
  return token.kind === 'word' && isCapitalised(token.text) && !NOT_NAMES.has(token.text) && !TITLES.has(token.text);
}
