/** Years as the drafter's stages read them: a cell's span of years, and the period a plan that prints none gets. */
import { asciiDigits } from '../../headings.js';

export function readYears(printed: string): { start: number; end: number } | undefined {
  const cell = asciiDigits(printed);
  const span = /(\d{4})\s*年?\s*[-—–~～〜至到]\s*(\d{4})/u.exec(cell);
  if (span) return { start: Number(span[1]), end: Number(span[2]) };
  const one = /^(\d{4})\s*年?$/u.exec(cell.trim());
  if (one) return { start: Number(one[1]), end: Number(one[1]) };
  return undefined;
}

/** Five years from the year of issue: the last resort for a plan that prints no period. */
export function periodFromDate(date: string | undefined): { start: number; end: number } {
  const year = Number(date?.slice(0, 4) ?? new Date().getFullYear());
  return { start: year, end: year + 4 };
}
