/**
 * The core as it ships: bundled and minified by esbuild with the options of every dist/ bundle, then loaded. The
 * bench measures this rather than the TypeScript sources run through tsx, because tsx also keeps every function's
 * name by wrapping it in a call, which costs time on each closure a check creates and is not in dist/.
 */
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

type Core = typeof import('../../server/src/core');

export async function loadBuiltCore(root: string): Promise<Core> {
  const { BUNDLE_OPTIONS } = await import('../esbuild-options.mjs');
  const folder = mkdtempSync(join(tmpdir(), 'fragment-bench-core-'));
  try {
    const outfile = join(folder, 'core.js');
    buildSync({
      entryPoints: [resolve(root, 'server/src/core/index.ts')],
      ...BUNDLE_OPTIONS,
      outfile,
      sourcemap: false,
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(outfile) as Core;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
