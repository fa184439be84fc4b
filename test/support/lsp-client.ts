/**
 * Test harness: starts the built server (dist/server.js) as a child process and speaks real JSON-RPC to it over
 * stdio, the way Neovim or any other LSP client does.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, Diagnostic, InitializeResult, PublishDiagnosticsParams, Registration } from 'vscode-languageserver-protocol';

import { SERVER_NODE_FLAGS } from '../../server/src/node-flags';

export const SERVER_BUNDLE = resolve(__dirname, '../../dist/server.js');

export interface TestClient {
  connection: MessageConnection;
  process: ChildProcessWithoutNullStreams;
  initializeResult: InitializeResult;
  /** Everything the server logged (window/logMessage), for assertions and failure output. */
  logs: string[];
  /** Every capability the server registered (client/registerCapability), in order. */
  registrations: Registration[];
  open(uri: string, text: string, languageId?: string): void;
  change(uri: string, version: number, changes: { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[]): void;
  close(uri: string): void;
  /** Resolves with the next diagnostics published for `uri` (optionally: for at least `version`). */
  nextDiagnostics(uri: string, version?: number, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** Sees every publishDiagnostics notification (the harness owns the one notification handler). */
  onDiagnostics(observer: (p: PublishDiagnosticsParams) => void): void;
  request<R>(method: string, params: unknown): Promise<R>;
  /** Resolves once the server's next workspace/configuration request has been answered. */
  nextSettingsAnswer(): Promise<void>;
  shutdown(): Promise<void>;
}

export interface StartOptions {
  /** Sent as initializationOptions.settings; validationDelay 0 keeps tests quick. */
  settings?: Record<string, unknown>;
  rootUri?: string | null;
  /** workspace/configuration answers, by section; when given, the client claims configuration support. */
  configuration?: Record<string, unknown>;
  /** workspace/configuration answers for one scope (a workspace folder's URI), by section; else `configuration`'s. */
  scopedConfiguration?: Record<string, Record<string, unknown>>;
  /** Sent as the initialize request's workspaceFolders (multi-root). */
  workspaceFolders?: { uri: string; name: string }[];
  args?: string[];
  /** Node arguments that start another language server instead of ours (the bench's side-by-side comparison). */
  serverArgs?: string[];
  /** Added to the server's environment (e.g. FRAGMENT_SERVER_CACHE). */
  env?: Record<string, string>;
  /** Client capabilities claimed on top of the default ones (a part named here replaces the default part). */
  capabilities?: ClientCapabilities;
  /** Another build of the server to start (the bench compares with an earlier build); dist/server.js by default. */
  bundle?: string;
  /** A program to start as the server, with `args`, instead of Node (an installed `fragment-language-server` bin). */
  executable?: string;
  /** initialize's `locale`: the client's display language, as VS Code sends it (`fr`, `ar`, `pt-br`). */
  locale?: string;
}

export async function startServer(options: StartOptions = {}): Promise<TestClient> {
  // Started the way the VS Code client starts it: same Node flags.
  const [program, programArgs] = options.executable
    ? [options.executable, options.args ?? ['--stdio']]
    : [process.execPath, options.serverArgs ?? [...SERVER_NODE_FLAGS, options.bundle ?? SERVER_BUNDLE, ...(options.args ?? ['--stdio'])]];
  const child = spawn(program, programArgs, { stdio: 'pipe', env: { ...process.env, ...options.env } });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const logs: string[] = [];
  const registrations: Registration[] = [];
  const waiting: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  child.stderr.on('data', (chunk: Buffer) => logs.push(`[stderr] ${chunk.toString()}`));
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  const observers: ((p: PublishDiagnosticsParams) => void)[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    for (const observe of observers) observe(p);
    for (let i = 0; i < waiting.length; i++) {
      const w = waiting[i];
      if (w.uri === p.uri && (w.version === undefined || (p.version ?? -1) >= w.version)) {
        waiting.splice(i, 1);
        w.resolve(p);
        return;
      }
    }
  });
  let settingsAnswered: (() => void)[] = [];
  connection.onRequest('workspace/configuration', (p: { items: { section?: string; scopeUri?: string }[] }) => {
    const answers = p.items.map((item) => {
      if (!item.section) return null;
      const scoped = item.scopeUri ? options.scopedConfiguration?.[item.scopeUri]?.[item.section] : undefined;
      return scoped ?? options.configuration?.[item.section] ?? null;
    });
    const answered = settingsAnswered;
    settingsAnswered = [];
    setImmediate(() => answered.forEach((done) => done())); // after the answer is written
    return answers;
  });
  connection.onRequest('client/registerCapability', (p: { registrations: Registration[] }) => {
    registrations.push(...p.registrations);
    return null;
  });
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();

  // A server that dies before answering fails the test at once, instead of leaving the answer pending forever.
  const died = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) => reject(new Error(`the server exited (code ${code}, signal ${signal}) before answering initialize; its log:\n${logs.join('\n').slice(0, 2000)}`))),
  );
  died.catch(() => undefined);
  const initialize = connection.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: options.rootUri ?? null,
    ...(options.workspaceFolders ? { workspaceFolders: options.workspaceFolders } : {}),
    capabilities: {
      workspace: { configuration: options.configuration !== undefined },
      textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true } },
      ...options.capabilities,
    },
    initializationOptions: { settings: { validationDelay: 0, ...(options.settings ?? {}) } },
    ...(options.locale === undefined ? {} : { locale: options.locale }),
  });
  const initializeResult = await Promise.race([initialize, died]);
  await connection.sendNotification('initialized', {});

  return {
    connection,
    process: child,
    initializeResult,
    logs,
    registrations,
    open(uri, text, languageId = 'fragment') {
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    },
    change(uri, version, contentChanges) {
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    },
    close(uri) {
      void connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    nextDiagnostics(uri, version, timeoutMs = 10_000) {
      return new Promise((resolvePromise, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; server log:\n${logs.join('\n')}`)), timeoutMs);
        waiting.push({
          uri,
          version,
          resolve: (p) => {
            clearTimeout(timer);
            resolvePromise(p);
          },
        });
      });
    },
    onDiagnostics(observer) {
      observers.push(observer);
    },
    request<R>(method: string, params: unknown) {
      return connection.sendRequest<R>(method, params);
    },
    nextSettingsAnswer() {
      return new Promise<void>((done) => settingsAnswered.push(done));
    },
    async shutdown() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // already gone
      }
      connection.dispose();
      if (child.exitCode === null) {
        await new Promise<void>((done) => {
          const timer = setTimeout(() => {
            child.kill();
            done();
          }, 2000);
          child.once('exit', () => {
            clearTimeout(timer);
            done();
          });
        });
      }
    },
  };
}

/** Diagnostic codes, for compact assertions. */
export function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

/**
 * The first diagnostics published for `uri` that `wanted` accepts (a later publish may be the one: the server
 * publishes again as the workspace index, schemas or the review file change); rejects after `timeoutMs`.
 */
export function diagnosticsWhere(client: TestClient, uri: string, wanted: (d: Diagnostic[]) => boolean, timeoutMs = 10_000): Promise<Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let done = false;
    let last: Diagnostic[] | undefined;
    const timer = setTimeout(() => {
      done = true;
      reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(last)}`));
    }, timeoutMs);
    client.onDiagnostics((p: PublishDiagnosticsParams) => {
      if (done || p.uri !== uri) return;
      last = p.diagnostics;
      if (wanted(p.diagnostics)) {
        done = true;
        clearTimeout(timer);
        resolve(p.diagnostics);
      }
    });
  });
}
