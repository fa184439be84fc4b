/**
 * Packs packages/fragment-lint as a release does and installs the tarball the way a user does (`npm install -g`),
 * into a temporary prefix. npm runs offline, with an empty cache of its own and no user configuration, so an install
 * that works proves the package needs nothing from the registry. Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPOSITORY = resolve(__dirname, '../..');
export const PACKAGE_DIR = join(REPOSITORY, 'packages/fragment-lint');
export const VERSION: string = JSON.parse(readFileSync(join(REPOSITORY, 'package.json'), 'utf8')).version;

export interface InstalledCli {
  tarball: string;
  /** What `npm pack` put in the tarball, relative paths. */
  packedFiles: string[];
  /** The global prefix: bin/ holds the two commands, lib/node_modules/fragment-lint the package. */
  prefix: string;
  /** An environment with no npm registry, the prefix's bin/ first on PATH, and a server code cache inside `dir`. */
  env: Record<string, string>;
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: string[], options: SpawnSyncOptions & { env: Record<string, string> }): Run {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw result.error;
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Packs and installs fragment-lint inside `dir` (a fresh temporary folder). */
export function installCli(dir: string): InstalledCli {
  assert.ok(existsSync(join(PACKAGE_DIR, 'dist/cli.js')), 'packages/fragment-lint/dist is empty: run npm run build first');
  const prefix = join(dir, 'global');
  const env: Record<string, string> = {
    PATH: `${join(prefix, 'bin')}:${process.env.PATH ?? ''}`,
    HOME: join(dir, 'home'),
    npm_config_cache: join(dir, 'npm-cache'),
    npm_config_offline: 'true',
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_userconfig: join(dir, 'no-npmrc'),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    FRAGMENT_SERVER_CACHE: join(dir, 'server-cache'),
    NO_COLOR: '1',
  };
  mkdirSync(env.HOME);
  const pack = run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: PACKAGE_DIR, env });
  assert.equal(pack.status, 0, `npm pack failed:\n${pack.stderr}`);
  const [packed] = JSON.parse(pack.stdout);
  const tarball = join(dir, packed.filename);
  const install = run('npm', ['install', '--global', '--prefix', prefix, tarball], { env });
  assert.equal(install.status, 0, `npm install -g of the tarball failed offline:\n${install.stdout}\n${install.stderr}`);
  return { tarball, packedFiles: packed.files.map((f: { path: string }) => f.path), prefix, env };
}
