import { compare, rational, toDecimalString } from '../decimal.js';
import { coverageOf } from '../coverage.js';
import { defineRule } from './rule.js';

export const coverage = defineRule({
  id: 'coverage',
  stage: 'audit',
  severity: 'warning',
  reads: ['appendix', 'indicators', 'services', 'boxes', 'outline'],
  description: {
    zh: '原文中的数字被转录为数据（或认定不是数字）的比例不低于 plan.yaml 中 coverage 设定的下限；详见 plan coverage。',
    en: "The share of the source's numbers that the data transcribes (or recognises as not figures) is at least plan.yaml's coverage threshold; see plan coverage.",
  },
  messages: {
    'below-threshold': {
      zh: '原文的 {numbers} 个数字中有 {untranscribed} 个未转录，覆盖率 {covered}，低于下限 {threshold}（运行 plan coverage 查看清单）',
      en: '{untranscribed} of the source’s {numbers} numbers are not transcribed: coverage {covered} is below the threshold {threshold} (plan coverage lists them)',
    },
  },
  check({ plan, report }) {
    if (plan.coverageThreshold === undefined) return;
    const result = coverageOf(plan);
    if (!result || result.covered.den === 0) return;
    const share = rational(BigInt(result.covered.num), BigInt(result.covered.den));
    if (compare(share, plan.coverageThreshold) >= 0) return;
    report({
      messageId: 'below-threshold',
      at: { file: 'plan.yaml', pointer: '/coverage' },
      data: {
        numbers: result.covered.den,
        untranscribed: result.covered.den - result.covered.num,
        covered: toDecimalString(share, 3),
        threshold: toDecimalString(plan.coverageThreshold),
      },
      values: [share, plan.coverageThreshold],
    });
  },
});
