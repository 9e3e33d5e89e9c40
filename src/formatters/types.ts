import type { Finding, Lang } from '../model.js';
import { UNREADABLE_INPUT_RULES } from '../rules/input.js';
import type { RunResult } from '../run-result.js';
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

/** Findings of each severity, and how many of the errors say that input could not be read (exit code 2). */
export interface SeverityCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly unreadable: number;
}

/**
 * Findings counted, unreviewed and reviewed apart: all that a summary and the exit code need,
 * kept with a cached plan's output so that a rerun reads none of its findings.
 */
export interface Tally {
  readonly open: SeverityCounts;
  readonly reviewed: SeverityCounts;
}

const NO_COUNTS: SeverityCounts = { error: 0, warning: 0, info: 0, unreadable: 0 };
export const EMPTY_TALLY: Tally = { open: NO_COUNTS, reviewed: NO_COUNTS };

export function tallyOf(findings: readonly Finding[]): Tally {
  const open = { ...NO_COUNTS };
  const reviewed = { ...NO_COUNTS };
  for (const finding of findings) {
    const counts = finding.review ? reviewed : open;
    counts[finding.severity] += 1;
    if (finding.severity === 'error' && UNREADABLE_INPUT_RULES.has(finding.ruleId)) counts.unreadable += 1;
  }
  return { open, reviewed };
}

export function addCounts(a: SeverityCounts, b: SeverityCounts): SeverityCounts {
  return { error: a.error + b.error, warning: a.warning + b.warning, info: a.info + b.info, unreadable: a.unreadable + b.unreadable };
}

export function addTallies(tallies: Iterable<Tally>): Tally {
  let open = NO_COUNTS;
  let reviewed = NO_COUNTS;
  for (const tally of tallies) {
    open = addCounts(open, tally.open);
    reviewed = addCounts(reviewed, tally.reviewed);
  }
  return { open, reviewed };
}

export function summaryOf({ open, reviewed }: Tally): Summary {
  return { error: open.error, warning: open.warning, info: open.info, reviewed: reviewed.error + reviewed.warning + reviewed.info };
}

export function summarize(findings: readonly Finding[]): Summary {
  return summaryOf(tallyOf(findings));
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

/**
 * A formatter's output as pieces of about `size` characters: few writes, and never all of it at
 * once. Bytes (a cached plan's part of the output) are given on as they are.
 */
export function* batched<Chunk extends string | Uint8Array = string>(output: string | Iterable<string | Chunk>, size = 1 << 20): Generator<string | Chunk> {
  if (typeof output === 'string') {
    yield output;
    return;
  }
  let batch = '';
  for (const chunk of output) {
    if (typeof chunk !== 'string') {
      if (batch) yield batch;
      batch = '';
      yield chunk;
      continue;
    }
    batch += chunk;
    if (batch.length >= size) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}

/**
 * `batched`'s pieces as UTF-8: the same bytes, each string encoded as it comes into one buffer
 * reused from piece to piece, instead of a piece's strings joined into one and encoded then
 * (joining 69 MB of JSON lines took 450 ms of CPU, encoding them as they came 60 ms). A piece is
 * done with when the next is asked for. A surrogate pair split between two strings of one piece
 * is encoded whole, as the joined piece would be.
 */
export function* encodedBatches(output: Iterable<string | Uint8Array>, size = 1 << 20): Generator<Uint8Array> {
  let buffer = Buffer.allocUnsafe(4 * size);
  let used = 0;
  // The piece's length in UTF-16 code units, as `batched` counts it.
  let length = 0;
  // A high surrogate that ended the last string: its pair may open the next.
  let held = '';
  const put = (text: string): void => {
    // At most three bytes a UTF-16 code unit.
    if (used + 3 * text.length > buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * buffer.length, used + 3 * text.length));
      buffer.copy(grown, 0, 0, used);
      buffer = grown;
    }
    used += buffer.write(text, used, 'utf8');
  };
  for (const chunk of output) {
    if (typeof chunk !== 'string') {
      if (length > 0) {
        put(held);
        held = '';
        yield buffer.subarray(0, used);
        used = length = 0;
      }
      yield chunk;
      continue;
    }
    length += chunk.length;
    let text = held + chunk;
    held = '';
    const last = text.charCodeAt(text.length - 1);
    if (length < size && last >= 0xd800 && last <= 0xdbff) {
      held = text.slice(-1);
      text = text.slice(0, -1);
    }
    put(text);
    if (length >= size) {
      yield buffer.subarray(0, used);
      used = length = 0;
    }
  }
  if (length > 0) {
    put(held);
    yield buffer.subarray(0, used);
  }
}

/** What a run's output says besides its findings' own lines: each plan's place and counts. */
export interface RunOutline {
  readonly plans: readonly PlanOutline[];
  /** The problems with the paths themselves. */
  readonly input: Tally;
}

export interface PlanOutline {
  readonly dir: string;
  readonly id?: string;
  readonly audited: boolean;
  readonly tally: Tally;
}

export function outlineOf(run: RunResult): RunOutline {
  return {
    plans: run.plans.map((plan) => ({ dir: plan.dir, ...(plan.id === undefined ? {} : { id: plan.id }), audited: plan.audited, tally: tallyOf(plan.findings) })),
    input: tallyOf(run.inputFindings),
  };
}

/** What a parted format reads of the context: the rules are not needed, and not loaded, to reuse a cached part. */
export type PartContext = Omit<FormatContext, 'rules'>;

/**
 * A format whose output is made of parts, one for the input's findings and one for each plan's,
 * put together with what the outline says: a plan's part depends on its own findings only, so
 * a cached plan's part is written again as it was (`--cache`) and its findings are not read.
 */
export interface PartedFormat {
  /** Whether the output has a part for each plan in this context (the text format grouped by rule has one part for all). */
  parted(context: PartContext): boolean;
  /** The lines of these findings, in chunks that are never empty. */
  part(findings: readonly Finding[], context: PartContext): Iterable<string>;
  /**
   * The whole output: what the outline says, around the parts (the input's first, then each
   * plan's). A part is its chunks: the lines made now, or the bytes a cache kept.
   */
  whole<Chunk extends string | Uint8Array>(outline: RunOutline, parts: readonly Iterable<Chunk>[], context: PartContext): Iterable<string | Chunk>;
}

/** The formatter of a parted format: its parts made from the report's findings. */
export function partedFormatter(format: PartedFormat): Formatter {
  return ({ run, findings }, context) => {
    const parts = format.parted(context) ? [format.part(run.inputFindings, context), ...run.plans.map((plan) => format.part(plan.findings, context))] : [format.part(findings, context)];
    return format.whole(outlineOf(run), parts, context);
  };
}
