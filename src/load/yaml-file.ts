import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import jsYaml from 'js-yaml';
import { isDecimalText } from '../decimal.js';
import type { Document, Node } from 'yaml';
import { segments } from '../pointer.js';
import type { yamlRule } from '../rules/yaml-syntax.js';

type YamlLibrary = typeof import('yaml');
let yamlModule: YamlLibrary | undefined;

/** The `yaml` library, loaded only to word a syntax error: most runs never need it. */
function yamlLibrary(): YamlLibrary {
  yamlModule ??= createRequire(import.meta.url)('yaml') as YamlLibrary;
  return yamlModule;
}

/** What can be wrong with a file as YAML: the message ids of the `yaml-syntax` rule, named once there. */
export type YamlProblemCode = keyof (typeof yamlRule)['messages'];

/** A problem found while reading a file: always located, never thrown. */
export interface ReadProblem {
  readonly code: YamlProblemCode;
  readonly message: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

/** A number written other than as a plain printed decimal, or too long to be one. */
export interface NumberProblem {
  readonly messageId: 'number-format' | 'number-too-long' | 'number-too-large';
  /** As printed (cut at the length limit). */
  readonly text: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** The limit broken: characters for a long number, the largest exact integer for a large one. */
  readonly max: number;
}

/** A printed number longer than this is refused: no plan prints one, and exact arithmetic on it costs. */
export const MAX_NUMBER_CHARS = 64;

/** A parsed YAML file that can say where any of its data paths was written. */
export interface YamlFile {
  readonly path: string;
  readonly text: string;
  /** Plain data, as AJV and the model builder read it; undefined once released. */
  readonly data: unknown;
  /** Lets the data go once the model is built: positions are still found without it. */
  release(): void;
  readonly problems: readonly ReadProblem[];
  /** Numbers not printed as plain decimals, found while reading, whatever key, anchor or tag they carry. */
  readonly numberProblems: readonly NumberProblem[];
  /** 1-based line and column of the node at `pointer`, or of its nearest existing ancestor. */
  locate(pointer: string, atKey?: boolean): { line: number; column: number };
  /** The 1-based column just past the last non-blank character of a 1-based line (1 past the end). */
  lineEnd(line: number): number;
  /**
   * The number at `pointer` exactly as written (`2.20`, `0x1A`); undefined if there is none.
   * Given the parsed `value`, most numbers are answered without looking up the path.
   */
  numberText(pointer: string, value?: number): string | undefined;
}

const MAX_ALIASES = 100;

/** The `yaml` library's error codes that have a message of their own; any other is a syntax error. */
const YAML_LIBRARY_CODES: ReadonlyMap<string, YamlProblemCode> = new Map([
  ['DUPLICATE_KEY', 'duplicate-key'],
  ['TAB_AS_INDENT', 'tab-indent'],
]);
/** Nodes that aliases may stand for in all, beyond the nodes written: past it, an alias bomb. */
const MAX_ALIAS_EXPANSION = 10_000;
/**
 * Characters of text that aliases may stand for in all: one long string aliased a thousand
 * times is as much a bomb as a thousand nested nodes, since every report repeats it.
 */
const MAX_ALIAS_CHARS = 1_000_000;
/**
 * Files up to this size get the `yaml` library's wording of a syntax error. It reads 0.2–1 MB a
 * second (a flow list slowest: a broken line of a million characters took 5 s, js-yaml 0.3 s), so
 * past this a broken file is worded by js-yaml: the bundled plan's largest file is 32 KB.
 */
const PRECISE_ERRORS_MAX_CHARS = 256 * 1024;

function childOf(node: Node, segment: string): { value: Node | null; key: Node | null } | undefined {
  const { isMap, isScalar, isSeq } = yamlLibrary();
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const name = key && isScalar(key) ? String(key.value) : undefined;
      if (name === segment) return { value: (pair.value as Node | null) ?? null, key };
    }
    return undefined;
  }
  if (isSeq(node) && /^\d+$/.test(segment)) {
    const item = node.items[Number(segment)] as Node | undefined;
    return item === undefined ? undefined : { value: item, key: null };
  }
  return undefined;
}

/** Text decoded as UTF-8, or the offset of the first byte that is not. */
function decodeUtf8(bytes: Uint8Array): { text: string } | { badByte: number } {
  // isUtf8 and toString are native (simdutf): several times a fatal TextDecoder's speed.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buffer)) return { text: buffer.toString('utf8') };
  return { badByte: firstInvalidUtf8(buffer) };
}

/**
 * The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629:
 * no overlong forms, no surrogates, nothing past U+10FFFF). Only run on a file already known
 * to be invalid, to say where.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      // The second byte has the lead's own range; the others any continuation byte.
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return bytes.length;
}

/** The 1-based line and column (in characters) of a byte offset of a file whose bytes before it are text. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  // CRLF and CR alone end lines as YAML reads them.
  const line = (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
  return { line, column: [...before.slice(lineStart)].length + 1 };
}

function positionOf(lines: { linePos(offset: number): { line: number; col: number } }, offset: number): { line: number; column: number } {
  const { line, col } = lines.linePos(offset);
  return { line: Math.max(line, 1), column: Math.max(col, 1) };
}

/**
 * Reads YAML from bytes. The byte-order mark and CRLF line ends are accepted; bytes that are
 * not UTF-8, NUL bytes, several documents, duplicate keys, tabs in indentation and alias bombs
 * come back as problems with a position, never as exceptions. `previous`: the same file as read
 * before an edit (see parseYamlText).
 */
export function parseYamlBytes(path: string, content: Uint8Array | string, previous?: YamlFile): YamlFile {
  // An editor's text is read as it is; one with a NUL or a surrogate is read as its bytes would be.
  if (typeof content === 'string' && !content.includes('\u0000') && !/[\uD800-\uDFFF]/.test(content)) return parseDecoded(path, content, previous);
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const decoded = decodeUtf8(bytes);
  // The first of the two problems in the file is the one reported, at its own line and column.
  const nul = bytes.indexOf(0);
  if (nul >= 0 && ('text' in decoded || nul < decoded.badByte)) {
    return brokenFile(path, '', { code: 'binary', message: 'a binary file (NUL byte)', ...positionOfByte(bytes, nul) });
  }
  if ('badByte' in decoded) {
    return brokenFile(path, '', { code: 'not-utf8', message: 'bytes that are not UTF-8', ...positionOfByte(bytes, decoded.badByte) });
  }
  return parseDecoded(path, decoded.text, previous);
}

function parseDecoded(path: string, decoded: string, previous: YamlFile | undefined): YamlFile {
  const text = decoded.startsWith('\uFEFF') ? decoded.slice(1) : decoded;
  // YAML reads CR, LF and CRLF alike as line ends; one form keeps every position right.
  return parseYamlText(path, text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text, previous);
}

function brokenFile(path: string, text: string, problem: ReadProblem): YamlFile {
  const lines = lineIndex(text);
  return {
    path,
    text,
    data: undefined,
    release() {},
    problems: [problem],
    numberProblems: [],
    locate: () => ({ line: problem.line, column: problem.column }),
    lineEnd: lines.lineEnd,
    numberText: () => undefined,
  };
}

/**
 * Where each line of a text starts, found once when first asked: the 1-based line and column of
 * an offset, and where a line's content ends (a finding's region runs to there).
 */
function lineIndex(text: string): { position(offset: number): { line: number; column: number }; lineEnd(line: number): number } {
  let starts: number[] | undefined;
  const startsOf = (): number[] => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    return starts;
  };
  return {
    position(offset) {
      const lineStarts = startsOf();
      let low = 0;
      let high = lineStarts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (lineStarts[middle]! <= offset) low = middle;
        else high = middle - 1;
      }
      return { line: low + 1, column: offset - lineStarts[low]! + 1 };
    },
    lineEnd(line) {
      const lineStarts = startsOf();
      const start = lineStarts[line - 1];
      if (start === undefined) return 1;
      let end = (lineStarts[line] ?? text.length + 1) - 1;
      while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
      return end - start + 1;
    },
  };
}

/**
 * The `yaml` library's reading: slower, but with precise, numerous error messages. Used only
 * when the fast reader fails, to say what is wrong and where.
 */
export function parseWithPositions(path: string, text: string): YamlFile {
  const { isScalar, LineCounter, parseAllDocuments } = yamlLibrary();
  const lines = new LineCounter();
  const problems: ReadProblem[] = [];
  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(text, {
      lineCounter: lines,
      uniqueKeys: true,
      prettyErrors: false,
      strict: true,
      // The library's own warnings go to process.emitWarning, i.e. raw onto stderr.
      logLevel: 'error',
    }) as Document.Parsed[];
  } catch (error) {
    // The parser recurses on nesting; thousands of levels exhaust the stack.
    return brokenFile(path, text, { code: 'too-deep', message: describeThrown(error), line: 1, column: 1 });
  }
  if (!Array.isArray(documents)) documents = [];
  const doc = documents[0];
  for (const extra of documents.slice(1)) {
    problems.push({
      code: 'several-documents',
      message: 'several YAML documents in one file; a plan file holds one',
      ...positionOf(lines, extra.range[0]),
    });
    break;
  }
  for (const error of [...(doc?.errors ?? []), ...(doc?.warnings ?? [])]) {
    // Nesting too deep to read is one mistake, however many nodes the parser gave up on.
    if (/call stack/i.test(error.message) && problems.some((p) => p.code === 'too-deep')) continue;
    problems.push({
      code: /call stack/i.test(error.message) ? 'too-deep' : (YAML_LIBRARY_CODES.get(error.code) ?? 'syntax'),
      message: error.message.split('\n')[0] ?? error.message,
      ...positionOf(lines, error.pos[0]),
    });
  }
  let data: unknown;
  if (doc && doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (error) {
      const code = error instanceof RangeError ? 'too-deep' : 'alias-bomb';
      problems.push({ code, message: describeThrown(error), line: 1, column: 1 });
    }
  }
  // An alias inside its own anchor makes the data a loop, which no reader can walk.
  if (problems.length === 0 && text.includes('*') && isCircular(data)) {
    problems.push({ code: 'alias-loop', message: 'an alias refers to a node that contains it', line: 1, column: 1 });
    data = undefined;
  }
  if (problems.length === 0 && (data === null || data === undefined)) {
    problems.push({ code: 'empty', message: 'the file is empty', line: 1, column: 1 });
  }
  const root = (doc?.contents ?? null) as Node | null;

  function nodeAt(pointer: string): { node: Node | null; key: Node | null; exact: boolean } {
    let node = root;
    let key: Node | null = null;
    for (const segment of segments(pointer)) {
      const child = node ? childOf(node, segment) : undefined;
      if (!child) return { node, key, exact: false };
      if (child.value === null) return { node: child.key ?? node, key: child.key, exact: false };
      node = child.value;
      key = child.key;
    }
    return { node, key, exact: true };
  }

  return {
    path,
    text,
    data,
    release() {},
    problems,
    numberProblems: [],
    locate(pointer, atKey = false) {
      const found = nodeAt(pointer);
      const target = atKey && found.exact && found.key ? found.key : found.node;
      return positionOf(lines, target?.range?.[0] ?? 0);
    },
    lineEnd: lineIndex(text).lineEnd,
    numberText(pointer) {
      const found = nodeAt(pointer);
      if (!found.exact || !found.node || !isScalar(found.node) || typeof found.node.value !== 'number') {
        return undefined;
      }
      return found.node.source ?? String(found.node.value);
    },
  };
}

function isCircular(data: unknown): boolean {
  const ancestors = new Set<object>();
  const visit = (node: unknown): boolean => {
    if (node === null || typeof node !== 'object') return false;
    if (ancestors.has(node)) return true;
    ancestors.add(node);
    const children = Array.isArray(node) ? node : Object.values(node);
    const found = children.some(visit);
    ancestors.delete(node);
    return found;
  };
  return visit(data);
}

function describeThrown(error: unknown): string {
  if (error instanceof RangeError) return 'nesting too deep to read';
  if (error instanceof Error) return error.message.split('\n')[0] ?? 'unreadable';
  return 'unreadable';
}

class AliasBomb extends Error {}

const SCALAR = 0;
const MAPPING = 1;
const SEQUENCE = 2;

function skipBlank(text: string, offset: number): number {
  let i = offset;
  for (;;) {
    const c = text.charCodeAt(i);
    // Blanks, and the `:` after a key or `,` between flow entries that an event may start at.
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3a || c === 0x2c) i++;
    else if (c === 35 /* # */) {
      const end = text.indexOf('\n', i);
      if (end < 0) return text.length;
      i = end + 1;
    } else return i;
  }
}

/** A plain or quoted mapping key as written at `offset`, for finding a key without keeping them all. */
function keyAt(text: string, offset: number): string {
  const quote = text[offset];
  if (quote === '"' || quote === "'") {
    const end = text.indexOf(quote, offset + 1);
    return text.slice(offset + 1, end < 0 ? undefined : end);
  }
  const end = /:(?:[ \t\r\n]|$)/g;
  end.lastIndex = offset;
  const match = end.exec(text);
  return text.slice(offset, match ? match.index : undefined).trim();
}

/** The token of a plain scalar at `offset`: the printed text of a number. */
function tokenAt(text: string, offset: number): string {
  const match = /[^\s,\]}#]+/y;
  match.lastIndex = offset;
  return match.exec(text)?.[0] ?? '';
}

/** True when the number at `offset` is written as JavaScript writes `value` (4000, 3.32), not 2.20 or 0x1A. */
function printedAsJavaScript(text: string, offset: number, value: number): boolean {
  const printed = String(value);
  if (!text.startsWith(printed, offset)) return false;
  const next = text.charCodeAt(offset + printed.length);
  // The number must end there: a blank, a flow separator, a comment, or the end of the text.
  return Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13 || next === 44 || next === 93 || next === 125 || next === 35;
}

/** Where a scalar's own text starts: past blanks and its properties (`&anchor`, `!tag`). */
function scalarStart(text: string, offset: number): number {
  let i = skipBlank(text, offset);
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 38 /* & */ && c !== 33 /* ! */) return i;
    const property = /[^\s,\]}]*/y;
    property.lastIndex = i;
    property.exec(text);
    i = skipBlank(text, property.lastIndex);
  }
}

/** The problem with a number printed as `printed`, if any: only plain decimals, of a bounded length, are figures. */
function numberProblem(printed: string, value: number): Omit<NumberProblem, 'line' | 'column'> | undefined {
  // .inf and .nan are the schema's to refuse (not finite), with its own message.
  if (!Number.isFinite(value)) return undefined;
  if (printed.length > MAX_NUMBER_CHARS) return { messageId: 'number-too-long', text: `${printed.slice(0, 20)}…`, max: MAX_NUMBER_CHARS };
  if (!isDecimalText(printed)) return { messageId: 'number-format', text: printed, max: MAX_NUMBER_CHARS };
  // An integer past 2^53 is not the integer printed: its serial or year would be shown wrong.
  if (!printed.includes('.') && !Number.isSafeInteger(value)) return { messageId: 'number-too-large', text: printed, max: Number.MAX_SAFE_INTEGER };
  return undefined;
}

/** A growable array of 32-bit integers. */
class IntList {
  values: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.values = new Int32Array(Math.max(capacity, 1));
  }
  push(value: number): number {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length] = value;
    return this.length++;
  }
}

/**
 * What the fast reader keeps of a file besides its text: per node, in document order, where it
 * starts, how many nodes its subtree holds and what it is; the data; and the numbers printed
 * other than as JavaScript prints them.
 */
interface Scan {
  readonly data: unknown;
  readonly starts: IntList;
  readonly sizes: IntList;
  readonly kinds: IntList;
  /** Nodes js-yaml reports twice (a flow collection inside a block one): the outer one is skipped. */
  readonly wrappers: ReadonlySet<number>;
  /** Values of numbers printed other than as JavaScript prints them (2.20, 0x1A): their text is looked up. */
  readonly nonCanonical: ReadonlySet<number>;
  readonly numberProblems: readonly Omit<NumberProblem, 'line' | 'column'>[];
  /** Where each of `numberProblems` was printed: a character offset. */
  readonly numberOffsets: readonly number[];
}

/** Each file the fast reader made, with what it kept of the reading: an edit of it is read again from there. */
const scans = new WeakMap<YamlFile, { readonly scan: Scan; readonly data: () => unknown }>();

/**
 * The one copy of `value` kept in `strings`, made its own: js-yaml cuts a long scalar out of its
 * own copy of the whole text (a slice that holds the text), which would keep a second copy of
 * every file in memory for as long as the plan's model keeps one string of it.
 */
function ownString(strings: Map<string, string>, value: string): string {
  // V8 slices only strings of 13 characters or more: a shorter one is a copy already.
  if (value.length < 13) return value;
  const kept = strings.get(value);
  if (kept !== undefined) return kept;
  // A concatenation read flat is a string of its own.
  const own = ` ${value}`.slice(1);
  strings.set(own, own);
  return own;
}

/** Reads a text with js-yaml, keeping the scan; throws what js-yaml throws, or an AliasBomb. */
function scanText(text: string): Scan {
  const starts = new IntList();
  const sizes = new IntList();
  // What each node is, so that a path can be followed after the data is let go.
  const kinds = new IntList();
  // Open nodes: their index, and the nodes aliases inside them stand for beyond the written ones.
  const openIndex: number[] = [];
  const openExtra: number[] = [];
  // Characters of the strings in each open node, written or stood for by aliases.
  const openChars: number[] = [];
  const anchored = new Map<unknown, number>();
  const anchoredChars = new Map<unknown, number>();
  const mayAlias = text.includes('*');
  const nonCanonical = new Set<number>();
  const numberProblems: Omit<NumberProblem, 'line' | 'column'>[] = [];
  const numberOffsets: number[] = [];
  // js-yaml reports a flow collection inside a block one twice, as a node wrapping itself.
  const wrappers = new Set<number>();
  let lastClosed = -1;
  let lastResult: unknown;
  let expanded = 0;
  let expandedChars = 0;
  // Each long string once, and none a slice of js-yaml's copy of the text.
  const strings = new Map<string, string>();
  const data: unknown = jsYaml.load(text, {
    schema: jsYaml.CORE_SCHEMA,
    listener(type, state) {
      if (type === 'open') {
        openIndex.push(starts.push(state.position));
        sizes.push(1);
        kinds.push(SCALAR);
        openExtra.push(0);
        openChars.push(0);
        return;
      }
      const index = openIndex.pop()!;
      let extra = openExtra.pop()!;
      let chars = openChars.pop()!;
      const start = starts.values[index]!;
      const size = starts.length - index;
      sizes.values[index] = size;
      const result: unknown = state.result;
      kinds.values[index] = Array.isArray(result) ? SEQUENCE : result !== null && typeof result === 'object' ? MAPPING : SCALAR;
      if (lastClosed === index + 1 && lastResult === result && size === 1 + sizes.values[index + 1]!) wrappers.add(index);
      lastClosed = index;
      lastResult = result;
      if (mayAlias) {
        const first = text.charCodeAt(skipBlank(text, start));
        if (typeof result === 'string' && size === 1) chars += result.length;
        if (first === 42 /* * alias */) {
          const stands = anchored.get(result) ?? 1;
          const standsChars = typeof result === 'string' ? result.length : (anchoredChars.get(result) ?? 0);
          extra += stands;
          expanded += stands;
          chars = standsChars;
          expandedChars += standsChars;
          if (expanded > MAX_ALIAS_EXPANSION) throw new AliasBomb(`aliases stand for more than ${MAX_ALIAS_EXPANSION} nodes`);
          if (expandedChars > MAX_ALIAS_CHARS) throw new AliasBomb(`aliases stand for more than ${MAX_ALIAS_CHARS} characters`);
        } else if (first === 38 /* & anchor */ && result !== null && typeof result === 'object') {
          anchored.set(result, size + extra);
          anchoredChars.set(result, chars);
        }
        if (openExtra.length > 0) {
          openExtra[openExtra.length - 1]! += extra;
          openChars[openChars.length - 1]! += chars;
        }
      }
      if (typeof result === 'number') {
        const at = scalarStart(text, start);
        // A number printed other than JavaScript would print it (2.20, 0x1A, 1e3): remember its value,
        // so that numberText knows to look that one up in the text.
        const canonical = printedAsJavaScript(text, at, result);
        if (!canonical) nonCanonical.add(result);
        const problem = numberProblem(canonical ? String(result) : tokenAt(text, at), result);
        // js-yaml closes a tagged scalar twice: one problem a place.
        if (problem && numberOffsets.at(-1) !== at) {
          numberProblems.push(problem);
          numberOffsets.push(at);
        }
      }
      if (typeof result === 'string') state.result = ownString(strings, result);
    },
  });
  return { data, starts, sizes, kinds, wrappers, nonCanonical, numberProblems, numberOffsets };
}

/** The direct children of a container node of a scan: each `size` nodes after the one before. */
function childrenIn(scan: Scan, index: number): number[] {
  const found: number[] = [];
  const end = index + scan.sizes.values[index]!;
  for (let child = index + 1; child < end; child += scan.sizes.values[child]!) found.push(child);
  return found;
}

/**
 * Reads YAML fast (js-yaml, several times the `yaml` library's speed) and keeps, from its parse
 * events, only two integers a node: where it starts and how many nodes its subtree holds, in
 * document order. That is enough to find any data path again when a finding needs a position,
 * and the printed text of a number. On any error it hands over to the `yaml` library, whose
 * wording is precise.
 *
 * Given the file as it was read before an edit (`previous`, its data kept), only the item of a
 * block list that holds the edit is read again, when there is one and it still reads as one
 * item: an editor's change to one project of a large appendix does not re-read the others.
 */
export function parseYamlText(path: string, text: string, previous?: YamlFile): YamlFile {
  const kept = previous === undefined ? undefined : scans.get(previous);
  const again = kept === undefined ? undefined : rereadEdit(kept.scan, kept.data(), previous!.text, text);
  if (again) return fastFile(path, text, again);
  let scan: Scan;
  try {
    scan = scanText(text);
  } catch (error) {
    if (error instanceof AliasBomb) return brokenFile(path, text, { code: 'alias-bomb', message: error.message, line: 1, column: 1 });
    if (error instanceof RangeError) return brokenFile(path, text, { code: 'too-deep', message: describeThrown(error), line: 1, column: 1 });
    // The `yaml` library words errors better but reads a large file slowly: only small ones.
    if (text.length <= PRECISE_ERRORS_MAX_CHARS) {
      const precise = parseWithPositions(path, text);
      if (precise.problems.length > 0) return precise;
    }
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? describeThrown(error);
    return brokenFile(path, text, { code: 'syntax', message: reason, line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1 });
  }
  if (scan.data === null || scan.data === undefined) {
    return brokenFile(path, text, { code: 'empty', message: 'the file is empty', line: 1, column: 1 });
  }
  // An alias inside its own anchor makes the data a loop, which no reader can walk.
  if (text.includes('*') && isCircular(scan.data)) {
    return brokenFile(path, text, { code: 'alias-loop', message: 'an alias refers to a node that contains it', line: 1, column: 1 });
  }
  return fastFile(path, text, scan);
}

/** The offset where the line holding `offset` starts. */
function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * The scan of `text`, an edit of `before` (whose scan and data are given), made by reading
 * again only the innermost block-list item that holds the whole edit; undefined when there is
 * none (the edit spans items, touches a `- ` marker, or the file uses aliases) or when the
 * item, read alone, is not one item any more: the whole text is read then.
 */
function rereadEdit(scan: Scan, data: unknown, before: string, text: string): Scan | undefined {
  if (data === undefined || data === null || text.includes('*') || before.includes('*')) return undefined;
  const shorter = Math.min(before.length, text.length);
  // Compared a block at a time first (string equality is native), then character by character.
  const BLOCK = 4096;
  let from = 0;
  while (from + BLOCK <= shorter && before.slice(from, from + BLOCK) === text.slice(from, from + BLOCK)) from += BLOCK;
  while (from < shorter && before.charCodeAt(from) === text.charCodeAt(from)) from++;
  let same = 0;
  while (same + BLOCK <= shorter - from && before.slice(before.length - same - BLOCK, before.length - same) === text.slice(text.length - same - BLOCK, text.length - same)) same += BLOCK;
  while (same < shorter - from && before.charCodeAt(before.length - 1 - same) === text.charCodeAt(text.length - 1 - same)) same++;
  const to = before.length - same;
  const delta = text.length - before.length;
  const count = scan.starts.length;
  const startOf = (index: number): number => (index < count ? scan.starts.values[index]! : before.length);
  // Down from the root to the innermost node that holds the edit, keeping the last list item on the way.
  let item: { index: number; path: (string | number)[]; lineStart: number; end: number } | undefined;
  const path: (string | number)[] = [];
  let index = 0;
  for (;;) {
    while (scan.wrappers.has(index)) index++;
    const kind = scan.kinds.values[index];
    if (kind === SCALAR || kind === undefined) break;
    const list = childrenIn(scan, index);
    let next = -1;
    for (let k = kind === MAPPING ? 1 : 0; k < list.length; k += kind === MAPPING ? 2 : 1) {
      const child = list[k]!;
      if (startOf(child) <= from && to <= startOf(child + scan.sizes.values[child]!)) {
        next = child;
        path.push(kind === MAPPING ? keyAt(before, skipBlank(before, startOf(list[k - 1]!))) : k);
        break;
      }
    }
    if (next < 0) break;
    if (kind === SEQUENCE) {
      // A block item: its `- ` starts its first line, and the next node's line ends it.
      const content = skipBlank(before, startOf(next));
      const lineStart = lineStartOf(before, content);
      const marker = / *- /y;
      marker.lastIndex = lineStart;
      const written = marker.exec(before);
      const after = startOf(next + scan.sizes.values[next]!);
      const end = after >= before.length ? before.length : lineStartOf(before, skipBlank(before, after));
      // The marker must be this item's own (not a list's further up whose first line this is),
      // and the line end before the next node must stay: taken out, the next line joins the item.
      if (written && lineStart + written[0].length === content && content <= from && to < end) item = { index: next, path: [...path], lineStart, end };
    }
    index = next;
  }
  if (!item) return undefined;
  let part: Scan;
  try {
    part = scanText(text.slice(item.lineStart, item.end + delta));
  } catch {
    return undefined;
  }
  if (part.kinds.values[0] !== SEQUENCE || part.wrappers.has(0)) return undefined;
  const items = childrenIn(part, 0);
  if (items.length !== 1 || !Array.isArray(part.data)) return undefined;
  const first = items[0]!;
  const oldSize = scan.sizes.values[item.index]!;
  const newSize = part.sizes.values[first]!;
  if (first + newSize !== part.starts.length) return undefined;
  const { lineStart, end } = item;
  const at = item.index;
  const tail = at + oldSize;
  const grow = newSize - oldSize;
  const starts = new IntList(count + grow);
  const sizes = new IntList(count + grow);
  const kinds = new IntList(count + grow);
  for (let i = 0; i < at; i++) {
    starts.values[i] = scan.starts.values[i]!;
    // An ancestor of the item grows or shrinks with it.
    sizes.values[i] = scan.sizes.values[i]! + (i + scan.sizes.values[i]! > at ? grow : 0);
    kinds.values[i] = scan.kinds.values[i]!;
  }
  for (let i = 0; i < newSize; i++) {
    starts.values[at + i] = part.starts.values[first + i]! + lineStart;
    sizes.values[at + i] = part.sizes.values[first + i]!;
    kinds.values[at + i] = part.kinds.values[first + i]!;
  }
  for (let i = tail; i < count; i++) {
    starts.values[i + grow] = scan.starts.values[i]! + delta;
    sizes.values[i + grow] = scan.sizes.values[i]!;
    kinds.values[i + grow] = scan.kinds.values[i]!;
  }
  starts.length = sizes.length = kinds.length = count + grow;
  const wrappers = new Set<number>();
  for (const wrapper of scan.wrappers) if (wrapper < at) wrappers.add(wrapper);
  else if (wrapper >= tail) wrappers.add(wrapper + grow);
  for (const wrapper of part.wrappers) if (wrapper >= first) wrappers.add(wrapper - first + at);
  const numberProblems: Omit<NumberProblem, 'line' | 'column'>[] = [];
  const numberOffsets: number[] = [];
  const keep = (problem: Omit<NumberProblem, 'line' | 'column'>, offset: number): void => {
    numberProblems.push(problem);
    numberOffsets.push(offset);
  };
  for (const [i, offset] of scan.numberOffsets.entries()) if (offset < lineStart) keep(scan.numberProblems[i]!, offset);
  for (const [i, offset] of part.numberOffsets.entries()) keep(part.numberProblems[i]!, offset + lineStart);
  for (const [i, offset] of scan.numberOffsets.entries()) if (offset >= end) keep(scan.numberProblems[i]!, offset + delta);
  // The data is shared with the file before the edit, copied only on the way down to the item.
  const copy = (value: unknown): Record<string | number, unknown> => (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const root = copy(data);
  let parent = root;
  for (const segment of item.path.slice(0, -1)) {
    const child = copy(parent[segment]);
    parent[segment] = child;
    parent = child;
  }
  parent[item.path.at(-1)!] = part.data[0];
  return {
    data: root,
    starts,
    sizes,
    kinds,
    wrappers,
    nonCanonical: new Set([...scan.nonCanonical, ...part.nonCanonical]),
    numberProblems,
    numberOffsets,
  };
}

/** A file read by the fast reader, from its scan. */
function fastFile(path: string, text: string, scan: Scan): YamlFile {
  const { starts, sizes, kinds, wrappers, nonCanonical } = scan;
  const nodeStart = (index: number): number => skipBlank(text, starts.values[index]!);

  const { position, lineEnd } = lineIndex(text);

  /** A container's direct children, found once by walking the subtree sizes and kept. */
  const childrenCache = new Map<number, Int32Array>();
  const keysCache = new Map<number, string[]>();
  function children(index: number): Int32Array {
    let list = childrenCache.get(index);
    if (!list) {
      const found: number[] = [];
      const end = index + sizes.values[index]!;
      for (let child = index + 1; child < end; child += sizes.values[child]!) found.push(child);
      list = Int32Array.from(found);
      childrenCache.set(index, list);
    }
    return list;
  }

  /**
   * The node at `pointer`: a container's children follow it in document order, each `size`
   * nodes after the one before; in a mapping, keys and values alternate.
   */
  function find(pointer: string): { index: number; keyIndex?: number; exact: boolean } {
    let index = 0;
    let keyIndex: number | undefined;
    for (const segment of segments(pointer)) {
      while (wrappers.has(index)) index++;
      const kind = kinds.values[index];
      if (kind === SCALAR) return { index, exact: false };
      const list = children(index);
      let found = -1;
      if (kind === SEQUENCE) {
        const wanted = /^\d+$/.test(segment) ? Number(segment) : -1;
        found = wanted >= 0 && wanted < list.length ? list[wanted]! : -1;
        keyIndex = undefined;
      } else {
        let keys = keysCache.get(index);
        if (!keys) {
          keys = [];
          for (let pair = 0; pair + 1 < list.length; pair += 2) keys.push(keyAt(text, nodeStart(list[pair]!)));
          keysCache.set(index, keys);
        }
        const pair = keys.indexOf(segment);
        if (pair >= 0) {
          found = list[pair * 2 + 1]!;
          keyIndex = list[pair * 2]!;
        }
      }
      if (found < 0) return { index, exact: false };
      index = found;
    }
    return { index, exact: true, ...(keyIndex === undefined ? {} : { keyIndex }) };
  }

  // No function made here may name `scan`: it would keep the scan's data alive after release().
  const { numberOffsets } = scan;
  const locatedNumberProblems = scan.numberProblems.map((problem, i) => ({ ...problem, ...position(numberOffsets[i]!) }));
  let kept: unknown = scan.data;
  const file: YamlFile = {
    path,
    text,
    get data() {
      return kept;
    },
    release() {
      kept = undefined;
    },
    problems: [],
    numberProblems: locatedNumberProblems,
    locate(pointer, atKey = false) {
      const found = find(pointer);
      return position(nodeStart(atKey && found.exact && found.keyIndex !== undefined ? found.keyIndex : found.index));
    },
    lineEnd,
    numberText(pointer, value) {
      if (value !== undefined && !nonCanonical.has(value)) return String(value);
      const found = find(pointer);
      return found.exact ? tokenAt(text, scalarStart(text, starts.values[found.index]!)) : undefined;
    },
  };
  // The scan is kept without the data: a released file reads its next edit whole.
  scans.set(file, { scan: { ...scan, data: undefined }, data: () => kept });
  return file;
}
