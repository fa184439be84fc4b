/** Puts workspace diagnostics (duplicate IDs) among a file's own, in position order, as the editor and CLI both show them. */
import { capDiagnostics, hiddenBy, MAX_DIAGNOSTICS } from '../cap';
import type { FragmentDiagnostic } from '../diagnostic';

/** A file's own diagnostics may already be capped; the merged list is capped again, its note counting both. */
export function mergeDiagnostics(own: readonly FragmentDiagnostic[], extra: readonly FragmentDiagnostic[], max = MAX_DIAGNOSTICS): FragmentDiagnostic[] {
  if (extra.length === 0) return [...own];
  const hidden = hiddenBy(own[own.length - 1]);
  const shown = hidden > 0 ? own.slice(0, -1) : own;
  // A stable sort keeps the file's own order for diagnostics that start at the same place.
  const merged = [...shown, ...extra].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return capDiagnostics(merged, max, hidden);
}
