import type { Rational } from '../decimal.js';
import { baseValue, describeInterval, intervalOf, intervalsMeet, printedFigure, scaleInterval, type Interval } from '../figures.js';
import type { FigureStatement, PlanModel } from '../model.js';
import { shownUnit, unitMeaning } from '../units.js';
import { refOf, statementsByIdentity } from './support/fact-index.js';
import { defineRule } from './rule.js';

export const factAgreement = defineRule({
  id: 'fact-agreement',
  stage: 'audit',
  severity: 'error',
  description: {
    zh: '同一事实（同键同期）的各处陈述一致：换算单位后，按各自印刷精度（区间）及“约”、界限词判断。',
    en: 'Every statement of one fact (same key and period) agrees with the others after unit conversion, within printed precision (intervals), 约 and bounds.',
  },
  messages: {
    disagree: {
      zh: '{fact}：{ref} 为 {printed}，而 {otherRef} 为 {otherPrinted}，两者不一致（{interval} 与 {otherInterval} {base}无交集）',
      en: '{fact}: {printed} at {ref} disagrees with {otherPrinted} at {otherRef} ({interval} and {otherInterval} {base} do not meet)',
    },
    'unit-mismatch': {
      zh: '{fact}：{ref} 的单位 {unit} 与 {otherRef} 的单位 {otherUnit} 度量不同，无法比较',
      en: '{fact}: unit {unit} at {ref} does not measure the same thing as {otherUnit} at {otherRef}',
    },
  },
  check({ plan, report }) {
    for (const statements of statementsToCompare(plan).values()) {
      if (statements.filter((s) => s.value !== undefined).length < 2) continue;
      const { clusters, foreign } = compareStatements(statements, plan.approximateTolerance);
      const other = clusters[0]?.[0]?.statement;
      for (const statement of foreign) {
        if (!other) break;
        report({
          messageId: 'unit-mismatch',
          at: statement.at,
          related: [other.at],
          data: { fact: statement.fact, ref: refOf(statement), otherRef: refOf(other), unit: statement.unit, otherUnit: other.unit },
        });
      }
      if (clusters.length < 2) continue;
      const [consensus, ...outliers] = clusters;
      const reference = consensus![0]!;
      const referenceInterval = intervalOf(reference.statement, plan.approximateTolerance, 'printed')!;
      for (const { statement, interval } of outliers.flat()) {
        const unit = unitMeaning(statement.unit);
        // Intervals in the printed unit when both places print the same one (万元 against 万元), else
        // money in the plan's unit and other measures in their base unit.
        const shown = statement.unit === reference.statement.unit ? { name: statement.unit, factor: unit.factor } : shownUnit([statement.unit, reference.statement.unit], plan.moneyUnit);
        report({
          messageId: 'disagree',
          at: statement.at,
          related: consensus!.map((member) => member.statement.at),
          data: {
            fact: statement.fact,
            ref: refOf(statement),
            printed: printedFigure(statement),
            otherRef: consensus!.map((member) => refOf(member.statement)).join('、'),
            otherPrinted: printedFigure(reference.statement),
            interval: describeInterval(scaleInterval(interval, shown.factor)),
            otherInterval: describeInterval(scaleInterval(referenceInterval, shown.factor)),
            base: shown.name,
          },
          values: [baseValue(statement)!, baseValue(reference.statement)!],
          unit: unit.base,
        });
      }
    }
  },
});

/**
 * The statements that must agree, by identity. A held level (保持 / 稳定在) over a span of years
 * holds in each of them, so it also joins the statements of its key for every year of the span.
 */
export function statementsToCompare(plan: PlanModel): Map<string, FigureStatement[]> {
  const groups = statementsByIdentity(plan);
  const held = plan.facts.filter((s) => s.hold && !s.cumulative && s.period?.includes('-'));
  if (held.length === 0) return groups;
  const result = new Map([...groups].map(([identity, list]) => [identity, [...list]]));
  for (const statement of held) {
    const [first, last] = statement.period!.split('-').map(Number) as [number, number];
    for (let year = first; year <= last; year++) result.get(`${statement.fact}@${year}`)?.push(statement);
  }
  return result;
}

/** How the statements of one fact compare: what `plan trace` shows and this rule reports. */
export interface Comparison {
  /** Groups of statements that agree with each other, the one taken as what the plan says first. */
  readonly clusters: readonly (readonly Member[])[];
  /** Numeric statements in a unit that measures something else than the clusters' unit. */
  readonly foreign: readonly FigureStatement[];
}

/**
 * Compares the numeric statements of one fact: those in the most common dimension are grouped
 * by agreement; the others cannot be compared with them.
 */
export function compareStatements(statements: readonly FigureStatement[], tolerance: Rational): Comparison {
  const numeric = statements.filter((s) => s.value !== undefined);
  if (numeric.length === 0) return { clusters: [], foreign: [] };
  const byDimension = groupBy(numeric, (s) => unitMeaning(s.unit).dimension);
  const [main, ...foreign] = [...byDimension.values()].sort((a, b) => b.length - a.length);
  return { clusters: agreeingClusters(main!, tolerance), foreign: foreign.flat() };
}

export interface Member {
  readonly statement: FigureStatement;
  readonly interval: Interval;
}

/**
 * Groups statements that agree with every other member of their group, largest group first
 * (the earliest on a tie). The largest group is taken as what the plan says; each statement
 * outside it is reported once, against all of it, rather than once per pair.
 */
function agreeingClusters(statements: readonly FigureStatement[], tolerance: Rational): Member[][] {
  const clusters: Member[][] = [];
  for (const statement of statements) {
    const interval = intervalOf(statement, tolerance, 'printed');
    if (!interval) continue;
    const home = clusters.find((cluster) => cluster.every((member) => intervalsMeet(member.interval, interval)));
    if (home) home.push({ statement, interval });
    else clusters.push([{ statement, interval }]);
  }
  return clusters.map((cluster, index) => ({ cluster, index })).sort((a, b) => b.cluster.length - a.cluster.length || a.index - b.index).map((c) => c.cluster);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

