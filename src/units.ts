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

/**
 * The kinds of quantity `plan init` keys figures by, numbered in each place (`box-3.item-1.count-2`
 * is the box item's second count): a draft's key names where a figure stands, not what it measures.
 */
const DRAFT_KINDS = new Set(['area', 'length', 'money', 'percent', 'people', 'households', 'beds', 'power', 'count']);

/** What kind of quantity a unit measures, for fact keys and for pairing figures across places. */
export function unitKind(unit: string): string {
  const bare = unit.replace(/^[万亿千]/, '').replace(/[／/].*$/, '');
  if (/^(㎡|m²|平方米|亩|公顷|平方公里)$/.test(bare)) return 'area';
  if (/^(米|公里|km)$/.test(bare) || bare === '千米') return 'length';
  if (bare === '元') return 'money';
  if (bare === '%' || bare === '％') return 'percent';
  if (/^(人|人次|名|位)$/.test(bare)) return 'people';
  if (/^(户)$/.test(bare)) return 'households';
  if (/^(张|床)$/.test(bare)) return 'beds';
  if (/^(瓦|千瓦)$/.test(bare)) return 'power';
  return 'count';
}

/**
 * Whether the last segment of a key is a draft's numbered kind (`count-1`, `area-2`): the nth
 * figure of its kind where it stands, which says nothing of what two places' figures measure.
 */
export function isNumberedKind(segment: string): boolean {
  const dash = segment.lastIndexOf('-');
  return dash > 0 && /^\d+$/.test(segment.slice(dash + 1)) && DRAFT_KINDS.has(segment.slice(0, dash));
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
