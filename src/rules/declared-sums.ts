import { compare, mul, rational, sub, sum, toDecimalString } from '../decimal.js';
import { addIntervals, baseValue, describeInterval, intervalOf, intervalsMeet, printedFigure, scaleInterval, type Interval } from '../figures.js';
import type { FigureStatement } from '../model.js';
import { shownUnit, unitMeaning } from '../units.js';
import { refOf, resolveFact } from './support/fact-index.js';
import { defineRule } from './rule.js';

export const declaredSums = defineRule({
  id: 'declared-sums',
  stage: 'audit',
  severity: 'error',
  description: {
    zh: '原文声明的部分之和（按类型的床位、按楼层的面积、各项目的托位之于专栏总数）等于所述总数；精确十进制，“约”按容差放宽。',
    en: 'Declared part-sums (beds by kind, floor area by storey, places by project against a box total) equal the stated whole; exact decimals, 约 widened by its tolerance.',
  },
  messages: {
    'sum-mismatch': {
      zh: '{total} 为 {stated}，但其各部分 {parts} 之和为 {computed}{base}，相差 {difference}{base}',
      en: '{total} is {stated}, but its parts {parts} add up to {computed} {base}; difference {difference} {base}',
    },
    'part-exceeds': {
      zh: '{total} 为 {stated}，但其中 {part} 为 {partPrinted}，超过总数',
      en: '{total} is {stated}, but its part {part} is {partPrinted}, more than the whole',
    },
    'parts-exceed': {
      zh: '{total} 为 {stated}，但其中各部分 {parts} 之和为 {computed}{base}，超过总数',
      en: '{total} is {stated}, but its parts {parts} add up to {computed} {base}, more than the whole',
    },
    'unknown-fact': {
      zh: '声明的合计引用了不存在的事实 “{fact}”',
      en: "the declared sum names a fact that is not stated anywhere: '{fact}'",
    },
    'unit-mismatch': {
      zh: '{total} 的部分 {part} 的单位 {unit} 与总数的单位 {totalUnit} 度量不同',
      en: "{total}: part {part} is in {unit}, which does not measure the same thing as the total's {totalUnit}",
    },
  },
  check({ plan, report }) {
    for (const declared of plan.sums) {
      const total = resolveFact(plan, declared.total, declared.local);
      const statements = declared.parts.map((key) => resolveFact(plan, key, declared.local));
      const missing = [declared.total, ...declared.parts].filter((key) => !resolveFact(plan, key, declared.local));
      for (const fact of missing) report({ messageId: 'unknown-fact', at: declared.at, data: { fact } });
      if (!total || !isComplete(statements)) continue;
      if (total.value === undefined || statements.some((s) => s.value === undefined)) continue;
      const dimension = unitMeaning(total.unit).dimension;
      const foreign = statements.find((s) => unitMeaning(s.unit).dimension !== dimension);
      if (foreign) {
        report({
          messageId: 'unit-mismatch',
          at: declared.at,
          related: [foreign.at],
          data: { total: declared.total, part: foreign.fact, unit: foreign.unit, totalUnit: total.unit },
        });
        continue;
      }
      const stated = intervalOf(total, plan.approximateTolerance, 'exact')!;
      const computed = addIntervals(statements.map((s) => intervalOf(s, plan.approximateTolerance, 'exact')!));
      const computedValue = sum(statements.map((s) => baseValue(s)!));
      const base = unitMeaning(total.unit).base;
      // Money as the plan prints it (万元, or 亿元 where all print 亿元); other measures in their base unit.
      const shown = shownUnit([total.unit, ...statements.map((s) => s.unit)], plan.moneyUnit);
      const inShown = (interval: Interval): string => describeInterval(scaleInterval(interval, shown.factor));
      const totalName = `${declared.total}（${refOf(total)}）`;
      if (declared.open) {
        // 其中 parts need not be complete: each part, and the parts together, are at most the whole.
        const over = statements.find((s) => exceeds(intervalOf(s, plan.approximateTolerance, 'exact')!, stated));
        if (over) {
          report({
            messageId: 'part-exceeds',
            at: over.at,
            related: [total.at, declared.at],
            data: { total: totalName, stated: printedFigure(total), part: `${over.fact}（${refOf(over)}）`, partPrinted: printedFigure(over) },
            values: [baseValue(total)!, baseValue(over)!],
            unit: base,
          });
        } else if (statements.length > 1 && exceeds(computed, stated)) {
          report({
            messageId: 'parts-exceed',
            at: total.at,
            related: [declared.at, ...statements.map((s) => s.at)],
            data: { total: totalName, stated: printedFigure(total), parts: statements.map((s) => printedFigure(s)).join(' + '), computed: inShown(computed), base: shown.name },
            values: [baseValue(total)!, computedValue],
            unit: base,
          });
        }
        continue;
      }
      if (intervalsMeet(stated, computed)) continue;
      report({
        messageId: 'sum-mismatch',
        at: total.at,
        related: [declared.at, ...statements.map((s) => s.at)],
        data: {
          total: totalName,
          stated: printedFigure(total),
          parts: statements.map((s) => printedFigure(s)).join(' + '),
          computed: inShown(computed),
          difference: toDecimalString(mul(sub(baseValue(total)!, computedValue), rational(shown.factor.den, shown.factor.num))),
          base: shown.name,
        },
        values: [baseValue(total)!, computedValue],
        unit: base,
      });
    }
  },
});

/** True when every value of `part` is above every value of `whole`. */
function exceeds(part: Interval, whole: Interval): boolean {
  if (part.low === undefined || whole.high === undefined) return false;
  const order = compare(part.low, whole.high);
  return order > 0 || (order === 0 && (part.lowOpen || whole.highOpen));
}

function isComplete(statements: readonly (FigureStatement | undefined)[]): statements is FigureStatement[] {
  return statements.every((s) => s !== undefined);
}
