import { decimalPlaces } from '../decimal.js';
import { baseValue, intervalOf, intervalsMeet, printedFigure } from '../figures.js';
import type { FigureStatement } from '../model.js';
import { unitMeaning } from '../units.js';
import { refOf, statementsByIdentity } from './support/fact-index.js';
import { factName } from './support/fact-names.js';
import { defineRule } from './rule.js';

/**
 * The held level read at the baseline's precision: “保持100%” against a baseline of 99.5 means
 * 100.0, not anything from 99.5 to 100.5. A level said to be held is one already reached.
 */
function atPrecisionOf(held: FigureStatement, baseline: FigureStatement): FigureStatement {
  const text = held.valueText!;
  const places = decimalPlaces(baseline.valueText ?? '') - decimalPlaces(text);
  if (places <= 0) return held;
  return { ...held, valueText: `${text}${text.includes('.') ? '' : '.'}${'0'.repeat(places)}` };
}

export const heldLevels = defineRule({
  id: 'held-levels',
  stage: 'audit',
  severity: 'warning',
  description: {
    zh: '标为“保持”“稳定在”（hold）的水平就是基数年的水平：同一事实在规划期前一年的陈述应与之相符。',
    en: 'A level marked as held (保持, 稳定在: `hold`) is the level of the baseline year: the statements of the same fact for the year before the plan period agree with it.',
  },
  messages: {
    'baseline-differs': {
      zh: '{name}：{ref} 说“保持”{printed}，但 {baselineRef} 的 {year} 年基数为 {baselinePrinted}，并非已达到的水平',
      en: '{name}: {ref} says the level {printed} is held, but the {year} baseline at {baselineRef} is {baselinePrinted}: it is not a level already reached',
    },
  },
  details: {
    'baseline-differs': { zh: '{fact}', en: '{fact}' },
  },
  check({ plan, report }) {
    const year = String(plan.period.start - 1);
    for (const held of plan.facts) {
      if (!held.hold || held.value === undefined) continue;
      const baselines = (statementsByIdentity(plan).get(`${held.fact}@${year}`) ?? []).filter(
        (s) => s !== held && s.value !== undefined && unitMeaning(s.unit).dimension === unitMeaning(held.unit).dimension,
      );
      const differing = baselines.filter((baseline) => {
        const interval = intervalOf(atPrecisionOf(held, baseline), plan.approximateTolerance, 'printed');
        return interval !== undefined && !intervalsMeet(intervalOf(baseline, plan.approximateTolerance, 'printed')!, interval);
      });
      if (differing.length === 0) continue;
      const first = differing[0]!;
      report({
        messageId: 'baseline-differs',
        at: held.at,
        related: differing.map((s) => s.at),
        data: {
          name: factName(plan, [held, first]),
          fact: held.fact,
          ref: refOf(held),
          printed: printedFigure(held),
          year,
          baselineRef: differing.map(refOf).join('、'),
          baselinePrinted: printedFigure(first),
        },
        values: [baseValue(held)!, baseValue(first)!],
        unit: unitMeaning(held.unit).base,
      });
    }
  },
});
