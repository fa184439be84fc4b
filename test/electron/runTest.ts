// Desktop VS Code runner (@vscode/test-electron): downloads VS Code, starts it with this
// folder as the extension under development, and runs test/electron/suite inside its
// extension host. Works wherever VS Code can be downloaded; where it cannot (as on the
// project's own machines, which reach only the npm and Debian registries) it says so and
// fails: it never passes without having run. Not part of `npm test`.
//
// npm run test:electron            (VSCODE_VERSION=1.91.0 npm run test:electron to pin one)
import { build } from 'esbuild';
import { cpSync, mkdtempSync, readdirSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const repoRoot = resolve(__dirname, '../..');

async function main(): Promise<number> {
  const version = process.env.VSCODE_VERSION ?? 'stable';
  let vscodeExecutablePath: string;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version, timeout: 60_000 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(
      `could not download VS Code: ${reason.split('\n')[0]} ; the code-server e2e suite (npm run test:e2e) is the one that runs here`,
    );
    return 1;
  }

  // The suite runs inside VS Code's extension host, which loads plain JavaScript.
  const outDir = join(repoRoot, 'out', 'electron-suite');
  await build({
    entryPoints: [join(__dirname, 'suite', 'index.ts')],
    outfile: join(outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: true,
    logLevel: 'warning',
  });

  const workspace = mkdtempSync(join(tmpdir(), 'fragment-electron-'));
  cpSync(join(repoRoot, 'test', 'e2e', 'fixtures', 'workspace'), workspace, { recursive: true });
  const seeds = join(repoRoot, 'test', 'fixtures', 'seeds');
  if (existsSync(seeds)) for (const f of readdirSync(seeds)) copyFileSync(join(seeds, f), join(workspace, f));

  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(outDir, 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: { FRAGMENT_TEST_WORKSPACE: workspace },
    });
    return 0;
  } catch (error) {
    console.error(`the in-editor suite failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
