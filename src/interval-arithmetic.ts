import { compare, mul, rational, toDecimalString, ZERO, type Rational } from './decimal.js';
import { describeInterval, intervalOf, intervalsMeet, type Interval } from './figures.js';
import type { FigureStatement } from './model.js';
import { unitMeaning } from './units.js';

/**
 * Products and quotients of the intervals that printed figures stand for (figures.ts), for the
 * relations between facts: a ratio per 1,000 people, a per-capita area, a share, count × size.
 * Every interval here is of non-negative values, as every such quantity is: a side is cut to its
 * non-negative part first (`nonNegativePart`), so a printed 0 (`[-0.5, 0.5)`) counts as `[0, 0.5)`.
 */

const unbounded = (low: Rational | undefined, lowOpen: boolean, high: Rational | undefined, highOpen: boolean): Interval => ({
  lowOpen,
  highOpen,
  ...(low === undefined ? {} : { low }),
  ...(high === undefined ? {} : { high }),
});

function divide(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den, a.den * b.num);
}

/** `a × b`, both non-negative. */
export function multiplyIntervals(a: Interval, b: Interval): Interval {
  const low = mul(a.low ?? ZERO, b.low ?? ZERO);
  const high = a.high === undefined || b.high === undefined ? undefined : mul(a.high, b.high);
  return unbounded(low, a.lowOpen || b.lowOpen, high, a.highOpen || b.highOpen);
}

/**
 * `a ÷ b`, both non-negative; a divisor that may be 0 leaves the quotient unbounded above.
 * Undefined when the divisor is 0 and nothing else: no quotient is meant (`isOnlyZero`).
 */
export function divideIntervals(a: Interval, b: Interval): Interval | undefined {
  if (isOnlyZero(b)) return undefined;
  const low = b.high === undefined ? ZERO : divide(a.low ?? ZERO, b.high);
  const lowOpen = b.high === undefined ? true : a.lowOpen || b.highOpen;
  const divisorLow = b.low ?? ZERO;
  const high = a.high === undefined || compare(divisorLow, ZERO) <= 0 ? undefined : divide(a.high, divisorLow);
  return unbounded(low, lowOpen, high, a.highOpen || b.lowOpen);
}

/** True when the non-negative interval holds 0 and no other value: an exact 0, or `以内 0`. */
export function isOnlyZero(a: Interval): boolean {
  return a.high !== undefined && compare(a.high, ZERO) <= 0;
}

/** True when the interval holds 0. */
export function holdsZero(a: Interval): boolean {
  return intervalsMeet(a, { low: ZERO, high: ZERO, lowOpen: false, highOpen: false });
}

/**
 * The part of an interval at or above 0, or undefined when it has none (a negative figure):
 * the quantities a relation names (a rate, a population, a count, a size) are never negative.
 */
export function nonNegativePart(a: Interval): Interval | undefined {
  return intersectIntervals([a, { low: ZERO, lowOpen: false, highOpen: false }]);
}

/** `a × factor`, the factor exact and positive. */
export function scaleInterval(a: Interval, factor: Rational): Interval {
  return unbounded(a.low && mul(a.low, factor), a.lowOpen, a.high && mul(a.high, factor), a.highOpen);
}

/** Every value the intervals share, or undefined when they share none. */
export function intersectIntervals(intervals: readonly Interval[]): Interval | undefined {
  let result: Interval = { lowOpen: false, highOpen: false };
  for (const next of intervals) {
    if (!intervalsMeet(result, next)) return undefined;
    const low = pick(result.low, result.lowOpen, next.low, next.lowOpen, 1);
    const high = pick(result.high, result.highOpen, next.high, next.highOpen, -1);
    result = unbounded(low.value, low.open, high.value, high.open);
  }
  return result;
}

/** The tighter of two ends: the larger low (`sign` 1) or the smaller high (`sign` -1). */
function pick(a: Rational | undefined, aOpen: boolean, b: Rational | undefined, bOpen: boolean, sign: 1 | -1): { value?: Rational; open: boolean } {
  if (a === undefined) return b === undefined ? { open: bOpen } : { value: b, open: bOpen };
  if (b === undefined) return { value: a, open: aOpen };
  const order = compare(a, b) * sign;
  if (order > 0) return { value: a, open: aOpen };
  if (order < 0) return { value: b, open: bOpen };
  return { value: a, open: aOpen || bOpen };
}

/**
 * The interval a statement stands for in a relation. A whole number of counted things (15个,
 * 750个) is exact: nobody rounds a count of pitches. Any other figure is read with its printed
 * precision, 约 and bounds, as fact-agreement reads it.
 */
export function relationInterval(statement: FigureStatement, tolerance: Rational): Interval | undefined {
  const meaning = unitMeaning(statement.unit);
  const counted = meaning.dimension === meaning.base && compare(meaning.factor, rational(1n)) === 0;
  const whole = statement.valueText !== undefined && !statement.valueText.includes('.');
  return intervalOf(statement, tolerance, counted && whole ? 'exact' : 'printed');
}

/**
 * The middle of a bounded interval for the head of a message, rounded to `places` decimals with
 * no trailing zeros (`[3.18, 3.22)` → `3.2`); an unbounded one as `describeRounded` gives it.
 */
export function describeMiddle(interval: Interval, places = 2): string {
  if (interval.low === undefined || interval.high === undefined) return describeRounded(interval, places);
  const scale = 10n ** BigInt(places);
  const num = (interval.low.num * interval.high.den + interval.high.num * interval.low.den) * scale;
  const den = 2n * interval.low.den * interval.high.den;
  // Half up, away from zero, on the exact middle.
  const whole = (2n * (num < 0n ? -num : num) + den) / (2n * den);
  return toDecimalString(rational(num < 0n ? -whole : whole, scale));
}

/** An interval for a message, ends rounded outwards to `places` decimals: `[660792.95, 666666.67)`. */
export function describeRounded(interval: Interval, places = 2): string {
  const scale = 10n ** BigInt(places);
  return describeInterval(interval, (value, up) => {
    const scaled = value.num * scale;
    let whole = scaled / value.den;
    if (up && whole * value.den < scaled) whole += 1n;
    return toDecimalString(rational(whole, scale));
  });
}
