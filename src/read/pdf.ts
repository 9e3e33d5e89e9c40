/**
 * A PDF into the document model, with Mozilla's PDF.js (legacy build, no worker, no canvas).
 * As pdfplumber does it, each stage on its own: the page's text items become glyphs, glyphs
 * become lines by baseline; the drawn rules (the operator list) become table grids, or frames
 * (专栏) when they hold one cell; text repeated at the same place on most pages and page numbers
 * are dropped; then lines become headings and paragraphs, joined across lines and pages.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { itemOf } from '../headings.js';
import type { Block, Cell, DocumentModel, Dropped, Heading, Place, ReadResult, TableBlock, TableRow } from './blocks.js';
import { builtIns, restoreBuiltIns } from './built-ins.js';
import { BOX_TITLE, cleanText, headingOf, joinAll, NO_END, NO_START } from './lines.js';
import { headerNames, misreadCells, readTextLayout } from './text.js';

/** Bounds on what a PDF may cost. */
export interface PdfLimits {
  /** Pages read; a longer document is refused. */
  readonly maxPages?: number;
  /** Glyphs across the document; past it the document is refused. */
  readonly maxGlyphs?: number;
}

/**
 * A county plan runs to a few hundred pages at most. Past 600 pages (a 1,000-page PDF) the file
 * is refused before any page is read: reading costs ~0.1 s and ~1 MB a page on 2 cores.
 */
export const PDF_MAX_PAGES = 600;
const PDF_MAX_GLYPHS = 2_000_000;

type Matrix = readonly [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** One printed character, in page space with y growing downwards (points). */
export interface Glyph {
  readonly char: string;
  readonly x: number;
  readonly width: number;
  /** The baseline. */
  readonly y: number;
  readonly size: number;
  /** The text item printed a space before it. */
  readonly spaced?: boolean;
}

/** A line of text: glyphs on one baseline, left to right. */
export interface Line {
  readonly glyphs: readonly Glyph[];
  readonly y: number;
  readonly x0: number;
  readonly x1: number;
  readonly size: number;
  /** 1-based, counted from the top of the page over every line, furniture and tables included. */
  readonly number: number;
  readonly text: string;
}

/** A drawn horizontal or vertical rule. */
export interface Rule {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface GridCell {
  readonly row: number;
  readonly column: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly lines: readonly Line[];
}

/** A ruled region: its column and row edges and its cells (spans where a rule is missing). */
export interface Grid {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly cells: readonly GridCell[];
  /** One cell with text and nothing else, or one column under a 专栏 title: a frame (专栏), not a table. */
  readonly frame: boolean;
  /** Drawn from rules, or found from the alignment of text. */
  readonly ruled: boolean;
}

/** What was read from one page, kept for `--explain`. */
export interface PageLayout {
  readonly page: number;
  readonly width: number;
  readonly height: number;
  /** Every line of the page. */
  readonly lines: readonly Line[];
  readonly rules: readonly Rule[];
  readonly grids: readonly Grid[];
  /** Lines dropped as page furniture, with why. */
  readonly dropped: readonly { readonly line: Line; readonly why: Dropped['why'] }[];
}

/**
 * The simplified radicals (CJK Radicals Supplement) that CJK fonts map common characters to, with
 * the character each stands for; Unicode gives most of them no decomposition.
 */
const RADICALS: ReadonlyMap<string, string> = new Map(
  [...'⺠民⻄西⻅见⻆角⻈讠⻉贝⻋车⻐钅⻓长⻔门⻘青⻙韦⻚页⻛风⻜飞⻝食⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻰龙'.matchAll(/(.)(.)/gu)].map((match) => [match[1]!, match[2]!]),
);

/**
 * Glyphs a CJK font's ToUnicode map gives for a common character of simplified Chinese text: the
 * traditional 戶 for 户 (one glyph in many fonts), the horizontal bar ― for the dash — (GB 2312's
 * A1AA, mapped either way), the division slash ∕ for the full-width slash of 场／年, the wave dash
 * 〜 (Japanese) for the full-width tilde of 2021～2023.
 */
const FONT_VARIANTS: ReadonlyMap<string, string> = new Map([
  ['戶', '户'],
  ['―', '—'],
  ['∕', '／'],
  ['〜', '～'],
]);

/**
 * The character a font's ToUnicode map meant: Kangxi radicals (U+2F00–U+2FDF), radical
 * supplements and compatibility ideographs stand for the common character (⼀ is 一, ⻓ is 长),
 * and a few font variants for theirs (戶 is 户). Nothing else is normalised: full-width digits
 * stay as printed.
 */
export function normalizeChar(char: string): string {
  const code = char.codePointAt(0)!;
  let meant = char;
  if (code >= 0x2e80 && code <= 0x2eff) meant = RADICALS.get(char) ?? char.normalize('NFKC');
  else if ((code >= 0x2f00 && code <= 0x2fdf) || (code >= 0xf900 && code <= 0xfaff)) meant = char.normalize('NFKC');
  // The door radical ⼾ is 戶 by its decomposition, and 户 in a simplified text.
  return FONT_VARIANTS.get(meant) ?? meant;
}

/** A character's share of its item's width: CJK and full-width forms one em, others half, spaces a quarter. */
function nominalWidth(char: string): number {
  if (/\s/.test(char)) return 0.3;
  return (char.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.55;
}

interface TextItemLike {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
}

/** The glyphs of one text item, spread over its width by their nominal widths. */
function glyphsOf(item: TextItemLike, viewport: Matrix): Glyph[] {
  const text = cleanText(item.str);
  if (text.trim() === '') return [];
  const t = item.transform as unknown as Matrix;
  const m = multiply(viewport, t);
  const size = Math.hypot(m[2], m[3]);
  // Only horizontal text is read as lines; rotated text (a stamp, a vertical label) is left out.
  if (size === 0 || Math.abs(m[1]) > 0.01 * size) return [];
  const [x, y] = apply(viewport, t[4], t[5]);
  const chars = [...text];
  const nominal = chars.reduce((sum, char) => sum + nominalWidth(char), 0);
  const scale = item.width > 0 && nominal > 0 ? (item.width * Math.hypot(viewport[0], viewport[1])) / nominal : size;
  const glyphs: Glyph[] = [];
  let at = x;
  let spaced = false;
  for (const char of chars) {
    const width = nominalWidth(char) * scale;
    if (/\s/.test(char)) spaced = glyphs.length > 0;
    else {
      glyphs.push(spaced ? { char: normalizeChar(char), x: at, width, y, size, spaced } : { char: normalizeChar(char), x: at, width, y, size });
      spaced = false;
    }
    at += width;
  }
  return glyphs;
}

/** Glyphs on one baseline (within a quarter of their size) make a line, read left to right. */
function linesOf(glyphs: readonly Glyph[]): Line[] {
  const sorted = [...glyphs].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: Glyph[][] = [];
  for (const glyph of sorted) {
    const last = groups.at(-1);
    if (last !== undefined && Math.abs(last[0]!.y - glyph.y) <= Math.max(1, 0.25 * Math.min(last[0]!.size, glyph.size))) last.push(glyph);
    else groups.push([glyph]);
  }
  return groups.map((group, index) => lineOf(group, index + 1));
}

function lineOf(glyphs: readonly Glyph[], number: number): Line {
  // A character drawn twice a hair apart is one character set bold by overprinting (as some
  // writers embolden a font that has no bold: 第第一一章章 to a reader that keeps both).
  const sorted: Glyph[] = [];
  for (const glyph of [...glyphs].sort((a, b) => a.x - b.x)) {
    let twice = false;
    for (let back = sorted.length - 1; back >= 0 && back >= sorted.length - 3 && !twice; back -= 1) {
      const before = sorted[back]!;
      twice = before.char === glyph.char && glyph.x - before.x < 0.25 * glyph.size && Math.abs(glyph.y - before.y) < 0.25 * glyph.size;
    }
    if (!twice) sorted.push(glyph);
  }
  // Between two Chinese characters a line set without justification leaves no gap, so a narrower
  // one is a space (妇女网 互联网); a justified line spreads its slack between them, so only a wide one is.
  const wide = (char: string): boolean => (char.codePointAt(0) ?? 0) >= 0x2e80;
  const gaps: number[] = [];
  for (let at = 1; at < sorted.length; at += 1) {
    const [before, after] = [sorted[at - 1]!, sorted[at]!];
    if (wide(before.char) && wide(after.char)) gaps.push((after.x - before.x - before.width) / after.size);
  }
  gaps.sort((a, b) => a - b);
  const tight = gaps.length >= 4 && gaps[Math.floor(gaps.length / 2)]! < 0.05;
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  let previous = '';
  for (const glyph of sorted) {
    // A gap wider than a third of an em is a space between words (or cells, when text is aligned in columns).
    const least = tight && wide(previous) && wide(glyph.char) ? 0.18 : 0.35;
    if (text !== '' && (glyph.x - end > least * glyph.size || glyph.spaced === true)) text += glyph.x - end > 1.5 * glyph.size ? '  ' : ' ';
    text += glyph.char;
    previous = glyph.char;
    end = Math.max(end, glyph.x + glyph.width);
  }
  const sizes = sorted.map((glyph) => glyph.size).sort((a, b) => a - b);
  return {
    glyphs: sorted,
    y: sorted.reduce((sum, glyph) => sum + glyph.y, 0) / sorted.length,
    x0: sorted[0]!.x,
    x1: end,
    size: sizes[Math.floor(sizes.length / 2)]!,
    number,
    text,
  };
}

/** The rules drawn on a page: thin filled rectangles, stroked segments and the edges of stroked rectangles. */
function rulesOf(fnArray: readonly number[], argsArray: readonly unknown[], ops: Record<string, number>, viewport: Matrix): Rule[] {
  const rules: Rule[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  let lineWidth = 1;
  const widths: number[] = [];
  const push = (x0: number, y0: number, x1: number, y1: number): void => {
    rules.push({ x0: Math.min(x0, x1), y0: Math.min(y0, y1), x1: Math.max(x0, x1), y1: Math.max(y0, y1) });
  };
  const STROKES = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const FILLS = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  for (let index = 0; index < fnArray.length; index += 1) {
    const fn = fnArray[index];
    const args = argsArray[index] as unknown[] | null;
    if (fn === ops.save) {
      stack.push(ctm);
      widths.push(lineWidth);
    } else if (fn === ops.restore) {
      ctm = stack.pop() ?? ctm;
      lineWidth = widths.pop() ?? lineWidth;
    } else if (fn === ops.transform && args !== null) ctm = multiply(ctm, args as unknown as Matrix);
    else if (fn === ops.paintFormXObjectBegin && args !== null && Array.isArray(args[0])) {
      stack.push(ctm);
      widths.push(lineWidth);
      ctm = multiply(ctm, args[0] as unknown as Matrix);
    } else if (fn === ops.paintFormXObjectEnd) {
      ctm = stack.pop() ?? ctm;
      lineWidth = widths.pop() ?? lineWidth;
    } else if (fn === ops.setLineWidth && args !== null) lineWidth = Number(args[0]) || 0;
    else if (fn === ops.constructPath && args !== null) {
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (data === undefined || !(STROKES.has(paint) || FILLS.has(paint))) continue;
      const toPage = multiply(viewport, ctm);
      const scale = Math.hypot(toPage[0], toPage[1]);
      // Subpaths as lists of points (moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4).
      const subpaths: [number, number][][] = [];
      for (let at = 0; at < data.length; ) {
        const op = data[at]!;
        if (op === 0) {
          subpaths.push([apply(toPage, data[at + 1]!, data[at + 2]!)]);
          at += 3;
        } else if (op === 1) {
          subpaths.at(-1)?.push(apply(toPage, data[at + 1]!, data[at + 2]!));
          at += 3;
        } else if (op === 2) {
          subpaths.at(-1)?.push(apply(toPage, data[at + 5]!, data[at + 6]!));
          at += 7;
        } else if (op === 3) {
          subpaths.at(-1)?.push(apply(toPage, data[at + 3]!, data[at + 4]!));
          at += 5;
        } else {
          const first = subpaths.at(-1)?.[0];
          if (first !== undefined) subpaths.at(-1)!.push(first);
          at += 1;
        }
      }
      for (const points of subpaths) {
        const xs = points.map((point) => point[0]);
        const ys = points.map((point) => point[1]);
        const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        if (FILLS.has(paint) && (x1 - x0 <= 3 || y1 - y0 <= 3)) {
          // A thin filled rectangle is how most writers draw a border.
          if (x1 - x0 <= 3 && y1 - y0 > 3) push((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
          else if (y1 - y0 <= 3 && x1 - x0 > 3) push(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
          continue;
        }
        if (!STROKES.has(paint) || lineWidth * scale > 6) continue;
        for (let at = 1; at < points.length; at += 1) {
          const [ax, ay] = points[at - 1]!;
          const [bx, by] = points[at]!;
          if (Math.abs(ax - bx) < 1 && Math.abs(ay - by) > 3) push(ax, ay, ax, by);
          else if (Math.abs(ay - by) < 1 && Math.abs(ax - bx) > 3) push(ax, ay, bx, ay);
        }
      }
    }
  }
  return rules;
}

/** Values within `tolerance` of each other become one (their mean), sorted. */
function cluster(values: readonly number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const value of sorted) {
    const last = groups.at(-1);
    if (last !== undefined && value - last.at(-1)! <= tolerance) last.push(value);
    else groups.push([value]);
  }
  return groups.map((group) => group.reduce((sum, value) => sum + value, 0) / group.length);
}

const TOLERANCE = 2.5;

/** Rules that touch or cross (within the tolerance) belong to one region. */
function regionsOf(rules: readonly Rule[]): Rule[][] {
  const parent = rules.map((_, index) => index);
  const find = (index: number): number => {
    let at = index;
    while (parent[at] !== at) {
      parent[at] = parent[parent[at]!]!;
      at = parent[at]!;
    }
    return at;
  };
  const touches = (a: Rule, b: Rule): boolean => a.x0 <= b.x1 + TOLERANCE && b.x0 <= a.x1 + TOLERANCE && a.y0 <= b.y1 + TOLERANCE && b.y0 <= a.y1 + TOLERANCE;
  // Sorted by x0, a rule can only touch those starting before its end: the sweep keeps this near linear.
  const order = rules.map((_, index) => index).sort((a, b) => rules[a]!.x0 - rules[b]!.x0);
  for (let i = 0; i < order.length; i += 1) {
    const a = rules[order[i]!]!;
    for (let j = i + 1; j < order.length; j += 1) {
      const b = rules[order[j]!]!;
      if (b.x0 > a.x1 + TOLERANCE) break;
      if (touches(a, b)) parent[find(order[i]!)] = find(order[j]!);
    }
  }
  const groups = new Map<number, Rule[]>();
  rules.forEach((rule, index) => {
    const root = find(index);
    groups.get(root)?.push(rule) ?? groups.set(root, [rule]);
  });
  return [...groups.values()];
}

/** Whether a rule covers the span from a to b along its length, within the tolerance. */
const covers = (from: number, to: number, a: number, b: number): boolean => from <= a + TOLERANCE && to >= b - TOLERANCE;

/** A region of rules as a grid of cells: a missing rule between two slots merges them. */
function gridOf(rules: readonly Rule[], lines: readonly Line[]): Grid | undefined {
  const horizontal = rules.filter((rule) => rule.y1 - rule.y0 < rule.x1 - rule.x0);
  const vertical = rules.filter((rule) => rule.y1 - rule.y0 >= rule.x1 - rule.x0);
  const ys = cluster(horizontal.map((rule) => rule.y0), TOLERANCE);
  const xs = cluster(vertical.map((rule) => rule.x0), TOLERANCE);
  if (xs.length < 2 || ys.length < 2) return undefined;
  const rows = ys.length - 1;
  const columns = xs.length - 1;
  if (rows * columns > 200_000) return undefined;
  const near = (value: number, target: number): boolean => Math.abs(value - target) <= TOLERANCE;
  // Is there a rule between slot (r, c) and its right neighbour, and between it and the slot below?
  const wallRight = (r: number, c: number): boolean => vertical.some((rule) => near(rule.x0, xs[c + 1]!) && covers(rule.y0, rule.y1, ys[r]!, ys[r + 1]!));
  const wallBelow = (r: number, c: number): boolean => horizontal.some((rule) => near(rule.y0, ys[r + 1]!) && covers(rule.x0, rule.x1, xs[c]!, xs[c + 1]!));
  const owner: number[] = Array.from({ length: rows * columns }, (_, index) => index);
  const find = (index: number): number => {
    let at = index;
    while (owner[at] !== at) at = owner[at]!;
    return at;
  };
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) {
      if (c + 1 < columns && !wallRight(r, c)) owner[find(r * columns + c + 1)] = find(r * columns + c);
      if (r + 1 < rows && !wallBelow(r, c)) owner[find((r + 1) * columns + c)] = find(r * columns + c);
    }
  }
  const spans = new Map<number, { r0: number; c0: number; r1: number; c1: number }>();
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) {
      const root = find(r * columns + c);
      const span = spans.get(root);
      if (span === undefined) spans.set(root, { r0: r, c0: c, r1: r, c1: c });
      else {
        span.r1 = Math.max(span.r1, r);
        span.c1 = Math.max(span.c1, c);
      }
    }
  }
  const cells: GridCell[] = [];
  // A cell's lines keep the number of the page line they stand on: a row's place is its line on the page.
  const pageLine = new Map<Glyph, number>();
  for (const line of lines) for (const glyph of line.glyphs) pageLine.set(glyph, line.number);
  for (const span of spans.values()) {
    const [x0, x1, y0, y1] = [xs[span.c0]!, xs[span.c1 + 1]!, ys[span.r0]!, ys[span.r1 + 1]!];
    const glyphs = lines.flatMap((line) => line.glyphs.filter((glyph) => glyph.x + glyph.width / 2 > x0 && glyph.x + glyph.width / 2 < x1 && glyph.y - glyph.size * 0.35 > y0 && glyph.y - glyph.size * 0.35 < y1));
    const cellLines = linesOf(glyphs).map((line) => ({ ...line, number: pageLine.get(line.glyphs[0]!) ?? line.number }));
    cells.push({ row: span.r0, column: span.c0, rowSpan: span.r1 - span.r0 + 1, colSpan: span.c1 - span.c0 + 1, x0, y0, x1, y1, lines: cellLines });
  }
  cells.sort((a, b) => a.row - b.row || a.column - b.column);
  const withText = cells.filter((cell) => cell.lines.length > 0);
  // Or one column whose first row is a box's title (专栏N over a row of its items, as a word processor's box often is).
  const titled = xs.length === 2 && withText.length > 1 && BOX_TITLE.test(withText[0]!.lines[0]!.text.replace(/\s+/gu, ''));
  return { xs, ys, cells, frame: (cells.length === 1 && withText.length === 1) || titled, ruled: true };
}

/** Whether a line's glyphs stand inside a grid. */
const inside = (line: Line, grid: Grid): boolean => {
  const glyph = line.glyphs[0]!;
  const cx = glyph.x + glyph.width / 2;
  const cy = glyph.y - glyph.size * 0.35;
  return cx > grid.xs[0]! && cx < grid.xs.at(-1)! && cy > grid.ys[0]! && cy < grid.ys.at(-1)!;
};

const PAGE_MARK = [/^[-—–－‐_\s]*[0-9０-９]{1,4}[-—–－‐_\s]*$/, /^第\s*[0-9０-９]+\s*页(?:\s*[,，/]?\s*共\s*[0-9０-９]+\s*页)?$/, /^[0-9０-９]+\s*\/\s*[0-9０-９]+$/, /^[Pp]age\s*[0-9]+(?:\s*of\s*[0-9]+)?$/];

/** The page number lines and the running headers and footers of the whole document. */
function furnitureOf(pages: readonly { readonly height: number; readonly lines: readonly Line[] }[]): Map<Line, Dropped['why']> {
  const found = new Map<Line, Dropped['why']>();
  const margin = (height: number): number => height * 0.12;
  const key = (line: Line): string => line.text.replace(/[0-9０-９]+/g, '#').replace(/\s+/g, '');
  const edges: { line: Line; top: boolean; page: number }[] = [];
  pages.forEach((page, index) => {
    const top = page.lines.filter((line) => line.y < margin(page.height)).slice(0, 2);
    const bottom = page.lines.filter((line) => line.y > page.height - margin(page.height)).slice(-2);
    for (const line of top) edges.push({ line, top: true, page: index });
    for (const line of bottom) edges.push({ line, top: false, page: index });
  });
  const counts = new Map<string, Set<number>>();
  const bucket = (edge: { line: Line; top: boolean }): string => `${edge.top}|${Math.round(edge.line.y / 6)}|${key(edge.line)}`;
  for (const edge of edges) {
    const name = bucket(edge);
    counts.set(name, (counts.get(name) ?? new Set()).add(edge.page));
  }
  const enough = Math.max(2, Math.ceil(pages.length / 2));
  for (const edge of edges) {
    if (PAGE_MARK.some((pattern) => pattern.test(edge.line.text.trim()))) found.set(edge.line, 'page-mark');
    else if ((counts.get(bucket(edge))?.size ?? 0) >= enough) found.set(edge.line, edge.top ? 'running-header' : 'running-footer');
  }
  return found;
}

/** Columns found from the alignment of text, when a table is printed without rules. */
function alignedGrids(lines: readonly Line[]): Grid[] {
  /** A line's segments: runs of glyphs split by gaps of at least 1.5 em. */
  const segments = (line: Line): { x0: number; x1: number; glyphs: Glyph[] }[] => {
    const parts: { x0: number; x1: number; glyphs: Glyph[] }[] = [];
    for (const glyph of line.glyphs) {
      const last = parts.at(-1);
      if (last !== undefined && glyph.x - last.x1 < 1.5 * glyph.size) {
        last.glyphs.push(glyph);
        last.x1 = glyph.x + glyph.width;
      } else parts.push({ x0: glyph.x, x1: glyph.x + glyph.width, glyphs: [glyph] });
    }
    return parts;
  };
  const grids: Grid[] = [];
  let run: Line[] = [];
  const flush = (): void => {
    // Three lines or more, each of three segments or more: a table.
    if (run.filter((line) => segments(line).length >= 3).length >= 3) {
      const starts = cluster(
        run.flatMap((line) => segments(line).map((part) => part.x0)),
        run[0]!.size * 1.2,
      );
      const xs = [...starts, Math.max(...run.map((line) => line.x1)) + 1];
      const ys = [...run.map((line) => line.y - line.size * 1.1), run.at(-1)!.y + line0Descent(run.at(-1)!)];
      const cells: GridCell[] = [];
      run.forEach((line, row) => {
        const parts = segments(line);
        for (const part of parts) {
          let column = 0;
          for (let c = 0; c < starts.length; c += 1) if (part.x0 >= starts[c]! - line.size) column = c;
          cells.push({ row, column, rowSpan: 1, colSpan: 1, x0: xs[column]!, x1: xs[column + 1]!, y0: ys[row]!, y1: ys[row + 1]!, lines: [lineOf(part.glyphs, line.number)] });
        }
      });
      grids.push({ xs, ys, cells, frame: false, ruled: false });
    }
    run = [];
  };
  for (const line of lines) {
    if (segments(line).length >= 2) run.push(line);
    else flush();
  }
  flush();
  return grids;
}

const line0Descent = (line: Line): number => line.size * 0.4;

interface ReadState {
  glyphs: number;
}

/** One page's layout: lines, rules, grids and the grids' cells. */
async function layoutPage(doc: PdfDocument, number: number, ops: Record<string, number>, state: ReadState, limits: Required<PdfLimits>): Promise<Omit<PageLayout, 'dropped'>> {
  const page = await doc.getPage(number);
  const viewport = page.getViewport({ scale: 1 });
  const transform = viewport.transform as unknown as Matrix;
  const content = await page.getTextContent();
  const glyphs = content.items.flatMap((item) => ('str' in item ? glyphsOf(item, transform) : []));
  state.glyphs += glyphs.length;
  if (state.glyphs > limits.maxGlyphs) throw new Refusal('too-large', `more than ${limits.maxGlyphs} characters`);
  const lines = linesOf(glyphs);
  const operators = await page.getOperatorList();
  const rules = rulesOf(operators.fnArray, operators.argsArray, ops, transform);
  page.cleanup();
  const grids: Grid[] = [];
  for (const region of regionsOf(rules)) {
    const grid = gridOf(region, lines);
    if (grid?.cells.some((cell) => cell.lines.length > 0)) grids.push(grid);
  }
  return { page: number, width: viewport.width, height: viewport.height, lines, rules, grids };
}

class Refusal extends Error {
  constructor(
    readonly refused: 'scanned-pdf' | 'encrypted-pdf' | 'broken-pdf' | 'too-large',
    readonly detail: string,
  ) {
    super(detail);
  }
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** The pages of a PDF laid out, or a refusal: encrypted, broken, too long, or with no text layer. */
export async function layoutPdf(bytes: Uint8Array, limits: PdfLimits = {}): Promise<{ readonly pages: PageLayout[] } | { readonly refusal: Refusal }> {
  // PDF.js and its worker bring core-js, which replaces built-ins Node has with slower ones for the
  // rest of the process (JSON.stringify about 40 times slower): they are put back when it is done.
  const native = builtIns();
  try {
    return await layoutWithPdfJs(bytes, limits);
  } finally {
    restoreBuiltIns(native);
  }
}

async function layoutWithPdfJs(bytes: Uint8Array, limits: PdfLimits): Promise<{ readonly pages: PageLayout[] } | { readonly refusal: Refusal }> {
  const bounded: Required<PdfLimits> = { maxPages: limits.maxPages ?? PDF_MAX_PAGES, maxGlyphs: limits.maxGlyphs ?? PDF_MAX_GLYPHS };
  // PDF.js rebuilds a file cut short from what is left, and would read half a plan as a whole one.
  if (!Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).includes('%%EOF')) return { refusal: new Refusal('broken-pdf', 'truncated: no %%EOF at the end') };
  const pdfjs: PdfJs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const ops = pdfjs.OPS as unknown as Record<string, number>;
  // PDF.js keeps and may detach the buffer it is given: it gets a copy.
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), useWorkerFetch: false, isEvalSupported: false, disableFontFace: true, stopAtErrors: false, verbosity: 0 });
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    const message = error instanceof Error ? error.message : String(error);
    await task.destroy();
    if (name === 'PasswordException') return { refusal: new Refusal('encrypted-pdf', message) };
    return { refusal: new Refusal('broken-pdf', message) };
  }
  try {
    if (doc.numPages > bounded.maxPages) return { refusal: new Refusal('too-large', `${doc.numPages} pages, more than ${bounded.maxPages}`) };
    const state: ReadState = { glyphs: 0 };
    const pages: Omit<PageLayout, 'dropped'>[] = [];
    for (let number = 1; number <= doc.numPages; number += 1) {
      try {
        pages.push(await layoutPage(doc, number, ops, state, bounded));
      } catch (error) {
        if (error instanceof Refusal) return { refusal: error };
        return { refusal: new Refusal('broken-pdf', `page ${number}: ${error instanceof Error ? error.message : String(error)}`) };
      }
    }
    const characters = pages.reduce((sum, page) => sum + page.lines.reduce((n, line) => n + line.glyphs.length, 0), 0);
    // A scan carries at most a page number or a stamp as text.
    if (characters < 20 * pages.length) return { refusal: new Refusal('scanned-pdf', `${characters} characters on ${pages.length} pages`) };
    const furniture = furnitureOf(pages);
    return {
      pages: pages.map((page) => {
        const dropped = page.lines.filter((line) => furniture.has(line)).map((line) => ({ line, why: furniture.get(line)! }));
        const kept = page.lines.filter((line) => !furniture.has(line));
        const free = kept.filter((line) => !page.grids.some((grid) => inside(line, grid)));
        return { ...page, grids: [...page.grids, ...alignedGrids(free)].sort((a, b) => a.ys[0]! - b.ys[0]!), dropped };
      }),
    };
  } finally {
    await doc.destroy();
  }
}

/** The text of a grid cell: its lines joined. */
const cellText = (cell: GridCell): string => joinAll(cell.lines.map((line) => line.text));

/** A grid as table rows, each cell at its page and first line. */
function rowsOf(grid: Grid, page: number): TableRow[] {
  const byRow = new Map<number, GridCell[]>();
  for (const cell of grid.cells) byRow.get(cell.row)?.push(cell) ?? byRow.set(cell.row, [cell]);
  const rows: TableRow[] = [];
  const firstLine = (cells: readonly GridCell[]): number => Math.min(...cells.flatMap((cell) => cell.lines.map((line) => line.number)), Number.POSITIVE_INFINITY);
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cells = byRow.get(row)!;
    if (cells.every((cell) => cell.lines.length === 0)) continue;
    const line = firstLine(cells);
    const rowPlace: Place = { form: 'pdf', page, line: Number.isFinite(line) ? line : 1 };
    rows.push({
      cells: cells.map((cell): Cell => ({ text: cellText(cell), rowSpan: cell.rowSpan, colSpan: cell.colSpan, place: cell.lines.length > 0 ? { form: 'pdf', page, line: cell.lines[0]!.number } : rowPlace })),
      place: rowPlace,
    });
  }
  return rows;
}

/** The document's body font size: the size most characters are printed in. */
function bodySize(pages: readonly PageLayout[]): number {
  const counts = new Map<number, number>();
  for (const page of pages) for (const line of page.lines) counts.set(Math.round(line.size * 2) / 2, (counts.get(Math.round(line.size * 2) / 2) ?? 0) + line.glyphs.length);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
}

/** The grid column each cell of each row starts at, with the columns that cells spanning down from rows above take. */
function startColumns(rows: readonly TableRow[]): number[][] {
  const taken: number[] = [];
  return rows.map((row) => {
    const starts: number[] = [];
    let column = 0;
    for (const cell of row.cells) {
      while ((taken[column] ?? 0) > 0) column += 1;
      starts.push(column);
      for (let across = 0; across < cell.colSpan; across += 1) taken[column + across] = cell.rowSpan;
      column += cell.colSpan;
    }
    for (let at = 0; at < taken.length; at += 1) taken[at] = Math.max(0, (taken[at] ?? 0) - 1);
    return starts;
  });
}

const SERIAL = /^[0-9０-９]{1,4}$/;

/**
 * A row cut by a page break (a writer lets a row break across pages by default): the first row
 * after the repeated header, empty where the last row printed its serial (or, with no serial,
 * in its first cell), goes on in the cells of the last row, or of the cells spanning down into it
 * from above. Joins it there, in place, and says whether it did.
 */
function joinCutRow(rows: TableRow[], head: TableRow): boolean {
  const tail = rows.at(-1);
  if (tail === undefined || head.cells.every((cell) => cell.text === '')) return false;
  const starts = startColumns(rows);
  const tailStarts = starts.at(-1)!;
  const headStarts = startColumns([head])[0]!;
  const serialAt = tail.cells.findIndex((cell) => SERIAL.test(cell.text.trim()));
  const keyColumn = serialAt >= 0 ? tailStarts[serialAt]! : 0;
  const key = head.cells[headStarts.indexOf(keyColumn)];
  if (key === undefined || key.text !== '') return false;
  // Where each column's text goes: the last row's cell starting there, or a cell above spanning down to it.
  const owner = new Map<number, { row: number; cell: number }>();
  for (const [r, row] of rows.entries()) {
    for (const [c, cell] of row.cells.entries()) {
      if (r + cell.rowSpan < rows.length) continue;
      for (let across = 0; across < cell.colSpan; across += 1) owner.set(starts[r]![c]! + across, { row: r, cell: c });
    }
  }
  const joins: { row: number; cell: number; text: string }[] = [];
  for (const [index, cell] of head.cells.entries()) {
    if (cell.text === '') continue;
    const target = owner.get(headStarts[index]!);
    if (target === undefined) return false;
    joins.push({ ...target, text: cell.text });
  }
  for (const { row, cell, text } of joins) {
    const cells = [...rows[row]!.cells];
    cells[cell] = { ...cells[cell]!, text: joinAll([cells[cell]!.text, text]), joined: true };
    rows[row] = { ...rows[row]!, cells };
  }
  return true;
}

const rowKey = (row: TableRow): string => row.cells.map((cell) => cell.text.replace(/\s+/g, '')).join('|');

/** Builds the blocks from the laid-out pages: headings, paragraphs joined across lines and pages, tables continued across pages. */
function blocksOf(pages: readonly PageLayout[]): { blocks: Block[]; dropped: Dropped[] } {
  const body = bodySize(pages);
  const blocks: Block[] = [];
  const dropped: Dropped[] = [];
  /** The paragraph being built: its lines, and whether its last line reached the right margin. */
  let open: { lines: string[]; place: Place; full: boolean; x1: number } | undefined;
  const close = (): void => {
    if (open !== undefined) blocks.push({ kind: 'paragraph', text: joinAll(open.lines), place: open.place });
    open = undefined;
  };
  let lastTable: { block: TableBlock; columns: number; header: string } | undefined;
  for (const page of pages) {
    for (const { line, why } of page.dropped) dropped.push({ text: line.text, place: { form: 'pdf', page: page.page, line: line.number }, why });
    const furniture = new Set(page.dropped.map((entry) => entry.line));
    const free = page.lines.filter((line) => !furniture.has(line) && !page.grids.some((grid) => inside(line, grid)));
    const left = Math.min(...free.map((line) => line.x0));
    const right = Math.max(...free.map((line) => line.x1));
    type Item = { readonly y: number; readonly line?: Line; readonly grid?: Grid };
    const items: Item[] = [...free.map((line) => ({ y: line.y, line })), ...page.grids.map((grid) => ({ y: grid.ys[0]!, grid }))].sort((a, b) => a.y - b.y);
    let previousY: number | undefined;
    for (const item of items) {
      if (item.grid !== undefined) {
        const grid = item.grid;
        const place: Place = { form: 'pdf', page: page.page, line: grid.cells.find((cell) => cell.lines.length > 0)?.lines[0]?.number ?? 1 };
        if (grid.frame) {
          close();
          lastTable = undefined;
          const inner = paragraphsOf(grid.cells.flatMap((entry) => entry.lines), page.page, body);
          const first = inner[0];
          const title = first?.kind === 'heading' && first.number?.startsWith('专栏') ? [first.number, first.text].filter(Boolean).join(' ') : undefined;
          // A frame with no title straight after a box, at the top of its page: the box going on
          // past the page break (a writer draws each page's part as a frame of its own), and an
          // item cut there goes on in it.
          const before = blocks.at(-1);
          if (title === undefined && before?.kind === 'box' && before.place.form === 'pdf' && before.place.page === page.page - 1 && previousY === undefined) {
            const kept = [...before.blocks];
            const last = kept.at(-1);
            const next = inner[0];
            if (last?.kind === 'paragraph' && next?.kind === 'paragraph' && !CLAUSE_END.test(last.text) && !LIST_ITEM.test(next.text)) {
              kept[kept.length - 1] = { ...last, text: joinAll([last.text, next.text]) };
              inner.shift();
            }
            blocks[blocks.length - 1] = { ...before, blocks: [...kept, ...inner] };
            continue;
          }
          blocks.push({ kind: 'box', title: title ?? '', blocks: title === undefined ? inner : inner.slice(1), place });
          continue;
        }
        const rows = rowsOf(grid, page.page);
        if (rows.length === 0) continue;
        const columns = grid.xs.length - 1;
        // A table at the top of a page, as wide as the one that ended the last page: its continuation.
        const continues = lastTable !== undefined && open === undefined && blocks.at(-1) === lastTable.block && lastTable.columns === columns;
        if (continues && lastTable !== undefined) {
          const more = [...rows];
          if (more.length > 0 && rowKey(more[0]!) === lastTable.header) {
            const repeated = more.shift()!;
            dropped.push({ text: repeated.cells.map((cell) => cell.text).join('\t'), place: repeated.place, why: 'repeated-header-row' });
          }
          const previousRows = [...lastTable.block.rows];
          const head = more[0];
          if (head !== undefined && joinCutRow(previousRows, head)) more.shift();
          const block: TableBlock = { ...lastTable.block, rows: [...previousRows, ...more] };
          blocks[blocks.length - 1] = block;
          lastTable = { ...lastTable, block };
          continue;
        }
        close();
        const previous = blocks.at(-1);
        const caption = previous?.kind === 'heading' && /^附表|^表|^专栏/.test(previous.number ?? previous.text) ? [previous.number, previous.text].filter(Boolean).join(' ') : previous?.kind === 'paragraph' && /^附表|^表\s*[0-9]/.test(previous.text) && previous.text.length <= 60 ? previous.text : undefined;
        const headed: TableRow[] = rows.map((row, index) => (index === 0 ? { ...row, header: true } : row));
        const block: TableBlock = caption === undefined ? { kind: 'table', rows: headed, place } : { kind: 'table', rows: headed, place, caption };
        blocks.push(block);
        lastTable = { block, columns, header: rowKey(rows[0]!) };
        continue;
      }
      const line = item.line!;
      const place: Place = { form: 'pdf', page: page.page, line: line.number };
      const heading = headingLine(line, body, page.page === 1, place);
      if (heading !== undefined) {
        close();
        lastTable = undefined;
        blocks.push(heading);
        previousY = line.y;
        continue;
      }
      // A new paragraph: after a short line, at an indented line, or after a gap wider than a line.
      const indented = line.x0 > left + line.size * 1.5;
      const gap = previousY !== undefined && line.y - previousY > line.size * 2.4;
      // “1、” at the start of a line after a full line cut mid-sentence (…详见附表 / 1、附表2）) carries the sentence on.
      // A line that stops short inside a sentence because what opens the next could not stand on it
      // (（详, 表）。, a number whole) ends at the margin all the same.
      if (open !== undefined && !open.full && !CLAUSE_END.test(open.lines.at(-1)!) && right - open.x1 < leadWidth(line) + 0.5 * line.size) open.full = true;
      const listItem = LIST_ITEM.test(line.text) && !(open?.full === true && !CLAUSE_END.test(open.lines.at(-1)!));
      if (open !== undefined && (indented || !open.full || gap || listItem)) close();
      if (open === undefined) {
        lastTable = undefined;
        open = { lines: [line.text], place, full: line.x1 >= right - line.size * 1.5, x1: line.x1 };
      } else {
        open.lines.push(line.text);
        open.full = line.x1 >= right - line.size * 1.5;
        open.x1 = line.x1;
      }
      previousY = line.y;
    }
    previousY = undefined;
  }
  close();
  return { blocks, dropped };
}

/** A line as a heading: by its printed number, or, when short and printed larger than the body, by its size. */
function headingLine(line: Line, body: number, firstPage: boolean, place: Place): Heading | undefined {
  const text = line.text.replace(/\s{2,}/g, ' ');
  const byNumber = headingOf(text, place);
  if (byNumber !== undefined) return byNumber;
  // A heading by size alone is a phrase: a line with a comma or a full stop is prose printed larger than the tables.
  if (line.size >= body * 1.2 && text.length <= 40 && !/[。；，]/u.test(text)) return { kind: 'heading', level: firstPage && line.size >= body * 1.6 ? 0 : 1, text: text.trim(), place };
  return undefined;
}

/** How a line before a numbered item ends: a sentence, a clause or an introduction. */
const CLAUSE_END = /[。；;：:！!？?]\s*$/u;

/** A line that opens a numbered item ("1.", "（一）") starts a paragraph of its own. */
const LIST_ITEM = /^[0-9０-９]+[.．、](?![0-9０-９])|^[（(][0-9一二三四五六七八九十]+[)）]/;


/** The width of what opens a line and could not be parted from it: a character with the marks around it, or a number or Latin word whole. */
function leadWidth(line: Line): number {
  const glyphs = line.glyphs;
  const first = glyphs[0];
  if (!first) return 0;
  let end = NO_END.test(first.char) ? 2 : 1;
  if (/[0-9A-Za-z.,%]/.test(first.char)) while (end < glyphs.length && /[0-9A-Za-z.,%]/.test(glyphs[end]!.char)) end += 1;
  while (end < glyphs.length && NO_START.test(glyphs[end]!.char)) end += 1;
  const last = glyphs[Math.min(end, glyphs.length) - 1]!;
  return last.x + last.width - first.x;
}

/** The lines of a frame as its own headings and paragraphs. */
function paragraphsOf(lines: readonly Line[], page: number, body: number): Block[] {
  const blocks: Block[] = [];
  const left = Math.min(...lines.map((line) => line.x0));
  const right = Math.max(...lines.map((line) => line.x1));
  let open: { lines: string[]; place: Place; full: boolean } | undefined;
  for (const line of lines) {
    const place: Place = { form: 'pdf', page, line: line.number };
    const heading = headingOf(line.text, place) ?? (line.size >= body * 1.2 ? headingLine(line, body, false, place) : undefined);
    const listItem = LIST_ITEM.test(line.text);
    // In a frame a short line ends an item only where its sentence ends: digits print narrower, so a wrapped line may stop short of the edge.
    if (heading !== undefined || listItem || line.x0 > left + line.size * 1.5 || (open !== undefined && !open.full && CLAUSE_END.test(open.lines.at(-1)!))) {
      if (open !== undefined) blocks.push({ kind: 'paragraph', text: joinAll(open.lines), place: open.place });
      open = undefined;
    }
    if (heading !== undefined && !listItem) {
      blocks.push(heading);
      continue;
    }
    if (open === undefined) open = { lines: [line.text], place, full: line.x1 >= right - line.size * 1.5 };
    else {
      open.lines.push(line.text);
      open.full = line.x1 >= right - line.size * 1.5;
    }
  }
  if (open !== undefined) blocks.push({ kind: 'paragraph', text: joinAll(open.lines), place: open.place });
  return blocks;
}

/** Reads a PDF into the document model, or refuses it (scanned, encrypted, broken, too long). */
export async function readPdf(bytes: Uint8Array, limits: PdfLimits = {}): Promise<ReadResult> {
  const laid = await layoutPdf(bytes, limits);
  if ('refusal' in laid) return { refused: laid.refusal.refused, detail: laid.refusal.detail };
  const { blocks, dropped } = blocksOf(laid.pages);
  // No table drawn with rules (columns found from the alignment of text break rows printed over
  // several lines apart): the pages laid out as text go to the text reader, which reads tables by
  // where their cells stand; taken when it finds tables.
  let advice: DocumentModel['advice'];
  if (!laid.pages.some((page) => page.grids.some((grid) => grid.ruled && !grid.frame))) {
    // Poppler's layouts when pdftotext is on the PATH: its -layout and -raw texts, which the text
    // reader knows. (The pages' own characters set on a grid the same way were read worse than the
    // columns found here: tried and left out.)
    // Of the two, the one whose tables read better: pdftotext may lay a table's lines out each on
    // its own grid (cells centred in tall rows), so that -layout runs two header cells together
    // and splits a column where -raw, in reading order, does not (or the other way round). -raw
    // first, and kept on a tie: -layout may interleave the lines of neighbouring rows of narrow
    // cells in ways no fault shows (太桥县桃湾复中心改扩乡残疾人康建工程).
    let best: { model: DocumentModel; fault: number } | undefined;
    for (const mode of ['-raw', '-layout'] as const) {
      const text = pdftotextOf(bytes, mode);
      if (text === undefined) {
        advice = 'install-pdftotext';
        break;
      }
      const read = readTextLayout(text.text).model;
      if (!read.blocks.some(holdsTable)) continue;
      const at = (place: Place): Place => (place.form === 'text' ? (text.places[place.line - 1] ?? place) : place);
      const fault = readingFaults(read.blocks);
      if (best === undefined || fault < best.fault) best = { model: { form: 'pdf', blocks: read.blocks.map((block) => placedBlock(block, at)), dropped: read.dropped.map((entry) => ({ ...entry, place: at(entry.place) })), pages: laid.pages.length }, fault };
      if (fault === 0) break;
    }
    if (best !== undefined) return { model: best.model };
  }
  const model: DocumentModel = { form: 'pdf', blocks, dropped, pages: laid.pages.length, ...(advice === undefined ? {} : { advice }) };
  return { model };
}

/**
 * The PDF's text as poppler's pdftotext gives it in `mode` (-layout or -raw), with the page and
 * line of each of its lines; undefined when pdftotext is not on the PATH or fails.
 */
function pdftotextOf(bytes: Uint8Array, mode: '-layout' | '-raw'): { text: string; places: Place[] } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'plan-pdf-'));
  try {
    const input = join(dir, 'input.pdf');
    writeFileSync(input, bytes);
    const run = spawnSync('pdftotext', [mode, '-enc', 'UTF-8', input, '-'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, timeout: 180_000 });
    if (run.status !== 0 || typeof run.stdout !== 'string') return undefined;
    // A form feed opens each page after the first.
    const places: Place[] = [];
    let page = 1;
    let line = 0;
    const lines = run.stdout.split('\n').map((raw) => {
      let text = raw;
      while (text.startsWith('\f')) {
        page += 1;
        line = 0;
        text = text.slice(1);
      }
      line += 1;
      places.push({ form: 'pdf', page, line });
      return text;
    });
    return { text: lines.join('\n'), places };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What a reading of the tables among `blocks` got wrong, as far as it shows: header cells that
 * name no column or several (建设内容及规模性质: columns run together or split), and rows whose
 * amount is no number or whose years are no range of years (a piece in the column beside); and a
 * box whose next item stands after it, among the paragraphs before the next heading, box or
 * table (a box without a frame whose lines came out of order); and an appendix heading under
 * which no table was read.
 */
export const readingFaults = (blocks: readonly Block[]): number =>
  blocks.reduce((sum, block, at) => {
    if (block.kind === 'box') return sum + readingFaults(block.blocks) + (itemLeftOut(block, blocks.slice(at + 1)) ? 1 : 0);
    // An appendix heading with no table under it before the next heading: a reading that made out none of its rows is worse than any that did.
    if (block.kind === 'heading' && block.number?.startsWith('附') === true) {
      const next = blocks.slice(at + 1).find((later) => later.kind !== 'paragraph');
      return sum + (next?.kind === 'table' ? 0 : 10);
    }
    if (block.kind !== 'table') return sum;
    const header = (block.rows.find((row) => row.header === true) ?? block.rows[0])?.cells.map((cell) => cell.text.replace(/\s+/gu, '')) ?? [];
    const rows = block.rows.filter((row) => /^[0-9]{1,4}$/u.test(row.cells[0]?.text.trim() ?? '') && row.cells.length === header.length);
    const wrong = rows.filter((row) => misreadCells(header, row.cells.map((cell) => cell.text))).length;
    return sum + header.filter((cell) => headerNames(cell) !== 1).length + wrong;
  }, 0);

/** Whether the item after a box's last stands among the paragraphs that follow the box. */
export function itemLeftOut(box: Block & { kind: 'box' }, after: readonly Block[]): boolean {
  const numbers = box.blocks.flatMap((inner) => (inner.kind === 'paragraph' ? [itemOf(inner.text)?.number ?? 0] : []));
  const last = Math.max(0, ...numbers);
  if (last === 0) return false;
  for (const block of after) {
    if (block.kind !== 'paragraph') return false;
    if (itemOf(block.text)?.number === last + 1) return true;
  }
  return false;
}

const holdsTable = (block: Block): boolean => block.kind === 'table' || (block.kind === 'box' && block.blocks.some(holdsTable));

/** A block with every place in it (its rows', its cells', its inner blocks') moved by `at`. */
function placedBlock(block: Block, at: (place: Place) => Place): Block {
  if (block.kind === 'box') return { ...block, place: at(block.place), blocks: block.blocks.map((inner) => placedBlock(inner, at)) };
  if (block.kind === 'table') {
    return {
      ...block,
      place: at(block.place),
      rows: block.rows.map((row) => ({ ...row, place: at(row.place), cells: row.cells.map((cell) => ({ ...cell, place: at(cell.place), ...(cell.blocks ? { blocks: cell.blocks.map((inner) => placedBlock(inner, at)) } : {}) })) })),
    };
  }
  return { ...block, place: at(block.place) };
}

