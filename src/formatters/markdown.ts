import type { Finding } from '../model.js';
import { say } from '../words.js';
import { markdownCode, markdownText } from './safe-text.js';
import { summarize, type Formatter } from './types.js';

const ICONS = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;

function where(finding: Finding): string {
  const primary = finding.locations[0];
  if (!primary) return '';
  return `${markdownCode(`${primary.file}:${primary.line}:${primary.column}`)}${primary.ref ? ` ${markdownText(primary.ref)}` : ''}`;
}

/** A report for a pull-request comment: a summary table per plan, then one row per finding. */
export const markdownFormatter: Formatter = ({ run, findings }, context) => {
  const word = (id: Parameters<typeof say>[1]): string => say(context.lang, id);
  const total = summarize(findings);
  const lines = [
    `## plan ${context.command}`,
    '',
    `| ${word('plan')} | ${word('errors')} | ${word('warnings')} | ${word('info')} | ${word('suppressed')} |`,
    '| --- | ---: | ---: | ---: | ---: |',
    ...run.plans.map((plan) => {
      const s = summarize(plan.findings);
      return `| ${markdownText(plan.id ?? plan.dir)} | ${s.error} | ${s.warning} | ${s.info} | ${s.suppressed} |`;
    }),
    `| **${word('total')}** | **${total.error}** | **${total.warning}** | **${total.info}** | **${total.suppressed}** |`,
    '',
  ];
  if (findings.length > 0) {
    lines.push(`| ${word('severity')} | ${word('rule')} | ${word('location')} | ${word('message')} |`, '| --- | --- | --- | --- |');
    for (const finding of findings) {
      const severity = `${ICONS[finding.severity]} ${finding.severity}${finding.suppressed ? word('suppressedMark') : ''}`;
      lines.push(`| ${severity} | ${markdownCode(finding.ruleId)} | ${where(finding)} | ${markdownText(finding.message)} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
};
