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

export function sourceText(text: string): SourceText {
  const known = cache.get(text);
  if (known) return known;
  const offsets = new Int32Array(text.length);
  let joined = '';
  let length = 0;
  const lineStarts = [0];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\r' || c === '\n') {
      // Drop the break and the spaces that pad either side of it.
      while (length > 0 && (joined[length - 1] === ' ' || joined[length - 1] === '\t' || joined[length - 1] === '\u3000')) {
        joined = joined.slice(0, -1);
        length--;
      }
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      lineStarts.push(i);
      while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\u3000')) i++;
      continue;
    }
    offsets[length++] = i;
    joined += c;
    i++;
  }
  const result = { text, joined, offsets: offsets.slice(0, length), lineStarts };
  if (cache.size > 8) cache.clear();
  cache.set(text, result);
  return result;
}

/** True when `quote` stands in the text as printed, within one line or across line breaks. */
export function standsIn(source: SourceText, quote: string): boolean {
  return source.text.includes(quote) || source.joined.includes(quote);
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
