import { quote, Severity } from '../diagnostic';
import { redactionMarkers } from '../features/redaction';
import { places } from '../gazetteer';
import { valueSubRange } from '../parser';
import { adjacent, eachConfidentialText, mayShow } from './names';
import type { Rule } from './rule';
import type { Token } from './words';

/**
 * A town, city or province named in a confidential record, from the gazetteer (core/gazetteer.json). Countries are
 * not looked for: a record names its country openly in its own field. Only names written with their capital letter
 * are found, so a script without capitals is never judged.
 */
export const placeInClear: Rule = {
  code: 'place-in-clear',
  description: 'The name of a town, city or province in a record marked confidential.',
  check(context) {
    const markers = redactionMarkers(context.schema, 'place', 'any');
    eachConfidentialText(context, ({ field, spec, value, tokens }) => {
      const { byFirstWord } = places();
      for (let i = 0; i < tokens.length; i++) {
        const candidates = tokens[i].kind === 'word' ? byFirstWord.get(tokens[i].text) : undefined;
        const length = candidates ? longestMatch(value, tokens, i, candidates) : 0;
        if (length === 0) continue;
        const start = tokens[i].start;
        const end = tokens[i + length - 1].end;
        const name = value.slice(start, end);
        i += length - 1;
        if (mayShow(context.schema, name)) continue;
        context.report({
          code: 'place-in-clear',
          severity: Severity.Information,
          message: `${quote(name)} looks like the name of a place. The record is marked confidential: redact it if the place must stay hidden, or add it to the schema's allowedNames if it may be shown.`,
          range: valueSubRange(field, start, end),
          data: { fix: 'redact', markers, everywhere: name },
          spec,
        });
      }
    });
  },
};

/** How many tokens from `at` the longest place name of `candidates` (each split into words) covers; 0 for none. */
function longestMatch(value: string, tokens: readonly Token[], at: number, candidates: readonly (readonly string[])[]): number {
  for (const words of candidates) {
    let matched = 1;
    while (matched < words.length) {
      const token = tokens[at + matched];
      if (!token || token.kind !== 'word' || token.text !== words[matched] || !adjacent(value, tokens[at + matched - 1], token)) break;
      matched++;
    }
    if (matched === words.length) return matched;
  }
  return 0;
}
