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
const MAX_SIDE = 40;
const MAX_ROW_LINES = 12;

/**
 * Finds quotes in a published text and gives the sentence (or, for a table cell, the table row)
 * around the first place each is printed. Table cells stand one a line, indented with a tab,
 * rows separated by blank lines. Lines are indexed once; each quote is looked up once.
 */
export function contextFinder(source: string): (quote: string) => QuoteContext | undefined {
  const lines = source.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const lineAt = (position: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= position) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const found = new Map<string, QuoteContext | undefined>();
  return (quote) => {
    if (!quote) return undefined;
    if (!found.has(quote)) {
      const at = source.indexOf(quote);
      found.set(quote, at < 0 ? undefined : around(at, quote));
    }
    return found.get(quote);
  };

  function around(at: number, quote: string): QuoteContext {
    const index = lineAt(at);
    const line = lines[index]!;
    const column = at - starts[index]!;
    if (line.startsWith('\t')) return row(index, column, quote);
    let start = column;
    while (start > 0 && column - start < MAX_SIDE && !SENTENCE_END.test(line[start - 1]!)) start--;
    const end = Math.min(column + quote.length, line.length);
    let stop = end;
    while (stop < line.length && stop - end < MAX_SIDE && !SENTENCE_END.test(line[stop - 1]!)) stop++;
    return { before: line.slice(start, column), quote, after: line.slice(end, stop).trimEnd(), row: false };
  }

  function row(index: number, column: number, quote: string): QuoteContext {
    const blank = (i: number): boolean => (lines[i] ?? '').trim() === '';
    let first = index;
    while (first > 0 && !blank(first - 1) && index - first < MAX_ROW_LINES) first--;
    let last = index;
    while (last < lines.length - 1 && !blank(last + 1) && last - index < MAX_ROW_LINES) last++;
    const cells = (from: number, to: number): string[] => lines.slice(from, to).map((cell) => cell.trim()).filter(Boolean);
    const line = lines[index]!;
    const before = [...cells(first, index), ''].join(' │ ') + line.slice(0, column).replace(/^\t+/, '');
    const after = line.slice(column + quote.length).trimEnd() + ['', ...cells(index + 1, last + 1)].join(' │ ');
    return { before: clipStart(before), quote, after: clipEnd(after), row: true };
  }
}

const clipStart = (text: string): string => (text.length > MAX_SIDE ? `…${text.slice(-MAX_SIDE)}` : text);
const clipEnd = (text: string): string => (text.length > MAX_SIDE ? `${text.slice(0, MAX_SIDE)}…` : text);
