import * as l10n from '@vscode/l10n';
import { quote, Severity } from '../diagnostic';
import { markerFor } from '../features/redaction';
import { valueSubRange } from '../parser';
import { adjacent, eachConfidentialValue, mayShow } from './names';
import type { Rule } from './rule';
import { isAsciiWordCode, isCapitalised, NOT_NAMES, startsSentence, TITLES, tokensAround, type Token } from './words';

/** Characters read on each side of a marker: enough for the word beside it and the one before that. */
const REACH = 60;

/**
 * A capitalised word right before or after the person marker in a confidential record (`Kesh <person>`): often the
 * half of a name the redaction missed. Not a word that starts a sentence, a title (`Dr <person>`), or a name the
 * team's schema allows.
 */
export const nameBesideMarker: Rule = {
  code: 'name-beside-marker',
  describe: () => l10n.t('A capitalised word right before or after a <person> marker in a confidential record.'),
  check(context) {
    const marker = markerFor(context.schema, 'person');
    if (!marker) return;
    eachConfidentialValue(context, ({ field, spec, value }) => {
      // Only the words around each marker are read: most values have no person marker at all.
      for (let at = value.indexOf(marker); at >= 0; at = value.indexOf(marker, at + marker.length)) {
        if (!mayHaveCapitalBeside(value, at, at + marker.length)) continue;
        const tokens = tokensAround(value, at, at + marker.length, REACH);
        const i = tokens.findIndex((t) => t.start === at && t.kind === 'marker');
        if (i < 0) continue;
        const before = tokens[i - 1];
        const after = tokens[i + 1];
        const candidates: Token[] = [];
        // First in the window counts as starting a sentence: the window's edge may have cut what came before.
        if (before && isNameWord(before) && adjacent(value, before, tokens[i]) && !startsSentence(value, tokens, i - 1)) candidates.push(before);
        if (after && isNameWord(after) && adjacent(value, tokens[i], after)) candidates.push(after);
        for (const word of candidates) {
          if (mayShow(context.schema, word.text)) continue;
          context.report({
            code: 'name-beside-marker',
            severity: Severity.Warning,
            message: l10n.t('{0} stands right beside {1}: it may be part of the name the marker hides. The record is marked confidential, so redact it too if it is.', quote(word.text), marker),
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

/**
 * Whether a capitalised word may stand right beside the marker at [start, end): after spaces and tabs, the next word
 * starts with a capital, or the word before has one in it. A necessary condition, read from the character codes (any
 * character beyond ASCII may be a capital), so the words around most markers are never cut out.
 */
function mayHaveCapitalBeside(value: string, start: number, end: number): boolean {
  let after = end;
  while (after < value.length && isSpaceOrTab(value.charCodeAt(after))) after++;
  if (after < value.length && mayBeCapital(value.charCodeAt(after))) return true;
  let before = start - 1;
  while (before >= 0 && isSpaceOrTab(value.charCodeAt(before))) before--;
  // The word before, with the joiners that may sit inside it (' ’ -): its first letter is somewhere in this stretch.
  for (; before >= 0; before--) {
    const code = value.charCodeAt(before);
    if (mayBeCapital(code)) return true;
    if (!(isAsciiWordCode(code) || code === 39 || code === 0x2019 || code === 45)) return false;
  }
  return false;
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

/** A to Z, or any character beyond ASCII (which may be a capital of another script). */
function mayBeCapital(code: number): boolean {
  return (code >= 65 && code <= 90) || code >= 128;
}
