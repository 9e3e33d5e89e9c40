import type { DiffReport } from '../compare/diff-report.js';
import type { PlanChange } from '../compare/models.js';
import { say } from '../words.js';
import { cappedAnnotations, type Annotation } from './github.js';
import { addGroup, cutLine, inline, MARKDOWN_LIMIT, MarkdownBudget } from './markdown.js';
import { lineUrl, repositoryPath, reviewOrder } from './places.js';
import { visible } from './safe-text.js';
import { summarize, type FormatContext } from './types.js';

/** The version of the `plan diff --format json` shape (docs/report-format.md). */
export const DIFF_FORMAT_VERSION = 1;

const clip = (text: string, n = 80): string => (text.length > n ? `${text.slice(0, n)}…` : text);

/** `80000 → 70000 ㎡`, `— → 巫山县足球场（九、…）`. */
export function beforeAfter(change: PlanChange): string {
  const unit = change.unit ? ` ${change.unit}` : '';
  if (change.before !== undefined && change.after !== undefined) return `${clip(change.before)} → ${clip(change.after)}${unit}`;
  if (change.before !== undefined) return `${clip(change.before)}${unit} → —`;
  if (change.after !== undefined) return `— → ${clip(change.after)}${unit}`;
  return '';
}

function what(change: PlanChange): string {
  return change.fact ?? change.field ?? '';
}

function titleOf(report: DiffReport, context: FormatContext): string {
  return say(context.lang, 'diffTitle', { base: report.base.label, head: report.head.label });
}

function text(report: DiffReport, context: FormatContext): string {
  const { lang } = context;
  const out = [titleOf(report, context), ''];
  for (const plan of report.plans) {
    if (plan.status === 'not-compared') out.push(say(lang, 'diffNotCompared', { id: plan.id }));
    const changes = report.changes.filter((change) => change.plan === plan.id);
    if (changes.length === 0) continue;
    out.push(`${plan.id}  (${say(lang, 'diffChanges', { n: changes.length })})`);
    for (const change of changes) {
      const where = change.location ? `  ${change.location.file}:${change.location.line}` : '';
      out.push(`  ${say(context.lang, change.kind)}  ${change.ref}  ${what(change)}  ${beforeAfter(change)}${where}`.replace(/ {3,}/g, '  '));
    }
    out.push('');
  }
  if (report.changes.length === 0) out.push(say(lang, 'diffNone'), '');
  out.push(say(lang, 'diffFindings', { ...report.comparison.counts }));
  const state = report.comparison.state;
  for (const finding of reviewOrder(report.findings.filter((f) => state.get(f) === 'new'), context)) {
    const at = finding.locations[0];
    out.push(`  ${say(lang, 'new')}  ${finding.severity}  ${at ? `${at.file}:${at.line}:${at.column}  ` : ''}${finding.message}  ${finding.ruleId}${finding.review ? ` ✓ ${finding.review.verdict}` : ''}`);
  }
  for (const finding of report.comparison.fixed) {
    out.push(`  ${say(lang, 'fixed')}  ${finding.severity}  ${finding.message}  ${finding.ruleId}`);
  }
  return `${out.map(visible).join('\n')}\n`;
}

function json(report: DiffReport, context: FormatContext): string {
  const state = report.comparison.state;
  const document = {
    formatVersion: DIFF_FORMAT_VERSION,
    version: context.version,
    command: 'diff',
    base: report.base,
    head: report.head,
    plans: report.plans,
    changes: report.changes.map(({ at: _at, ...change }) => change),
    findings: {
      ...report.comparison.counts,
      summary: summarize(report.findings),
      new: report.findings.filter((f) => state.get(f) === 'new'),
      fixed: report.comparison.fixed,
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function markdown(report: DiffReport, context: FormatContext): string {
  const { lang } = context;
  const budget = new MarkdownBudget(MARKDOWN_LIMIT);
  budget.force(`## ${inline(titleOf(report, context))}`);
  budget.force('');
  budget.force(`${report.changes.length === 0 ? say(lang, 'diffNone') : `${say(lang, 'diffChanges', { n: report.changes.length })}${say(lang, 'sentenceEnd')}`} ${say(lang, 'diffFindings', { ...report.comparison.counts })}`);
  budget.force('');
  const state = report.comparison.state;
  const fresh = reviewOrder(report.findings.filter((f) => state.get(f) === 'new'), context);
  const pending = { n: fresh.length + report.comparison.fixed.length };
  let complete = addGroup(budget, say(lang, 'newFindings'), fresh, context, false, pending);
  if (complete && report.changes.length > 0) {
    budget.force(`| ${say(lang, 'diffChange')} | ${say(lang, 'diffPlace')} | ${say(lang, 'diffWhat')} | ${say(lang, 'diffWas')} → ${say(lang, 'diffNow')} |`);
    budget.force('| --- | --- | --- | --- |');
    for (const change of report.changes) {
      const url = change.location ? lineUrl(change.location, context.repository) : undefined;
      const place = inline(`${change.plan} ${change.ref}`);
      const row = `| ${say(context.lang, change.kind)} | ${url ? `[${place}](${url})` : place} | ${inline(what(change))} | ${inline(beforeAfter(change))} |`;
      if (!budget.add(row, 600)) {
        complete = false;
        break;
      }
    }
    budget.force('');
  }
  if (complete) complete = addGroup(budget, say(lang, 'fixedFindings'), report.comparison.fixed, context, true, pending);
  if (!complete) budget.force(cutLine(context, pending.n));
  return budget.toString().replace(/\n{3,}/g, '\n\n').replace(/\n+$/, '\n');
}

function github(report: DiffReport, context: FormatContext): string {
  const state = report.comparison.state;
  const annotations: Annotation[] = [];
  const { lang } = context;
  for (const finding of reviewOrder(report.findings.filter((f) => state.get(f) === 'new' && !f.review), context)) {
    const where = finding.locations[0];
    annotations.push({ command: finding.severity === 'info' ? 'notice' : finding.severity, ...(where ? { where } : {}), title: `${finding.ruleId} (${say(lang, 'new')})`, lines: [finding.message] });
  }
  for (const change of report.changes) {
    annotations.push({
      command: 'notice',
      ...(change.location ? { where: change.location } : {}),
      title: say(context.lang, change.kind),
      lines: [`${change.ref} ${what(change)} ${beforeAfter(change)}`.trim()],
    });
  }
  for (const finding of report.comparison.fixed) {
    annotations.push({ command: 'notice', title: `${finding.ruleId} (${say(lang, 'fixed')})`, lines: [`${finding.message} (${repositoryPath(finding.locations[0]?.file ?? '', context.repository)})`] });
  }
  return cappedAnnotations(annotations, context);
}

/** `plan diff` in each of its formats. */
export const DIFF_FORMATS = { text, json, markdown, github } as const;
export type DiffFormatName = keyof typeof DIFF_FORMATS;
