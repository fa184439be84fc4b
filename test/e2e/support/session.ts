// One e2e session: the packaged extension installed into a fresh code-server, a headless chromium on a workspace
// folder, and the workbench driver. Suites that need their own workspace start one in `before` and stop it in `after`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { installVsix, prepareDirs, repoRoot, startCodeServer, type RunningCodeServer } from './code-server';
import { SEL, Workbench } from './workbench';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
export const vsixPath = process.env.FRAGMENT_E2E_VSIX ?? join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Session {
  page: Page;
  wb: Workbench;
  stop(): Promise<void>;
}

/** Starts code-server with the .vsix under `base` and opens `workspace` (both folders the caller owns). */
export async function startSession(base: string, workspace: string): Promise<Session> {
  assert.ok(existsSync(vsixPath), `${vsixPath} missing: run npm run package (npm run test:e2e does)`);
  const dirs = prepareDirs(join(base, 'code-server'));
  installVsix(join(base, 'code-server'), dirs, vsixPath);
  let server: RunningCodeServer | undefined;
  let context: BrowserContext | undefined;
  const stop = async () => {
    await context?.close().catch(() => undefined);
    await server?.stop();
    rmSync(base, { recursive: true, force: true });
  };
  try {
    server = await startCodeServer(join(base, 'code-server'), dirs);
    context = await chromium.launchPersistentContext(join(base, 'chromium-profile'), {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context.setDefaultTimeout(20_000);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator(SEL.workbench).waitFor({ timeout: 60_000 });
    return { page, wb: new Workbench(page), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
