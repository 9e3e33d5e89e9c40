import { withoutIgnored, type PlanConfig } from '../config.js';
import { run, type PlanResult, type RunResult } from '../engine.js';
import { allFindings } from '../formatters/types.js';
import { UNREADABLE_INPUT_RULES } from '../rules/input.js';
import type { Finding, Lang, Location, PlanModel, SourceRef } from '../model.js';

/** An audited plan as the views read it: the model, its findings, and where its elements are written. */
export interface AuditedPlan {
  readonly model: PlanModel;
  readonly findings: readonly Finding[];
  readonly locate: (ref: SourceRef) => Location;
}

export interface ViewInput {
  readonly run: RunResult;
  /** Every finding of the run, input problems first. */
  readonly findings: readonly Finding[];
  readonly plans: readonly AuditedPlan[];
  /** True when every plan the paths name could be read and audited. */
  readonly complete: boolean;
}

/** An error of the input itself (a path, a file, a duplicate plan id): the views are not printed, as `audit` exits 2. */
export function blocksViews(finding: Finding): boolean {
  return finding.severity === 'error' && UNREADABLE_INPUT_RULES.has(finding.ruleId);
}

/**
 * Audits the plans and keeps their models: views read the model and the findings, never the YAML.
 * plan.config.yaml applies as in `plan audit` (severities and ignores), so no view shows a finding
 * the audit does not.
 */
export async function loadForViews(paths: readonly string[], lang: Lang, config?: Pick<PlanConfig, 'rules' | 'ignores' | 'file'>): Promise<ViewInput> {
  const ran = await run(paths, { lang, audit: true, keepModels: true, ...(config ? { severities: config.rules } : {}) });
  const result = config ? withoutIgnored(ran, config) : ran;
  const plans = result.plans.filter((plan): plan is PlanResult & Required<Pick<PlanResult, 'model' | 'locate'>> => plan.model !== undefined && plan.locate !== undefined);
  return {
    run: result,
    findings: allFindings(result),
    plans: plans.map((plan) => ({ model: plan.model, findings: plan.findings, locate: plan.locate })),
    // Two plans of one id (an input error, as in `audit`) make the run incomplete too, even though each was audited.
    complete: [...result.inputFindings, ...result.plans.flatMap((plan) => plan.findings)].every((f) => !blocksViews(f)) && plans.length === result.plans.length && plans.length > 0,
  };
}
