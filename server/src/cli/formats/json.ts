/** `--format json`: `[{file, diagnostics: [{line, column, endLine, endColumn, severity, code, message}]}]`, 1-based, end exclusive. */
import { severityName, type Formatter } from './format';

export const json: Formatter = (files) =>
  JSON.stringify(
    files.map((file) => ({
      file: file.label,
      diagnostics: file.diagnostics.map((d) => ({
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: severityName(d),
        code: d.code,
        message: d.message,
      })),
    })),
    null,
    2,
  );
