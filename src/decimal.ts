/**
 * Exact rational arithmetic on bigints, for every sum and comparison of printed figures.
 * No binary floating point is involved: `0.1 + 0.2` is exactly `0.3` here.
 */
export interface Rational {
  readonly num: bigint;
  /** Always positive. */
  readonly den: bigint;
}

const DECIMAL_PATTERN = /^([+-]?)(\d+)(?:\.(\d+))?$/;

// (Hot: every figure of an audit is made and compared here. No array is made per step, and a
// whole number, the most common figure, takes no division.)
function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const rest = x % y;
    x = y;
    y = rest;
  }
  return x;
}

export function rational(num: bigint, den: bigint = 1n): Rational {
  if (den === 1n) return { num, den };
  if (den === 0n) throw new RangeError('zero denominator');
  const sign = den < 0n ? -1n : 1n;
  const divisor = gcd(num, den) || 1n;
  return { num: (sign * num) / divisor, den: (sign * den) / divisor };
}

/** True when `text` is a plain decimal numeral: optional sign, digits, optional fraction. */
export function isDecimalText(text: string): boolean {
  return DECIMAL_PATTERN.test(text);
}

/** Parses a plain decimal numeral (`339.182`, `-4`, `0.40`); undefined for anything else. */
export function parseDecimal(text: string): Rational | undefined {
  const match = DECIMAL_PATTERN.exec(text);
  if (!match) return undefined;
  const [, sign, whole, fraction = ''] = match;
  const digits = BigInt(`${whole}${fraction}`);
  // A whole number (most figures) shares the one 1n: a bigint of its own per figure stays in the model.
  return rational(sign === '-' ? -digits : digits, fraction.length === 0 ? 1n : 10n ** BigInt(fraction.length));
}

/** Number of digits after the decimal point as printed (`2.20` → 2). */
export function decimalPlaces(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

export const ZERO = rational(0n);

export function add(a: Rational, b: Rational): Rational {
  if (a.den === b.den) return rational(a.num + b.num, a.den);
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Rational, b: Rational): Rational {
  if (a.den === b.den) return rational(a.num - b.num, a.den);
  return rational(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

export function compare(a: Rational, b: Rational): number {
  if (a.den === b.den) return a.num < b.num ? -1 : a.num > b.num ? 1 : 0;
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function sum(values: readonly Rational[]): Rational {
  return values.reduce(add, ZERO);
}

/** `10^-places / 2`: half a unit in the last printed place. */
export function halfUnit(places: number): Rational {
  return rational(1n, 2n * 10n ** BigInt(places));
}

/**
 * A plain number for reports and JSON output. Exact up to 12 significant decimals, which
 * is beyond any printed figure; never used in a comparison.
 */
export function toNumber(a: Rational): number {
  return Number(toDecimalString(a, 12));
}

/** Places needed to write `a` exactly, or undefined when it has no finite decimal form (1/3). */
function exactPlaces(a: Rational): number | undefined {
  let den = a.den;
  let twos = 0;
  let fives = 0;
  while (den % 2n === 0n) [den, twos] = [den / 2n, twos + 1];
  while (den % 5n === 0n) [den, fives] = [den / 5n, fives + 1];
  return den === 1n ? Math.max(twos, fives) : undefined;
}

/**
 * Decimal text, exact whenever the value has a finite decimal form (every sum of printed
 * figures does), else rounded to `maxPlaces`; trailing zeros removed (`1/3` → `0.333333`).
 */
export function toDecimalString(a: Rational, maxPlaces = 6): string {
  const exact = exactPlaces(a);
  if (exact !== undefined && exact > maxPlaces) maxPlaces = exact;
  const negative = a.num < 0n;
  const num = negative ? -a.num : a.num;
  const scale = 10n ** BigInt(maxPlaces);
  const scaled = (num * scale * 2n + a.den) / (2n * a.den);
  const whole = scaled / scale;
  let fraction = (scaled % scale).toString().padStart(maxPlaces, '0').replace(/0+$/, '');
  if (maxPlaces === 0) fraction = '';
  const text = fraction ? `${whole}.${fraction}` : `${whole}`;
  return negative && scaled !== 0n ? `-${text}` : text;
}

/** Decimal text with exactly `places` digits after the point, rounded half away from zero (`1/3`, 2 → `0.33`). */
export function toFixedDecimal(a: Rational, places: number): string {
  const negative = a.num < 0n;
  const num = negative ? -a.num : a.num;
  const scale = 10n ** BigInt(places);
  const scaled = (num * scale * 2n + a.den) / (2n * a.den);
  const whole = (scaled / scale).toString();
  const text = places > 0 ? `${whole}.${(scaled % scale).toString().padStart(places, '0')}` : whole;
  return negative && scaled !== 0n ? `-${text}` : text;
}
