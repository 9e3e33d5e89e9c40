/** What `plan diff` found, as data: commands/diff.ts builds it, formatters/diff.ts prints it. */
import type { FindingComparison } from './findings.js';
import type { PlanChange } from './models.js';
import type { SideInfo } from './sides.js';
import type { RunResult } from '../engine.js';
import type { Finding } from '../model.js';

export interface PlanStatus {
  readonly id: string;
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged' | 'not-compared';
}

/** What `plan diff` found: the changes in plan terms and the findings compared by fingerprint. */
export interface DiffReport {
  readonly base: SideInfo;
  readonly head: SideInfo;
  readonly plans: readonly PlanStatus[];
  readonly changes: readonly PlanChange[];
  /** The head's audit. */
  readonly run: RunResult;
  readonly findings: readonly Finding[];
  readonly comparison: FindingComparison;
}
