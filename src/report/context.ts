import { quotePlace, sourceText, type TextSpan } from '../source-text.js';

/** A quote with the text around it in the published source. */
export interface QuoteContext {
  readonly before: string;
  readonly quote: string;
  readonly after: string;
  /** The quote stands in a table row (cells one a line): the context is the row's cells. */
  readonly row: boolean;
}

const SENTENCE_END = /[。！？；]/;
/** Context kept either side, in characters, so a long paragraph does not swamp the page. */
const MAX_SIDE = 30;
const MAX_ROW_LINES = 12;

/**
 * Finds quotes in a published text and gives the sentence (or, for a table cell, the table row)
 * around the first place each is printed, within one line or across line breaks. Table cells
 * stand one a line, indented with a tab, rows separated by blank lines. Each quote is looked up once.
 */
export function contextFinder(source: string): (quote: string) => QuoteContext | undefined {
  const text = sourceText(source);
  const found = new Map<string, QuoteContext | undefined>();
  return (quote) => {
    if (!quote) return undefined;
    if (!found.has(quote)) {
      const place = quotePlace(text, quote);
      found.set(quote, place ? around(text.text, place, quote) : undefined);
    }
    return found.get(quote);
  };
}

/** The line around an offset: where it starts and where it ends (before its line feed). */
function lineAround(source: string, offset: number): { start: number; end: number } {
  const next = source.indexOf('\n', offset);
  return { start: source.lastIndexOf('\n', offset - 1) + 1, end: next < 0 ? source.length : next };
}

/** The quote as transcribed, with what its first line prints before it and its last line after it. */
function around(source: string, [at, to]: TextSpan, quote: string): QuoteContext {
  const { start: lineStart, end: lineEnd } = lineAround(source, at);
  const lastLineEnd = lineAround(source, Math.max(at, to - 1)).end;
  const line = source.slice(lineStart, lineEnd);
  const column = at - lineStart;
  const rest = source.slice(to, lastLineEnd);
  if (line.startsWith('\t')) return row(source, lineStart, lastLineEnd, line.slice(0, column), rest, quote);
  let start = column;
  while (start > 0 && column - start < MAX_SIDE && !SENTENCE_END.test(line[start - 1]!)) start--;
  let stop = 0;
  while (stop < rest.length && stop < MAX_SIDE && !SENTENCE_END.test(stop === 0 ? quote.at(-1)! : rest[stop - 1]!)) stop++;
  return { before: line.slice(start, column), quote, after: rest.slice(0, stop).trimEnd(), row: false };
}

/** The cells of the quote's table row: the non-blank lines around its lines, up to a blank one. */
function row(source: string, lineStart: number, lastLineEnd: number, cellBefore: string, cellAfter: string, quote: string): QuoteContext {
  const cellsBefore: string[] = [];
  for (let end = lineStart - 1; end > 0 && cellsBefore.length < MAX_ROW_LINES; ) {
    const { start } = lineAround(source, end);
    const cell = source.slice(start, end).trim();
    if (!cell) break;
    cellsBefore.unshift(cell);
    end = start - 1;
  }
  const cellsAfter: string[] = [];
  for (let start = lastLineEnd + 1; start < source.length && cellsAfter.length < MAX_ROW_LINES; ) {
    const { end } = lineAround(source, start);
    const cell = source.slice(start, end).trim();
    if (!cell) break;
    cellsAfter.push(cell);
    start = end + 1;
  }
  const before = [...rowHead(cellsBefore), ''].join(' │ ') + clipStart(cellBefore.replace(/^\t+/, ''));
  const after = cellAfter.trimEnd() + ['', ...cellsAfter].join(' │ ');
  return { before, quote, after: clipEnd(after), row: true };
}

/**
 * The cells of a row before the quote's, as shown: the first two, which name the row (serial and
 * name), then as many of those next to the quote as fit, with … for those left out.
 */
function rowHead(cells: readonly string[]): string[] {
  const head = cells.slice(0, 2).map(clipEnd);
  const near: string[] = [];
  let room = MAX_SIDE - head.join(' │ ').length;
  for (let i = cells.length - 1; i >= head.length && cells[i]!.length + 3 <= room; i--) {
    near.unshift(cells[i]!);
    room -= cells[i]!.length + 3;
  }
  return [...head, ...(head.length + near.length < cells.length ? ['…'] : []), ...near];
}

const clipStart = (text: string): string => (text.length > MAX_SIDE ? `…${text.slice(-MAX_SIDE)}` : text);
const clipEnd = (text: string): string => (text.length > MAX_SIDE ? `${text.slice(0, MAX_SIDE)}…` : text);
