import { compare, rational } from '../decimal.js';
import { intervalOf, printedFigure } from '../figures.js';
import { indicatorWhere, type Indicator } from '../model.js';
import { defineRule } from './rule.js';

const ZERO_TOLERANCE = rational(0n);

export const indicatorDirection = defineRule({
  id: 'indicator-direction',
  stage: 'audit',
  severity: 'warning',
  reads: ['indicators'],
  description: {
    zh: '目标朝进步方向变化：越高越好的指标，目标不低于基数；越低越好的，目标不高于基数。',
    en: 'Targets move the right way: for an indicator where higher is better the target is not below the baseline, and the reverse.',
  },
  messages: {
    'falls-below': {
      zh: '{where} 序号{serial} “{name}” 越高越好，但目标 {target} 低于基数 {baseline}',
      en: "{where} indicator {serial} '{name}' should rise, but its target {target} is below its baseline {baseline}",
    },
    'rises-above': {
      zh: '{where} 序号{serial} “{name}” 越低越好，但目标 {target} 高于基数 {baseline}',
      en: "{where} indicator {serial} '{name}' should fall, but its target {target} is above its baseline {baseline}",
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
        data: { box: plan.indicatorBox ?? '', where: indicatorWhere(plan), serial: indicator.label, name: indicator.name, target: printedFigure(indicator.target), baseline: printedFigure(indicator.baseline) },
      });
    }
  },
});

/** Compares the exact printed values, so `4 → ＜4` is a fall and `100 → 100` holds. */
function wrongWay(indicator: Indicator): 'falls-below' | 'rises-above' | undefined {
  // A held target (保持 / 稳定在) does not move: whether it meets its baseline is the held level's question, not the direction's.
  if (indicator.better === 'none' || indicator.target.hold || indicator.baseline.cumulative !== indicator.target.cumulative) return undefined;
  const baseline = intervalOf(indicator.baseline, ZERO_TOLERANCE, 'exact');
  const target = intervalOf(indicator.target, ZERO_TOLERANCE, 'exact');
  if (!baseline || !target) return undefined;
  if (indicator.better === 'higher' && target.high && baseline.low && compare(target.high, baseline.low) < 0) return 'falls-below';
  if (indicator.better === 'lower' && target.low && baseline.high && compare(target.low, baseline.high) > 0) return 'rises-above';
  return undefined;
}
