import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, toChineseNumeral } from '../src/numerals.js';

describe('Chinese numerals', () => {
  it('write and read back every number from 0 to 9999', () => {
    const wrong: number[] = [];
    for (let value = 0; value <= 9999; value++) if (parseChineseNumeral(toChineseNumeral(value)) !== value) wrong.push(value);
    expect(wrong).toEqual([]);
  });

  it.each([
    [7, '七'], [12, '十二'], [20, '二十'], [105, '一百零五'], [110, '一百一十'], [199, '一百九十九'], [1000, '一千'], [1010, '一千零一十'], [2001, '二千零一'], [9999, '九千九百九十九'],
  ])('writes %i as %s', (value, text) => {
    expect(toChineseNumeral(value)).toBe(text);
  });

  it.each([
    ['两', 2], ['两千零一十', 2010], ['〇', 0], ['十', 10], ['一千', 1000],
  ])('reads %s as %i', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each(['', '十十', '百千', '五五', '一百五', '百', '千', '零十', 'x', '12'])('does not read %j as a numeral', (text) => {
    expect(parseChineseNumeral(text)).toBeUndefined();
  });

  it.each([-1, 1.5, 10000])('writes %d in digits, outside what it can name', (value) => {
    expect(toChineseNumeral(value)).toBe(String(value));
  });
});
