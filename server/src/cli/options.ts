/** Command-line options of fragment-lint, parsed with Node's own parseArgs. */
import { parseArgs } from 'node:util';
import { WORKERS_FROM_CORES, WORKERS_FROM_FILES } from './pool';

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  help: boolean;
  version: boolean;
  paths: string[];
  format: Format;
  fix: boolean;
  fixDryRun: boolean;
  schema?: string;
  /** -1: no limit. */
  maxWarnings: number;
  quiet: boolean;
  /** Exit 0 when no file is found, instead of 2. */
  allowEmpty: boolean;
  initSchema?: string;
  /** The review file of accepted findings; by default fragment-review.json in the current folder, when it exists. */
  reviewFile?: string;
  /** Write every finding of the run into the review file as accepted. */
  suppressAll: boolean;
  /** Remove the review file's entries that accept no finding of the run. */
  pruneSuppressions: boolean;
  /** Who accepts and why, for the entries --suppress-all writes (left empty for the reviewer to fill in otherwise). */
  acceptedBy?: string;
  reason?: string;
}

export class UsageError extends Error {}

export const HELP = `Usage: fragment-lint [options] [files, folders or globs...]

Checks outcome-harvest fragment files with the same rules and schema as the editor.
A file named here is checked whatever its extension; a folder is searched for
*.fragment, *.fragment.txt and *.fragment.md files, and .txt and .md files whose first
line is **FragmentID**: (node_modules and .git are skipped; links that lead out of the
folder are not followed); a glob such as "reports/**/*.fragment.md" is expanded.
Default: the current folder.

  fragment-lint export --to records.xlsx|records.csv [paths...]
  fragment-lint import records.xlsx|records.csv --out FOLDER [--force]
                       records to a spreadsheet and back (--help after each for more)

Options:
  --format NAME        stylish (default), json, sarif (SARIF 2.1.0) or github (workflow annotations)
  --fix                apply every safe fix to the files and report what changed
  --fix-dry-run        print the safe fixes as a unified diff, without changing any file
  --schema FILE        check against this fragment.schema.json instead of the one found next to the files
  --max-warnings N     fail when there are more than N warnings
  --quiet              report errors only
  --allow-empty        exit 0 when no fragment file is found (by default that is an error, exit 2)
  --init-schema FOLDER print a schema inferred from the fragment files of FOLDER
  --review-file FILE   the review file of accepted findings (default: fragment-review.json
                       in the current folder, when there is one)
  --suppress-all       accept every finding of this run: write them into the review file
  --accepted-by NAME, --reason TEXT
                       who accepts and why, for the entries --suppress-all writes
  --prune-suppressions remove the review file's entries that match no finding any more
  --version, --help

Accepted findings (listed in the review file) are not shown and do not change the
exit code; the summary counts them ("3 accepted"). An entry names the record by its
FragmentID (or the file and line), the code and the value: once the value changes,
the finding is shown again. Run --prune-suppressions over all the records.

A FragmentID used by two records among the files checked is a warning on each.
Worker threads share the files only with ${WORKERS_FROM_CORES} or more cores and ${WORKERS_FROM_FILES.toLocaleString('en')} or more files
(below that they cost more than they save). FRAGMENT_LINT_THREADS=N asks for N
threads; 1 keeps to the main thread.
Colour only on a terminal, never with NO_COLOR set.

A file reached through a link that leads outside the folders being checked is
skipped: it is not read, shown or fixed. --fix replaces each file in one step
(a new file in the same folder takes its place), so it is never left half written;
a read-only file is left as it is and reported.

Exit codes: 0 no problems over the threshold, 1 errors (or too many warnings),
2 usage or file error (a missing path, an unreadable file, a file --fix could not
write, a broken schema) or no file checked at all (see --allow-empty).
`;

export function parseOptions(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
        format: { type: 'string', short: 'f' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        schema: { type: 'string' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        'allow-empty': { type: 'boolean' },
        'init-schema': { type: 'string' },
        'review-file': { type: 'string' },
        'suppress-all': { type: 'boolean' },
        'prune-suppressions': { type: 'boolean' },
        'accepted-by': { type: 'string' },
        reason: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify.*$/s, '.')} Run fragment-lint --help for usage.`);
  }
  const { values, positionals } = parsed;
  const format = values.format ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Unknown format "${format}". Choose one of: ${FORMATS.join(', ')}.`);
  }
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!/^\d+$/.test(values['max-warnings']) || !Number.isSafeInteger(maxWarnings)) {
      throw new UsageError(`--max-warnings needs a whole number of 0 or more, not "${values['max-warnings']}".`);
    }
  }
  if (values.fix && values['fix-dry-run']) throw new UsageError('Use --fix or --fix-dry-run, not both.');
  if (values['init-schema'] !== undefined && positionals.length > 0) {
    throw new UsageError('--init-schema reads one folder; give no other paths with it.');
  }
  const reviewing = values['suppress-all'] || values['prune-suppressions'];
  if (reviewing && (values.fix || values['fix-dry-run'])) throw new UsageError('Accept findings (--suppress-all, --prune-suppressions) in a run of their own, not with --fix.');
  if ((values['accepted-by'] !== undefined || values.reason !== undefined) && !values['suppress-all']) {
    throw new UsageError('--accepted-by and --reason go with --suppress-all.');
  }
  return {
    help: values.help ?? false,
    version: values.version ?? false,
    paths: positionals.length ? positionals : ['.'],
    format: format as Format,
    fix: values.fix ?? false,
    fixDryRun: values['fix-dry-run'] ?? false,
    schema: values.schema,
    maxWarnings,
    quiet: values.quiet ?? false,
    allowEmpty: values['allow-empty'] ?? false,
    initSchema: values['init-schema'],
    reviewFile: values['review-file'],
    suppressAll: values['suppress-all'] ?? false,
    pruneSuppressions: values['prune-suppressions'] ?? false,
    acceptedBy: values['accepted-by'],
    reason: values.reason,
  };
}
