/**
 * Plans audited in worker threads, one per job: a run of many plans uses every core. Each
 * worker loads the engine once and takes the next plan when it is done with one; the results
 * come back in the order of the plans, so the output is the same as with one job.
 */
import { Worker } from 'node:worker_threads';
import { debugging } from './debug.js';
import type { PlanResult, WorkerOptions } from './engine.js';

/** The worker's module, built into dist/ (tests run the sources, the workers the build). */
const WORKER = new URL('../dist/plan-worker.js', import.meta.url);

export async function runInWorkers(dirs: readonly string[], options: WorkerOptions, jobs: number): Promise<PlanResult[]> {
  const results: PlanResult[] = new Array(dirs.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(jobs, dirs.length) }, () => new Worker(WORKER, { workerData: { options, debug: debugging() } }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const give = (): void => {
              if (next >= dirs.length) {
                resolve();
                return;
              }
              const index = next++;
              worker.once('message', (result: PlanResult) => {
                results[index] = result;
                give();
              });
              worker.postMessage({ dir: dirs[index] });
            };
            worker.once('error', reject);
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
