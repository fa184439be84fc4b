// Starts a real VS Code (code-server, provisioned by scripts/e2e/provision.sh) on a free
// loopback port with a fresh user-data and extensions folder, and installs a .vsix into it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '../../..');
export const codeServerVersion = '4.100.3';

export function codeServerBin(): string {
  const cache = process.env.FRAGMENT_E2E_CACHE ?? join(repoRoot, '.vscode-test');
  const bin = join(cache, `code-server-${codeServerVersion}`, 'node_modules', '.bin', 'code-server');
  if (!existsSync(bin)) {
    throw new Error(`code-server is not provisioned (${bin} missing): run bash scripts/e2e/provision.sh (npm run test:e2e does)`);
  }
  return bin;
}

/**
 * The user settings the suite runs with: nothing that saves, pops up or phones home. Workspace trust stays on, as it
 * is for every user: each session answers the trust prompt as a person does (session.ts).
 */
export const userSettings = {
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.colorTheme': 'Default Dark Modern',
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'editor.minimap.enabled': false,
  'editor.hover.delay': 200,
  'editor.lightbulb.enabled': 'on',
  'editor.fontSize': 14,
  'files.hotExit': 'off',
};

export interface CodeServerDirs {
  userDataDir: string;
  extensionsDir: string;
  configFile: string;
  logFile: string;
}

/** Prepares the folders; `settings` are added to (or override) the suite's user settings, e.g. a colour theme. */
export function prepareDirs(base: string, settings: Record<string, unknown> = {}): CodeServerDirs {
  const dirs: CodeServerDirs = {
    userDataDir: join(base, 'user-data'),
    extensionsDir: join(base, 'extensions'),
    configFile: join(base, 'config.yaml'),
    logFile: join(base, 'code-server.log'),
  };
  mkdirSync(join(dirs.userDataDir, 'User'), { recursive: true });
  mkdirSync(dirs.extensionsDir, { recursive: true });
  writeFileSync(userSettingsFile(dirs), JSON.stringify({ ...userSettings, ...settings }, null, 2));
  writeFileSync(dirs.configFile, 'auth: none\ncert: false\n');
  return dirs;
}

/** The user settings file: VS Code applies a change to it at once, as when a person edits it. */
export function userSettingsFile(dirs: CodeServerDirs): string {
  return join(dirs.userDataDir, 'User', 'settings.json');
}

function env(base: string): NodeJS.ProcessEnv {
  // XDG folders point into the temp folder so nothing lands in the real home.
  return {
    ...process.env,
    XDG_DATA_HOME: join(base, 'xdg-data'),
    XDG_CONFIG_HOME: join(base, 'xdg-config'),
    XDG_CACHE_HOME: join(base, 'xdg-cache'),
  };
}

const commonArgs = (dirs: CodeServerDirs) => [
  '--config', dirs.configFile,
  '--user-data-dir', dirs.userDataDir,
  '--extensions-dir', dirs.extensionsDir,
];

/** `code-server --install-extension file.vsix`, as a person installs a downloaded package. */
export function installVsix(base: string, dirs: CodeServerDirs, vsix: string): string {
  const run = spawnSync(codeServerBin(), [...commonArgs(dirs), '--install-extension', vsix], {
    encoding: 'utf8',
    env: env(base),
    timeout: 120_000,
  });
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (${run.status}):\n${output}`);
  return output;
}

export function listExtensions(base: string, dirs: CodeServerDirs): string[] {
  const run = spawnSync(codeServerBin(), [...commonArgs(dirs), '--list-extensions', '--show-versions'], {
    encoding: 'utf8',
    env: env(base),
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`code-server --list-extensions failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout.split('\n').map((l) => l.trim()).filter((l) => /^[\w-]+\.[\w-]+@/.test(l));
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface RunningCodeServer {
  url: string;
  port: number;
  logFile: string;
  log(): string;
  stop(): Promise<void>;
}

export async function startCodeServer(base: string, dirs: CodeServerDirs): Promise<RunningCodeServer> {
  const port = await freePort();
  const out = createWriteStream(dirs.logFile);
  const child: ChildProcess = spawn(
    codeServerBin(),
    [
      ...commonArgs(dirs),
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-getting-started-override',
      '--disable-proxy',
      '--ignore-last-opened',
      '--log', 'info',
    ],
    { env: env(base), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    exited = `code-server exited (code ${code}, signal ${signal})`;
  });
  const url = `http://127.0.0.1:${port}`;
  const log = () => (existsSync(dirs.logFile) ? readFileSync(dirs.logFile, 'utf8') : '');
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`${exited} before it was ready:\n${log()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer on ${url}/healthz within 60 s:\n${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    logFile: dirs.logFile,
    log,
    async stop() {
      if (exited || child.pid === undefined) return;
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      try {
        process.kill(-child.pid, 'SIGTERM'); // its process group: the server and its extension hosts
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5_000);
      await gone;
      clearTimeout(timer);
      out.end();
    },
  };
}
