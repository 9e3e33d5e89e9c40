import { rational, type Rational } from '../decimal.js';
import { baseValue, commonPart, describeInterval, intervalOf, intervalsMeet, printedFigure, scaleInterval, type Interval } from '../figures.js';
import type { FigureStatement, PlanModel } from '../model.js';
import { unitMeaning } from '../units.js';
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
      // Each outlier names the consensus, but at most MAX_NAMED of its places: 2,000 statements
      // against 8,000 would otherwise be 16 million places.
      const named = consensus!.slice(0, MAX_NAMED);
      const refs = named.map((member) => refOf(member.statement)).join('、');
      const otherRef =
        consensus!.length > MAX_NAMED
          ? { zh: `${refs} 等 ${consensus!.length} 处`, en: `${refs} and ${consensus!.length - MAX_NAMED} more` }
          : refs;
      for (const { statement, interval } of outliers.flat()) {
        const unit = unitMeaning(statement.unit);
        // Intervals in the printed unit when both places print the same one (万元 against 万元), else in the base unit.
        const shown = statement.unit === reference.statement.unit ? { name: statement.unit, factor: unit.factor } : { name: unit.base, factor: ONE };
        report({
          messageId: 'disagree',
          at: statement.at,
          related: named.map((member) => member.statement.at),
          data: {
            fact: statement.fact,
            ref: refOf(statement),
            printed: printedFigure(statement),
            otherRef,
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

const ONE = rational(1n);
/** How many places of the consensus a disagreement names. */
const MAX_NAMED = 10;

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
  // Each cluster keeps the part all its members share: its members meet pairwise, so (Helly, in
  // one dimension) an interval meets every member exactly when it meets that common part. And
  // a statement whose interval an earlier one had goes where that one went: a cluster that
  // refused an interval refuses it for ever (common parts only shrink). So 10 000 statements of
  // one key cost one comparison per distinct interval and cluster, not one per pair.
  const clusters: { members: Member[]; common: Interval }[] = [];
  const homeOf = new Map<string, number>();
  for (const statement of statements) {
    const interval = intervalOf(statement, tolerance, 'printed');
    if (!interval) continue;
    const key = intervalKey(interval);
    let home = homeOf.get(key);
    if (home === undefined) {
      home = clusters.findIndex((cluster) => intervalsMeet(cluster.common, interval));
      if (home < 0) home = clusters.push({ members: [], common: interval }) - 1;
      homeOf.set(key, home);
    }
    const cluster = clusters[home]!;
    cluster.members.push({ statement, interval });
    cluster.common = commonPart(cluster.common, interval)!;
  }
  return clusters
    .map((cluster, index) => ({ cluster: cluster.members, index }))
    .sort((a, b) => b.cluster.length - a.cluster.length || a.index - b.index)
    .map((c) => c.cluster);
}

/** The same text for the same set of values. */
function intervalKey(interval: Interval): string {
  const end = (value: Rational | undefined): string => (value === undefined ? '' : `${value.num}/${value.den}`);
  return `${interval.lowOpen ? '(' : '['}${end(interval.low)},${end(interval.high)}${interval.highOpen ? ')' : ']'}`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}

