import { compare, rational } from '../decimal.js';
import { intervalOf, printedFigure } from '../figures.js';
import type { Indicator } from '../model.js';
import { unitMeaning } from '../units.js';
import { defineRule } from './rule.js';

const ZERO_TOLERANCE = rational(0n);
const HUNDRED = rational(100n);

export const indicatorForms = defineRule({
  id: 'indicator-forms',
  severity: 'warning',
  description: {
    zh: '指标的基数与目标形式一致：同为或同不为【】五年累计数；百分比不超过 100；单位与数值相称。',
    en: 'An indicator’s baseline and target have coherent forms: both or neither are 【】 five-year totals; a percentage is not above 100.',
  },
  messages: {
    'cumulative-mismatch': {
      zh: '专栏序号 {serial} “{name}”：{cumulativeColumn} {cumulativePrinted} 为五年累计数，而 {otherColumn} {otherPrinted} 不是',
      en: "indicator {serial} '{name}': the {cumulativeColumn} {cumulativePrinted} is a five-year total but the {otherColumn} {otherPrinted} is not",
    },
    'percent-over-100': {
      zh: '专栏序号 {serial} “{name}”：{column} {printed} 超过 100%',
      en: "indicator {serial} '{name}': the {column} {printed} is above 100%",
    },
  },
  check({ plan, report }) {
    const columns = { baseline: { zh: '基数', en: 'baseline' }, target: { zh: '目标', en: 'target' } } as const;
    for (const indicator of plan.indicatorCategories.flatMap((c) => c.indicators)) {
      const { baseline, target } = indicator;
      const base = { serial: indicator.label, name: indicator.name };
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

export const indicatorDirection = defineRule({
  id: 'indicator-direction',
  severity: 'warning',
  description: {
    zh: '目标朝进步方向变化：越高越好的指标，目标不低于基数；越低越好的，目标不高于基数。',
    en: 'Targets move the right way: for an indicator where higher is better the target is not below the baseline, and the reverse.',
  },
  messages: {
    'falls-below': {
      zh: '专栏序号 {serial} “{name}” 越高越好，但目标 {target} 低于基数 {baseline}',
      en: "indicator {serial} '{name}' should rise, but its target {target} is below its baseline {baseline}",
    },
    'rises-above': {
      zh: '专栏序号 {serial} “{name}” 越低越好，但目标 {target} 高于基数 {baseline}',
      en: "indicator {serial} '{name}' should fall, but its target {target} is above its baseline {baseline}",
    },
  },
  check({ plan, report }) {
    for (const indicator of plan.indicatorCategories.flatMap((c) => c.indicators)) {
      const wrong = wrongWay(indicator);
      if (!wrong) continue;
      report({
        messageId: wrong,
        at: indicator.target.at,
        related: [indicator.baseline.at],
        data: { serial: indicator.label, name: indicator.name, target: printedFigure(indicator.target), baseline: printedFigure(indicator.baseline) },
      });
    }
  },
});

/** Compares the exact printed values, so `4 → ＜4` is a fall and `100 → 100` holds. */
function wrongWay(indicator: Indicator): 'falls-below' | 'rises-above' | undefined {
  if (indicator.better === 'none' || indicator.baseline.cumulative !== indicator.target.cumulative) return undefined;
  const baseline = intervalOf(indicator.baseline, ZERO_TOLERANCE, 'exact');
  const target = intervalOf(indicator.target, ZERO_TOLERANCE, 'exact');
  if (!baseline || !target) return undefined;
  if (indicator.better === 'higher' && target.high && baseline.low && compare(target.high, baseline.low) < 0) return 'falls-below';
  if (indicator.better === 'lower' && target.low && baseline.high && compare(target.low, baseline.high) > 0) return 'rises-above';
  return undefined;
}
