const DIGITS: ReadonlyMap<string, number> = new Map([
  ['〇', 0], ['零', 0], ['一', 1], ['二', 2], ['两', 2], ['三', 3], ['四', 4], ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9],
]);
const UNITS: ReadonlyMap<string, number> = new Map([['十', 10], ['百', 100], ['千', 1000]]);
const NAMES = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/**
 * Reads a Chinese numeral from 0 to 9999 as printed in headings and serials (`七`, `十二`,
 * `二十`, `一百零五`, `一千`, `两千零一十`); undefined if it is not one. Each unit (千, 百, 十)
 * stands at most once and in falling order, so `十十` and `百千` are not numerals.
 */
export function parseChineseNumeral(text: string): number | undefined {
  if (text.length === 0) return undefined;
  let total = 0;
  let digit: number | undefined;
  let lastUnit = Number.POSITIVE_INFINITY;
  let zeroSeen = false;
  for (const char of text) {
    const value = DIGITS.get(char);
    if (value !== undefined) {
      // Two digits in a row are only a zero before a digit (一百零五), never 五五.
      if (digit !== undefined && !(digit === 0 && value !== 0)) return undefined;
      if (value === 0) zeroSeen = true;
      digit = value;
      continue;
    }
    const unit = UNITS.get(char);
    if (unit === undefined || unit >= lastUnit || digit === 0) return undefined;
    // A bare 十 stands for 一十 only at the start (十二); elsewhere it needs its digit (一百一十).
    if (digit === undefined && !(unit === 10 && total === 0)) return undefined;
    total += (digit ?? 1) * unit;
    lastUnit = unit;
    digit = undefined;
    zeroSeen = false;
  }
  if (digit !== undefined) {
    // A trailing digit after a unit must fill the place just below it, or follow a zero (一百零五).
    if (lastUnit !== Number.POSITIVE_INFINITY && digit !== 0 && !zeroSeen && lastUnit !== 10) {
      return undefined;
    }
    total += digit;
  }
  return total;
}

/** Writes 0 to 9999 as a Chinese numeral for messages (`8` → `八`, `12` → `十二`, `105` → `一百零五`); other numbers in digits. */
export function toChineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 9999) return String(value);
  if (value < 10) return NAMES[value]!;
  if (value < 20) return `十${value % 10 ? NAMES[value % 10] : ''}`;
  let text = '';
  let pendingZero = false;
  for (const [unit, name] of [[1000, '千'], [100, '百'], [10, '十'], [1, '']] as const) {
    const digit = Math.floor(value / unit) % 10;
    if (digit === 0) {
      if (text !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) text += '零';
    pendingZero = false;
    text += `${NAMES[digit]}${name}`;
  }
  return text;
}
