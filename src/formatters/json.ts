import { summarize, type Formatter } from './types.js';

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
  const head = { version: context.version, command: context.command, summary };
  yield `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "findings": [`;
  let first = true;
  for (const finding of findings) {
    yield `${first ? '' : ','}\n    ${JSON.stringify(finding)}`;
    first = false;
  }
  yield findings.length > 0 ? '\n  ]\n}\n' : ']\n}\n';
};
