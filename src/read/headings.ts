/**
 * The headings of a Chinese government document, as printed in any form: 第X章, 第X节, 序言/前言,
 * 专栏N, 附表N/附件N. Readers use them to find the structure of a text; the drafter uses them on
 * paragraphs a reader did not mark as headings (a .docx that styles headings as plain text).
 */

export const NUMERAL = '[一二三四五六七八九十百零〇两]+';
const CHAPTER = new RegExp(`^(第${NUMERAL}章)\\s*(\\S.*)$`, 'u');
const SECTION = new RegExp(`^(第${NUMERAL}节)\\s*(\\S.*)$`, 'u');
const BOX = /^专栏\s*([0-9０-９]+)\s*(.*)$/u;
const APPENDIX = /^(附(?:表|件)\s*[0-9０-９]*)\s*[:：]?\s*(.*)$/u;

/** The header of a column before the serials whose label is merged down the rows it names (类别 | 序号 | 指标 …). */
export const CATEGORY_HEADER = /^(类别|分类|领域|类型)$/u;

/** A numbered item of a box or a list: 1. 1． 1、 or （1）, then its text. */
export const ITEM = /^(?:([0-9０-９]+)[.．、]|[（(]([0-9０-９]+)[）)])\s*(\S.*)$/u;

/** A numbered item's number, how it is numbered (1. and （1） are two lists) and its text; undefined for any other line. */
export function itemOf(text: string): { readonly number: number; readonly bracketed: boolean; readonly body: string } | undefined {
  const match = ITEM.exec(text.trim());
  if (!match) return undefined;
  return { number: Number(asciiDigits(match[1] ?? match[2]!)), bracketed: match[1] === undefined, body: match[3]!.trim() };
}

export type HeadingKind = 'preface' | 'chapter' | 'section' | 'box' | 'appendix';

export interface HeadingLine {
  readonly kind: HeadingKind;
  /** As printed, spaces taken out: 第三章, 第二节, 专栏3, 附表1; absent for 序言. */
  readonly number?: string;
  /** The heading's words after its number (may be empty for 附表 on a line of its own). */
  readonly text: string;
}

/** Full-width digits (０-９) as ASCII digits: the same number, however it was typed. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/** The heading a line is, if it is one: short, and not a sentence. */
export function headingOf(raw: string): HeadingLine | undefined {
  const text = raw.trim();
  if (text.length === 0 || text.length > 60) return undefined;
  if (/^(序|前)\s*言$/u.test(text)) return { kind: 'preface', text: text.replace(/\s+/g, '') };
  let match = CHAPTER.exec(text);
  if (match && !/[。；]$/u.test(text)) return { kind: 'chapter', number: match[1]!, text: match[2]!.trim() };
  match = SECTION.exec(text);
  if (match && !/[。；]$/u.test(text)) return { kind: 'section', number: match[1]!, text: match[2]!.trim() };
  match = BOX.exec(text);
  if (match) return { kind: 'box', number: `专栏${asciiDigits(match[1]!)}`, text: match[2]!.trim() };
  match = APPENDIX.exec(text);
  // Not a sentence, nor a list of appendices cut from its sentence (附表1、附表2）).
  if (match && !/[。；，]/u.test(text) && !/^[、）)]|附(表|件)/u.test(match[2]!)) return { kind: 'appendix', number: asciiDigits(match[1]!.replace(/\s+/g, '')), text: match[2]!.trim() };
  return undefined;
}
