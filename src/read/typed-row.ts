/**
 * A row of a layout table (pdftotext -layout) read again by what its cells hold, when its reading
 * by place holds a cell no such column holds: a nature that is no nature, a site that is no place,
 * an amount that is no number. pdftotext sets each line by its own scale, so a narrow column's
 * piece (平 of 平 / 峰 / 镇, a character a line) may stand where the column beside it starts, and
 * the content's first line where the site's does. Each line's pieces are given to the columns in
 * their order, every way that keeps each typed column's pieces possible, nearest their places
 * first, in the order the lines were printed or with one of them moved (pdftotext prints a line of
 * a tall row out of its order now and then); the row is read so only when every typed column then
 * reads as its kind.
 */
import { compare, parseDecimal } from '../decimal.js';
import { NATURES, YEARS_CELL, squeeze } from './lines.js';

/** What a column holds, as its header names it. */
export type ColumnKind = 'serial' | 'name' | 'department' | 'nature' | 'site' | 'content' | 'years' | 'money' | 'share' | 'other';

/** How a project's name ends: as works are named (…工程, …项目, …中心). */
export const NAME_ENDING = /(工程|项目|中心|基地|机构|院|馆|站|园|场|所|楼|室|校|网|台|线|路|桥|系统|平台|设施|改造|建设|扩建|新建|提升|计划|行动|）|\))$/u;
/** How a responsible department ends: as an office is named (…委, …局, …办). */
export const DEPARTMENT_ENDING = /(委|局|办|府|院|中心|公司|部|处|会|社|团|室|站|所|队|）|\))$/u;
/** How a site ends: as places are named (…街道, …镇). */
export const SITE_ENDING = /(街道|镇|乡|村|社区|城区|县城|全县|园区|开发区)$/u;

/** A piece of a line as the layout printed it: its text and the place it starts at. */
export interface LinePiece {
  readonly text: string;
  readonly start: number;
}

const KINDS: readonly (readonly [RegExp, ColumnKind])[] = [
  [/^序/u, 'serial'],
  [/名称/u, 'name'],
  [/部门|责任单位|主体/u, 'department'],
  [/性质/u, 'nature'],
  [/地址|地点|选址/u, 'site'],
  [/内容|规模/u, 'content'],
  [/年限|起止|期限/u, 'years'],
  // (The period's share of the investment: 其中：“十四五”投资, “十四五”计划投资.)
  [/(其中|十[一二三四五六七八九]?五|期间).*(投资|金额|资金)/u, 'share'],
  [/投资|金额|资金|估算/u, 'money'],
];

/** Each header cell's kind of column. */
export function columnKinds(header: readonly string[]): ColumnKind[] {
  return header.map((cell) => KINDS.find(([name]) => name.test(squeeze(cell)))?.[1] ?? 'other');
}

const NATURE_CHARACTERS = new Set(NATURES.join(''));
const AMOUNT = /^[0-9][0-9.,，]*$/u;
const HAN = /^[\p{Script=Han}（）()]+$/u;
/** A sentence's marks: a name, a site or a department holds none (the content's, printed where their column starts). */
const SENTENCE = /[。，；]/u;

/** Whether a piece may stand in a column of this kind at all. */
function pieceFits(kind: ColumnKind, text: string): boolean {
  switch (kind) {
    case 'serial':
      return /^\d{1,3}$/u.test(text);
    case 'money':
    case 'share':
      return AMOUNT.test(text);
    case 'years':
      return /^(?:\d{4}|[-—–~～〜至])/u.test(text) && /^[\d\s\-—–~～〜至年]+$/u.test(text);
    case 'nature':
      return [...text].every((char) => NATURE_CHARACTERS.has(char));
    case 'site':
    case 'department':
      return HAN.test(text);
    case 'name':
      return !/^[0-9.,，]+$/u.test(text) && !SENTENCE.test(text);
    case 'content':
      return !/^[0-9.,，]+$/u.test(text);
    default:
      return true;
  }
}

/** Whether the pieces of a column of this kind, as far as they go, may still become one of its cells. */
function partialFits(kind: ColumnKind, pieces: readonly string[]): boolean {
  if (pieces.length === 0) return true;
  const text = pieces.join('');
  switch (kind) {
    case 'serial':
    case 'money':
    case 'share':
      return pieces.length === 1;
    case 'years':
      return pieces.length <= 2;
    case 'nature': {
      const chars = [...text];
      return NATURES.some((nature) => chars.length <= nature.length && chars.every((char) => nature.includes(char)));
    }
    default:
      return true;
  }
}

/** Whether a column's cell reads as its kind: the typed columns only (a name or a content may be anything). */
function cellFits(kind: ColumnKind, text: string): boolean {
  switch (kind) {
    case 'serial':
    case 'money':
    case 'share':
      return pieceFits(kind, text);
    case 'years':
      return YEARS_CELL.test(text);
    case 'nature': {
      const sorted = [...text].sort().join('');
      return NATURES.some((nature) => [...nature].sort().join('') === sorted);
    }
    case 'site':
      return SITE_ENDING.test(text) && !SENTENCE.test(text);
    case 'name':
      return !SENTENCE.test(text);
    case 'department':
      return /^[县区市州旗镇乡]/u.test(text) && DEPARTMENT_ENDING.test(text) && !SENTENCE.test(text);
    default:
      return true;
  }
}

/**
 * Whether a row's cells read as their columns' kinds (the kinds of `columnKinds`), and the period's
 * share of the investment, where a column gives it beside the whole, is no more than the whole
 * (400 and 240 read the other way round from lines of their own).
 */
export function rowFits(kinds: readonly ColumnKind[], cells: readonly string[]): boolean {
  const texts = kinds.map((_, column) => (cells[column] ?? '').replace(/\s+/gu, ''));
  if (!kinds.every((kind, column) => cellFits(kind, texts[column]!))) return false;
  const whole = parseDecimal(texts[kinds.indexOf('money')]?.replace(/[,，]/gu, '') ?? '');
  const share = parseDecimal(texts[kinds.indexOf('share')]?.replace(/[,，]/gu, '') ?? '');
  return whole === undefined || share === undefined || compare(share, whole) <= 0;
}

interface State {
  /** Each line's pieces' columns. */
  readonly columns: readonly (readonly number[])[];
  /** Each column's pieces so far, in line order. */
  readonly pieces: readonly (readonly string[])[];
  readonly cost: number;
}

/** How many readings are carried from one line to the next. */
const BEAM = 200;
/** A piece's distance from its column's place counts up to this many places (pdftotext's grid shifts by a few). */
const FAR = 8;
/** How many of the nearest readings a line moved may mend. */
const MENDED = 20;
/** A row of more lines than this is no row read wrong but rows run together: it is not read again (the search grows with its lines). */
const MAX_LINES = 24;

/**
 * The row's cells, each a list of pieces in line order, read by kind (see the module's comment);
 * undefined when no reading makes every typed column read as its kind. `opening` is the index of
 * the row's opening line: its first piece is the serial.
 */
export function retypeRow(lines: readonly (readonly LinePiece[])[], anchors: readonly number[], kinds: readonly ColumnKind[], opening: number): string[][] | undefined {
  if (lines.length > MAX_LINES) return undefined;
  const count = anchors.length;
  let states: State[] = [{ columns: [], pieces: anchors.map(() => []), cost: 0 }];
  for (const [at, pieces] of lines.entries()) {
    const next: State[] = [];
    for (const state of states) {
      // Every way to give the line's pieces to columns in order, one piece a column (a range of
      // years two), each column's pieces still possible for its kind (a column a piece joins is
      // copied, the others shared).
      const choose = (piece: number, from: number, chosen: number[], cells: (readonly string[])[], cost: number): void => {
        if (piece === pieces.length) {
          next.push({ columns: [...state.columns, chosen], pieces: cells, cost });
          return;
        }
        // (A range of years printed with a space in it, 2021- 2024, is two pieces of one cell.)
        const previous = chosen[piece - 1];
        const sameRange = previous !== undefined && kinds[previous] === 'years' && /[-—–~～〜至]$/u.test(cells[previous]!.at(-1) ?? '');
        for (let column = sameRange ? from - 1 : from; column < count; column += 1) {
          const kind = kinds[column]!;
          const { text, start } = pieces[piece]!;
          if ((kind === 'serial') !== (at === opening && piece === 0) || !pieceFits(kind, text)) continue;
          const joined = [...cells[column]!, text];
          if (!partialFits(kind, joined)) continue;
          const after = [...cells];
          after[column] = joined;
          choose(piece + 1, column + 1, [...chosen, column], after, cost + Math.min(FAR, Math.abs(start - anchors[column]!)));
        }
      };
      choose(0, 0, [], [...state.pieces], state.cost);
    }
    next.sort((a, b) => a.cost - b.cost);
    states = next.slice(0, BEAM);
    if (states.length === 0) return undefined;
  }
  // The nearest reading whose typed cells all read, in line order or with one line moved (pdftotext
  // prints a line of a tall row out of its order now and then: 力社 / 峰 under 保局 / 镇).
  // (A line moved mends only a cell of pieces from two lines or more; the nearest readings are tried so.)
  const partsOf = (state: State): string[][] => anchors.map((_, column) => lines.map((pieces, line) => state.columns[line]!.flatMap((chosen, index) => (chosen === column ? [pieces[index]!.text] : [])).join('')));
  const fitsIn = (parts: readonly (readonly string[])[], order: readonly number[]): boolean =>
    rowFits(
      kinds,
      parts.map((lineParts) => order.map((line) => lineParts[line]).join('')),
    );
  const printed = Array.from({ length: lines.length }, (_, line) => line);
  const orders = lineOrders(lines.length, opening);
  // (A reading whose years run forward, and within a few decades, first: a range's end taken
  // from the amount beside it, 2022- 1900 over 2024 1140, reads 2022-1900 as well as 2022-2024,
  // and 2024- 6500 over 2024, 2024-6500. A range printed backwards is read as printed when no
  // other reading reads.)
  const years = kinds.indexOf('years');
  const forward = (cells: readonly (readonly string[])[]): boolean => {
    const range = /^(\d{4})\D+(\d{4})$/u.exec(cells[years]?.join('') ?? '');
    return range === null || (Number(range[1]) <= Number(range[2]) && Number(range[2]) - Number(range[1]) <= 30);
  };
  for (const strict of [true, false]) {
    for (const [rank, state] of states.entries()) {
      const parts = partsOf(state);
      if (fitsIn(parts, printed) && (!strict || forward(cellsIn(parts, printed)))) return cellsIn(parts, printed);
      const wrong = kinds.flatMap((kind, column) => (cellFits(kind, parts[column]!.join('')) ? [] : [column]));
      if (rank >= MENDED || wrong.some((column) => parts[column]!.filter((part) => part !== '').length < 2)) continue;
      const order = orders.find((candidate) => fitsIn(parts, candidate) && (!strict || forward(cellsIn(parts, candidate))));
      if (order) return cellsIn(parts, order);
    }
  }
  return undefined;
}

/** A reading's cells, each its lines' parts in `order`, the empty ones left out. */
function cellsIn(parts: readonly (readonly string[])[], order: readonly number[]): string[][] {
  return parts.map((lineParts) => order.map((line) => lineParts[line]!).filter((part) => part !== ''));
}

/** Each order of the lines with one line other than the opening one moved elsewhere, the shortest moves first. */
function lineOrders(count: number, opening: number): number[][] {
  const printed = Array.from({ length: count }, (_, line) => line);
  const moves: { order: number[]; distance: number }[] = [];
  for (let line = 0; line < count; line += 1) {
    if (line === opening) continue;
    for (let to = 0; to < count; to += 1) {
      if (to === line || to === line + 1) continue;
      const order = printed.filter((other) => other !== line);
      order.splice(to > line ? to - 1 : to, 0, line);
      moves.push({ order, distance: to > line ? to - line - 1 : line - to });
    }
  }
  return moves.sort((a, b) => a.distance - b.distance).map((move) => move.order);
}
