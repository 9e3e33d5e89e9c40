import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { compareFindings, type FindingComparison } from '../compare/findings.js';
import { comparePlans, type PlanChange } from '../compare/models.js';
import { EXIT_INPUT, exitCodeFor, type Io } from '../cli.js';
import { run, UNREADABLE_INPUT_RULES, type PlanResult, type RunResult } from '../engine.js';
import { DIFF_FORMATS, type DiffFormatName } from '../formatters/diff.js';
import type { FormatContext } from '../formatters/types.js';
import { RULES } from '../rules/index.js';
import { repositoryContext, sideErrorMessage, type RepositoryFlags } from './pull-request.js';
import { allFindings } from '../formatters/types.js';
import { readRevision, repositoryRoot } from '../load/git-revision.js';
import { displayPath } from '../load/plan-folder.js';
import type { Finding, Lang, Location, Severity } from '../model.js';
import { say } from '../words.js';

/** One side of a comparison: a folder, a git revision, or the work tree. */
export interface SideInfo {
  /** As the user named it: `main`, `old/`, or `work tree`. */
  readonly label: string;
  readonly kind: 'folder' | 'revision' | 'work-tree';
  readonly commit?: string;
}

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

export interface LoadedSide {
  readonly info: SideInfo;
  readonly run: RunResult;
  /** Where the side's files stand, to show them as the work tree's: a revision's temporary folder. */
  readonly from?: string;
  readonly to?: string;
  dispose(): void;
}

export type SideError = { readonly error: 'not-a-repository' | 'no-such-revision' | 'outside-repository' | 'git-failed'; readonly detail: string };

const isFolder = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** A path read from a revision's temporary copy, shown as the same path of the work tree. */
function relocate(location: Location, from: string, to: string): Location {
  const file = resolve(location.file);
  if (!file.startsWith(`${from}${sep}`)) return location;
  return { ...location, file: displayPath(join(to, relative(from, file))) };
}

export function relocateFinding(finding: Finding, from?: string, to?: string): Finding {
  if (from === undefined || to === undefined) return finding;
  return { ...finding, locations: finding.locations.map((location) => relocate(location, from, to)) };
}

/**
 * Reads and audits one side: a folder as it is, or the plan folders under `paths` as they are at
 * a git revision (copied out of git, never checked out).
 */
export async function loadSide(spec: string | undefined, paths: readonly string[], lang: Lang, keepModels: boolean): Promise<LoadedSide | SideError> {
  if (spec === undefined || isFolder(spec)) {
    const info: SideInfo = spec === undefined ? { label: say(lang, 'workTree'), kind: 'work-tree' } : { label: spec, kind: 'folder' };
    return { info, run: await run(spec === undefined ? paths : [spec], { lang, audit: true, keepModels }), dispose: () => undefined };
  }
  const checkout = readRevision(spec, paths);
  if ('error' in checkout) return checkout;
  const result = await run(checkout.paths.filter((path) => existsSync(path)), { lang, audit: true, keepModels });
  const root = repositoryRoot()!;
  const relocated: RunResult = {
    inputFindings: result.inputFindings,
    plans: result.plans.map((plan) => ({ ...plan, findings: plan.findings.map((finding) => relocateFinding(finding, checkout.folder, root)) })),
  };
  return {
    info: { label: spec, kind: 'revision', commit: checkout.commit },
    run: relocated,
    from: checkout.folder,
    to: root,
    dispose: checkout.dispose,
  };
}

/** Compares two loaded sides plan by plan (matched by id) and their findings by fingerprint. */
export function diffSides(base: LoadedSide, head: LoadedSide, only: ReadonlySet<string> | undefined): DiffReport {
  const wanted = (plan: PlanResult): boolean => !only || (plan.id !== undefined && only.has(plan.id));
  const before = new Map(base.run.plans.filter(wanted).map((plan) => [plan.id ?? plan.dir, plan]));
  const after = new Map(head.run.plans.filter(wanted).map((plan) => [plan.id ?? plan.dir, plan]));
  const plans: PlanStatus[] = [];
  const changes: PlanChange[] = [];
  for (const id of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const old = before.get(id);
    const now = after.get(id);
    if (!old || !now) {
      plans.push({ id, status: old ? 'removed' : 'added' });
      changes.push({ kind: old ? 'plan-removed' : 'plan-added', plan: id, ref: id });
      continue;
    }
    if (!old.model || !now.model) {
      plans.push({ id, status: 'not-compared' });
      continue;
    }
    const found = comparePlans(old.model, now.model).map((change) => {
      if (!change.at) return change;
      const removal = change.kind.endsWith('-removed');
      const locate = removal ? old.locate : now.locate;
      if (!locate) return change;
      const location = locate(change.at);
      const side = removal ? base : head;
      return { ...change, location: side.from !== undefined && side.to !== undefined ? relocate(location, side.from, side.to) : location };
    });
    plans.push({ id, status: found.length > 0 ? 'changed' : 'unchanged' });
    changes.push(...found);
  }
  const pick = (result: RunResult, set: Map<string, PlanResult>): Finding[] => [
    ...result.inputFindings,
    ...[...set.values()].flatMap((plan) => plan.findings),
  ];
  const headFindings = pick(head.run, after);
  const comparison = compareFindings(base.info.label, pick(base.run, before), headFindings);
  const headRun: RunResult = { inputFindings: head.run.inputFindings, plans: [...after.values()] };
  return { base: base.info, head: head.info, plans, changes, run: headRun, findings: headFindings, comparison };
}

/** Every finding of a run, for `--since`: the base's audit, to compare the head's with. */
export function sideFindings(side: LoadedSide): Finding[] {
  return allFindings(side.run);
}

/** `plan diff` on the command line. */
export interface DiffCommandOptions extends RepositoryFlags {
  readonly format: DiffFormatName;
  readonly output?: string;
  readonly path?: string;
  readonly plan?: string[];
  readonly failOn: Severity | 'none';
  readonly failOnReviewed?: boolean;
}

export async function diffCommand(
  base: string,
  head: string | undefined,
  options: DiffCommandOptions,
  context: { readonly lang: Lang; readonly version: string; readonly defaultPath: string },
  io: Io,
  emit: (text: string, run: RunResult) => boolean,
): Promise<number> {
  const { lang, version } = context;
  const paths = [options.path ?? context.defaultPath];
  const sides: LoadedSide[] = [];
  try {
    for (const spec of [base, head]) {
      const side = await loadSide(spec, paths, lang, true);
      if ('error' in side) {
        io.stderr(`${sideErrorMessage(side, lang)}\n`);
        return EXIT_INPUT;
      }
      sides.push(side);
    }
    const [before, after] = sides as [LoadedSide, LoadedSide];
    const report = diffSides(before, after, options.plan && options.plan.length > 0 ? new Set(options.plan) : undefined);
    const formatContext: FormatContext = {
      lang,
      color: false,
      version,
      command: 'diff',
      rules: RULES,
      groupBy: 'file',
      repository: repositoryContext(io.env, options),
      comparison: report.comparison,
    };
    if (!emit(DIFF_FORMATS[options.format](report, formatContext), report.run)) return EXIT_INPUT;
    const fresh = report.findings.filter((f) => report.comparison.state.get(f) === 'new' || UNREADABLE_INPUT_RULES.has(f.ruleId));
    return exitCodeFor(fresh, options.failOn, undefined, options.failOnReviewed === true);
  } finally {
    for (const side of sides) side.dispose();
  }
}
