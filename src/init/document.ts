/**
 * The published text as a document: header, headings (第X章, 第X节, 专栏N, 附表), tables in the
 * layouts that conversion from Word and PDF produces, box items and prose paragraphs, each with
 * its line number. Nothing here knows any one plan.
 */

export const NUMERAL = '[一二三四五六七八九十百零〇两]+';
const CHAPTER = new RegExp(`^第(${NUMERAL})章\\s*(\\S.*)$`, 'u');
const SECTION = new RegExp(`^第(${NUMERAL})节\\s*(\\S.*)$`, 'u');
const BOX = /^专栏\s*(\d+)\s*(.*)$/u;
const APPENDIX = /^附(?:表|件)\s*\d*\s*[:：]?\s*(.*)$/u;
const ITEM = /^(\d+)[.．、]\s*(\S.*)$/u;
/** A row that opens a part of a table: 一、名称 or 合计. */
const PART_ROW = new RegExp(`^(${NUMERAL})[、．.]\\s*(.*)$`, 'u');
const TOTAL_ROW = /^(合\s*计|总\s*计)$/u;

export interface Row {
  readonly cells: string[];
  /** 1-based line of the row's first cell. */
  readonly line: number;
}

export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly Row[];
  readonly layout: 'cell-lines' | 'tab-rows';
  readonly line: number;
}

export interface Item {
  readonly number: number;
  /** The item's line without its number. */
  readonly body: string;
  readonly line: number;
}

export interface BoxBlock {
  readonly number: number;
  readonly title: string;
  readonly line: number;
  /** Index into chapters, or -1 before the first chapter. */
  readonly chapter: number;
  table?: Table;
  note?: { readonly text: string; readonly line: number };
  items?: Item[];
}

export interface Paragraph {
  readonly text: string;
  readonly line: number;
  readonly chapter: number;
  readonly section: number;
}

export interface Chapter {
  readonly numeral: string;
  readonly title: string;
  readonly line: number;
  readonly sections: { readonly numeral: string; readonly title: string; readonly line: number }[];
  readonly boxes: number[];
}

export interface Unread {
  readonly line: number;
  readonly what: string;
}

export interface PlanDocument {
  readonly lines: readonly string[];
  readonly header: { readonly text: string; readonly line: number }[];
  preface?: { readonly title: string; readonly line: number };
  readonly chapters: Chapter[];
  readonly boxes: BoxBlock[];
  appendix?: { readonly title: string; readonly line: number; table?: Table };
  readonly paragraphs: Paragraph[];
  readonly unread: Unread[];
}

const CONTENTS_ENTRY = /(?:[.．…·・]{3,}|…{2,})\s*[0-9０-９]+$/u;

function headingOf(raw: string): { kind: 'chapter' | 'section' | 'box' | 'appendix' | 'preface'; match: RegExpExecArray | null; text: string } | undefined {
  const text = raw.trim();
  if (text.length === 0 || text.length > 60) return undefined;
  // An entry of a table of contents (dot leaders, then a page number) names a heading but is none.
  if (CONTENTS_ENTRY.test(text)) return undefined;
  if (/^(序|前)\s*言$/u.test(text)) return { kind: 'preface', match: null, text: text.replace(/\s+/g, '') };
  let match = CHAPTER.exec(text);
  if (match && !/[。；]$/u.test(text)) return { kind: 'chapter', match, text };
  match = SECTION.exec(text);
  if (match && !/[。；]$/u.test(text)) return { kind: 'section', match, text };
  match = BOX.exec(text);
  if (match) return { kind: 'box', match, text };
  match = APPENDIX.exec(text);
  if (match && !/[。；，]/u.test(text)) return { kind: 'appendix', match, text };
  return undefined;
}

const isBlank = (line: string): boolean => line.trim().length === 0;

/** Whether a row opens a part of the table or is its total: such rows are short by design. */
function isShortRow(cells: readonly string[]): boolean {
  const first = cells[0] ?? '';
  return PART_ROW.test(first) || TOTAL_ROW.test(first);
}

function startsRow(first: string): boolean {
  return /^\d+$/.test(first) || PART_ROW.test(first) || TOTAL_ROW.test(first);
}

/**
 * Reads a table that starts at `start` (0-based), in either layout:
 * - one cell a line: every cell on its own line after a tab, rows apart by blank lines; a line
 *   without the tab carries on the cell before it;
 * - tab-separated rows, where a row cut over several lines is joined again until it has as many
 *   cells as the header.
 */
export function readTable(lines: readonly string[], start: number): { table: Table; next: number } | undefined {
  let first = start;
  while (first < lines.length && isBlank(lines[first]!)) first += 1;
  const opening = lines[first];
  if (opening === undefined || !opening.includes('\t')) return undefined;
  const cellLines = opening.startsWith('\t') && !opening.slice(1).includes('\t');
  const rows: { cells: string[]; line: number; closed: boolean }[] = [];
  const complete = (row: { cells: string[] }, width: number): boolean => rows[0] === row || row.cells.length >= width || isShortRow(row.cells);
  let index = first;
  let previousRaw = '';
  /** A line without a tab between two rows of the table carries on the cell before it, even when that row looks complete. */
  const tableGoesOn = (from: number): boolean => {
    let at = from + 1;
    while (at < lines.length && isBlank(lines[at]!) && !(cellLines && lines[at]!.startsWith('\t'))) at += 1;
    const next = lines[at];
    return next?.includes('\t') === true && !headingOf(next);
  };
  for (; index < lines.length; index += 1) {
    const raw = lines[index]!;
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
        if (!current || current.closed) rows.push({ cells: [text], line: index + 1, closed: false });
        else current.cells.push(text);
      } else if (current && rows.length > 1 && (!complete(current, width) || tableGoesOn(index))) {
        current.cells[current.cells.length - 1] = `${current.cells[current.cells.length - 1]}\n${raw.trim()}`;
        current.closed = false;
      } else break;
      continue;
    }
    const fromTab = raw.startsWith('\t');
    const cells = (fromTab ? raw.slice(1) : raw).split('\t').map((cell) => cell.trim());
    if (!raw.includes('\t')) {
      // Right under a row, with no blank line between, a line without a tab is the rest of that row's last cell.
      const adjacent = !isBlank(lines[index - 1] ?? '') && !/^注[:：]/u.test(raw.trim());
      if (current && rows.length > 1 && (!complete(current, width) || tableGoesOn(index) || adjacent)) {
        current.cells[current.cells.length - 1] = `${current.cells[current.cells.length - 1]}${raw.trim()}`;
        previousRaw = raw;
        continue;
      }
      break;
    }
    if (current && rows.length > 1 && !complete(current, width) && !(startsRow(cells[0]!) && current.cells.length + cells.length > width)) {
      const separate = fromTab || previousRaw.endsWith('\t') || current.cells.length + cells.length === width;
      if (separate) current.cells.push(...cells);
      else {
        current.cells[current.cells.length - 1] = `${current.cells[current.cells.length - 1]}${cells[0]}`;
        current.cells.push(...cells.slice(1));
      }
    } else rows.push({ cells, line: index + 1, closed: false });
    previousRaw = raw;
  }
  if (rows.length < 2) return undefined;
  const [header, ...body] = rows;
  return {
    table: { header: header!.cells.map((cell) => cell.replace(/\s+/g, '')), rows: body.map(({ cells, line }) => ({ cells, line })), layout: cellLines ? 'cell-lines' : 'tab-rows', line: first + 1 },
    next: index,
  };
}

/** Reads the numbered items of a box (“1.标题。text”), up to the next heading or prose. */
function readItems(lines: readonly string[], start: number): { items: Item[]; next: number } {
  const items: Item[] = [];
  let index = start;
  let blank = false;
  for (; index < lines.length; index += 1) {
    const raw = lines[index]!;
    if (headingOf(raw)) break;
    if (isBlank(raw)) {
      blank = true;
      continue;
    }
    const match = ITEM.exec(raw.trim());
    if (match) {
      items.push({ number: Number(match[1]), body: match[2]!.trim(), line: index + 1 });
    } else if (items.length > 0 && !(blank && !raw.startsWith('\t'))) {
      // A line of an item cut by the conversion: it carries on the item.
      const last = items[items.length - 1]!;
      items[items.length - 1] = { ...last, body: `${last.body}${raw.trim()}` };
    } else break;
    blank = false;
  }
  return { items, next: index };
}

export function readDocument(text: string): PlanDocument {
  const lines = text.split(/\r?\n|\r/);
  const doc: PlanDocument = { lines, header: [], chapters: [], boxes: [], paragraphs: [], unread: [] };
  let chapter = -1;
  let section = -1;
  let started = false;
  let index = 0;
  while (index < lines.length) {
    const raw = lines[index]!;
    const heading = headingOf(raw);
    if (!heading) {
      if (!isBlank(raw)) {
        const line = { text: raw.trim(), line: index + 1 };
        if (!started) doc.header.push(line);
        else if (doc.appendix && !doc.appendix.table) {
          const found = readTable(lines, index);
          if (found) {
            doc.appendix.table = found.table;
            index = found.next;
            continue;
          }
          doc.unread.push({ line: index + 1, what: 'text after the appendix heading that is not a table' });
        } else if (raw.includes('\t') && raw.trim().includes('\t')) {
          const found = readTable(lines, index);
          if (found) {
            doc.unread.push({ line: index + 1, what: `a table outside any box (${found.table.rows.length} rows)` });
            index = found.next;
            continue;
          }
          doc.paragraphs.push({ ...line, chapter, section });
        } else doc.paragraphs.push({ ...line, chapter, section });
      }
      index += 1;
      continue;
    }
    const { kind, match } = heading;
    if (kind === 'preface') {
      started = true;
      doc.preface = { title: heading.text, line: index + 1 };
    } else if (kind === 'chapter') {
      started = true;
      doc.chapters.push({ numeral: match![1]!, title: match![2]!.trim(), line: index + 1, sections: [], boxes: [] });
      chapter = doc.chapters.length - 1;
      section = -1;
    } else if (kind === 'section' && chapter >= 0) {
      doc.chapters[chapter]!.sections.push({ numeral: match![1]!, title: match![2]!.trim(), line: index + 1 });
      section = doc.chapters[chapter]!.sections.length - 1;
    } else if (kind === 'section') {
      doc.unread.push({ line: index + 1, what: 'a section heading before any chapter' });
    } else if (kind === 'appendix') {
      started = true;
      let title = match![1]!.trim();
      let at = index + 1;
      if (title.length === 0) {
        while (at < lines.length && isBlank(lines[at]!)) at += 1;
        if (at < lines.length && !lines[at]!.includes('\t')) {
          title = lines[at]!.trim();
          at += 1;
        }
      }
      doc.appendix = { title: title || heading.text, line: index + 1 };
      index = at;
      continue;
    } else if (kind === 'box') {
      started = true;
      const box: BoxBlock = { number: Number(match![1]), title: match![2]!.trim(), line: index + 1, chapter };
      if (chapter >= 0) doc.chapters[chapter]!.boxes.push(box.number);
      doc.boxes.push(box);
      let at = index + 1;
      while (at < lines.length && isBlank(lines[at]!)) at += 1;
      const firstLine = lines[at] ?? '';
      if (ITEM.test(firstLine.trim())) {
        const read = readItems(lines, at);
        box.items = read.items;
        index = read.next;
        continue;
      }
      const found = readTable(lines, at);
      if (found) {
        box.table = found.table;
        at = found.next;
        let after = at;
        while (after < lines.length && isBlank(lines[after]!)) after += 1;
        if (/^注[:：]/u.test((lines[after] ?? '').trim())) {
          box.note = { text: lines[after]!.trim(), line: after + 1 };
          at = after + 1;
        }
        index = at;
        continue;
      }
      doc.unread.push({ line: index + 1, what: `专栏${box.number}: neither numbered items nor a table follow` });
    }
    index += 1;
  }
  return doc;
}
