import jsYaml from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';

/** A problem found while reading a file: always located, never thrown. */
export interface ReadProblem {
  readonly code: string;
  readonly message: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

/** A parsed YAML file that can say where any of its data paths was written. */
export interface YamlFile {
  readonly path: string;
  readonly text: string;
  /** Plain data, as AJV and the rules read it. */
  readonly data: unknown;
  readonly problems: readonly ReadProblem[];
  /** 1-based line and column of the node at `pointer`, or of its nearest existing ancestor. */
  locate(pointer: string, atKey?: boolean): { line: number; column: number };
  /** The number at `pointer` exactly as written (`2.20`, `0x1A`); undefined if it is not a number. */
  numberText(pointer: string): string | undefined;
}

const MAX_ALIASES = 100;
/** Nodes that aliases may stand for in all, beyond the nodes written: past it, an alias bomb. */
const MAX_ALIAS_EXPANSION = 10_000;
/** Files up to this size get the `yaml` library's wording of a syntax error. */
const PRECISE_ERRORS_MAX_CHARS = 4 * 1024 * 1024;

export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function joinPointer(pointer: string, ...segments: (string | number)[]): string {
  return segments.reduce<string>(
    (acc, segment) => `${acc}/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`,
    pointer,
  );
}

function childOf(node: Node, segment: string): { value: Node | null; key: Node | null } | undefined {
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

/** Text decoded as UTF-8, or the 1-based position of the first byte that is not. */
function decodeUtf8(bytes: Uint8Array): { text: string } | { badByte: number } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    return { badByte: text.indexOf('\uFFFD') };
  }
}

function positionOf(lines: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lines.linePos(offset);
  return { line: Math.max(line, 1), column: Math.max(col, 1) };
}

/**
 * Reads YAML from bytes. The byte-order mark and CRLF line ends are accepted; bytes that are
 * not UTF-8, NUL bytes, several documents, duplicate keys, tabs in indentation and alias bombs
 * come back as problems with a position, never as exceptions.
 */
export function parseYamlBytes(path: string, bytes: Uint8Array): YamlFile {
  if (bytes.includes(0)) {
    return brokenFile(path, '', { code: 'binary', message: 'a binary file (NUL byte)', line: 1, column: 1 });
  }
  const decoded = decodeUtf8(bytes);
  if ('badByte' in decoded) {
    const before = new TextDecoder('utf-8').decode(bytes).slice(0, Math.max(decoded.badByte, 0));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return brokenFile(path, '', {
      code: 'not-utf8',
      message: 'bytes that are not UTF-8',
      line,
      column,
    });
  }
  return parseYamlText(path, decoded.text.startsWith('\uFEFF') ? decoded.text.slice(1) : decoded.text);
}

function brokenFile(path: string, text: string, problem: ReadProblem): YamlFile {
  return {
    path,
    text,
    data: undefined,
    problems: [problem],
    locate: () => ({ line: problem.line, column: problem.column }),
    numberText: () => undefined,
  };
}

/**
 * The `yaml` library's reading: slower, but with precise, numerous error messages. Used only
 * when the fast reader fails, to say what is wrong and where.
 */
export function parseWithPositions(path: string, text: string): YamlFile {
  const lines = new LineCounter();
  const problems: ReadProblem[] = [];
  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(text, {
      lineCounter: lines,
      uniqueKeys: true,
      prettyErrors: false,
      strict: true,
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
    problems.push({
      code: /call stack/i.test(error.message) ? 'too-deep' : error.code,
      message: error.message.split('\n')[0] ?? error.message,
      ...positionOf(lines, error.pos[0]),
    });
  }
  let data: unknown;
  if (doc && doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (error) {
      const code = error instanceof RangeError ? 'too-deep' : 'RESOURCE_EXHAUSTION';
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
    for (const segment of pointerSegments(pointer)) {
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
    problems,
    locate(pointer, atKey = false) {
      const found = nodeAt(pointer);
      const target = atKey && found.exact && found.key ? found.key : found.node;
      return positionOf(lines, target?.range?.[0] ?? 0);
    },
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

/** What the fast reader keeps of a mapping or sequence: where each child starts, its key, its number text. */
interface Frame {
  readonly start: number;
  /** Start offset of each child; in a mapping, key and value alternate. */
  readonly slots: number[];
  /** Keys by pair index, in document order. */
  readonly keys: string[];
  /** Printed text of the numbers among the children, by slot. */
  numbers: Map<number, string> | undefined;
  /** Nodes in this subtree, aliases expanded. */
  size: number;
}

class AliasBomb extends Error {}

function skipBlank(text: string, offset: number): number {
  let i = offset;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3a /* : after a key */) i++;
    else if (c === 35 /* # */) {
      const end = text.indexOf('\n', i);
      if (end < 0) return text.length;
      i = end + 1;
    } else return i;
  }
}

/**
 * Reads YAML fast (js-yaml, about ten times the `yaml` library's speed), keeping from its parse
 * events just what `locate` and `numberText` need: child offsets and number texts per
 * container. On any error it hands over to the `yaml` library for a precise message.
 */
export function parseYamlText(path: string, text: string): YamlFile {
  // Parallel stacks, so that a scalar (most nodes) costs two numbers, not an object.
  const starts: number[] = [];
  const sizes: number[] = [];
  const open: (Frame | undefined)[] = [];
  const frames = new WeakMap<object, Frame>();
  let expanded = 0;
  let data: unknown;
  try {
    data = jsYaml.load(text, {
      schema: jsYaml.CORE_SCHEMA,
      listener(type, state) {
        if (type === 'open') {
          starts.push(state.position);
          sizes.push(1);
          open.push(undefined);
          return;
        }
        const start = starts.pop()!;
        let size = sizes.pop()!;
        const frame = open.pop();
        const result: unknown = state.result;
        const isContainer = result !== null && typeof result === 'object';
        if (text.charCodeAt(skipBlank(text, start)) === 42 /* * alias */) {
          size = isContainer ? (frames.get(result)?.size ?? 1) : 1;
          expanded += size;
          if (expanded > MAX_ALIAS_EXPANSION) throw new AliasBomb();
        } else if (isContainer && !frames.has(result)) {
          const own = frame ?? { start, slots: [], keys: [], numbers: undefined, size };
          own.size = size;
          frames.set(result, own);
        }
        const depth = starts.length - 1;
        if (depth < 0) return;
        sizes[depth]! += size;
        const parent = (open[depth] ??= { start: starts[depth]!, slots: [], keys: [], numbers: undefined, size: 0 });
        const slot = parent.slots.push(start) - 1;
        if (slot % 2 === 0 && (typeof result === 'string' || typeof result === 'number')) parent.keys[slot / 2] = String(result);
        if (typeof result === 'number') {
          (parent.numbers ??= new Map()).set(slot, text.slice(start, state.position).replace(/^[\s:]+/, '').trim());
        }
      },
    });
  } catch (error) {
    if (error instanceof AliasBomb) {
      return brokenFile(path, text, { code: 'RESOURCE_EXHAUSTION', message: `aliases stand for more than ${MAX_ALIAS_EXPANSION} nodes`, line: 1, column: 1 });
    }
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
  if (data === null || data === undefined) {
    return brokenFile(path, text, { code: 'empty', message: 'the file is empty', line: 1, column: 1 });
  }
  // An alias inside its own anchor makes the data a loop, which no reader can walk.
  if (text.includes('*') && isCircular(data)) {
    return brokenFile(path, text, { code: 'alias-loop', message: 'an alias refers to a node that contains it', line: 1, column: 1 });
  }

  let lineStarts: number[] | undefined;
  const position = (offset: number): { line: number; column: number } => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    }
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };

  /** The container and slot holding the node at `pointer`, as far as the path exists. */
  function find(pointer: string): { offset: number; frame?: Frame; slot?: number; exact: boolean; keyOffset?: number } {
    let node: unknown = data;
    let frame = frames.get(data as object);
    let offset = frame?.start ?? 0;
    let found: { frame?: Frame; slot?: number; keyOffset?: number } = {};
    for (const segment of pointerSegments(pointer)) {
      if (!frame || node === null || typeof node !== 'object') return { offset, exact: false, ...found };
      let slot: number;
      let keyOffset: number | undefined;
      if (Array.isArray(node)) {
        slot = /^\d+$/.test(segment) ? Number(segment) : -1;
      } else {
        const pair = frame.keys.indexOf(segment);
        slot = pair < 0 ? -1 : pair * 2 + 1;
        keyOffset = pair < 0 ? undefined : frame.slots[pair * 2];
      }
      if (slot < 0 || slot >= frame.slots.length) return { offset, exact: false, ...found };
      offset = frame.slots[slot]!;
      found = { frame, slot, ...(keyOffset === undefined ? {} : { keyOffset }) };
      node = (node as Record<string, unknown>)[segment];
      frame = node !== null && typeof node === 'object' ? frames.get(node) : undefined;
    }
    return { offset, exact: true, ...found };
  }

  return {
    path,
    text,
    data,
    problems: [],
    locate(pointer, atKey = false) {
      const found = find(pointer);
      const offset = atKey && found.exact && found.keyOffset !== undefined ? found.keyOffset : found.offset;
      return position(skipBlank(text, offset));
    },
    numberText(pointer) {
      const found = find(pointer);
      return found.exact && found.frame && found.slot !== undefined ? found.frame.numbers?.get(found.slot) : undefined;
    },
  };
}
