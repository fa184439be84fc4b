/** What every output format gets: the checked files in order, each with the problems to show. */
import * as l10n from '@vscode/l10n';
import { listOf, type FragmentDiagnostic, type ReviewEntry } from '../../core';

/** A finding the review file accepts: not shown as a problem, but counted, and listed by JSON and SARIF. */
export interface AcceptedFinding {
  diagnostic: FragmentDiagnostic;
  entry: ReviewEntry;
}

export interface ReportedFile {
  /** The path as shown (relative to the current folder, forward slashes). */
  label: string;
  /** Absolute file URI, for SARIF and related locations. */
  uri: string;
  diagnostics: FragmentDiagnostic[];
  /** With a review file: the findings it accepts. */
  accepted?: AcceptedFinding[];
}

export interface FormatContext {
  /** Colour only for a terminal, never when NO_COLOR is set. */
  color: boolean;
  /** The folder paths are relative to, as a file URI ending in `/`. */
  rootUri: string;
  version: string;
  /** The labels of all files by URI, to name related locations the same way. */
  labelOf(uri: string): string;
  /** How many files were checked, and the problems --quiet leaves out: for the stylish summary line. */
  filesChecked: number;
  hidden: SeverityCounts;
}

export type Formatter = (files: readonly ReportedFile[], context: FormatContext) => string;

export const SEVERITY_NAMES = ['', 'error', 'warning', 'info', 'hint'] as const;
export type SeverityName = (typeof SEVERITY_NAMES)[1 | 2 | 3 | 4];

export function severityName(d: FragmentDiagnostic): SeverityName {
  return SEVERITY_NAMES[d.severity] || 'error';
}

/**
 * Characters a terminal or log viewer would act on instead of showing: C0 and C1 controls (ESC starts colour codes,
 * screen clears and OSC 52 clipboard writes), DEL, and the bidi overrides and isolates that reorder what is shown.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text from a file (a value, a file name) made safe to print: each unsafe character as a visible `\x1b` or `\u202e`. */
export function visible(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Problems shown, by what they are: `note` counts information and hints. */
export interface SeverityCounts {
  error: number;
  warning: number;
  note: number;
}

export function countSeverities(files: readonly ReportedFile[]): SeverityCounts {
  const counts = { error: 0, warning: 0, note: 0 };
  for (const file of files) {
    for (const d of file.diagnostics) {
      const name = severityName(d);
      counts[name === 'error' || name === 'warning' ? name : 'note']++;
    }
  }
  return counts;
}

/** A severity's word for a person (stylish): the JSON and SARIF outputs keep the names above. */
export function severityLabel(name: SeverityName): string {
  switch (name) {
    case 'error':
      return l10n.t('error');
    case 'warning':
      return l10n.t('warning');
    case 'info':
      return l10n.t('info');
    case 'hint':
      return l10n.t('hint');
  }
}

/** `1 error`, `3 errors`: counts in the person's language (each count its own message, so each language words it). */
export const counted = {
  errors: (n: number) => (n === 1 ? l10n.t('1 error') : l10n.t('{0} errors', n)),
  warnings: (n: number) => (n === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', n)),
  notes: (n: number) => (n === 1 ? l10n.t('1 note') : l10n.t('{0} notes', n)),
  problems: (n: number) => (n === 1 ? l10n.t('1 problem') : l10n.t('{0} problems', n)),
  files: (n: number) => (n === 1 ? l10n.t('1 file') : l10n.t('{0} files', n)),
  findings: (n: number) => (n === 1 ? l10n.t('1 finding') : l10n.t('{0} findings', n)),
  records: (n: number) => (n === 1 ? l10n.t('1 record') : l10n.t('{0} records', n)),
};

export function countAccepted(files: readonly ReportedFile[]): number {
  return files.reduce((sum, file) => sum + (file.accepted?.length ?? 0), 0);
}

/**
 * The one closing line of a stylish run, so it never contradicts itself: "no problems" only when nothing at all is
 * reported, and problems left out by --quiet are said to be left out, not to be absent.
 */
export function summaryLine(shown: SeverityCounts, filesChecked: number, hidden: SeverityCounts, accepted = 0): string {
  const line = problemsLine(shown, filesChecked, hidden);
  if (accepted === 0) return line;
  const note = l10n.t('{0} accepted in the review file', accepted);
  return line.endsWith('.') ? `${line.slice(0, -1)} (${note}).` : `${line}; ${note}`;
}

function problemsLine(shown: SeverityCounts, filesChecked: number, hidden: SeverityCounts): string {
  const notShown = [hidden.error && counted.errors(hidden.error), hidden.warning && counted.warnings(hidden.warning), hidden.note && counted.notes(hidden.note)].filter(
    (part): part is string => typeof part === 'string',
  );
  const quietNote = notShown.length ? `; ${l10n.t('{0} not shown (--quiet)', listOf(notShown, 'and'))}` : '';
  if (shown.error + shown.warning > 0) {
    // With --quiet only errors are shown: "0 warnings" would be untrue next to the warnings left out.
    const parts = [counted.errors(shown.error), ...(hidden.warning ? [] : [counted.warnings(shown.warning)])];
    if (shown.note > 0) parts.push(counted.notes(shown.note));
    return `${shown.error ? '✖' : '⚠'} ${counted.problems(shown.error + shown.warning + shown.note)} (${parts.join(l10n.t(', '))})${quietNote}`;
  }
  const checked = filesChecked === 1 ? l10n.t('1 file checked') : l10n.t('{0} files checked', filesChecked);
  if (shown.note > 0) return l10n.t('{0}: no errors or warnings, {1}{2}.', checked, counted.notes(shown.note), quietNote);
  if (notShown.length) return l10n.t('{0}: no errors{1}.', checked, quietNote);
  return l10n.t('{0}: no problems.', checked);
}
