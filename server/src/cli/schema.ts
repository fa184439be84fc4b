/**
 * Which schema applies to each file: `--schema FILE`, else the nearest `fragment.schema.json` (as in the editor, with
 * the current folder as the workspace folder), else the built-in default. Uses the server's schemas/files.ts, so
 * both find and read schema files the same way. A broken schema file stops the run: CI must not pass on a guess.
 */
import * as l10n from '@vscode/l10n';
import { dirname, resolve } from 'node:path';
import type { Schema } from '../core';
import { nodeFilesSync } from '../host/node';
import { SchemaFiles, type AppliedSchema, type SchemaOptions } from '../schemas/files';
import { UsageError } from './options';

/** Plain data (it crosses into worker threads): how to find the schema of a file. */
export interface SchemaSettings {
  workspaceRoots: string[];
  explicitPath?: string;
}

export function schemaSettings(cwd: string, schemaOption: string | undefined): SchemaSettings {
  return { workspaceRoots: [cwd], explicitPath: schemaOption === undefined ? undefined : resolve(cwd, schemaOption) };
}

let files: SchemaFiles | undefined;
/**
 * The schema found for each folder, within one run (one process or worker, one set of settings): every file of a
 * folder has the same schema, and looking it up walks the parent folders, which cost a quarter of a run on many files.
 */
let byFolder = new Map<string, AppliedSchema>();
let cachedFor: SchemaSettings | undefined;

/** The schema of a file; undefined: of the workspace (the current folder, or `--schema`). */
function appliedTo(file: string | undefined, settings: SchemaSettings): AppliedSchema {
  files ??= SchemaFiles.onDisk(nodeFilesSync);
  if (cachedFor !== settings) {
    byFolder = new Map();
    cachedFor = settings;
  }
  const folder = file === undefined ? '' : dirname(file);
  let applied = byFolder.get(folder);
  if (!applied) {
    const options: SchemaOptions = settings;
    applied = file === undefined ? files.forDocumentWithoutFolder(options) : files.forFile(file, options);
    byFolder.set(folder, applied);
  }
  return applied;
}

/** The schema for one file (undefined: the folder's own, used for checks across files). */
export function schemaForFile(file: string | undefined, settings: SchemaSettings): Schema {
  return appliedTo(file, settings).schema;
}

/**
 * Throws a usage error naming every broken schema file that applies to one of `paths`, with the first problems and
 * their places; a schema's warnings are let through.
 */
export function assertSchemasUsable(paths: readonly (string | undefined)[], settings: SchemaSettings): void {
  const broken = new Map<string, string[]>();
  for (const path of paths) {
    const applied = appliedTo(path, settings);
    if (applied.source.kind !== 'file' || broken.has(applied.source.path)) continue;
    // An unreadable file stops the run, so the editor's "the built-in schema is used instead" would be untrue here.
    if (applied.unreadable !== undefined) {
      broken.set(applied.source.path, [`  ${l10n.t('line {0}, column {1}: {2}', 1, 1, l10n.t('The schema file {0} {1}.', applied.source.path, applied.unreadable))}`]);
      continue;
    }
    const errors = applied.problems.filter((p) => p.severity === 1);
    if (errors.length > 0) broken.set(applied.source.path, errors.slice(0, 5).map((p) => `  ${l10n.t('line {0}, column {1}: {2}', p.range.start.line + 1, p.range.start.character + 1, String(p.message))}`));
  }
  if (broken.size === 0) return;
  const lines = [...broken].map(([path, problems]) => `${l10n.t('The schema file {0} cannot be used:', path)}\n${problems.join('\n')}`);
  throw new UsageError(lines.join('\n'));
}
