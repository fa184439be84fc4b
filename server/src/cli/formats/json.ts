/**
 * `--format json`: `[{file, diagnostics: [{line, column, endLine, endColumn, severity, code, message}]}]`, 1-based, end
 * exclusive. With a review file, a file with accepted findings also has `accepted`: the same, plus `acceptedBy` and
 * `reason`.
 */
import type { FragmentDiagnostic } from '../../core';
import { severityName, type Formatter } from './format';

const described = (d: FragmentDiagnostic) => ({
  line: d.range.start.line + 1,
  column: d.range.start.character + 1,
  endLine: d.range.end.line + 1,
  endColumn: d.range.end.character + 1,
  severity: severityName(d),
  code: d.code,
  message: d.message,
});

export const json: Formatter = (files) =>
  JSON.stringify(
    files.map((file) => ({
      file: file.label,
      diagnostics: file.diagnostics.map(described),
      ...(file.accepted?.length
        ? { accepted: file.accepted.map(({ diagnostic, entry }) => ({ ...described(diagnostic), acceptedBy: entry.acceptedBy, reason: entry.reason })) }
        : {}),
    })),
    null,
    2,
  );
