/**
 * Starts the language server bundle (dist/server-main.js) through V8's code cache. Node compiles the 300 KB bundle
 * on every start; the cache keeps what the previous start compiled, up to its first check, so the next start skips
 * most of that work (measured here: the bundle loads in about half the time). It is what Node 22's
 * `module.enableCompileCache` does, written out because VS Code's and Debian's Node 20 lack it.
 *
 * The cache folder is `FRAGMENT_SERVER_CACHE` (the VS Code client passes the extension's global storage; empty turns
 * the cache off) or the user's own cache folder. Never a shared temporary folder: compiled code found there could
 * have been planted by another user. Any trouble with the cache costs only the saving; the server starts without it.
 *
 * V8 runs cached code without checking it: one damaged byte crashes the process (SIGSEGV or a V8 fatal error) instead
 * of being refused, and a crash leaves the damaged file for the next start. So the cache is guarded:
 * - A header before V8's data holds the SHA-256 of that data and of what made it (Node, V8, flags, the bundle). A file
 *   that does not match is deleted unread by V8, and a new one is written.
 * - Only a regular file of bounded size is read: no symbolic link is followed, no FIFO or device waited on.
 * - It is written whole or not at all: a new temporary file in the same folder, flushed to disk, then renamed.
 * - A start that uses a cache leaves a marker (`<cache>.starting-<pid>`) until the server is initialized or exits in
 *   order. A marker whose process is gone means that start died with the cache: the cache is deleted, so no start
 *   dies the same way twice.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { onServerReady } from './ready-signal';

const MAIN = join(__dirname, 'server-main.js');
/** Long enough for the start-up work (initialize, the first checks) to be compiled and so be in the cache. */
const SAVE_AFTER_MS = 5000;
/** The cache is about half a megabyte; a file far larger is not one, and is not read into memory. */
const MAX_CACHE_BYTES = 32 * 1024 * 1024;
/** Header: this magic, the SHA-256 of what made the cache (cacheKey), the SHA-256 of V8's data that follows. */
const MAGIC = Buffer.from('FRAGV8C1');
const HEADER_BYTES = MAGIC.length + 32 + 32;
/** Open flags for reading a cache: never follow a symbolic link, never wait for a FIFO's writer. 0 where absent (Windows). */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest();

function say(message: string): void {
  // On stderr, which editors show in their log; stdout carries the protocol.
  process.stderr.write(`Fragment language server: ${message}\n`);
}

function cacheFolder(): string | undefined {
  const chosen = process.env.FRAGMENT_SERVER_CACHE;
  if (chosen !== undefined) return chosen === '' ? undefined : chosen;
  const base = process.platform === 'win32' ? process.env.LOCALAPPDATA : process.platform === 'darwin' ? join(homedir(), 'Library', 'Caches') : process.env.XDG_CACHE_HOME;
  return join(base || join(homedir(), '.cache'), 'fragment-language-server');
}

/** What a cache must have been made by. V8 checks its own version and flags too, but only after trusting the data. */
function cacheKey(bundleDigest: Buffer): Buffer {
  return sha256([process.version, process.versions.v8, process.arch, process.execArgv.join(' '), process.env.NODE_OPTIONS ?? '', bundleDigest.toString('hex')].join('\n'));
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** V8's data from a cache file that passes every check; `problem` says why a file that is there does not. */
function readCache(file: string, key: Buffer): { data?: Buffer; problem?: string } {
  let descriptor: number;
  try {
    descriptor = openSync(file, READ_FLAGS);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return {};
    return { problem: code === 'ELOOP' ? 'it is a symbolic link' : `it cannot be opened (${code})` };
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return { problem: 'it is not a regular file' };
    if (stats.size < HEADER_BYTES || stats.size > MAX_CACHE_BYTES) return { problem: `its size (${stats.size} bytes) cannot be right` };
    const bytes = Buffer.alloc(stats.size);
    let read = 0;
    for (let n = -1; n !== 0 && read < bytes.length; read += n) n = readSync(descriptor, bytes, read, bytes.length - read, read);
    if (read !== bytes.length) return { problem: 'it is shorter than it said' };
    if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) return { problem: 'it is not a cache file of this server' };
    if (!bytes.subarray(MAGIC.length, MAGIC.length + 32).equals(key)) return { problem: 'it was made by another version of Node, or with other Node options' };
    const data = bytes.subarray(HEADER_BYTES);
    if (!sha256(data).equals(bytes.subarray(MAGIC.length + 32, HEADER_BYTES))) return { problem: 'it is damaged (its checksum does not match)' };
    return { data };
  } catch (error) {
    return { problem: `it cannot be read (${errorCode(error)})` };
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Removes what is at `path` unless it is a folder (which nothing here made); whether it is gone. Unlinking never
 * follows a link. What cannot be removed is checked again, and refused again, by the next start.
 */
function discard(path: string): boolean {
  try {
    if (lstatSync(path).isDirectory()) return false;
    rmSync(path, { force: true });
    return true;
  } catch (error) {
    return errorCode(error) === 'ENOENT';
  }
}

/** The process that owns a marker (`….starting-<pid>`) or temporary file (`….<pid>-<random>.tmp`). */
function ownerOf(name: string): number | undefined {
  const match = /\.starting-(\d+)$/.exec(name) ?? /\.(\d+)-[0-9a-f]+\.tmp$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

/** Whether another process with this id runs. Our own id in a file name is from an earlier process (a container restarts with the same ids). */
function anotherProcessRuns(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/** Markers of `file` left by processes that are gone: each is a start that died while using this cache. */
function markersOfDeadStarts(folder: string, file: string): string[] {
  const prefix = `${basename(file)}.starting-`;
  return readdirSync(folder)
    .filter((name) => {
      const owner = ownerOf(name);
      return name.startsWith(prefix) && (owner === undefined || !anotherProcessRuns(owner));
    })
    .map((name) => join(folder, name));
}

/**
 * Creates `path` with `chunks`, failing if anything is there already (a planted link is not followed). `flush` waits
 * until the data is on the disk, which a crashing process does not need, only a failing machine.
 */
function writeNew(path: string, chunks: Buffer[], flush: boolean): void {
  const descriptor = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  try {
    for (const chunk of chunks) for (let written = 0; written < chunk.length; ) written += writeSync(descriptor, chunk, written);
    if (flush) fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/** Writes the cache whole or not at all, even with two servers starting at once or the power failing. */
function writeAtomically(folder: string, file: string, chunks: Buffer[]): void {
  const temporary = join(folder, `${basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeNew(temporary, chunks, true);
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true }); // left only if the rename failed
  }
  try {
    const directory = openSync(folder, constants.O_RDONLY);
    try {
      fsyncSync(directory); // the rename itself reaches the disk
    } finally {
      closeSync(directory);
    }
  } catch {
    // folders cannot be opened or flushed on Windows; the rename is still whole there
  }
}

/** Writes the cache, then removes other versions' caches (a new server must not find stale code) and leftovers. */
function save(script: Script, folder: string, file: string, key: Buffer): void {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const data = script.createCachedData();
    writeAtomically(folder, file, [MAGIC, key, sha256(data), data]);
    for (const name of readdirSync(folder)) {
      const owner = ownerOf(name);
      const inUse = owner !== undefined && (owner === process.pid || anotherProcessRuns(owner)); // another start's marker or file being written
      if (name.startsWith('server-main.') && name !== basename(file) && !inUse) discard(join(folder, name));
    }
  } catch (error) {
    // A read-only or full disk: the next start compiles as usual.
    say(`the start-up code cache was not saved in ${folder}: ${String(error)}`);
  }
}

/**
 * V8's data to start with, if there is a cache that passes every check. It is used only with a marker in place, so
 * that a start dying with it is seen by the next one; `done` removes the marker.
 */
function usableCache(folder: string, file: string, key: Buffer): { data?: Buffer; done: () => void } {
  const none = { done: () => undefined };
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const dead = markersOfDeadStarts(folder, file);
    if (dead.length > 0) {
      const deleted = discard(file);
      dead.forEach(discard);
      say(`an earlier start that used the start-up code cache ${file} stopped before it was ready, so this start goes without it${deleted ? '; it was deleted, and a new one will be written' : ''}.`);
      return none;
    }
  } catch (error) {
    say(`the start-up code cache in ${folder} cannot be used: ${String(error)}`);
    return none;
  }
  const { data, problem } = readCache(file, key);
  if (problem) {
    const deleted = discard(file);
    say(`the start-up code cache ${file} is not used because ${problem}${deleted ? '; it was deleted, and a new one will be written' : ''}.`);
  }
  if (!data) return none;
  const marker = `${file}.starting-${process.pid}`;
  try {
    writeNew(marker, [Buffer.from(`${process.pid}\n`)], false);
  } catch (error) {
    // Without the marker a start that dies with this cache would not be noticed, so it is not used.
    say(`the start-up code cache is not used because its folder ${folder} cannot be written to (${errorCode(error)}).`);
    return none;
  }
  let removed = false;
  const done = () => {
    if (!removed) discard(marker);
    removed = true;
  };
  onServerReady(done);
  // An orderly exit before initialize did not die with the cache either. Any other exit code might have (a bad
  // cache can also throw while the bundle loads): the marker stays, costing at worst one start without the cache.
  process.once('exit', (code) => code === 0 && done());
  return { data, done };
}

function start(): void {
  const source = readFileSync(MAIN, 'utf8');
  const folder = cacheFolder();
  const bundleDigest = sha256(source);
  const key = cacheKey(bundleDigest);
  // V8 checks a cache against the source's length only, so the file is named by the source's content.
  const file = folder && join(folder, `server-main.${bundleDigest.toString('hex').slice(0, 32)}.v8cache`);
  const cache = folder && file ? usableCache(folder, file, key) : undefined;
  const script = new Script(Module.wrap(source), { filename: MAIN, cachedData: cache?.data });
  if (folder && file && (!cache?.data || script.cachedDataRejected)) {
    cache?.done(); // V8 refused the data: nothing from it runs
    let saved = false;
    const saveOnce = () => {
      if (!saved) save(script, folder, file, key);
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
