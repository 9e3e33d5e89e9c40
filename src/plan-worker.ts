/** A worker thread of `--jobs`: runs one plan at a time with the run's options (see parallel.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { setDebug } from './debug.js';
import type { WorkerOptions } from './engine.js';
import { runPlan } from './plan-run.js';

const { options, debug } = workerData as { options: WorkerOptions; debug: boolean };
// `--debug` is a property of the run, set by `main` in the main thread: the worker's internal errors carry their stack too.
setDebug(debug);

parentPort?.on('message', async ({ dir }: { dir: string }) => {
  parentPort?.postMessage(await runPlan(dir, options));
});
