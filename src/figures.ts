import {
  add,
  compare,
  decimalPlaces,
  halfUnit,
  mul,
  sub,
  toDecimalString,
  type Rational,
} from './decimal.js';
import type { FigureStatement } from './model.js';
import { unitMeaning } from './units.js';

/**
 * A set of values a printed figure may stand for, in its unit's base unit (㎡, 元, 米 …).
 * An absent end is unbounded.
 */
export interface Interval {
  readonly low?: Rational;
  readonly high?: Rational;
  readonly lowOpen: boolean;
  readonly highOpen: boolean;
}

/**
 * The bound words and signs by meaning. The schema's `bound` enum is the list a plan may use;
 * a test keeps this table, the schema and the docs' table the same.
 */
export const BOUND_WORDS = {
  'at-least': ['不少于', '不低于', '至少', '以上', '≥'],
  above: ['超过', '高于', '＞', '>'],
  'at-most': ['以内', '以下', '不超过', '不高于', '≤'],
  below: ['低于', '＜', '<'],
} as const;
const AT_LEAST: ReadonlySet<string> = new Set(BOUND_WORDS['at-least']);
const ABOVE: ReadonlySet<string> = new Set(BOUND_WORDS.above);
const AT_MOST: ReadonlySet<string> = new Set(BOUND_WORDS['at-most']);
const BELOW: ReadonlySet<string> = new Set(BOUND_WORDS.below);
/** Bound words printed after the number (`1.5万人以上`); the others stand before it (`≥30`, `不少于700㎡`). */
const TRAILING_BOUNDS = new Set(['以上', '以内', '以下']);

export type BoundDirection = 'at-least' | 'at-most';

export function boundDirection(bound: string | undefined): BoundDirection | undefined {
  if (bound === undefined) return undefined;
  if (AT_LEAST.has(bound) || ABOVE.has(bound)) return 'at-least';
  if (AT_MOST.has(bound) || BELOW.has(bound)) return 'at-most';
  return undefined;
}

export type Reading = 'printed' | 'exact';

/**
 * The values a statement stands for.
 * - `printed`: as a restatement is read (XBRL Calculations 1.1): `3.16` stands for
 *   [3.155, 3.165), half a unit of its last printed place either side.
 * - `exact`: as a declared sum is read: the printed parts add up to the printed whole exactly.
 * Either way 约 widens by `tolerance` (relative), and a bound opens the interval on one side.
 */
export function intervalOf(statement: FigureStatement, tolerance: Rational, reading: Reading): Interval | undefined {
  // Many rules ask for one statement's interval: it is worked out once for each tolerance and reading.
  const known = intervals[reading].get(statement);
  if (known !== undefined && known.tolerance === tolerance) return known.interval;
  const interval = workedOutInterval(statement, tolerance, reading);
  intervals[reading].set(statement, { tolerance, interval });
  return interval;
}

const intervals = { printed: new WeakMap<FigureStatement, { tolerance: Rational; interval: Interval | undefined }>(), exact: new WeakMap<FigureStatement, { tolerance: Rational; interval: Interval | undefined }>() };

/** The interval itself (see intervalOf). */
function workedOutInterval(statement: FigureStatement, tolerance: Rational, reading: Reading): Interval | undefined {
  if (!statement.value || statement.valueText === undefined) return undefined;
  const factor = unitMeaning(statement.unit).factor;
  const direction = boundDirection(statement.bound);
  const lowValue = statement.value;
  const highValue = statement.valueMax ?? statement.value;
  // A range that ends below its start (8-5) holds no value: nothing to compare (the schema check
  // reports it as the input's own error).
  if (compare(highValue, lowValue) < 0) return undefined;
  const precision = (text: string | undefined): Rational =>
    reading === 'printed' && direction === undefined ? halfUnit(decimalPlaces(text ?? '')) : { num: 0n, den: 1n };
  const slack = (value: Rational): Rational =>
    statement.approx ? mul(value.num < 0n ? { num: -value.num, den: value.den } : value, tolerance) : { num: 0n, den: 1n };
  let low: Rational | undefined = sub(sub(lowValue, precision(statement.valueText)), slack(lowValue));
  let high: Rational | undefined = add(add(highValue, precision(statement.valueMaxText ?? statement.valueText)), slack(highValue));
  const rounded = reading === 'printed' && direction === undefined;
  let lowOpen = false;
  let highOpen = rounded && !statement.approx;
  if (direction === 'at-least') {
    high = undefined;
    lowOpen = ABOVE.has(statement.bound ?? '');
  } else if (direction === 'at-most') {
    low = undefined;
    highOpen = BELOW.has(statement.bound ?? '');
  }
  return {
    lowOpen,
    highOpen,
    ...(low === undefined ? {} : { low: mul(low, factor) }),
    ...(high === undefined ? {} : { high: mul(high, factor) }),
  };
}

/** True when two intervals share at least one value. */
export function intervalsMeet(a: Interval, b: Interval): boolean {
  return below(a.low, a.lowOpen, b.high, b.highOpen) && below(b.low, b.lowOpen, a.high, a.highOpen);
}

/** The values two intervals share, or undefined when they do not meet. */
export function commonPart(a: Interval, b: Interval): Interval | undefined {
  if (!intervalsMeet(a, b)) return undefined;
  const lowOrder = a.low === undefined ? 1 : b.low === undefined ? -1 : compare(a.low, b.low);
  const highOrder = a.high === undefined ? -1 : b.high === undefined ? 1 : compare(a.high, b.high);
  const low = lowOrder > 0 || (lowOrder === 0 && a.lowOpen) ? a : b;
  const high = highOrder < 0 || (highOrder === 0 && a.highOpen) ? a : b;
  return {
    lowOpen: low.lowOpen,
    highOpen: high.highOpen,
    ...(low.low === undefined ? {} : { low: low.low }),
    ...(high.high === undefined ? {} : { high: high.high }),
  };
}

function below(low: Rational | undefined, lowOpen: boolean, high: Rational | undefined, highOpen: boolean): boolean {
  if (low === undefined || high === undefined) return true;
  const order = compare(low, high);
  return order < 0 || (order === 0 && !lowOpen && !highOpen);
}

/** The sum of intervals: each end is the sum of the ends. */
export function addIntervals(intervals: readonly Interval[]): Interval {
  let low: Rational | undefined = { num: 0n, den: 1n };
  let high: Rational | undefined = { num: 0n, den: 1n };
  let lowOpen = false;
  let highOpen = false;
  for (const interval of intervals) {
    low = low === undefined || interval.low === undefined ? undefined : add(low, interval.low);
    high = high === undefined || interval.high === undefined ? undefined : add(high, interval.high);
    lowOpen ||= interval.lowOpen;
    highOpen ||= interval.highOpen;
  }
  return { lowOpen, highOpen, ...(low === undefined ? {} : { low }), ...(high === undefined ? {} : { high }) };
}

/** The statement's value in its unit's base unit (`339.182 万㎡` → 3 391 820 ㎡). */
export function baseValue(statement: FigureStatement): Rational | undefined {
  return statement.value && mul(statement.value, unitMeaning(statement.unit).factor);
}

/** The figure as a reader sees it printed: `约70000㎡`, `【1.53】万人`, `≥30%`, `1.5万人以上`, `应保尽保`. */
export function printedFigure(statement: FigureStatement): string {
  if (statement.valueText === undefined) return statement.text ?? '—';
  let number = statement.valueMaxText ? `${statement.valueText}-${statement.valueMaxText}` : statement.valueText;
  if (statement.cumulative) number = `【${number}】`;
  const bound = statement.bound ?? '';
  const leading = bound && !TRAILING_BOUNDS.has(bound) ? bound : '';
  const trailing = TRAILING_BOUNDS.has(bound) ? bound : '';
  return `${statement.approx ? '约' : ''}${leading}${number}${statement.unit}${trailing}`;
}

/**
 * Where the statement's figure stands in its quote, as printed there: the figure as the data
 * spells it (`约112526㎡`), else the number with its unit, else the number alone, each only
 * where it is not part of a longer number. Undefined when the quote does not hold it.
 */
export function figureInQuote(statement: FigureStatement): string | undefined {
  const { quote, valueText } = statement;
  if (quote === undefined || valueText === undefined) return undefined;
  const number = statement.valueMaxText ? `${valueText}-${statement.valueMaxText}` : valueText;
  const candidates = [printedFigure(statement).replace(/[【】]/g, ''), `${statement.approx ? '约' : ''}${number}${statement.unit}`, `${number}${statement.unit}`, number];
  for (const candidate of candidates) {
    for (let at = quote.indexOf(candidate); at >= 0; at = quote.indexOf(candidate, at + 1)) {
      const before = quote[at - 1];
      const after = quote[at + candidate.length];
      if ((before === undefined || !/[\d.]/.test(before)) && (after === undefined || !/[\d.]/.test(after) || !/\d$/.test(candidate))) return candidate;
    }
  }
  return undefined;
}

/** The interval in units of `factor` base units (`[315500, 316500)` 元 → `[31.55, 31.65)` 万元). */
export function scaleInterval(interval: Interval, factor: Rational): Interval {
  const inverse = { num: factor.den, den: factor.num };
  return {
    lowOpen: interval.lowOpen,
    highOpen: interval.highOpen,
    ...(interval.low === undefined ? {} : { low: mul(interval.low, inverse) }),
    ...(interval.high === undefined ? {} : { high: mul(interval.high, inverse) }),
  };
}

/**
 * An interval for a message: `[31550, 31650)`, `≥ 550000`. `write` words each end (`high` is
 * true for the upper one), exactly by default.
 */
export function describeInterval(interval: Interval, write: (value: Rational, high: boolean) => string = (value) => toDecimalString(value)): string {
  const low = interval.low && write(interval.low, false);
  const high = interval.high && write(interval.high, true);
  if (low !== undefined && high !== undefined) {
    if (low === high) return low;
    return `${interval.lowOpen ? '(' : '['}${low}, ${high}${interval.highOpen ? ')' : ']'}`;
  }
  if (low !== undefined) return `${interval.lowOpen ? '>' : '≥'} ${low}`;
  if (high !== undefined) return `${interval.highOpen ? '<' : '≤'} ${high}`;
  return '(-∞, ∞)';
}
