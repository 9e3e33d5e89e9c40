import { sub, sum, toDecimalString, type Rational } from '../decimal.js';
import type { Amount } from '../model.js';
import { defineRule } from './rule.js';

const show = (value: Rational): string => toDecimalString(value);

export const appendixSums = defineRule({
  id: 'appendix-sums',
  stage: 'audit',
  severity: 'error',
  reads: ['appendix'],
  description: {
    zh: '附表各项目投资之和等于所在部分的小计，各部分小计之和等于合计；有多张附表时逐张核对。精确十进制运算。',
    en: 'Project investments add up to their section subtotal, and subtotals to the grand total, table by table where the plan prints several. Exact decimal arithmetic.',
  },
  messages: {
    'subtotal-mismatch': {
      zh: '{section} 小计为 {stated}{unit}，但其 {count} 个项目（序号 {serials}）投资之和为 {computed}{unit}，相差 {difference}{unit}',
      en: '{section}: subtotal {stated} {unit}, but its {count} projects (serials {serials}) add up to {computed} {unit}; difference {difference} {unit}',
    },
    'total-mismatch': {
      zh: '{totalName}为 {stated}{unit}，但 {count} 个部分小计之和为 {computed}{unit}，相差 {difference}{unit}',
      en: '{totalName} {stated} {unit}, but the {count} section subtotals add up to {computed} {unit}; difference {difference} {unit}',
    },
  },
  check({ plan, report }) {
    const unit = plan.moneyUnit;
    for (const table of plan.appendixTables) {
      // A numbered table names itself (附表2 一、教育); the only, unnumbered one needs no name.
      const prefix = table.number === undefined ? '' : `${table.name} `;
      const subtotals: Amount[] = [];
      for (const section of table.sections) {
        const investments = section.projects.flatMap((project) => (project.investment ? [project.investment] : []));
        if (!section.subtotal) continue;
        subtotals.push(section.subtotal);
        const computed = sum(investments.map((amount) => amount.value));
        const difference = sub(section.subtotal.value, computed);
        if (difference.num === 0n) continue;
        report({
          messageId: 'subtotal-mismatch',
          at: section.subtotal.at,
          related: investments.map((amount) => amount.at),
          data: {
            section: `${prefix}${section.label}、${section.name}`,
            stated: section.subtotal.text,
            computed: show(computed),
            difference: show(difference),
            count: investments.length,
            serials: section.projects.map((project) => project.label).join(', '),
            unit,
          },
          values: [section.subtotal.value, computed],
          unit,
        });
      }
      const total = table.total;
      if (!total) continue;
      const computed = sum(subtotals.map((amount) => amount.value));
      const difference = sub(total.value, computed);
      if (difference.num === 0n) continue;
      report({
        messageId: 'total-mismatch',
        at: total.at,
        related: subtotals.map((amount) => amount.at),
        data: {
          totalName: table.number === undefined ? { zh: '合计', en: 'grand total' } : { zh: `${table.name} 合计`, en: `${table.name} 合计` },
          stated: total.text,
          computed: show(computed),
          difference: show(difference),
          count: subtotals.length,
          unit,
        },
        values: [total.value, computed],
        unit,
      });
    }
  },
});
