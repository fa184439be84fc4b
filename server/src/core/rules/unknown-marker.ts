import { quote, Severity } from '../diagnostic';
import { range } from '../parser';
import { closest } from '../suggest';
import type { Rule } from './rule';

/** `<word>`: the shape of a redaction marker. Bounded, so a long line is scanned in linear time. */
const MARKER_LIKE = /<[A-Za-z][A-Za-z0-9_ -]{0,30}>/g;

/** A token shaped like a redaction marker that is not one of the schema's markers. */
export const unknownMarker: Rule = {
  code: 'unknown-marker',
  description: 'A marker-like token such as <persn> or <Loc> that is not a known redaction marker.',
  check(context) {
    const known = context.schema.markers.map((m) => m.text);
    const knownSet = new Set(known);
    const { lines } = context.document;
    let kept = 0;
    for (let line = 0; line < lines.length && kept < context.maxDiagnostics; line++) {
      if (lines[line].indexOf('<') < 0) continue;
      for (const match of lines[line].matchAll(MARKER_LIKE)) {
        const token = match[0];
        if (knownSet.has(token)) continue;
        // In document order: past the cap the rest would be cut anyway.
        if (kept++ >= context.maxDiagnostics) break;
        const suggestions = closest(token, known, 3);
        context.report({
          code: 'unknown-marker',
          severity: Severity.Warning,
          message: `${quote(token)} is not a known redaction marker.${suggestions.length ? ` Did you mean ${quote(suggestions[0])}?` : ''} Known markers: ${known.join(', ')}.`,
          range: range(line, match.index, line, match.index + token.length),
          data: { fix: 'replace', suggestions },
        });
      }
    }
  },
};
