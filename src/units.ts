import { rational, type Rational } from './decimal.js';

/** A unit as the audit compares it: what it measures and how many base units one of it is. */
export interface UnitMeaning {
  /** Figures compare only within one dimension (`area`, `money`, or a counted thing such as `户`). */
  readonly dimension: string;
  /** Base units in one of this unit: ㎡ for area, 元 for money, 米 for length. */
  readonly factor: Rational;
  /** The base unit's symbol, in which figures are reported. */
  readonly base: string;
}

const ONE = rational(1n);

// Maps: a unit is data, and a unit named `constructor` must not find Object.prototype's.
const BASE_UNITS = new Map<string, UnitMeaning>(Object.entries({
  '㎡': { dimension: 'area', factor: ONE, base: '㎡' },
  'm²': { dimension: 'area', factor: ONE, base: '㎡' },
  m2: { dimension: 'area', factor: ONE, base: '㎡' },
  平方米: { dimension: 'area', factor: ONE, base: '㎡' },
  // 1 亩 = 10 000/15 ㎡ exactly, by the definition of the unit.
  亩: { dimension: 'area', factor: rational(10000n, 15n), base: '㎡' },
  公顷: { dimension: 'area', factor: rational(10000n), base: '㎡' },
  元: { dimension: 'money', factor: ONE, base: '元' },
  米: { dimension: 'length', factor: ONE, base: '米' },
  m: { dimension: 'length', factor: ONE, base: '米' },
  km: { dimension: 'length', factor: rational(1000n), base: '米' },
  公里: { dimension: 'length', factor: rational(1000n), base: '米' },
  '%': { dimension: 'percent', factor: ONE, base: '%' },
  '％': { dimension: 'percent', factor: ONE, base: '%' },
}));

const PREFIXES = new Map<string, bigint>([['万', 10000n], ['亿', 100000000n], ['千', 1000n]]);

/**
 * What a printed unit means. 万 and 亿 (and 千) before any unit multiply it (万元, 亿元, 万㎡, 万户);
 * any other unit is a counted thing of its own (户 and 套 do not compare).
 */
export function unitMeaning(unit: string): UnitMeaning {
  const known = BASE_UNITS.get(unit);
  if (known) return known;
  const multiplier = PREFIXES.get(unit[0] ?? '');
  if (multiplier !== undefined && unit.length > 1) {
    const rest = unitMeaning(unit.slice(1));
    return { ...rest, factor: rational(rest.factor.num * multiplier, rest.factor.den) };
  }
  return { dimension: unit, factor: ONE, base: unit };
}

/** True for units of money, whatever their multiple (元, 万元, 亿元). */
export function isMoneyUnit(unit: string): boolean {
  return unitMeaning(unit).dimension === 'money';
}

/** The unit a message shows figures in: its name, and how many base units one of it is. */
export interface ShownUnit {
  readonly name: string;
  readonly factor: Rational;
}

/**
 * The unit to show figures of these printed units in. Money is shown as the plan prints it: in
 * the one money unit all of them print (亿元 where the figures are printed in 亿元), else in the
 * plan's money unit (万元), never in 元 the plan does not use. Any other measure is shown in its
 * base unit (㎡, 人).
 */
export function shownUnit(units: readonly string[], moneyUnit: string): ShownUnit {
  const first = unitMeaning(units[0] ?? '');
  if (first.dimension !== 'money') return { name: first.base, factor: ONE };
  const printed = units.every((unit) => unit === units[0]) ? units[0]! : moneyUnit;
  const meaning = unitMeaning(printed);
  return meaning.dimension === 'money' ? { name: printed, factor: meaning.factor } : { name: first.base, factor: ONE };
}
