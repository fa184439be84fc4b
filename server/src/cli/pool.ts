/**
 * Checks many files on several cores where that pays (see threadCount): a small pool of worker threads running the
 * same bundle, each taking the next batch of files as it finishes one. Reports come back in input order whatever thread finished first, so output is stable.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { currentLanguage } from '../core/l10n';
import { checkFile, type CheckSettings, type FileReport } from './check-file';

const BATCH = 32;
/**
 * When worker threads are started without being asked for (FRAGMENT_LINT_THREADS): only where they can pay. Measured
 * on 2 cores (npm run bench, "CLI" section): the pool cost more than it saved (10,000 files: 1.04× the one-thread
 * time for 26% more CPU), as the main thread still walks the folders, decodes every report and formats the output,
 * and V8's own threads want the second core. A worker takes 0.1–0.2 s to load the bundle and check its first batch,
 * while the main thread checks about 15 files a millisecond: below some thousands of files the main thread is done
 * before workers help. The 4-core side of this rule follows from those figures; it was not measured on 4 cores.
 */
export const WORKERS_FROM_CORES = 4;
export const WORKERS_FROM_FILES = 5000;
export const WORKER_FLAG = 'fragment-lint-worker';

export interface Task {
  file: string;
  label: string;
}

export type WorkerRequest = { tasks: Task[] };
export type WorkerResponse = { reports: FileReport[] } | { error: string };

/**
 * How many threads check files, the main thread included (1: no workers). FRAGMENT_LINT_THREADS=N asks for N
 * (1: the main thread only), e.g. on a CI runner shared with other jobs; otherwise the rule above decides.
 */
export function threadCount(files: number, env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  // Workers run the built bundle; from TypeScript sources (tests through tsx) there is no bundle to start.
  if (!__filename.endsWith('.js')) return 1;
  const asked = Number.parseInt(env.FRAGMENT_LINT_THREADS ?? '', 10);
  if (Number.isInteger(asked) && asked > 0) return Math.max(1, Math.min(asked, 64, Math.ceil(files / BATCH)));
  if (cores < WORKERS_FROM_CORES || files < WORKERS_FROM_FILES) return 1;
  return Math.min(cores, 8, Math.ceil(files / (BATCH * 2)));
}

export async function checkAll(tasks: readonly Task[], settings: CheckSettings, onProgress: (done: number) => void): Promise<FileReport[]> {
  const threads = threadCount(tasks.length);
  const reports: FileReport[] = new Array(tasks.length);
  let done = 0;
  let next = 0;

  // The main thread takes batches too, between worker messages: with N threads, N - 1 workers plus itself.
  const runHere = async () => {
    while (next < tasks.length) {
      const start = next;
      const batch = tasks.slice(start, start + BATCH);
      next += batch.length;
      batch.forEach((task, i) => (reports[start + i] = checkFile(task.file, task.label, settings)));
      done += batch.length;
      onProgress(done);
      await new Promise((resolve) => setImmediate(resolve)); // let worker answers and the progress timer in
    }
  };

  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(__filename, { workerData: { [WORKER_FLAG]: true, settings, language: currentLanguage() } });
      let batchStart = 0;
      const sendNext = () => {
        if (next >= tasks.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        batchStart = next;
        const batch = tasks.slice(next, next + BATCH);
        next += batch.length;
        worker.postMessage({ tasks: batch } satisfies WorkerRequest);
      };
      worker.on('message', (response: WorkerResponse) => {
        if ('error' in response) {
          void worker.terminate();
          reject(new Error(response.error));
          return;
        }
        response.reports.forEach((report, i) => (reports[batchStart + i] = report));
        done += response.reports.length;
        onProgress(done);
        sendNext();
      });
      worker.on('error', reject);
      worker.once('online', sendNext);
    });
  await Promise.all([runHere(), ...Array.from({ length: Math.max(0, threads - 1) }, runWorker)]);
  return reports;
}

/** The worker side: check each batch it is sent, answer with the reports. */
export function serveWorker(port: { on(event: 'message', listener: (request: WorkerRequest) => void): void; postMessage(response: WorkerResponse): void }, settings: CheckSettings): void {
  port.on('message', ({ tasks }) => {
    try {
      port.postMessage({ reports: tasks.map((task) => checkFile(task.file, task.label, settings)) });
    } catch (error) {
      port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}
