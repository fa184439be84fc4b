/** Runs the BUILT fragment-lint (dist/cli.js) as CI would, on temporary folders. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const CLI_BUNDLE = resolve(__dirname, '../../dist/cli.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function lint(cwd: string, args: string[], env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
    cwd,
    encoding: 'utf8',
    // English unless a test asks for a language: the messages follow LC_ALL, LC_MESSAGES and LANG.
    env: { ...process.env, NO_COLOR: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'C', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder holding the given files (relative path → content); removed by the returned function. */
export function tempFolder(files: Record<string, string | Buffer>): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'fragment-lint-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface JsonFile {
  file: string;
  diagnostics: { line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }[];
}
