/** Years as the drafter's stages read them: a cell's span of years, and the period a plan that prints none gets. */
import { asciiDigits } from '../../headings.js';
import { YEAR_MONTH } from '../../read/lines.js';

/** The years the data format holds (figure.schema.json `year`). */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

const SPAN = new RegExp(String.raw`(\d{4})${YEAR_MONTH}\s*[-—–~～〜至到]+\s*(\d{4})`, 'u');
const ONE = new RegExp(String.raw`^(\d{4})${YEAR_MONTH}$`, 'u');

/** A project's years as its cell prints them: 2021-2023, 2021年—2023年, 2021.1-2023.12, 2021年3月—2022年12月, or one year. */
export function readYears(printed: string): { start: number; end: number } | undefined {
  const cell = asciiDigits(printed);
  const span = SPAN.exec(cell);
  const one = span ? undefined : ONE.exec(cell.trim());
  const years = span ? { start: Number(span[1]), end: Number(span[2]) } : one ? { start: Number(one[1]), end: Number(one[1]) } : undefined;
  // Four digits out of the years the format holds (an amount, 9400, in a column read as the years') are not years.
  return years && [years.start, years.end].every((year) => year >= FIRST_YEAR && year <= LAST_YEAR) ? years : undefined;
}

/** Five years from the year of issue: the last resort for a plan that prints no period. */
export function periodFromDate(date: string | undefined): { start: number; end: number } {
  const year = Number(date?.slice(0, 4) ?? new Date().getFullYear());
  return { start: year, end: year + 4 };
}
