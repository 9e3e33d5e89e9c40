import type { Finding } from '../model.js';
import { say } from '../words.js';
import { lineUrl, repositoryPath, reviewOrder } from './places.js';
import { markdownCode, markdownText } from './safe-text.js';
import { summarize, type FormatContext, type Formatter, type Report } from './types.js';

/** GitHub refuses a comment longer than this many characters. */
export const MARKDOWN_LIMIT = 65_536;
/** Plans listed in the summary table; a run of 1 000 plans lists those with the most to see. */
const TABLE_PLANS = 20;

const ICONS = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;

/** Text shown as written: made visible, and no emphasis, link, HTML or table cell can start inside it. */
export const inline = markdownText;

const cell = markdownText;

/** One list item: severity, rule, a link to the line (when the repository is known), the message, the review. */
export function findingItem(finding: Finding, context: FormatContext): string {
  const primary = finding.locations[0];
  let where = '';
  if (primary) {
    const label = `${repositoryPath(primary.file, context.repository)}:${primary.line}`;
    const url = lineUrl(primary, context.repository);
    where = ` ${url ? `[${inline(label)}](${url})` : markdownCode(label)}${primary.ref ? ` ${inline(primary.ref)}` : ''}`;
  }
  const review = finding.review
    ? ` — ✓ ${say(context.lang, finding.review.verdict)}${finding.review.quote ? `: “${inline(finding.review.quote)}”` : ''}${finding.review.reason ? `${finding.review.quote ? ' ' : ': '}${inline(finding.review.reason)}` : ''}`
    : '';
  const detail = finding.detail ? ` (${inline(finding.detail)})` : '';
  return `- ${ICONS[finding.severity]} **${finding.severity}** ${markdownCode(finding.ruleId)}${where}: ${inline(finding.message)}${detail}${review}`;
}

/** Pieces of Markdown added while they fit in the limit; what does not fit is counted. */
export class MarkdownBudget {
  private readonly parts: string[] = [];
  private used = 0;
  constructor(private readonly limit: number) {}
  /** Adds `text` when it fits, keeping `reserve` characters for what must close the report. */
  add(text: string, reserve = 0): boolean {
    if (this.used + text.length + 1 + reserve > this.limit) return false;
    this.parts.push(text);
    this.used += text.length + 1;
    return true;
  }
  force(text: string): void {
    this.parts.push(text);
    this.used += text.length + 1;
  }
  toString(): string {
    return `${this.parts.join('\n')}\n`;
  }
}

/** Room kept for the closing tags and the line that says the report was cut. */
const RESERVE = 600;

/** Adds a group of findings under a heading, folded in `<details>` unless `open`; false once the budget is spent. */
export function addGroup(budget: MarkdownBudget, title: string, findings: readonly Finding[], context: FormatContext, folded: boolean, pending: { n: number }): boolean {
  if (findings.length === 0) return true;
  const head = folded ? ['<details>', `<summary>${inline(title)} (${findings.length})</summary>`, ''] : [`### ${inline(title)} (${findings.length})`, ''];
  if (!budget.add(head.join('\n'), RESERVE)) return false;
  let shown = 0;
  for (const finding of findings) {
    if (!budget.add(findingItem(finding, context), RESERVE)) break;
    shown += 1;
    pending.n -= 1;
  }
  budget.force(folded ? '\n</details>\n' : '');
  return shown === findings.length;
}

/** The summary: counts, and a table of the plans with the most unreviewed findings. */
export function summaryLines(report: Report, context: FormatContext): string[] {
  const { lang } = context;
  const total = summarize(report.findings);
  const lines = [`## plan ${context.command}`, ''];
  if (report.findings.length === 0) lines.push(say(lang, 'cleanReport'), '');
  else lines.push(say(lang, 'unreviewedSummary', { ...total }), '');
  if (context.comparison) lines.push(say(lang, 'sinceSummary', { base: context.comparison.base, ...context.comparison.counts }), '');
  const plans = report.run.plans.map((plan) => ({ plan, s: summarize(plan.findings) }));
  const shown = plans.length <= TABLE_PLANS ? plans : [...plans].sort((a, b) => b.s.error - a.s.error || b.s.warning - a.s.warning || b.s.info - a.s.info).slice(0, TABLE_PLANS);
  lines.push(`| ${say(lang, 'plan')} | ${say(lang, 'errors')} | ${say(lang, 'warnings')} | ${say(lang, 'info')} | ${say(lang, 'reviewed')} |`, '| --- | ---: | ---: | ---: | ---: |');
  for (const { plan, s } of shown) lines.push(`| ${cell(plan.id ?? plan.dir)} | ${s.error} | ${s.warning} | ${s.info} | ${s.reviewed} |`);
  if (plans.length > shown.length) lines.push(`| ${say(lang, 'morePlans', { n: plans.length - shown.length })} | | | | |`);
  if (plans.length !== 1) lines.push(`| **${say(lang, 'total')}** | **${total.error}** | **${total.warning}** | **${total.info}** | **${total.reviewed}** |`);
  lines.push('');
  return lines;
}

/** Closes a cut report with the line that says so. */
export function cutLine(context: FormatContext, left: number): string {
  const url = context.repository?.reportUrl;
  return say(context.lang, 'reportCut', { n: left, where: url ? say(context.lang, 'fullReportAt', { url: `<${url}>` }) : '' });
}

/**
 * A report for a pull-request comment or a job summary: the summary first, then new findings,
 * the ones to review, and folded, the reviewed and fixed ones. Never longer than GitHub takes.
 */
export const markdownFormatter: Formatter = (report, context) => {
  const { lang } = context;
  const budget = new MarkdownBudget(MARKDOWN_LIMIT);
  for (const line of summaryLines(report, context)) budget.force(line);
  const ordered = reviewOrder(report.findings, context);
  const state = context.comparison?.state;
  const groups: [string, Finding[], boolean][] = [
    [say(lang, 'newFindings'), ordered.filter((f) => !f.review && state?.get(f) === 'new'), false],
    [say(lang, state ? 'unchangedFindings' : 'findingsToReview'), ordered.filter((f) => !f.review && state?.get(f) !== 'new'), state !== undefined],
    [say(lang, 'reviewedFindings'), context.showReviewed ? ordered.filter((f) => f.review) : [], true],
    [say(lang, 'fixedFindings'), [...(context.comparison?.fixed ?? [])], true],
  ];
  const hidden = context.showReviewed ? 0 : ordered.filter((f) => f.review).length;
  const pending = { n: groups.reduce((sum, [, list]) => sum + list.length, 0) };
  for (const [title, list, folded] of groups) {
    if (!addGroup(budget, title, list, context, folded, pending)) {
      budget.force(cutLine(context, pending.n));
      budget.force('');
      break;
    }
  }
  if (hidden > 0) budget.force(say(lang, 'reviewedHidden', { n: hidden }).replace('--show-reviewed', '`--show-reviewed`'));
  return budget.toString().replace(/\n{3,}/g, '\n\n').replace(/\n+$/, '\n');
};
