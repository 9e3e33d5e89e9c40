/**
 * What every reader does to printed text the same way: join wrapped lines, clean characters no
 * document means, and tell a heading from a paragraph by its printed number. Nothing here knows
 * a form (PDF, .docx, HTML) or a plan.
 */
import type { Heading, Place } from './blocks.js';

/** Marks no line opens with, and those no line ends with: a browser or word processor moves a character with them. */
export const NO_START = /^[，。、；：？！）》」』”’%]$/u;
export const NO_END = /^[（《「『“‘]$/u;

/** How projects are built, as an appendix's nature column names them (建设性质). */
export const NATURES: readonly string[] = ['新建', '改建', '扩建', '改扩建', '续建', '在建', '迁建', '改造'];

/** A box's title as readers meet it at the head of a frame or a cell: 专栏 and its number (专栏3, 专栏 三). */
export const BOX_TITLE = /^专栏\s*[0-9０-９一二三四五六七八九十]+/u;

/** Wide characters (CJK, their punctuation, full-width forms) take no space when lines are joined. */
function isWide(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  // Curly quotes, the dash and the ellipsis are set full width in Chinese text.
  return code >= 0x2e80 || (code >= 0x2018 && code <= 0x201d) || code === 0x2014 || code === 0x2026;
}

/**
 * Joins two printed lines of one paragraph or cell: no space between Chinese characters, none
 * inside a number broken over the line end ("建筑面积2" + "500㎡"), one space between words of
 * Latin text.
 */
export function joinLines(first: string, second: string, spacedFigures = false): string {
  const a = first.trimEnd();
  const b = second.trimStart();
  if (a === '') return b;
  if (b === '') return a;
  const last = a.at(-1)!;
  const next = b[0]!;
  if (spacedFigures && ((IDEOGRAPH.test(last) && /[0-9]/.test(next)) || (/[0-9]/.test(last) && IDEOGRAPH.test(next)))) return `${a} ${b}`;
  if (isWide(last) || isWide(next)) return a + b;
  // A number or a range of numbers wrapped inside (1,625,\n359; 15-\n20; 15\n-20).
  if (/[0-9.,~\-–]/.test(last) && /[0-9]/.test(next)) return a + b;
  if (/[0-9]/.test(last) && /[~\-–]/.test(next)) return a + b;
  return `${a} ${b}`;
}

const IDEOGRAPH = /^\p{Script=Han}$/u;

/** A table cell's lines (a <br>, or a paragraph a line) as one line, joined as printed lines are: the cell as `source.txt` and the draft both write it. */
export const cellLine = (text: string): string => (text.includes('\n') ? text.split('\n').reduce((joined, line) => joinLines(joined, line), '') : text);

/**
 * Whether a text sets a space between Chinese characters and figures ("九层 449.3 ㎡"): it does
 * when at least three of its boundaries between the two carry a space and more than twice as many
 * as carry none. A line that breaks at such a boundary lost its space to the line end; the text's
 * own habit tells whether there was one.
 */
function spacesFigures(lines: readonly string[]): boolean {
  const { spaced, bare } = boundarySpaces(lines, FIGURE_BOUNDARY);
  return spaced >= 3 && spaced > 2 * bare;
}

/** A boundary between a Chinese character and a figure, its space (if any) captured. */
const FIGURE_BOUNDARY = /(?<=\p{Script=Han})( ?)(?=[0-9])|(?<=[0-9])( ?)(?=\p{Script=Han})/gu;

/** How many of the boundaries `pattern` finds in `texts` carry a space (its first or second group), and how many none. */
export function boundarySpaces(texts: Iterable<string>, pattern: RegExp): { spaced: number; bare: number } {
  let spaced = 0;
  let bare = 0;
  for (const text of texts) {
    for (const match of text.matchAll(pattern)) {
      if ((match[1] ?? match[2]) === ' ') spaced += 1;
      else bare += 1;
    }
  }
  return { spaced, bare };
}

/** Joins the printed lines of one paragraph or cell (see joinLines), with a space where a line broke between a character and a figure in a text that spaces them. */
export function joinAll(lines: readonly string[]): string {
  const spaced = spacesFigures(lines);
  return lines.reduce((text, line) => joinLines(text, line, spaced), '');
}

/**
 * The text as a document may hold it: control characters (other than tab and line feed), lone
 * surrogates and the non-characters U+FFFE/U+FFFF become U+FFFD, so that nothing downstream
 * meets a character no printed page can show.
 */
export function cleanText(text: string): string {
  let clean = '';
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    let bad = false;
    if (code < 0x20) bad = code !== 0x09 && code !== 0x0a;
    else if (code === 0x7f || code === 0xfffe || code === 0xffff) bad = true;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) index += 1;
      else bad = true;
    } else if (code >= 0xdc00 && code <= 0xdfff) bad = true;
    if (bad) {
      clean += `${text.slice(start, index)}\uFFFD`;
      start = index + 1;
    }
  }
  return start === 0 ? text : clean + text.slice(start);
}

/** Whether a code point may stand in a document's text (XML 1.0 Char, less the controls cleanText replaces). */
export function isTextCodePoint(code: number): boolean {
  return code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code <= 0xd7ff && code !== 0x7f) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

const NUMERAL = '[一二三四五六七八九十百零〇两]+';
const DIGITS = '[0-9０-９]+';

/**
 * Printed numbers that open a heading, with the level they give. A number alone is not enough
 * for the lower levels: "一、" and "1." also open list items, so those need a short line (below).
 */
const HEADING_PATTERNS: readonly { readonly pattern: RegExp; readonly level: number; readonly short: boolean }[] = [
  { pattern: new RegExp(`^(第(?:${NUMERAL}|${DIGITS})(?:部分|[篇部]))\\s*`), level: 1, short: false },
  { pattern: new RegExp(`^(第(?:${NUMERAL}|${DIGITS})章)\\s*`), level: 1, short: false },
  { pattern: new RegExp(`^(第(?:${NUMERAL}|${DIGITS})节)\\s*`), level: 2, short: false },
  { pattern: new RegExp(`^(附表\\s*(?:${DIGITS}|${NUMERAL})?)(?:[\\s：:、.．]\\s*|(?=[^0-9０-９]))`), level: 1, short: false },
  { pattern: new RegExp(`^(附件\\s*(?:${DIGITS}|${NUMERAL})?)(?:[\\s：:、.．]\\s*|$)`), level: 1, short: false },
  { pattern: new RegExp(`^(专栏\\s*(?:${DIGITS}|${NUMERAL}))(?:[\\s：:、.．]\\s*|(?=[^0-9０-９]))`), level: 3, short: false },
  { pattern: new RegExp(`^(${NUMERAL}、)\\s*`), level: 1, short: true },
  { pattern: new RegExp(`^([（(]${NUMERAL}[）)])\\s*`), level: 2, short: true },
  { pattern: new RegExp(`^(${DIGITS}[.．、](?![0-9０-９]))\\s*`), level: 3, short: true },
];

/** The longest text after a list-like number ("一、", "（一）", "1.") that is still a heading. */
const SHORT_HEADING = 30;
/** The longest text after 第X章 and the like: anything longer is a sentence that starts so. */
const LONG_HEADING = 60;

/**
 * The heading a line of text is, by its printed number: 第X章 and 第X篇 (level 1), 第X节 (2),
 * 附表N/附件N (1), 专栏N (3), and, when the line is short and no sentence, 一、 (1), （一） (2)
 * and 1. (3). A line of a table of contents (dot leaders and a page number) is none.
 */
export function headingOf(text: string, place: Place): Heading | undefined {
  const line = text.trim();
  if (line === '' || /(?:[.．…·・]{3,}|…{2,})\s*[0-9０-９]+$/.test(line)) return undefined;
  for (const { pattern, level, short } of HEADING_PATTERNS) {
    const match = pattern.exec(line);
    if (match === null) continue;
    const rest = line.slice(match[0].length).trim();
    if (rest.length > (short ? SHORT_HEADING : LONG_HEADING)) return undefined;
    // A sentence (its own full stop or semicolon inside) opened by a number is a list item, not a heading.
    if (short && /[。；;！？]./.test(rest)) return undefined;
    if (short && /[。；;，,]$/.test(rest)) return undefined;
    // No heading ends as a sentence, nor names another of its kind (附表1、附表2）。: a sentence's end cut onto its own line).
    if (/[。；;]$/.test(rest) || /^(附表|附件|专栏)/.test(rest)) return undefined;
    return { kind: 'heading', level, number: match[1]!.replace(/\s+/g, ''), text: rest, place };
  }
  return undefined;
}

/** A heading from a style or tag (Word's "heading 2", HTML's h2) whose text may carry its printed number. */
export function styledHeading(text: string, level: number, place: Place): Heading {
  const byPattern = headingOf(text, place);
  if (byPattern?.number !== undefined) return { ...byPattern, level };
  return { kind: 'heading', level, text: text.trim(), place };
}

/** A label over the rest of a table a page broke (spaces left out): 续表, 续表1, （续表）, 续上表, 附表1（续）, 表2（续表）. */
export const CONTINUED = /^[（(]?续(上)?表[0-9０-９一二三四五六七八九十]*[）)]?$|^(附表|附件|表)[0-9０-９一二三四五六七八九十]*[（(]续表?[）)]$/u;

/** Text with its spaces (and full-width spaces) left out: a key to compare printed text by. */
export const squeeze = (text: string): string => text.replace(/[\s\u3000]+/gu, '');

/** The header of a project's years (建设年限, 建设起止年限, 建设年度, 建设周期, 实施时间). */
export const YEARS_HEADER = /年限|年份|年度|起止|期限|建设年|周期|时间/u;
/** What may follow a year in a project's years cell: 年, or its month (2021.1, 2021/09, 2021年3月). */
export const YEAR_MONTH = String.raw`(?:\s*(?:年|[.．/])\s*\d{1,2}\s*月?|\s*年)?`;
/** A project's years cell, whole: 2021, 2021-2023, 2021年—2023年, 2021.1-2023.12, 2021年3月—2022年12月. */
export const YEARS_CELL = new RegExp(String.raw`^\d{4}${YEAR_MONTH}(?:\s*[-—–~～〜至到]+\s*\d{4}${YEAR_MONTH})?$`, 'u');
