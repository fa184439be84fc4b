/** Puts workspace diagnostics (duplicate IDs) among a file's own, in position order, as the editor and CLI both show them. */
import type { FragmentDiagnostic } from '../diagnostic';

export function mergeDiagnostics(own: readonly FragmentDiagnostic[], extra: readonly FragmentDiagnostic[]): FragmentDiagnostic[] {
  if (extra.length === 0) return [...own];
  // A stable sort keeps the file's own order for diagnostics that start at the same place.
  return [...own, ...extra].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
