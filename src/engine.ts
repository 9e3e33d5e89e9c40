/**
 * A run: the plan folders the paths name, each plan's result (from the cache, run here, or run in
 * worker threads), and the findings that belong to the run rather than to one plan. A plan's own
 * stages are in plan-run.ts, loaded only when a plan is to be run.
 */
import { join } from 'node:path';
import { type Cache, type CacheOptions, openCache } from './cache.js';
import { debugging } from './debug.js';
import { inputFinding, makeFinding } from './findings.js';
import { fileNameOf, PLAN_FILE_KIND } from './load/file-kinds.js';
import { findPlanFolders } from './load/find-plans.js';
import { inputRule } from './rules/input.js';
import type { RunOptions } from './run-options.js';
import type { PlanResult, RunResult } from './run-result.js';

export type { RunOptions, WorkerOptions } from './run-options.js';
export type { PlanResult, RunResult } from './run-result.js';
export { UNREADABLE_INPUT_RULES } from './rules/input.js';

/** Below this many plans, starting worker threads costs more than it saves, whatever `--jobs` says. */
const MIN_PLANS_FOR_WORKERS = 4;

/**
 * Below this many plans a run without `--jobs` stays on one thread. Measured on a 2-core machine
 * (bundled-size plans, 2026-12-06): two threads made 4 to 64 plans slower (32: 1.84 s against
 * 1.74 s) and 128 faster (5.8 s against 6.5 s). An audit allocates so much that two at once each
 * take about twice the CPU, and a thread's start costs about 300 ms of it.
 */
const MIN_PLANS_FOR_DEFAULT_WORKERS = 100;

/** How many worker threads a run of `pending` plans starts: 0 to run them here, one after another. */
export function workerCount(pending: number, options: Pick<RunOptions, 'jobs' | 'jobsByDefault'>): number {
  const jobs = options.jobs ?? 1;
  if (jobs <= 1 || pending < (options.jobsByDefault ? MIN_PLANS_FOR_DEFAULT_WORKERS : MIN_PLANS_FOR_WORKERS)) return 0;
  return Math.min(jobs, pending);
}

/**
 * Each plan's result, in the order of `dirs` whatever order they finish in: from the cache when
 * the plan is unchanged, else run here or, with `jobs` and enough plans, in worker threads.
 */
async function planResults(dirs: readonly string[], options: RunOptions): Promise<PlanResult[]> {
  // Text in memory (standard input, an editor's unsaved files), a caller's own parser or parsed
  // files kept for the next run: the files on disk do not decide the result, and a worker thread
  // cannot share the caller's memory, so such a run stays here and uncached.
  const inMemory = options.stdin !== undefined || options.overlay !== undefined || options.parse !== undefined || options.keepParsed === true;
  const cacheable = options.cache !== undefined && !options.keepData && !options.keepModels && !options.onModel && !inMemory;
  const cache = cacheable ? options.cache : undefined;
  const results: (PlanResult | undefined)[] = dirs.map((dir) => cache?.get(dir));
  const pending = dirs.map((dir, index) => ({ dir, index })).filter(({ index }) => results[index] === undefined);
  if (pending.length === 0) return results as PlanResult[];
  const workers = options.keepData || options.keepModels || options.onModel || inMemory ? 0 : workerCount(pending.length, options);
  if (workers > 0) {
    const { runInWorkers } = await import('./parallel.js');
    const { jobs: _jobs, jobsByDefault: _byDefault, cache: _cache, ...workerOptions } = options;
    const done = await runInWorkers(pending.map(({ dir }) => dir), workerOptions, workers);
    for (const [i, { index }] of pending.entries()) results[index] = done[i];
  } else {
    const { runPlan } = await import('./plan-run.js');
    for (const { dir, index } of pending) results[index] = await runPlan(dir, options);
  }
  if (cache) for (const { dir, index } of pending) cache.set(dir, results[index]!);
  return results as PlanResult[];
}

/** What besides a plan's files decides its findings: the options that change what the rules say. */
function cacheKeyOf(options: Omit<RunOptions, 'cache'>): string {
  return JSON.stringify({
    lang: options.lang,
    audit: options.audit,
    only: options.only ? [...options.only].sort() : null,
    maxFileBytes: options.maxFileBytes ?? null,
    severities: options.severities ? [...options.severities].sort() : null,
    // With --debug an internal error's message carries its stack.
    debug: debugging(),
    cwd: process.cwd(),
  });
}

/** The cache for runs with these options, of this version of the tool (`--cache`). */
export function openRunCache(options: Omit<RunOptions, 'cache'>, cache: CacheOptions, version: string): Cache {
  return openCache(cache, cacheKeyOf(options), version);
}

/** Validates and audits every plan the paths name; never throws on bad input. */
export async function run(paths: readonly string[], options: RunOptions): Promise<RunResult> {
  const { lang } = options;
  const found = findPlanFolders(paths);
  const inputFindings = found.problems.map((problem) => inputFinding(problem, lang));
  const plans: PlanResult[] = [];
  const ids = new Map<string, string>();
  for (const result of await planResults(found.dirs, options)) {
    if (result.id !== undefined) {
      const other = ids.get(result.id);
      if (other !== undefined) {
        const duplicate = makeFinding(
          {
            rule: inputRule,
            messageId: 'duplicate-plan-id',
            data: { id: result.id, other },
            locations: [{ file: join(result.dir, fileNameOf(PLAN_FILE_KIND)), line: 1, column: 1, pointer: '/id' }],
            identity: { id: result.id },
            plan: result.id,
          },
          lang,
        );
        plans.push({ ...result, findings: [duplicate, ...result.findings] });
        continue;
      }
      ids.set(result.id, result.dir);
    }
    plans.push(result);
  }
  return { plans, inputFindings };
}
