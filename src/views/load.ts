import { run, type PlanResult, type RunResult } from '../engine.js';
import { allFindings } from '../formatters/types.js';
import type { Finding, Lang, Location, PlanModel, Severity, SourceRef } from '../model.js';

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

/** Audits the plans and keeps their models: views read the model and the findings, never the YAML. */
export async function loadForViews(paths: readonly string[], lang: Lang, severities?: ReadonlyMap<string, Severity | 'off'>): Promise<ViewInput> {
  const result = await run(paths, { lang, audit: true, keepModels: true, ...(severities ? { severities } : {}) });
  const plans = result.plans.filter((plan): plan is PlanResult & Required<Pick<PlanResult, 'model' | 'locate'>> => plan.model !== undefined && plan.locate !== undefined);
  return {
    run: result,
    findings: allFindings(result),
    plans: plans.map((plan) => ({ model: plan.model, findings: plan.findings, locate: plan.locate })),
    complete: result.inputFindings.every((f) => f.severity !== 'error') && plans.length === result.plans.length && plans.length > 0,
  };
}
