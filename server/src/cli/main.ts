/**
 * fragment-lint: checks fragment files with the same core, rules and schema as the editor, including FragmentIDs
 * used twice across the files checked. See HELP in options.ts for usage and exit codes.
 */
import * as l10n from '@vscode/l10n';
import { realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { findDuplicateIds, mergeDiagnostics, type Schema } from '../core';
import { cliLanguage, useLanguage, type Language } from '../core/l10n';
import { isDynamicPattern } from '../files/glob';
import type { CheckSettings, FileReport } from './check-file';
import { collectFiles, displayPath } from './files';
import { countAccepted, countSeverities, counted, summaryLine, visible, type Formatter, type ReportedFile } from './formats/format';
import { github } from './formats/github';
import { json } from './formats/json';
import { sarif } from './formats/sarif';
import { stylish } from './formats/stylish';
import { initSchema } from './init-schema';
import { helpText, parseOptions, takeLocale, UsageError, type CliOptions, type Format } from './options';
import { exportRecords, importRecords } from './records';
import { checkAll, serveWorker, WORKER_FLAG } from './pool';
import { startProgress } from './progress';
import { applyReviewFile, loadReview } from './review';
import { assertSchemasUsable, schemaForFile, schemaSettings } from './schema';
import { version } from '../../../package.json';

const FORMATTERS: Record<Format, Formatter> = { stylish, json, sarif, github };

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  stderr?: NodeJS.WriteStream;
}

export async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { locale, rest: argv } = takeLocale(args);
  useLanguage(cliLanguage(locale, io.env), { isolates: false });
  try {
    const command = subcommand(argv, io.cwd);
    if (command === 'export') return await exportRecords(argv.slice(1), io, (paths) => foldersChecked(paths, io.cwd));
    if (command === 'import') {
      return await importRecords(argv.slice(1), io, (files, schema) => lint(parseOptions([...(schema === undefined ? [] : ['--schema', schema]), '--', ...files]), io));
    }
    return await lint(parseOptions(argv), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`fragment-lint: ${error.message.split('\n').map(visible).join('\n')}`); // may quote a path or a schema file
      return 2;
    }
    throw error;
  }
}

/**
 * `fragment-lint export --to …` and `import … --out …`. Without --to or --out, `fragment-lint export` checks the folder
 * `export` as it always did (the real records come in a folder of that name); with no such folder, it is the command.
 */
function subcommand(argv: readonly string[], cwd: string): 'export' | 'import' | undefined {
  const [first, ...rest] = argv;
  if (first !== 'export' && first !== 'import') return undefined;
  const option = first === 'export' ? '--to' : '--out';
  if (rest.some((arg) => arg === option || arg.startsWith(`${option}=`) || arg === '--help' || arg === '-h')) return first;
  try {
    statSync(resolve(cwd, first));
    return undefined;
  } catch {
    return first;
  }
}

async function lint(options: CliOptions, io: CliIO): Promise<number> {
  if (options.help || options.version || options.initSchema !== undefined) {
    io.out(options.help ? helpText() : options.version ? version : initSchema(resolve(io.cwd, options.initSchema as string), options.initSchema as string, io.err));
    return 0;
  }
  const files = collectFiles(options.paths, io.cwd, (skipped) => io.err(`fragment-lint: ${skipped}`));
  const schemas = schemaSettings(io.cwd, options.schema);
  assertSchemasUsable([undefined, ...files], schemas); // a broken schema stops the run before any file is read
  const schema = schemaForFile(undefined, schemas);
  const review = loadReview(options, io.cwd); // a broken review file, like a broken schema, stops the run here
  const settings: CheckSettings = {
    schema: schemas,
    fix: options.fix ? 'write' : options.fixDryRun ? 'dry-run' : 'off',
    roots: foldersChecked(options.paths, io.cwd),
    review: review && { file: review.review, folder: review.folder },
  };
  const progress = startProgress(files.length, io.stderr);
  let reports: FileReport[];
  try {
    reports = await checkAll(
      files.map((file) => ({ file, label: displayPath(file, io.cwd) })),
      settings,
      (done) => progress.update(done),
    );
  } finally {
    progress.finish();
  }

  let ioErrors = 0;
  for (const report of reports) {
    const name = visible(report.label);
    if (report.skipped) io.err(`fragment-lint: ${name} ${report.skipped}.`);
    if (report.unreadable) io.err(`fragment-lint: ${name} ${report.unreadable}`);
    if (report.writeError) io.err(`fragment-lint: ${name} ${report.writeError}.`);
    if (report.notFixed) io.err(`fragment-lint: ${name} ${report.notFixed}.`);
    if (report.unreadable || report.writeError) ioErrors++;
    if (report.fixesApplied > 0 && settings.fix === 'write') io.err(l10n.t('Fixed {0} in {1}.', counted.problems(report.fixesApplied), name));
  }
  const checked = reports.filter((r) => !r.unreadable && !r.skipped).length;

  const checkedFiles = withWorkspaceChecks(reports, schema);
  // Findings the review file accepts are counted, not shown, and do not change the exit code.
  // The review file is rewritten only after a run that read every file: pruning after a partial one would drop the
  // entries of the files it could not read.
  const complete = checked > 0 && checked === reports.length;
  if (review && !complete && (options.suppressAll || options.pruneSuppressions)) io.err(`fragment-lint: ${l10n.t('{0} was not changed: not every file could be checked.', visible(review.label))}`);
  const all = review ? applyReviewFile(checkedFiles, reports, review, complete ? options : { ...options, suppressAll: false, pruneSuppressions: false }, io.err) : checkedFiles;
  const accepted = countAccepted(all);
  const shown = options.quiet ? all.map((file) => ({ ...file, diagnostics: file.diagnostics.filter((d) => d.severity === 1) })) : all;
  const shownCounts = countSeverities(shown);
  const { error: errors, warning: warnings } = shownCounts; // --quiet: warnings are neither shown nor counted
  const allCounts = countSeverities(all);
  const hidden = { error: 0, warning: allCounts.warning - warnings, note: allCounts.note - shownCounts.note };

  if (settings.fix === 'dry-run') {
    const diffs = reports.filter((r) => r.diff).map((r) => r.diff as string);
    if (diffs.length) io.out(diffs.join('').trimEnd());
    const remaining = l10n.t('{0} and {1} would remain.', counted.errors(errors), counted.warnings(warnings));
    io.err(`${diffs.length ? l10n.t('Safe fixes would change {0}', counted.files(diffs.length)) : l10n.t('No safe fixes to apply')}; ${remaining}`);
  } else {
    const labels = new Map(reports.map((r) => [r.uri, r.label]));
    const output = FORMATTERS[options.format](shown, {
      color: options.format === 'stylish' && io.stdoutIsTTY && !io.env.NO_COLOR,
      rootUri: `${pathToFileURL(io.cwd).href.replace(/\/$/, '')}/`,
      version,
      labelOf: (uri) => labels.get(uri) ?? uri,
      filesChecked: checked,
      hidden,
    });
    if (output !== '' || options.format !== 'stylish') io.out(output);
    // Stylish output ends with the summary line; with nothing listed, the summary is the whole report.
    else if (checked > 0) io.err(summaryLine(shownCounts, checked, hidden, accepted));
  }

  if (checked === 0) {
    // A CI job pointed at the wrong folder must not pass as if the records were fine.
    const why =
      files.length === 0
        ? l10n.t('No fragment files found in {0}', options.paths.map((p) => (p === '.' ? l10n.t('the current folder') : visible(p))).join(', '))
        : files.length === 1
          ? l10n.t('The only file found was skipped or could not be read')
          : l10n.t('All {0} files found were skipped or could not be read', files.length);
    const hint = options.allowEmpty || ioErrors > 0 ? '' : ` ${l10n.t('(Use --allow-empty if that is expected.)')}`;
    io.err(`fragment-lint: ${l10n.t('{0}: nothing was checked.', why)}${hint}`);
    if (!options.allowEmpty) return 2;
  }
  if (ioErrors > 0) return 2;
  if (errors > 0) return 1;
  if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.err(`fragment-lint: ${l10n.t('{0}, more than the {1} allowed by --max-warnings.', counted.warnings(warnings), options.maxWarnings)}`);
    return 1;
  }
  return 0;
}

/**
 * The real paths of the folders this run checks: each folder named, the folder of each file named, and for a glob
 * the folders before its first wildcard. A file reached through a link is only read when it is inside one of them.
 */
function foldersChecked(paths: readonly string[], cwd: string): string[] {
  const folders = new Set<string>();
  for (const path of paths) {
    let folder = resolve(cwd, path);
    try {
      if (!statSync(folder).isDirectory()) folder = dirname(folder);
    } catch {
      const fixedStart = path.split(/[\\/]/).findIndex((part) => isDynamicPattern(part));
      folder = resolve(cwd, path.split(/[\\/]/).slice(0, Math.max(0, fixedStart)).join('/') || '.');
    }
    try {
      folders.add(realpathSync.native(folder));
    } catch {
      // a glob's start that does not exist matched nothing
    }
  }
  return [...folders];
}

/** Each readable file with its own problems plus the FragmentIDs it shares with other records of the run. */
function withWorkspaceChecks(reports: readonly FileReport[], schema: Schema): ReportedFile[] {
  const readable = reports.filter((r) => !r.unreadable && !r.skipped);
  const duplicates = findDuplicateIds(
    readable.map((r) => ({ uri: r.uri, label: r.label, ids: r.ids })),
    schema,
  );
  return readable.map((r) => ({ label: r.label, uri: r.uri, diagnostics: mergeDiagnostics(r.diagnostics, duplicates.get(r.uri) ?? []) }));
}

if (!isMainThread && (workerData as Record<string, unknown> | undefined)?.[WORKER_FLAG]) {
  useLanguage((workerData as { language: Language }).language, { isolates: false }); // the main thread's
  serveWorker(parentPort as NonNullable<typeof parentPort>, (workerData as { settings: CheckSettings }).settings);
} else if (require.main === module) {
  const stopped = new Set<NodeJS.WriteStream>();
  // A reader that stops early (`fragment-lint | head -1`) closes the pipe: that ends the output, not the run.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      stopped.add(stream);
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
      if (stream === process.stdout && !stopped.has(process.stderr)) {
        process.stderr.write(`fragment-lint: ${l10n.t('the report could not be written ({0}).', error.code ?? error.message)}\n`);
      }
      process.exitCode = 2;
    });
  }
  const write = (stream: NodeJS.WriteStream, text: string) => {
    if (!stopped.has(stream)) stream.write(`${text}\n`);
  };
  void run(process.argv.slice(2), {
    out: (text) => write(process.stdout, text),
    err: (text) => write(process.stderr, text),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderr: process.stderr,
  }).then(
    (code) => (process.exitCode = Math.max(code, Number(process.exitCode ?? 0))),
    (error: unknown) => {
      write(process.stderr, `fragment-lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 2;
    },
  );
}
