import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Finding, Lang, Severity } from '../model.js';
import { summarize, type FormatContext, type Formatter } from './types.js';

/** Related places shown under a finding; the rest are counted. */
const MAX_RELATED = 4;

const WORDS: Record<Lang, Record<Severity | 'suppressed' | 'plan' | 'total' | 'clean' | 'audited' | 'notAudited' | 'more', string>> = {
  zh: { error: '错误', warning: '警告', info: '提示', suppressed: '已接受', plan: '规划', total: '合计', clean: '未发现问题', audited: '已审计', notAudited: '未审计（先修正上列错误）', more: '另有 {n} 处' },
  en: { error: 'error', warning: 'warning', info: 'info', suppressed: 'suppressed', plan: 'plan', total: 'total', clean: 'no problems found', audited: 'audited', notAudited: 'not audited (fix the errors above first)', more: '{n} more places' },
};

function severityLabel(finding: Finding, words: (typeof WORDS)[Lang], paint: ChalkInstance): string {
  if (finding.suppressed) return paint.gray(words.suppressed);
  const label = words[finding.severity];
  return finding.severity === 'error' ? paint.red(label) : finding.severity === 'warning' ? paint.yellow(label) : paint.blue(label);
}

function findingLines(finding: Finding, context: FormatContext, paint: ChalkInstance, showFile: boolean): string[] {
  const words = WORDS[context.lang];
  const [primary, ...others] = finding.locations;
  const position = primary ? `${showFile ? `${primary.file}:` : ''}${primary.line}:${primary.column}` : '';
  const lines = [`  ${paint.dim(position)}  ${severityLabel(finding, words, paint)}  ${finding.message}  ${paint.dim(finding.ruleId)}`];
  if (primary?.quote && finding.locations.length > 1) lines.push(`      ${paint.dim(`${primary.ref ?? ''} “${clip(primary.quote)}”`)}`);
  for (const other of others.slice(0, MAX_RELATED)) {
    const quote = other.quote ? ` “${clip(other.quote)}”` : '';
    lines.push(`      ${paint.dim(`↳ ${other.file}:${other.line}:${other.column}  ${other.ref ?? ''}${quote}`)}`);
  }
  if (others.length > MAX_RELATED) lines.push(`      ${paint.dim(`↳ ${words.more.replace('{n}', String(others.length - MAX_RELATED))}`)}`);
  if (finding.suppressed) lines.push(`      ${paint.gray(`${words.suppressed}: ${finding.suppressed.reason}`)}`);
  return lines;
}

const clip = (text: string): string => (text.length > 50 ? `${text.slice(0, 50)}…` : text);

/** Findings grouped by file (or by rule), then a summary table per plan. Colour only when allowed. */
export const textFormatter: Formatter = ({ run, findings }, context) => {
  const paint = new Chalk({ level: context.color ? 1 : 0 });
  const words = WORDS[context.lang];
  const out: string[] = [];
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = context.groupBy === 'rule' ? finding.ruleId : (finding.locations[0]?.file ?? '');
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  for (const [key, group] of groups) {
    out.push(paint.underline(key));
    for (const finding of group) out.push(...findingLines(finding, context, paint, context.groupBy === 'rule'));
    out.push('');
  }
  const table = new Table({
    head: [words.plan, words.error, words.warning, words.info, words.suppressed, ''],
    style: { head: context.color ? ['bold'] : [], border: context.color ? ['grey'] : [] },
    colAligns: ['left', 'right', 'right', 'right', 'right', 'left'],
  });
  for (const plan of run.plans) {
    const s = summarize(plan.findings);
    const status = context.command === 'audit' ? (plan.audited ? words.audited : words.notAudited) : '';
    table.push([plan.id ?? plan.dir, s.error, s.warning, s.info, s.suppressed, status]);
  }
  const total = summarize(findings);
  if (run.plans.length !== 1 || run.inputFindings.length > 0) {
    table.push([words.total, total.error, total.warning, total.info, total.suppressed, '']);
  }
  if (findings.length === 0) out.push(paint.green(words.clean));
  out.push(table.toString());
  return `${out.join('\n')}\n`;
};
