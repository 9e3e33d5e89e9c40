import type { Finding } from '../model.js';
import { addTallies, type PartedFormat, partedFormatter, summaryOf } from './types.js';

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
 * one string, and stays greppable. Each plan's lines are a part of their own (see PartedFormat).
 */
export const jsonFormat: PartedFormat = {
  parted: () => true,
  *part(findings, context) {
    let first = true;
    for (const finding of findings) {
      yield `${first ? '' : ','}\n    ${line(finding, context.comparison?.state.get(finding))}`;
      first = false;
    }
  },
  *whole(outline, parts, context) {
    const summary = {
      ...summaryOf(addTallies([outline.input, ...outline.plans.map((plan) => plan.tally)])),
      plans: outline.plans.map((plan) => ({ id: plan.id ?? null, dir: plan.dir, audited: plan.audited, ...summaryOf(plan.tally) })),
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
    let any = false;
    for (const part of parts) {
      let begun = false;
      for (const chunk of part) {
        // Parts are apart by a comma, as the findings within one are.
        if (!begun && any) yield ',';
        begun = any = true;
        yield chunk;
      }
    }
    yield any ? '\n  ]' : ']';
    if (comparison) {
      yield ',\n  "fixed": [';
      // Fixed findings are the base's: their places are in the base's files.
      yield comparison.fixed.map((finding) => `\n    ${JSON.stringify(finding)}`).join(',');
      yield comparison.fixed.length > 0 ? '\n  ]' : ']';
    }
    yield '\n}\n';
  },
};

export const jsonFormatter = partedFormatter(jsonFormat);
