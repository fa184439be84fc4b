// The client's lazy start (client/src/server-starter.ts) with a stand-in language client: however many triggers
// arrive, the language client is loaded and the server started once; a failed start is reported and can be tried
// again by a command; Restart Server restarts by hand; deactivation stops the server, also one still starting.
// (The e2e suite proves the real thing.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ServerStarter, type LanguageClientLibrary } from '../../client/src/server-starter';

interface FakeClient {
  starts: number;
  stops: number;
  disposals: number;
  running: boolean;
  finishStart(error?: Error): void;
}

/** A starter whose language client starts only when the test says so. */
function setUp(options: { loadError?: Error } = {}) {
  const clients: FakeClient[] = [];
  const reported: string[] = [];
  const logged: string[] = [];
  let loads = 0;
  /** The clients restarted by hand, through the library (which counts their stops afresh). */
  const restartedByHand: LanguageClient[] = [];
  const library = {
    restartByHand: async (client: LanguageClient) => {
      restartedByHand.push(client);
    },
    createLanguageClient: () => {
      let finish: (error?: Error) => void = () => undefined;
      const fake: FakeClient = { starts: 0, stops: 0, disposals: 0, running: false, finishStart: (error) => finish(error) };
      clients.push(fake);
      const client = {
        start: () => {
          fake.starts++;
          return new Promise<void>((resolve, reject) => {
            finish = (error) => {
              if (error) return reject(error);
              fake.running = true;
              resolve();
            };
          });
        },
        stop: async () => {
          fake.stops++;
          fake.running = false;
        },
        dispose: async () => {
          fake.disposals++;
        },
        isRunning: () => fake.running,
      };
      return client as unknown as LanguageClient;
    },
  } as unknown as LanguageClientLibrary;
  const output = { info: (line: string) => logged.push(line), error: (line: string) => logged.push(line) } as unknown as vscode.LogOutputChannel;
  const starter = new ServerStarter({
    context: {} as vscode.ExtensionContext,
    output,
    load: () => {
      loads++;
      if (options.loadError) throw options.loadError;
      return library;
    },
    report: (message) => reported.push(message),
  });
  return { starter, clients, reported, logged, restartedByHand, loads: () => loads };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('nothing is loaded or started until something asks', () => {
  const { starter, clients, loads } = setUp();
  assert.equal(starter.requested, false);
  assert.equal(starter.running, undefined);
  assert.equal(loads(), 0);
  assert.equal(clients.length, 0);
});

test('concurrent triggers share one start: one load, one client, one server', async () => {
  const { starter, clients, loads, logged } = setUp();
  starter.startInBackground('a.fragment is a fragment');
  starter.startInBackground('b.fragment is a fragment');
  const fromCommand = starter.forCommand('Check Workspace');
  const fromAnother = starter.start('the schema was opened');
  assert.equal(starter.running, undefined, 'not running while starting');
  clients[0].finishStart();
  const [first, second] = await Promise.all([fromCommand, fromAnother]);
  assert.equal(loads(), 1);
  assert.equal(clients.length, 1);
  assert.equal(clients[0].starts, 1);
  assert.equal(first?.client, second.client);
  assert.equal(starter.running, first?.client);
  assert.deepEqual(logged.filter((line) => line.startsWith('Starting the language server')), ['Starting the language server: a.fragment is a fragment.']);
});

test('hooks see the client before it starts and are dropped when the start fails', async () => {
  const { starter, clients } = setUp();
  const seen: string[] = [];
  let disposed = 0;
  starter.onClientCreated(() => {
    seen.push(clients.at(-1)!.starts === 0 ? 'before start' : 'after start');
    return [{ dispose: () => disposed++ }];
  });
  const starting = starter.start('test');
  clients[0].finishStart(new Error('spawn ENOENT'));
  await assert.rejects(starting, /spawn ENOENT/);
  assert.deepEqual(seen, ['before start']);
  assert.equal(disposed, 1);
  assert.equal(clients[0].disposals, 1, 'the failed client is disposed');
});

test('a failed background start is reported once and not retried by documents; a command retries it', async () => {
  const { starter, clients, reported } = setUp();
  starter.startInBackground('a.fragment is a fragment');
  clients[0].finishStart(new Error('The server crashed.'));
  await settle();
  assert.equal(reported.length, 1);
  assert.match(reported[0], /could not be started, so fragment files are not checked: The server crashed\. The Fragments output channel/);
  assert.equal(starter.requested, false);

  starter.startInBackground('b.fragment is a fragment');
  assert.equal(clients.length, 1, 'another document does not start it again');

  const command = starter.forCommand('Restart Server');
  assert.equal(clients.length, 2, 'a command tries again');
  clients[1].finishStart();
  assert.ok(await command);
  assert.equal(reported.length, 1);
});

test('Restart Server starts a server not started yet, and restarts a started one by hand, so its stops count afresh', async () => {
  const { starter, clients, restartedByHand } = setUp();
  const first = starter.restart('Restart Server');
  clients[0].finishStart();
  assert.equal(await first, 'started');
  assert.deepEqual(restartedByHand, [], 'a server just started is not restarted again');

  assert.equal(await starter.restart('Restart Server'), 'restarted');
  assert.equal(clients.length, 1, 'the same client restarts its server');
  assert.deepEqual(restartedByHand, [starter.running]);
});

test('Restart Server whose server cannot start tells the user, and restarts nothing', async () => {
  const { starter, reported, restartedByHand } = setUp({ loadError: new Error("Cannot find module 'dist/language-client.js'") });
  assert.equal(await starter.restart('Restart Server'), undefined);
  assert.match(reported[0], /^"Restart Server" needs the Fragments language server, which could not be started/);
  assert.deepEqual(restartedByHand, []);
});

test('a command whose server cannot start tells the user and returns nothing', async () => {
  const { starter, reported, logged } = setUp({ loadError: new Error("Cannot find module 'dist/language-client.js'") });
  assert.equal(await starter.forCommand('New Fragment…'), undefined);
  assert.equal(reported.length, 1);
  assert.match(reported[0], /^"New Fragment…" needs the Fragments language server, which could not be started: Cannot find module/);
  assert.ok(logged.some((line) => /language client could not be loaded/.test(line)), logged.join('\n'));
});

test('stop stops a started server, waits for one still starting, and does nothing when none was started', async () => {
  const idle = setUp();
  await idle.starter.stop();
  assert.equal(idle.loads(), 0);

  const started = setUp();
  const starting = started.starter.start('test');
  started.clients[0].finishStart();
  await starting;
  await started.starter.stop();
  assert.equal(started.clients[0].stops, 1);
  assert.equal(started.starter.running, undefined);

  const midway = setUp();
  void midway.starter.start('test');
  const stopping = midway.starter.stop();
  midway.clients[0].finishStart();
  await stopping;
  assert.equal(midway.clients[0].stops, 1, 'a server still starting at deactivation is stopped once up');
});
