import { compare, mul, sub, sum, toDecimalString, type Rational } from '../decimal.js';
import { addIntervals, baseValue, describeInterval, intervalOf, intervalsMeet, printedFigure, type Interval } from '../figures.js';
import type { AppendixTable, DeclaredSum, FigureStatement, PlanModel, SourceRef } from '../model.js';
import { isMoneyUnit, shownUnit, unitMeaning } from '../units.js';
import { refOf, resolveFact } from './support/fact-index.js';
import { defineRule, type RuleContext } from './rule.js';

type SumsMessage = 'sum-mismatch' | 'part-exceeds' | 'parts-exceed' | 'unknown-fact' | 'tables-mismatch' | 'unknown-table' | 'unit-mismatch';

export const declaredSums = defineRule({
  id: 'declared-sums',
  stage: 'audit',
  severity: 'error',
  description: {
    zh: '原文声明的部分之和（按类型的床位、按楼层的面积、各项目的托位之于专栏总数）等于所述总数；精确十进制，“约”按容差放宽。正文以附表合计之和所述的总投资（“总投资18.6亿元（详见附表1、附表2）”）按亿元、万元换算，按其印刷精度核对。',
    en: 'Declared part-sums (beds by kind, floor area by storey, places by project against a box total) equal the stated whole; exact decimals, 约 widened by its tolerance. A total the prose gives for several appendix tables (总投资18.6亿元（详见附表1、附表2）) is checked against their 合计s, 亿元 and 万元 converted, to its printed precision.',
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
    'tables-mismatch': {
      zh: '{total} 为 {stated}（合 {statedMoney}{unit}），但 {parts} 之和为 {computed}{unit}，相差 {difference}{unit}',
      en: '{total} is {stated} ({statedMoney} {unit}), but {parts} add up to {computed} {unit}; difference {difference} {unit}',
    },
    'unknown-table': {
      zh: '声明的合计引用了附表{table}，但规划没有该附表（有：{tables}）',
      en: 'the declared sum names 附表{table}, which the plan does not print (it prints: {tables})',
    },
    'unit-mismatch': {
      zh: '{total} 的部分 {part} 的单位 {unit} 与总数的单位 {totalUnit} 度量不同',
      en: "{total}: part {part} is in {unit}, which does not measure the same thing as the total's {totalUnit}",
    },
  },
  check({ plan, report }) {
    for (const declared of plan.sums) {
      if (declared.tables.length > 0) {
        checkTables(plan, declared, report);
        continue;
      }
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
      // Money as the plan prints it (万元, or 亿元 where all print 亿元), never in 元: 186200 万元, not 1862000000 元.
      const { base, inUnit } = reportUnit(plan, [total.unit, ...statements.map((s) => s.unit)]);
      const computedValue = inUnit(sum(statements.map((s) => baseValue(s)!)));
      const totalValue = inUnit(baseValue(total)!);
      const describe = (interval: Interval): string => describeInterval(interval, (value) => toDecimalString(inUnit(value)));
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
            values: [totalValue, inUnit(baseValue(over)!)],
            unit: base,
          });
        } else if (statements.length > 1 && exceeds(computed, stated)) {
          report({
            messageId: 'parts-exceed',
            at: total.at,
            related: [declared.at, ...statements.map((s) => s.at)],
            data: { total: totalName, stated: printedFigure(total), parts: statements.map((s) => printedFigure(s)).join(' + '), computed: describe(computed), base },
            values: [totalValue, computedValue],
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
          computed: describe(computed),
          difference: toDecimalString(sub(totalValue, computedValue)),
          base,
        },
        values: [totalValue, computedValue],
        unit: base,
      });
    }
  },
});

/**
 * The unit a sum is reported in, and the conversion from base units: money in the one money unit
 * all its figures print, else the plan's money unit; any other measure in its base unit.
 */
function reportUnit(plan: PlanModel, units: readonly string[]): { base: string; inUnit: (value: Rational) => Rational } {
  const shown = shownUnit(units, plan.moneyUnit);
  return { base: shown.name, inUnit: (value) => mul(value, { num: shown.factor.den, den: shown.factor.num }) };
}

/** A table's amount: its printed 合计, else its subtotals (when every section prints one), else its investments. */
function tableAmount(table: AppendixTable): { value: Rational; name: string; at: SourceRef } {
  const name = `${table.name} 合计`;
  if (table.total) return { value: table.total.value, name, at: table.total.at };
  const subtotals = table.sections.map((section) => section.subtotal);
  if (subtotals.every((subtotal) => subtotal !== undefined)) return { value: sum(subtotals.map((subtotal) => subtotal.value)), name, at: table.at };
  const investments = table.sections.flatMap((section) => section.projects.flatMap((project) => (project.investment ? [project.investment.value] : [])));
  return { value: sum(investments), name, at: table.at };
}

/**
 * A total the prose gives for appendix tables (and perhaps further parts): the tables' 合计s in
 * the plan's money unit, the total read to its printed precision (18.6亿元 is a rounded figure).
 */
function checkTables(plan: PlanModel, declared: DeclaredSum, report: RuleContext<SumsMessage>['report']): void {
  const total = resolveFact(plan, declared.total, declared.local);
  const statements = declared.parts.map((key) => resolveFact(plan, key, declared.local));
  for (const fact of [declared.total, ...declared.parts].filter((key) => !resolveFact(plan, key, declared.local))) {
    report({ messageId: 'unknown-fact', at: declared.at, data: { fact } });
  }
  const only = plan.appendixTables.length === 1 ? plan.appendixTables[0] : undefined;
  const tables = declared.tables.map((number) => plan.appendixTables.find((table) => table.number === number) ?? (only?.number === undefined && number === 1 ? only : undefined));
  declared.tables.forEach((number, index) => {
    if (tables[index]) return;
    report({ messageId: 'unknown-table', at: declared.at, data: { table: number, tables: plan.appendixTables.map((table) => table.name).join('、') || '—' } });
  });
  if (!total || total.value === undefined || !isComplete(statements) || statements.some((s) => s.value === undefined)) return;
  if (tables.some((table) => table === undefined)) return;
  const foreign = [total, ...statements].find((s) => !isMoneyUnit(s.unit));
  if (foreign) {
    report({ messageId: 'unit-mismatch', at: declared.at, related: [foreign.at], data: { total: declared.total, part: foreign.fact, unit: foreign.unit, totalUnit: plan.moneyUnit } });
    return;
  }
  const moneyFactor = unitMeaning(plan.moneyUnit).factor;
  const toMoneyUnit = (value: Rational): Rational => mul(value, { num: moneyFactor.den, den: moneyFactor.num });
  const amounts = (tables as AppendixTable[]).map(tableAmount);
  const stated = intervalOf(total, plan.approximateTolerance, 'printed')!;
  const parts = [
    ...statements.map((s) => intervalOf(s, plan.approximateTolerance, 'exact')!),
    ...amounts.map((amount) => {
      const value = mul(amount.value, moneyFactor);
      return { low: value, high: value, lowOpen: false, highOpen: false };
    }),
  ];
  const computed = addIntervals(parts);
  if (intervalsMeet(stated, computed)) return;
  const computedValue = toMoneyUnit(sum([...statements.map((s) => baseValue(s)!), ...amounts.map((amount) => mul(amount.value, moneyFactor))]));
  const statedValue = toMoneyUnit(baseValue(total)!);
  report({
    messageId: 'tables-mismatch',
    at: total.at,
    related: [declared.at, ...statements.map((s) => s.at), ...amounts.map((amount) => amount.at)],
    data: {
      total: `${declared.total}（${refOf(total)}）`,
      stated: printedFigure(total),
      statedMoney: toDecimalString(statedValue),
      parts: [...statements.map((s) => `${refOf(s)} ${printedFigure(s)}`), ...amounts.map((amount) => `${amount.name} ${toDecimalString(amount.value)}${plan.moneyUnit}`)].join(' + '),
      computed: toDecimalString(computedValue),
      difference: toDecimalString(sub(statedValue, computedValue)),
      unit: plan.moneyUnit,
    },
    values: [statedValue, computedValue],
    unit: plan.moneyUnit,
  });
}

/** True when every value of `part` is above every value of `whole`. */
function exceeds(part: Interval, whole: Interval): boolean {
  if (part.low === undefined || whole.high === undefined) return false;
  const order = compare(part.low, whole.high);
  return order > 0 || (order === 0 && (part.lowOpen || whole.highOpen));
}

function isComplete(statements: readonly (FigureStatement | undefined)[]): statements is FigureStatement[] {
  return statements.every((s) => s !== undefined);
}
