/**
 * Starts the language server on first need instead of at activation. The extension activates for every plain-text
 * and Markdown file (to detect fragments by their first line), and most of those are not fragments: loading the
 * language client (dist/language-client.js, ~440 KB) and starting a Node server process for them would be wasted.
 * The browser build starts its server (in a worker) on first need the same way.
 * One start however many triggers arrive at once: the start is a single shared promise.
 */
import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient, WorkDoneProgress } from 'vscode-languageclient';

/** What each build's language client module gives (language-client.ts; browser/language-client.ts). */
export interface LanguageClientLibrary {
  createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient;
  restartByHand(client: LanguageClient): Promise<void>;
  WorkDoneProgress: typeof WorkDoneProgress;
}
export interface StartedServer {
  client: LanguageClient;
  library: LanguageClientLibrary;
}
/** Wires a feature to a newly created client before it starts, so it sees the client's first state change. */
export type ClientHook = (client: LanguageClient) => vscode.Disposable[];

export interface StarterOptions {
  context: vscode.ExtensionContext;
  output: vscode.LogOutputChannel;
  /** Loads dist/language-client.js. */
  load: () => LanguageClientLibrary;
  /** Shows an error to the user (vscode.window.showErrorMessage; passed in so this file runs in unit tests). */
  report: (message: string) => void;
}

export class ServerStarter {
  private starting: Promise<StartedServer> | undefined;
  private client: LanguageClient | undefined;
  private readonly hooks: ClientHook[] = [];
  private hooked: vscode.Disposable[] = [];
  /** Why the last start failed; automatic starts are not retried after a failure, commands are. */
  private failure: unknown;

  constructor(private readonly options: StarterOptions) {}

  private get output(): vscode.LogOutputChannel {
    return this.options.output;
  }

  /** The client while the server runs; undefined before the first start, while starting and while restarting. */
  get running(): LanguageClient | undefined {
    return this.client?.isRunning() ? this.client : undefined;
  }

  /** Whether a start was asked for (it may still be under way). */
  get requested(): boolean {
    return this.starting !== undefined;
  }

  onClientCreated(hook: ClientHook): void {
    this.hooks.push(hook);
    if (this.client) this.hooked.push(...hook(this.client));
  }

  /** Starts the server, or returns the start already under way or done. `reason` goes to the output channel. */
  start(reason: string): Promise<StartedServer> {
    if (this.starting) return this.starting;
    const starting = this.create(reason).catch((error: unknown) => {
      if (this.starting === starting) this.starting = undefined; // the next start tries again
      this.failure = error;
      throw error;
    });
    this.starting = starting;
    return starting;
  }

  /** A start nobody waits for (a document opened): a failure is logged and shown once, and not retried. */
  startInBackground(reason: string): void {
    if (this.starting || this.failure !== undefined) return;
    this.start(reason).catch((error: unknown) => {
      this.options.report(
        `${l10n.t('The Fragments language server could not be started, so fragment files are not checked: {0}.', describe(error))} ${tryAgain()}`,
      );
    });
  }

  /**
   * The running server for a command, started if need be; undefined (and the user told why) when it cannot start.
   * `command` is the command's title as the user sees it.
   */
  async forCommand(command: string): Promise<StartedServer | undefined> {
    try {
      return await this.start(`"${command}" was run`);
    } catch (error) {
      this.options.report(`${l10n.t('"{0}" needs the Fragments language server, which could not be started: {1}.', command, describe(error))} ${tryAgain()}`);
      return undefined;
    }
  }

  /**
   * "Fragments: Restart Server": restarts the running server, counting its stops afresh (the client gives up after
   * five in three minutes), or starts it if it was not started yet. Undefined when it cannot start (the user is told).
   */
  async restart(command: string): Promise<'restarted' | 'started' | undefined> {
    const wasStarted = this.requested;
    const started = await this.forCommand(command);
    if (!started) return undefined;
    if (!wasStarted) return 'started';
    await started.library.restartByHand(started.client);
    return 'restarted';
  }

  async stop(): Promise<void> {
    const starting = this.starting;
    this.starting = undefined;
    const started = await starting?.catch(() => undefined);
    this.unhook();
    this.client = undefined;
    await started?.client.stop();
  }

  private async create(reason: string): Promise<StartedServer> {
    const began = performance.now();
    this.output.info(`Starting the language server: ${reason}.`);
    let library: LanguageClientLibrary;
    try {
      library = this.options.load();
    } catch (error) {
      this.output.error(`The language client could not be loaded: ${describe(error)}`);
      throw error;
    }
    const loaded = performance.now();
    const client = library.createLanguageClient(this.options.context, this.output);
    this.client = client;
    this.hooked = this.hooks.flatMap((hook) => hook(client));
    try {
      await client.start();
    } catch (error) {
      this.unhook();
      this.client = undefined;
      await client.dispose().catch(() => undefined);
      throw error;
    }
    this.failure = undefined;
    this.output.info(
      `Language server running: language client loaded in ${ms(loaded - began)}, server started in ${ms(performance.now() - loaded)}.`,
    );
    return { client, library };
  }

  private unhook(): void {
    for (const disposable of this.hooked) disposable.dispose();
    this.hooked = [];
  }
}

function tryAgain(): string {
  return l10n.t('The Fragments output channel shows more. Run "{0}" to try again.', restartCommandTitle());
}

/** "Fragments: Restart Server" as the Command Palette shows it (the category is the extension's name, not translated). */
export function restartCommandTitle(): string {
  return `Fragments: ${l10n.t('Restart Server')}`;
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
}

function ms(duration: number): string {
  return `${Math.round(duration)} ms`;
}
