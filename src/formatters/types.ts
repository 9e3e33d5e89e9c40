import type { RunResult } from '../engine.js';
import type { Finding, Lang, Severity } from '../model.js';
import type { Rule } from '../rules/rule.js';

/** Everything a formatter needs; formatters are pure functions of it. */
export interface FormatContext {
  readonly lang: Lang;
  /** ANSI colour allowed (a TTY without NO_COLOR). */
  readonly color: boolean;
  readonly version: string;
  readonly command: 'validate' | 'audit';
  readonly rules: readonly Rule[];
  readonly groupBy: 'file' | 'rule';
}

export interface Report {
  readonly run: RunResult;
  /** Every finding of the run, input problems first, in a stable order. */
  readonly findings: readonly Finding[];
}

/**
 * A pure function of the report. A large report may come as a sequence of chunks, written as
 * they come, so that it never stands in memory as one string.
 */
export type Formatter = (report: Report, context: FormatContext) => string | Iterable<string>;

export interface Summary {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly suppressed: number;
}

export function summarize(findings: readonly Finding[]): Summary {
  const counts: Record<Severity | 'suppressed', number> = { error: 0, warning: 0, info: 0, suppressed: 0 };
  for (const finding of findings) {
    if (finding.suppressed) counts.suppressed += 1;
    else counts[finding.severity] += 1;
  }
  return counts;
}

/** Every finding of a run, input problems first, then plan by plan. */
export function allFindings(run: RunResult): Finding[] {
  return [...run.inputFindings, ...run.plans.flatMap((plan) => plan.findings)];
}

/** A formatter's output as pieces of about `size` characters: few writes, and never all of it at once. */
export function* batched(output: string | Iterable<string>, size = 1 << 20): Generator<string> {
  if (typeof output === 'string') {
    yield output;
    return;
  }
  let batch = '';
  for (const chunk of output) {
    batch += chunk;
    if (batch.length >= size) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}
