/** A worker thread of `--jobs`: runs one plan at a time with the run's options (see parallel.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { runPlan, type WorkerOptions } from './engine.js';

const { options } = workerData as { options: WorkerOptions };

parentPort?.on('message', async ({ dir }: { dir: string }) => {
  parentPort?.postMessage(await runPlan(dir, options));
});
