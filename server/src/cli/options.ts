/** Command-line options of fragment-lint, parsed with Node's own parseArgs. */
import * as l10n from '@vscode/l10n';
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

/**
 * `--locale LANG` (or `--locale=LANG`) taken out of the arguments, wherever it stands (before `--`), so that the
 * language is known before anything else is said, and every command (check, export, import) accepts it.
 */
export function takeLocale(argv: readonly string[]): { locale?: string; rest: string[] } {
  const rest: string[] = [];
  let locale: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--locale' && i + 1 < argv.length) locale = argv[++i];
    else if (arg.startsWith('--locale=')) locale = arg.slice('--locale='.length);
    else rest.push(arg);
  }
  return { locale, rest };
}

/** fragment-lint --help, in the person's language. */
export function helpText(): string {
  return l10n.t(
    'Usage: fragment-lint [options] [files, folders or globs...]\n\nChecks outcome-harvest fragment files with the same rules and schema as the editor.\nA file named here is checked whatever its extension; a folder is searched for\n*.fragment, *.fragment.txt and *.fragment.md files, and .txt and .md files whose first\nline is **FragmentID**: (node_modules and .git are skipped; links that lead out of the\nfolder are not followed); a glob such as "reports/**/*.fragment.md" is expanded.\nDefault: the current folder.\n\n  fragment-lint export --to records.xlsx|records.csv [paths...]\n  fragment-lint import records.xlsx|records.csv --out FOLDER [--force]\n                       records to a spreadsheet and back (--help after each for more)\n\nOptions:\n  --format NAME        stylish (default), json, sarif (SARIF 2.1.0) or github (workflow annotations)\n  --fix                apply every safe fix to the files and report what changed\n  --fix-dry-run        print the safe fixes as a unified diff, without changing any file\n  --schema FILE        check against this fragment.schema.json instead of the one found next to the files\n  --max-warnings N     fail when there are more than N warnings\n  --quiet              report errors only\n  --allow-empty        exit 0 when no fragment file is found (by default that is an error, exit 2)\n  --init-schema FOLDER print a schema inferred from the fragment files of FOLDER\n  --review-file FILE   the review file of accepted findings (default: fragment-review.json\n                       in the current folder, when there is one)\n  --suppress-all       accept every finding of this run: write them into the review file\n  --accepted-by NAME, --reason TEXT\n                       who accepts and why, for the entries --suppress-all writes\n  --prune-suppressions remove the review file\'s entries that match no finding any more\n  --locale LANG        the language of the messages: en, fr, es or ar (default: from\n                       LC_ALL, LC_MESSAGES or LANG, else English)\n  --version, --help\n\nAccepted findings (listed in the review file) are not shown and do not change the\nexit code; the summary counts them ("3 accepted"). An entry names the record by its\nFragmentID (or the file and line), the code and the value: once the value changes,\nthe finding is shown again. Run --prune-suppressions over all the records.\n\nA FragmentID used by two records among the files checked is a warning on each.\nWorker threads share the files only with {0} or more cores and {1} or more files\n(below that they cost more than they save). FRAGMENT_LINT_THREADS=N asks for N\nthreads; 1 keeps to the main thread.\nColour only on a terminal, never with NO_COLOR set.\n\nA file reached through a link that leads outside the folders being checked is\nskipped: it is not read, shown or fixed. --fix replaces each file in one step\n(a new file in the same folder takes its place), so it is never left half written;\na read-only file is left as it is and reported.\n\nExit codes: 0 no problems over the threshold, 1 errors (or too many warnings),\n2 usage or file error (a missing path, an unreadable file, a file --fix could not\nwrite, a broken schema) or no file checked at all (see --allow-empty).\n',
    WORKERS_FROM_CORES,
    WORKERS_FROM_FILES.toLocaleString('en'),
  );
}

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
    throw new UsageError(`${(error as Error).message.replace(/\. To specify.*$/s, '.')} ${l10n.t('Run fragment-lint --help for usage.')}`);
  }
  const { values, positionals } = parsed;
  const format = values.format ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(l10n.t('Unknown format "{0}". Choose one of: {1}.', format, FORMATS.join(', ')));
  }
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!/^\d+$/.test(values['max-warnings']) || !Number.isSafeInteger(maxWarnings)) {
      throw new UsageError(l10n.t('--max-warnings needs a whole number of 0 or more, not "{0}".', values['max-warnings']));
    }
  }
  if (values.fix && values['fix-dry-run']) throw new UsageError(l10n.t('Use --fix or --fix-dry-run, not both.'));
  if (values['init-schema'] !== undefined && positionals.length > 0) {
    throw new UsageError(l10n.t('--init-schema reads one folder; give no other paths with it.'));
  }
  const reviewing = values['suppress-all'] || values['prune-suppressions'];
  if (reviewing && (values.fix || values['fix-dry-run'])) throw new UsageError(l10n.t('Accept findings (--suppress-all, --prune-suppressions) in a run of their own, not with --fix.'));
  if ((values['accepted-by'] !== undefined || values.reason !== undefined) && !values['suppress-all']) {
    throw new UsageError(l10n.t('--accepted-by and --reason go with --suppress-all.'));
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
