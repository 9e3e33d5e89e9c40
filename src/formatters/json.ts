import { summarize, type Formatter } from './types.js';

/** design.md's finding shape under `findings`, with summary counts overall and per plan. */
export const jsonFormatter: Formatter = ({ run, findings }, context) =>
  `${JSON.stringify(
    {
      version: context.version,
      command: context.command,
      summary: {
        ...summarize(findings),
        plans: run.plans.map((plan) => ({ id: plan.id ?? null, dir: plan.dir, audited: plan.audited, ...summarize(plan.findings) })),
      },
      findings,
    },
    null,
    2,
  )}\n`;
