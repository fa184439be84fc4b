// Bundles the client, the server and the CLI with esbuild: minified, with source maps. `--watch` rebuilds on change.
import { chmodSync } from 'node:fs';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
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
const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  // env -S passes the server's Node flags (server/src/node-flags.ts) when it runs as the fragment-language-server bin.
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env -S node --max-semi-space-size=4' } },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const build of builds) await (await esbuild.context({ ...common, ...build })).watch();
  console.log('watching client/src and server/src…');
} else {
  await Promise.all(builds.map((build) => esbuild.build({ ...common, ...build })));
  // The bins run by their shebang, as npm's bin links do.
  for (const bin of ['dist/server.js', 'dist/cli.js']) chmodSync(bin, 0o755);
}
