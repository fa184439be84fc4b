// Opens the browser build in VS Code for the Web (@vscode/test-web), the standard way to try a web extension, on the
// e2e fixture workspace: for a person to walk it by hand on a machine that can download. @vscode/test-web is not a
// dependency of this project: its install downloads Chromium and each run downloads VS Code, which machines without
// internet access (such as the one this project is built on) cannot do. There, the browser build is tested in
// code-server's web worker extension host instead (test/e2e/browser.test.ts), and this script says so and fails.
//
//   npm run build && npm run test-web [-- <folder>]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const TEST_WEB = '@vscode/test-web@0.0.81';
const root = resolve(import.meta.dirname, '..');
const folder = resolve(process.argv[2] ?? resolve(root, 'test/e2e/fixtures/workspace'));

if (!existsSync(resolve(root, 'dist/browser/extension.js'))) {
  console.error('test-web: dist/browser/extension.js is missing: run `npm run build` first.');
  process.exit(1);
}

const args = ['--yes', TEST_WEB, '--browserType=chromium', `--extensionDevelopmentPath=${root}`, folder];
console.error(`test-web: npx ${args.join(' ')}`);
const child = spawn('npx', args, { stdio: ['inherit', 'pipe', 'pipe'] });
let errors = ''; // test-web reports a failed download on either stream
child.stdout.on('data', (chunk) => {
  errors += chunk;
  process.stdout.write(chunk);
});
child.stderr.on('data', (chunk) => {
  errors += chunk;
  process.stderr.write(chunk);
});
child.on('exit', (code) => {
  if (code === 0) return;
  const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|Failed to download|network/i.test(errors);
  console.error(
    offline
      ? '\ntest-web FAILED: @vscode/test-web downloads VS Code for the Web (and its Chromium) from the internet, which this machine cannot reach.\n' +
          'The browser build is tested here in code-server instead: flock /tmp/e2e.lock bash -c \'npm run package && node --import tsx --test test/e2e/browser.test.ts\''
      : `\ntest-web FAILED (exit code ${code}); the output above says why.`,
  );
  process.exit(code || 1);
});
