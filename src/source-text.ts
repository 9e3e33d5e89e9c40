/**
 * The published text as quotes are matched against it. A quote or a `content` may run across a
 * printed line break (a wrapped table cell); it is written without the break, so the text is
 * also searched with its line breaks (and the spaces around them) taken out.
 */
export interface SourceText {
  readonly text: string;
  /** The text without line breaks. */
  readonly joined: string;
  /** For each character of `joined`, its offset in `text`. */
  readonly offsets: Int32Array;
  /** 0-based offset in `text` of the start of each line. */
  readonly lineStarts: readonly number[];
}

const cache = new Map<string, SourceText>();
const BREAK = /\r\n|\r|\n/g;
const PADDING = new Set([' ', '\t', '\u3000']);

export function sourceText(text: string): SourceText {
  const known = cache.get(text);
  if (known) return known;
  const offsets = new Int32Array(text.length);
  const parts: string[] = [];
  let length = 0;
  const lineStarts = [0];
  // Line by line: each line's text, less the spaces that pad it next to a line break.
  for (let start = 0; ; ) {
    BREAK.lastIndex = start;
    const found = BREAK.exec(text);
    const end = found ? found.index : text.length;
    let from = start;
    if (start > 0) while (from < end && PADDING.has(text[from]!)) from++;
    let to = end;
    if (found) while (to > from && PADDING.has(text[to - 1]!)) to--;
    parts.push(text.slice(from, to));
    for (let k = from; k < to; k++) offsets[length++] = k;
    if (!found) break;
    start = end + found[0].length;
    lineStarts.push(start);
  }
  const result = { text, joined: parts.join(''), offsets: offsets.slice(0, length), lineStarts };
  if (cache.size > 8) cache.clear();
  cache.set(text, result);
  return result;
}

/** A place in the text: [start, end) offsets of `text`; across a line break it takes the break in. */
export type TextSpan = readonly [start: number, end: number];

/**
 * Every place `quote` stands in the text, first to last: as printed, or, only where it is
 * nowhere as printed, across line breaks. The one owner of that search: provenance, coverage,
 * the keying checks, reviews and the report all find quotes through it.
 */
function* placesOf(source: SourceText, quote: string): Generator<TextSpan> {
  if (quote.length === 0) return;
  let printed = false;
  for (let at = source.text.indexOf(quote); at >= 0; at = source.text.indexOf(quote, at + 1)) {
    printed = true;
    yield [at, at + quote.length];
  }
  if (printed) return;
  for (let at = source.joined.indexOf(quote); at >= 0; at = source.joined.indexOf(quote, at + 1)) {
    yield [source.offsets[at]!, source.offsets[at + quote.length - 1]! + 1];
  }
}

const allPlaces = new WeakMap<SourceText, Map<string, readonly TextSpan[]>>();

/**
 * Every place `quote` stands in the text (see `placesOf`), looked up once per text: a long-lived
 * process (`plan lsp`) audits the same published text after every edit.
 */
export function quotePlaces(source: SourceText, quote: string): readonly TextSpan[] {
  let known = allPlaces.get(source);
  if (!known) {
    known = new Map();
    allPlaces.set(source, known);
  }
  let places = known.get(quote);
  if (places === undefined) {
    places = [...placesOf(source, quote)];
    known.set(quote, places);
  }
  return places;
}

const firstPlaces = new WeakMap<SourceText, Map<string, TextSpan | null>>();

/** The first place `quote` stands in the text, looked up once per text. */
export function quotePlace(source: SourceText, quote: string): TextSpan | undefined {
  let known = firstPlaces.get(source);
  if (!known) {
    known = new Map();
    firstPlaces.set(source, known);
  }
  let place = known.get(quote);
  if (place === undefined) {
    const first = placesOf(source, quote).next();
    place = first.done ? null : first.value;
    known.set(quote, place);
  }
  return place ?? undefined;
}

/** True when `quote` stands in the text as printed, within one line or across line breaks. */
export function standsIn(source: SourceText, quote: string): boolean {
  return quotePlace(source, quote) !== undefined;
}

/** 1-based line of an offset in the text. */
export function lineAt(source: SourceText, offset: number): number {
  let low = 0;
  let high = source.lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (source.lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}
