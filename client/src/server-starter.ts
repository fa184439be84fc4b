/**
 * Starts the language server on first need instead of at activation. The extension activates for every plain-text
 * and Markdown file (to detect fragments by their first line), and most of those are not fragments: loading the
 * language client (dist/language-client.js, ~450 KB) and starting a Node server process for them would be wasted.
 * One start however many triggers arrive at once: the start is a single shared promise.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type * as LanguageClientModule from './language-client';

export type LanguageClientLibrary = typeof LanguageClientModule;
export interface StartedServer {
  client: LanguageClient;
  library: LanguageClientLibrary;
}
/** Wires a feature to a newly created client before it starts, so it sees the client's first state change. */
export type ClientHook = (client: LanguageClient) => vscode.Disposable[];

export class ServerStarter {
  private starting: Promise<StartedServer> | undefined;
  private client: LanguageClient | undefined;
  private readonly hooks: ClientHook[] = [];
  private hooked: vscode.Disposable[] = [];
  /** Why the last start failed; automatic starts are not retried after a failure, commands are. */
  private failure: unknown;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    private readonly load: () => LanguageClientLibrary,
  ) {}

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
    this.starting ??= this.create(reason).catch((error: unknown) => {
      this.starting = undefined;
      this.failure = error;
      throw error;
    });
    return this.starting;
  }

  /** A start nobody waits for (a document opened): a failure is logged and shown once, and not retried. */
  startInBackground(reason: string): void {
    if (this.starting || this.failure !== undefined) return;
    this.start(reason).catch((error: unknown) => {
      void vscode.window.showErrorMessage(
        `The Fragments language server could not be started, so fragment files are not checked: ${describe(error)}. ` +
          'The Fragments output channel shows more. Run "Fragments: Restart Server" to try again.',
      );
    });
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
      library = this.load();
    } catch (error) {
      this.output.error(`The language client could not be loaded: ${describe(error)}`);
      throw error;
    }
    const loaded = performance.now();
    const client = library.createLanguageClient(this.context, this.output);
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

/**
 * The running server for a command, started if need be; undefined (and the user told why) when it cannot start.
 * `command` is the command's title as the user saw it.
 */
export async function serverFor(starter: ServerStarter, command: string): Promise<StartedServer | undefined> {
  try {
    return await starter.start(`"${command}" was run`);
  } catch (error) {
    void vscode.window.showErrorMessage(
      `"${command}" needs the Fragments language server, which could not be started: ${describe(error)}. ` +
        'The Fragments output channel shows more. Run "Fragments: Restart Server" to try again.',
    );
    return undefined;
  }
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
}

function ms(duration: number): string {
  return `${Math.round(duration)} ms`;
}
