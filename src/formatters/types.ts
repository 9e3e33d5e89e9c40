import type { RunResult } from '../engine.js';
import type { Finding, Lang, Severity } from '../model.js';
import type { Rule } from '../rules/rule.js';
import type { FindingComparison } from '../compare/findings.js';

/** Everything a formatter needs; formatters are pure functions of it. */
export interface FormatContext {
  readonly lang: Lang;
  /** ANSI colour allowed (a TTY without NO_COLOR). */
  readonly color: boolean;
  readonly version: string;
  readonly command: 'validate' | 'audit' | 'diff';
  readonly rules: readonly Rule[];
  readonly groupBy: 'file' | 'rule';
  /** The terminal's width: the text format wraps its lines to it; absent, lines have their full length. */
  readonly columns?: number;
  /** List reviewed findings too; by default text, github and markdown only count them (`--show-reviewed`). */
  readonly showReviewed?: boolean;
  /** With `--since`: each finding new or unchanged, and the findings fixed. */
  readonly comparison?: FindingComparison;
  /** Where the report's files stand in a repository, for SARIF URIs and links to lines. */
  readonly repository?: RepositoryContext;
  /** Lines a pull request touched, by absolute file path (1-based), for github annotations. */
  readonly changedLines?: ReadonlyMap<string, ReadonlySet<number>>;
}

/** The repository the plan data is in, as far as it is known. */
export interface RepositoryContext {
  /** Absolute path of the repository's root (the working directory outside git). */
  readonly root: string;
  /** Web address of the repository, e.g. `https://github.com/owner/repo`. */
  readonly url?: string;
  /** The commit the report is about; with `url`, every location links to its line. */
  readonly commit?: string;
  /** Where the full report can be read (a CI run's page). */
  readonly reportUrl?: string;
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
  /** Reviewed findings, of any severity; the three counts above are of unreviewed ones. */
  readonly reviewed: number;
}

export function summarize(findings: readonly Finding[]): Summary {
  const counts: Record<Severity | 'reviewed', number> = { error: 0, warning: 0, info: 0, reviewed: 0 };
  for (const finding of findings) {
    if (finding.review) counts.reviewed += 1;
    else counts[finding.severity] += 1;
  }
  return counts;
}

/**
 * The findings a reader-facing format lists: reviewed ones only with `--show-reviewed`, as ESLint
 * hides suppressed problems; `hidden` counts the others for the line that says so.
 */
export function listedFindings(findings: readonly Finding[], context: FormatContext): { listed: readonly Finding[]; hidden: number } {
  if (context.showReviewed) return { listed: findings, hidden: 0 };
  const listed = findings.filter((finding) => !finding.review);
  return { listed, hidden: findings.length - listed.length };
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
