/**
 * Stage 1 of the drafter: the document model's blocks → the plan's structure. The outline
 * (序言, 第X章, 第X节), the boxes (专栏N: a table and its note, or numbered items), the appendix
 * (附表 and its table) and the prose paragraphs, each with its place in the published form.
 * Headings are taken from heading blocks, and from paragraphs that print one (a .docx that
 * styles its headings as plain text); a box from a framed block, or from a 专栏 heading and the
 * table or items after it.
 */
import type { Block, DocumentModel, Place, TableBlock } from '../../read/blocks.js';
import { asciiDigits, DocumentHeadings, headingNumeral, headingOf, headingStyleOf, itemOf, NUMERAL, opensSerialRow, UNIT_LINE, type HeadingLine } from '../../headings.js';

const NOT_A_TABLE = 'text after the appendix heading that is not a table';
const AFTER_TABLE = 'rows after the appendix table that are not in it';
const ROW_START = new RegExp(`^(?:[0-9０-９]+\\s|${NUMERAL}、|[（(]${NUMERAL}[）)]|[合小总]\\s*计)`, 'u');
const squeeze = (text: string): string => text.replace(/[\s\u3000]+/gu, '');

export interface Row {
  readonly cells: string[];
  /** Per cell: printed over several lines and joined by the reader. */
  readonly joined: readonly boolean[];
  readonly place: Place;
}

export interface Table {
  /** The header row's cells, spaces taken out. */
  readonly header: readonly string[];
  readonly rows: readonly Row[];
  readonly place: Place;
  /** The money unit a row above the header states (单位：万元, its only cell). */
  readonly unit?: string;
}

export interface Item {
  readonly number: number;
  /** The item's text without its number. */
  readonly body: string;
  readonly place: Place;
}

export interface BoxPart {
  readonly number: number;
  readonly title: string;
  readonly place: Place;
  /** Index into chapters, or -1 before the first chapter. */
  readonly chapter: number;
  table?: Table;
  note?: { readonly text: string; readonly place: Place };
  items?: Item[];
}

export interface ProseParagraph {
  readonly text: string;
  readonly place: Place;
  readonly chapter: number;
  readonly section: number;
}

export interface Chapter {
  readonly numeral: string;
  readonly title: string;
  readonly place: Place;
  readonly sections: { readonly numeral: string; readonly title: string; readonly place: Place }[];
  readonly boxes: number[];
}

/** The parts of a plan the drafter reads; a part it could not read is recorded under its name. */
export type Part = 'appendix' | 'indicators' | 'services' | 'boxes' | 'outline';

export interface Unread {
  readonly place: Place;
  readonly what: string;
  /** The part of the plan that could not be read, when the audit must not judge it. */
  readonly part?: Part;
  /** One appendix row misread, the others read: its table's number, its section's numeral when serials restart in each, and its serial. */
  readonly row?: { readonly table: number; readonly section?: string; readonly serial: number; readonly cells?: readonly string[] };
}

export interface Appendix {
  /** As printed: 附表, 附表1. */
  readonly number: string;
  readonly title: string;
  readonly place: Place;
  table?: Table;
  /** The money unit a line between its title and its table states (单位：万元). */
  unit?: string;
}

export interface Structure {
  /** Lines before the first heading (document number, issuer, title, date), in order. */
  readonly header: { readonly text: string; readonly place: Place }[];
  /** Every heading and paragraph text in order: where identity words are looked for. */
  readonly texts: string[];
  preface?: { readonly title: string; readonly place: Place };
  readonly chapters: Chapter[];
  readonly boxes: BoxPart[];
  /** The first appendix table; every appendix heading is in `appendices`. */
  appendix?: Appendix;
  readonly appendices: Appendix[];
  readonly paragraphs: ProseParagraph[];
  readonly unread: Unread[];
  /** The first indicator table that stands in no box, with the label and title its caption prints (表1 主要指标). */
  indicatorTable?: { readonly label: string; readonly title: string; readonly table: Table; readonly place: Place };
  /** The first caption of the prose that names an indicator table (表1 主要指标), table read under it or not. */
  indicatorCaption?: { readonly label: string; readonly title: string; readonly place: Place };
}

/** A place as a user reads it after a file name: `12` (text line), `p. 3, line 12`, `¶ 5`, an element path. */
export function placeText(at: Place): string {
  switch (at.form) {
    case 'text':
      return String(at.line);
    case 'pdf':
      return `p. ${at.page}, line ${at.line}`;
    case 'docx':
      return 'paragraph' in at ? `¶ ${at.paragraph}` : `table ${at.table}, row ${at.row}`;
    case 'html':
      return at.path;
  }
}

/** A place in words for a check note: `line 12` in a text, else as placeText. */
export function placeWords(at: Place): string {
  return at.form === 'text' ? `line ${at.line}` : placeText(at);
}

/** A number to sort places by within one form (line, paragraph, or page and line). */
export function placeOrder(at: Place): number {
  if (at.form === 'text') return at.line;
  if (at.form === 'pdf') return at.page * 100_000 + at.line;
  if (at.form === 'docx') return 'paragraph' in at ? at.paragraph : at.table * 100_000 + at.row;
  return 0;
}

/** A table's caption in the text, 表1 主要指标 (附表2：…): its label and title; undefined for any other line. */
export function tableCaption(text: string): { readonly label: string; readonly title: string } | undefined {
  const match = /^((?:附表|表)\s*[0-9０-９一二三四五六七八九十]+)\s*[:：]?\s*(\S.{0,60})$/u.exec(text.trim());
  return match && !/[。；]$/u.test(match[2]!) ? { label: asciiDigits(match[1]!.replace(/\s+/gu, '')), title: match[2]!.trim() } : undefined;
}

/** Whether a table is an indicator table: an 指标 column and a 单位 column. */
export const isIndicatorTable = (table: Table): boolean => table.header.some((cell) => /指标/u.test(cell)) && table.header.some((cell) => /单位/u.test(cell));

/** A table's rows as a grid: a cell spanning columns leaves empty cells after it, one spanning rows is repeated below. */
function tableOf(block: TableBlock): Table | undefined {
  const grid: { text: string; joined: boolean }[][] = [];
  block.rows.forEach((row, rowIndex) => {
    grid[rowIndex] ??= [];
    const cells = grid[rowIndex];
    let column = 0;
    for (const cell of row.cells) {
      while (cells[column] !== undefined) column += 1;
      for (let down = 0; down < Math.max(1, cell.rowSpan); down += 1) {
        grid[rowIndex + down] ??= [];
        const target = grid[rowIndex + down]!;
        target[column] = { text: cell.text, joined: cell.joined === true };
        for (let across = 1; across < Math.max(1, cell.colSpan); across += 1) target[column + across] = { text: '', joined: false };
      }
      column += Math.max(1, cell.colSpan);
    }
  });
  const rows = block.rows.map((row, index) => {
    const cells = Array.from(grid[index] ?? [], (cell) => cell ?? { text: '', joined: false });
    while (cells.length > 1 && cells[cells.length - 1]!.text === '') cells.pop();
    return { cells: cells.map((cell) => cell.text), joined: cells.map((cell) => cell.joined), place: row.place };
  });
  // A row above the header that only states the unit (单位：万元, set right across the table) is not the header.
  const unitOf = (row: Row | undefined): string | undefined => {
    const filled = row?.cells.filter((cell) => cell.trim() !== '') ?? [];
    return filled.length === 1 ? UNIT_LINE.exec(filled[0]!.trim())?.[1] : undefined;
  };
  const unit = unitOf(rows[0]);
  const [header, ...rest] = unit === undefined ? rows : rows.slice(1);
  if (!header) return undefined;
  const squeezed = (row: Row): string[] => row.cells.map((cell) => cell.replace(/\s+/g, ''));
  let names = squeezed(header);
  /** The header's rows as printed, to know them again after a page break. */
  const printed = [names];
  // A header over two rows (投资估算（万元） over 总投资 | 中央资金 | 地方配套): the cells that span both
  // repeat below, so the next row opens as the header does; a name under a spanning cell joins it
  // (投资估算（万元）总投资), or stands alone under the cell's empty continuation.
  const below = rest[0] ? squeezed(rest[0]) : [];
  if (names[0] !== '' && below[0] === names[0] && below.some((name, index) => name !== (names[index] ?? ''))) {
    rest.shift();
    // Printed again after a page break, the second row may come without the cells spanning both
    // (its own names alone, read from the left).
    printed.push(below, below.filter((name, index) => name !== '' && name !== names[index]));
    names = Array.from({ length: Math.max(names.length, below.length) }, (_, index) => {
      const [upper = '', lower = ''] = [names[index], below[index]];
      return lower === '' || lower === upper ? upper : upper === '' ? lower : `${upper}${lower}`;
    });
  }
  // The header printed again after a page break, its unit row with it, where the reader kept them.
  const again = (row: Row): boolean => (unit !== undefined && unitOf(row) === unit) || printed.some((cells) => row.cells.length === cells.length && squeezed(row).every((cell, index) => cell === cells[index]));
  const body = rest.filter((row) => !again(row));
  if (body.length === 0) return undefined;
  return { header: names, rows: body, place: block.place, ...(unit === undefined ? {} : { unit }) };
}

/**
 * The numbered items of paragraphs (“1.标题。text”, “（1）标题。text”); undefined unless every
 * paragraph is one (or carries on the one before). The first item sets how items are numbered: a
 * paragraph numbered the other way (（1） under 1.) carries on the item before.
 */
function itemsOf(paragraphs: readonly { text: string; place: Place }[]): Item[] | undefined {
  const items: Item[] = [];
  let bracketed: boolean | undefined;
  for (const paragraph of paragraphs) {
    const item = itemOf(paragraph.text);
    bracketed ??= item?.bracketed;
    if (item && item.bracketed === bracketed) items.push({ number: item.number, body: item.body, place: paragraph.place });
    else if (items.length > 0) {
      const last = items[items.length - 1]!;
      items[items.length - 1] = { ...last, body: `${last.body}${paragraph.text.trim()}` };
    } else return undefined;
  }
  return items.length > 0 ? items : undefined;
}

/** The paragraphs of a one-cell table (a box printed as a frame): its lines. */
function oneCellParagraphs(block: TableBlock): { text: string; place: Place }[] | undefined {
  if (block.rows.some((row) => row.cells.length !== 1)) return undefined;
  return block.rows.flatMap((row) => row.cells[0]!.text.split('\n').map((text) => ({ text, place: row.place })));
}

/** A heading block's or a paragraph's text as printed, number first. */
const printedText = (block: Block): string | undefined =>
  block.kind === 'heading' ? `${block.number ?? ''}${block.number ? ' ' : ''}${block.text}` : block.kind === 'paragraph' ? block.text : undefined;

/** The blocks in reading order, a box's after it. */
const flatBlocks = (blocks: readonly Block[]): Block[] => blocks.flatMap((block) => (block.kind === 'box' ? [block, ...flatBlocks(block.blocks)] : [block]));

/** The texts of the blocks that may be headings, boxes' included, in order. */
const headingTexts = (blocks: readonly Block[]): string[] => flatBlocks(blocks).flatMap((block) => printedText(block) ?? []);

/** Whether a block is a table's row or a table: what a category stands over. */
const rowBlock = (block: Block | undefined): boolean => block?.kind === 'table' || (block?.kind === 'paragraph' && opensSerialRow(block.text));

export function readStructure(model: DocumentModel): Structure {
  const doc: Structure = { header: [], texts: [], chapters: [], boxes: [], appendices: [], paragraphs: [], unread: [] };
  const headings = new DocumentHeadings(headingStyleOf(headingTexts(model.blocks)));
  // What follows each block, boxes' blocks included: a heading over a table's row is the table's.
  const order = flatBlocks(model.blocks);
  const overRow = new Map(order.map((block, at) => [block, rowBlock(order[at + 1])]));
  const headingOfBlock = (block: Block): HeadingLine | undefined => {
    const text = printedText(block);
    return text === undefined ? undefined : headings.take(text, overRow.get(block));
  };
  let chapter = -1;
  let section = -1;
  let started = false;
  /** The box whose contents come next, until a heading or prose. */
  let openBox: BoxPart | undefined;
  /** The appendix, when it is the last heading read: the text under it should be its table. */
  let lastHeading: Appendix | undefined;
  /** The paragraphs of the open box so far, read as items at its end. */
  let boxParagraphs: { text: string; place: Place }[] = [];
  const closeBox = (): void => {
    if (!openBox) return;
    if (!openBox.table && !openBox.items) {
      const items = itemsOf(boxParagraphs);
      if (items) openBox.items = items;
      // A box titled for indicators held the indicator table: the box rules still judge the other boxes.
      else doc.unread.push({ place: openBox.place, what: `专栏${openBox.number}: neither numbered items nor a table follow`, part: /指标/u.test(openBox.title) ? 'indicators' : 'boxes' });
    }
    openBox = undefined;
    boxParagraphs = [];
  };
  const openBoxAt = (heading: HeadingLine, at: Place): BoxPart => {
    closeBox();
    started = true;
    const box: BoxPart = { number: Number(heading.number!.replace(/^专栏/u, '')), title: heading.text, place: at, chapter };
    if (chapter >= 0) doc.chapters[chapter]!.boxes.push(box.number);
    doc.boxes.push(box);
    return box;
  };
  const visit = (block: Block): void => {
    if (block.kind === 'box') {
      const heading = headingOf(block.title);
      if (heading?.kind !== 'box') {
        for (const inner of block.blocks) visit(inner);
        return;
      }
      openBox = openBoxAt(heading, block.place);
      for (const inner of block.blocks) visit(inner);
      closeBox();
      return;
    }
    if (block.kind === 'table') {
      // A caption the reader took from the heading just read (附表1 …, 专栏1 …) names what that heading opened.
      const caption = block.caption ? headingOf(block.caption) : undefined;
      const lastAppendix = doc.appendices[doc.appendices.length - 1];
      const captioned = (number: string | undefined): boolean => squeeze(number ?? '') !== '' && squeeze(number ?? '') === squeeze(caption?.number ?? '');
      if (caption?.kind === 'appendix' && !(lastAppendix && lastAppendix === lastHeading && !lastAppendix.table && captioned(lastAppendix.number))) {
        visit({ kind: 'heading', level: 1, number: caption.number!, text: caption.text, place: block.place });
      } else if (caption?.kind === 'box' && !(openBox && !openBox.table && !openBox.items && boxParagraphs.length === 0 && captioned(`专栏${openBox.number}`))) openBox = openBoxAt(caption, block.place);
      const paragraphs = oneCellParagraphs(block);
      const framedItems = paragraphs ? itemsOf(paragraphs) : undefined;
      if (openBox && !openBox.table && !openBox.items && framedItems) {
        openBox.items = framedItems;
        closeBox();
        return;
      }
      const table = tableOf(block);
      if (openBox && !openBox.table && !openBox.items && boxParagraphs.length === 0 && table) {
        openBox.table = table;
        return;
      }
      const appendix = doc.appendices[doc.appendices.length - 1];
      if (!openBox && appendix && !appendix.table && table) {
        appendix.table = table;
        return;
      }
      closeBox();
      if (paragraphs) for (const paragraph of paragraphs) visit({ kind: 'paragraph', text: paragraph.text, place: paragraph.place });
      // An indicator table printed outside any 专栏 (表1 …, a table of the text): the format holds the
      // one of a 专栏, so the indicators are not read, and the summary says so first.
      else if (started && table && isIndicatorTable(table)) {
        // An indicator table in no box, captioned 表1 …: read by its label; without a caption, unread.
        const caption = tableCaption(block.caption ?? doc.paragraphs.at(-1)?.text ?? '');
        if (caption && !doc.indicatorTable) doc.indicatorTable = { ...caption, table, place: block.place };
        else doc.unread.push({ place: block.place, what: `an indicator table outside any 专栏 (${block.rows.length} rows), with no 表N caption to name it`, part: 'indicators' });
      } else if (started) doc.unread.push({ place: block.place, what: `a table outside any box (${block.rows.length} rows)` });
      return;
    }
    const heading = headingOfBlock(block);
    const text = block.kind === 'paragraph' ? block.text.trim() : `${block.number ?? ''}${block.text}`;
    doc.texts.push(text);
    if (!heading) {
      if (text.length === 0) return;
      if (openBox) {
        if (openBox.table && !openBox.note && /^注[:：]/u.test(text)) {
          openBox.note = { text, place: block.place };
          return;
        }
        // Up to the next heading, the lines under a box heading are the box's: read as its items, or recorded unread, never as prose.
        if (!openBox.table && !openBox.items) {
          boxParagraphs.push({ text, place: block.place });
          return;
        }
        closeBox();
      }
      const appendix = doc.appendices[doc.appendices.length - 1];
      if (!started) doc.header.push({ text, place: block.place });
      else if (appendix && appendix === lastHeading && !appendix.table && !appendix.unit && UNIT_LINE.test(text)) appendix.unit = UNIT_LINE.exec(text)![1]!;
      else if (appendix && appendix === lastHeading && !appendix.table) {
        // Once an appendix: the lines under it are one unread region, not one entry a line.
        if (!doc.unread.some((unread) => unread.what === NOT_A_TABLE && placeOrder(unread.place) >= placeOrder(appendix.place))) doc.unread.push({ place: block.place, what: NOT_A_TABLE, part: 'appendix' });
      } else if (appendix && appendix === lastHeading) {
        // Text under an appendix is never a chapter's prose. A row after its table (a serial, 一、, 合计 first) is the table's: rows the reader could not make out.
        if (ROW_START.test(text) && !doc.unread.some((unread) => unread.what === AFTER_TABLE && placeOrder(unread.place) >= placeOrder(appendix.place))) doc.unread.push({ place: block.place, what: AFTER_TABLE, part: 'appendix' });
      }
      else {
        // (A PDF's text may run the caption on into the table's lines: the caption is the paragraph's head, up to 指标.)
        const caption = /^((?:附表|表)\s*[0-9０-９一二三四五六七八九十]+)\s*[:：]?\s*(\S[^。；]{0,40}?指标表?)/u.exec(text);
        if (caption) doc.indicatorCaption ??= { label: asciiDigits(caption[1]!.replace(/\s+/gu, '')), title: caption[2]!, place: block.place };
        doc.paragraphs.push({ text, place: block.place, chapter, section });
      }
      return;
    }
    if (heading.kind === 'box') {
      openBox = openBoxAt(heading, block.place);
      return;
    }
    closeBox();
    started = true;
    lastHeading = undefined;
    if (heading.kind === 'preface') doc.preface = { title: heading.text, place: block.place };
    else if (heading.kind === 'chapter') {
      doc.chapters.push({ numeral: headingNumeral(heading.number!), title: heading.text, place: block.place, sections: [], boxes: [] });
      chapter = doc.chapters.length - 1;
      section = -1;
    } else if (heading.kind === 'section' && chapter >= 0) {
      doc.chapters[chapter]!.sections.push({ numeral: headingNumeral(heading.number!), title: heading.text, place: block.place });
      section = doc.chapters[chapter]!.sections.length - 1;
    } else if (heading.kind === 'section') doc.unread.push({ place: block.place, what: 'a section heading before any chapter', part: 'outline' });
    else if (heading.kind === 'appendix') {
      const appendix: Appendix = { number: heading.number!, title: heading.text || heading.number!, place: block.place };
      doc.appendices.push(appendix);
      lastHeading = appendix;
    }
  };
  for (const block of model.blocks) visit(block);
  closeBox();
  const appendix = doc.appendices.find((candidate) => candidate.table) ?? doc.appendices[doc.appendices.length - 1];
  if (appendix) doc.appendix = appendix;
  // Text under an appendix heading before its table was read after all: the appendix is not
  // unread. (Only under the heading that got its table: of two, the one with no table read stays unread.)
  doc.unread.forEach((unread, index) => {
    if (unread.what !== NOT_A_TABLE) return;
    const under = doc.appendices.filter((heading) => placeOrder(heading.place) <= placeOrder(unread.place)).at(-1);
    if (under?.table) doc.unread[index] = { place: unread.place, what: unread.what };
  });
  return doc;
}
