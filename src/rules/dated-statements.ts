import { child } from '../pointer.js';
import type { FigureStatement } from '../model.js';
import { refOf } from './support/fact-index.js';
import { defineRule } from './rule.js';

/**
 * A year that dates what the quote says: `截至2021年底`, `到2025年`, `2020年`. Not a year of
 * comparison (`较2020年增长`), an edition (`2021年版`) or a time before or after something
 * (`2000年前建成`): those name a year without dating the statement.
 */
const YEAR = /(较|比|与|同|自|从)?([12]\d{3})年(版|前|以前|后|以后|起|以来)?/g;

function yearsNamed(quote: string): number[] {
  const years: number[] = [];
  for (const match of quote.matchAll(YEAR)) {
    if (match[1] !== undefined || match[3] !== undefined) continue;
    years.push(Number(match[2]));
  }
  return years;
}

function periodBounds(period: string): [number, number] {
  const [first, last] = period.split('-').map(Number);
  return [first!, last ?? first!];
}

export const datedStatements = defineRule({
  id: 'dated-statements',
  stage: 'audit',
  severity: 'warning',
  description: {
    zh: '陈述的引文所写的日期或年份落在其自身时期（period）之内；指标表的基数列应为规划期前一年。',
    en: 'A statement’s quote names no date or year outside its own period; the indicator table’s baseline column is the year before the plan period.',
  },
  messages: {
    'year-outside-period': {
      zh: '{ref} 的引文写的是 {year} 年，却记为 {period} 时期的数字：“{quote}”',
      en: 'the quote at {ref} is dated {year}, outside the statement’s own period {period}: “{quote}”',
    },
    'baseline-column': {
      zh: '指标表基数列为 {year} 年，不是规划期（{start}—{end}）的前一年 {expected} 年',
      en: 'the indicator table’s baseline column is {year}, not {expected}, the year before the plan period {start}–{end}',
    },
  },
  details: {
    'year-outside-period': { zh: '{fact}', en: '{fact}' },
  },
  check({ plan, report }) {
    const { start, end } = plan.period;
    const expected = start - 1;
    const columns = plan.indicatorColumns;
    if (columns?.baseline !== undefined && columns.baseline !== expected) {
      report({ messageId: 'baseline-column', at: { ...columns.at, pointer: child(columns.at.pointer, 'baseline') }, data: { year: columns.baseline, expected, start, end } });
    }
    // One finding a quote: several figures of one sentence share its date.
    const reported = new Set<string>();
    const quoted = (s: FigureStatement): s is FigureStatement & { quote: string; period: string } => s.quote !== undefined && s.period !== undefined;
    for (const statement of plan.facts.filter(quoted)) {
      const [first, last] = periodBounds(statement.period);
      const outside = yearsNamed(statement.quote).find((year) => year < first || year > last);
      const key = `${statement.at.file}\u0000${statement.quote}\u0000${statement.period}`;
      if (outside === undefined || reported.has(key)) continue;
      reported.add(key);
      report({
        messageId: 'year-outside-period',
        at: statement.at,
        data: { fact: statement.fact, ref: refOf(statement), year: outside, period: statement.period, quote: statement.quote },
      });
    }
  },
});
