/**
 * The browser build's bundles (scripts/esbuild-options.mjs, BROWSER_BUILDS) carry nothing of Node: a web worker has no
 * `fs`, `child_process` or `path`, and a bundle that requires one fails the moment it loads in vscode.dev. Built here
 * with their own options and a metafile: the only module left outside them is `vscode` (the editor's API), and none
 * of the Node-only sources (the Node host, the launcher and its code cache, the CLI, the spreadsheet commands) is in.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = resolve(__dirname, '../..');
const NODE_ONLY_SOURCES = [
  'server/src/host/node.ts',
  'server/src/host/node-read.ts',
  'server/src/files/uri.ts',
  'server/src/launcher.ts',
  'server/src/server.ts',
  'client/src/language-client.ts',
  'client/src/commands/export-records.ts',
];
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

describe('the browser bundles', async () => {
  const { BROWSER_BUILDS, BROWSER_BUNDLE_OPTIONS } = await import('../../scripts/esbuild-options.mjs');
  for (const build of BROWSER_BUILDS as { outfile: string; external?: string[] }[]) {
    it(`${build.outfile} imports no Node module and none of the Node-only sources`, async () => {
      const result = await esbuild.build({ ...BROWSER_BUNDLE_OPTIONS, ...build, absWorkingDir: ROOT, write: false, metafile: true, sourcemap: false });
      const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined)!;
      const external = output.imports.filter((i) => i.external).map((i) => i.path);
      assert.deepEqual(external.filter((path) => path !== 'vscode'), [], 'modules left to be required at run time');
      assert.ok(!external.some((path) => builtins.has(path)));
      const inputs = Object.keys(result.metafile.inputs);
      assert.deepEqual(inputs.filter((input) => NODE_ONLY_SOURCES.includes(input)), []);
      assert.deepEqual(inputs.filter((input) => /node_modules\/vscode-language(server|client)\/lib\/node\//.test(input)), []);
      // The server is in both: the extension runs it in its own worker when it may not start another.
      assert.ok(inputs.includes('server/src/serve.ts'));
      assert.ok(inputs.includes('server/src/files/uri.browser.ts'));
    });
  }

  it('the extension bundle keeps the server\'s message catalogue apart from the client\'s (two copies of @vscode/l10n)', async () => {
    const build = (BROWSER_BUILDS as { outfile: string }[]).find((b) => b.outfile === 'dist/browser/extension.js')!;
    const result = await esbuild.build({ ...BROWSER_BUNDLE_OPTIONS, ...build, absWorkingDir: ROOT, write: false, metafile: true, sourcemap: false });
    // @vscode/l10n holds one catalogue per copy: with one copy, the client's and the server's would replace each other.
    const copies = Object.keys(result.metafile.inputs).filter((input) => /node_modules\/@vscode\/l10n\/dist\/browser\.js/.test(input));
    assert.equal(copies.length, 2, `copies of @vscode/l10n: ${JSON.stringify(copies)}`);
  });
});
