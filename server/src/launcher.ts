/**
 * Starts the language server bundle (dist/server-main.js) through V8's code cache. Node compiles the 300 KB bundle
 * on every start; the cache keeps what the previous start compiled, up to its first check, so the next start skips
 * most of that work (measured here: the bundle loads in about half the time). It is what Node 22's
 * `module.enableCompileCache` does, written out because VS Code's and Debian's Node 20 lack it.
 *
 * The cache folder is `FRAGMENT_SERVER_CACHE` (the VS Code client passes the extension's global storage; empty turns
 * the cache off) or the user's own cache folder. Never a shared temporary folder: compiled code found there could
 * have been planted by another user. Any trouble with the cache costs only the saving; the server starts without it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

const MAIN = join(__dirname, 'server-main.js');
/** Long enough for the start-up work (initialize, the first checks) to be compiled and so be in the cache. */
const SAVE_AFTER_MS = 5000;

function cacheFolder(): string | undefined {
  const chosen = process.env.FRAGMENT_SERVER_CACHE;
  if (chosen !== undefined) return chosen === '' ? undefined : chosen;
  const base = process.platform === 'win32' ? process.env.LOCALAPPDATA : process.platform === 'darwin' ? join(homedir(), 'Library', 'Caches') : process.env.XDG_CACHE_HOME;
  return join(base || join(homedir(), '.cache'), 'fragment-language-server');
}

function readOrUndefined(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Writes the cache beside any older ones, then removes those: a new version of the server must not find stale code. */
function save(script: Script, folder: string, file: string): void {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    renameSync(temporary, file); // whole or not at all, even with two servers starting at once
    for (const name of readdirSync(folder)) if (name.startsWith('server-main.') && join(folder, name) !== file && !name.endsWith('.tmp')) rmSync(join(folder, name), { force: true });
  } catch (error) {
    // A read-only or full disk: the next start compiles as usual. Said on stderr, which editors show in their log.
    process.stderr.write(`Fragment language server: the start-up code cache was not saved in ${folder}: ${String(error)}\n`);
  }
}

function start(): void {
  const source = readFileSync(MAIN, 'utf8');
  const folder = cacheFolder();
  // V8 checks a cache against the source's length only, so the file is named by the source's content.
  const file = folder && join(folder, `server-main.${createHash('sha256').update(source).digest('hex').slice(0, 32)}.v8cache`);
  const cachedData = file ? readOrUndefined(file) : undefined;
  const script = new Script(Module.wrap(source), { filename: MAIN, cachedData });
  if (folder && file && (!cachedData || script.cachedDataRejected)) {
    let saved = false;
    const saveOnce = () => {
      if (!saved) save(script, folder, file);
      saved = true;
    };
    setTimeout(saveOnce, SAVE_AFTER_MS).unref();
    process.once('exit', saveOnce);
  }
  const main = new Module(MAIN, module);
  main.filename = MAIN;
  const run = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: Module, filename: string, dirname: string) => void;
  run.call(main.exports, main.exports, createRequire(MAIN), main, MAIN, dirname(MAIN));
}

start();
