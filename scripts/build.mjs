// Bundles the client, the server and the CLI with esbuild: minified, with source maps. `--watch` rebuilds on change.
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { BROWSER_BUILDS, BROWSER_BUNDLE_OPTIONS, BUNDLE_OPTIONS } from './esbuild-options.mjs';

const watch = process.argv.includes('--watch');
// Parts of the server that its first check does not need. They are bundled into files of their own under dist/lazy/
// and required on first use (see the `require` calls in server/src), so the server starts without parsing them.
const LAZY_MODULES = {
  re2js: 're2js', // team schemas' patterns
  tinyglobby: 'tinyglobby', // glob arguments of the CLI
  './validate-format.generated': './server/src/core/schema/validate-format.generated.js', // team schema shape check
  './gazetteer.json': './server/src/core/gazetteer.json', // place names: only confidential records are searched for them
  './spreadsheet-files': './server/src/cli/spreadsheet-files.ts', // CSV and XLSX, for fragment-lint export and import
};
const lazyName = (specifier) => specifier.replace(/^\.\//, '').replace(/\.generated$|\.json$/, '');
const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(LAZY_MODULES).map((s) => s.replace(/[.\/]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => {
      if (args.kind !== 'require-call') throw new Error(`${args.path} is loaded lazily: use require() at the point of use, not import (${args.importer})`);
      return { path: `./lazy/${lazyName(args.path)}.js`, external: true };
    });
  },
};
const lazyBuilds = Object.entries(LAZY_MODULES).map(([specifier, entry]) => ({
  stdin: { contents: `module.exports = require(${JSON.stringify(entry)});`, resolveDir: process.cwd(), loader: 'js' },
  outfile: `dist/lazy/${lazyName(specifier)}.js`,
}));

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  // The language client on its own, loaded by dist/client.js only when the server is first needed (client/src/server-starter.ts).
  { entryPoints: ['client/src/language-client.ts'], outfile: 'dist/language-client.js', external: ['vscode'] },
  // env -S passes the server's Node flags (server/src/node-flags.ts) when it runs as the fragment-language-server bin.
  // dist/server.js starts dist/server-main.js through V8's code cache (server/src/launcher.ts).
  { entryPoints: ['server/src/launcher.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env -S node --max-semi-space-size=4' } },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server-main.js', plugins: [lazyModules] },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', plugins: [lazyModules], banner: { js: '#!/usr/bin/env node' } },
  ...lazyBuilds,
  // The records table's webview: a browser script and its style, the only files the webview may load (dist/webview).
  { entryPoints: ['client/src/records-table/webview/main.ts'], outfile: 'dist/webview/records-table.js', platform: 'browser', format: 'iife', target: 'es2022' },
  { entryPoints: ['client/src/records-table/webview/records-table.css'], outfile: 'dist/webview/records-table.css', sourcemap: false },
  // The browser build (package.json's `browser`): dist/browser/extension.js and dist/browser/server.js.
  ...BROWSER_BUILDS.map((build) => ({ ...BROWSER_BUNDLE_OPTIONS, ...build })),
];

if (watch) {
  for (const build of builds) await (await esbuild.context({ ...BUNDLE_OPTIONS, ...build })).watch();
  console.log('watching client/src and server/src…');
} else {
  await Promise.all(builds.map((build) => esbuild.build({ ...BUNDLE_OPTIONS, ...build })));
  // The bins run by their shebang, as npm's bin links do.
  for (const bin of ['dist/server.js', 'dist/cli.js']) chmodSync(bin, 0o755);
  fillCliPackage();
}

/**
 * packages/fragment-lint is the npm package of the CLI and the language server (`npm pack packages/fragment-lint`):
 * the same bundles as the extension's, and the rule pages beside them, where the diagnostics' links look for them.
 * Its version must be the extension's: `fragment-lint --version` prints the root package.json's.
 */
function fillCliPackage() {
  const target = 'packages/fragment-lint';
  const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
  const cliPackage = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
  if (cliPackage.version !== version) {
    throw new Error(`${target}/package.json has version ${cliPackage.version} and package.json has ${version}: give both the same version.`);
  }
  for (const folder of ['dist', 'docs']) rmSync(join(target, folder), { recursive: true, force: true });
  const copy = (from, to = from) => {
    mkdirSync(join(target, to, '..'), { recursive: true });
    copyFileSync(from, join(target, to));
  };
  for (const bundle of ['cli.js', 'server.js', 'server-main.js']) copy(join('dist', bundle));
  for (const lazy of readdirSync('dist/lazy').filter((f) => f.endsWith('.js'))) copy(join('dist/lazy', lazy));
  // The rule pages, and their translations in docs/rules/<language>/ (the links follow the person's language).
  for (const entry of readdirSync('docs/rules', { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.md')) copy(join('docs/rules', entry.name));
    if (entry.isDirectory()) {
      for (const page of readdirSync(join('docs/rules', entry.name)).filter((f) => f.endsWith('.md'))) copy(join('docs/rules', entry.name, page));
    }
  }
  copy('LICENSE');
  for (const bin of Object.values(cliPackage.bin)) chmodSync(join(target, bin), 0o755);
}
