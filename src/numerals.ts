const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100 };

/** Reads a Chinese numeral as printed in headings (`七`, `十二`, `二十`, `一百零五`); undefined if it is not one. */
export function parseChineseNumeral(text: string): number | undefined {
  if (text.length === 0) return undefined;
  let total = 0;
  let digit: number | undefined;
  for (const char of text) {
    if (char in DIGITS) {
      if (digit !== undefined && digit !== 0) return undefined;
      digit = DIGITS[char];
    } else if (char in UNITS) {
      total += (digit ?? 1) * UNITS[char]!;
      digit = undefined;
    } else {
      return undefined;
    }
  }
  return total + (digit ?? 0);
}

/** Writes 1–199 as a Chinese numeral, for messages (`8` → `八`, `12` → `十二`). */
export function toChineseNumeral(value: number): string {
  const names = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (value < 10) return names[value] ?? String(value);
  if (value < 20) return `十${value % 10 ? names[value % 10] : ''}`;
  if (value < 100) return `${names[Math.floor(value / 10)]}十${value % 10 ? names[value % 10] : ''}`;
  return String(value);
}
