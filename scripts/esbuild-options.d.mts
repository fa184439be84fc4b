// Types of scripts/esbuild-options.mjs, for the TypeScript that imports it.
import type { BuildOptions } from 'esbuild';

export const BUNDLE_OPTIONS: BuildOptions;
export const BROWSER_BUNDLE_OPTIONS: BuildOptions;
export const BROWSER_BUILDS: BuildOptions[];
