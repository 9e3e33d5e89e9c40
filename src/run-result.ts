/**
 * What a run gives back, plan by plan: engine.ts makes it, the cache stores it, the formatters and
 * views read it. Its own module, so that the cache and the engine do not import each other.
 */
import type { FileKind } from './load/file-kinds.js';
import type { Finding, Location, PlanModel, SourceRef } from './model.js';

export interface PlanResult {
  readonly dir: string;
  readonly id?: string;
  /** True when the plan was valid and its audit rules ran. */
  readonly audited: boolean;
  readonly findings: readonly Finding[];
  /** The parsed data files, by kind: only with `keepData`, and only when nothing blocked. */
  readonly data?: ReadonlyMap<FileKind, unknown>;
  /** With `data`: the printed text of the number at a pointer of a file (`3.0` for 3). */
  readonly printed?: ReadonlyMap<FileKind, (pointer: string, value: number) => string | undefined>;
  /** The plan model and its locator, when `keepModels` was asked for and the plan was audited. */
  readonly model?: PlanModel;
  readonly locate?: (ref: SourceRef) => Location;
}

export interface RunResult {
  readonly plans: readonly PlanResult[];
  /** Problems with the paths themselves, belonging to no plan. */
  readonly inputFindings: readonly Finding[];
}
