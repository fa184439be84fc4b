/** `--format stylish` (the default): problems grouped under each file name, as ESLint prints them, then one summary line. */
import { countAccepted, countSeverities, severityLabel, severityName, summaryLine, visible, type Formatter } from './format';

const ANSI = { red: 31, yellow: 33, blue: 34, gray: 90, bold: 1, underline: 4 } as const;

/** Empty when nothing is shown: the caller then prints the summary line on its own. */
export const stylish: Formatter = (files, context) => {
  const paint = (style: keyof typeof ANSI, text: string) => (context.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const out: string[] = [];
  for (const file of files) {
    if (file.diagnostics.length === 0) continue;
    // File names and messages (which quote values) come from the files: escaped, so they cannot drive the terminal.
    out.push(paint('underline', visible(file.label)));
    const rows = file.diagnostics.map((d) => ({
      where: `${d.range.start.line + 1}:${d.range.start.character + 1}`,
      severity: severityName(d),
      label: severityLabel(severityName(d)),
      message: visible(d.message.replace(/\s*\n\s*/g, ' ')),
      code: d.code,
    }));
    const whereWidth = Math.max(...rows.map((r) => r.where.length));
    const labelWidth = Math.max(7, ...rows.map((r) => r.label.length));
    for (const row of rows) {
      const colour = row.severity === 'error' ? 'red' : row.severity === 'warning' ? 'yellow' : 'blue';
      out.push(`  ${paint('gray', row.where.padEnd(whereWidth))}  ${paint(colour, row.label.padEnd(labelWidth))}  ${row.message}  ${paint('gray', row.code)}`);
    }
    out.push('');
  }
  if (out.length === 0) return '';
  out.push(paint('bold', summaryLine(countSeverities(files), context.filesChecked, context.hidden, countAccepted(files))));
  return out.join('\n');
};
