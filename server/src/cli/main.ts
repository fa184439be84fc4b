/**
 * fragment-lint: checks fragment files with the same core, rules and schema as the editor, including FragmentIDs
 * used twice across the files checked. See HELP in options.ts for usage and exit codes.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { findDuplicateIds, mergeDiagnostics, type Schema } from '../core';
import type { CheckSettings, FileReport } from './check-file';
import { collectFiles, displayPath } from './files';
import type { Formatter, ReportedFile } from './formats/format';
import { github } from './formats/github';
import { json } from './formats/json';
import { sarif } from './formats/sarif';
import { stylish } from './formats/stylish';
import { initSchema } from './init-schema';
import { HELP, parseOptions, UsageError, type CliOptions, type Format } from './options';
import { checkAll, serveWorker, WORKER_FLAG } from './pool';
import { startProgress } from './progress';
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

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await lint(parseOptions(argv), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`fragment-lint: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

async function lint(options: CliOptions, io: CliIO): Promise<number> {
  if (options.help || options.version || options.initSchema !== undefined) {
    io.out(options.help ? HELP : options.version ? version : initSchema(resolve(io.cwd, options.initSchema as string), options.initSchema as string, io.err));
    return 0;
  }
  const files = collectFiles(options.paths, io.cwd, (skipped) => io.err(`fragment-lint: ${skipped}`));
  const schemas = schemaSettings(io.cwd, options.schema);
  assertSchemasUsable([undefined, ...files], schemas); // a broken schema stops the run before any file is read
  const schema = schemaForFile(undefined, schemas);
  const settings: CheckSettings = { schema: schemas, fix: options.fix ? 'write' : options.fixDryRun ? 'dry-run' : 'off' };
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
    if (report.unreadable) io.err(`fragment-lint: ${report.label} ${report.unreadable}`);
    if (report.writeError) io.err(`fragment-lint: ${report.label} ${report.writeError}`);
    if (report.unreadable || report.writeError) ioErrors++;
    if (report.fixesApplied > 0 && settings.fix === 'write') io.err(`Fixed ${plural(report.fixesApplied, 'problem')} in ${report.label}.`);
  }

  const shown = withWorkspaceChecks(reports, schema).map((file) => ({
    ...file,
    diagnostics: options.quiet ? file.diagnostics.filter((d) => d.severity === 1) : file.diagnostics,
  }));
  const errors = count(shown, 1);
  const warnings = count(shown, 2);

  if (settings.fix === 'dry-run') {
    const diffs = reports.filter((r) => r.diff).map((r) => r.diff as string);
    if (diffs.length) io.out(diffs.join('').trimEnd());
    io.err(`${diffs.length ? `Safe fixes would change ${plural(diffs.length, 'file')}` : 'No safe fixes to apply'}; ${plural(errors, 'error')} and ${plural(warnings, 'warning')} would remain.`);
  } else {
    const labels = new Map(reports.map((r) => [r.uri, r.label]));
    const output = FORMATTERS[options.format](shown, {
      color: options.format === 'stylish' && io.stdoutIsTTY && !io.env.NO_COLOR,
      rootUri: `${pathToFileURL(io.cwd).href.replace(/\/$/, '')}/`,
      version,
      labelOf: (uri) => labels.get(uri) ?? uri,
    });
    if (output !== '' || options.format !== 'stylish') io.out(output);
  }
  if (files.length === 0) io.err(`fragment-lint: no fragment files found in ${options.paths.join(', ')}.`);
  else if (options.format === 'stylish' && errors + warnings === 0 && !options.fixDryRun) io.err(`${plural(files.length, 'file')} checked: no problems.`);

  if (ioErrors > 0) return 2;
  if (errors > 0) return 1;
  if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.err(`fragment-lint: ${plural(warnings, 'warning')}, more than the ${options.maxWarnings} allowed by --max-warnings.`);
    return 1;
  }
  return 0;
}

/** Each readable file with its own problems plus the FragmentIDs it shares with other records of the run. */
function withWorkspaceChecks(reports: readonly FileReport[], schema: Schema): ReportedFile[] {
  const readable = reports.filter((r) => !r.unreadable);
  const duplicates = findDuplicateIds(
    readable.map((r) => ({ uri: r.uri, label: r.label, ids: r.ids })),
    schema,
  );
  return readable.map((r) => ({ label: r.label, uri: r.uri, diagnostics: mergeDiagnostics(r.diagnostics, duplicates.get(r.uri) ?? []) }));
}

function count(files: readonly ReportedFile[], severity: number): number {
  return files.reduce((sum, file) => sum + file.diagnostics.filter((d) => d.severity === severity).length, 0);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

if (!isMainThread && (workerData as Record<string, unknown> | undefined)?.[WORKER_FLAG]) {
  serveWorker(parentPort as NonNullable<typeof parentPort>, (workerData as { settings: CheckSettings }).settings);
} else if (require.main === module) {
  void run(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderr: process.stderr,
  }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`fragment-lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
