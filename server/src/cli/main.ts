/**
 * fragment-lint: checks fragment files with the same core and rules as the editor.
 * Prints `file:line:col severity code message` (1-based line and column); exit 0 clean, 1 errors, 2 usage or I/O error.
 */
import { validate, type FragmentDiagnostic } from '../core';
import { collectFiles, readText, UsageError } from './files';
import { version } from '../../../package.json';

const SEVERITY_NAMES = ['', 'error', 'warning', 'info', 'hint'] as const;

const HELP = `Usage: fragment-lint [files or folders...]

Checks outcome-harvest fragment files against the built-in schema.
A file named here is checked whatever its extension; a folder is searched for
*.fragment, *.fragment.txt and *.fragment.md files. Default: the current folder.

Output: file:line:column severity code message
Exit codes: 0 no errors, 1 errors found, 2 usage or file error.
`;

export function formatDiagnostic(file: string, d: FragmentDiagnostic): string {
  return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY_NAMES[d.severity]} ${d.code} ${d.message}`;
}

export function run(argv: readonly string[], out: (line: string) => void, err: (line: string) => void): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    out(HELP);
    return 0;
  }
  if (argv.includes('--version')) {
    out(version);
    return 0;
  }
  const unknownOption = argv.find((a) => a.startsWith('-'));
  if (unknownOption) {
    err(`fragment-lint: unknown option ${unknownOption}. Run fragment-lint --help for usage.`);
    return 2;
  }
  let files: string[];
  try {
    files = collectFiles(argv.length ? argv : ['.']);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`fragment-lint: ${error.message}`);
      return 2;
    }
    throw error;
  }
  let errors = 0;
  let warnings = 0;
  let unreadable = 0;
  for (const file of files) {
    const read = readText(file);
    if (!read.ok) {
      err(`fragment-lint: ${file} ${read.reason}`);
      unreadable++;
      continue;
    }
    for (const d of validate(read.text)) {
      out(formatDiagnostic(file, d));
      if (d.severity === 1) errors++;
      else if (d.severity === 2) warnings++;
    }
  }
  err(`${files.length} file${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${unreadable ? `, ${unreadable} unreadable` : ''}.`);
  if (unreadable) return 2;
  return errors > 0 ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`));
}
