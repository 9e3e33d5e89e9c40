/**
 * The text reader: a published plan as plain text — typed, saved from Word, or extracted from a
 * PDF by pdftotext (raw or -layout) — read into the document model. It removes what the page
 * put there (page marks, running headers, the table of contents), joins what the page cut
 * (hard-wrapped paragraphs, a number split over two lines, cells wrapped in their column, rows
 * continued on the next page) and finds tables in the layouts text has: tab-separated rows, one
 * cell a line after a tab, and columns aligned with runs of spaces, mixed within one table; and
 * the two pdftotext makes of a printed table: narrow columns one space apart with a row's cells
 * under its serial and name (-layout), and each row's pieces in reading order (-raw).
 * It knows the headings of a Chinese document, nothing of plans.
 */
import { compare, parseDecimal } from '../decimal.js';
import type { Block, BoxBlock, Cell, DocumentModel, Dropped, Paragraph, Place, TableBlock, TableRow } from './blocks.js';
import { asciiDigits, CATEGORY_HEADER, DocumentHeadings, headingOf, headingStyleOf, ITEM, NUMERAL, opensSerialRow, UNIT_LINE } from '../headings.js';
import { CONTINUED, NATURES, NO_END, NO_START, squeeze, YEARS_CELL, YEARS_HEADER } from './lines.js';
import { type ColumnKind, columnKinds, DEPARTMENT_ENDING, NAME_ENDING, retypeRow, rowFits, SITE_ENDING } from './typed-row.js';

/** A line of the text as read: its words and its 1-based line number. */
interface Line {
  readonly text: string;
  readonly line: number;
}

const place = (line: number): Place => ({ form: 'text', line });

const ROMAN = '[IVXivx]{1,6}';
const DIGITS = '[0-9０-９]{1,4}';
/** Page numbers as printed at the foot or head of a page: — 8 —, - 17 -, ·3·, 第8页, 第8页 共20页, 8/20. */
const PAGE_MARKS = [
  new RegExp(`^[-—–－~～·•]+\\s*(?:${DIGITS}|${ROMAN})\\s*[-—–－~～·•]+$`, 'u'),
  new RegExp(`^第\\s*${DIGITS}\\s*页(?:\\s*[,，/／]?\\s*共\\s*${DIGITS}\\s*页)?$`, 'u'),
  new RegExp(`^${DIGITS}\\s*[/／]\\s*${DIGITS}$`, 'u'),
];
const TOC_TITLE = /^目\s*(录|次)$/u;
/** A contents entry: its title, then leaders or spaces, then the page number. */
const TOC_ENTRY = /^(.*?\S)\s*(?:[.．·…⋯—\-─_]{2,}|\s)\s*([0-9０-９]{1,3})$/u;
/** A part of a table: 一、幼有所育, or （一）幼有所育. */
const PART_ROW = new RegExp(`^(?:${NUMERAL}[、．.]|[（(]${NUMERAL}[）)])`, 'u');
const TOTAL_ROW = /^(合\s*计|总\s*计|小\s*计)/u;
/** A hole in a line, where pdftotext -layout left the room of a piece it printed on the line above: a run of four spaces or more between two words. */
const HOLE = /\S {4,}\S/u;
/** Openers of a numbered line in prose: 1. / （一） / 一、 start a new paragraph even after a full line. */
const LIST_OPENER = new RegExp(`^(?:[0-9０-９]+[.．、]|[（(](?:${NUMERAL}|[0-9０-９]+)[）)]|${NUMERAL}、)`, 'u');
const SENTENCE_END = /[。！？!?]$/u;

const isBlank = (text: string): boolean => text.trim().length === 0;
const isPageMark = (text: string): boolean => PAGE_MARKS.some((pattern) => pattern.test(text.trim()));

/** Columns a character takes in a fixed-width rendering: two for CJK and full-width forms, and for the curly quotes and dashes a Chinese text sets full width. */
function charWidth(code: number): number {
  return code === 0x2018 || code === 0x2019 || code === 0x201c || code === 0x201d || code === 0x2014 || code === 0x2026 || (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x20000 ? 2 : 1;
}

function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char === '\t' ? 8 - (width % 8) : charWidth(char.codePointAt(0)!);
  return width;
}

/** A piece of a line between runs of two or more spaces, with the columns it spans. */
interface Fragment {
  text: string;
  readonly start: number;
  end: number;
}

function fragmentsOf(raw: string): Fragment[] {
  const fragments: Fragment[] = [];
  let column = 0;
  let spaces = 0;
  let current: Fragment | undefined;
  for (const char of raw) {
    if (char === ' ' || char === '\u3000' || char === '\t') {
      const width = char === '\t' ? 2 : charWidth(char.codePointAt(0)!);
      spaces += width;
      column += width;
      continue;
    }
    if (current && spaces >= 2) {
      fragments.push(current);
      current = undefined;
    } else if (current && spaces === 1) current.text += ' ';
    if (!current) current = { text: '', start: column, end: column };
    current.text += char;
    column += charWidth(char.codePointAt(0)!);
    current.end = column;
    spaces = 0;
  }
  if (current) fragments.push(current);
  return fragments;
}

/** Whether a first cell opens a row: a serial, a part (一、…) or a total (合计, 小计). */
function startsRow(first: string): boolean {
  const text = asciiDigits(first.trim());
  return /^\d+$/.test(text) || PART_ROW.test(text) || TOTAL_ROW.test(text);
}

/** Whether a row is short by design (a part or a total carries a name and an amount). */
function isShortRow(cells: readonly string[]): boolean {
  const first = asciiDigits(cells[0] ?? '');
  return PART_ROW.test(first) || TOTAL_ROW.test(first);
}

// ─── page furniture ─────────────────────────────────────────────────────────────────────────

interface Furniture {
  readonly dropped: Dropped[];
  readonly droppedAt: Set<number>;
  /** Indexes (0-based) before which a page ends. */
  readonly breaks: Set<number>;
}

/** Page marks, bare page numbers closing a page, and lines repeated next to page breaks. */
function findFurniture(lines: readonly string[], pageStarts: ReadonlySet<number>): Furniture {
  const dropped: Dropped[] = [];
  const droppedAt = new Set<number>();
  const breaks = new Set<number>(pageStarts);
  const drop = (index: number, why: Dropped['why']): void => {
    if (droppedAt.has(index)) return;
    droppedAt.add(index);
    dropped.push({ text: lines[index]!.trim(), place: place(index + 1), why });
  };
  lines.forEach((text, index) => {
    if (isPageMark(text)) {
      drop(index, 'page-mark');
      breaks.add(index);
      breaks.add(index + 1);
    }
  });
  // A label over the rest of a table on a new page (续表, 附表1（续）), the table's header under it.
  lines.forEach((text, index) => {
    if (!CONTINUED.test(squeeze(text))) return;
    const next = lines.slice(index + 1).find((line) => !isBlank(line));
    if (next !== undefined && /^(序|类别|指标|项目)/u.test(squeeze(next))) drop(index, 'continued-table');
  });
  // A bare number closing each of several pages (pdftotext's form feeds say where pages end), rising: page numbers.
  const lastOfPage: number[] = [];
  for (const start of [...pageStarts].sort((a, b) => a - b)) {
    let at = start - 1;
    while (at >= 0 && isBlank(lines[at]!)) at -= 1;
    if (at >= 0 && /^\s*[0-9０-９]{1,4}\s*$/u.test(lines[at]!)) lastOfPage.push(at);
  }
  const numbers = lastOfPage.map((at) => Number(asciiDigits(lines[at]!.trim())));
  if (lastOfPage.length >= 2 && numbers.every((n, index) => index === 0 || n > numbers[index - 1]!)) for (const at of lastOfPage) drop(at, 'page-mark');
  // (Nor is a line of a header's names' first characters over its 序 line: 建 建设 投资估.)
  const overHeader = (index: number): boolean => {
    if (!headerAbove(lines[index]!)) return false;
    let under = index + 1;
    while (under < lines.length && isBlank(lines[under]!)) under += 1;
    return /^序/u.test(lines[under]?.trim() ?? '');
  };
  // Lines next to page breaks (two non-blank lines either side) that repeat at two or more breaks: a running header or footer.
  const near = new Map<string, { indexes: Set<number>; breaks: Set<number>; header: boolean }>();
  // A page mark makes two breaks (before it and after it), one page: count each page once.
  const pages = [...breaks].sort((a, b) => a - b).filter((at, index, all) => index === 0 || at - all[index - 1]! > 1 || !isPageMark(lines[at - 1] ?? ''));
  for (const at of breaks) {
    for (const [step, header] of [[1, true], [-1, false]] as const) {
      let index = step === 1 ? at : at - 1;
      for (let seen = 0; seen < 2 && index >= 0 && index < lines.length; index += step) {
        const text = lines[index]!;
        if (isBlank(text) || droppedAt.has(index)) continue;
        seen += 1;
        const key = squeeze(text);
        // (Nor the end of a sentence, 张。, which a page may close with more than once.)
        // (Nor a line of a table's header printed again at the top of each of its pages: 序 / 号 项目名称 责任.)
        if (key.length < 2 || key.length > 60 || headingOf(text) || text.includes('\t') || fragmentsOf(text.trim()).length >= 3 || /序号|项目名称|工程名称|指标名称|^(类别|项目类别|领域|行业)序/u.test(key) || headerNames(key) >= 2 || startsRow(text.trim()) || /[。；，、]$/u.test(key) || overHeader(index)) continue;
        const entry = near.get(key) ?? { indexes: new Set<number>(), breaks: new Set<number>(), header };
        entry.indexes.add(index);
        entry.breaks.add(pages.filter((page) => page <= at).length);
        near.set(key, entry);
      }
    }
  }
  // Text of the page (not of the plan) repeats near most breaks, or at least three: a pair of table rows alike is no footer.
  const most = Math.max(2, Math.ceil(pages.length / 2));
  for (const entry of near.values()) if (entry.breaks.size >= Math.min(3, most) && entry.indexes.size >= 2) for (const index of entry.indexes) drop(index, entry.header ? 'running-header' : 'running-footer');
  return { dropped, droppedAt, breaks };
}

/** A line of a table of contents: its title (squeezed) and whether it printed a page number. */
function contentsEntry(text: string): { title: string; paged: boolean } | undefined {
  const trimmed = text.trim();
  const paged = TOC_ENTRY.exec(trimmed);
  const head = (paged ? paged[1]! : trimmed).replace(/[.．·…⋯—\-─_\s]+$/u, '');
  const headingLike = headingOf(head) !== undefined || LIST_OPENER.test(head);
  if (paged && (headingLike || [...head].length <= 30)) return { title: squeeze(head), paged: true };
  if (!paged && headingLike) return { title: squeeze(head), paged: false };
  return undefined;
}

/** The indexes of the lines of `texts` that are a table of contents (see findContents). */
export const contentsLines = (texts: readonly string[]): number[] => findContents(texts, new Set());

/**
 * The table of contents: after a 目录 line, or a run of three or more entries with page numbers.
 * It ends where a heading it lists is printed again (the body begins) or a line is not an entry.
 */
function findContents(lines: readonly string[], droppedAt: ReadonlySet<number>): number[] {
  const found: number[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    if (droppedAt.has(index)) continue;
    const titled = TOC_TITLE.test(squeeze(lines[index]!));
    if (!titled) {
      let run = 0;
      for (let at = index; at < lines.length && run < 3; at += 1) {
        if (isBlank(lines[at]!) || droppedAt.has(at)) continue;
        // Without a 目录 line only entries that are headings (第X章 … 5) make a contents, never rows of a table.
        const entry = contentsEntry(lines[at]!);
        if (entry?.paged !== true || !headingOf(entry.title)) break;
        run += 1;
      }
      if (run < 3) continue;
    }
    const titles = new Set<string>();
    let paged = false;
    const taken = titled ? [index] : [];
    let at = titled ? index + 1 : index;
    for (; at < lines.length; at += 1) {
      const text = lines[at]!;
      if (isBlank(text) || droppedAt.has(at)) continue;
      const entry = contentsEntry(text);
      // A heading printed again, or one without a page number in a contents that prints them: the body begins.
      if (!entry || (!entry.paged && (titles.has(entry.title) || paged))) break;
      if (entry.paged) paged = true;
      titles.add(entry.title);
      taken.push(at);
    }
    if (titles.size === 0) continue;
    found.push(...taken);
    index = at - 1;
  }
  return found;
}

// ─── paragraphs ─────────────────────────────────────────────────────────────────────────────

/** How a hard wrap measured its lines. */
interface Measure {
  readonly width: (text: string) => number;
  /** The shortest line that may be a wrapped one. */
  readonly shortest: number;
  /** How far short of the margin a line may end and still count as ending at it (finding the margin). */
  readonly slack: number;
  /** How far short of the margin a line may end and still run on into the next (joining). */
  readonly reach: number;
}

/**
 * A wrap by the page's width ends lines at one display width, where a CJK character one short of
 * the margin still reaches it; a wrap counted in characters (some converters) at one length,
 * wherever digits and Latin letters make the lines narrower.
 */
const BY_COLUMNS: Measure = { width: displayWidth, shortest: 30, slack: 3, reach: 3 };
const BY_CHARACTERS: Measure = { width: (text) => [...text].length, shortest: 15, slack: 0, reach: 1 };

/** The right margin of hard-wrapped prose, by `measure`, and how many lines end at it; undefined when lines are not wrapped. */
function wrapWidth(lines: readonly Line[], measure: Measure): { readonly margin: number; readonly lines: number } | undefined {
  const widths = lines
    // Prose only: not table rows (pieces apart by spaces), centred titles or cells standing far in.
    .filter((line) => !isBlank(line.text) && !line.text.includes('\t') && !headingOf(line.text) && fragmentsOf(line.text.trim()).length < 3 && tokensOf(line.text).length < 3 && indentOf(line.text) < 8)
    .map((line) => ({ width: measure.width(line.text.trimEnd()), open: !SENTENCE_END.test(line.text.trim()) }))
    .filter((line) => line.width >= measure.shortest);
  if (widths.length < 5) return undefined;
  const counts = new Map<number, { all: number; open: number }>();
  for (const { width, open } of widths) {
    // Each line counts for the margins it may end at.
    for (let margin = width; margin <= width + measure.slack; margin += 1) {
      const count = counts.get(margin) ?? { all: 0, open: 0 };
      count.all += 1;
      if (open) count.open += 1;
      counts.set(margin, count);
    }
  }
  let best: { margin: number; all: number; open: number } | undefined;
  // Of margins that as many lines may end at, the nearest: lines of one width count for it and the `slack` beyond, where none ends.
  for (const [margin, count] of counts) if (!best || count.all > best.all || (count.all === best.all && margin < best.margin)) best = { margin, ...count };
  // Five lines or more end at one margin, most of them inside a sentence: the text is hard-wrapped.
  if (!best || best.all < 5 || best.all < widths.length * 0.15 || best.open * 5 < best.all * 3) return undefined;
  return { margin: best.margin, lines: best.all };
}

/** A line that may be prose: not blank, no tab, no heading, few pieces, not set far in (a cell). */
const isProse = (line: Line): boolean => !isBlank(line.text) && !line.text.includes('\t') && !headingOf(line.text) && tokensOf(line.text).length < 3 && indentOf(line.text) < 8;

/**
 * A wrap with no one margin: prose whose lines mix font sizes (a PDF's spans) end at widths that
 * differ by a few characters. It is hard-wrapped when most of its long lines (three quarters of
 * the widest, or more) end inside a sentence; a line that long then runs on.
 */
function looseWrap(lines: readonly Line[]): { readonly margin: number; readonly measure: Measure } | undefined {
  const prose = lines
    .filter(isProse)
    .map((line) => ({ width: displayWidth(line.text.trim()), open: !SENTENCE_END.test(line.text.trim()) }));
  // The widths of the prose, not of the short lines around it (cells, titles): half the widest or more.
  const widest = Math.max(0, ...prose.map((line) => line.width));
  const widths = prose
    .map((line) => line.width)
    .filter((width) => width >= widest / 2)
    .sort((a, b) => a - b);
  const margin = widths[Math.floor(widths.length * 0.9)];
  if (margin === undefined || margin < BY_COLUMNS.shortest) return undefined;
  const long = prose.filter((line) => line.width >= margin * 0.75);
  if (long.length < 5 || long.filter((line) => line.open).length * 5 < long.length * 3) return undefined;
  return { margin, measure: { width: displayWidth, shortest: BY_COLUMNS.shortest, slack: 0, reach: Math.round(margin * 0.25) } };
}

/**
 * A run of spaces inside a line of prose, where pdftotext -layout split it at a change of font
 * (新增床位56    0张), one space between two Chinese characters (新建 建筑面积), one inside a number
 * after Chinese text (面积1 9200㎡: the grid set the larger digits a place on), or spaces before a
 * full-width mark that closes (26000㎡ ，): closed, but between Latin words.
 */
const closeGaps = (text: string): string =>
  text.replace(/(?<=\S) {2,}(?=\S)|(?<=\p{Script=Han}) (?=\p{Script=Han})|(?<=\S) +(?=[，。、；：？！）】》”])|(?<=\p{Script=Han}[0-9.]*[0-9]) (?=[0-9])/gu, (gap, at: number) => (/[A-Za-z]/.test(text[at - 1]!) && /[A-Za-z]/.test(text[at + gap.length]!) ? ' ' : ''));

const indentOf = (text: string): number => displayWidth(/^[\s\u3000]*/u.exec(text)![0]);

function joinWrapped(left: string, right: string): string {
  return /[A-Za-z]$/.test(left) && /^[A-Za-z]/.test(right) ? `${left} ${right}` : `${left}${right}`;
}

// ─── tables ─────────────────────────────────────────────────────────────────────────────────

interface RawRow {
  cells: string[];
  joined: boolean[];
  readonly line: number;
  closed: boolean;
}

interface ReadTable {
  readonly rows: RawRow[];
  /** Columns aligned with spaces: cells were placed by where they stand. */
  readonly spaced?: boolean;
  readonly next: number;
  readonly dropped: Dropped[];
  /** Lines passed over as no part of this reading (a row of another layout carried on across them). */
  readonly skipped?: ReadonlySet<number>;
}

function newRow(cells: string[], line: number): RawRow {
  return { cells, joined: cells.map(() => false), line, closed: false };
}

function appendToLast(row: RawRow, text: string, separator: string): void {
  const last = row.cells.length - 1;
  row.cells[last] = `${row.cells[last]}${separator}${text}`;
  row.joined[last] = true;
}

/** Drops body rows that repeat the header (printed again at the top of a page). */
function dropRepeatedHeaders(rows: RawRow[], dropped: Dropped[]): RawRow[] {
  const header = rows[0];
  if (!header) return rows;
  const key = squeeze(header.cells.join(''));
  return rows.filter((row, index) => {
    if (index === 0 || squeeze(row.cells.join('')) !== key) return true;
    dropped.push({ text: row.cells.join(' '), place: place(row.line), why: 'repeated-header-row' });
    return false;
  });
}

/** Whether a line that opens a row opens one after `rows`: a part or a total, or a number that is the next serial (or 1, a section numbered from 1 again). */
function opensAfter(text: string, rows: readonly RawRow[]): boolean {
  const digits = asciiDigits(text.trim());
  return !/^\d+$/u.test(digits) || Number(digits) === 1 || Number(digits) === lastSerial(rows) + 1;
}

/** The serial of the last row that has one (0 before the first): in a table numbered section by section, not the largest. */
function lastSerial(rows: readonly RawRow[]): number {
  // (Under a first column that names the sections, 类别 序号 …, the serial stands in the second.)
  const column = CATEGORY_HEADER.test(squeeze(rows[0]?.cells[0] ?? '')) && /序/u.test(rows[0]?.cells[1] ?? '') ? 1 : 0;
  for (let at = rows.length - 1; at >= 0; at -= 1) {
    const cell = asciiDigits(rows[at]!.cells[column] ?? '');
    if (/^\d+$/u.test(cell)) return Number(cell);
  }
  return 0;
}

/** The header printed again one cell a line before `rest`'s first row (or its end), as dropped lines. */
function headerLinesBefore(lines: readonly Line[], from: number, rest: ReadTable): Dropped[] {
  const first = rest.rows[1]?.line ?? lines[rest.next]?.line ?? Number.POSITIVE_INFINITY;
  const dropped: Dropped[] = [];
  for (let at = from; at < lines.length && lines[at]!.line < first; at += 1) {
    if (!isBlank(lines[at]!.text) && !rest.skipped?.has(at)) dropped.push({ text: lines[at]!.text.trim(), place: place(lines[at]!.line), why: 'repeated-header-row' });
  }
  return dropped;
}

/**
 * A table of tab-separated rows or of one cell a line after a tab, starting at `start`:
 * - one cell a line: every cell on its own line after a tab, rows apart by blank lines; a line
 *   without the tab carries on the cell before it;
 * - tab-separated rows, where a row cut over several lines is joined again until it has as many
 *   cells as the header; a row printed with runs of spaces instead of tabs (another page of the
 *   same table) is split there.
 */
/** The header printed again one cell a line from `index`, with no row under it: its lines, dropped, and the last one's index. */
function headerAgain(lines: readonly Line[], index: number, header: readonly string[]): { readonly dropped: Dropped[]; readonly last: number } | undefined {
  const again: Line[] = [];
  for (let at = index; at < lines.length && again.length < header.length; at += 1) {
    if (isBlank(lines[at]!.text)) continue;
    if (squeeze(lines[at]!.text) !== squeeze(header[again.length]!)) break;
    again.push(lines[at]!);
  }
  if (again.length < header.length || again.length === 0) return undefined;
  return { dropped: again.map((repeat) => ({ text: repeat.text.trim(), place: place(repeat.line), why: 'repeated-header-row' })), last: lines.indexOf(again[again.length - 1]!) };
}

function readTabTable(lines: readonly Line[], start: number): ReadTable | undefined {
  let first = start;
  while (first < lines.length && isBlank(lines[first]!.text)) first += 1;
  const opening = lines[first]?.text;
  if (opening === undefined || !opening.includes('\t')) return undefined;
  const cellLines = opening.startsWith('\t') && !opening.slice(1).includes('\t');
  const rows: RawRow[] = [];
  /** Lines dropped from a part of the table read in another layout. */
  const extra: Dropped[] = [];
  const complete = (row: RawRow, width: number): boolean => rows[0] === row || row.cells.length >= width || isShortRow(row.cells);
  let index = first;
  let previousRaw = '';
  /** A line without a tab between two rows of the table carries on the cell before it, even when that row looks complete. */
  const tableGoesOn = (from: number): boolean => {
    let at = from + 1;
    while (at < lines.length && isBlank(lines[at]!.text) && !(cellLines && lines[at]!.text.startsWith('\t'))) at += 1;
    const next = lines[at]?.text;
    return next?.includes('\t') === true && !headingOf(next);
  };
  for (; index < lines.length; index += 1) {
    const raw = lines[index]!.text;
    const line = lines[index]!.line;
    if (headingOf(raw) && !raw.startsWith('\t')) break;
    const current = rows[rows.length - 1];
    const width = rows[0]?.cells.length ?? 0;
    if (isBlank(raw) && !(cellLines && raw.startsWith('\t'))) {
      if (current) current.closed = true;
      continue;
    }
    if (cellLines) {
      if (raw.startsWith('\t')) {
        const text = raw.slice(1).trim();
        // A row is closed by a blank line, or, where a page break took the blank line away, by being
        // full; a part's or total's row by a line that opens the next row (a number only when it is
        // the next serial: a row of two money columns prints two amounts).
        const full =
          current !== undefined && rows.length > 1 && (current.cells.length >= width || (isShortRow(current.cells) && current.cells.length >= 2 && startsRow(text) && opensAfter(text, rows)));
        if (!current || current.closed || full) rows.push(newRow([text], line));
        else {
          current.cells.push(text);
          current.joined.push(false);
        }
      } else if (current && rows.length > 1 && (!complete(current, width) || tableGoesOn(index))) {
        appendToLast(current, raw.trim(), '\n');
        current.closed = false;
      } else break;
      continue;
    }
    // The header again one cell a line: the table goes on so past a page break (and maybe in yet another layout after it).
    const header = rows[0]?.cells ?? [];
    // (Right after the header too: a page break under the header, the rows on the next page.)
    if (!raw.includes('\t') && rows.length >= 1 && squeeze(raw) === squeeze(header[0] ?? '') && squeeze(lines[index + 1]?.text ?? '') === squeeze(header[1] ?? '')) {
      const rest = readCellLines(lines, index, lastSerial(rows));
      if (rest) {
        extra.push(...headerLinesBefore(lines, index, rest), ...rest.dropped);
        rows.push(...rest.rows.slice(1));
        index = rest.next - 1;
        previousRaw = '';
        continue;
      }
      // The header again with no row under it (the table ended at the foot of the page before): dropped.
      const again = headerAgain(lines, index, header);
      if (again) {
        extra.push(...again.dropped);
        index = again.last;
        previousRaw = '';
        continue;
      }
    }
    const fromTab = raw.startsWith('\t');
    // Under a first column merged down its rows (类别), a row that leaves it empty opens with a tab: that cell is kept.
    const emptyLead = fromTab && header.length > 0 && CATEGORY_HEADER.test(header[0]!) && raw.split('\t').length === header.length;
    let cells = (fromTab && !emptyLead ? raw.slice(1) : raw).split('\t').map((cell) => cell.trim());
    // The header again, aligned with spaces: the table goes on past a page break in the layout of
    // pdftotext -layout, its wrapped cells placed by column. Read that part as such and go on after it.
    if (!raw.includes('\t') && rows.length > 1 && squeeze(fragmentsOf(raw.trim()).map((fragment) => fragment.text).join('')) === squeeze(rows[0]!.cells.join(''))) {
      const spaced = readSpaceTable(lines, index);
      extra.push({ text: raw.trim(), place: place(line), why: 'repeated-header-row' });
      if (spaced && spaced.rows.length > 1) {
        extra.push(...spaced.dropped);
        rows.push(...spaced.rows.slice(1));
        index = spaced.next - 1;
      }
      // (A header printed again with no row under it, the table ending at the page's foot, is dropped all the same.)
      previousRaw = '';
      continue;
    }
    if (!raw.includes('\t')) {
      const spaced = fragmentsOf(raw.trim()).map((fragment) => fragment.text);
      if (rows.length > 0 && ((spaced.length >= 2 && startsRow(spaced[0]!)) || (spaced.length === 1 && isShortRow(spaced) && /[、．.]\S|计/u.test(spaced[0]!)))) {
        // A row printed with spaces (another page of the table), or a part or total row whose merged cell carries no tab.
        cells = spaced;
      } else {
        // Right under a row, with no blank line between, a line without a tab is the rest of that row's last cell.
        const adjacent = !isBlank(lines[index - 1]?.text ?? '') && !/^注[:：]/u.test(raw.trim());
        if (current && rows.length > 1 && (!complete(current, width) || tableGoesOn(index) || adjacent)) {
          appendToLast(current, raw.trim(), '');
          previousRaw = raw;
          continue;
        }
        break;
      }
    }
    if (current && rows.length > 1 && !complete(current, width) && !(startsRow(cells[0]!) && current.cells.length + cells.length > width)) {
      const separate = fromTab || previousRaw.endsWith('\t') || current.cells.length + cells.length === width;
      if (separate) {
        current.cells.push(...cells);
        current.joined.push(...cells.map(() => false));
      } else {
        appendToLast(current, cells[0]!, '');
        current.cells.push(...cells.slice(1));
        current.joined.push(...cells.slice(1).map(() => false));
      }
    } else rows.push(newRow(cells, line));
    previousRaw = raw;
  }
  if (rows.length < 2) return undefined;
  const dropped: Dropped[] = [...extra];
  return { rows: dropRepeatedHeaders(rows, dropped), next: index, dropped };
}

/** Whether a line opens a table whose columns are aligned with runs of spaces (pdftotext -layout). */
function opensSpaceTable(text: string): boolean {
  const fragments = fragmentsOf(text.trim());
  return fragments.length >= 3 && fragments.filter((fragment) => [...fragment.text].length <= 12 && !/[。；]$/u.test(fragment.text)).length >= 3;
}

/**
 * A table whose columns are aligned with runs of spaces: the header's pieces give the columns,
 * every later piece goes to the column it stands under, a line that opens with a serial, a part
 * or a total starts a row, and any other line carries on the cells it stands under (a wrapped
 * cell). A line of tabs (another page of the table) is read cell by cell; a header printed again
 * after a page break is dropped.
 */
function readSpaceTable(lines: readonly Line[], start: number): ReadTable | undefined {
  const header = fragmentsOf(lines[start]!.text);
  const columns = header.map((fragment) => ({ start: fragment.start }));
  const headerRow = newRow(header.map((fragment) => fragment.text), lines[start]!.line);
  const headerLines = new Set([squeeze(lines[start]!.text)]);
  const serialColumn = header.findIndex((fragment) => /^序\s*号$/u.test(fragment.text));
  const columnOf = (fragment: Fragment): number => {
    let chosen = 0;
    columns.forEach((column, index) => {
      if (column.start <= fragment.start + 1) chosen = index;
    });
    return chosen;
  };
  const place = (row: RawRow, fragment: Fragment): void =>
    placeByColumn(
      row,
      [fragment],
      columns.map((column) => column.start),
    );
  const rows: RawRow[] = [headerRow];
  const dropped: Dropped[] = [];
  let index = start + 1;
  for (; index < lines.length; index += 1) {
    const { text, line } = lines[index]!;
    if (isBlank(text)) continue;
    if (headingOf(text) || /^注[:：]/u.test(text.trim())) break;
    const current = rows[rows.length - 1]!;
    if (text.includes('\t')) {
      const split = text.split('\t').map((cell) => cell.trim());
      // (Under a column of labels before the serials, 类别, a row opens with its label or an empty
      // cell, then its serial: 病有所医→1→…, →2→…; the label's cell is the row's first.)
      const labelled = serialColumn > 0 && /^\d+$/u.test(asciiDigits(split[serialColumn] ?? '')) && split.slice(0, serialColumn).every((cell) => !/^\d+$/u.test(asciiDigits(cell)));
      const cells = labelled ? split : split.filter((cell, at) => at > 0 || cell.length > 0);
      if (squeeze(cells.join('')) === squeeze(headerRow.cells.join(''))) dropped.push({ text: cells.join(' '), place: { form: 'text', line }, why: 'repeated-header-row' });
      else if (labelled || startsRow(cells[0] ?? '')) rows.push(newRow(cells, line));
      else if (current !== headerRow) {
        appendToLast(current, cells[0] ?? '', '');
        current.cells.push(...cells.slice(1));
        current.joined.push(...cells.slice(1).map(() => false));
      }
      continue;
    }
    // The header printed again one cell a line (the table goes on so after a page break): the rest is read as such a table, from the serial reached.
    if (squeeze(text) === squeeze(headerRow.cells[0]!) && squeeze(lines[index + 1]?.text ?? '') === squeeze(headerRow.cells[1] ?? '')) {
      // The last row's wrapped cells, cut by the page, go on right after that header, still by column.
      const skip = new Set<number>();
      let after = index;
      for (let cell = 0; cell < headerRow.cells.length && after < lines.length; after += 1) if (!isBlank(lines[after]!.text)) cell += 1;
      const last = rows[rows.length - 1]!;
      for (; after < lines.length && !isBlank(lines[after]!.text) && !lines[after]!.text.includes('\t') && indentOf(lines[after]!.text) >= columns[1]!.start - 1; after += 1) {
        for (const fragment of fragmentsOf(lines[after]!.text)) place(last, fragment);
        skip.add(after);
      }
      const rest = readCellLines(lines, index, lastSerial(rows), skip);
      if (rest) {
        dropped.push(...headerLinesBefore(lines, index, rest));
        rows.push(...rest.rows.slice(1));
        dropped.push(...rest.dropped);
        index = rest.next;
        break;
      }
      const again = headerAgain(lines, index, headerRow.cells);
      if (again) {
        dropped.push(...again.dropped);
        index = again.last;
        continue;
      }
    }
    const fragments = fragmentsOf(text);
    if (headerLines.has(squeeze(text))) {
      dropped.push({ text: text.trim(), place: { form: 'text', line }, why: 'repeated-header-row' });
      continue;
    }
    const first = fragments[0]!;
    // A row opens with its serial, or, where a column before the serials holds a label merged down its rows (类别), with that label or nothing before it.
    const serialAt = fragments.findIndex((fragment) => columnOf(fragment) === serialColumn);
    const opens =
      (startsRow(first.text) && columnOf(first) === 0) ||
      (serialColumn > 0 && serialAt >= 0 && serialAt <= 1 && /^\d+$/u.test(asciiDigits(fragments[serialAt]!.text)) && fragments.slice(0, serialAt).every((fragment) => columnOf(fragment) < serialColumn));
    // One wide piece from the left margin that is not a row: prose after the table.
    const crossed = columns.filter((column) => column.start > first.start + 1 && column.start < first.end).length;
    if (!opens && fragments.length === 1 && first.start <= columns[0]!.start + 2 && crossed >= 2) break;
    if (opens) {
      // A full row shows where each column really starts (a header may stand centred over its column).
      if (fragments.length === columns.length) {
        fragments.forEach((fragment, at) => {
          columns[at]!.start = Math.min(columns[at]!.start, fragment.start);
        });
      }
      const row = newRow([], line);
      for (const fragment of fragments) place(row, fragment);
      rows.push(row);
      continue;
    }
    if (current === headerRow) headerLines.add(squeeze(text));
    for (const fragment of fragments) place(current, fragment);
    if (current === headerRow) headerRow.joined.fill(false);
  }
  if (rows.length < 2) return undefined;
  for (const row of rows) {
    while (row.cells.length > 1 && row.cells[row.cells.length - 1] === '') {
      row.cells.pop();
      row.joined.pop();
    }
  }
  return { rows, next: index, dropped, spaced: true };
}

function tableBlock(read: ReadTable, caption?: string): TableBlock {
  const rows: TableRow[] = read.rows.map((row, index) => ({
    cells: row.cells.map((text, at): Cell => ({ text, rowSpan: 1, colSpan: 1, place: place(row.line), ...(row.joined[at] ? { joined: true } : {}) })),
    place: place(row.line),
    ...(index === 0 ? { header: true } : {}),
  }));
  return { kind: 'table', rows, place: rows[0]!.place, ...(caption ? { caption } : {}) };
}

/**
 * A table without the part rows it ends on: a part's row has rows under it, so a line numbered
 * 二、 after a table's last row (a chapter of a plan that numbers its chapters so) is not the table's.
 */
function withoutTrailingParts(read: ReadTable | undefined, lines: readonly Line[]): ReadTable | undefined {
  if (!read) return read;
  const rows = [...read.rows];
  let next = read.next;
  while (rows.length > 2) {
    const last = rows[rows.length - 1]!;
    if (!PART_ROW.test(last.cells[0] ?? '') || last.cells.slice(1).some((cell) => cell.trim() !== '')) break;
    rows.pop();
    next = lines.findIndex((line) => line.line === last.line);
  }
  return rows.length === read.rows.length ? read : { ...read, rows, next };
}

function readTableAt(lines: readonly Line[], start: number): ReadTable | undefined {
  let first = start;
  while (first < lines.length && isBlank(lines[first]!.text)) first += 1;
  const text = lines[first]?.text;
  if (text === undefined) return undefined;
  if (text.includes('\t')) return readTabTable(lines, first);
  // (A 类别 header may open a line under its names' first characters: 建 “十四五”计 总投资.)
  let under = first + 1;
  while (under < lines.length && isBlank(lines[under]!.text)) under += 1;
  const categorised =
    readCategoryLayout(lines, first) ??
    (headerAbove(text) && under < lines.length ? readCategoryLayout(lines, under) : undefined) ??
    readCategoryLowered(lines, first) ??
    (headerAbove(text) && under < lines.length ? readCategoryLowered(lines, under) : undefined);
  if (categorised) {
    // (A header whose cells stand apart by runs of spaces may be a table of such columns, the
    // 类别 column one of them: of the two readings, the one with fewer faults for the rows it reads.)
    const spaced = opensSpaceTable(text) ? readSpaceTable(lines, first) : undefined;
    return spaced && readingCost(spaced) < readingCost(categorised) ? spaced : categorised;
  }
  const layout = readLayoutRows(lines, first);
  if (layout) return layout;
  if (opensSpaceTable(text)) return readSpaceTable(lines, first);
  return readTokenTable(lines, first) ?? readRawRows(lines, first) ?? readCellLines(lines, first);
}

/**
 * A 类别 table whose header sets 类别 a line lower than 序 (序 / 号 cut over two lines, 类别
 * centred beside them: `序 … 建设年` over `类别 号 项目名称 …`): read as if 类别 stood on the 序
 * line, where the reader of such tables looks for it.
 */
function readCategoryLowered(lines: readonly Line[], start: number): ReadTable | undefined {
  const serial = tokensOf(lines[start]!.text)[0];
  if (serial === undefined || !/^序/u.test(serial.text)) return undefined;
  let next = start + 1;
  while (next < lines.length && isBlank(lines[next]!.text)) next += 1;
  const text = lines[next]?.text ?? '';
  const category = tokensOf(text)[0];
  if (category === undefined || !CATEGORY_HEADER.test(category.text) || category.end >= serial.start) return undefined;
  const lifted = [...lines];
  lifted[start] = { ...lines[start]!, text: `${text.slice(0, category.end)}${lines[start]!.text.slice(category.end)}` };
  lifted[next] = { ...lines[next]!, text: `${' '.repeat(category.end)}${text.slice(category.end)}` };
  return readCategoryLayout(lifted, start);
}

/**
 * A table laid out by place (pdftotext -layout) whose first column names the sections (类别 序号
 * …), each label merged down its rows and printed at their middle, over a line or two (一、住有 /
 * 所居), at the left margin beside the rows' own lines. The labels are taken out of their lines,
 * the table read without them, and each label given to the rows it stands beside: the rows
 * between two 小计 (or 合计) rows when each such group has one, else the rows whose middle is
 * nearest it.
 */
function readCategoryLayout(lines: readonly Line[], start: number): ReadTable | undefined {
  const header = tokensOf(lines[start]!.text);
  // (An indicator table's categories are the token reader's: 类别 序号 指标 ….)
  if (header.length < 4 || !CATEGORY_HEADER.test(header[0]!.text) || !/^序/u.test(header[1]!.text) || /指标/u.test(lines[start]!.text)) return undefined;
  // The columns after the labels' move left, the serial's to the margin: a table as the readers
  // know it. By how much is not sure (pdftotext sets the serials a place or two either side of
  // their header): the reading with the fewest faults for the rows it reads right (a reading
  // that ends at the first page break has few rows, and so few faults).
  let best: { read: ReadTable; faults: number } | undefined;
  for (const shift of new Set([header[1]!.start, Math.max(1, header[1]!.start - 1), Math.max(1, header[1]!.start - 2)])) {
    const read = readCategoryShifted(lines, start, shift);
    const faults = read === undefined ? Number.POSITIVE_INFINITY : readingCost(read);
    if (read && (best === undefined || faults < best.faults)) best = { read, faults };
  }
  return best?.read;
}

/**
 * Whether a project row's cells fail to read as their columns' under `header`: an amount that is
 * no number, years that are no range of years (a piece in the column beside). The PDF reader
 * weighs its pdftotext readings by it too.
 */
export function misreadCells(header: readonly string[], cells: readonly string[]): boolean {
  const money = header.findIndex((cell) => /投资|金额/u.test(cell));
  const years = header.findIndex((cell) => YEARS_HEADER.test(cell));
  return (money >= 0 && !/^[0-9][0-9.,，]*$/u.test(cells[money]?.trim() ?? '')) || (years >= 0 && !YEARS_CELL.test(cells[years]?.trim() ?? ''));
}

/** A reading's faults less the rows it reads: of two readings of one table, the lower is the better. */
const readingCost = (read: ReadTable): number => tableFaults(read) - read.rows.slice(1).filter((row) => !isShortRow([row.cells[0] ?? ''])).length;

/** What a table's reading got wrong, as far as it shows: header cells that name no column or several, and project rows whose serial, amount or years do not read as such. */
function tableFaults(read: ReadTable): number {
  const header = read.rows[0]?.cells.map(squeeze) ?? [];
  const serial = header.findIndex((cell) => /序/u.test(cell));
  const rows = read.rows.slice(1).filter((row) => !isShortRow([row.cells[0] ?? '']));
  const wrong = rows.filter((row) => !/^\d{1,3}$/u.test(row.cells[serial]?.trim() ?? '') || misreadCells(header, row.cells)).length;
  return header.filter((cell, at) => at > 0 && headerNames(cell) !== 1).length + wrong;
}

function readCategoryShifted(lines: readonly Line[], start: number, shift: number): ReadTable | undefined {
  const header = tokensOf(lines[start]!.text);
  const margin = header[0]!.start + 1;
  const moved = (text: string): string => {
    const first = tokensOf(text)[0];
    // (So does a serial left of the names' column, however far pdftotext set it from 序号: 序号 at
    // 3, the serials at 4 or 6, further on a page that sets its columns right.)
    const serial = first !== undefined && /^\d{1,3}$/u.test(first.text) && header[2] !== undefined && first.start < header[2].start && tokensOf(text).length > 1;
    if (first === undefined || (first.start >= shift && !serial)) return text.slice(shift);
    // (A token before the cut, a serial or a total, goes to the margin; what follows moves as the rest, a space after it at least.)
    const next = text.slice(first.end).search(/\S/u);
    if (next < 0) return first.text;
    const at = first.end + next;
    return `${first.text}${' '.repeat(Math.max(1, at - shift - [...first.text].length))}${text.slice(at)}`;
  };
  const labels: CategoryLabel[] = [];
  const stripped = [...lines];
  // (A text aligned by display width, CJK two columns wide, as the quirky text is: a label blanked
  // by as many spaces as it has characters would move the rest of its line left. Its reading by
  // such columns, readSpaceTable's, gets the lines blanked by width.)
  const wide = [...lines];
  const blank = (at: number, end: number): void => {
    const text = lines[at]!.text;
    stripped[at] = { ...lines[at]!, text: moved(`${' '.repeat(end)}${text.slice(end)}`) };
    wide[at] = { ...lines[at]!, text: moved(`${' '.repeat(displayWidth(text.slice(0, end)))}${text.slice(end)}`) };
  };
  blank(start, header[0]!.end);
  // (The line of its names' first characters above it moves with it.)
  if (start > 0 && headerAbove(lines[start - 1]!.text)) stripped[start - 1] = { ...lines[start - 1]!, text: moved(lines[start - 1]!.text) };
  for (let at = start + 1; at < lines.length; at += 1) {
    const text = lines[at]!.text;
    const tokens = tokensOf(text);
    const first = tokens[0];
    // The header printed again after a page break: its 类别 taken out as the first's.
    if (first && CATEGORY_HEADER.test(first.text) && /^序/u.test(tokens[1]?.text ?? '')) {
      blank(at, first.end);
      // (A line over it that the first header did not have, 其中：“十四 of a name set higher on this
      // page, is the header's too, not a row's: every piece a header's opening, every character the headers'.)
      let over = at - 1;
      while (over > start && isBlank(lines[over]!.text)) over -= 1;
      const characters = new Set([start, start + 1, at, at + 1, at + 2].flatMap((line) => [...squeeze(lines[line]?.text ?? '')]));
      if (over > start && tokensOf(lines[over]!.text).every((token) => HEADER_OPENERS.test(token.text)) && ofHeader(lines[over]!.text, characters)) stripped[over] = { ...lines[over]!, text: '' };
      continue;
    }
    // A label (四、弱有 11 …) is no heading: it stands beside the rows' cells, or over the next row's set in.
    let after = at + 1;
    while (after < lines.length && isBlank(lines[after]!.text)) after += 1;
    // (Or over the rest of the label, run into the next row's serial: 一、弱 / 有所扶 4 …)
    const beside = tokens.length > 1 || (tokensOf(lines[after]?.text ?? '')[0]?.start ?? 0) >= Math.min(margin + 3, header[1]!.start) || /^[^\s\d]{1,8}\s+\d{1,3}\s/u.test(lines[after]?.text.trim() ?? '');
    // (附表二 at the margin opens the next table, never a label: 一、… may be either.)
    if (/^\s*附表/u.test(text)) break;
    const label = first !== undefined && first.start <= margin && !TOTAL_ROW.test(first.text) && isCategoryLabel(first.text.replace(PART_ROW, '')) && [...first.text].length <= 8 && beside;
    if (!label && (headingOf(text) || /^\s*(注[:：]|附表)/u.test(text))) break;
    if (!label) {
      stripped[at] = { ...lines[at]!, text: moved(text) };
      continue;
    }
    labels.push({ text: first!.text, line: lines[at]!.line, alone: false });
    blank(at, first!.end);
  }
  if (labels.length === 0) return undefined;
  // (Every other line as moved for the readers by character.)
  stripped.forEach((line, at) => {
    if (wide[at] === lines[at]) wide[at] = line;
  });
  const read = readLayoutRows(stripped, start) ?? (opensSpaceTable(wide[start]!.text) ? readSpaceTable(wide, start) : readTokenTable(stripped, start));
  if (!read || read.rows.length < 2) return undefined;
  // The labels' pieces joined: those on lines next to one another (no row of a total between) are one label.
  const totals = read.rows.slice(1).filter((row) => isShortRow([row.cells[0] ?? '']) && TOTAL_ROW.test(row.cells[0] ?? ''));
  const joinedLabels: CategoryLabel[] = [];
  for (const label of labels.filter((piece) => piece.line < (lines[read.next]?.line ?? Number.POSITIVE_INFINITY))) {
    const last = joinedLabels[joinedLabels.length - 1];
    const between = last !== undefined && totals.some((row) => row.line > last.line && row.line < label.line);
    if (last && !between && label.line - last.line <= 2 && !PART_ROW.test(label.text)) joinedLabels[joinedLabels.length - 1] = { text: `${last.text}${label.text}`, line: last.line, alone: false };
    else joinedLabels.push(label);
  }
  if (joinedLabels.length === 0) return undefined;
  // (A total of every column keeps its columns: its label moves to the first, the serial's left empty.)
  const width = read.rows[0]!.cells.length;
  const rows = read.rows.map((row, at) => {
    if (at === 0) return newRow(['类别', ...row.cells], row.line);
    if (!isShortRow([row.cells[0] ?? ''])) return { ...row, cells: ['', ...row.cells], joined: [false, ...row.joined] };
    return row.cells.length === width ? { ...row, cells: [row.cells[0]!, '', ...row.cells.slice(1)], joined: [false, false, ...row.joined.slice(1)] } : row;
  });
  const projectRows = rows.slice(1).filter((row) => row.cells.length > 0 && row.cells[0] === '' && !isShortRow([row.cells[1] ?? '']));
  // Groups of rows between totals, each with its label when every group has one.
  const groups: RawRow[][] = [[]];
  for (const row of rows.slice(1)) {
    if (projectRows.includes(row)) groups[groups.length - 1]!.push(row);
    else if (groups[groups.length - 1]!.length > 0) groups.push([]);
  }
  const filled = groups.filter((group) => group.length > 0);
  // A group's lines: from two above its first row (after the total above it) to the line before the row that closes it.
  const span = (group: readonly RawRow[]): [number, number] => {
    const above = rows[rows.indexOf(group[0]!) - 1];
    const from = above && !projectRows.includes(above) && above.line < group[0]!.line - 2 ? group[0]!.line - 2 : (above?.line ?? group[0]!.line - 3) + 1;
    return [from, (rows[rows.indexOf(group[group.length - 1]!) + 1]?.line ?? group[group.length - 1]!.line + 4) - 1];
  };
  const inGroup = filled.map((group) => joinedLabels.filter((label) => label.line >= span(group)[0] && label.line <= span(group)[1]));
  // (A label beside a tall group may stand in pieces more than two lines apart, 住有 / … / 所居: every
  // piece inside its group's lines, and none opening a second label there, they are one.)
  const whole = inGroup.every((found) => found.length > 0 && found.slice(1).every((label) => !PART_ROW.test(label.text))) && inGroup.flat().length === joinedLabels.length;
  if (filled.length === joinedLabels.length && inGroup.every((found) => found.length === 1)) {
    filled.forEach((group, at) => {
      group[0]!.cells[0] = inGroup[at]![0]!.text;
    });
  } else if (whole) {
    filled.forEach((group, at) => {
      group[0]!.cells[0] = inGroup[at]!.map((label) => label.text).join('');
    });
  } else placeCategories(projectRows, joinedLabels);
  return { ...read, rows };
}

/** A piece of a line between spaces, at its character index (pdftotext -layout places text on a grid of characters). */
interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Whether a character is a space of any kind (\s takes in the ideographic space): a CJK ideograph never is, and most characters are one. */
const isSpace = (char: string): boolean => {
  const code = char.charCodeAt(0);
  return code === 32 || (code >= 0x4e00 && code <= 0x9fff) ? code === 32 : /\s/u.test(char);
};

function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  // (Places count characters, not UTF-16 units: for…of walks them so.)
  let at = 0;
  let start = -1;
  let piece = '';
  for (const char of text) {
    if (isSpace(char)) {
      if (start >= 0) tokens.push({ text: piece, start, end: at });
      start = -1;
      piece = '';
    } else if (start < 0) {
      start = at;
      piece = char;
    } else piece += char;
    at += 1;
  }
  if (start >= 0) tokens.push({ text: piece, start, end: at });
  return tokens;
}

/** The column a piece stands in: the last column that starts at or before it (one character of slack). */
function columnAt(anchors: readonly number[], start: number): number {
  let chosen = 0;
  anchors.forEach((anchor, index) => {
    if (anchor <= start + 1) chosen = index;
  });
  return chosen;
}

/**
 * The columns of a line's pieces, in order and one piece a column, each as near as can be to
 * where its column starts: the character grid shifts a piece a place or two from the line above.
 * With `serials`, the first column is the serials' and takes no piece but a figure; a line whose
 * pieces then do not go one a column (a name's second line beside a department printed in two
 * pieces, 造安置房建设项目 委 城乡建) lets a piece share the column of the piece before it, at a
 * cost (SHARED_COLUMN). A line of more pieces than columns (a cell with a space in it) goes by
 * `columnAt`.
 */
function alignPieces(anchors: readonly number[], tokens: readonly Token[], serials = false): number[] {
  if (tokens.length > anchors.length) return tokens.map((token) => columnAt(anchors, token.start));
  const single = alignedColumns(anchors, tokens, serials, Number.POSITIVE_INFINITY);
  return single ?? alignedColumns(anchors, tokens, serials, SHARED_COLUMN) ?? tokens.map((token) => columnAt(anchors, token.start));
}

/** What a piece costs that shares its column with the piece before it, beyond its distance. */
const SHARED_COLUMN = 4;

/** The columns of a line's pieces in order, of the least total distance, a piece sharing the column before at `shared` more; undefined when there is no such order. */
function alignedColumns(anchors: readonly number[], tokens: readonly Token[], serials: boolean, shared: number): number[] | undefined {
  const k = tokens.length;
  const n = anchors.length;
  const distance = (i: number, j: number): number => (serials && j === 0 && !/^[0-9０-９]/u.test(tokens[i]!.text) ? Number.POSITIVE_INFINITY : Math.abs(tokens[i]!.start - anchors[j]!));
  // at[i][j]: pieces [0, i) placed, piece i - 1 in column j - 1; upTo[i][j]: piece i - 1 in column j - 1 or before.
  const at = Array.from({ length: k + 1 }, () => Array<number>(n + 1).fill(Number.POSITIVE_INFINITY));
  const upTo = Array.from({ length: k + 1 }, () => Array<number>(n + 1).fill(Number.POSITIVE_INFINITY));
  upTo[0]!.fill(0);
  for (let i = 1; i <= k; i += 1) {
    for (let j = 1; j <= n; j += 1) {
      at[i]![j] = distance(i - 1, j - 1) + Math.min(upTo[i - 1]![j - 1]!, i > 1 ? at[i - 1]![j]! + shared : Number.POSITIVE_INFINITY);
      upTo[i]![j] = Math.min(upTo[i]![j - 1]!, at[i]![j]!);
    }
  }
  if (upTo[k]![n] === Number.POSITIVE_INFINITY) return undefined;
  const columns: number[] = [];
  let j = n;
  while (upTo[k]![j - 1] === upTo[k]![j]) j -= 1;
  for (let i = k; i > 0; i -= 1) {
    columns.unshift(j - 1);
    if (i === 1) break;
    const cost = at[i]![j]! - distance(i - 1, j - 1);
    // The piece before: in the same column, or in the nearest column before that gives this cost.
    if (at[i - 1]![j]! + shared === cost && upTo[i - 1]![j - 1] !== cost) continue;
    j -= 1;
    while (upTo[i - 1]![j - 1] === upTo[i - 1]![j]) j -= 1;
  }
  return columns;
}

/** How far a row's pieces stand from the columns they fall in (each line's pieces aligned in order). */
function misfit(lines: readonly Line[], anchors: readonly number[]): number {
  let total = 0;
  for (const line of lines) {
    const tokens = tokensOf(line.text);
    alignPieces(anchors, tokens).forEach((column, at) => {
      total += Math.abs(tokens[at]!.start - anchors[column]!);
    });
  }
  return total;
}

/** Of the columns other rows show, those a row's pieces fit clearly better than `current`; undefined when none does. */
function closestColumns(lines: readonly Line[], known: readonly (readonly number[])[], current: readonly number[]): number[] | undefined {
  const base = misfit(lines, current);
  let best: { anchors: readonly number[]; cost: number } | undefined;
  for (const anchors of known) {
    if (anchors.length !== current.length) continue;
    const cost = misfit(lines, anchors);
    if (cost + 2 < base && (!best || cost < best.cost)) best = { anchors, cost };
  }
  return best ? [...best.anchors] : undefined;
}

/**
 * Whether a line opens a row of a layout table: a serial and a name, a part or a total, at the
 * left margin. With `expected` (the serial a next row would have), also that serial beside
 * figures well to its right: the middle line of a row whose cells are centred in it, the name's
 * lines above and below.
 */
function opensLayoutRow(text: string, expected?: number): boolean {
  const tokens = tokensOf(text);
  const first = tokens[0];
  if (!first) return false;
  const head = asciiDigits(first.text);
  // A part or a total centred in its merged cell: the label alone, or with its amount.
  if (first.start > 2) return tokens.length <= 2 && (PART_ROW.test(head) || TOTAL_ROW.test(head)) && (tokens.length === 1 || /^[0-9０-９.,，]+$/u.test(tokens[1]!.text));
  if (PART_ROW.test(head) || TOTAL_ROW.test(head)) return true;
  if (!/^\d+$/u.test(head) || tokens.length < 2) return false;
  if (!/^[0-9０-９.,，%]+$/u.test(tokens[1]!.text)) return true;
  return expected !== undefined && Number(head) >= expected && Number(head) <= expected + 2 && tokens[1]!.start - first.end >= 4;
}

/** The serial of the last project row read, 0 before the first. */
const lastLayoutSerial = (rows: readonly LayoutRow[]): number => {
  for (let at = rows.length - 1; at >= 0; at -= 1) {
    const head = asciiDigits(tokensOf(rows[at]!.lines[0]!.text)[0]!.text);
    if (/^\d+$/u.test(head)) return Number(head);
  }
  return 0;
};

interface LayoutRow {
  /** The opening line (a serial, a part, a total) and the lines under it. */
  readonly lines: Line[];
  /** Lines of the row printed above its opening line (cells set beside the middle of a tall row). */
  readonly before: Line[];
}

/**
 * A column's cell as `lines` print it at `start`: on each line the piece nearest that place, two
 * places either way (columns a few places apart are two cells, 新建 and 云山), among those `keep` takes.
 */
function cellPieces(lines: readonly Line[], start: number, keep: (piece: Token) => boolean = () => true, reach = 2): string[] {
  return lines.flatMap((line) => {
    const near = tokensOf(line.text).filter((piece) => Math.abs(piece.start - start) <= reach && keep(piece));
    return near.sort((a, b) => Math.abs(a.start - start) - Math.abs(b.start - start)).slice(0, 1).map((piece) => piece.text);
  });
}

/**
 * A row's last line, when it holds only the first piece of the next row's cell: a cell set
 * beside the middle of a row taller than it starts above the row's opening line (争取中央 under
 * one row, 预算内资 / 金 beside the next). Such a line stands in columns where its row has
 * nothing else and the next row has more; it moves to the lines above the next row's opening.
 */
function liftToNext(row: LayoutRow, next: LayoutRow | undefined): void {
  if (!next || row.lines.length < 2) return;
  const trailing = tokensOf(row.lines[row.lines.length - 1]!.text);
  const near = (lines: readonly Line[], start: number): boolean => piecesAt(lines, start, 2).length > 0;
  const others = [...row.before, ...row.lines.slice(0, -1)];
  // Or the row's cell there has ended already, as a department or a work's name ends, and would
  // not end so with the piece after it (县住房 / 城乡建 / 委, then 县住房 again; not 县人力社 / 保局);
  // or as a sentence ends (the content), the piece opening as the cell did: a column's cells are
  // phrased alike (新建建筑面积…), a running title left in the table is not.
  const endsCell = (text: string): boolean => CELL_ENDINGS.some(([, ending]) => ending.test(text));
  const ended = (token: Token): boolean => {
    const pieces = cellPieces(others, token.start);
    const cell = pieces.join('');
    if (cell === '') return false;
    if (/。$/u.test(cell)) return [...pieces[0]!].slice(0, 2).join('') === [...token.text].slice(0, 2).join('');
    return endsCell(cell) && !endsCell(`${cell}${token.text}`);
  };
  if (trailing.length === 0 || !trailing.every((token) => (!near(others, token.start) || ended(token)) && near([...next.lines.slice(1), ...next.lines.slice(0, 1)], token.start))) return;
  next.before.push(row.lines.pop()!);
}

/**
 * A row's name and the next row's, each set centred on its serial a piece a line, the next row's
 * first pieces taken into the row before (巫山 / 县龙 / 3 门街 / 道托 / 育机 / 构 / 中心 / 乡镇 /
 * 托幼 / 4 一体 / …: 中心乡镇 opens the next name). The lines after a piece where the row's name
 * ends as works are named (or as the text before the table restates it) go to the next row, when
 * each name then stands about as far above its serial as below it, two lines nearer than before at
 * least, and every other piece they carry stands where the row's own cell has ended (县卫 under
 * 县卫生健康委, 在幼儿园… under …个。). A name that ends otherwise ends there too when both names
 * then stand centred within a line, three lines nearer than before at least; a name that ends as
 * names end is taken first.
 */
function centreNames(row: LayoutRow, next: LayoutRow | undefined, restated: Restated): void {
  if (!next || next.before.length > 0 || row.lines.length < 3 || !/^\d+$/u.test(asciiDigits(tokensOf(row.lines[0]!.text)[0]?.text ?? '')) || !/^\d+$/u.test(asciiDigits(tokensOf(next.lines[0]!.text)[0]?.text ?? ''))) return;
  const nameAt = tokensOf(row.lines[0]!.text)[1]?.start;
  if (nameAt === undefined) return;
  const nameOf = (line: Line): Token | undefined => tokensOf(line.text).find((token) => Math.abs(token.start - nameAt) <= 1);
  const named = (lines: readonly Line[]): number => lines.filter((line) => nameOf(line) !== undefined).length;
  const above = named(row.before);
  const below = (lines: readonly Line[]): number => named(lines.slice(1));
  const nextBelow = below(next.lines);
  const cost = (kept: readonly Line[], moved: readonly Line[]): number => Math.abs(above - below(kept)) + Math.abs(named(moved) - nextBelow);
  // (The lines from `at` on go, two lines nearer centred at least.)
  let best: { at: number; cost: number; endsAsName: boolean } | undefined;
  for (let at = 2; at < row.lines.length; at += 1) {
    const opening = nameOf(row.lines[at]!);
    if (!opening || /^[（(]/u.test(opening.text)) continue;
    const kept = [...row.before, ...row.lines.slice(0, at)];
    const namePieces = kept.map((line) => (line === row.lines[0] ? tokensOf(line.text)[1] : nameOf(line))?.text ?? '').filter((piece) => piece !== '');
    const name = namePieces.join('');
    // (Or as the text before the table names it, a mark after it: 巫山精品节目打造， in a box. Or,
    // ending as it may, where each name then stands centred on its serial, as far above as below,
    // and stood three lines or more off before: 新型 / 公共 / 61 文化 / 服务 / 空间, then 巫峡 / 镇综.)
    // (A name that ends so is taken before one that is only centred: 托育机 / 构 is centred either way.)
    // (Restated with two of its lines the other way round, as pdftotext prints them now and then: 化服 / 共文.)
    const endsAsName = NAME_ENDING.test(name) || swapsOf(namePieces).some((order) => restated.ended(order.join('')));
    const centred = cost(row.lines.slice(0, at), row.lines.slice(at)) <= 1 && cost(row.lines, []) >= cost(row.lines.slice(0, at), row.lines.slice(at)) + 3;
    if (!endsAsName && !centred) continue;
    // (Every other piece moved stands where the row's cell has ended: the row's own pieces there end as such a cell ends.)
    const moved = row.lines.slice(at);
    // (Years and amounts, whose places pdftotext sets by each line's scale, by what they are: the row has its own.)
    const keptPieces = kept.flatMap((line) => tokensOf(line.text));
    const hasYears = keptPieces.some((piece) => YEAR_OPENING.test(piece.text) || YEARS_CELL.test(piece.text));
    const ended = moved.every((line) =>
      tokensOf(line.text).every((token, index, tokens) => {
        if (Math.abs(token.start - nameAt) <= 1) return true;
        if (YEAR_OPENING.test(token.text) || YEARS_CELL.test(token.text) || YEAR_ALONE.test(token.text)) return hasYears;
        if (AMOUNT_PIECE.test(token.text)) return keptPieces.some((piece) => AMOUNT_PIECE.test(piece.text) && !YEAR_ALONE.test(piece.text));
        // (Its pieces in any order: pdftotext prints a line of a narrow cell out of order now and then, 县文 / 游委 / 化旅.)
        // (Within half the way to the pieces beside it: narrow columns stand two places apart, 新 巫山 处、.)
        const reach = Math.min(2, Math.floor((token.start - (tokens[index - 1]?.start ?? -9)) / 2), Math.floor(((tokens[index + 1]?.start ?? token.start + 9) - token.start) / 2));
        const pieces = cellPieces(kept, token.start, (piece) => piece.start > nameAt + 1, reach);
        const cell = pieces.join('');
        const endsAsCell = (text: string): boolean => CELL_ENDINGS.some(([, ending]) => ending.test(text));
        return cell !== '' && (/[。；]$/u.test(cell) || endsAsCell(cell) || NATURES.includes(cell) || (pieces.length <= 4 && orders(pieces).some((order) => endsAsCell(order.join('')) && DEPARTMENT_OPENING.test(order[0]!))));
      }),
    );
    const found = cost(row.lines.slice(0, at), moved);
    if (ended && found + 2 <= cost(row.lines, []) && (!best || (endsAsName && !best.endsAsName) || (endsAsName === best.endsAsName && found < best.cost))) best = { at, cost: found, endsAsName };
  }
  if (best) next.before.push(...row.lines.splice(best.at));
}

/** What the text before a table (its boxes and prose) says of the table's cells. */
interface Restated {
  /** Whether it names a work as the table's name cell would end it: the name, then a mark (巫山精品节目打造，开展…). A plan restates its works' names; a name that ends so has ended, however it ends. */
  readonly ended: (name: string) => boolean;
  /** Whether it holds a text of six Chinese characters or more as printed (a name or a content a box restates; not figures, which lines of a table joined may hold by chance). */
  readonly holds: (text: string) => boolean;
  /** Whether a line of the whole document holds a text (the table's own lines too: a phrase other rows print). */
  readonly anywhere: (text: string) => boolean;
}

function restatedIn(lines: readonly Line[], before: number): Restated {
  // (By the document's first line: a reading of a 类别 table works on a copy of the lines, the text before it the same.)
  const key = lines[0];
  let joined = key === undefined ? undefined : RESTATED.get(key);
  if (joined === undefined) {
    const trimmed = lines.map((line) => line.text.trim());
    const starts: number[] = [];
    let length = 0;
    for (const text of trimmed) {
      starts.push(length);
      length += text.length;
    }
    joined = { text: trimmed.join(''), lined: trimmed.join('\n'), starts };
    if (key !== undefined) RESTATED.set(key, joined);
  }
  const whole = joined.text;
  const lined = joined.lined;
  const prose = whole.slice(0, joined.starts[before] ?? whole.length);
  return {
    ended: (name) => {
      if ([...name].length < 4) return false;
      for (let at = prose.indexOf(name); at >= 0; at = prose.indexOf(name, at + 1)) if (/[，、。；：]/u.test(prose.charAt(at + name.length))) return true;
      return false;
    },
    holds: (text) => (text.match(/\p{Script=Han}/gu)?.length ?? 0) >= 6 && prose.includes(text),
    anywhere: (text) => lined.includes(text),
  };
}

/** The text of a document's lines joined (and joined a line apart), and where each line starts in it, by the document's first line. */
const RESTATED = new WeakMap<Line, { readonly text: string; readonly lined: string; readonly starts: readonly number[] }>();

/**
 * How most names of a table open (their first two characters: 和坡 of 和坡县…): of the pieces
 * printed at the name's column (after a serial, or set in a few places), the opening most share;
 * undefined unless three names or more and half the rows share it.
 */
function usualOpening(lines: readonly Line[], from: number): string | undefined {
  const counts = new Map<string, number>();
  let rows = 0;
  for (let at = from; at < lines.length && !headingOf(lines[at]!.text); at += 1) {
    const tokens = tokensOf(lines[at]!.text);
    const serial = tokens.length >= 2 && /^\d+$/u.test(asciiDigits(tokens[0]!.text)) && opensLayoutRow(lines[at]!.text);
    if (serial) rows += 1;
    const name = serial ? tokens[1] : tokens[0];
    if (!name || name.start === 0 || name.start > 5) continue;
    const opening = [...name.text].slice(0, 2).join('');
    counts.set(opening, (counts.get(opening) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= 3 && best[1] * 2 >= rows ? best[0] : undefined;
}

/**
 * A line of a layout table that opens a name of its own: at the row's name column, beside three
 * cells or more, the row's name ended as works are named. Not when the row's name does not open as
 * names do (`opening`) and the line does, right under the opening line: that line is the head of
 * the row's name, printed under the rest of it. (Further down, under a name ended as names end,
 * it opens the next row's name too.)
 */
function opensNextName(row: LayoutRow, text: string, opening?: string): boolean {
  // The name's column is the leftmost after the serial's: its first line may be above the opening line
  // (the row's cells centred in it), and cells there may be another column's (a department).
  const name = [...row.before.flatMap((line) => tokensOf(line.text)), ...tokensOf(row.lines[0]!.text).slice(1)].reduce<Token | undefined>((left, token) => (left === undefined || token.start < left.start ? token : left), undefined);
  const tokens = tokensOf(text);
  // (pdftotext lays each line out on its own: a column's pieces may stand a few places apart.)
  if (!name || tokens.length === 0 || /^[（(]/u.test(tokens[0]!.text) || Math.abs(tokens[0]!.start - name.start) > 3) return false;
  // (Each line's first piece that is no serial, up to three places right of the leftmost: a line of
  // a category's label is set by its own scale, 二、老 目, 所养 丰坡县杏河镇养 three places left of
  // the name's other lines.)
  const pieces = [...row.before, ...row.lines].flatMap((line) => {
    const first = tokensOf(line.text).find((token) => !/^\d+$/u.test(token.text));
    return first !== undefined && first.start <= name.start + 3 ? [first.text] : [];
  });
  const opens = opening !== undefined && tokens[0]!.text.startsWith(opening);
  if (opens && !(pieces[0] ?? '').startsWith(opening)) {
    // (Unless it comes after the name's lines, not right under the opening line, and the name has
    // ended as names end, 重庆市巫山县…托育服务中心（公立）: the line opens the next.)
    return row.lines.length > 2 && NAME_ENDING.test(pieces.join(''));
  }
  // (Or its last line the end of such a name, 程, its lines printed out of order: 兰坪县翠泉 / 中心改造工 / 乡养老服务 / 程.)
  return /(工程|项目)$/u.test(pieces.join('')) || /^(?:工?程|项?目)$/u.test(pieces.at(-1) ?? '') || (opens && NAME_ENDING.test(pieces.join('')));
}

/** The pieces of `lines` that start within `tolerance` places of `start`, in order: a column's cell as printed. */
function piecesAt(lines: readonly Line[], start: number, tolerance: number): string[] {
  return lines.flatMap((line) => tokensOf(line.text).filter((token) => Math.abs(token.start - start) <= tolerance).map((token) => token.text));
}

/**
 * The columns of a row of a layout table: where its cells start. The row's opening line holds
 * the first cells (a serial and a name); the line under it with the most pieces holds the rest
 * when it starts further right, or every cell when the opening line has fewer pieces.
 */
function rowAnchors(row: LayoutRow): number[] {
  const opening = tokensOf(row.lines[0]!.text);
  let widest: Token[] = [];
  for (const line of row.lines.slice(1)) {
    const tokens = tokensOf(line.text);
    if (tokens.length > widest.length) widest = tokens;
  }
  const last = opening[opening.length - 1]!;
  // The widest line may open with the rest of the name (the other cells stood centred beside its second line).
  const beyond = widest.filter((token) => token.start > last.start + 2);
  if (beyond.length > 0 && beyond.length >= widest.length - 1) return [...opening, ...beyond].map((token) => token.start);
  return (widest.length > opening.length ? widest : opening).map((token) => token.start);
}

/** Character positions in order, those a place apart or less grouped as one column's. */
function startGroups(starts: readonly number[]): number[][] {
  return [...starts].sort((a, b) => a - b).reduce<number[][]>((groups, start) => {
    const group = groups[groups.length - 1];
    if (group && start - group[group.length - 1]! <= 1) group.push(start);
    else groups.push([start]);
    return groups;
  }, []);
}

/**
 * The columns of a row whose cells are centred in it: the serial and the cells of one line on
 * its middle line, the wrapped cells' first lines just above it. Where the pieces of those two
 * lines start, a place apart or less taken as one column. (The lines below are laid out on
 * their own and may stand a place or two off.)
 */
function centredAnchors(row: LayoutRow): number[] {
  const starts = [row.before[row.before.length - 1]!, row.lines[0]!].flatMap((line) => tokensOf(line.text).map((token) => token.start));
  return startGroups(starts).map((group) => group[0]!);
}

/**
 * The columns of a row whose cells stand on different lines, each wrapped in a narrow column
 * (县民 / 政局 under each other, 新建 on the line below): where the pieces of its other lines
 * start, a place apart or less taken as one column.
 */
function stackedAnchors(row: LayoutRow): number[] {
  const opening = tokensOf(row.lines[0]!.text);
  const last = opening[opening.length - 1]!;
  const starts = row.lines
    .slice(1)
    .flatMap((line) => tokensOf(line.text).map((token) => token.start))
    .filter((start) => start > last.start + 2);
  // Starts a place apart are one column, named by its first start.
  return [...opening.map((token) => token.start), ...startGroups(starts).map((group) => group[0]!)];
}

/**
 * Header pieces stacked by where they stand: a piece of a lower line joins the piece above it
 * when the middle of one stands within the other (a header wrapped in its column: 序 over 号,
 * 建设起止 over 年限), and stands as a column of its own otherwise.
 */
function stackHeader(lines: readonly (readonly Token[])[]): { start: number; end: number; text: string }[] {
  const stacks: { start: number; end: number; text: string }[] = [];
  const within = (position: number, from: number, to: number): boolean => position >= from && position < to;
  for (const tokens of lines) {
    for (const token of tokens) {
      const middle = (token.start + token.end) / 2;
      // Of the stacks it stands under, the one it overlaps most (投资（万元） more under 其中：“十四五” than under 责任单).
      const overlap = (stack: { start: number; end: number }): number => Math.min(stack.end, token.end) - Math.max(stack.start, token.start);
      let over: { start: number; end: number; text: string } | undefined;
      for (const stack of stacks) {
        if (!within(middle, stack.start, stack.end) && !within((stack.start + stack.end) / 2, token.start, token.end) && overlap(stack) < 2) continue;
        if (!over || overlap(stack) > overlap(over)) over = stack;
      }
      // A piece that names nothing alone, under a header already whole (资 under 备注), completes the
      // header beside it whose name it makes whole (总投 + 资): the piece was set a little off its column.
      // Or a piece that names what the header over it names already (计划投资 under 投资估): it
      // completes the one beside it that names nothing yet (“十四五”). A phrase a header's name
      // ends and the piece opens (建设起止 / 年限) joins them first.
      const completes = (stack: { text: string }): boolean => headerNames(stack.text) === 0 && headerNames(`${stack.text}${token.text}`) === 1;
      const beside = (stack: { start: number; end: number }): boolean => Math.min(Math.abs(token.start - stack.end), Math.abs(stack.start - token.end)) <= 2;
      // (Or a word cut between them: 建设起 / 止年限, “十四五”计 / 划投资.)
      const phrased = (stack: { text: string }): boolean => HEADER_PHRASES.some(([first, second]) => stack.text.endsWith(first) && token.text.startsWith(second)) || cutWord(stack.text, token.text);
      // (A lower piece that is a header's whole name, 建设内容及规模, set under a head whose name is
      // cut and goes on (建设年 / 限): a column of its own, printed lower than its neighbours.)
      if (over && lines.indexOf(tokens) > 0 && headerNames(token.text) === 1 && HEADER_OPENERS.test(token.text) && [...token.text].length >= 4 && headerNames(over.text) === 0 && over.text.replace(HEADER_OPENERS, '') !== '') over = undefined;
      else if (lines.indexOf(tokens) > 0) {
        const phrase = stacks.find((stack) => stack !== over && beside(stack) && phrased(stack));
        // (Of two heads alike that it completes, 建设 建设 over 性质 地址, the left one: a line's
        // pieces stand under the heads in their order, however far pdftotext set them.)
        const heads = stacks.filter((stack) => beside(stack) && phrased(stack) && headerNames(stack.text) === 0);
        if (heads.length > 1) over = heads[0];
        else if (phrase && !(over && phrased(over))) over = phrase;
        // (A unit in brackets alone under a header that names no money, 备注 or 其中：“十四, is the
        // unit of the money's header beside it, which has none yet: pdftotext set the lower line right.)
        else if (over && UNIT_ALONE.test(token.text) && !MONEY_HEADER.test(over.text) && stacks.some((stack) => MONEY_HEADER.test(stack.text) && !/[（(]/u.test(stack.text) && beside(stack)))
          over = stacks.find((stack) => MONEY_HEADER.test(stack.text) && !/[（(]/u.test(stack.text) && beside(stack));
        // (A unit in brackets alone, （万元）, under a money's header is that header's unit.)
        else if (over && headerNames(over.text) >= 1 && !completes(over) && (headerNames(token.text) === 0 || sameNames(over.text, token.text)) && !(UNIT_ALONE.test(token.text) && MONEY_HEADER.test(over.text))) {
          // (Or, a piece that names nothing alone, the head a few places off that it completes: a
          // lower line set left as a whole, 位 of 责任单 / 位 under 其中：“十四五”.)
          const near = (stack: { start: number; end: number }): boolean => Math.min(Math.abs(token.start - stack.end), Math.abs(stack.start - token.end)) <= 8;
          over = stacks.find((stack) => stack !== over && completes(stack) && beside(stack)) ?? (headerNames(token.text) === 0 ? stacks.find((stack) => stack !== over && completes(stack) && cutWord(stack.text, token.text) && near(stack)) : undefined) ?? over;
        }
      }
      // (A lower piece under no head that names nothing alone and completes a word cut at the end
      // of a head a few places off, 算 of 投资估 / 算 set right: that head's.)
      if (!over && lines.indexOf(tokens) > 0 && headerNames(token.text) === 0) {
        const near = (stack: { start: number; end: number }): boolean => Math.min(Math.abs(token.start - stack.end), Math.abs(stack.start - token.end)) <= 8;
        over = stacks.find((stack) => near(stack) && phrased(stack));
      }
      if (over) {
        over.text += token.text;
        over.start = Math.min(over.start, token.start);
        over.end = Math.max(over.end, token.end);
        continue;
      }
      const at = stacks.findIndex((stack) => stack.start > token.start);
      stacks.splice(at < 0 ? stacks.length : at, 0, { start: token.start, end: token.end, text: token.text });
    }
  }
  return stacks;
}

/**
 * A header's lower line set where its pieces complete the names of the top line. pdftotext sets
 * each line by its own scale, so a lower line may stand right of the top one, the more so the
 * further right (止年限 of 建设起 at 34 under 25, （万元） of 投资估算 at 38 under 29). A header of
 * two lines whose stacks do not each name one column is read with its lower line moved and scaled,
 * within reason, to where every piece completes a name of the top line and every stack then names
 * one column, the stacks holding the most words of headers whole, the least moved of those; with
 * no such place, or one that parts more words than the header as printed, it is read as printed.
 */
function fitHeaderLines(headerLines: readonly Line[]): Line[] {
  if (headerLines.length !== 2) return [...headerLines];
  // (A table's header is read again for each reading tried: its fit is worked out once.)
  const key = `${headerLines[0]!.text}\n${headerLines[1]!.text}`;
  let fitted = FITTED.get(key);
  if (fitted === undefined) {
    if (FITTED.size > 256) FITTED.clear();
    fitted = fitLowerLine(headerLines[0]!.text, headerLines[1]!.text);
    FITTED.set(key, fitted);
  }
  return fitted === headerLines[1]!.text ? [...headerLines] : [headerLines[0]!, { ...headerLines[1]!, text: fitted }];
}

/**
 * A header of three lines or more (序 / 号 cut, 建 / 设 / 性 / 质 a character a line, 备注 alone
 * on a line under the rest), each line set by its own scale. The line of the most pieces is the
 * key: each other line, moved and scaled within reason, gives its pieces to the key's pieces they
 * then stand over or under, one a piece at most, or stands alone (备注). Of the ways each line may
 * so fall, the header takes those under which every column it stacks names one thing and closes
 * its brackets, the most
 * words of headers whole, the least moved. Each piece is then set at its key piece's place, so
 * that the header stacks as it fell. With no such way, or one that parts more words than the
 * header as printed, it is read as printed.
 */
function fitHeaderStack(headerLines: readonly Line[]): Line[] {
  if (headerLines.length < 3) return [...headerLines];
  const key = headerLines.map((line) => line.text).join('\n');
  let fitted = FITTED_STACKS.get(key);
  if (fitted === undefined) {
    if (FITTED_STACKS.size > 256) FITTED_STACKS.clear();
    fitted = fitStackLines(headerLines.map((line) => line.text));
    FITTED_STACKS.set(key, fitted);
  }
  const texts = fitted;
  return headerLines.map((line, at) => (texts[at] === line.text ? line : { ...line, text: texts[at]! }));
}

/** Headers of three lines or more fitted already: their lines' texts as fitted, by the lines' texts. */
const FITTED_STACKS = new Map<string, readonly string[]>();

/** How a header line falls on the key line: for each of its pieces, the key piece it goes with (-1: alone), and how far it was moved to. */
interface Fall {
  readonly to: readonly number[];
  readonly cost: number;
}

/** The ways a header line may fall on the key line's pieces, the nearest first (at most `most`). */
function fallsOn(key: readonly Token[], tokens: readonly Token[], most: number): Fall[] {
  const found = new Map<string, Fall>();
  // (How far a span stands from another: none when they overlap.)
  const apart = (a: { start: number; end: number }, b: Token): number => Math.max(0, a.start - b.end + 1, b.start - a.end + 1);
  for (let scale = 0.7; scale <= 1.301; scale += 0.05) {
    for (let offset = -6; offset <= 6; offset += 1) {
      // Each piece's key pieces within reach, the nearest first: two when both stand near (元） between
      // 划投资（万 and （万元）), to be told apart by what the header's columns then name.
      let ways: { to: number[]; cost: number }[] = [{ to: [], cost: Math.abs(scale - 1) * 4 + Math.abs(offset) / 4 }];
      for (const token of tokens) {
        const start = Math.max(0, Math.round(token.start * scale + offset));
        const span = { start, end: start + token.end - token.start };
        const near = key
          .map((piece, at) => ({ at, distance: apart(span, piece) }))
          .filter((one) => one.distance < 3)
          .sort((a, b) => a.distance - b.distance)
          .slice(0, 2);
        const reach = near.length > 0 ? near.filter((one) => one.distance <= near[0]!.distance + 1) : [{ at: -1, distance: 3 }];
        ways = ways.flatMap((way) => reach.map((one) => ({ to: [...way.to, one.at], cost: way.cost + one.distance }))).slice(0, 16);
      }
      for (const { to, cost } of ways) {
        // (In order: pieces of a line stand under the key's in theirs, two at most under one, 五”投资（万 元）.)
        const taken = to.filter((at) => at >= 0);
        if (taken.some((at, index) => index > 0 && (at < taken[index - 1]! || (at === taken[index - 1]! && taken[index - 2] === at)))) continue;
        const name = to.join();
        if ((found.get(name)?.cost ?? Number.POSITIVE_INFINITY) > cost) found.set(name, { to, cost });
      }
    }
  }
  return [...found.values()].sort((a, b) => a.cost - b.cost).slice(0, most);
}

/** The lines of a header of three or more, set as fitHeaderStack says (unchanged when no way fits better). */
function fitStackLines(texts: readonly string[]): readonly string[] {
  const printed = texts.map(tokensOf);
  const pivot = printed.reduce((best, tokens, at) => (tokens.length > printed[best]!.length ? at : best), 0);
  const key = printed[pivot]!;
  // (A column's name closes the brackets and quotes it opens: “十四五”计划投资（万 goes on.)
  const named = (text: string): boolean => (headerNames(text) === 1 || /^序/u.test(text)) && !leavesOpen(text);
  const wordsOf = (text: string): number => HEADER_WORDS.filter((word) => text.includes(word)).length;
  const stacks = stackHeader(printed);
  if (stacks.every((stack) => named(stack.text))) return texts;
  const wordsAsPrinted = stacks.reduce((sum, stack) => sum + wordsOf(stack.text), 0);
  // (Every choice of one way a line is tried: at most 4,096 choices, the fewer ways a line the more lines.)
  const ways = Math.max(2, Math.floor(4096 ** (1 / (printed.length - 1))));
  const others = printed.map((tokens, at) => (at === pivot ? [] : fallsOn(key, tokens, Math.min(16, ways))));
  if (others.some((falls, at) => at !== pivot && falls.length === 0)) return texts;
  let best: { falls: (Fall | undefined)[]; words: number; cost: number } | undefined;
  const choose = (line: number, chosen: (Fall | undefined)[]): void => {
    if (line === printed.length) {
      const columns = key.map(() => '');
      const alone: string[] = [];
      printed.forEach((tokens, at) => {
        tokens.forEach((token, index) => {
          const to = at === pivot ? index : chosen[at]!.to[index]!;
          if (to < 0) alone.push(token.text);
          else columns[to] += token.text;
        });
      });
      const all = [...columns, ...alone];
      if (!all.every(named)) return;
      const words = all.reduce((sum, text) => sum + wordsOf(text), 0);
      const cost = chosen.reduce((sum, fall) => sum + (fall?.cost ?? 0), 0);
      if (!best || words > best.words || (words === best.words && cost < best.cost)) best = { falls: [...chosen], words, cost };
      return;
    }
    if (line === pivot) choose(line + 1, [...chosen, undefined]);
    else for (const fall of others[line]!) choose(line + 1, [...chosen, fall]);
  };
  choose(0, []);
  if (!best || best.words < wordsAsPrinted) return texts;
  const falls = best.falls;
  // Each piece at its key piece's place (alone, where it stood), a space after the piece before it at least.
  const laid = printed.map((tokens, at) => {
    if (at === pivot) return texts[at]!;
    const placed: Token[] = [];
    tokens.forEach((token, index) => {
      const to = falls[at]!.to[index]!;
      const start = Math.max(to < 0 ? token.start : key[to]!.start, (placed.at(-1)?.end ?? -1) + 1);
      placed.push({ text: token.text, start, end: start + token.end - token.start });
    });
    return layOut(placed);
  });
  // (Only when the header so laid out stacks as it fell: a column each, each naming one thing.)
  const restacked = stackHeader(laid.map(tokensOf));
  return restacked.every((stack) => named(stack.text)) && restacked.length >= key.length ? laid : texts;
}

/** A line of pieces each at its place (places count characters), a space apart at least. */
function layOut(tokens: readonly Token[]): string {
  let text = '';
  let places = 0;
  for (const token of tokens) {
    const gap = Math.max(places === 0 ? 0 : 1, token.start - places);
    text += `${' '.repeat(gap)}${token.text}`;
    places += gap + [...token.text].length;
  }
  return text;
}

/** Header lines fitted already: the lower line's text as fitted, by the two lines' texts. */
const FITTED = new Map<string, string>();

/** The lower line of a header of two, set as fitHeaderLines says (its text unchanged when no place fits better). */
function fitLowerLine(topText: string, lowerText: string): string {
  const [top, lower] = [tokensOf(topText), tokensOf(lowerText)];
  const faults = (tokens: readonly Token[]): number => {
    const stacks = stackHeader([top, tokens]);
    return stacks.length !== top.length ? Number.POSITIVE_INFINITY : stacks.filter((stack) => headerNames(stack.text) !== 1 && !/^序/u.test(stack.text)).length;
  };
  // (Of such places, the one whose stacks hold the most words of headers whole: 起止年 and 限 part 年限.)
  const words = (tokens: readonly Token[]): number => stackHeader([top, tokens]).reduce((sum, stack) => sum + HEADER_WORDS.filter((word) => stack.text.includes(word)).length, 0);
  if (lower.length === 0 || faults(lower) === 0) return lowerText;
  let best: { words: number; change: number; tokens: Token[] } | undefined;
  for (let scale = 0.7; scale <= 1.301; scale += 0.05) {
    for (let offset = -6; offset <= 6; offset += 1) {
      // (The margin's piece, 号 of 序 / 号, stays at the margin; the others in order, a space apart at least.)
      const moved = lower.map((token) => {
        const start = Math.max(0, Math.round(token.start * scale + offset));
        return { text: token.text, start, end: start + token.end - token.start };
      });
      if (moved.some((token, index) => index > 0 && token.start <= moved[index - 1]!.end)) continue;
      if (faults(moved) !== 0) continue;
      const found = { words: words(moved), change: Math.abs(scale - 1) * 20 + Math.abs(offset), tokens: moved };
      if (!best || found.words > best.words || (found.words === best.words && found.change < best.change)) best = found;
    }
  }
  // (Or, where the pieces drift unevenly, given to the heads in order: of the two, the more words whole.)
  // (Not when a lower piece is a whole name, 主要建设内容: a column of its own, the top line naming fewer.)
  const ordered = lower.some((token) => headerNames(token.text) === 1 && HEADER_OPENERS.test(token.text) && [...token.text].length >= 4) ? undefined : orderedFit(top, lower, words(lower));
  const chosen = ordered && (!best || words(ordered) > best.words) ? ordered : best && best.words >= words(lower) ? best.tokens : undefined;
  return chosen ? layOut(chosen) : lowerText;
}

/**
 * A header's lower line whose pieces drift from the heads they complete by more, and less evenly,
 * than one scale gives (门 4 places right of 责任部, 止年限 10 right of 建设起): each piece is
 * given to a head of the top line in order, one piece a head at most, every head naming one
 * column once its piece is added, the most words of headers whole, the drift from piece to piece
 * the least. Each piece is
 * set under its head; undefined when no such giving exists or it parts more words than the header
 * as printed (`wordsAsPrinted`).
 */
function orderedFit(top: readonly Token[], lower: readonly Token[], wordsAsPrinted: number): Token[] | undefined {
  const centre = (token: Token): number => (token.start + token.end) / 2;
  const wordsOf = (text: string): number => HEADER_WORDS.filter((word) => text.includes(word)).length;
  // best[i][j]: pieces from i on given to heads from j on; a head takes a run of pieces (maybe none).
  type Step = { readonly words: number; readonly drift: number; readonly take: number } | undefined;
  const memo = new Map<number, Step>();
  const solve = (i: number, j: number, before: number | undefined): Step => {
    if (j === top.length) return i === lower.length ? { words: 0, drift: 0, take: 0 } : undefined;
    const key = (i * (top.length + 1) + j) * 1000 + (before === undefined ? 999 : Math.round(before) + 500);
    if (memo.has(key)) return memo.get(key);
    let found: Step;
    // (A head takes one piece at most: a lower line completes each name once.)
    for (let take = 0; take <= 1 && i + take <= lower.length; take += 1) {
      const pieces = lower.slice(i, i + take);
      const text = `${top[j]!.text}${pieces.map((piece) => piece.text).join('')}`;
      if (headerNames(text) !== 1 && !/^序/u.test(text)) continue;
      let drift = 0;
      let last = before;
      for (const piece of pieces) {
        const offset = centre(piece) - centre(top[j]!);
        drift += last === undefined ? 0 : Math.abs(offset - last);
        last = offset;
      }
      const rest = solve(i + take, j + 1, last);
      if (!rest) continue;
      const total = { words: rest.words + wordsOf(text), drift: rest.drift + drift, take };
      if (!found || total.words > found.words || (total.words === found.words && total.drift < found.drift)) found = total;
    }
    memo.set(key, found);
    return found;
  };
  const first = solve(0, 0, undefined);
  if (!first || first.words < wordsAsPrinted) return undefined;
  // (Each piece under its head, in order, a space apart.)
  const placed: Token[] = [];
  let i = 0;
  let before: number | undefined;
  for (let j = 0; j < top.length; j += 1) {
    const step = solve(i, j, before)!;
    for (const piece of lower.slice(i, i + step.take)) {
      const start = Math.max(top[j]!.start, (placed.at(-1)?.end ?? -1) + 1);
      placed.push({ text: piece.text, start, end: start + piece.end - piece.start });
      before = centre(piece) - centre(top[j]!);
    }
    i += step.take;
  }
  return placed;
}

/** Whether a line holds only characters of the header's (`characters`), and some: a piece of the header printed again. */
const ofHeader = (text: string, characters: ReadonlySet<string>): boolean => {
  const chars = [...squeeze(text)];
  return chars.length > 0 && chars.every((char) => characters.has(char));
};

/** Whether a text opens more brackets or quotes than it closes (总投资（万, 起止年限“十四: its name goes on). */
const leavesOpen = (text: string): boolean => (text.match(/[（(]/gu)?.length ?? 0) > (text.match(/[）)]/gu)?.length ?? 0) || (text.match(/“/gu)?.length ?? 0) > (text.match(/”/gu)?.length ?? 0);

/** A unit in brackets on its own: (万元), （万元）. */
const UNIT_ALONE = /^[（(][^）)]*[）)]$/u;

/** A header that names money: the column a unit in brackets under it belongs to. */
const MONEY_HEADER = /投资|金额|资金|估算/u;
/** An amount as a cell prints it (12900, 1,200.5, full-width digits). */
const AMOUNT_PIECE = /^[0-9０-９][0-9０-９.,，]*$/u;

/** A nature whose characters were printed out of order (改建扩): the nature they make (one of NATURES); any other text as it is. */
function reorderedNature(text: string): string {
  if (NATURES.includes(text)) return text;
  const sorted = (word: string): string => [...word].sort().join('');
  return NATURES.find((nature) => sorted(nature) === sorted(text)) ?? text;
}

/** A line above a header's 序 line that holds header cells' first characters (建 of 建 / 设 / 性 / 质, 建 建 over two such cells, 建设 投资估 over 起止 / 年限 and 算（万 / 元）) or whole names (“十四五” 投资估算, 其中：“十), set in from the margin. */
function headerAbove(text: string): boolean {
  const tokens = tokensOf(text);
  return tokens.length >= 1 && tokens.length <= 4 && tokens[0]!.start >= 4 && tokens.every((token) => /^[\p{Script=Han}]{1,3}$/u.test(token.text) || HEADER_OPENERS.test(token.text) || (/^[\p{Script=Han}“”（）()]+$/u.test(token.text) && headerNames(token.text) >= 1)) && !headingOf(text);
}

/**
 * The header over a layout table's columns. Where its pieces stack into fewer columns than the
 * rows have, two headers were printed together on the first line: the longest piece over two
 * columns is cut so that a part stands centred over a piece of a line below it, else where the
 * nearest column changes.
 */
function layoutHeader(headerLines: readonly Line[], anchors: readonly number[], above?: Line): string[] {
  const centres = anchors.map((anchor, index) => (index + 1 < anchors.length ? (anchor + anchors[index + 1]!) / 2 : anchor + 3));
  const nearest = (position: number): number => {
    let chosen = 0;
    centres.forEach((centre, index) => {
      if (Math.abs(centre - position) < Math.abs(centres[chosen]! - position)) chosen = index;
    });
    return chosen;
  };
  const [top = [], ...lower] = headerLines.map((line) => tokensOf(line.text));
  const squeezed = above ? undefined : squeezedHeader(top, lower, anchors);
  if (squeezed) return squeezed;
  let stacks = stackHeader([...(above ? [tokensOf(above.text)] : []), top, ...lower]);
  // A unit in brackets standing alone (（万元）) names no column: it joins the money's header below.
  const named = stacks.filter((stack) => !UNIT_ALONE.test(stack.text)).length;
  if (named < anchors.length) {
    // (A piece of any line of the header may hold two names: 建设内容及规模建设年 on the second of three.)
    const all = [top, ...lower];
    const glued = all
      .flat()
      .filter((token) => token.end - token.start >= 4 && nearest(token.start) !== nearest(token.end - 1))
      .sort((a, b) => b.end - b.start - (a.end - a.start))
      .slice(0, anchors.length - named);
    const cutLine = (tokens: readonly Token[]): Token[] => tokens.flatMap((token): Token[] => {
      if (!glued.includes(token)) return [token];
      const below = all.filter((line) => line !== tokens).flat();
      const length = token.end - token.start;
      const centre = (from: number, to: number): number => token.start + (from + to) / 2;
      let cut = 0;
      let best = Number.POSITIVE_INFINITY;
      // The headers of one table often open alike (建设性质, 建设地址, 建设内容, 建设起止): a part that opens as another header does is likely one.
      const openings = new Set(all.flat().filter((other) => other !== token).map((other) => [...other.text].slice(0, 2).join('')));
      const chars = [...token.text];
      const under = below.filter((piece) => piece.start < token.end && token.start < piece.end).map((piece) => (piece.start + piece.end) / 2);
      for (let at = 2; at <= length - 2; at += 1) {
        // Where the parts stand: over a piece below, or across the change of the nearest column.
        let cost = nearest(token.start + at) !== nearest(token.start + at - 1) ? 0.5 : 1;
        for (const middle of under) cost = Math.min(cost, Math.abs(centre(0, at) - middle) / length, Math.abs(centre(at, length) - middle) / length);
        if (openings.has(chars.slice(at, at + 2).join(''))) cost -= 0.5;
        if (cost < best) {
          best = cost;
          cut = at;
        }
      }
      return [
        { text: chars.slice(0, cut).join(''), start: token.start, end: token.start + cut },
        { text: chars.slice(cut).join(''), start: token.start + cut, end: token.end },
      ];
    });
    stacks = stackHeader(all.map(cutLine));
  }
  // A lower piece standing apart from every piece above (a header set off its column) joins the nearest, as long as there are more pieces than columns.
  // (How near: from middle to middle of the lower piece and the first-line piece of the other.)
  const topOf = (stack: { start: number; end: number }): Token | undefined => top.find((token) => (token.start + token.end) / 2 >= stack.start && (token.start + token.end) / 2 < stack.end);
  while (stacks.length > anchors.length) {
    let best: { at: number; into: number; gap: number } | undefined;
    stacks.forEach((stack, at) => {
      if (topOf(stack)) return;
      for (const step of [-1, 1]) {
        // The nearest header of the top line each way, and the one past it: a piece may stand under
        // the neighbour of the header whose name it completes (建设年 / 总投资 / 限).
        for (let into = at + step, reach = 0; stacks[into] && reach < 2; into += step) {
          const above = topOf(stacks[into]!);
          if (!above) continue;
          reach += 1;
          // A piece that closes a bracket (元）) joins the one that opened it (总投资（万), however near the other.
          const closes = /^[）)]|^[^（(]*[）)]/u.test(stack.text) && leavesOpen(stacks[into]!.text);
          // A piece that completes a header's name (建设年 and 限) joins it rather than a named one nearer.
          const completes = headerNames(stacks[into]!.text) === 0 && headerNames(`${stacks[into]!.text}${stack.text}`) === 1;
          if (reach === 2 && !completes && !closes) break;
          // A unit in brackets (（万元）) is the money's header, on either side.
          const unit = reach === 1 && UNIT_ALONE.test(stack.text) && MONEY_HEADER.test(stacks[into]!.text);
          const gap = closes ? -1 : completes || unit ? -0.5 : Math.abs((above.start + above.end) / 2 - (stack.start + stack.end) / 2);
          if (!best || gap < best.gap) best = { at, into, gap };
        }
      }
    });
    if (!best) break;
    const [from, into] = [stacks[best.at]!, stacks[best.into]!];
    into.text += from.text;
    into.start = Math.min(into.start, from.start);
    into.end = Math.max(into.end, from.end);
    stacks.splice(best.at, 1);
  }
  if (stacks.length === anchors.length) return stacks.map((stack) => stack.text);
  const header = anchors.map(() => '');
  let floor = 0;
  for (const stack of stacks) {
    floor = Math.max(floor, nearest((stack.start + stack.end) / 2));
    header[floor] = `${header[floor]}${stack.text}`;
  }
  return header;
}

/**
 * A header whose top line pdftotext printed squeezed, its pieces one space apart and as many as
 * the columns (序 项目名称 责任 建设 建设内容及规模 建设年 总投资 备注), the lower lines set on the
 * rows' grid: the top pieces name the columns in order, and each lower piece completes the name
 * it makes whole (责任 + 单位, 建设年 + 限, 序 + 号; a unit in brackets the money's), the nearest
 * where several would be. Undefined unless every column then names one thing.
 */
function squeezedHeader(top: readonly Token[], lower: readonly (readonly Token[])[], anchors: readonly number[]): string[] | undefined {
  if (top.length !== anchors.length || lower.length === 0 || top.some((token, at) => at > 0 && token.start - top[at - 1]!.end > 1)) return undefined;
  const cells = top.map((token) => token.text);
  const completed = new Set<number>();
  const distance = (column: number, piece: Token): number => Math.abs(anchors[column]! - piece.start);
  for (const piece of lower.flat().sort((a, b) => a.start - b.start)) {
    const unit = UNIT_ALONE.test(piece.text);
    // A piece that closes a bracket (元）) ends the name that opened it (…投资（万).
    const closes = /^[^（(]*[）)]/u.test(piece.text);
    const candidates = cells
      .map((cell, column) => ({
        column,
        fits: closes ? leavesOpen(cell) : unit ? MONEY_HEADER.test(cell) : !completed.has(column) && headerNames(cell) === 0 && headerNames(`${cell}${piece.text}`) === 1,
      }))
      .filter((candidate) => candidate.fits)
      .sort((a, b) => distance(a.column, piece) - distance(b.column, piece));
    const column = candidates[0]?.column;
    if (column === undefined) return undefined;
    cells[column] += piece.text;
    completed.add(column);
  }
  return cells.every((cell) => headerNames(cell) === 1) ? cells : undefined;
}

/**
 * A table as pdftotext -layout prints narrow columns: cells one space apart, a wrapped cell
 * carried on below at the same character position, and a row's cells not all on its first line
 * (a serial and a name on one line, the other cells on the lines under it). A row opens with a
 * serial and a name, a part or a total at the left margin; its line with the most pieces says
 * where its columns start, and every piece goes to the column it stands under. The header,
 * printed again after a page break, is dropped; a line at the left margin that opens no row
 * (a page's footer, prose) ends the table.
 */
function readLayoutRows(lines: readonly Line[], from: number): ReadTable | undefined {
  // A header cell of a narrow column, its name a character a line (建 / 设 / 性 / 质) and centred
  // in the header's row, may open a line above the one of 序.
  const opensAbove = headerAbove(lines[from]!.text) && /^序/u.test(lines[from + 1]?.text.trim() ?? '');
  const start = opensAbove ? from + 1 : from;
  if (!/^序/u.test(lines[start]!.text.trim())) return undefined;
  let above = opensAbove ? lines[from] : start > 0 && headerAbove(lines[start - 1]!.text) ? lines[start - 1] : undefined;
  const headerLines: Line[] = [];
  let index = start;
  // (A third line and on only when it names a column or holds only a character or two of names,
  // and no figure: 年限 算 of a header stacked over four lines, 质 of 建 / 设 / 性 / 质; a row's
  // line above its serial, 兰坡县竹溪镇棚, may follow the header's second.)
  const headerWords = (text: string): boolean => {
    const tokens = tokensOf(text);
    return !/[0-9０-９]/u.test(text) && (tokens.some((token) => headerNames(token.text) >= 1) || tokens.every((token) => [...token.text].length <= 2));
  };
  for (; index < lines.length && headerLines.length < 5; index += 1) {
    if (isBlank(lines[index]!.text)) continue;
    if (opensLayoutRow(lines[index]!.text) || (headerLines.length >= 2 && !headerWords(lines[index]!.text))) break;
    headerLines.push(lines[index]!);
  }
  // (A header of three lines or more, the line above the 序 line one of them, is fitted as a whole.)
  const stack = above ? [above, ...headerLines] : headerLines;
  const fitted = fitHeaderStack(stack);
  if (fitted.some((line, at) => line !== stack[at])) {
    if (above) above = fitted.shift();
    headerLines.splice(0, headerLines.length, ...fitted);
  } else headerLines.splice(0, headerLines.length, ...fitHeaderLines(headerLines));
  const headerKey = squeeze(headerLines.map((line) => line.text).join(''));
  const repeats = new Set(headerLines.map((line) => squeeze(line.text)));
  const dropped: Dropped[] = [];
  const rows: LayoutRow[] = [];
  // Lines met where no project row is open (after a part or a total, after the header printed
  // again): the next row's lines above its opening line.
  let pending: Line[] = [];
  let open = false;
  const opening = usualOpening(lines, index);
  for (; index < lines.length; index += 1) {
    const line = lines[index]!;
    const text = line.text;
    if (isBlank(text)) continue;
    const trimmed = text.trim();
    if (headingOf(text) || /^注[:：]/u.test(trimmed)) break;
    // The header printed again after a page break, maybe laid out over other lines: its first word opens it, its lines hold only its characters.
    const again = tokensOf(text)[0]!.text === tokensOf(headerLines[0]!.text)[0]!.text && !opensLayoutRow(text);
    if (repeats.has(squeeze(text)) || headerKey.startsWith(squeeze(text)) || again) {
      // (Its line above, printed again too, was taken for the last row's or the next's.)
      const taken = open ? rows[rows.length - 1]?.lines : pending;
      // (Or a line over it of the header's words only, 建 建 其中：“十, that the first header did not have.)
      const headerChars = new Set(`${headerKey}${squeeze(above?.text ?? '')}`);
      const overLine = (text: string): boolean => (above !== undefined && squeeze(text) === squeeze(above.text)) || (headerAbove(text) && ofHeader(text, headerChars));
      if (again && taken && taken.length > 0 && taken[taken.length - 1] === lines[index - 1] && overLine(lines[index - 1]!.text)) {
        const line = taken.pop()!;
        dropped.push({ text: line.text.trim(), place: place(line.line), why: 'repeated-header-row' });
      }
      dropped.push({ text: trimmed, place: place(line.line), why: 'repeated-header-row' });
      const characters = new Set(headerKey);
      while (again && index + 1 < lines.length && !opensLayoutRow(lines[index + 1]!.text) && !isBlank(lines[index + 1]!.text) && [...squeeze(lines[index + 1]!.text)].every((char) => characters.has(char))) {
        index += 1;
        dropped.push({ text: lines[index]!.text.trim(), place: place(lines[index]!.line), why: 'repeated-header-row' });
      }
      open = false;
      continue;
    }
    if (opensLayoutRow(text, lastLayoutSerial(rows) + 1)) {
      rows.push({ lines: [line], before: pending });
      pending = [];
      open = !isShortRow([tokensOf(text)[0]!.text]);
    } else if (tokensOf(text)[0]!.start > 0) {
      // (Before the first row, a line set in is that row's, printed above its serial.)
      // A line that opens another name under a row whose name has ended (…新建工程), with the other
      // cells beside it, is the next row's, printed above its serial.
      if (open && opensNextName(rows[rows.length - 1]!, text, opening)) open = false;
      (open ? rows[rows.length - 1]!.lines : pending).push(line);
    } else break;
  }
  rows[rows.length - 1]?.lines.push(...pending);
  const restated = restatedIn(lines, from);
  rows.forEach((row, at) => {
    liftToNext(row, rows[at + 1]);
    centreNames(row, rows[at + 1], restated);
  });
  const projects = rows.filter((row) => !isShortRow([tokensOf(row.lines[0]!.text)[0]!.text]));
  if (projects.length === 0) return undefined;
  // The columns: as many as most rows have; a row with another count takes the columns of the row before it.
  const counts = new Map<number, number>();
  const candidatesOf = (row: LayoutRow): number[][] => (row.before.length > 0 ? [centredAnchors(row)] : [rowAnchors(row), stackedAnchors(row)]);
  const anchorsOf = projects.map(candidatesOf);
  for (const candidates of anchorsOf) for (const length of new Set(candidates.map((anchors) => anchors.length))) counts.set(length, (counts.get(length) ?? 0) + 1);
  // The count the header's top line names (the remarks, which most rows leave empty, left out)
  // wins over a smaller one most rows show: rows whose cells stand on lines of their own (the
  // department and nature above the content) show fewer columns than they have.
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
  const top = tokensOf(headerLines[0]!.text);
  const headerColumns = /^备/u.test(top.at(-1)?.text ?? '') ? top.length - 1 : top.length;
  // So does the count of a header whose every stack names one column (序号, 项目名称, 起止年限 …)
  // over a larger count some rows show: pdftotext sets each line by its own scale, and cells
  // scattered a few places apart make a column of no header (项目名称 was cut in two to name it).
  const named = stackHeader(headerLines.map((line) => tokensOf(line.text))).filter((stack) => !UNIT_ALONE.test(stack.text));
  // The most columns the header names, on one of its lines or in its stacks (a stack of one
  // character that names nothing, 设 of 建 / 设 / 性 / 质 set apart from 性质, is a piece of
  // another's name; a stack that names two, 建设内容及规模建设起止, printed without a space, two
  // columns): rows that show more (a range's end year and the amounts on a line of their own, a
  // remark printed in two pieces) have cells of one column set apart.
  // (The line above the 序 line is the header's too: “十四五” / 计划投资 / （万元） beside 建设起 / 止年限.)
  const withAbove = above ? stackHeader([above, ...headerLines].map((line) => tokensOf(line.text))).filter((stack) => !UNIT_ALONE.test(stack.text)) : named;
  const stacked = withAbove.reduce((sum, stack) => sum + ([...stack.text].length > 1 ? Math.max(1, headerNames(stack.text)) : headerNames(stack.text)), 0);
  const headerWidth = Math.max(stacked, ...[...headerLines, ...(above ? [above] : [])].map((line) => tokensOf(line.text).length));
  const headerSure = named.length === headerColumns && named.every((stack) => headerNames(stack.text) === 1 || /^序/u.test(stack.text));
  // A header over a line above its 序 line whose every stack names one column (序号, 建设年限,
  // “十四五”计划投资（万元）, 总投资（万元）, 备注) gives its count, when rows show it: rows whose
  // years and amounts stand on lines of their own show fewer.
  const stacksName = withAbove.every((stack) => headerNames(stack.text) === 1 || /^序/u.test(stack.text));
  // (Or, with no such line, a header whose top line names fewer, a name standing on its second
  // line only, 主要建设内容 under nothing; not a last column of remarks, which the rows leave empty.)
  const secondLineNames = above === undefined && headerColumns < withAbove.length && !/^备/u.test(withAbove.at(-1)!.text);
  const aboveSure = (above !== undefined || secondLineNames) && stacksName && counts.has(withAbove.length);
  // Or, when no row shows as many columns as such a header names (each row's years, amounts and
  // narrow cells on lines of their own), the header's own places: each row is then read by what
  // its cells hold where its pieces fall wrong (./typed-row.ts). (Not for a last column of
  // remarks, which most rows leave empty: the rows' count is the table's.)
  // (A row or two may show more, a narrow cell's characters set apart: 竹 / 泉 / 镇 beside the content.)
  const showMore = ranked.filter(([count]) => count > withAbove.length).reduce((sum, [, rows]) => sum + rows, 0);
  const byHeader = above !== undefined && stacksName && withAbove.length >= 5 && !counts.has(withAbove.length) && showMore * 2 < projects.length && !/^备/u.test(withAbove.at(-1)!.text);
  const columns =
    (aboveSure || byHeader ? withAbove.length : undefined) ??
    ranked.find(([count]) => count === headerColumns && count > ranked[0]![0])?.[0] ??
    (headerSure && ranked[0]![0] > headerColumns ? ranked.find(([count]) => count === headerColumns)?.[0] : undefined) ??
    (ranked[0]![0] > headerWidth ? ranked.find(([count]) => count === headerWidth)?.[0] : undefined) ??
    ranked[0]![0];
  // Rows over several lines (a table one row a line is another reader's).
  const split = projects.filter((row) => row.before.length + row.lines.length > 1).length;
  // Cells one space apart: a line of a row with two single spaces between its pieces.
  const oneSpaced = projects.filter((row) => row.lines.some((line) => (line.text.trim().match(/\S \S/gu) ?? []).length >= 2)).length;
  // Or cells set beside the middle of their row: its opening line holds the serial and the name's first words, not its other cells (a space-aligned table opens every cell on its first line).
  const centred = projects.filter((row) => tokensOf(row.lines[0]!.text).length <= columns - 2).length;
  // Or cells printed above the opening line (a serial set beside the middle of a name broken over lines).
  const lifted = projects.filter((row) => row.before.length > 0).length;
  if (columns < 4 || split * 2 < projects.length || (oneSpaced * 2 < projects.length && centred * 2 < projects.length && lifted * 2 < projects.length)) return undefined;
  // Of the rows' columns of that count, those most rows agree with: a count may be reached by
  // leaving out different columns (the remarks most rows leave empty, or a nature printed on a
  // line of its own), and the columns of the many are the table's.
  // How many rows have a column at a place, a place either way: counted once a row.
  const agreeing = new Map<number, number>();
  for (const candidates of anchorsOf) {
    const near = new Set(candidates.flat().flatMap((at) => [at - 1, at, at + 1]));
    for (const at of near) agreeing.set(at, (agreeing.get(at) ?? 0) + 1);
  }
  const support = (found: readonly number[]): number => found.reduce((sum, position) => sum + (agreeing.get(position) ?? 0), 0);
  const fullLength = anchorsOf.flat().filter((found) => found.length === columns);
  let anchors = byHeader ? withAbove.map((stack) => stack.start) : fullLength.reduce((best, found) => (support(found) > support(best) ? found : best));
  // A last column most rows leave empty (备注): the header's top line names one column more than
  // the rows show, the last of them right of the rows' last column.
  // (Its name may be wrapped in its column, 备 over 注.)
  const lastAnchor = anchors[anchors.length - 1]!;
  const lastTop = top[top.length - 1];
  // (备注 itself may stand nearer: the amounts under the money's header, set right, end where it starts.)
  const remarks = lastTop !== undefined && top.length === anchors.length + 1 && (lastTop.start > lastAnchor + 2 || (/^备/u.test(lastTop.text) && lastTop.start > lastAnchor)) && (headerNames(lastTop.text) === 1 || /^备/u.test(lastTop.text));
  // Or some rows show it: their columns are the others' and one more, right of the last.
  const longer = anchorsOf
    .flat()
    .filter((found) => found.length === columns + 1 && found.slice(0, columns).every((at, column) => Math.abs(at - anchors[column]!) <= 2) && found[columns]! > lastAnchor + 2)
    .map((found) => found[columns]!)
    .sort((a, b) => a - b);
  // (Never a column more than the header names, on one of its lines or in its stacks: a remark
  // printed in two pieces, 中央   预算, is one cell of a remarks column the rows show already.)
  const extra = anchors.length >= headerWidth ? undefined : longer.length > 0 ? longer[Math.floor(longer.length / 2)] : remarks ? lastTop.start : undefined;
  const withExtra = (found: number[]): number[] => (extra !== undefined && extra > found[found.length - 1]! ? [...found, extra] : found);
  anchors = withExtra(anchors);
  const tableAnchors = anchors;
  // The columns rows show in full, each once: those a row of too few columns of its own may take.
  const knownColumns = [...new Set(fullLength.map((found) => found.join()))].map((key) => withExtra(key.split(',').map(Number)));
  const header = layoutHeader(headerLines, anchors, above);
  // A header cell that names several columns: the rows' columns were not found (cells squeezed out of line), and a reading would put figures in the wrong cells.
  if (header.some((cell) => headerNames(cell) >= 3)) return undefined;
  const out: RawRow[] = [newRow(header, headerLines[0]!.line)];
  const nameAt = header.findIndex((cell) => /名称/u.test(squeeze(cell)));
  const kinds = columnKinds(header);
  // (Only under a header each of whose cells names one column: a row read by kind under a header
  // read wrong would look read, its content in a column of no name.)
  const retypable = header.every((cell, at) => (at === 0 ? /^序/u.test(squeeze(cell)) : headerNames(squeeze(cell)) === 1));
  // A row of its cells' pieces, each cell's joined as wrapped lines are.
  const madeRow = (cells: string[][], line: number): RawRow => {
    for (const pieces of cells) restoreLiftedEnd(pieces);
    // A name's head printed under the rest of it (性租赁住房新建工程 / 和坡县云山街道保障): first, as names open.
    const names = cells[nameAt];
    const head = opening === undefined || !names || names[0]?.startsWith(opening) ? -1 : names.findIndex((piece) => piece.startsWith(opening));
    if (head > 0) names!.unshift(...names!.splice(head, 1));
    const made = newRow(
      cells.map((pieces) => pieces.reduce((text, piece) => (text ? joinWrapped(text, piece) : piece), '')),
      line,
    );
    made.joined = cells.map((pieces) => pieces.length > 1);
    piecesOfRow.set(made, cells);
    return made;
  };
  const piecesOfRow = new Map<RawRow, string[][]>();
  for (const row of rows) {
    const first = tokensOf(row.lines[0]!.text);
    if (isShortRow([first[0]!.text])) {
      // Its amounts: one, or one for each money column (总投资 and “十四五”投资).
      const amounts: string[] = [];
      while (first.length > 1 && /^[0-9０-９.,，]+$/u.test(first[first.length - 1]!.text)) amounts.unshift(first.pop()!.text);
      out.push(newRow([first.map((token) => token.text).join(''), ...amounts], row.lines[0]!.line));
      continue;
    }
    // A row's own columns, unless they take the remarks' column for one of its others (a row
    // whose nature stands on its second line, beside the name's end, and a remark under it).
    const candidates = candidatesOf(row);
    const own = candidates.find((found) => found.length === columns && !(extra !== undefined && found[columns - 1]! >= extra - 2));
    const all = [...row.before, ...row.lines];
    // Or, when the table has remarks, its columns with one (a row past a page break, where the
    // character grid stands elsewhere: the columns of the rows before would not fit it).
    // The remark is words, and the column before it the amount.
    const pieces = (at: number): string[] => piecesAt(all, at, 1);
    const ownWithRemark =
      own || extra === undefined
        ? undefined
        : candidates.find(
            (found) =>
              found.length === columns + 1 &&
              found[columns]! > found[columns - 1]! + 2 &&
              pieces(found[columns]!).every((piece) => !/[0-9０-９]/u.test(piece)) &&
              pieces(found[columns - 1]!).some((piece) => AMOUNT_PIECE.test(piece)),
          );
    // Or the table's columns moved a few places as a whole, the serial's at the margin staying:
    // pdftotext lays each row out on its own, and a row whose name's first line is shorter may
    // stand further left (a row of cells centred in it, its own columns one short of the table's).
    const fits = (at: readonly number[]): boolean => candidates.some((found) => found.length >= at.length - 1 && found.every((start) => at.some((anchor) => Math.abs(anchor - start) <= 1)));
    const moved = (): number[] | undefined => {
      for (const shift of [-1, 1, -2, 2, -3, 3, -4, 4]) {
        const at = tableAnchors.map((anchor, column) => (column === 0 ? anchor : anchor + shift));
        if (fits(at)) return at;
      }
      return undefined;
    };
    // (Only for such a row, and when the columns of the row before do not fit it already.)
    const shifted = own || ownWithRemark || row.before.length === 0 || fits(anchors) ? undefined : moved();
    // Or, a row that shows too few columns of its own, the columns another row shows in full that
    // its pieces stand nearer (rows laid out a few places apart: years under one row's amounts).
    const nearest = own || ownWithRemark || shifted ? undefined : closestColumns(all, knownColumns, anchors);
    if (own) anchors = withExtra(own);
    else if (ownWithRemark) anchors = ownWithRemark;
    else if (shifted) anchors = shifted;
    else if (nearest) anchors = nearest;
    const cells = anchors.map(() => [] as string[]);
    // The row's widest line, where its cells open; a piece of a cell printed above it is the cell's own line before, or, when only then the cell ends as its column's cells end, a later line of it lifted by a change of font (康委 / 县卫生健).
    // (Each line's pieces, split once: the widest line, the placing and the reading by kind use them.)
    const lineTokens = all.map((line) => tokensOf(line.text));
    const widest = lineTokens.reduce((best, tokens, at) => (tokens.length > lineTokens[best]!.length ? at : best), 0);
    const above = anchors.map(() => [] as string[]);
    const placed = lineTokens.map((tokens) => alignPieces(anchors, tokens, true).map((column, at) => ({ column, text: tokens[at]!.text })));
    unswapOpening(placed, row.before.length, header);
    typedColumns(placed, header);
    placed.forEach((pieces, lineAt) => {
      for (const { column, text } of pieces) (lineAt < widest ? above : cells)[column]!.push(text);
    });
    cells.forEach((pieces, column) => {
      const lifted = above[column]!;
      const ending = CELL_ENDINGS.find(([name]) => name.test(squeeze(header[column] ?? '')))?.[1];
      const ends = (order: readonly string[]): boolean => ending?.test(order.join('')) === true;
      if (lifted.length > 0 && pieces.length > 0 && !ends([...lifted, ...pieces]) && ends([...pieces, ...lifted])) pieces.push(...lifted);
      else pieces.unshift(...lifted);
    });
    // A range's end year squeezed under the next column (2023- / 27800, then 2023 under the amount): the range's.
    const years = header.findIndex((name) => YEARS_HEADER.test(squeeze(name)));
    const range = cells[years];
    const beside = cells[years + 1];
    if (range && beside && beside.length > 1 && /[-—–~～〜至]$/u.test(range[range.length - 1] ?? '')) {
      const end = beside.findIndex((piece, at) => at > 0 && /^\d{4}$/u.test(piece));
      if (end > 0) range.push(...beside.splice(end, 1));
    }
    // Or its first year pushed there (2021- over the amount, 2023 under the years): the range's too.
    if (range && beside && range.length === 1 && /^\d{4}$/u.test(range[0]!)) {
      const start = beside.findIndex((piece) => YEAR_OPENING.test(piece));
      if (start >= 0) range.unshift(...beside.splice(start, 1));
    }
    // Or its two years printed the other way round (2023 over 2023-).
    if (range?.length === 2 && /^\d{4}$/u.test(range[0]!) && YEAR_OPENING.test(range[1]!)) range.reverse();
    // The amount under the remarks (2023- / 2024 under the amount, 24400 under 备注): a row laid out
    // a column right of the table's from its years on. A remark is words, never an amount alone.
    const money = header.findIndex((name) => MONEY_HEADER.test(squeeze(name)));
    const amount = cells[money];
    const remark = cells[money + 1];
    if (amount && remark && remark.length === 1 && AMOUNT_PIECE.test(remark[0]!) && /^备/u.test(squeeze(header[money + 1] ?? ''))) {
      const endYear = amount.length === 1 && /^\d{4}$/u.test(amount[0]!) && range !== undefined && money === years + 1 && /[-—–~～〜至]$/u.test(range.at(-1) ?? '');
      if (amount.length === 0 || endYear) {
        if (endYear) range!.push(amount.pop()!);
        amount.push(remark.pop()!);
      }
    }
    returnStraySite(cells, lineTokens, kinds, restated);
    const made = madeRow(cells, row.lines[0]!.line);
    // A row whose typed cells do not read as their kinds (a narrow column's piece where the next
    // column starts): read again by what its cells hold, when that reading reads (./typed-row.ts).
    if (retypable && !rowFits(kinds, made.cells)) {
      const retyped = retypeRow(lineTokens, anchors, kinds, row.before.length);
      if (retyped) {
        returnStraySite(retyped, lineTokens, kinds, restated);
        const again = madeRow(retyped, made.line);
        Object.assign(made, again);
        piecesOfRow.set(made, retyped);
      }
    }
    // A nature a character a line whose lines pdftotext printed out of order (改 / 建 / 扩): the nature whose characters they are.
    const nature = header.findIndex((name) => /性质/u.test(squeeze(name)));
    if (nature >= 0 && made.cells[nature]) made.cells[nature] = reorderedNature(made.cells[nature]!);
    out.push(made);
  }
  reorderByColumn(out.slice(1), piecesOfRow, restated);
  return { rows: out, next: index, dropped, spaced: true };
}

/**
 * A site's character that pdftotext printed on a line of its own, set by its own scale where the
 * content's column starts (和 / 岩 / 街 / 道, 岩 taken into …能力和水岩平。): it is the site's when
 * the content reads, as the rest of the document prints it, without it (水平 stands elsewhere, 水岩
 * and 岩平 nowhere) and the site then ends as places end. It goes where its line stands among the
 * site's lines, or the nearest place where the site so ends.
 */
function returnStraySite(cells: string[][], lineTokens: readonly (readonly Token[])[], kinds: readonly ColumnKind[], restated: Restated): void {
  const site = kinds.indexOf('site');
  const content = kinds.indexOf('content');
  if (site < 0 || content < 0) return;
  lineTokens.forEach((tokens, lineAt) => {
    if (tokens.length !== 1 || !/^\p{Script=Han}$/u.test(tokens[0]!.text)) return;
    const stray = tokens[0]!.text;
    const texts = cells[content]!;
    const at = texts.indexOf(stray);
    if (at <= 0 || at === texts.length - 1) return;
    // (The content's characters either side of it are printed together elsewhere, 水平; neither with it, 水岩 or 岩平.)
    const left = [...texts[at - 1]!].at(-1) ?? '';
    const right = [...texts[at + 1]!][0] ?? '';
    if (!restated.anywhere(`${left}${right}`) || restated.anywhere(`${left}${stray}`) || restated.anywhere(`${stray}${right}`)) return;
    // (Where its line stands among the site's lines, or the nearest place where the site then ends as places end.)
    const siteTexts = cells[site]!;
    let line = 0;
    const lineOf = siteTexts.map((piece) => {
      while (line < lineTokens.length && !lineTokens[line]!.some((token) => token.text === piece)) line += 1;
      return line;
    });
    const before = lineOf.filter((pieceLine) => pieceLine < lineAt).length;
    const places = Array.from({ length: siteTexts.length + 1 }, (_, place) => place).sort((a, b) => Math.abs(a - before) - Math.abs(b - before) || a - b);
    const place = places.find((candidate) => SITE_ENDING.test([...siteTexts.slice(0, candidate), stray, ...siteTexts.slice(candidate)].join('')));
    if (place === undefined) return;
    texts.splice(at, 1);
    siteTexts.splice(place, 0, stray);
  });
}

/**
 * A cell of several pieces whose lines pdftotext printed out of order (县住房 / 委 / 城乡建) reads
 * as the same column's cell of another row when its pieces are put in the order of that cell
 * (县住房城乡建委), or as the text before the table restates it (a box names the works of the
 * appendix: 石田县云坡 / 住院楼建设 / 街道中医院 / 项目 is 石田县云坡街道中医院住院楼建设项目): it
 * is given that order. Only when its own order reads as neither and exactly one other order does.
 */
function reorderByColumn(rows: readonly RawRow[], piecesOfRow: ReadonlyMap<RawRow, string[][]>, restated: Restated): void {
  const width = Math.max(0, ...rows.map((row) => row.cells.length));
  for (let column = 0; column < width; column += 1) {
    const seen = new Map<string, number>();
    for (const row of rows) {
      const text = row.cells[column];
      if (text) seen.set(text, (seen.get(text) ?? 0) + 1);
    }
    for (const row of rows) {
      const pieces = piecesOfRow.get(row)?.[column];
      const text = row.cells[column];
      if (!pieces || !text || pieces.length < 2 || pieces.length > 12 || seen.get(text)! > 1 || restated.holds(text)) continue;
      // (Only pieces of the cell as read: pieces read before the row was read again by kind may hold others.)
      if ([...text.replace(/\s+/gu, '')].sort().join('') !== [...pieces.join('').replace(/\s+/gu, '')].sort().join('')) continue;
      const known = (reading: string): boolean => seen.has(reading) || restated.holds(reading);
      // (Every order of a few pieces; of more, the orders with two pieces next to one another swapped.)
      const candidates = pieces.length <= 5 ? orders(pieces) : swapsOf(pieces);
      const readings = new Set(candidates.map((order) => order.reduce((joined, piece) => (joined ? joinWrapped(joined, piece) : piece), '')).filter((reading) => reading !== text && known(reading)));
      if (readings.size === 1) row.cells[column] = [...readings][0]!;
    }
  }
}

/** The pieces as they are, and with each two next to one another swapped. */
function swapsOf(pieces: readonly string[]): string[][] {
  return [[...pieces], ...pieces.slice(1).map((_, at) => [...pieces.slice(0, at), pieces[at + 1]!, pieces[at]!, ...pieces.slice(at + 2)])];
}

/** Every order of a few pieces. */
function orders(pieces: readonly string[]): string[][] {
  if (pieces.length <= 1) return [[...pieces]];
  return pieces.flatMap((piece, at) => orders([...pieces.slice(0, at), ...pieces.slice(at + 1)]).map((rest) => [piece, ...rest]));
}

/** A department's name as printed: the county's, the district's or the city's (县卫生健康委, 区教委). */
const DEPARTMENT_OPENING = /^[县区市州旗]/u;

/**
 * pdftotext may print the line of a row's serial (set beside the middle of the row) with the next
 * line's pieces of some columns, and their own line after it (院示 / 1 范性 printed as 1 范性 /
 * 院示; 2023- / 2024 as 2024 / 2023-; 县民 / 政局 as 政局 / 县民). When a column whose order shows
 * (a nature, a span of years, a department) reads only with the two lines the other way round,
 * each column that has pieces on both lines is put back; otherwise the lines stay as printed.
 */
function unswapOpening(placed: { column: number; text: string }[][], opening: number, header: readonly string[]): void {
  const serialLine = placed[opening];
  const next = placed[opening + 1];
  if (!serialLine || !next) return;
  const on = (pieces: readonly { column: number; text: string }[], column: number): string =>
    pieces
      .filter((piece) => piece.column === column)
      .map((piece) => piece.text)
      .join('');
  const cellOf = (column: number, swapped: boolean): string =>
    placed
      .map((pieces, at) => (swapped && at === opening ? on(next, column) : swapped && at === opening + 1 ? on(serialLine, column) : on(pieces, column)))
      .join('');
  const reads = (column: number, text: string): boolean => {
    const name = squeeze(header[column] ?? '');
    if (/性质/u.test(name)) return text.split(/或|、|\/|／/u).every((word) => NATURES.includes(word));
    if (YEARS_HEADER.test(name)) return /^\d{4}\s*[-—–~～〜至]\s*\d{4}$/u.test(text);
    if (/部门|单位/u.test(name)) return text.split('、').every((department) => DEPARTMENT_OPENING.test(department));
    return true;
  };
  const columns = [...new Set(serialLine.map((piece) => piece.column))].filter((column) => column > 0 && next.some((piece) => piece.column === column));
  const shows = columns.some((column) => !reads(column, cellOf(column, false)) && reads(column, cellOf(column, true)));
  if (!shows) return;
  const moving = new Set(columns);
  const fromSerial = serialLine.filter((piece) => moving.has(piece.column));
  const fromNext = next.filter((piece) => moving.has(piece.column));
  placed[opening] = [...serialLine.filter((piece) => !moving.has(piece.column)), ...fromNext].sort((a, b) => a.column - b.column);
  placed[opening + 1] = [...next.filter((piece) => !moving.has(piece.column)), ...fromSerial].sort((a, b) => a.column - b.column);
}

/** A span of years or its opening (2021-2025, 2021-), as a years cell prints it. */
const YEARS_PIECE = /^\d{4}\s*[-—–~～〜至]\s*(?:\d{4})?$/u;
/** A year alone (2021): a years cell's end, or an amount that reads as a year. */
const YEAR_ALONE = /^(?:19|20)\d{2}$/u;
/** A money header that names the period's share of the investment (其中：“十四五”投资). */
const SHARE_HEADER = /其中|十四五|期间|年度|当年/u;

/**
 * The pieces right of a row's content by what they are, not where they stand: pdftotext sets
 * each line by its own scale, and a line with a long run of content stands its later cells
 * several places left of the others' (2021 under the content, 15200 under the years, 生健 under
 * the amount). With one years column and one money column right of the content (or two: the
 * whole and its share), a span of years goes to the years, an amount to the money column (of two
 * amounts, the larger to the whole), and words under either to the column of words beside them
 * (the department, the remarks). A year alone is an amount where it stands under the money, and
 * the years' end where it stands in the content after the line's text there, under the years, or
 * before an amount on its line.
 */
function typedColumns(placed: { column: number; text: string }[][], header: readonly string[]): void {
  const names = header.map(squeeze);
  const content = names.findIndex((name) => /内容|规模/u.test(name));
  const years = names.findIndex((name, at) => at > content && YEARS_HEADER.test(name));
  const money = names.flatMap((name, at) => (at > content && MONEY_HEADER.test(name) ? [at] : []));
  // Two money columns: the whole investment and the period's share of it (其中：“十四五”投资), which is never the larger.
  const share = money.length === 2 ? money.find((at) => SHARE_HEADER.test(names[at]!)) : undefined;
  const total = money.length === 1 ? money[0] : share === undefined ? undefined : money.find((at) => at !== share);
  if (content < 0 || years < 0 || total === undefined) return;
  const words = names.flatMap((_, at) => (at > content && at !== years && !money.includes(at) ? [at] : []));
  const wordsAt = words.find((at) => at > total) ?? words.at(-1);
  const amounts: { column: number; text: string }[] = [];
  for (const pieces of placed) {
    // (A piece in the content column only after the line's text there: a narrow content may wrap a figure onto a line of its own.)
    const text = pieces.findIndex((piece) => piece.column === content && !AMOUNT_PIECE.test(piece.text) && !YEARS_PIECE.test(piece.text));
    pieces.forEach((piece, at) => {
      if (piece.column < content || (piece.column === content && (text < 0 || at < text))) return;
      if (YEARS_PIECE.test(piece.text)) piece.column = years;
      else if (YEAR_ALONE.test(piece.text) && (piece.column === content || piece.column === years || (!money.includes(piece.column) && AMOUNT_PIECE.test(pieces[at + 1]?.text ?? '')))) piece.column = years;
      else if (YEAR_ALONE.test(piece.text) && !money.includes(piece.column)) return;
      else if (AMOUNT_PIECE.test(piece.text)) {
        if (share === undefined) piece.column = total;
        else amounts.push(piece);
      } else if (/\p{Script=Han}/u.test(piece.text) && (piece.column === years || money.includes(piece.column)) && wordsAt !== undefined) piece.column = wordsAt;
    });
  }
  // A year under the money where the row shows a range's opening and one amount more than it has
  // money columns: the range's end, pushed right (2023- / 7700, then 2023 / 4620).
  const cells = placed.flat();
  const opened = cells.filter((piece) => piece.column === years).map((piece) => piece.text).join('');
  // (The amounts counted wherever they stand right of the content: the last may have gone on under 备注.)
  const figures = cells.filter((piece) => piece.column > content && piece.column !== years && AMOUNT_PIECE.test(piece.text));
  const end = figures.find((piece) => money.includes(piece.column) && YEAR_ALONE.test(piece.text));
  if (end && YEAR_OPENING.test(opened) && figures.length > money.length) {
    end.column = years;
    amounts.splice(amounts.indexOf(end), amounts.includes(end) ? 1 : 0);
  }
  // The row's two amounts, wherever they stand: the larger is the whole, the other its share.
  const [first, second] = amounts.map((piece) => ({ piece, value: parseDecimal(asciiDigits(piece.text).replace(/[,，]/gu, '')) }));
  if (amounts.length !== 2 || !first?.value || !second?.value || share === undefined) return;
  const firstWhole = compare(first.value, second.value) >= 0;
  (firstWhole ? first : second).piece.column = total;
  (firstWhole ? second : first).piece.column = share;
}

/** A sentence's last characters glued before the line they close (张。㎡，新增床位290): a short end of a sentence and what follows it, with no space. */
const LIFTED_END = /^([^\s\d。；，]{1,4}[。；])(\D\S*)$/u;

/**
 * Puts back a cell's last line that pdftotext set before the line above it, run into it with no
 * space (新建建筑面积16400 / 张。㎡，新增床位290, the end of a sentence lifted by a change of font):
 * the line it runs into continues a number, and the cell ends nowhere else.
 */
function restoreLiftedEnd(pieces: string[]): void {
  if (pieces.length < 2 || (SENTENCE_END.test(pieces.at(-1)!) && !LIFTED_END.test(pieces.at(-1)!))) return;
  for (let at = 1; at < pieces.length; at += 1) {
    const lifted = LIFTED_END.exec(pieces[at]!);
    if (!lifted || !/[0-9０-９]$/u.test(pieces[at - 1]!)) continue;
    pieces[at] = lifted[2]!;
    pieces.push(lifted[1]!);
    return;
  }
}

/** A header of short words one space apart: 序号 first (or after a 类别 column), and a word only a table's header has. */
const TOKEN_HEADER_WORD = /年$|单位|属性|指标|名称|投资|部门|性质|地址|年限/u;

/**
 * A table printed one row a line with its cells one space apart (pdftotext -layout of a table
 * whose columns are narrow): the header's words give the columns, and a row is a line of as many
 * words that opens with a serial, or a part or total line. Read only as far as every row fits.
 */
function readTokenTable(lines: readonly Line[], start: number): ReadTable | undefined {
  const words = (text: string): string[] => text.trim().split(/\s+/u);
  const header = words(lines[start]!.text);
  // A label merged down its rows may stand before the serials (类别 序号 …): printed on a category's first row only.
  const lead = CATEGORY_HEADER.test(header[0]!) && header[1] === '序号' ? 1 : 0;
  if (header.length < 4 || header[lead] !== '序号' || header.some((word) => [...word].length > 8) || !header.slice(1).some((word) => TOKEN_HEADER_WORD.test(word))) return undefined;
  const rows: RawRow[] = [newRow(header, lines[start]!.line)];
  let serial = 0;
  let index = start + 1;
  const headerKey = header.join('');
  /**
   * Whether the next line that is not blank (nor the header printed again after a page break, nor
   * the row of a category opening there: 三、就业创业服务) opens with the serial after the last row's.
   */
  const nextOpensRow = (from: number): boolean => {
    let after = from + 1;
    const passed = (text: string): boolean => isBlank(text) || words(text).join('') === headerKey || (words(text).length <= 2 && PART_ROW.test(text.trim()));
    while (after < lines.length && passed(lines[after]!.text)) after += 1;
    const opening = after < lines.length ? words(lines[after]!.text).slice(0, lead + 1) : [];
    return opening.some((word) => word === String(serial + 1) || gluedSerials(word, serial + 1) > 0);
  };
  /** Category labels printed on lines of their own (a merged cell set apart from its rows' lines), with the lines of the rows' labels. */
  const labels: CategoryLabel[] = [];
  const dropped: Dropped[] = [];
  for (; index < lines.length; index += 1) {
    const { text, line } = lines[index]!;
    if (isBlank(text)) {
      // A blank line inside the table (a taller row's cells ended) when the row after it opens with the next serial.
      if (nextOpensRow(index)) continue;
      break;
    }
    if (headingOf(text)) break;
    const cells = words(text);
    // The header printed again at the top of a page.
    if (cells.join('') === headerKey) {
      dropped.push({ text: text.trim(), place: place(line), why: 'repeated-header-row' });
      continue;
    }
    if (lead === 1 && cells.length === 1 && isCategoryLabel(cells[0]!) && nextOpensRow(index)) {
      labels.push({ text: cells[0]!, line, alone: true });
      continue;
    }
    if (lead === 1) {
      const labelled = cells.length >= 2 && /^\d+$/u.test(cells[1]!) && !/^\d+$/u.test(cells[0]!);
      if (labelled) labels.push({ text: cells[0]!, line, alone: false });
      const stacked = stackedRows(lines, index, labelled ? cells : ['', ...cells], serial + 1, header.length);
      if (stacked === null) return undefined;
      if (stacked) {
        rows.push(...stacked.rows);
        serial += stacked.rows.length;
        index = stacked.last;
        continue;
      }
      if (!labelled && cells.length === header.length - 1 && /^\d+$/u.test(cells[0]!)) cells.unshift('');
    }
    if (cells.length === header.length && /^\d+$/u.test(cells[lead]!)) {
      rows.push(newRow(cells, line));
      serial = Number(cells[lead]);
    }
    else if (cells.length <= 2 && (PART_ROW.test(cells[0]!) || TOTAL_ROW.test(cells[0]!))) rows.push(newRow(cells, line));
    else break;
  }
  if (!rows.slice(1).some((row) => row.cells.length === header.length)) return undefined;
  if (labels.some((label) => label.alone)) placeCategories(rows.slice(1).filter((row) => row.cells.length === header.length), labels);
  return { rows, next: index, dropped };
}

/** A category's label as printed: a line of its own or the first cell of a row's line. */
interface CategoryLabel {
  readonly text: string;
  readonly line: number;
  readonly alone: boolean;
}

/** A word that may be a category merged down its rows: a few characters, not a figure, a part or a total. */
const isCategoryLabel = (word: string): boolean => [...word].length <= 8 && !/[0-9]/u.test(word) && !PART_ROW.test(word) && !TOTAL_ROW.test(word) && !STACKED_VALUE.test(word);

/**
 * Gives the rows of a table their categories when some labels stand on lines of their own. A
 * reader that follows the drawing (pdftotext -raw) prints a merged cell before its first row: a
 * label before the first row says so, and each label opens the row after it. A reader that follows
 * the page (pdftotext -layout) prints it at the middle of its rows, between two of them or on the
 * middle one's line: each category then takes, from the row after the last category's, the rows
 * whose middle is nearest its label, and the last takes the rest.
 */
function placeCategories(rows: readonly RawRow[], labels: readonly CategoryLabel[]): void {
  if (rows.length === 0) return;
  for (const row of rows) row.cells[0] = '';
  if (labels[0]!.line < rows[0]!.line) {
    for (const label of labels) {
      const row = rows.find((candidate) => candidate.line >= label.line);
      if (row) row.cells[0] = label.text;
    }
    return;
  }
  // A row spans the lines from its own to the one before the next row's.
  const bottom = (at: number): number => (at + 1 < rows.length ? rows[at + 1]!.line - 1 : rows[at]!.line);
  let first = 0;
  labels.forEach((label, at) => {
    if (first >= rows.length) return;
    rows[first]!.cells[0] = label.text;
    if (at === labels.length - 1) return;
    // Leave a row for each label still to come.
    const lastPossible = rows.length - (labels.length - at);
    let end = first;
    for (let candidate = first; candidate <= lastPossible; candidate += 1) {
      const middle = (rows[first]!.line + bottom(candidate)) / 2;
      if (Math.abs(middle - label.line) < Math.abs((rows[first]!.line + bottom(end)) / 2 - label.line)) end = candidate;
    }
    first = end + 1;
  });
}

/** A cell after an indicator's name and unit: a figure, a dash or the attribute. */
const STACKED_VALUE = /^([-+]?[0-9.,]+%?|[—–-]+|预期性|约束性)$/u;

/** How many serials from `next` on are printed together as `text` (1213 for 12 and 13); 0 unless two or more. */
function gluedSerials(text: string, next: number): number {
  let glued = '';
  for (let count = 0; glued.length < text.length; count += 1) {
    glued += String(next + count);
    if (glued === text) return count >= 1 ? count + 1 : 0;
  }
  return 0;
}

/**
 * The rows of one category of a table whose category is merged down its rows, as pdftotext
 * -layout gives them when the merged cell stands beside the middle of its rows: its serials
 * printed together on the category's line (病有所医 12 …), then the rows' names and the rest of
 * their cells on the lines under it, in order. `cells` is the category's line, label first.
 * Undefined when the line prints no such serials; null when it does and the rows under it do not
 * share out one name and one set of cells a serial (the table is then not read at all).
 */
function stackedRows(lines: readonly Line[], index: number, cells: readonly string[], next: number, width: number): { rows: RawRow[]; last: number } | null | undefined {
  const count = gluedSerials(cells[1] ?? '', next);
  if (count === 0) return undefined;
  // The cells after the name: the unit, the values, the attribute.
  const after = width - 3;
  const byColumn = stackedByColumn(lines, index, count, after);
  if (byColumn) return { rows: byColumn.names.map((name, at) => newRow([at === 0 ? cells[0]! : '', String(next + at), name.text, ...byColumn.rest[at]!], name.line)), last: byColumn.last };
  const names: { text: string; line: number }[] = [];
  const rest: string[][] = [];
  const share = (pieces: readonly string[], line: number): void => {
    if (pieces.length === 0) return;
    // A cell printed lower than the rest of its row (the attribute of a taller row) completes the first row still short of it.
    const short = rest.find((cells) => cells.length < after);
    if (short !== undefined && pieces.every((piece) => STACKED_VALUE.test(piece)) && short.length + pieces.length <= after) {
      short.push(...pieces);
      return;
    }
    // A name with its unit and values but not its attribute, printed lower (养老机构护理型床位占比 % 38 41):
    // a name, then a short row the lower cell completes.
    if (pieces.length === after && [...pieces[0]!].length >= 4 && !STACKED_VALUE.test(pieces[0]!) && [...pieces[1]!].length <= 3 && !STACKED_VALUE.test(pieces[1]!) && pieces.slice(2).every((piece) => STACKED_VALUE.test(piece))) {
      names.push({ text: pieces[0]!, line });
      rest.push(pieces.slice(1));
      return;
    }
    if (pieces.length >= after + 1) names.push({ text: pieces.slice(0, pieces.length - after).join(''), line });
    if (pieces.length >= after) rest.push(pieces.slice(-after));
    else if (pieces.length >= 2 && pieces.slice(1).every((piece) => STACKED_VALUE.test(piece))) rest.push([...pieces]);
    else names.push({ text: pieces.join(''), line });
  };
  share(cells.slice(2), lines[index]!.line);
  let last = index;
  for (let at = index + 1; at < lines.length; at += 1) {
    const text = lines[at]!.text;
    if (isBlank(text) || headingOf(text)) break;
    const pieces = text.trim().split(/\s+/u);
    // The next row or category opens with the serial after these.
    const serial = /^\d+$/u.test(pieces[0]!) ? pieces[0]! : /^\d+$/u.test(pieces[1] ?? '') ? pieces[1]! : undefined;
    if (serial !== undefined && (Number(serial) === next + count || gluedSerials(serial, next + count) > 0)) break;
    if (PART_ROW.test(pieces[0]!) || TOTAL_ROW.test(pieces[0]!)) break;
    share(pieces, lines[at]!.line);
    last = at;
    if (names.length >= count && rest.length >= count && rest.every((cells) => cells.length === after)) break;
  }
  if (names.length !== count || rest.length !== count || rest.some((cells) => cells.length !== after)) return null;
  const rows = names.map((name, at) => newRow([at === 0 ? cells[0]! : '', String(next + at), name.text, ...rest[at]!], name.line));
  return { rows, last };
}

/**
 * The rows of a merged category whose cells pdftotext -layout printed a column at a time (the
 * units and base values of its rows, then their targets, then their attributes, each on lines of
 * their own): a line whose first piece stands at the names' place opens with a name; every other
 * piece is a cell, in the column its place gives. Read only when the places fall into as many
 * columns as the cells after the name, each with a cell a row.
 */
function stackedByColumn(lines: readonly Line[], index: number, count: number, after: number): { names: { text: string; line: number }[]; rest: string[][]; last: number } | undefined {
  const opening = tokensOf(lines[index]!.text);
  const name = opening[2];
  if (!name) return undefined;
  const names = [{ text: name.text, line: lines[index]!.line }];
  const cells: Token[] = opening.slice(3);
  // The cells' texts a line, in reading order.
  const cellLines: string[][] = [cells.map((cell) => cell.text)];
  let last = index;
  for (let at = index + 1; at < lines.length; at += 1) {
    const text = lines[at]!.text;
    if (isBlank(text) || headingOf(text)) break;
    const tokens = tokensOf(text);
    // A line at the margin: the next category, a row, prose.
    if (tokens[0]!.start < name.start - 2) break;
    if (Math.abs(tokens[0]!.start - name.start) <= 2) names.push({ text: tokens.shift()!.text, line: lines[at]!.line });
    cells.push(...tokens);
    cellLines.push(tokens.map((token) => token.text));
    last = at;
  }
  if (names.length !== count) return undefined;
  // Places a character apart are one column.
  const columns = startGroups([...new Set(cells.map((cell) => cell.start))]);
  const byColumn = columns.length === after ? columns.map((group) => cells.filter((cell) => group.includes(cell.start)).map((cell) => cell.text)) : undefined;
  const rest = byColumn?.every((column) => column.length === count) ? names.map((_, row) => byColumn.map((column) => column[row]!)) : indicatorCells(cellLines, count, after);
  return rest ? { names, rest, last } : undefined;
}

/**
 * An indicator category's cells after the names (unit, base, target, attribute) by what each
 * is, when their places do not show their columns (a long name pushed a row's unit and base to
 * the right): the units, the attributes and the figures each in reading order, the figures one a
 * line (every row's base, then every row's target).
 */
function indicatorCells(lines: readonly (readonly string[])[], count: number, after: number): string[][] | undefined {
  if (after !== 4) return undefined;
  const figure = (text: string): boolean => /^([-+]?[0-9.,]+%?|[—–-]+)$/u.test(text);
  const attribute = (text: string): boolean => /^(预期性|约束性)$/u.test(text);
  const units = lines.flat().filter((text) => !figure(text) && !attribute(text));
  const attributes = lines.flat().filter(attribute);
  const figures = lines.map((line) => line.filter(figure)).filter((line) => line.length > 0);
  if (units.length !== count || attributes.length !== count || figures.flat().length !== 2 * count) return undefined;
  // (Two a line are a row's own cells: the rows are read a line at a time, by stackedRows.)
  if (!figures.every((line) => line.length === 1)) return undefined;
  return units.map((unit, row) => [unit, figures[row]![0]!, figures[count + row]![0]!, attributes[row]!]);
}

/** Puts pieces of a line into the row's cells by the column each stands under (the last that starts at or before it); a cell already begun goes on. */
function placeByColumn(row: RawRow, fragments: readonly Fragment[], columns: readonly number[]): void {
  for (const fragment of fragments) {
    let at = 0;
    columns.forEach((start, index) => {
      if (start <= fragment.start + 1) at = index;
    });
    while (row.cells.length <= at) {
      row.cells.push('');
      row.joined.push(false);
    }
    if (row.cells[at]!.length > 0) {
      row.cells[at] = joinWrapped(row.cells[at]!, fragment.text);
      row.joined[at] = true;
    } else row.cells[at] = fragment.text;
  }
}


/** What a column's cells look like, from its header: a cell of a typed column is one line that matches. */
const COLUMN_KINDS: readonly (readonly [RegExp, RegExp])[] = [
  [YEARS_HEADER, YEARS_CELL],
  [/投资|金额|万元/u, AMOUNT_PIECE],
  [/性质/u, /^(新建|改建|改扩建|续建|在建)([或、/／](新建|改建|改扩建|续建|在建))*$/u],
  [/属性/u, /^(预期性|约束性)$/u],
  // An indicator's unit (单位, 计量单位), not the unit responsible for a project (责任单位).
  [/^(计量)?单位$/u, /^\S{1,6}$/u],
  [/^\d{4}年?$/u, /^\S{1,12}$/u],
];

/** Text columns with a likely shape: the first line of a responsible department opens with a level of government or ends with an office. */
const TEXT_HINTS: readonly (readonly [RegExp, RegExp])[] = [[/部门|责任单位|主体/u, /^(县|市|区|州|旗|镇|乡|街道)|(委|局|办|府|院|中心|公司)$/u]];

/** Text columns with a likely end: a project's name. */
const TEXT_ENDINGS: readonly (readonly [RegExp, RegExp])[] = [[/项目名称|工程名称|^名称$/u, NAME_ENDING]];

/** How the cells of a column end: a name as works are named, a responsible department as an office is (…委, …局, …办). */
const CELL_ENDINGS: readonly (readonly [RegExp, RegExp])[] = [
  ...TEXT_ENDINGS,
  [/部门|责任单位|主体/u, DEPARTMENT_ENDING],
  // A site ends as places are named (…街道, …镇); a period with both its years.
  [/地址|地点|选址/u, SITE_ENDING],
  [/年限|起止|期限/u, /^\d{4}\s*[-—–~～〜至]\s*\d{4}年?$/u],
];

/**
 * A table printed one cell a line with nothing to say which line is a cell (pdftotext without
 * -layout): the header's short lines give the columns, a serial, a part or a total starts a row,
 * and each row's lines are shared out among its columns so that the typed columns (years,
 * amounts, 新建/改建, 预期性/约束性) each take one line that fits, and a text column carries on
 * over the lines that fill the width, breaking after a short one.
 */
function readCellLines(lines: readonly Line[], start: number, serialBefore = 0, skip: ReadonlySet<number> = new Set()): ReadTable | undefined {
  const header: string[] = [];
  const repeated: Dropped[] = [];
  // The same table printed with its columns aligned by spaces on a later page: where the header printed so starts each column, and the row such lines carry on.
  let columns: number[] | undefined;
  let index = start;
  for (; index < lines.length; index += 1) {
    if (skip.has(index)) continue;
    const text = lines[index]!.text.trim();
    if (text.length === 0 || startsRow(text) || headingOf(text)) break;
    // Under a header that opens with a column of sections (类别), a label that names no column and
    // stands over the first serial (学有所教 / 1) is the first section's: the header has ended.
    const below = lines.slice(index + 1).find((next) => !isBlank(next.text))?.text.trim() ?? '';
    if (header.length > 0 && CATEGORY_HEADER.test(squeeze(header[0]!)) && headerNames(text) === 0 && isCategoryLabel(text) && /^\d+$/u.test(asciiDigits(below))) break;
    // The header cut by a page break and printed whole with tabs on the next page: that is the header.
    const tabbed = text.split('\t').map((cell) => cell.trim());
    if (tabbed.length >= 3 && squeeze(tabbed.join('')).startsWith(squeeze(header.join('')))) {
      repeated.push({ text: tabbed.join(' '), place: place(lines[index]!.line), why: 'repeated-header-row' });
      header.splice(0, header.length, ...tabbed);
      continue;
    }
    // Or whole with its columns aligned by spaces: that is the header, and where its columns start.
    const fragments = fragmentsOf(lines[index]!.text);
    if (header.length > 0 && fragments.length >= 3 && squeeze(text).startsWith(squeeze(header.join('')))) {
      repeated.push({ text, place: place(lines[index]!.line), why: 'repeated-header-row' });
      header.splice(0, header.length, ...fragments.map((fragment) => fragment.text));
      columns = fragments.map((fragment) => fragment.start);
      continue;
    }
    // A header cut by a page break is printed again on the next page: a column is named once.
    if (header.some((cell) => squeeze(cell) === squeeze(text))) {
      repeated.push({ text, place: place(lines[index]!.line), why: 'repeated-header-row' });
      continue;
    }
    if (/^[（(]/u.test(text) && header.length > 0) header[header.length - 1] += text;
    // (A header cell is short; a money column's may be longer: “十四五”计划投资（万元）.)
    else if (([...text].length <= 12 || ([...text].length <= 20 && /投资|金额/u.test(text))) && !/[。；]/u.test(text)) header.push(text);
    else return undefined;
  }
  if (header.length < 3 || !header.some((cell) => /序号|名称|指标/u.test(cell))) return undefined;
  const kinds = header.map((cell) => COLUMN_KINDS.find(([name]) => name.test(cell.replace(/\s+/g, '')))?.[1]);
  const hints = header.map((cell) => TEXT_HINTS.find(([name]) => name.test(cell.replace(/\s+/g, '')))?.[1]);
  // A first column that names the sections (类别 序号 …): a row's cells start after it, its label a row of its own before the section's first.
  const category = CATEGORY_HEADER.test(squeeze(header[0]!)) && /序/u.test(header[1] ?? '');
  const lead = category ? 2 : 1;
  const rows: RawRow[] = [newRow(header, lines[start]!.line)];
  const dropped: Dropped[] = [...repeated];
  let current: { first: Line; rest: Line[] } | undefined;
  let serial = serialBefore;
  let spaced: RawRow | undefined;
  /** Where the cells of the row aligned by spaces start, when its first line has them all: its wrapped cells go on under them. */
  let spacedStarts: number[] | undefined;
  const close = (): void => {
    if (!current) return;
    const first = current.first.text.trim();
    if (isShortRow([first])) {
      rows.push(newRow([first, ...current.rest.map((line) => line.text.trim())], current.first.line));
    } else {
      const row = shareOut(first, current.rest.map((line) => line.text.trim()), kinds.slice(lead), hints.slice(lead), current.first.line);
      // (Under a first column that names the sections, its cell left empty: the row's cells stand under the header's, as a row aligned by spaces or tabs of the same table does.)
      rows.push(category ? { ...row, cells: ['', ...row.cells], joined: [false, ...row.joined] } : row);
    }
    current = undefined;
  };
  /** A blank line stood just before this one: it may close the row before (a remark left empty). */
  let afterBlank = false;
  /** The header printed again stood just before this line: it may close the row before too, a remark left empty at the page's foot. */
  let afterHeader = false;
  for (; index < lines.length; index += 1) {
    const line = lines[index]!;
    const text = line.text.trim();
    if (text.length === 0 || skip.has(index)) {
      afterBlank ||= text.length === 0;
      continue;
    }
    const closedByBlank = afterBlank;
    afterBlank = false;
    if (headingOf(text) || /^注[:：]/u.test(text)) break;
    // The header printed again one cell a line at the top of a later page: dropped, a row cut by the page goes on after it.
    const again = squeeze(text) === squeeze(header[0]!) ? headerAgain(lines, index, header) : undefined;
    if (again) {
      dropped.push(...again.dropped);
      index = again.last;
      afterHeader = true;
      continue;
    }
    const closedByHeader = afterHeader;
    afterHeader = false;
    const fragments = fragmentsOf(line.text);
    if (fragments.length >= 2 && squeeze(text) === squeeze(header.join(''))) {
      dropped.push({ text, place: place(line.line), why: 'repeated-header-row' });
      columns = fragments.map((fragment) => fragment.start);
      continue;
    }
    if (columns && !line.text.includes('\t')) {
      // (In a table whose first column names the sections, a row opens with its label there, or with its serial in the next.)
      const labelled = category && fragments.length >= 3 && isCategoryLabel(fragments[0]!.text) && /^\d+$/u.test(asciiDigits(fragments[1]!.text));
      const opensSpaced = fragments.length >= 2 && (startsRow(fragments[0]!.text) || labelled) && fragments[0]!.start < columns[lead]!;
      const carriesOn = spaced !== undefined && current === undefined && fragments[0]!.start >= columns[lead]! - 1;
      if (opensSpaced || carriesOn) {
        if (opensSpaced) {
          close();
          spaced = newRow([], line.line);
          rows.push(spaced);
          spacedStarts = fragments.length === header.length ? fragments.map((fragment) => fragment.start) : undefined;
          const serialCell = asciiDigits(fragments.find((fragment) => /^[0-9０-９]+$/u.test(fragment.text))?.text ?? '');
          if (/^\d+$/u.test(serialCell) && fragments.findIndex((fragment) => fragment.text === serialCell) < lead) serial = Number(serialCell);
        }
        // (A section's row takes its pieces in order; a project's row under its section's label, 二、病有所医 7 …, by column, its wrapped lines too.)
        const opening = spaced!.cells.length > 0 ? spaced!.cells : fragments.map((fragment) => fragment.text);
        const underLabel = category && !TOTAL_ROW.test(opening[0] ?? '') && /^\d{1,3}$/u.test(asciiDigits(opening[1] ?? ''));
        if (!underLabel && isShortRow([spaced!.cells[0] ?? fragments[0]!.text])) for (const fragment of fragments) spaced!.cells.push(fragment.text);
        else placeByColumn(spaced!, fragments, opensSpaced ? columns : (spacedStarts ?? columns));
        spaced!.joined = spaced!.cells.map((_, at) => spaced!.joined[at] ?? false);
        continue;
      }
    }
    // The same table printed with tabs on a later page: the header again is dropped (a row cut by the page goes on after it, in its layout), a row is whole.
    const tabbed = text.split('\t').map((cell) => cell.trim());
    if (tabbed.length >= 2 && squeeze(tabbed.join('')) === squeeze(header.join(''))) {
      dropped.push({ text: tabbed.join(' '), place: place(line.line), why: 'repeated-header-row' });
      continue;
    }
    spaced = undefined;
    if (tabbed.length >= 2) {
      close();
      // (Under a first column that names the sections, a row that leaves it empty opens with a tab:
      // that empty cell is kept, and the serial stands in the second.)
      const cells = category && line.text.startsWith('\t') ? line.text.trimEnd().split('\t').map((cell) => cell.trim()) : tabbed;
      const serialCell = asciiDigits(cells[category ? 1 : 0] ?? '');
      if (/^\d+$/u.test(serialCell)) serial = Number(serialCell);
      rows.push(newRow(cells, line.line));
      continue;
    }
    const number = /^\d+$/u.test(asciiDigits(text)) ? Number(asciiDigits(text)) : undefined;
    // A section's label (住有所居) on a line of its own before its first row's serial.
    const following = lines.slice(index + 1).find((next) => !isBlank(next.text))?.text.trim() ?? '';
    // (Only after a row that has all its cells, or a total's: else it is the row's last cell, a department.)
    const complete = current === undefined || isShortRow([current.first.text.trim()]) || current.rest.length >= header.length - lead;
    if (category && complete && number === undefined && /^[^\s\d]{2,8}$/u.test(text) && isCategoryLabel(text) && /^\d+$/u.test(asciiDigits(following)) && [serial + 1, 1].includes(Number(asciiDigits(following)))) {
      close();
      rows.push(newRow([text], line.line));
      continue;
    }
    // A serial is the next one, or one a little further (a serial skipped) after a row that has all its cells and before a name; any other number is a cell (an amount, a year).
    const nextText = lines.slice(index + 1).find((next) => !isBlank(next.text))?.text.trim() ?? '';
    // (A part's or total's row is whole as it is: its amount, when it has one, is on its own line or
    // the next; so is the row before this reading, printed in another layout before the page break.)
    const whole =
      current === undefined ? serialBefore > 0 : current.rest.length >= header.length - lead || ((closedByBlank || closedByHeader) && current.rest.length >= header.length - lead - 1) || isShortRow([current.first.text.trim()]);
    const skipped = number !== undefined && number > serial + 1 && number <= serial + 5 && whole && /^\D/u.test(asciiDigits(nextText));
    // A table that numbers its projects section by section opens each section's first row with 1 again.
    // (Or under a section's label, a row of its own in a table whose first column names the sections.)
    const underLabel = current === undefined && category && rows.length > 1 && rows[rows.length - 1]!.cells.length === 1;
    // (Or the first row after the header printed again, numbered 1 though rows came before: a table
    // numbered section by section whose page ended on a part's row, 一、… / （一）….)
    const afterPart = current === undefined && rows.length === 1 && serialBefore > 0;
    const restarted = number === 1 && ((current !== undefined && PART_ROW.test(asciiDigits(current.first.text.trim()))) || underLabel || afterPart) && /^\D/u.test(asciiDigits(nextText));
    const opens = number !== undefined ? number === serial + 1 || skipped || restarted : startsRow(text) && isShortRow([text]);
    if (opens) {
      close();
      if (number !== undefined) serial = number;
      current = { first: line, rest: [] };
    } else if (current) current.rest.push(line);
    else return undefined;
  }
  close();
  if (rows.length < 2) return undefined;
  return { rows, next: index, dropped, spaced: true, skipped: skip };
}

/** What a header cell names: a cell that names exactly one of these is whole. */
const HEADER_NAMES: readonly RegExp[] = [/序号/u, /名称|指标/u, /部门|单位|主体|业主/u, /性质|属性/u, /地址|地点|选址/u, /内容|规模/u, /年限|年份|起止|期限|周期|时间/u, /投资|金额|万元/u, /备注/u, /\d{4}年/u];

/** Whether a header's word is cut between the end of one text and the start of the next (建设起 / 止年限). */
function cutWord(before: string, after: string): boolean {
  const end = [...before].slice(-2).join('');
  const start = [...after].slice(0, 2).join('');
  return HEADER_WORDS.some((word) => `${end}${start}`.includes(word) && !end.includes(word) && !start.includes(word));
}

/** Whether two texts of a header name one thing alike (投资估 and 计划投资 both name the money). */
const sameNames = (a: string, b: string): boolean => HEADER_NAMES.some((name) => name.test(a.replace(/指标属性/u, '属性')) && name.test(b.replace(/指标属性/u, '属性')));

/** How many of the things a header names a text names (指标属性 names the attribute only). */
export const headerNames = (text: string): number => {
  const named = text.replace(/指标属性/u, '属性');
  return HEADER_NAMES.filter((name) => name.test(named)).length;
};

/** What opens many columns' names and names nothing alone: 建设(性质), 项目(名称), 责任(部门), 主要(建设内容), 计划(总投资). */
const HEADER_OPENERS = /^(建设|项目|责任|主要|计划|总|所在|实施|其中|“十[一二三四五六七八九]?五”)/u;

/** Words of a header that a cut between two cells would part (年 / 限 of 建设起止年限), and phrases of two (起止 / 年限, 投资 / 估算). */
const HEADER_WORDS = ['序号', '名称', '部门', '单位', '性质', '属性', '地址', '地点', '内容', '规模', '年限', '起止', '期限', '投资', '估算', '金额', '万元', '备注', '建设', '计划'];
const HEADER_PHRASES: readonly (readonly [string, string])[] = [
  ['起止', '年限'],
  ['投资', '估算'],
  ['计划', '总投资'],
  ['计划', '投资'],
  ['总', '投资'],
  ['其中：', '“十'],
  ['其中:', '“十'],
  ['责任', '单位'],
  ['责任', '部门'],
  ['实施', '单位'],
  ['业主', '单位'],
  ['项目', '名称'],
  ['建设', '性质'],
  ['建设', '地点'],
  ['建设', '地址'],
  ['建设', '内容'],
  ['建设', '年限'],
];

/** A piece of a row printed in reading order: its text, and whether a space (not a line break) parts it from the piece before. */
interface Piece {
  readonly text: string;
  readonly spaced: boolean;
}

function piecesOf(lines: readonly Line[]): Piece[] {
  return lines.flatMap((line) =>
    line.text
      .trim()
      .split(/[\s\u3000]+/u)
      .filter(Boolean)
      .map((text, at) => ({ text, spaced: at > 0 })),
  );
}

/**
 * A row's pieces with each printed line whole again: pdftotext may part one line where the type
 * changes (停车库（场） / 、文化体育设施…, 业务用房（ / “一站三室”), and no line of Chinese text opens
 * with a mark that closes nor ends with one that opens, so such a piece goes on the piece before.
 */
function rowPieces(lines: readonly Line[]): Piece[] {
  const pieces: Piece[] = [];
  for (const piece of piecesOf(lines)) {
    const before = pieces[pieces.length - 1];
    if (before && !piece.spaced && (NO_START.test(piece.text[0]!) || NO_END.test(before.text.at(-1)!))) pieces[pieces.length - 1] = { ...before, text: before.text + piece.text };
    else pieces.push(piece);
  }
  return pieces;
}

/**
 * Cuts `pieces` into `groups` runs, the cheapest by `cost(group, from, to)` (a run may be empty),
 * by dynamic programming; undefined when no cut has a finite cost.
 */
function cheapestCut(count: number, groups: number, cost: (group: number, from: number, to: number) => number): number[][] | undefined {
  const best: number[][] = Array.from({ length: groups + 1 }, () => Array<number>(count + 1).fill(Number.POSITIVE_INFINITY));
  const from: number[][] = Array.from({ length: groups + 1 }, () => Array<number>(count + 1).fill(-1));
  best[0]![0] = 0;
  for (let group = 0; group < groups; group += 1) {
    for (let start = 0; start <= count; start += 1) {
      const base = best[group]![start]!;
      if (!Number.isFinite(base)) continue;
      for (let end = start; end <= count; end += 1) {
        const total = base + cost(group, start, end);
        if (total < best[group + 1]![end]!) {
          best[group + 1]![end] = total;
          from[group + 1]![end] = start;
        }
      }
    }
  }
  if (!Number.isFinite(best[groups]![count]!)) return undefined;
  const runs: number[][] = [];
  for (let group = groups, end = count; group > 0; group -= 1) {
    const start = from[group]![end]!;
    runs.unshift([start, end]);
    end = start;
  }
  return runs;
}

/**
 * A header printed in reading order, cells cut over lines: the pieces joined across line breaks
 * into cells that each name one thing. A cell cut over lines (项目 / 名称) also gives its column's
 * width, its widest line: the column's cells wrap at it too.
 */
function rawHeader(pieces: readonly Piece[]): { readonly cells: string[]; readonly widths: (number | undefined)[] } {
  const joined = (from: number, to: number): string => pieces.slice(from, to).map((piece) => piece.text).join('');
  // cell[i]: the cheapest header of pieces [0, i); a cell never runs over a space.
  const best = Array<number>(pieces.length + 1).fill(Number.POSITIVE_INFINITY);
  const back = Array<number>(pieces.length + 1).fill(-1);
  best[0] = 0;
  for (let end = 1; end <= pieces.length; end += 1) {
    for (let start = end - 1; start >= 0; start -= 1) {
      if (start < end - 1 && pieces[start + 1]!.spaced) break;
      const text = joined(start, end);
      const names = headerNames(text);
      // A cell does not part a word of the header from the cell before (年 / 限), nor leave a bracket open (估算（万).
      const before = start > 0 ? pieces[start - 1]!.text : '';
      const parts =
        before !== '' && (HEADER_WORDS.some((word) => before.endsWith(word[0]!) && text.startsWith(word.slice(1))) || HEADER_PHRASES.some(([head, tail]) => before.endsWith(head) && text.startsWith(tail)));
      const open = leavesOpen(text);
      // Nor does it end with a line that names nothing and opens a column's name (部门 / 建设, then 性质): that line is the next cell's.
      const last = pieces[end - 1]!.text;
      const opensNext = end - start > 1 && headerNames(last) === 0 && HEADER_OPENERS.test(last);
      // Nor with a word that opens a column's name after a name already whole (责任单位 / 建 / 设, then 性质).
      const endsOpening = end - start > 1 && /(建设|项目|主要|所在|实施)$/u.test(text) && headerNames(text.replace(/(建设|项目|主要|所在|实施)$/u, '')) >= 1;
      // Two money columns (投资估算（万元） and 其中：“十四五”投资（万元）) name one thing each, not one together.
      const twice = (text.match(/投资|金额/gu)?.length ?? 0) >= 2;
      // Each cell costs a little, the more so the more lines it joins: of two headers that name as much, the one of fewer, evener cells.
      const cost = (names === 1 && !twice ? 0 : 1) + (/^[（(）)]/u.test(text) ? 2 : 0) + (parts ? 1.5 : 0) + (open ? 2 : 0) + (opensNext || endsOpening ? 1 : 0) + 0.1 + 0.05 * (end - start - 1) ** 2;
      if (best[start]! + cost < best[end]!) {
        best[end] = best[start]! + cost;
        back[end] = start;
      }
    }
  }
  const cells: string[] = [];
  const widths: (number | undefined)[] = [];
  for (let end = pieces.length; end > 0; end = back[end]!) {
    cells.unshift(joined(back[end]!, end));
    widths.unshift(end - back[end]! > 1 ? Math.max(...pieces.slice(back[end]!, end).map((piece) => displayWidth(piece.text))) : undefined);
  }
  return { cells, widths };
}

/** Whether a line opens a project row printed in reading order: a serial, a space and the name's first words. */
const opensRawRow = (text: string): boolean => /^[1-9][0-9]{0,2} [^\s0-9０-９.,，%]/u.test(asciiDigits(text.trim()));

/**
 * A table as pdftotext prints it without -layout: each row's cells in reading order, a cell cut
 * over lines where it wraps, and cells on one baseline apart by a space. The header's pieces are
 * joined into cells that each name one thing; a row opens with a serial and its name (or a part
 * or a total), and its pieces are shared out among the columns by the cheapest cut: a typed
 * column (years, amounts, 新建/改建) takes pieces that read as its type, a space always parts two
 * cells, and a text cell runs on only over lines that fill its column's width. The widths are
 * learnt from a first cut of every row.
 */
function readRawRows(lines: readonly Line[], start: number): ReadTable | undefined {
  // A first column that names the sections (类别 序号 …), its label merged down their rows: the
  // reading order prints the label, over a line or two, before its first row.
  const category = /^(\S+)\s+序/u.exec(lines[start]!.text.trim())?.[1];
  const lead = category !== undefined && CATEGORY_HEADER.test(category) ? category : undefined;
  if (!/^序/u.test(lines[start]!.text.trim()) && lead === undefined) return undefined;
  const headerLines: Line[] = [];
  let index = start;
  // (A header broken over two lines a cell, eight cells and more, takes up to 24 lines.)
  for (; index < lines.length && headerLines.length < 24; index += 1) {
    const text = lines[index]!.text.trim();
    if (text.length === 0) continue;
    if (startsRow(text.split(/\s+/u)[0]!) || opensRawRow(text) || headingOf(text)) break;
    // (Or the end of the first section's label, before its first row's serial: 所教 1 …)
    if (lead !== undefined && (opensRawRow(text.replace(/^[^\s\d]{1,8}\s+(?=\d)/u, '')) || /^[^\s\d]{1,8}\s+\d{1,3}$/u.test(text)) && !opensRawRow(text)) break;
    headerLines.push(index === start && lead !== undefined ? { ...lines[index]!, text: text.slice(lead.length).trim() } : lines[index]!);
  }
  // The first section's label on lines of its own under the header (住有 / 所居): not the header's.
  const firstLabel: string[] = [];
  while (lead !== undefined && headerLines.length > 2) {
    const text = headerLines[headerLines.length - 1]!.text.trim();
    const before = headerLines[headerLines.length - 2]!.text.trim();
    if (!/^[^\s\d（(]{2,8}$/u.test(text) || !isCategoryLabel(text.replace(PART_ROW, '')) || headerNames(text) > 0 || cutWord(before, text)) break;
    firstLabel.unshift(text);
    headerLines.pop();
  }
  if (headerLines.length < 2) return undefined;
  const { cells: header, widths: headerWidths } = rawHeader(piecesOf(headerLines));
  const headerKey = squeeze(`${lead ?? ''}${header.join('')}`);
  if (header.length < 5 || !header.some((cell) => /名称|指标/u.test(cell))) return undefined;
  const kinds = header.map((cell) => COLUMN_KINDS.find(([name]) => name.test(cell))?.[1]);
  const hints = header.map((cell) => TEXT_HINTS.find(([name]) => name.test(cell))?.[1]);
  const endings = header.map((cell) => TEXT_ENDINGS.find(([name]) => name.test(cell))?.[1]);
  const nameColumn = header.findIndex((cell) => /项目名称|工程名称|^名称$/u.test(cell));
  const natureColumn = header.findIndex((cell) => /性质/u.test(cell));
  const dropped: Dropped[] = [];
  const rows: Line[][] = [];
  /** The sections' labels by the row they open (a table with a first column of them), and the pieces of the next one. */
  const labels = new Map<Line[], string>();
  let label: string[] = firstLabel;
  /** The last project row's serial. */
  let serial = 0;
  // (Or whose header's cells are cut over lines, 序 / 号, as only this reader joins them.)
  const sideBySide = headerLines.some((line) => !line.text.includes('\t') && /\S +\S/u.test(line.text.trim())) || header.length < headerLines.length;
  for (; index < lines.length; index += 1) {
    const line = lines[index]!;
    const text = line.text.trim();
    if (text.length === 0) continue;
    if (headingOf(text) || /^注[:：]/u.test(text)) break;
    // The header printed again at the top of a page: its lines make up the header again.
    // (A line of it the page's furniture took, repeated at the top of every page, may be missing.)
    // (Or its first lines taken as the page's furniture too, repeated at the top of every page of
    // the table: the rest of it, from within the header to its end, most of it.)
    const within = squeeze(text).length > 0 ? headerKey.indexOf(squeeze(text)) : -1;
    if (within >= 0) {
      let seen = squeeze(text).length;
      let from = within + seen;
      let at = index + 1;
      for (; at < lines.length; at += 1) {
        const next = squeeze(lines[at]!.text);
        const found = next.length > 0 ? headerKey.indexOf(next, from) : -1;
        if (found < 0) break;
        seen += next.length;
        from = found + next.length;
      }
      // Its first and last lines seen, the lines between taken as the page's furniture (repeated at the top of every page), is a repeat too.
      if (within === 0 ? seen >= headerKey.length * 0.6 || (from === headerKey.length && at - index >= 2) : from === headerKey.length && at - index >= 3 && seen >= headerKey.length * 0.5) {
        for (let repeat = index; repeat < at; repeat += 1) dropped.push({ text: lines[repeat]!.text.trim(), place: place(lines[repeat]!.line), why: 'repeated-header-row' });
        index = at - 1;
        continue;
      }
    }
    // A serial on a line of its own, set at the middle of a row taller than its name's first line
    // (a cell centred in its row, the name broken over lines): the row opens with it and that line.
    const next = lines[index + 1];
    // (A serial may be skipped, as a plan's numbering may: the next or one of the two after.)
    // Only in a table whose header prints pieces side by side: one printed a cell a line is another reader's.
    // (A table that numbers its projects section by section opens each section's first row with 1 again, under the section's row.)
    const restarted = Number(text) === 1 && rows.length > 0 && (PART_ROW.test(rows[rows.length - 1]![0]!.text.trim()) || label.length > 0);
    // A section's label, after the header, the 合计 or a 小计: a few characters on lines of their
    // own (住有 / 所居, 一、住 / 有所居), or its last ones before its first row's serial (有所居 13 …).
    const afterTotal = rows.length === 0 || isShortRow([rows[rows.length - 1]![0]!.text.trim().split(/\s+/u)[0]!]) || label.length > 0;
    if (lead !== undefined && afterTotal && !TOTAL_ROW.test(text)) {
      // (The serial alone after it, the name on the next line: 所得 1 / 桃桥县石源街道就.)
      const glued = /^([^\s\d]{1,8})\s+(\d{1,3}(?:\s+\S.*)?)$/u.exec(text);
      const nameNext = glued !== null && /^\d+$/u.test(glued[2]!) && /^[^\s0-9０-９]/u.test(lines[index + 1]?.text.trim() ?? '');
      const opening = nameNext ? `${glued![2]} ${lines[index + 1]!.text.trim()}` : glued?.[2];
      if (glued && opening !== undefined && isCategoryLabel(glued[1]!.replace(PART_ROW, '')) && opensRawRow(opening)) {
        if (nameNext) index += 1;
        label.push(glued[1]!);
        const opened: Line[] = [{ text: opening, line: line.line }];
        rows.push(opened);
        labels.set(opened, label.join(''));
        label = [];
        serial = Number(/^\d+/u.exec(opening)![0]);
        continue;
      }
      if (/^[^\s\d]{1,8}$/u.test(text) && isCategoryLabel(text.replace(PART_ROW, '')) && !opensRawRow(text)) {
        label.push(text);
        continue;
      }
    }
    if (sideBySide && /^\d{1,3}$/u.test(text) && ((Number(text) > serial && Number(text) <= serial + 3) || restarted) && next !== undefined && !startsRow(next.text.trim().split(/\s+/u)[0] ?? '') && /^[^\s0-9０-９]/u.test(next.text.trim())) {
      rows.push([{ text: `${text} ${next.text.trim()}`, line: line.line }]);
      if (label.length > 0) labels.set(rows[rows.length - 1]!, label.join(''));
      label = [];
      serial = Number(text);
      index += 1;
      continue;
    }
    if (opensRawRow(text)) serial = Number(/^\d+/u.exec(text)![0]);
    if (opensRawRow(text) || isShortRow([text.split(/\s+/u)[0]!])) {
      rows.push([line]);
      if (label.length > 0 && opensRawRow(text)) labels.set(rows[rows.length - 1]!, label.join(''));
      label = [];
    } else if (rows.length > 0) rows[rows.length - 1]!.push(line);
    else return undefined;
  }
  // A row ends with its last typed cell (its amount): what follows is not the table's. After the
  // last row that ends the table; after another, it is what the page put there (a running title
  // or page mark its furniture finder missed), dropped.
  // Columns after the last typed one (remarks, most of them empty) may follow its cell on its line
  // and wrap onto short lines of their own; a line that reads as a label (主办单位：…) is none of them.
  const lastTyped = kinds.reduce((last, kind, column) => (kind ? column : last), -1);
  const lastKind = lastTyped < 0 ? undefined : kinds[lastTyped];
  const trailing = lastTyped >= 0 && lastTyped < kinds.length - 1;
  const holdsLast = (line: Line): boolean => (trailing ? piecesOf([line]).some((piece) => lastKind!.test(piece.text)) : lastKind!.test(piecesOf([line]).pop()?.text ?? ''));
  const remarkTail = (line: Line): boolean => [...line.text.trim()].length <= 12 && !/[：:\s]/u.test(line.text.trim());
  rows.forEach((row, at) => {
    if (!lastKind || isShortRow([row[0]!.text.trim()])) return;
    let end = row.length;
    while (end > 1 && !holdsLast(row[end - 1]!)) end -= 1;
    if (trailing) while (end > 1 && end < row.length && remarkTail(row[end]!)) end += 1;
    if (end === 1 || end === row.length) return;
    if (at === rows.length - 1) index = lines.indexOf(row[end]!);
    else for (const stray of row.slice(end)) dropped.push({ text: stray.text.trim(), place: place(stray.line), why: 'running-header' });
    row.length = end;
  });
  const projects = rows.filter((row) => opensRawRow(row[0]!.text));
  if (projects.length === 0) return undefined;
  // Cells a column has in other rows (a department, a place): a cut that makes one of them is the likelier.
  const known = header.map(() => new Map<string, number>());
  const cellOf = (pieces: readonly Piece[], run: readonly number[]): string => pieces.slice(run[0]! + 1, run[1]! + 1).map((piece) => piece.text).join('');
  const cut = (pieces: readonly Piece[], widths: readonly number[] | undefined, own?: readonly (readonly number[])[]): number[][] | undefined => {
    const widest = Math.max(1, ...pieces.map((piece) => displayWidth(piece.text)));
    // A column's width: learnt from the rows, or before that its header's when the header wrapped.
    const widthOf = (column: number): number | undefined => widths?.[column] ?? headerWidths[column];
    // A line is full when what comes next would not have fitted on it: its first character, or its first number whole.
    const full = (column: number, text: string, next: string | undefined): boolean => {
      if (SENTENCE_END.test(text)) return false;
      const width = widthOf(column);
      if (width === undefined) return displayWidth(text) >= widest * 0.8;
      // (A mark that may not open a line, ，。、）, goes with the character before it.)
      const unbroken = /^(?:[0-9A-Za-z.,%]+|.)[，。、；：）)”]*/u.exec(next ?? '')?.[0] ?? '';
      // (Proportional type fits a few more or fewer of a wide column's characters than their count says.)
      // (A column whose header wraps a character a line, 建 / 设 / 地 / 址, wraps its cells so too, 梅 / 峰 / 街 / 道, whatever its other rows print.)
      if (headerWidths[column] === 2 && displayWidth(text) <= 2) return true;
      return displayWidth(text) + Math.max(1, displayWidth(unbroken)) > width * (width > 20 ? 0.94 : 1);
    };
    return cheapestCut(pieces.length - 1, header.length - 1, (group, from, to) => {
      const column = group + 1;
      const taken = pieces.slice(from + 1, to + 1);
      const kind = kinds[column];
      // A typed cell (years, an amount) is seldom left empty; a remark often is, and so is a
      // department or a nature merged down several rows (printed beside one of them only).
      if (taken.length === 0) return column === natureColumn ? 2.5 : kind ? 4 : hints[column] ? 1.5 : 3;
      let cost = taken.slice(1).filter((piece) => piece.spaced).length * 6;
      // A cell does not open with a unit or a mark that closes (㎡，新增…): that piece ends the cell before.
      if (CLOSES_CELL.test(taken[0]!.text)) cost += 6;
      if (kind) {
        // (A narrow column wraps even a typed cell over lines a character or two wide: 新 / 建 / 或 / 改 / 建.)
        const joinedText = taken.map((piece) => piece.text).join('');
        const width = widthOf(column);
        const lines = width === undefined ? 3 : Math.max(3, Math.ceil(displayWidth(joinedText) / width));
        return cost + (taken.length > lines || !kind.test(joinedText) ? 5 : 0);
      }
      // A short line of a name just before its last, which ends as most works are named (养老服务 / 中心 / 新建工程),
      // was broken by hand: it costs little.
      const handBroken = column === nameColumn && /(工程|项目)$/u.test(taken[taken.length - 1]!.text);
      taken.slice(0, -1).forEach((piece, at) => {
        cost += full(column, piece.text, taken[at + 1]!.text) ? 0 : handBroken && at === taken.length - 2 ? 0.5 : 2;
      });
      const hint = hints[column];
      if (hint && !hint.test(taken[0]!.text)) cost += 2;
      // A text column (a name, a place, the remarks) is not an amount alone, nor a year opening a
      // period (2022-): those are a money or a years column's.
      const text = taken.map((piece) => piece.text).join('');
      if (AMOUNT_PIECE.test(text) || YEAR_OPENING.test(text)) cost += 5;
      // (Nor does one end on a line of its own that opens a period: 接待中心 / 2022-.)
      else if (taken.length > 1 && YEAR_OPENING.test(taken[taken.length - 1]!.text)) cost += 4;
      const next = pieces[to + 1];
      // A cell that ends on a full line may go on; names are often two full lines, so this weighs little.
      if (next && !next.spaced && full(column, taken[taken.length - 1]!.text, next.text)) cost += 0.5;
      const ending = endings[column];
      // Most works are named …工程 or …项目: a name that ends otherwise (…中心) is likely, one that ends so the likelier
      // (养老服务 / 中心 / 新建工程 with the line after the short 中心 broken by hand: the name runs on to 新建工程).
      if (ending && !ending.test(taken[taken.length - 1]!.text)) cost += 1;
      else if (ending && column === nameColumn && !/(工程|项目)$/u.test(taken[taken.length - 1]!.text)) cost += 0.25;
      if (widths && taken.length > 0) {
        const mine = own?.[group] && cellOf(pieces, own[group]!) === text ? 1 : 0;
        if ((known[column]!.get(text) ?? 0) - mine > 0) cost -= 0.5;
      }
      // A line wider than its column is another column's; one of twice the width and more, all the surer.
      const width = widthOf(column);
      const widestTaken = width === undefined ? 0 : Math.max(...taken.map((piece) => displayWidth(piece.text)));
      return cost + (width === undefined || widestTaken <= width + 2 ? 0 : widestTaken > 2 * width + 4 ? 8 : 3);
    });
  };
  const piecesByRow = projects.map((row) => rowPieces(row));
  // A first cut with only the widths of the header's wrapped cells; each text column's width is
  // then the widest piece its wrapped cells have (within a little of its header's, when that wrapped).
  const firstCuts = piecesByRow.map((pieces) => cut(pieces, undefined));
  const widths = header.map((_, column) => {
    const wrapped: number[] = [];
    const all: number[] = [];
    firstCuts.forEach((runs, row) => {
      const run = runs?.[column - 1];
      if (!run) return;
      const taken = piecesByRow[row]!.slice(run[0]! + 1, run[1]! + 1).map((piece) => displayWidth(piece.text));
      all.push(...taken);
      if (taken.length > 1) wrapped.push(Math.max(...taken));
    });
    const source = wrapped.length > 0 ? wrapped : all;
    const learnt = source.length > 0 ? source.sort((a, b) => a - b)[Math.floor(source.length / 2)]! : 0;
    const printed = headerWidths[column];
    return printed === undefined ? learnt : Math.max(printed, learnt <= printed + 2 ? learnt : 0);
  });
  firstCuts.forEach((runs, row) => {
    runs?.forEach((run, group) => {
      const text = cellOf(piecesByRow[row]!, run);
      known[group + 1]!.set(text, (known[group + 1]!.get(text) ?? 0) + 1);
    });
  });
  const out: RawRow[] = [newRow(lead === undefined ? header : [lead, ...header], headerLines[0]!.line)];
  // (A table with a first column of sections: each project row opens with its label, or an empty cell under it.)
  const labelled = (cells: string[], row: Line[]): string[] => (lead === undefined ? cells : [labels.get(row) ?? '', ...cells]);
  let project = 0;
  for (const row of rows) {
    const pieces = rowPieces(row);
    if (!opensRawRow(row[0]!.text)) {
      out.push(newRow(pieces.map((piece) => piece.text), row[0]!.line));
      continue;
    }
    const runs = cut(pieces, widths, firstCuts[project++]);
    if (!runs) {
      out.push(newRow(labelled(pieces.map((piece) => piece.text), row), row[0]!.line));
      continue;
    }
    const cells = runs.map(([from, to]) => pieces.slice(from! + 1, to! + 1).reduce((text, piece) => (text ? joinWrapped(text, piece.text) : piece.text), ''));
    const made = newRow(labelled([pieces[0]!.text, ...cells], row), row[0]!.line);
    made.joined = [...(lead === undefined ? [] : [false]), false, ...runs.map(([from, to]) => to! - from! > 1)];
    out.push(made);
  }
  return { rows: out, next: index, dropped, spaced: true };
}

/** A year that opens a period, its end on the next line (2022-). */
const YEAR_OPENING = /^\d{4}\s*[-—–~～〜至]$/u;

/** What opens a piece that carries on a cell: a unit or a mark that closes. */
const CLOSES_CELL = /^[㎡²，。、；：）)”%]/u;

/** Shares a row's lines out among its columns (after the first): the cheapest split, by dynamic programming. */
function shareOut(first: string, rest: readonly string[], kinds: readonly (RegExp | undefined)[], hints: readonly (RegExp | undefined)[], line: number): RawRow {
  const widest = Math.max(1, ...rest.map(displayWidth));
  const full = (text: string): boolean => displayWidth(text) >= widest * 0.8 && !SENTENCE_END.test(text);
  // cost[j][i]: the cheapest way to give lines [0, i) to columns [0, j); choice remembers the split.
  const columns = kinds.length;
  const cost: number[][] = Array.from({ length: columns + 1 }, () => Array<number>(rest.length + 1).fill(Number.POSITIVE_INFINITY));
  const choice: number[][] = Array.from({ length: columns + 1 }, () => Array<number>(rest.length + 1).fill(-1));
  cost[0]![0] = 0;
  for (let column = 0; column < columns; column += 1) {
    const kind = kinds[column];
    for (let from = 0; from <= rest.length; from += 1) {
      const base = cost[column]![from]!;
      if (!Number.isFinite(base)) continue;
      // A typed column takes one line (or none: an empty cell); a text column any number.
      const most = kind ? Math.min(1, rest.length - from) : rest.length - from;
      for (let take = 0; take <= most; take += 1) {
        // An empty cell costs, a typed one (years, an amount) more than a remark, which is often empty.
        let step = take === 0 ? (kind ? 4 : 3) : 0;
        if (kind && take === 1) step += kind.test(rest[from]!) ? 0 : 4;
        if (!kind) for (let at = from; at < from + take - 1; at += 1) step += full(rest[at]!) ? 0 : 2;
        const hint = hints[column];
        if (!kind && hint && take > 0 && !hint.test(rest[from]!)) step += 2;
        // A text cell that ends on a full line was probably cut in the middle.
        if (!kind && take > 0 && from + take < rest.length && full(rest[from + take - 1]!)) step += 1;
        const total = base + step;
        if (total < cost[column + 1]![from + take]!) {
          cost[column + 1]![from + take] = total;
          choice[column + 1]![from + take] = from;
        }
      }
    }
  }
  // No split fits (more lines than typed columns can take): the lines as cells, for the drafter to report.
  if (!Number.isFinite(cost[columns]![rest.length]!)) return newRow([first, ...rest], line);
  const cells: string[] = [];
  const joined: boolean[] = [];
  for (let column = columns, end = rest.length; column > 0; column -= 1) {
    const from = choice[column]![end]!;
    const taken = rest.slice(Math.max(from, 0), end);
    cells.unshift(taken.reduce((text, piece) => (text ? joinWrapped(text, piece) : piece), ''));
    joined.unshift(taken.length > 1);
    end = Math.max(from, 0);
  }
  const row = newRow([first, ...cells], line);
  row.joined = [false, ...joined];
  return row;
}

// ─── the document ───────────────────────────────────────────────────────────────────────────

/** Reads a published text into the document model. */
export function readText(text: string): DocumentModel {
  return readTextLayout(text).model;
}

/**
 * Reads a published text into the document model, and says whether the reader had to reflow
 * it: page furniture dropped, hard-wrapped paragraphs joined, or columns aligned with spaces
 * read. Quotes of such a text stand in its reading-order text, not in the text as printed.
 */
export function readTextLayout(text: string): { readonly model: DocumentModel; readonly reflowed: boolean } {
  let reflowed = false;
  const all = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  // pdftotext starts each page after the first with a form feed.
  const pageStarts = new Set<number>();
  const raw = all.map((line, index) => {
    if (!line.includes('\f')) return line;
    pageStarts.add(index);
    return line.replace(/\f/g, '');
  });
  const furniture = findFurniture(raw, pageStarts);
  const dropped = [...furniture.dropped];
  for (const index of findContents(raw, furniture.droppedAt)) {
    furniture.droppedAt.add(index);
    dropped.push({ text: raw[index]!.trim(), place: place(index + 1), why: 'table-of-contents' });
  }
  // The lines kept; blank lines next to a page break or a dropped line go too, so that what the page cut joins again.
  const lines: Line[] = [];
  const nextKept = (from: number): number => {
    let at = from;
    while (at < raw.length && isBlank(raw[at]!)) at += 1;
    return at;
  };
  for (let index = 0; index < raw.length; index += 1) {
    if (furniture.droppedAt.has(index)) continue;
    // An empty cell on a line of its own (a tab) is a cell, not a blank line.
    if (isBlank(raw[index]!) && !raw[index]!.includes('\t')) {
      const after = nextKept(index);
      const touchesBreak = (lines.length > 0 && (furniture.droppedAt.has(index - 1) || furniture.breaks.has(index))) || furniture.droppedAt.has(after) || furniture.breaks.has(after);
      if (touchesBreak) continue;
    }
    lines.push({ text: raw[index]!, line: index + 1 });
  }
  // The measure that puts more lines at one margin is the one the text was wrapped by.
  const byColumns = wrapWidth(lines, BY_COLUMNS);
  const byChars = wrapWidth(lines, BY_CHARACTERS);
  const chars = byChars !== undefined && (byColumns === undefined || byChars.lines > byColumns.lines);
  const loose = byColumns === undefined && byChars === undefined ? looseWrap(lines) : undefined;
  const margin = chars ? byChars.margin : (byColumns?.margin ?? loose?.margin);
  const measure = chars ? BY_CHARACTERS : (loose?.measure ?? BY_COLUMNS);
  // With no margin to go by (a text of a few lines in fonts of several sizes), the widest line of prose stands for it.
  const widestProse = Math.max(0, ...lines.filter(isProse).map((line) => measure.width(line.text.trim())));
  const blocks: Block[] = [];
  let index = 0;
  // How the document numbers its chapters (第一章, or 一、 as a list): read in order, past each heading.
  const headings = new DocumentHeadings(headingStyleOf(lines.map((line) => line.text)));
  /** Whether the first line after `at` that is not blank opens a table's row with its serial. */
  const rowAfter = (at: number): boolean => {
    let next = at + 1;
    while (next < lines.length && isBlank(lines[next]!.text)) next += 1;
    return opensSerialRow(lines[next]?.text ?? '');
  };

  const readParagraph = (): Paragraph => {
    const first = lines[index]!;
    let text = first.text.trim();
    let previous = first.text;
    index += 1;
    // Punctuation no line opens with, on a line of its own (pdftotext cut it off at a change of font), ends the line before it.
    const ownLine = (): boolean => index < lines.length && [...lines[index]!.text.trim()].every((char) => NO_START.test(char)) && !isBlank(lines[index]!.text) && !SENTENCE_END.test(previous.trim());
    while (ownLine()) {
      text += lines[index]!.text.trim();
      previous = lines[index]!.text;
      index += 1;
    }
    while (index < lines.length) {
      const next = lines[index]!.text;
      const open = !SENTENCE_END.test(previous.trim());
      // A line that stops at a comma or an enumeration mark (、) is inside its sentence, however
      // short: no paragraph ends there. Without a margin (a text of a few lines) it is the only sign.
      // (So is one that stops a character or few after an enumeration mark, inside a listed name: 分别位于丰坪乡、桃 / 田街道、竹山镇。)
      const cut = /[，、,]$|、[^\s，。；、,]{1,3}$/u.test(previous.trimEnd()) || NO_END.test(previous.trimEnd().at(-1) ?? '');
      // A line that reaches the margin inside a sentence runs on. A paragraph's first line may be
      // set in by two characters that the text does not print (pdftotext -raw drops the indent):
      // stopping inside a word, it reaches the margin two characters sooner.
      const unprintedIndent = previous === first.text && indentOf(previous) === 0 && /[\p{Script=Han}\p{L}\p{N}]$/u.test(previous.trimEnd()) ? measure.width('\u3000\u3000') : 0;
      // A long line that stops inside a word runs on too, however far short of the margin a larger
      // font left it: the word's end opens the next line, a character or three before a mark (竹岩街 /
      // 道、), or a figure's unit (总投资19.29 / 亿元（详见附表）).
      const midWord = /[\p{Script=Han}0-9]$/u.test(previous.trimEnd()) && /^\p{Script=Han}{1,3}[，、。；：（）]/u.test(next.trim()) && measure.width(previous.trimEnd()) >= (margin ?? widestProse) * 0.75;
      // A line that leaves a bracket open (（详见附表 / 1、附表2）) stops inside its sentence, however short.
      const bracketOpen = leavesOpen(text);
      // A line that opens with a bracket (（详见附表）) after one that stops inside its sentence goes on with it (a numbered （一） is a list, below).
      const bracketNext = /^[（(]/u.test(next.trim());
      const runsOn = cut || midWord || (open && (bracketOpen || bracketNext)) || (open && margin !== undefined && measure.width(previous.trimEnd()) >= margin - measure.reach - unprintedIndent);
      // A number after a reference (详见附表 / 1、附表2) is no list item.
      const listed = LIST_OPENER.test(next.trim()) && !/(附表|附件|表|图|第)$/u.test(previous.trimEnd());
      if (!runsOn || isBlank(next) || headings.peek(next, rowAfter(index)) || next.includes('\t') || listed || opensSpaceTable(next) || indentOf(next) > indentOf(previous)) break;
      text = joinWrapped(text, next.trim());
      reflowed = true;
      previous = next;
      index += 1;
      while (ownLine()) {
        text += lines[index]!.text.trim();
        previous = lines[index]!.text;
        index += 1;
      }
    }
    return { kind: 'paragraph', text, place: place(first.line) };
  };

  /** The numbered items of a box (“1.标题。text”), up to the next heading or prose. */
  const readItems = (): Paragraph[] => {
    const items: { parts: string[]; line: number }[] = [];
    let blank = false;
    /** The end of the next item's first line, printed above it. */
    let early: string | undefined;
    /** The next line that is not blank after `at`, trimmed. */
    const nextText = (at: number): string => lines.slice(at + 1).find((next) => !isBlank(next.text))?.text.trim() ?? '';
    for (; index < lines.length; index += 1) {
      const { text, line } = lines[index]!;
      if (headings.peek(text, rowAfter(index))) break;
      if (isBlank(text)) {
        blank = true;
        continue;
      }
      if (ITEM.test(text.trim())) {
        // (The piece printed above goes where the line leaves a hole for it, 2.凤林县桃坪      。新建…, or at its end.)
        const hole = early === undefined ? -1 : text.trim().search(HOLE);
        const first = closeGaps(hole < 0 ? text.trim() : text.trim().replace(HOLE, (gap) => `${gap[0]}${early}${gap.at(-1)}`));
        items.push({ parts: [early === undefined || hole >= 0 ? first : joinWrapped(first, early)], line });
        early = undefined;
      } else if (items.length > 0 && blank && early === undefined && indentOf(text) >= 4 && ITEM.test(nextText(index)) && (!SENTENCE_END.test(nextText(index)) || HOLE.test(nextText(index)))) {
        // After a blank, a line set far in over the next item's number line, which stops inside its
        // sentence (社区卫生服务中心建设项目。… / 2.凤河县丰田街道) or leaves a hole in it: that line's
        // end or its middle, printed above it.
        early = closeGaps(text.trim());
      } else if (items.length > 0 && !(blank && !text.startsWith('\t'))) {
        // A line of an item cut by the page or the conversion: it carries on the item.
        const parts = items[items.length - 1]!.parts;
        const before = parts[parts.length - 2];
        const piece = closeGaps(text.trim());
        // The end of a line printed far in where it stood, under the next line or above its own
        // (pdftotext -layout, a font's baseline shifted): it ends the line it carries a number on
        // (…面积27 / 600㎡), the line before last if none.
        const far = indentOf(text) >= 4;
        let at = index + 1;
        while (at < lines.length && isBlank(lines[at]!.text)) at += 1;
        const next = lines[at]?.text.trim() ?? '';
        const afterNext = lines[at + 1]?.text ?? '';
        // The next item stops inside a sentence, on a number, with nothing of it after, or only its
        // short end (4.金湾县金峰 / 住房720套。): the piece is its first line's end.
        const shortEnd = [...afterNext.trim()].length <= 10 && SENTENCE_END.test(afterNext.trim());
        const nextCut = ITEM.test(next) && !SENTENCE_END.test(next) && (isBlank(afterNext) || ITEM.test(afterNext.trim()) || headings.peek(afterNext, rowAfter(at + 1)) !== undefined || shortEnd);
        const numberGoesOn = (end: string): boolean => /[0-9０-９]$/u.test(end) && /^[0-9０-９]/u.test(piece);
        // It is the next item's end too when this item has ended (…新增托位210 / 个。) and the piece carries no number on from its line before last.
        const ended = SENTENCE_END.test(parts[parts.length - 1]!) && !(before !== undefined && numberGoesOn(before));
        // Under a short end of a sentence printed above its line (1.石桥 / 个。, …项目。 / 位260张。), a
        // line that stops inside one is the line it ends, unless the end already completes the line
        // before it as a figure's unit does (…新增住房150 / 套。): then the line is the next item's.
        const last = parts[parts.length - 1]!;
        const completes = before !== undefined && /[0-9０-９]$/u.test(before) && /^[^0-9０-９]{1,3}$/u.test(last.replace(SENTENCE_END, ''));
        // A word's last characters alone (建筑面 / 24500㎡… / 积), between a line that stops inside
        // the word and a last line that opens with its figure: the word's.
        const wordEnd = far && before !== undefined && /^\p{Script=Han}{1,4}$/u.test(piece) && /\p{Script=Han}$/u.test(before) && /^[0-9０-９]/u.test(last);
        // A figure alone between a line that stops on a word and a last line that opens with its unit
        // (…建筑面积 / ㎡，新增住房470套。 / 29800), or with the word's last characters (…建筑面 / ㎡… /
        // 积23600): the figure the two lines leave out, whatever the next item.
        const figureSlot = far && before !== undefined && /^\p{Script=Han}{0,4}[0-9０-９][0-9０-９.]*$/u.test(piece) && /\p{Script=Han}$/u.test(before) && /^(?:㎡|平方米|[%‰，、])/u.test(last);
        // Or a piece that opens with a figure's unit, under a short end of a sentence (…面积13400 / 张。 / ㎡，新增床位510): the unit is the figure's before it, the end the piece's.
        const unitSlot = far && before !== undefined && /[0-9０-９]$/u.test(before) && /^(?:㎡|平方米|[%‰，])/u.test(piece) && !SENTENCE_END.test(piece) && SENTENCE_END.test(last) && [...last].length <= 4;
        if (far && before !== undefined && !completes && !SENTENCE_END.test(piece) && SENTENCE_END.test(last) && [...last].length <= 10) parts.splice(parts.length - 1, 0, piece);
        else if (wordEnd || figureSlot || unitSlot) parts.splice(parts.length - 1, 0, piece);
        // (A piece that carries on this item's cut number and stops inside its sentence, 1970 / 0㎡，新增学位400 / 个。, is this item's, whatever the next.)
        // (Set in by two places is far enough when this item has ended: an item's own lines open at the margin.)
        else if ((far || (ended && indentOf(text) >= 2)) && nextCut && !(before !== undefined && numberGoesOn(before) && !SENTENCE_END.test(piece)) && (numberGoesOn(next) || ended)) early = piece;
        else if (far && before !== undefined && !SENTENCE_END.test(before)) parts[parts.length - 2] = joinWrapped(before, piece);
        // Under a last line that opens with a number (550个。), a piece that stops on a word before one (…新增托位) is the line above it.
        else if (far && before !== undefined && /\p{Script=Han}$/u.test(piece) && /^[0-9０-９]/u.test(parts[parts.length - 1]!)) parts.splice(parts.length - 1, 0, piece);
        else parts.push(piece);
      } else break;
      blank = false;
    }
    // (A number split by a change of font where two lines meet, 新增工位 / 4 70个。, is closed once they are joined.)
    return items.map((item) => ({ kind: 'paragraph', text: closeGaps(item.parts.reduce(joinWrapped)), place: place(item.line) }));
  };

  while (index < lines.length) {
    const { text, line } = lines[index]!;
    if (isBlank(text)) {
      index += 1;
      continue;
    }
    const heading = headings.take(text, rowAfter(index));
    if (!heading) {
      // Right under an appendix heading (and its unit line, 单位：万元) a table may open with a cell on a line of its own; elsewhere a line of one cell after a tab is prose.
      const isAppendixHeading = (block: Block | undefined): boolean => block?.kind === 'heading' && block.number?.startsWith('附') === true;
      const last = blocks[blocks.length - 1];
      if (isAppendixHeading(last) && UNIT_LINE.test(text.trim())) {
        blocks.push({ kind: 'paragraph', text: text.trim(), place: place(line) });
        index += 1;
        continue;
      }
      const underAppendix = isAppendixHeading(last) || (last?.kind === 'paragraph' && UNIT_LINE.test(last.text) && isAppendixHeading(blocks[blocks.length - 2]));
      const table = withoutTrailingParts(underAppendix ? readTableAt(lines, index) : text.trim().includes('\t') ? readTabTable(lines, index) : opensSpaceTable(text) ? readSpaceTable(lines, index) : undefined, lines);
      if (table?.spaced) reflowed = true;
      if (table) {
        blocks.push(tableBlock(table));
        dropped.push(...table.dropped);
        index = table.next;
      } else blocks.push(readParagraph());
      continue;
    }
    index += 1;
    if (heading.kind === 'preface') blocks.push({ kind: 'heading', level: 1, text: heading.text, place: place(line) });
    else if (heading.kind === 'chapter' || heading.kind === 'section') {
      blocks.push({ kind: 'heading', level: heading.kind === 'chapter' ? 1 : 2, number: heading.number!, text: heading.text, place: place(line) });
    } else if (heading.kind === 'appendix') {
      let title = heading.text;
      // 附表 on a line of its own: its title is the next line, unless a table starts there.
      if (title.length === 0) {
        let next = index;
        while (next < lines.length && isBlank(lines[next]!.text)) next += 1;
        const candidate = lines[next]?.text;
        if (candidate !== undefined && !candidate.includes('\t') && !opensSpaceTable(candidate) && !headings.peek(candidate, rowAfter(next))) {
          title = candidate.trim();
          index = next + 1;
        }
      }
      blocks.push({ kind: 'heading', level: 1, number: heading.number!, text: title, place: place(line) });
    } else {
      const inside: Block[] = [];
      let at = index;
      while (at < lines.length && isBlank(lines[at]!.text)) at += 1;
      const firstLine = lines[at]?.text ?? '';
      let second = at + 1;
      while (second < lines.length && isBlank(lines[second]!.text)) second += 1;
      const secondLine = lines[second]?.text.trim() ?? '';
      if (ITEM.test(firstLine.trim())) {
        index = at;
        inside.push(...readItems());
      } else if (ITEM.test(secondLine) && (!SENTENCE_END.test(secondLine) || indentOf(firstLine) >= 4) && !headings.peek(firstLine, rowAfter(at)) && !ITEM.test(firstLine.trim())) {
        // The first item's second line printed above it (pdftotext -layout sorts lines by a baseline a box's frame can shift).
        index = second;
        const items = readItems();
        // It ends the item's number line when that stops far short (1.银坝县 / 位540张。, the piece
        // printed above in a font of its own), else the item.
        const head = closeGaps(secondLine);
        const piece = firstLine.trim();
        const text = items[0]!.text;
        // (A piece that stops inside a sentence cannot end the item: it goes after the number line too.)
        const afterHead = text.length > head.length && text.startsWith(head) && (displayWidth(head) * 2 < displayWidth(piece) || !SENTENCE_END.test(piece));
        items[0] = { ...items[0]!, text: afterHead ? joinWrapped(joinWrapped(head, piece), text.slice(head.length)) : joinWrapped(text, piece) };
        inside.push(...items);
      } else {
        const table = withoutTrailingParts(readTableAt(lines, at), lines);
        if (table?.spaced) reflowed = true;
        if (table) {
          inside.push(tableBlock(table));
          dropped.push(...table.dropped);
          index = table.next;
          let after = index;
          while (after < lines.length && isBlank(lines[after]!.text)) after += 1;
          if (/^注[:：]/u.test((lines[after]?.text ?? '').trim())) {
            index = after;
            inside.push(readParagraph());
          }
        }
      }
      const box: BoxBlock = { kind: 'box', title: `${heading.number}${heading.text ? `  ${heading.text}` : ''}`, blocks: inside, place: place(line) };
      blocks.push(box);
    }
  }
  if (dropped.length > 0) reflowed = true;
  // Figures typed in full-width digits (２０.６６亿元) are the same figures: prose reads them as digits.
  const withDigits = (list: readonly Block[]): Block[] =>
    list.map((block) => {
      if (block.kind === 'box') return { ...block, blocks: withDigits(block.blocks) };
      if (block.kind !== 'paragraph') return block;
      const text = asciiDigits(block.text).replace(/(?<=\d)．(?=\d)/gu, '.');
      if (text === block.text) return block;
      reflowed = true;
      return { ...block, text };
    });
  blocks.splice(0, blocks.length, ...withDigits(blocks));
  return { model: { form: 'text', blocks, dropped: dropped.sort((a, b) => lineOf(a.place) - lineOf(b.place)), reflowed }, reflowed };
}

const lineOf = (at: Place): number => ('line' in at ? at.line : 0);
