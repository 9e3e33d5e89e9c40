/**
 * A web page into the document model, with parse5 (the WHATWG HTML parser). The charset comes
 * from a byte-order mark or the page's <meta> (GB2312/GBK pages are common), else UTF-8, else
 * GB18030 when the bytes are not UTF-8. The article body is the element that holds the plan's
 * headings; what stands outside it (the site's navigation and footer) is recorded as dropped.
 */
import { type DefaultTreeAdapterTypes, parse } from 'parse5';
import type { Block, BoxBlock, Cell, DocumentModel, Dropped, Heading, Paragraph, Place, ReadResult, TableBlock, TableRow } from './blocks.js';
import { BOX_TITLE, cleanText, headingOf, joinLines } from './lines.js';
import { headingLine } from './source.js';

type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

/** A plan's article page is a few MB at most; past this it is refused rather than parsed. */
export const HTML_MAX_BYTES = 16 * 1024 * 1024;
/** Elements nested deeper than this are read as text, not walked one call per level. */
const MAX_DEPTH = 256;

/** The WHATWG names of the Chinese charsets, by the labels pages give them. */
const CHARSET_LABELS: ReadonlyMap<string, string> = new Map([
  ['gb2312', 'gbk'],
  ['gbk', 'gbk'],
  ['x-gbk', 'gbk'],
  ['cp936', 'gbk'],
  ['gb_2312-80', 'gbk'],
  ['chinese', 'gbk'],
  ['csgb2312', 'gbk'],
  ['gb18030', 'gb18030'],
  ['utf-8', 'utf-8'],
  ['utf8', 'utf-8'],
]);

const isElement = (node: Node): node is Element => 'tagName' in node;
/** The element holding this one, or null at the top (the document is no element). */
const parentOf = (element: Element): Element | null => (element.parentNode !== null && isElement(element.parentNode) ? element.parentNode : null);
const attribute = (element: Element, name: string): string | undefined => element.attrs.find((attr) => attr.name === name)?.value;

/** The charset a page declares in its first kilobytes: <meta charset>, or http-equiv Content-Type. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  // The prescan reads the head as Latin-1, as the HTML standard's does: the <meta> is ASCII in every charset a page may use.
  const head = parse(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'));
  const stack: Node[] = [head];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isElement(node) && node.tagName === 'meta') {
      const charset = attribute(node, 'charset');
      if (charset !== undefined) return charset.trim().toLowerCase();
      if (attribute(node, 'http-equiv')?.toLowerCase() === 'content-type') {
        const match = /charset\s*=\s*["']?([^"';\s]+)/i.exec(attribute(node, 'content') ?? '');
        if (match !== null) return match[1]!.toLowerCase();
      }
    }
    if ('childNodes' in node) for (const child of node.childNodes) stack.push(child);
  }
  return undefined;
}

/** The page's text: by its byte-order mark, its declared charset, UTF-8, or GB18030 when it is not UTF-8. */
export function decodeHtml(bytes: Uint8Array): { readonly text: string; readonly charset: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be' };
  const declared = declaredCharset(bytes);
  const charset = declared === undefined ? undefined : (CHARSET_LABELS.get(declared) ?? declared);
  if (charset !== undefined) {
    try {
      // A page that says GB2312 but uses GBK's or GB18030's extra characters is common: the superset reads both.
      return { text: new TextDecoder(charset === 'gbk' ? 'gb18030' : charset).decode(bytes), charset };
    } catch {
      // An unknown label: guessed below, as if none were given.
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), charset: 'gb18030' };
  }
}

const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'select', 'button', 'input', 'textarea']);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'html', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'ul', 'caption', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th',
]);
const HEADING_TAGS = new Map([['h1', 1], ['h2', 2], ['h3', 3], ['h4', 4], ['h5', 5], ['h6', 6]]);

/** The element path of a node, as a CSS-like selector with 1-based positions among same-named siblings. */
function pathOf(element: Element): string {
  const parts: string[] = [];
  for (let at: Element | null = element; at !== null && at.tagName !== 'html'; at = parentOf(at)) {
    const siblings = at.parentNode === null ? [] : at.parentNode.childNodes.filter((node): node is Element => isElement(node) && node.tagName === at!.tagName);
    parts.unshift(siblings.length > 1 ? `${at.tagName}[${siblings.indexOf(at) + 1}]` : at.tagName);
  }
  return parts.join('>');
}

const placeOf = (element: Element): Place => ({ form: 'html', path: pathOf(element) });

/**
 * The text of inline content, as a browser would show it: whitespace collapsed, a source line
 * break between Chinese characters taking no space, <br> a line break.
 */
function inlineText(nodes: readonly Node[]): string {
  const parts: string[] = [];
  const stack: { node: Node; depth: number }[] = [...nodes].reverse().map((node) => ({ node, depth: 0 }));
  while (stack.length > 0) {
    const { node } = stack.pop()!;
    if (node.nodeName === '#text') parts.push((node as DefaultTreeAdapterTypes.TextNode).value);
    else if (isElement(node)) {
      if (SKIPPED.has(node.tagName)) continue;
      if (node.tagName === 'br') parts.push(BREAK);
      else for (const child of [...node.childNodes].reverse()) stack.push({ node: child, depth: 0 });
    }
  }
  return collapse(parts.join(''));
}

/** A <br> while inline text is gathered; source line breaks are only whitespace. */
const BREAK = '\u2028';

function collapse(raw: string): string {
  return cleanText(raw.replace(/\r\n?/g, '\n'))
    .replace(/\u00a0/g, ' ')
    .split(BREAK)
    .map((line) =>
      line
        .split(/[ \t\f]*\n[ \t\n\f]*/)
        .reduce((text, piece) => joinLines(text, piece), '')
        .replace(/[ \t]+/g, ' ')
        .trim(),
    )
    .filter((line) => line !== '')
    .join('\n');
}

/** Whether an element holds block-level content (and so is a container, not a paragraph). */
const hasBlocks = (element: Element): boolean => element.childNodes.some((node) => isElement(node) && BLOCKS.has(node.tagName) && !SKIPPED.has(node.tagName));

/** Whether a table lays out the page (it holds headings or paragraphs of the article) rather than data. */
function isLayoutTable(table: Element): boolean {
  const stack: Node[] = [...table.childNodes];
  let blocks = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (HEADING_TAGS.has(node.tagName)) return true;
    if (node.tagName === 'p' || node.tagName === 'div') {
      const text = inlineText(node.childNodes);
      if (headingOf(text.split('\n')[0] ?? '', { form: 'html', path: '' })?.number?.startsWith('第')) return true;
      if (text.length > 200) blocks += 1;
    }
    if (blocks > 3) return true;
    for (const child of node.childNodes) stack.push(child);
  }
  return false;
}

/** Reads the blocks of an element's content. */
function blocksOf(element: Element, depth: number): Block[] {
  const blocks: Block[] = [];
  let inline: Node[] = [];
  const flushInline = (): void => {
    const text = inlineText(inline);
    inline = [];
    if (text !== '') blocks.push(textBlock(text, placeOf(element)));
  };
  for (const node of element.childNodes) {
    if (!isElement(node)) {
      inline.push(node);
      continue;
    }
    if (SKIPPED.has(node.tagName)) continue;
    if (!BLOCKS.has(node.tagName)) {
      inline.push(node);
      continue;
    }
    flushInline();
    blocks.push(...blockOf(node, depth + 1));
  }
  flushInline();
  return blocks;
}

/** A paragraph, or a heading when its text opens with a heading's printed number. */
function textBlock(text: string, place: Place): Heading | Paragraph {
  const heading = text.includes('\n') ? undefined : headingOf(text, place);
  return heading ?? { kind: 'paragraph', text, place };
}

function blockOf(element: Element, depth: number): Block[] {
  const place = placeOf(element);
  if (depth > MAX_DEPTH) {
    const text = inlineText(element.childNodes);
    return text === '' ? [] : [{ kind: 'paragraph', text, place }];
  }
  const tag = element.tagName;
  const level = HEADING_TAGS.get(tag);
  if (level !== undefined) {
    const text = inlineText(element.childNodes).replace(/\n/g, ' ');
    if (text === '') return [];
    const byNumber = headingOf(text, place);
    // CMS pages set h-levels for looks; a printed number says more (第X章 is 1 whatever the tag).
    return [byNumber ?? { kind: 'heading', level: level - 1, text, place }];
  }
  if (tag === 'table') {
    if (isLayoutTable(element)) return cellsOf(element).flatMap((cell) => blocksOf(cell, depth + 1));
    return [tableOf(element, depth)];
  }
  if (tag === 'ol' || tag === 'ul') {
    const items = element.childNodes.filter((node): node is Element => isElement(node) && node.tagName === 'li');
    let counter = Number(attribute(element, 'start') ?? 1) || 1;
    return items.flatMap((item) => {
      const inner = blocksOf(item, depth + 1);
      const number = tag === 'ol' ? `${counter}.` : '';
      counter += 1;
      const first = inner[0];
      if (number !== '' && first !== undefined && first.kind === 'paragraph') inner[0] = { ...first, text: `${number}${first.text}` };
      return inner;
    });
  }
  if (!hasBlocks(element)) {
    const text = inlineText(element.childNodes);
    return text === '' ? [] : [textBlock(text, place)];
  }
  const inner = blocksOf(element, depth);
  // A framed panel: a container whose first line is 专栏N.
  const first = inner[0];
  const firstText = first === undefined ? '' : first.kind === 'heading' ? headingLine(first.number, first.text) : first.kind === 'paragraph' ? first.text : '';
  if (BOX_TITLE.test(firstText) && inner.length >= 2 && tag !== 'body' && tag !== 'main' && tag !== 'article') {
    const box: BoxBlock = { kind: 'box', title: firstText, blocks: inner.slice(1), place };
    return [box];
  }
  return inner;
}

/** The cells of a table (its own, not those of tables inside it), row by row. */
function rowsOfTable(table: Element): Element[][] {
  const rows: Element[][] = [];
  const visit = (parent: Element): void => {
    for (const node of parent.childNodes) {
      if (!isElement(node)) continue;
      if (node.tagName === 'tr') rows.push(node.childNodes.filter((cell): cell is Element => isElement(cell) && (cell.tagName === 'td' || cell.tagName === 'th')));
      else if (node.tagName === 'thead' || node.tagName === 'tbody' || node.tagName === 'tfoot') visit(node);
    }
  };
  visit(table);
  return rows;
}

const cellsOf = (table: Element): Element[] => rowsOfTable(table).flat();

const span = (cell: Element, name: string): number => Math.max(1, Math.min(1000, Number.parseInt(attribute(cell, name) ?? '1', 10) || 1));

function tableOf(table: Element, depth: number): Block {
  const place = placeOf(table);
  const rawRows = rowsOfTable(table);
  const caption = table.childNodes.find((node): node is Element => isElement(node) && node.tagName === 'caption');
  const rows: TableRow[] = rawRows.map((cells, index) => {
    const row: TableRow = {
      cells: cells.map((cell): Cell => {
        const inner = hasBlocks(cell) ? blocksOf(cell, depth + 1) : [];
        const text = hasBlocks(cell) ? cellText(inner) : inlineText(cell.childNodes);
        const base = { text, rowSpan: span(cell, 'rowspan'), colSpan: span(cell, 'colspan'), place: placeOf(cell) };
        return inner.some((block) => block.kind === 'table' || block.kind === 'box') ? { ...base, blocks: inner } : base;
      }),
      place: rawRows[index]![0] === undefined ? place : placeOf(rawRows[index]![0]!.parentNode as Element),
    };
    return index === 0 && cells.every((cell) => cell.tagName === 'th') ? { ...row, header: true } : row;
  });
  const nonEmpty = rows.filter((row) => row.cells.length > 0);
  // A one-cell table is a frame, as 专栏 are often printed.
  if (nonEmpty.length === 1 && nonEmpty[0]!.cells.length === 1) {
    const cell = rawRows.flat()[0]!;
    const inner = hasBlocks(cell) ? blocksOf(cell, depth + 1) : [textBlock(inlineText(cell.childNodes), placeOf(cell))];
    const first = inner[0];
    const firstText = first === undefined ? '' : first.kind === 'heading' ? headingLine(first.number, first.text) : first.kind === 'paragraph' ? first.text.split('\n')[0]! : '';
    if (BOX_TITLE.test(firstText)) {
      const rest = first!.kind === 'paragraph' && first!.text.includes('\n') ? [{ ...first!, text: first!.text.split('\n').slice(1).join('\n') } as Paragraph, ...inner.slice(1)] : inner.slice(1);
      return { kind: 'box', title: firstText, blocks: rest, place };
    }
    return { kind: 'box', title: '', blocks: inner, place };
  }
  const captionText = caption === undefined ? '' : inlineText(caption.childNodes);
  const block: TableBlock = captionText === '' ? { kind: 'table', rows: nonEmpty, place } : { kind: 'table', rows: nonEmpty, place, caption: captionText };
  return block;
}

function cellText(blocks: readonly Block[]): string {
  return blocks
    .map((block) =>
      block.kind === 'heading' ? headingLine(block.number, block.text) : block.kind === 'paragraph' ? block.text : block.kind === 'table' ? block.rows.map((row) => row.cells.map((cell) => cell.text.replace(/\n/g, ' ')).join(' ')).join('\n') : [block.title, cellText(block.blocks)].filter(Boolean).join('\n'),
    )
    .filter((text) => text !== '')
    .join('\n');
}

/** The structural headings of a plan: numbered chapters, sections, boxes and appendices, wherever they stand. */
function planHeadings(root: Element): Element[] {
  const found: Element[] = [];
  const stack: { node: Node; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isElement(node) || SKIPPED.has(node.tagName)) continue;
    if (HEADING_TAGS.has(node.tagName) || ((node.tagName === 'p' || node.tagName === 'div' || node.tagName === 'td') && !hasBlocks(node))) {
      const text = inlineText(node.childNodes);
      const heading = text.includes('\n') ? undefined : headingOf(text, { form: 'html', path: '' });
      if (heading?.number !== undefined && /^(第|附表|专栏)/.test(heading.number)) found.push(node);
      continue;
    }
    if (depth < 10_000) for (const child of node.childNodes) stack.push({ node: child, depth: depth + 1 });
  }
  return found;
}

/** The deepest element holding nearly all of the plan's headings: the article, without the site around it. */
function articleOf(body: Element): Element {
  const headings = planHeadings(body);
  if (headings.length < 2) return body;
  const counts = new Map<Element, number>();
  for (const heading of headings) {
    for (let at = parentOf(heading); at !== null; at = parentOf(at)) counts.set(at, (counts.get(at) ?? 0) + 1);
  }
  const needed = Math.ceil(headings.length * 0.8);
  let best = body;
  let bestDepth = -1;
  for (const [element, count] of counts) {
    if (count < needed) continue;
    let depth = 0;
    for (let at = parentOf(element); at !== null; at = parentOf(at)) depth += 1;
    if (depth > bestDepth) {
      best = element;
      bestDepth = depth;
    }
  }
  return best;
}

/** Text outside the article, block by block, recorded as navigation. */
function outside(body: Element, article: Element): Dropped[] {
  if (article === body) return [];
  const dropped: Dropped[] = [];
  const holders = new Set<Node>();
  for (let at: Element | null = article; at !== null; at = parentOf(at)) holders.add(at);
  const stack: Element[] = [body];
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (element === article) continue;
    if (!holders.has(element)) {
      const text = inlineText(element.childNodes).replace(/\n/g, ' ');
      if (text !== '') dropped.push({ text: text.length > 200 ? `${text.slice(0, 200)}…` : text, place: placeOf(element), why: 'navigation' });
      continue;
    }
    for (const child of [...element.childNodes].reverse()) if (isElement(child) && !SKIPPED.has(child.tagName)) stack.push(child);
  }
  return dropped;
}

/** Reads a web page into the model, or refuses it (too large, no text). */
export function readHtml(bytes: Uint8Array, maxBytes = HTML_MAX_BYTES): ReadResult {
  if (bytes.length > maxBytes) return { refused: 'too-large', detail: `${bytes.length} bytes, more than ${maxBytes}` };
  const { text, charset } = decodeHtml(bytes);
  const document = parse(text);
  const html = document.childNodes.find((node): node is Element => isElement(node) && node.tagName === 'html');
  const body = html?.childNodes.find((node): node is Element => isElement(node) && node.tagName === 'body');
  if (body === undefined) return { refused: 'empty' };
  const article = articleOf(body);
  const blocks = article === body ? blocksOf(body, 0) : blockOf(article, 0);
  if (blocks.length === 0) return { refused: 'empty' };
  const model: DocumentModel = { form: 'html', blocks, dropped: outside(body, article), encoding: charset };
  return { model };
}
