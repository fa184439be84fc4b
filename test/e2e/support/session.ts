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

/**
 * How the person answers VS Code's prompt "Do you trust the authors of the files in this folder?", shown when a
 * folder is opened for the first time: most suites trust their own fixtures; the Restricted Mode suite does not.
 */
export type TrustAnswer = 'trust' | 'restricted';

const TRUST_BUTTONS: Record<TrustAnswer, string> = {
  trust: 'Yes, I trust the authors',
  restricted: "No, I don't trust the authors",
};

/** Waits for the workspace trust prompt and clicks the person's answer, then waits for the window to say so. */
export async function answerTrustPrompt(page: Page, answer: TrustAnswer): Promise<void> {
  const dialog = page.locator('.monaco-dialog-box', { hasText: 'Do you trust the authors' });
  await dialog.waitFor({ timeout: 60_000 });
  await dialog.getByRole('button', { name: TRUST_BUTTONS[answer], exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  // The status bar shows "Restricted Mode" exactly when the workspace is not trusted.
  const restricted = page.locator('.statusbar-item', { hasText: 'Restricted Mode' });
  if (answer === 'restricted') await restricted.first().waitFor();
  else await restricted.first().waitFor({ state: 'hidden' });
}

export interface Session {
  page: Page;
  wb: Workbench;
  stop(): Promise<void>;
}

/**
 * Starts code-server with the .vsix under `base` and opens `workspace` (both folders the caller owns), answering the
 * workspace trust prompt with `trust`; `settings` go into the user settings. `vsix`: another package to install (the
 * browser suite's web-only variant).
 */
export async function startSession(base: string, workspace: string, trust: TrustAnswer = 'trust', settings: Record<string, unknown> = {}, vsix = vsixPath): Promise<Session> {
  assert.ok(existsSync(vsix), `${vsix} missing: run npm run package (npm run test:e2e does)`);
  const dirs = prepareDirs(join(base, 'code-server'), settings);
  installVsix(join(base, 'code-server'), dirs, vsix);
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
    // A busy machine can take longer than the default 20 s for the first load of the workbench.
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`, { timeout: 60_000 });
    await page.locator(SEL.workbench).waitFor({ timeout: 60_000 });
    await answerTrustPrompt(page, trust);
    return { page, wb: new Workbench(page), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
