/** What every output format gets: the checked files in order, each with the problems to show. */
import type { FragmentDiagnostic } from '../../core';

export interface ReportedFile {
  /** The path as shown (relative to the current folder, forward slashes). */
  label: string;
  /** Absolute file URI, for SARIF and related locations. */
  uri: string;
  diagnostics: FragmentDiagnostic[];
}

export interface FormatContext {
  /** Colour only for a terminal, never when NO_COLOR is set. */
  color: boolean;
  /** The folder paths are relative to, as a file URI ending in `/`. */
  rootUri: string;
  version: string;
  /** The labels of all files by URI, to name related locations the same way. */
  labelOf(uri: string): string;
}

export type Formatter = (files: readonly ReportedFile[], context: FormatContext) => string;

export const SEVERITY_NAMES = ['', 'error', 'warning', 'info', 'hint'] as const;
export type SeverityName = (typeof SEVERITY_NAMES)[1 | 2 | 3 | 4];

export function severityName(d: FragmentDiagnostic): SeverityName {
  return SEVERITY_NAMES[d.severity] || 'error';
}
