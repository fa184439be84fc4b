/** `--format stylish` (the default): problems grouped under each file name, as ESLint prints them. */
import { severityName, type Formatter } from './format';

const ANSI = { red: 31, yellow: 33, blue: 34, gray: 90, bold: 1, underline: 4 } as const;

export const stylish: Formatter = (files, context) => {
  const paint = (style: keyof typeof ANSI, text: string) => (context.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const out: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const file of files) {
    if (file.diagnostics.length === 0) continue;
    out.push(paint('underline', file.label));
    const rows = file.diagnostics.map((d) => {
      const severity = severityName(d);
      counts[severity]++;
      return { where: `${d.range.start.line + 1}:${d.range.start.character + 1}`, severity, message: d.message.replace(/\s*\n\s*/g, ' '), code: d.code };
    });
    const whereWidth = Math.max(...rows.map((r) => r.where.length));
    for (const row of rows) {
      const colour = row.severity === 'error' ? 'red' : row.severity === 'warning' ? 'yellow' : 'blue';
      out.push(`  ${paint('gray', row.where.padEnd(whereWidth))}  ${paint(colour, row.severity.padEnd(7))}  ${row.message}  ${paint('gray', row.code)}`);
    }
    out.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total > 0) {
    const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
    if (counts.info + counts.hint > 0) parts.push(plural(counts.info + counts.hint, 'note'));
    out.push(paint('bold', `${counts.error ? '✖' : '⚠'} ${plural(total, 'problem')} (${parts.join(', ')})`));
  }
  return out.join('\n');
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
