/**
 * How the status item counts a file's diagnostics. Errors and warnings are problems: something to fix. Information
 * diagnostics are notes (the quality and confidentiality prompts ask the person to look again; nothing is wrong), so
 * they are counted apart: a file with only notes must not read as a file with problems. Hints are not counted: the
 * Problems panel does not list them either.
 */
import * as l10n from '@vscode/l10n';

export interface ProblemCounts {
  /** Errors and warnings. */
  problems: number;
  /** Information diagnostics. */
  notes: number;
}

/** The diagnostic severities as VS Code numbers them (vscode.DiagnosticSeverity), so this file needs no vscode. */
const ERROR = 0;
const WARNING = 1;
const INFORMATION = 2;

export function countProblems(severities: Iterable<number>): ProblemCounts {
  const counts: ProblemCounts = { problems: 0, notes: 0 };
  for (const severity of severities) {
    if (severity === ERROR || severity === WARNING) counts.problems++;
    else if (severity === INFORMATION) counts.notes++;
  }
  return counts;
}

/** "no problems", "1 problem", "2 problems · 15 notes": the notes only when there are some. */
export function problemCountText(counts: ProblemCounts): string {
  const problems = counts.problems === 0 ? l10n.t('no problems') : counts.problems === 1 ? l10n.t('1 problem') : l10n.t('{0} problems', counts.problems);
  if (counts.notes === 0) return problems;
  return `${problems} · ${counts.notes === 1 ? l10n.t('1 note') : l10n.t('{0} notes', counts.notes)}`;
}

/** The tooltip's line that says what the two counts mean. */
export function problemCountExplanation(counts: ProblemCounts): string {
  const problems =
    counts.problems === 0 ? l10n.t('no problems') : counts.problems === 1 ? l10n.t('1 problem (an error or a warning)') : l10n.t('{0} problems (errors and warnings)', counts.problems);
  const notes = counts.notes === 0 ? l10n.t('no notes') : counts.notes === 1 ? l10n.t('1 note (a prompt to read the text again)') : l10n.t('{0} notes (prompts to read the text again)', counts.notes);
  const summary = l10n.t('This file has {0} and {1}.', problems, notes);
  return counts.problems + counts.notes > 0 ? `${summary} ${l10n.t('The Problems panel lists them.')}` : summary;
}
