// Types of scripts/language-client-plugins.mjs, for the tests that import it.
import type { Plugin } from 'esbuild';

export const LANGUAGE_CLIENT_STAND_INS: Record<string, { file: string; export?: string }>;
export const STOOD_IN_PACKAGES: string[];
export const standIns: Plugin;
export const sharedTypeScriptHelpers: Plugin;
export function findHelpers(text: string): { name: string; start: number; end: number }[] | undefined;
