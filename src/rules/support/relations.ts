import { mul, rational, type Rational } from '../../decimal.js';
import { baseValue, intervalsMeet, printedFigure, type Interval } from '../../figures.js';
import { divideIntervals, holdsZero, multiplyIntervals, nonNegativePart, relationInterval, scaleInterval } from '../../interval-arithmetic.js';
import type { FactReference, FigureStatement, PlanModel, Relation } from '../../model.js';
import { unitMeaning } from '../../units.js';
import { refOf, statementsByIdentity } from './fact-index.js';

export type Side = 'result' | 'left' | 'right';
export const SIDES: readonly Side[] = ['result', 'left', 'right'];

/** One side of a relation and its first numeric statement, when the plan states it. */
export interface StatedSide {
  readonly side: Side;
  readonly reference: FactReference;
  readonly statement?: FigureStatement;
  readonly interval?: Interval;
}

/** What a relation implies for one side from the other two. */
export interface Implied {
  readonly relation: Relation;
  readonly side: Side;
  readonly reference: FactReference;
  readonly interval: Interval;
  /** The value computed from the printed values themselves (bounds taken at their limit). */
  readonly point?: Rational;
  /** The base unit the implied value is in. */
  readonly unit: string;
  /** The two statements it is implied from. */
  readonly from: readonly FigureStatement[];
}

/**
 * Why a relation implies nothing for a side from the other two.
 * - `negative`: a figure is negative, which no quantity of a relation can be.
 * - `zero`: the figure it would divide by is 0 while the other is not: no value of the side
 *   makes the relation hold (750 places at 0 per 1,000 people).
 * A 0 divided by a 0 (no places at a rate of 0) implies nothing and is no finding: any value fits.
 */
export interface Unimplied {
  readonly relation: Relation;
  readonly side: Side;
  readonly reason: 'negative' | 'zero';
  /** The figure that makes it so. */
  readonly statement: FigureStatement;
  /** With `zero`: the figure that is not 0. */
  readonly other?: FigureStatement;
}

export function isUnimplied(value: Implied | Unimplied | undefined): value is Unimplied {
  return value !== undefined && 'reason' in value;
}

/**
 * The fact a relation names on two sides, when it does (`amount` = `base`): such a relation says
 * nothing about its facts and is reported as degenerate, never evaluated.
 */
export function repeatedFact(relation: Relation): FactReference | undefined {
  const [result, left, right] = SIDES.map((side) => relation[side]);
  if (result!.identity === left!.identity || result!.identity === right!.identity) return result;
  return left!.identity === right!.identity ? left : undefined;
}

/** The relations that can be evaluated: every one but those naming a fact twice. */
export function soundRelations(plan: PlanModel): Relation[] {
  return plan.relations.filter((relation) => repeatedFact(relation) === undefined);
}

function isNegative(statement: FigureStatement): boolean {
  return (statement.value?.num ?? 0n) < 0n || (statement.valueMax?.num ?? 0n) < 0n;
}

/** The first numeric statement of a fact for a period: the one a relation reads. */
export function statedValue(plan: PlanModel, identity: string): FigureStatement | undefined {
  return statementsByIdentity(plan).get(identity)?.find((s) => s.value !== undefined);
}

export function sidesOf(plan: PlanModel, relation: Relation): StatedSide[] {
  return SIDES.map((side) => {
    const reference = relation[side];
    const statement = statedValue(plan, reference.identity);
    const interval = statement && relationInterval(statement, plan.approximateTolerance);
    return { side, reference, ...(statement ? { statement } : {}), ...(interval ? { interval } : {}) };
  });
}

function baseUnit(statement: FigureStatement | undefined): string | undefined {
  return statement && unitMeaning(statement.unit).base;
}

/** The unit of a side that may be unstated, from the relation's shape and its stated sides. */
function unitOf(relation: Relation, side: Side, stated: readonly StatedSide[]): string {
  const [result, left, right] = stated.map((s) => s.statement);
  switch (side) {
    case 'result':
      return (relation.kind === 'ratio' ? baseUnit(left) : baseUnit(right)) ?? '';
    case 'left':
      return relation.kind === 'share' ? '%' : relation.kind === 'ratio' ? (baseUnit(result) ?? '') : '';
    case 'right':
      return relation.kind === 'ratio' ? unitMeaning(relation.rightUnit ?? '人').base : (baseUnit(result) ?? '');
  }
}

/**
 * What the relation `result = left × right ÷ divisor` implies for `side` from the other two
 * stated sides, as an interval; undefined unless both others are stated, and why not when a
 * figure is negative or a divisor is 0.
 */
export function implyFrom(relation: Relation, side: Side, sides: readonly StatedSide[]): Implied | Unimplied | undefined {
  if (sides.some((s) => s.side !== side && (!s.interval || !s.statement))) return undefined;
  // The side itself too, when stated: a negative total makes an all-stated relation uncheckable.
  const negative = sides.find((s) => s.statement && s.interval && (isNegative(s.statement) || !nonNegativePart(s.interval)));
  if (negative) return { relation, side, reason: 'negative', statement: negative.statement! };
  const stated = sides.map((s) => (s.interval ? { ...s, interval: nonNegativePart(s.interval)! } : s));
  const [result, left, right] = stated;
  const others = stated.filter((s) => s.side !== side);
  const points = others.map((s) => baseValue(s.statement!));
  const divisor = relation.divisor;
  const inverse = rational(divisor.den, divisor.num);
  let interval: Interval;
  let point: Rational | undefined;
  const [a, b] = points;
  const ratio = (x: Rational, y: Rational): Rational | undefined => (y.num === 0n ? undefined : rational(x.num * y.den, x.den * y.num));
  if (side === 'result') {
    interval = scaleInterval(multiplyIntervals(left!.interval!, right!.interval!), inverse);
    point = a && b && mul(mul(a, b), inverse);
  } else {
    const known = side === 'left' ? right! : left!;
    const quotient = divideIntervals(scaleInterval(result!.interval!, divisor), known.interval!);
    if (!quotient) {
      // 0 ÷ 0: any value fits, nothing is implied; anything else ÷ 0: no value fits.
      if (holdsZero(result!.interval!)) return undefined;
      return { relation, side, reason: 'zero', statement: known.statement!, other: result!.statement! };
    }
    interval = quotient;
    const resultPoint = baseValue(result!.statement!);
    const knownPoint = baseValue(known.statement!);
    point = resultPoint && knownPoint && ratio(mul(resultPoint, divisor), knownPoint);
  }
  return {
    relation,
    side,
    reference: relation[side],
    interval,
    ...(point ? { point } : {}),
    unit: unitOf(relation, side, stated),
    from: others.map((s) => s.statement!),
  };
}

/** `1.13个 (专栏1 序号1 2020年)` for a message. */
export function describeStatement(statement: FigureStatement): string {
  return `${printedFigure(statement)}（${refOf(statement)}）`;
}

/** `childcare.places@2020` as a reader sees it: `childcare.places（2020）`. */
export function describeReference(reference: FactReference): string {
  return reference.period ? `${reference.fact}（${reference.period}）` : reference.fact;
}

/** One relation as a view shows it for a fact: its formula, and what it implies or whether it holds. */
export interface RelationView {
  readonly relation: Relation;
  /** `childcare.places（2020） = rate（2020） × population.resident（2020） ÷ 1000`. */
  readonly formula: string;
  /** What it implies for its one unstated fact. */
  readonly implied?: Implied;
  /** With all three facts stated: whether the stated result meets what the others give. */
  readonly holds?: boolean;
  /** Why it neither implies nor is checked: a negative figure, a division by 0, or a fact named twice. */
  readonly unchecked?: 'negative' | 'zero' | 'repeated';
}

/** The relations that name the fact `identity` (key, or key@period), as relation-arithmetic and implied-quantities read them. */
export function relationsOf(plan: PlanModel, identity: string): RelationView[] {
  return plan.relations
    .filter((relation) => SIDES.some((side) => relation[side].identity === identity))
    .map((relation): RelationView => {
      const [result, left, right] = SIDES.map((side) => describeReference(relation[side]));
      const formula = `${result} = ${left} × ${right}${relation.divisor.num === 1n && relation.divisor.den === 1n ? '' : ` ÷ ${relation.divisor.num}`}`;
      if (repeatedFact(relation)) return { relation, formula, unchecked: 'repeated' };
      const sides = sidesOf(plan, relation);
      const unstated = sides.filter((s) => !s.statement);
      if (unstated.length > 1) return { relation, formula };
      const implied = implyFrom(relation, unstated[0]?.side ?? 'result', sides);
      if (!implied) return { relation, formula };
      if (isUnimplied(implied)) return { relation, formula, unchecked: implied.reason };
      if (unstated.length === 1) return { relation, formula, implied };
      return { relation, formula, holds: intervalsMeet(implied.interval, nonNegativePart(sides[0]!.interval!)!) };
    });
}

/** The facts relations name that no statement gives: the hidden quantities, by identity. */
export function hiddenFacts(plan: PlanModel): Map<string, FactReference> {
  const hidden = new Map<string, FactReference>();
  for (const relation of soundRelations(plan)) {
    for (const side of SIDES) {
      const reference = relation[side];
      if (!statedValue(plan, reference.identity)) hidden.set(reference.identity, reference);
    }
  }
  return hidden;
}
