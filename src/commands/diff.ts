import { compareFindings } from '../compare/findings.js';
import { comparePlans, type PlanChange } from '../compare/models.js';
import { type LoadedSide, loadSide, relocateLocation, sideErrorMessage } from '../compare/sides.js';
import { EXIT_INPUT, exitCodeFor, type Io } from '../io/command-io.js';
import { UNREADABLE_INPUT_RULES, type PlanResult, type RunResult } from '../engine.js';
import { DIFF_FORMATS, type DiffFormatName } from '../formatters/diff.js';
import type { DiffReport, PlanStatus } from '../compare/diff-report.js';
import type { FormatContext } from '../formatters/types.js';
import { RULES } from '../rules/index.js';
import { repositoryContext, type RepositoryFlags } from './pull-request.js';
import type { Finding, Lang, Severity } from '../model.js';

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
      return { ...change, location: side.from !== undefined && side.to !== undefined ? relocateLocation(location, side.from, side.to) : location };
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
