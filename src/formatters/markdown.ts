import type { Finding } from '../model.js';
import { summarize, type Formatter } from './types.js';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const ICONS = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;

function where(finding: Finding): string {
  const primary = finding.locations[0];
  if (!primary) return '';
  return `\`${primary.file}:${primary.line}:${primary.column}\`${primary.ref ? ` ${primary.ref}` : ''}`;
}

/** A report for a pull-request comment: a summary table per plan, then one row per finding. */
export const markdownFormatter: Formatter = ({ run, findings }, context) => {
  const zh = context.lang === 'zh';
  const total = summarize(findings);
  const lines = [
    `## plan ${context.command}`,
    '',
    zh ? '| 规划 | 错误 | 警告 | 提示 | 已接受 |' : '| plan | errors | warnings | info | suppressed |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...run.plans.map((plan) => {
      const s = summarize(plan.findings);
      return `| ${cell(plan.id ?? plan.dir)} | ${s.error} | ${s.warning} | ${s.info} | ${s.suppressed} |`;
    }),
    `| **${zh ? '合计' : 'total'}** | **${total.error}** | **${total.warning}** | **${total.info}** | **${total.suppressed}** |`,
    '',
  ];
  if (findings.length > 0) {
    lines.push(zh ? '| 级别 | 规则 | 位置 | 说明 |' : '| severity | rule | location | message |', '| --- | --- | --- | --- |');
    for (const finding of findings) {
      const severity = `${ICONS[finding.severity]} ${finding.severity}${finding.suppressed ? (zh ? '（已接受）' : ' (suppressed)') : ''}`;
      lines.push(`| ${severity} | \`${finding.ruleId}\` | ${cell(where(finding))} | ${cell(finding.message)} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
};
