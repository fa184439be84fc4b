/**
 * `--format github`: GitHub Actions workflow commands (`::error file=…,line=…::message`), which show as annotations
 * on the pull request's changed lines.
 */
import * as l10n from '@vscode/l10n';
import { countAccepted, counted, severityName, visible, type Formatter } from './format';

const LEVELS = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

/** Escaping as the Actions toolkit does it: data may not hold `%` or line breaks; properties not `:` or `,` either. */
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
/** Public CI logs render colour codes: other control characters from file names and values are shown escaped. */
const visibleLines = (text: string) => text.split('\n').map(visible).join('\n');

export const github: Formatter = (files) => {
  const lines: string[] = [];
  for (const file of files) {
    for (const d of file.diagnostics) {
      const properties = [
        `file=${escapeProperty(visible(file.label))}`,
        `line=${d.range.start.line + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${escapeProperty(`fragments(${d.code})`)}`,
      ];
      lines.push(`::${LEVELS[severityName(d)]} ${properties.join(',')}::${escapeData(visibleLines(d.message))}`);
    }
  }
  const accepted = countAccepted(files);
  if (accepted > 0) lines.push(`::notice title=${escapeProperty('fragment-lint')}::${escapeData(l10n.t('{0} accepted in the review file, not shown.', counted.findings(accepted)))}`);
  return lines.join('\n');
};
