// The client's restarts of a crashed language server (client/src/restart-budget.ts, recovery.ts): four in three
// minutes, then it gives up; a restart by hand ("Fragments: Restart Server") starts the count afresh, also after a
// give-up. The handler is vscode-languageclient's ErrorHandler, loaded here with a stand-in for the `vscode` module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Module from 'node:module';
import type * as LanguageClientLibrary from 'vscode-languageclient/node';
import { MAX_RESTARTS, RestartBudget, WINDOW_MS } from '../../client/src/restart-budget';
import type * as Recovery from '../../client/src/recovery';

/** A clock the test moves. */
function clock() {
  let time = 1_000_000;
  return { now: () => time, pass: (ms: number) => (time += ms) };
}

/** Loads a module whose vscode-languageclient import needs a `vscode` module: any API it touches is an empty class. */
function withFakeVscode<T>(id: string): T {
  const fakeVscode = new Proxy({ __esModule: true }, { get: (target, key) => (key in target ? target[key as keyof typeof target] : class {}) });
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = loader._load;
  loader._load = (request, ...rest) => (request === 'vscode' ? fakeVscode : load.call(Module, request, ...rest));
  try {
    return require(id);
  } finally {
    loader._load = load;
  }
}

test('four stops within three minutes are restarted, the fifth is not', () => {
  const budget = new RestartBudget(clock().now);
  const answers = Array.from({ length: MAX_RESTARTS + 1 }, () => budget.recordStop());
  assert.deepEqual(answers.map((a) => a.restart), [true, true, true, true, false]);
  assert.deepEqual(answers.map((a) => a.stops), [1, 2, 3, 4, 5]);
});

test('stops older than three minutes no longer count', () => {
  const time = clock();
  const budget = new RestartBudget(time.now);
  for (let i = 0; i < MAX_RESTARTS; i++) budget.recordStop();
  time.pass(WINDOW_MS);
  assert.deepEqual(budget.recordStop(), { stops: 1, restart: true });
});

test('after a reset the count starts afresh, also after a give-up', () => {
  const budget = new RestartBudget(clock().now);
  for (let i = 0; i <= MAX_RESTARTS; i++) budget.recordStop();
  budget.reset();
  const answers = Array.from({ length: MAX_RESTARTS + 1 }, () => budget.recordStop());
  assert.deepEqual(answers.map((a) => a.restart), [true, true, true, true, false], 'the full number of restarts again, not one');
});

test('the error handler restarts, gives up with a message saying what to do, and counts afresh after reset()', () => {
  const { restartingErrorHandler } = withFakeVscode<typeof Recovery>('../../client/src/recovery');
  const { CloseAction } = withFakeVscode<typeof LanguageClientLibrary>('vscode-languageclient/node');
  const handler = restartingErrorHandler(new RestartBudget(clock().now));
  const closed = () => handler.closed() as { action: LanguageClientLibrary.CloseAction; message?: string; handled?: boolean };
  for (let i = 1; i <= MAX_RESTARTS; i++) {
    const answer = closed();
    assert.equal(answer.action, CloseAction.Restart);
    assert.match(answer.message!, new RegExp(`being started again \\(${i} of ${MAX_RESTARTS} restarts allowed in 3 minutes\\)`));
    assert.equal(answer.handled, true, 'no pop-up for a restart that fixes itself');
  }
  const gaveUp = closed();
  assert.equal(gaveUp.action, CloseAction.DoNotRestart);
  assert.match(gaveUp.message!, /stopped 5 times in 3 minutes, so it is not started again.*Run "Fragments: Restart Server" to try again/);
  handler.reset();
  const afterReset = closed();
  assert.equal(afterReset.action, CloseAction.Restart);
  assert.match(afterReset.message!, new RegExp(`\\(1 of ${MAX_RESTARTS} restarts allowed`));
});
