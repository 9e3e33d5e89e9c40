/**
 * The headings of a Chinese government document, as printed in any form: 第X章, 第X节 (or 一、,
 * （一） in a plan numbered so), 序言/前言, 专栏N, 附表N/附件N. Readers use them to find the
 * structure of a text; the drafter uses them on paragraphs a reader did not mark as headings (a
 * .docx that styles headings as plain text).
 */

import { parseChineseNumeral } from './numerals.js';

export const NUMERAL = '[一二三四五六七八九十百零〇两]+';
const CHAPTER = new RegExp(`^(第${NUMERAL}章)\\s*(\\S.*)$`, 'u');
/** A part (第一部分): the chapters of a plan that has no 第X章. */
const PART = new RegExp(`^(第${NUMERAL}部分)\\s*(\\S.*)$`, 'u');
const SECTION = new RegExp(`^(第${NUMERAL}节)\\s*(\\S.*)$`, 'u');
/** A box's or a table's number: digits, or a numeral (专栏一 主要指标, 附表二：…, 专栏三弱有所扶重点工程 as pdftotext -raw prints it). */
const HEADING_NUMBER = `[0-9０-９]+|${NUMERAL}`;
const BOX = new RegExp(`^专栏\\s*(${HEADING_NUMBER})\\s*[:：]?\\s*(.*)$`, 'u');
const APPENDIX = new RegExp(`^(附(?:表|件))\\s*(${HEADING_NUMBER})?\\s*[:：]?\\s*(.*)$`, 'u');

/** A box's or a table's number as digits: 3, ３ and 三 alike. */
export const arabic = (number: string): string => (/^[0-9０-９]+$/u.test(number) ? asciiDigits(number) : String(parseChineseNumeral(number) ?? number));

/**
 * A table's unit, printed on a line of its own between its title and its rows (单位：万元,
 * （金额单位：亿元）), or at the end of its title: the money unit its amounts are in.
 */
export const UNIT_LINE = /^[（(]?(?:金额|投资|计量)?单位\s*[:：]\s*(万元|亿元|元)\s*[）)]?$/u;
const UNIT_IN_TITLE = /\s*[（(]?(?:金额|投资|计量)?单位\s*[:：]\s*(万元|亿元|元)\s*[）)]?$/u;

/** A table title's unit at its end (…项目表（单位：万元）, or set apart by spaces), and the title without it. */
export function titleUnit(title: string): { readonly title: string; readonly unit?: string } {
  const match = UNIT_IN_TITLE.exec(title);
  if (!match || match.index === 0) return { title };
  return { title: title.slice(0, match.index).trim(), unit: match[1]! };
}

/** The header of a column before the serials whose label is merged down the rows it names (类别 | 序号 | 指标 …, 项目类别 | 序号 | 项目名称 …). */
export const CATEGORY_HEADER = /^(?:项目)?(?:类别|分类|领域|类型|行业|板块)$/u;

/** A numbered item of a box or a list: 1. 1． 1、 or （1）, then its text. */
export const ITEM = /^(?:([0-9０-９]+)[.．、]|[（(]([0-9０-９]+)[）)])\s*(\S.*)$/u;

/** A numbered item's number, how it is numbered (1. and （1） are two lists) and its text; undefined for any other line. */
export function itemOf(text: string): { readonly number: number; readonly bracketed: boolean; readonly body: string } | undefined {
  const match = ITEM.exec(text.trim());
  if (!match) return undefined;
  return { number: Number(asciiDigits(match[1] ?? match[2]!)), bracketed: match[1] === undefined, body: match[3]!.trim() };
}

/** A chapter or a section numbered as a list is (一、 / （一）), as shorter plans number them: a heading only when short and no sentence. */
const LISTED_CHAPTER = new RegExp(`^(${NUMERAL}、)\\s*([^\\s。；，：,;:]{2,30})$`, 'u');
const LISTED_SECTION = new RegExp(`^([（(]${NUMERAL}[）)])\\s*([^\\s。；，：,;:]{2,30})$`, 'u');

/**
 * How a document numbers its chapters and sections: 第一章 / 第一节 (`chapters`); 第一章 with
 * sections numbered 一、 (`sections-listed`: no line a 第X节 heading, and a chapter holds a line
 * numbered 一、 followed by one numbered 二、); or 一、 / （一） (`listed`), the numbers lists use,
 * when no line is a 第X章 heading and a line numbered 一、 is followed by one numbered 二、 or 三、 (a
 * table's part rows may be too: a document of no chapters at all reads the same either way). A
 * plan with no 第X章 whose top headings are 第一部分, 第二部分 has those for chapters (`parts`, or
 * `parts-sections-listed` with sections numbered 一、); in one that has both, a part holds chapters
 * and is none.
 */
export type HeadingStyle = 'chapters' | 'sections-listed' | 'listed' | 'parts' | 'parts-sections-listed';

export function headingStyleOf(texts: Iterable<string>): HeadingStyle {
  // The next listed number to find: 一、, then 二、 or 三、 (one lost in reading; other lines numbered 一、 may stand between).
  let next = 1;
  let chapters = false;
  let parts = false;
  let sections = false;
  let listedSections = false;
  // Listed sections counted inside parts, for a plan whose parts turn out to be its chapters.
  let partNext = 1;
  let partSections = false;
  for (const raw of texts) {
    const text = raw.trim();
    if (CHAPTER.test(text) && !/[。；]$/u.test(text)) {
      // In a chapter, its listed sections are counted afresh.
      chapters = true;
      next = 1;
      continue;
    }
    if (PART.test(text) && !/[。；]$/u.test(text)) {
      parts = true;
      partNext = 1;
      continue;
    }
    if (SECTION.test(text) && !/[。；]$/u.test(text)) sections = true;
    const match = LISTED_CHAPTER.exec(text);
    const number = match ? parseChineseNumeral(match[1]!.slice(0, -1)) : undefined;
    if (number !== undefined && (number === next || (next > 1 && number === next + 1))) next = number + 1;
    if (number !== undefined && (number === partNext || (partNext > 1 && number === partNext + 1))) partNext = number + 1;
    if (chapters && next > 2) listedSections = true;
    if (parts && partNext > 2) partSections = true;
  }
  if (chapters) return listedSections && !sections ? 'sections-listed' : 'chapters';
  if (parts) return partSections && !sections ? 'parts-sections-listed' : 'parts';
  return next > 2 ? 'listed' : 'chapters';
}

export type HeadingKind = 'preface' | 'chapter' | 'section' | 'box' | 'appendix';

export interface HeadingLine {
  readonly kind: HeadingKind;
  /** As printed, spaces taken out: 第三章, 第二节, 专栏3, 附表1 (专栏三 and 附表一 in digits); absent for 序言. */
  readonly number?: string;
  /** The heading's words after its number (may be empty for 附表 on a line of its own). */
  readonly text: string;
}

/** Full-width digits (０-９) as ASCII digits: the same number, however it was typed. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/** The heading a line is, if it is one: short, and not a sentence. In a document of `listed` style 一、 opens a chapter and （一） a section; of `sections-listed` style 一、 a section. */
export function headingOf(raw: string, style: HeadingStyle = 'chapters'): HeadingLine | undefined {
  const text = raw.trim();
  if (text.length === 0 || text.length > 60) return undefined;
  if (/^(序|前)\s*言$/u.test(text)) return { kind: 'preface', text: text.replace(/\s+/g, '') };
  if (style === 'listed') {
    const listed = LISTED_CHAPTER.exec(text) ?? LISTED_SECTION.exec(text);
    if (listed) return { kind: listed[1]!.endsWith('、') ? 'chapter' : 'section', number: listed[1]!.replace(/[()]/gu, (bracket) => (bracket === '(' ? '（' : '）')), text: listed[2]! };
  } else if (style === 'sections-listed' || style === 'parts-sections-listed') {
    const listed = LISTED_CHAPTER.exec(text);
    if (listed) return { kind: 'section', number: listed[1]!, text: listed[2]! };
  }
  let match = (style === 'parts' || style === 'parts-sections-listed' ? PART.exec(text) : null) ?? CHAPTER.exec(text);
  if (match && !/[。；]$/u.test(text)) return { kind: 'chapter', number: match[1]!, text: match[2]!.trim() };
  match = SECTION.exec(text);
  if (match && !/[。；]$/u.test(text)) return { kind: 'section', number: match[1]!, text: match[2]!.trim() };
  match = BOX.exec(text);
  if (match) return { kind: 'box', number: `专栏${arabic(match[1]!)}`, text: match[2]!.trim() };
  match = APPENDIX.exec(text);
  // Not a sentence, nor a list of appendices cut from its sentence (附表1、附表2）).
  if (match && !/[。；，]/u.test(text) && !/^[、）)]|附(表|件)/u.test(match[3]!)) return { kind: 'appendix', number: `${match[1]!}${match[2] ? arabic(match[2]) : ''}`, text: match[3]!.trim() };
  return undefined;
}

/**
 * The headings of one document, read in order. In `listed` style a line numbered 一、 is a chapter
 * only as the next chapter (or the one after: a number skipped is the audit's to report), （一） a
 * section only as the next of its chapter, and neither after an appendix heading: the same numbers
 * open a table's part rows, an indicator category and a list in the prose.
 */
export class DocumentHeadings {
  private chapters = 0;
  private sections = 0;
  private appendix = false;

  constructor(readonly style: HeadingStyle) {}

  /**
   * The heading `text` would be here, without moving past it. `overRow`: what comes next is a
   * table's row (a line that opens with a serial, a table): a line numbered as a list over it is
   * the table's category (二、学有所教 over 3 学前教育毛入园率), as is a line with a tab.
   */
  peek(text: string, overRow = false): HeadingLine | undefined {
    const heading = headingOf(text, this.appendix ? 'chapters' : this.style);
    const listed = heading?.number === undefined ? undefined : listedNumber(heading.number);
    if (listed === undefined) return heading;
    if (text.includes('\t') || overRow) return undefined;
    const next = heading!.kind === 'chapter' ? this.chapters + 1 : this.sections + 1;
    if (heading!.kind === 'section' && this.chapters === 0) return undefined;
    return listed === next || listed === next + 1 ? heading : undefined;
  }

  /** The heading `text` is here, if any: read past it. */
  take(text: string, overRow = false): HeadingLine | undefined {
    const heading = this.peek(text, overRow);
    if (heading?.kind === 'chapter') {
      this.chapters = listedNumber(heading.number!) ?? this.chapters + 1;
      this.sections = 0;
    } else if (heading?.kind === 'section') this.sections = listedNumber(heading.number!) ?? this.sections + 1;
    else if (heading?.kind === 'appendix') this.appendix = true;
    return heading;
  }
}

/** A line that opens a table's row with its serial (3 学前教育毛入园率, 3\t…, 3 on a line of its own). */
export const opensSerialRow = (text: string): boolean => /^\s*[0-9０-９]+(\s|$)/u.test(text);

/** The number of a heading numbered as a list is (一、 → 1, （二） → 2); undefined for 第X章 and the rest. */
function listedNumber(number: string): number | undefined {
  const match = new RegExp(`^[（(]?(${NUMERAL})(?:、|[）)])$`, 'u').exec(number);
  return match ? parseChineseNumeral(match[1]!) : undefined;
}

/** A chapter's or section's numeral as printed in any style: 第三章, 第三部分, 三、, （三） → 三. */
export const headingNumeral = (number: string): string => number.replace(/^第|^[（(]|(?:[章节、）)]|部分)$/gu, '');
