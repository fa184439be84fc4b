/**
 * Stand-in for the editor's fix-all until it lands in the core (issue 4): the fixes that cannot guess wrong —
 * a value's letter case, a field name's spelling differing only in case or spaces, a malformed field line.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { SafeFixes } from './fix';

export const interimSafeFixes: SafeFixes = (_text, diagnostics) => {
  const edits: TextEdit[] = [];
  for (const d of diagnostics) {
    const data = d.data;
    if (d.code === 'value-case' && data.fix === 'replace' && data.suggestions.length > 0) {
      edits.push({ range: d.range, newText: data.suggestions[0] });
    } else if (d.code === 'unknown-field' && data.fix === 'rename-key' && data.suggestions.length === 1 && /Write the field name as/.test(d.message)) {
      edits.push({ range: d.range, newText: data.suggestions[0] });
    } else if (d.code === 'malformed-field' && data.fix === 'rewrite-line') {
      edits.push({ range: d.range, newText: data.replacement });
    }
  }
  return withoutOverlaps(edits);
};

/** Edits must not overlap; keep the first of any overlapping pair (the rest are redone on the next pass). */
function withoutOverlaps(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const kept: TextEdit[] = [];
  for (const edit of sorted) {
    const last = kept[kept.length - 1];
    const overlaps =
      last &&
      (edit.range.start.line < last.range.end.line || (edit.range.start.line === last.range.end.line && edit.range.start.character < last.range.end.character));
    if (!overlaps) kept.push(edit);
  }
  return kept;
}
