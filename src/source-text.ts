/**
 * The published text as quotes are matched against it. A quote or a `content` may run across a
 * printed line break (a wrapped table cell); it is written without the break, so the text is
 * also searched with its line breaks (and the spaces around them) taken out.
 */
export interface SourceText {
  readonly text: string;
  /** `text` folded character by character (see `fold`): as long as `text`, offsets shared. */
  readonly folded: string;
  /** The text without line breaks. */
  readonly joined: string;
  /** `joined` folded character by character. */
  readonly foldedJoined: string;
  /** For each character of `joined`, its offset in `text`. */
  readonly offsets: Int32Array;
  /** 0-based offset in `text` of the start of each line. */
  readonly lineStarts: readonly number[];
}

const cache = new Map<string, SourceText>();
const BREAK = /\r\n|\r|\n/g;
const PADDING = new Set([' ', '\t', '\u3000']);

/** The text less its line breaks, with each character's offset in the text, and where each line starts. */
function layOut(text: string): { joined: string; offsets: Int32Array; lineStarts: number[] } {
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
  return { joined: parts.join(''), offsets: offsets.slice(0, length), lineStarts };
}

/**
 * The text as quotes are searched in it, built once per text (`remember` false: built for one
 * caller, kept by it). Most quotes stand in the text as printed: the text without its breaks and
 * the folded texts are made only when a search needs them.
 */
export function sourceText(text: string, remember = true): SourceText {
  const known = remember ? cache.get(text) : undefined;
  if (known) return known;
  let laid: ReturnType<typeof layOut> | undefined;
  let folded: string | undefined;
  let foldedJoined: string | undefined;
  const result: SourceText = {
    text,
    get folded() {
      folded ??= fold(text);
      return folded;
    },
    get joined() {
      laid ??= layOut(text);
      return laid.joined;
    },
    get foldedJoined() {
      laid ??= layOut(text);
      foldedJoined ??= fold(laid.joined);
      return foldedJoined;
    },
    get offsets() {
      laid ??= layOut(text);
      return laid.offsets;
    },
    get lineStarts() {
      laid ??= layOut(text);
      return laid.lineStarts;
    },
  };
  if (!remember) return result;
  if (cache.size > 8) cache.clear();
  cache.set(text, result);
  return result;
}

const ofPlans = new WeakMap<object, SourceText>();

/**
 * A plan's published text as quotes are searched in it, built once per plan. Rules ask for it
 * by the plan: a look-up by the text itself compares every character of it when the text is
 * another plan's copy of the same document.
 */
export function planSource(plan: object, text: string): SourceText {
  let known = ofPlans.get(plan);
  if (!known) {
    known = sourceText(text);
    ofPlans.set(plan, known);
  }
  return known;
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
    printed = true;
    yield [source.offsets[at]!, source.offsets[at + quote.length - 1]! + 1];
  }
  if (printed) return;
  // Only where it is nowhere as printed: folded (full-width forms), then by the parts of a wrapped cell.
  const folded = fold(quote);
  for (let at = source.folded.indexOf(folded); at >= 0; at = source.folded.indexOf(folded, at + 1)) {
    printed = true;
    yield [at, at + folded.length];
  }
  if (printed) return;
  for (let at = source.foldedJoined.indexOf(folded); at >= 0; at = source.foldedJoined.indexOf(folded, at + 1)) {
    printed = true;
    yield [source.offsets[at]!, source.offsets[at + folded.length - 1]! + 1];
  }
  if (printed) return;
  yield* partsPlaces(source, folded);
}

const foldedChars = new Map<number, string>();

/**
 * The text as quotes are compared with it, character for character: each character in its NFKC
 * form when that is one character (full-width digits and letters, the ideographic space), else
 * as printed, so the folded text is as long as the text and shares its offsets.
 */
export function fold(text: string): string {
  let result = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // ASCII and the CJK unified ideographs (most of a plan's text) are their own NFKC form.
    if (code < 0x80 || (code >= 0x4e00 && code <= 0x9fff)) continue;
    let folded = foldedChars.get(code);
    if (folded === undefined) {
      const normal = text[i]!.normalize('NFKC');
      folded = normal.length === 1 ? normal : text[i]!;
      foldedChars.set(code, folded);
    }
    if (folded === text[i]) continue;
    result += text.slice(from, i) + folded;
    from = i + 1;
  }
  return from === 0 ? text : result + text.slice(from);
}

/** Lines a table row may take, page marks and running headers between its lines included. */
const ROW_LINES = 10;
/** Cells of a space-aligned line stand apart by a tab or a run of two spaces or more. */
const CELL_GAP = /\t| {2,}/g;

/** The cells of one line of the folded text: [start, end) offsets, their padding left out. */
function cellsOf(folded: string, start: number, end: number): TextSpan[] {
  const cells: TextSpan[] = [];
  const line = folded.slice(start, end);
  let from = 0;
  const add = (to: number): void => {
    const text = line.slice(from, to);
    const trimmed = text.trim();
    if (trimmed.length > 0) {
      const lead = text.length - text.trimStart().length;
      cells.push([start + from + lead, start + from + lead + trimmed.length]);
    }
  };
  for (const gap of line.matchAll(CELL_GAP)) {
    add(gap.index);
    from = gap.index + gap[0].length;
  }
  add(line.length);
  return cells;
}

/**
 * A quote of a wrapped table cell: its parts stand in order on the lines of one table row, and
 * whatever stands between them there (a neighbouring cell's continuation, a page mark, a running
 * header) is passed over. The first part ends a cell; each next part is a whole cell of a later
 * line, the last one the start of a cell. The place runs from the first part to the last.
 */
function* partsPlaces(source: SourceText, quote: string): Generator<TextSpan> {
  if (quote.length < 2) return;
  const { folded, lineStarts } = source;
  const lineEnd = (line: number): number => {
    const next = lineStarts[line + 1];
    if (next === undefined) return folded.length;
    let end = next - 1;
    if (folded[end - 1] === '\r') end--;
    return end;
  };
  const head = quote.slice(0, 2);
  for (let at = folded.indexOf(head); at >= 0; at = folded.indexOf(head, at + 1)) {
    const line = lineIndex(lineStarts, at);
    const cell = cellsOf(folded, lineStarts[line]!, lineEnd(line)).find(([start, end]) => start <= at && at < end);
    if (!cell || !quote.startsWith(folded.slice(at, cell[1]))) continue;
    let rest = quote.slice(cell[1] - at);
    for (let next = line + 1; next < lineStarts.length && next <= line + ROW_LINES && rest.length > 0; next++) {
      for (const [start, end] of cellsOf(folded, lineStarts[next]!, lineEnd(next))) {
        const text = folded.slice(start, end);
        if (text.startsWith(rest)) {
          yield [at, start + rest.length];
          rest = '';
          break;
        }
        if (rest.startsWith(text)) rest = rest.slice(text.length);
      }
    }
  }
}

/** 0-based index of the line that holds an offset. */
function lineIndex(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
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
  return lineIndex(source.lineStarts, offset) + 1;
}
