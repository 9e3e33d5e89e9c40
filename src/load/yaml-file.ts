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

export function parseYamlText(path: string, text: string): YamlFile {
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

function describeThrown(error: unknown): string {
  if (error instanceof RangeError) return 'nesting too deep to read';
  if (error instanceof Error) return error.message.split('\n')[0] ?? 'unreadable';
  return 'unreadable';
}
