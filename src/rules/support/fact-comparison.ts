import { compare, type Rational } from '../../decimal.js';
import { baseValue, boundDirection, commonPart, figureInQuote, intervalOf, intervalsMeet, type Interval } from '../../figures.js';
import type { FigureStatement, PlanModel, SourceRef } from '../../model.js';
import { unitMeaning } from '../../units.js';
import { statementsByIdentity } from './fact-index.js';

/**
 * The statements that must agree, by identity. A held level (保持 / 稳定在) over a span of years
 * holds in each of them, so it also joins the statements of its key for every year of the span.
 */
export function statementsToCompare(plan: PlanModel): Map<string, FigureStatement[]> {
  const known = toCompare.get(plan);
  if (known) return known;
  const groups = statementsByIdentity(plan);
  const held = plan.facts.filter((s) => s.hold && !s.cumulative && s.period?.includes('-'));
  if (held.length === 0) {
    toCompare.set(plan, groups);
    return groups;
  }
  const result = new Map([...groups].map(([identity, list]) => [identity, [...list]]));
  for (const statement of held) {
    const [first, last] = statement.period!.split('-').map(Number) as [number, number];
    for (let year = first; year <= last; year++) result.get(`${statement.fact}@${year}`)?.push(statement);
  }
  toCompare.set(plan, result);
  return result;
}

const toCompare = new WeakMap<PlanModel, Map<string, FigureStatement[]>>();
const comparisons = new WeakMap<readonly FigureStatement[], { tolerance: Rational; comparison: Comparison }>();

export interface Member {
  readonly statement: FigureStatement;
  readonly interval: Interval;
}

/** Two bounds of one direction with different limits (≥55% and 不低于50%): the plan sets two targets. */
export interface BoundPair {
  /** The later statement, where the difference is reported. */
  readonly statement: FigureStatement;
  /** The earlier statement it differs from. */
  readonly other: FigureStatement;
}

/**
 * One fact's verdict, the same in the audit and in every view: the statements' units measure
 * different things, their intervals do not meet, two bounds differ, or they agree.
 */
export type FactVerdict = 'agree' | 'disagree' | 'unit-mismatch' | 'different-bounds' | 'single' | 'not-numeric';

/** How the statements of one fact compare: what the fact rules report and `plan trace` and `plan facts` show. */
export interface Comparison {
  /** Groups of statements that agree with each other, the one taken as what the plan says first. */
  readonly clusters: readonly (readonly Member[])[];
  /** Numeric statements in a unit that measures something else than the clusters' unit. */
  readonly foreign: readonly FigureStatement[];
  /** Bounds of one direction and dimension whose limits differ, each later one against the first earlier one. */
  readonly differentBounds: readonly BoundPair[];
  readonly verdict: FactVerdict;
}

/**
 * Compares the statements of one fact: the numeric ones in the most common dimension are grouped
 * by agreement, the others cannot be compared with them; bounds of one direction are compared
 * by their limits. The fact-agreement and fact-bounds rules report from this, and the views
 * show it, so a pair has one verdict everywhere.
 */
export function compareFact(statements: readonly FigureStatement[], tolerance: Rational): Comparison {
  // The fact rules and the views compare one plan's groups (statementsToCompare) each: once.
  const known = comparisons.get(statements);
  if (known !== undefined && known.tolerance === tolerance) return known.comparison;
  const comparison = comparedFact(statements, tolerance);
  comparisons.set(statements, { tolerance, comparison });
  return comparison;
}

/** The comparison itself (see compareFact). */
function comparedFact(statements: readonly FigureStatement[], tolerance: Rational): Comparison {
  const numeric = statements.filter((s) => s.value !== undefined);
  const differentBounds = boundPairs(numeric);
  if (numeric.length < 2) return { clusters: numeric.length === 0 ? [] : agreeingClusters(numeric, tolerance), foreign: [], differentBounds, verdict: numeric.length === 0 ? 'not-numeric' : 'single' };
  const byDimension = groupBy(numeric, (s) => unitMeaning(s.unit).dimension);
  const [main, ...others] = [...byDimension.values()].sort((a, b) => b.length - a.length);
  const clusters = agreeingClusters(main!, tolerance);
  const foreign = others.flat();
  const verdict: FactVerdict =
    foreign.length > 0 ? 'unit-mismatch' : clusters.length > 1 ? 'disagree' : differentBounds.length > 0 ? 'different-bounds' : 'agree';
  return { clusters, foreign, differentBounds, verdict };
}

/**
 * The bounds of one fact that differ from an earlier one (see Comparison.differentBounds),
 * compared only when two of its numeric statements are bounds: most facts are stated once or
 * without a bound, and need no comparison for this.
 */
export function differentBoundsOf(statements: readonly FigureStatement[], tolerance: Rational): readonly BoundPair[] {
  let bounded = 0;
  for (const s of statements) if (s.value !== undefined && boundDirection(s.bound) !== undefined) bounded += 1;
  return bounded < 2 ? [] : compareFact(statements, tolerance).differentBounds;
}

/** Each bound that differs from an earlier one of the same direction and dimension. */
function boundPairs(statements: readonly FigureStatement[]): BoundPair[] {
  const bounded = statements.filter((s) => boundDirection(s.bound) !== undefined);
  const pairs: BoundPair[] = [];
  for (let j = 1; j < bounded.length; j++) {
    const later = bounded[j]!;
    const earlier = bounded
      .slice(0, j)
      .find(
        (s) =>
          boundDirection(s.bound) === boundDirection(later.bound) &&
          unitMeaning(s.unit).dimension === unitMeaning(later.unit).dimension &&
          compare(baseValue(s)!, baseValue(later)!) !== 0,
      );
    if (earlier) pairs.push({ statement: later, other: earlier });
  }
  return pairs;
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

/** The statement's place with its figure named, so a view can mark the disputed figure inside the quoted sentence. */
export function figurePlace(statement: FigureStatement): SourceRef {
  const figure = figureInQuote({ ...statement, quote: statement.at.quote });
  return figure === undefined ? statement.at : { ...statement.at, figure };
}
