import type { Finding } from '../model.js';
import { summarize, type Formatter } from './types.js';

/**
 * The version of the report's shape (docs/report-format.md, schemas/report/audit-report.schema.json).
 * It changes only when a field is removed or changes meaning; new fields may come without it.
 */
export const REPORT_FORMAT_VERSION = 2;

function line(finding: Finding, state?: string): string {
  return JSON.stringify(state === undefined ? finding : { ...finding, baselineState: state });
}

/**
 * design.md's finding shape under `findings`, with summary counts overall and per plan. One
 * finding a line, written as it comes: a report of 100 000 findings never stands in memory as
 * one string, and stays greppable.
 */
export const jsonFormatter: Formatter = function* ({ run, findings }, context) {
  const summary = {
    ...summarize(findings),
    plans: run.plans.map((plan) => ({ id: plan.id ?? null, dir: plan.dir, audited: plan.audited, ...summarize(plan.findings) })),
  };
  const comparison = context.comparison;
  const head = {
    formatVersion: REPORT_FORMAT_VERSION,
    version: context.version,
    command: context.command,
    summary,
    ...(comparison ? { since: { base: comparison.base, ...comparison.counts } } : {}),
  };
  yield `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "findings": [`;
  let first = true;
  for (const finding of findings) {
    yield `${first ? '' : ','}\n    ${line(finding, comparison?.state.get(finding))}`;
    first = false;
  }
  yield findings.length > 0 ? '\n  ]' : ']';
  if (comparison) {
    yield ',\n  "fixed": [';
    // Fixed findings are the base's: their places are in the base's files.
    yield comparison.fixed.map((finding) => `\n    ${JSON.stringify(finding)}`).join(',');
    yield comparison.fixed.length > 0 ? '\n  ]' : ']';
  }
  yield '\n}\n';
};
