import { compare, rational } from '../decimal.js';
import { printedFigure } from '../figures.js';
import { unitMeaning } from '../units.js';
import { indicatorWhere } from '../model.js';
import { defineRule } from './rule.js';

const HUNDRED = rational(100n);

export const indicatorForms = defineRule({
  id: 'indicator-forms',
  stage: 'audit',
  severity: 'warning',
  reads: ['indicators'],
  description: {
    zh: '指标的基数与目标形式一致：同为或同不为【】五年累计数；百分比不超过 100；单位与数值相称。',
    en: 'An indicator’s baseline and target have coherent forms: both or neither are 【】 five-year totals; a percentage is not above 100.',
  },
  messages: {
    'cumulative-mismatch': {
      zh: '{where} 序号{serial} “{name}”：{cumulativeColumn} {cumulativePrinted} 为五年累计数，而 {otherColumn} {otherPrinted} 不是',
      en: "{where} indicator {serial} '{name}': the {cumulativeColumn} {cumulativePrinted} is a five-year total but the {otherColumn} {otherPrinted} is not",
    },
    'percent-over-100': {
      zh: '{where} 序号{serial} “{name}”：{column} {printed} 超过 100%',
      en: "{where} indicator {serial} '{name}': the {column} {printed} is above 100%",
    },
  },
  check({ plan, report }) {
    const columns = { baseline: { zh: '基数', en: 'baseline' }, target: { zh: '目标', en: 'target' } } as const;
    for (const indicator of plan.indicatorCategories.flatMap((c) => c.indicators)) {
      const { baseline, target } = indicator;
      const base = { box: plan.indicatorBox ?? '', where: indicatorWhere(plan), serial: indicator.label, name: indicator.name };
      if (baseline.value && target.value && baseline.cumulative !== target.cumulative) {
        const [cumulative, other, cumulativeColumn, otherColumn] = baseline.cumulative
          ? [baseline, target, columns.baseline, columns.target]
          : [target, baseline, columns.target, columns.baseline];
        report({
          messageId: 'cumulative-mismatch',
          at: other.at,
          related: [cumulative.at],
          data: { ...base, cumulativeColumn, otherColumn, cumulativePrinted: printedFigure(cumulative), otherPrinted: printedFigure(other) },
        });
      }
      for (const [column, cell] of [['baseline', baseline], ['target', target]] as const) {
        if (unitMeaning(cell.unit).dimension === 'percent' && cell.value && compare(cell.value, HUNDRED) > 0) {
          report({ messageId: 'percent-over-100', at: cell.at, data: { ...base, column: columns[column], printed: printedFigure(cell) } });
        }
      }
    }
  },
});

