/**
 * fragment-lint's glob arguments (`reports/**\/*.txt`), expanded with tinyglobby; folders are walked by discover.ts.
 * tinyglobby is required on first use from its own file in the bundle: only glob arguments need it. (`require`:
 * tinyglobby's ESM build would pull in fdir's, which needs import.meta.)
 */
import type * as Tinyglobby from 'tinyglobby';
import { SKIPPED_FOLDER_NAMES } from './discover';

const tinyglobby = (): typeof Tinyglobby => require('tinyglobby') as typeof Tinyglobby;
export const isDynamicPattern = (pattern: string): boolean => tinyglobby().isDynamicPattern(pattern);

/** The files a pattern matches under `cwd`, absolute; the folders a walk skips are skipped here too. */
export function expandGlob(pattern: string, cwd: string): string[] {
  return tinyglobby().globSync(pattern, {
      cwd,
      absolute: true,
      onlyFiles: true,
      ignore: [...SKIPPED_FOLDER_NAMES].map((name) => `**/${name}/**`),
      caseSensitiveMatch: false,
      expandDirectories: false,
      followSymbolicLinks: false, // a link to `/` must not make a pattern walk the whole disk
    });
}
