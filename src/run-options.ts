/** What a run is asked to do: engine.ts runs the plans, plan-run.ts each plan's stages. */
import type { Cache } from './cache.js';
import type { Overlay, ParseFile } from './load/plan-folder.js';
import type { Lang, PlanModel, Severity } from './model.js';

export interface RunOptions {
  readonly lang: Lang;
  /** Run the audit rules after validation; false for `plan validate`. */
  readonly audit: boolean;
  /** Only these audit rules (all when absent). */
  readonly only?: ReadonlySet<string>;
  readonly maxFileBytes?: number;
  /** A data file read from standard input instead of from disk (absolute path). */
  readonly stdin?: { readonly path: string; readonly bytes: Uint8Array };
  /** Files read from memory instead of from disk, by absolute path (an editor's unsaved text); source.txt too. */
  readonly overlay?: Overlay;
  /** How data files are parsed; `plan lsp` passes one that keeps the files it has parsed. */
  readonly parse?: ParseFile;
  /** Keep the parsed files' data after the model is built (a caller that keeps them for the next run). */
  readonly keepParsed?: boolean;
  /** Keep each valid plan's parsed files in the result (for `plan export`, which reads once). */
  readonly keepData?: boolean;
  /** Called with each valid plan's model, for commands that read the model rather than the findings. */
  readonly onModel?: (plan: PlanModel) => void;
  /** Keep each audited plan's model and locator on its result, for the views (summary, trace, report). */
  readonly keepModels?: boolean;
  /** Rule severities set by plan.config.yaml: `off` skips the rule. */
  readonly severities?: ReadonlyMap<string, Severity | 'off'>;
  /** Plans audited at once, each in a worker thread (`--jobs`); 1 or absent: one after another here. */
  readonly jobs?: number;
  /** `jobs` is the tool's default, not the user's: threads only for a run large enough to repay starting them. */
  readonly jobsByDefault?: boolean;
  /** Reuse the results of unchanged plans (`--cache`): a cache opened for these options (engine's `openRunCache`); the caller saves it. */
  readonly cache?: Cache;
}

/** What a worker thread gets of the run's options: data only, no callbacks. */
export type WorkerOptions = Omit<RunOptions, 'onModel' | 'stdin' | 'jobs' | 'jobsByDefault' | 'cache' | 'overlay' | 'parse' | 'keepParsed'>;
