import { describe, expect, it } from 'vitest';
import { add, compare, decimalPlaces, parseDecimal, rational, sum, toDecimalString } from '../src/decimal.js';
import { intervalOf, intervalsMeet, describeInterval } from '../src/figures.js';
import type { FigureStatement } from '../src/model.js';
import { parseChineseNumeral, toChineseNumeral } from '../src/numerals.js';
import { unitMeaning } from '../src/units.js';

const figure = (valueText: string, unit: string, extra: Partial<FigureStatement> = {}): FigureStatement => ({
  fact: 'x',
  identity: 'x',
  valueText,
  value: parseDecimal(valueText)!,
  unit,
  approx: false,
  cumulative: false,
  hold: false,
  ownQuote: false,
  at: { file: 'f.yaml', pointer: '' },
  ...extra,
});
const FIVE_PERCENT = rational(5n, 100n);

describe('exact decimals', () => {
  it('adds without binary floating point', () => {
    expect(toDecimalString(add(parseDecimal('0.1')!, parseDecimal('0.2')!))).toBe('0.3');
    expect(compare(sum(['443.9', '449.3', '1374.06', '899', '449.3'].map((t) => parseDecimal(t)!)), parseDecimal('3615.56')!)).toBe(0);
  });

  it('keeps more digits than a double holds', () => {
    const big = parseDecimal('123456789012345678901234.5')!;
    expect(toDecimalString(add(big, parseDecimal('0.5')!))).toBe('123456789012345678901235');
  });

  it.each([
    ['2.20', 2],
    ['339.182', 3],
    ['70000', 0],
  ])('%s has %i printed places', (text, places) => expect(decimalPlaces(text)).toBe(places));

  it.each(['1,625,359', '0x1A', '.inf', '1e5', '１２３', ''])('refuses %j as a decimal', (text) => {
    expect(parseDecimal(text)).toBeUndefined();
  });
});

describe('units', () => {
  it.each([
    ['万㎡', 'area', '10000'],
    ['亩', 'area', '666.666667'],
    ['亿元', 'money', '100000000'],
    ['万元', 'money', '10000'],
    ['km', 'length', '1000'],
    ['万户', '户', '10000'],
    ['套', '套', '1'],
  ])('%s measures %s, %s base units each', (unit, dimension, factor) => {
    const meaning = unitMeaning(unit);
    expect(meaning.dimension).toBe(dimension);
    expect(toDecimalString(meaning.factor)).toBe(factor);
  });
});

describe('figure intervals (XBRL Calculations 1.1 precision)', () => {
  it('3.16 万户 stands for [31550, 31650)', () => {
    expect(describeInterval(intervalOf(figure('3.16', '万户'), FIVE_PERCENT, 'printed')!)).toBe('[31550, 31650)');
  });

  it('339 万㎡ meets 339.182 万㎡, and 339.183 does not meet 339.182', () => {
    const tolerance = FIVE_PERCENT;
    expect(intervalsMeet(intervalOf(figure('339', '万㎡'), tolerance, 'printed')!, intervalOf(figure('339.182', '万㎡'), tolerance, 'printed')!)).toBe(true);
    expect(intervalsMeet(intervalOf(figure('339.183', '万㎡'), tolerance, 'printed')!, intervalOf(figure('339.182', '万㎡'), tolerance, 'printed')!)).toBe(false);
  });

  it('约70000 ㎡ meets 70000 but not 80000', () => {
    const approx = intervalOf(figure('70000', '㎡', { approx: true }), FIVE_PERCENT, 'printed')!;
    expect(intervalsMeet(approx, intervalOf(figure('70000', '㎡'), FIVE_PERCENT, 'printed')!)).toBe(true);
    expect(intervalsMeet(approx, intervalOf(figure('80000', '㎡'), FIVE_PERCENT, 'printed')!)).toBe(false);
  });

  it('bounds open one side: ≥55 meets 不低于50, ＞95 meets 95 as printed but not exactly', () => {
    expect(intervalsMeet(intervalOf(figure('55', '%', { bound: '≥' }), FIVE_PERCENT, 'printed')!, intervalOf(figure('50', '%', { bound: '不低于' }), FIVE_PERCENT, 'printed')!)).toBe(true);
    expect(intervalsMeet(intervalOf(figure('95', '%', { bound: '＞' }), FIVE_PERCENT, 'printed')!, intervalOf(figure('95', '%'), FIVE_PERCENT, 'printed')!)).toBe(true);
    expect(intervalsMeet(intervalOf(figure('95', '%', { bound: '＞' }), FIVE_PERCENT, 'exact')!, intervalOf(figure('95', '%'), FIVE_PERCENT, 'exact')!)).toBe(false);
  });

  it('a range that ends below its start holds no value: no interval, even where two floats cannot tell the ends apart', () => {
    const range = (low: string, high: string): FigureStatement => figure(low, '个', { valueMaxText: high, valueMax: parseDecimal(high)! });
    expect(intervalOf(range('8', '5'), FIVE_PERCENT, 'printed')).toBeUndefined();
    expect(intervalOf(range('0.30000000000000000001', '0.3'), FIVE_PERCENT, 'exact')).toBeUndefined();
    expect(describeInterval(intervalOf(range('5', '8'), FIVE_PERCENT, 'exact')!)).toBe('[5, 8]');
  });

  it('converts 亩 exactly: 15 亩 is 10000 ㎡', () => {
    expect(describeInterval(intervalOf(figure('15', '亩'), FIVE_PERCENT, 'exact')!)).toBe('10000');
  });
});

describe('Chinese numerals', () => {
  it.each([
    ['一', 1],
    ['七', 7],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十三', 23],
    ['一百零五', 105],
  ])('%s is %i', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });
  it.each(['', 'a', '七七', '3'])('%j is not a numeral', (text) => expect(parseChineseNumeral(text)).toBeUndefined());
  it('writes 8 and 12 back', () => expect([toChineseNumeral(8), toChineseNumeral(12)]).toEqual(['八', '十二']));
});
