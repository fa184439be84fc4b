import * as l10n from '@vscode/l10n';
/** "Checked 1200 of 5000 files" on stderr, only for a terminal and only once a run has taken over a second. */
const FIRST_AFTER_MS = 1000;
const EVERY_MS = 100;

export interface Progress {
  update(done: number): void;
  finish(): void;
}

export function startProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update: () => undefined, finish: () => undefined };
  const started = Date.now();
  let lastDrawn = 0;
  let drawn = false;
  let done = 0;
  const draw = () => {
    stream.write(`\r\u001b[2K${l10n.t('Checked {0} of {1} files…', done, total)}`);
    drawn = true;
    lastDrawn = Date.now();
  };
  // The timer draws even while a long file blocks updates; unref so it never keeps the process alive.
  const timer = setInterval(() => {
    if (Date.now() - started >= FIRST_AFTER_MS) draw();
  }, EVERY_MS).unref();
  return {
    update(count) {
      done = count;
      const now = Date.now();
      if (now - started >= FIRST_AFTER_MS && now - lastDrawn >= EVERY_MS) draw();
    },
    finish() {
      clearInterval(timer);
      if (drawn) stream.write('\r\u001b[2K');
    },
  };
}
