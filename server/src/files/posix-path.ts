/**
 * The part of `node:path` the server uses (join, relative, isAbsolute), for `/`-separated paths, with no Node: the
 * browser bundle uses it in place of `node:path` (scripts/esbuild-options.mjs, BROWSER_SUBSTITUTES), as browser
 * builds of other language servers use path-browserify. Its paths come from files/uri.browser.ts: absolute, `/` only.
 */
import { normalizePath } from '../core/schema/discover';

export function isAbsolute(path: string): boolean {
  return path.startsWith('/');
}

export function join(...parts: string[]): string {
  const joined = parts.filter((part) => part !== '').join('/');
  return isAbsolute(joined) ? normalizePath(joined) : normalizePath(`/${joined}`).slice(1);
}

/** The way from `from` to `to`, as `node:path`'s posix relative gives it ('' when they are the same). */
export function relative(from: string, to: string): string {
  const a = normalizePath(from).split('/').filter(Boolean);
  const b = normalizePath(to).split('/').filter(Boolean);
  let same = 0;
  while (same < a.length && same < b.length && a[same] === b[same]) same++;
  return [...a.slice(same).map(() => '..'), ...b.slice(same)].join('/');
}

export default { isAbsolute, join, relative };
