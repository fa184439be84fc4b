import * as l10n from '@vscode/l10n';
import { quote, Severity } from '../diagnostic';
import { markerTokenEnd } from '../grammar';
import { range } from '../parser';
import { closest } from '../suggest';
import type { Rule } from './rule';

/** A token shaped like a redaction marker that is not one of the schema's markers. */
export const unknownMarker: Rule = {
  code: 'unknown-marker',
  describe: () => l10n.t('A marker-like token such as <persn> or <Loc> that is not a known redaction marker.'),
  check(context) {
    const known = context.index.markers;
    // The whole text is searched, not line by line: one search per `<` instead of one per line. A token holds no
    // line break, so none spans two lines; line numbers are worked out only for the tokens reported.
    const { text } = context.document;
    let where: ((offset: number) => { line: number; character: number }) | undefined;
    let kept = 0;
    for (let at = text.indexOf('<'); at >= 0; ) {
      const end = markerTokenEnd(text, at);
      if (end < 0) {
        at = text.indexOf('<', at + 1);
        continue;
      }
      if (!isKnownMarker(text, at, end, known)) {
        // In document order: past the cap the rest would be cut anyway.
        if (kept++ >= context.maxDiagnostics) break;
        where ??= positionFinder(context.document.lines, text);
        const start = where(at);
        const token = text.slice(at, end);
        const suggestions = closest(token, known, 3);
        context.report({
          code: 'unknown-marker',
          severity: Severity.Warning,
          message:
            l10n.t('{0} is not a known redaction marker.', quote(token)) +
            (suggestions.length ? ` ${l10n.t('Did you mean {0}?', quote(suggestions[0]))}` : '') +
            ` ${l10n.t('Known markers: {0}.', known.join(', '))}`,
          range: range(start.line, start.character, start.line, start.character + token.length),
          data: { fix: 'replace', suggestions },
        });
      }
      at = text.indexOf('<', end);
    }
  },
};

/** Whether `text` holds one of the known markers from `start` to `end`. */
function isKnownMarker(text: string, start: number, end: number, known: readonly string[]): boolean {
  let token: string | undefined;
  for (let i = 0; i < known.length; i++) {
    // Cut out once and compared with `===`: faster in V8 than `startsWith` at an offset.
    if (known[i].length === end - start && (token ??= text.substring(start, end)) === known[i]) return true;
  }
  return false;
}

/** Turns an offset in `text` into a line and character, by the offsets where its lines start. */
function positionFinder(lines: readonly string[], text: string): (offset: number) => { line: number; character: number } {
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length;
    offset += text.charCodeAt(offset) === 13 && text.charCodeAt(offset + 1) === 10 ? 2 : 1; // CRLF, or LF or CR alone
  }
  return (at) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= at) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: at - starts[low] };
  };
}
