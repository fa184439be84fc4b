// The esbuild options every bundle in dist/ is built with (scripts/build.mjs). The bench's core bundle uses them
// too, so that it measures code built as it ships.
export const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  // Prefer ES module builds: jsonc-parser's UMD build loads its parts with require() calls esbuild cannot follow.
  mainFields: ['module', 'main'],
};

/**
 * The browser build (package.json's `browser`): a web extension and a server that run in a web worker, where there is
 * no Node. Three modules are swapped for browser ones, as webpack's `resolve.fallback` does in the browser builds of
 * other language servers (vscode-yaml, markdownlint):
 * - `node:path` for a `/`-only one (server/src/files/posix-path.ts): the browser's paths are made from URIs;
 * - server/src/files/uri.ts for uri.browser.ts: any URI scheme is a path the server can read, through the client;
 * - `vscode-languageserver/node` for `/browser`: the handlers use only what both export.
 * test/unit/browser-bundle.test.ts checks that nothing of Node is left in the bundles.
 */
const BROWSER_SUBSTITUTES = [
  { filter: /^(node:)?path$/, path: 'server/src/files/posix-path.ts' },
  { filter: /\/files\/uri$|^\.\/uri$|^\.\.\/files\/uri$/, path: 'server/src/files/uri.browser.ts' },
];
export const browserSubstitutes = {
  name: 'browser-substitutes',
  setup(build) {
    for (const { filter, path } of BROWSER_SUBSTITUTES) build.onResolve({ filter }, () => ({ path: `${process.cwd()}/${path}` }));
    build.onResolve({ filter: /^vscode-languageserver\/node$/ }, (args) => build.resolve('vscode-languageserver/browser', { kind: args.kind, resolveDir: args.resolveDir }));
    // The extension's bundle holds the client and (for the same-worker fallback) the server, and @vscode/l10n keeps
    // one catalogue per copy: the server's sources get a copy of their own (a suffix makes it another module), or
    // the client's catalogue and the server's would replace each other and one side would fall back to English.
    build.onResolve({ filter: /^@vscode\/l10n$/ }, async (args) => {
      if (args.pluginData?.l10nResolved || !/[\\/]server[\\/]src[\\/]/.test(args.importer)) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: { l10nResolved: true } });
      return resolved.errors.length ? { errors: resolved.errors } : { path: resolved.path, namespace: resolved.namespace, suffix: '?server' };
    });
  },
};

export const BROWSER_BUNDLE_OPTIONS = {
  ...BUNDLE_OPTIONS,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  plugins: [browserSubstitutes],
};

/** The browser build's two bundles: the extension (with the language client and, for the same-worker fallback, the server) and the server for a Worker of its own. */
export const BROWSER_BUILDS = [
  { entryPoints: ['client/src/browser/extension.ts'], outfile: 'dist/browser/extension.js', format: 'cjs', external: ['vscode'] },
  { entryPoints: ['server/src/browser/worker.ts'], outfile: 'dist/browser/server.js', format: 'iife' },
];
