/** At most so many diagnostics per file; the last one then says how many more there are. */
import * as l10n from '@vscode/l10n';
import { DIAGNOSTIC_SOURCE } from './diagnostic-codes';
import { directed } from './l10n';
import { ruleDocs } from './diagnostic-docs';
import { Severity, type FragmentDiagnostic } from './diagnostic';
import { range } from './parser';

/** The most diagnostics one file gets; past it a person needs the first problems, not all of them. */
export const MAX_DIAGNOSTICS = 1000;

/**
 * Keeps the first `max - 1` diagnostics and adds a too-many-problems note counting the rest. `hiddenAlready` counts
 * problems an earlier cap left out (when the workspace's duplicate-ID warnings join a capped file), so the note stays
 * true and the file stays within `max`.
 */
export function capDiagnostics(diagnostics: FragmentDiagnostic[], max: number, hiddenAlready = 0): FragmentDiagnostic[] {
  if (hiddenAlready === 0 && diagnostics.length <= max) return diagnostics;
  const kept = diagnostics.slice(0, max - 1);
  const hidden = diagnostics.length - kept.length + hiddenAlready;
  const last = kept.length > 0 ? kept[kept.length - 1].range.end : { line: 0, character: 0 };
  kept.push({
    range: range(last.line, last.character, last.line, last.character),
    severity: Severity.Information,
    code: 'too-many-problems',
    codeDescription: ruleDocs('too-many-problems'),
    source: DIAGNOSTIC_SOURCE,
    // "At least": rules stop looking once the cap is passed (describing 100,000 problems would take seconds).
    message: directed(l10n.t('Only the first {0} problems are listed; at least {1} more problems are not shown. Fix these and the rest appear.', kept.length, hidden)),
    data: { fix: 'none', hidden },
  });
  return kept;
}

/** How many problems a too-many-problems note says it leaves out (0 for any other diagnostic). */
export function hiddenBy(diagnostic: FragmentDiagnostic | undefined): number {
  return diagnostic?.code === 'too-many-problems' && diagnostic.data?.fix === 'none' ? (diagnostic.data.hidden ?? 0) : 0;
}
