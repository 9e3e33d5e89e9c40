import type { PlanModel } from './model.js';
import { parseChineseNumeral } from './numerals.js';
import { DocumentHeadings, headingNumeral, headingStyleOf, opensSerialRow } from './headings.js';
import { lineAt, planSource, quotePlaces } from './source-text.js';

/**
 * How much of the published text the data transcribes. Every number printed in `source.txt` is
 * either a figure the data holds (its quote or its table cell), a number that is not a figure
 * (a year, a date, a serial, a document number, a phone number, a number inside a name), or an
 * untranscribed figure, listed with its line and context.
 */
export type NumberKind = 'figure' | 'year' | 'date' | 'numbering' | 'document-number' | 'phone' | 'name' | 'page-mark' | 'contents' | 'untranscribed';

export interface PrintedNumber {
  readonly text: string;
  /** 1-based line of source.txt. */
  readonly line: number;
  readonly region: string;
  readonly kind: NumberKind;
  /** The printed words around it, on its line. */
  readonly context: string;
}

export interface RegionCoverage {
  /** `第一章 规划背景` (the chapter's heading), `专栏4`, `附表 二、学有所教`, `目录`, or `正文前` for the text before the first chapter. */
  readonly region: string;
  readonly numbers: number;
  readonly figures: number;
  readonly notFigures: number;
  readonly untranscribed: number;
}

export interface CoverageReport {
  readonly numbers: readonly PrintedNumber[];
  readonly regions: readonly RegionCoverage[];
  /** Share of numbers that are transcribed figures or recognised as not figures. */
  readonly covered: { readonly num: number; readonly den: number };
}

const NUMBER = /\d+(?:\.\d+)?/g;
const CHAPTER = /^\s*第([一二三四五六七八九十百]+)章\s*(.*)$/;
const SECTION = /^\s*第[一二三四五六七八九十百]+节/;
const BOX = /^\s*专栏\s*(\d+|[一二三四五六七八九十]+)/;
const APPENDIX = /^\s*附表\s*(\d*)/;
/**
 * What may follow a heading's number on its line: a title, not a sentence. A cross-reference the
 * text wraps to the start of a line (见\n第二章第一节。, 详见\n专栏3。, 详见\n附表1、附表2）) is no heading.
 */
const NOT_A_TITLE = /^[第，,、。；;的中和及与）)]|[。；;，,！？]|.{61}/;
const APPENDIX_SECTION = /^\s*([一二三四五六七八九十百]+)、(\S+)/;
const YEAR_NEIGHBOURS = new Set(['年', '-', '—', '–', '~', '～〜', '至', '到']);
const DATE_UNITS = new Set(['月', '日']);
const NUMBERING_AFTER = new Set(['.', '、', '．', '）', ')']);
const CONTEXT = 12;
/** A page mark of PDF text: `— 3 —`, `- 12 -`, `第3页`, `第 3 页 共 40 页`, `3/40`. */
const PAGE_MARK = /^\s*(?:[—–\-－]+\s*\d+\s*[—–\-－]+|第\s*\d+\s*页(?:\s*[，,]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)\s*$/;
/** The heading of a table of contents: `目录`, `目  录`. */
const CONTENTS = /^\s*目\s*录\s*$/;
/** An entry of a table of contents: a heading, dot leaders or spaces, its page number. */
const CONTENTS_ENTRY = /(?:\.{2,}|…+|·{2,}|\s)\s*\d+\s*$/;
const CONTENTS_LEADERS = /(?:\.{3,}|…{2,}|·{3,})\s*\d+\s*$/;
const HEADING = /^\s*(?:第[一二三四五六七八九十百]+[章节]|专栏|附表|附件|[一二三四五六七八九十百]+、|（[一二三四五六七八九十]+）|序\s*言|前\s*言)/;
/** A running header repeats on most pages; a shorter line repeated this often beside page marks is one. */
const HEADER_REPEATS = 3;
const HEADER_LENGTH = 40;

/** What a line of the text is besides its words: a page mark, a running header, an entry of the contents. */
export type LineRole = 'text' | 'page-mark' | 'header' | 'contents';

/**
 * The lines of PDF text that are not the document's text: page marks, running headers (short
 * lines repeated beside page marks) and the table of contents (after 目录, the headings with page
 * numbers; anywhere, a heading with dot leaders and a page number).
 */
export function lineRoles(lines: readonly string[]): LineRole[] {
  const roles: LineRole[] = lines.map((line) => (PAGE_MARK.test(line) ? 'page-mark' : 'text'));
  const nearPageMark = (index: number): boolean => {
    for (const step of [-1, 1]) {
      for (let at = index + step, seen = 0; at >= 0 && at < lines.length && seen < 2; at += step) {
        if (lines[at]!.trim() === '') continue;
        if (roles[at] === 'page-mark') return true;
        seen++;
      }
    }
    return false;
  };
  const places = new Map<string, number[]>();
  lines.forEach((line, index) => {
    const key = line.trim();
    if (key === '' || key.length > HEADER_LENGTH || roles[index] !== 'text') return;
    // Appended in place: a spread per line made 16,000 repeated lines quadratic.
    const indexes = places.get(key);
    if (indexes) indexes.push(index);
    else places.set(key, [index]);
  });
  for (const indexes of places.values()) {
    if (indexes.length >= HEADER_REPEATS && indexes.some(nearPageMark)) for (const index of indexes) roles[index] = 'header';
  }
  let inContents = false;
  lines.forEach((line, index) => {
    if (roles[index] !== 'text') return;
    if (CONTENTS.test(line)) {
      inContents = true;
      roles[index] = 'contents';
      return;
    }
    const entry = HEADING.test(line) && CONTENTS_ENTRY.test(line.trimEnd());
    if (inContents && line.trim() !== '' && !entry) inContents = false;
    if ((inContents && entry) || (HEADING.test(line) && CONTENTS_LEADERS.test(line))) roles[index] = 'contents';
  });
  return roles;
}

/**
 * Regions of the text by line: chapters, boxes (to the next heading), the appendix and its
 * sections, the contents. With `numbered`, each 附表N heading opens a region of its own (a plan
 * of several tables).
 */
function regionsByLine(lines: readonly string[], roles: readonly LineRole[], numbered = false): string[] {
  const regions: string[] = [];
  let chapter = '正文前';
  let current = chapter;
  let inAppendix = false;
  let table = '附表';
  // A plan that numbers its chapters 一、 and its sections （一）: its chapters are regions too.
  const style = headingStyleOf(lines);
  const listed = style === 'chapters' ? undefined : new DocumentHeadings(style);
  lines.forEach((line, index) => {
    const role = roles[index]!;
    if (role === 'contents') {
      regions.push('目录');
      return;
    }
    // Page marks and running headers stand inside whatever region the page holds.
    if (role !== 'text') {
      regions.push(current);
      return;
    }
    // CHAPTER takes the title in too: the title is what must not be a sentence.
    const listedHeading = listed?.take(line, opensSerialRow(nextLine(lines, index)));
    const chapterMatch =
      ((match) => (match && !NOT_A_TITLE.test(match[2]!.trim()) ? match : null))(CHAPTER.exec(line)) ??
      (listedHeading?.kind === 'chapter' ? [line, headingNumeral(listedHeading.number!), listedHeading.text] : null);
    const boxMatch = titled(BOX.exec(line), line);
    const appendixMatch = titled(APPENDIX.exec(line), line);
    if (appendixMatch) {
      inAppendix = true;
      table = numbered && appendixMatch[1] ? `附表${appendixMatch[1]}` : '附表';
      current = table;
    } else if (inAppendix) {
      const section = APPENDIX_SECTION.exec(line);
      if (section && !/\d/.test(line)) current = `${table} ${section[1]}、${section[2]}`;
    } else if (chapterMatch) {
      const title = chapterMatch[2]!.trim().replace(/\s+/g, ' ');
      chapter = title === '' ? `第${chapterMatch[1]}章` : `第${chapterMatch[1]}章 ${title}`;
      current = chapter;
    } else if (boxMatch) {
      const label = boxMatch[1]!;
      current = `专栏${/\d/.test(label) ? label : (parseChineseNumeral(label) ?? label)}`;
    } else if (SECTION.test(line) || listedHeading?.kind === 'section') {
      current = chapter;
    }
    regions.push(current);
  });
  return regions;
}

/** The first line after `index` that is not blank; '' at the end. */
export function nextLine(lines: readonly string[], index: number): string {
  let next = index + 1;
  while (next < lines.length && lines[next]!.trim() === '') next += 1;
  return lines[next] ?? '';
}

/** Offsets of `value` as a whole number inside [start, end) of the text. */
function numberOffsets(text: string, start: number, end: number, value: string): number[] {
  const result: number[] = [];
  // Searched in the span alone: a value the span lacks is not looked for through the rest of the text.
  const span = text.slice(start, end);
  for (let found = span.indexOf(value); found >= 0; found = span.indexOf(value, found + 1)) {
    const at = start + found;
    const before = text[at - 1] ?? '';
    const after = text[at + value.length] ?? '';
    if (!/[\d.]/.test(before) && !/\d/.test(after) && !(after === '.' && /\d/.test(text[at + value.length + 1] ?? ''))) result.push(at);
  }
  return result;
}

/**
 * Numbers printed in a table cell with no quote of their own, by the region that prints them: how
 * many times each. An indicator table in no box (表1) is in the region of the line its caption opens.
 */
function tableNumbers(plan: PlanModel, lines: readonly string[], regions: readonly string[]): Map<string, Map<string, number>> {
  const byRegion = new Map<string, Map<string, number>>();
  const add = (region: string, text: string | undefined): void => {
    if (text === undefined) return;
    const counts = byRegion.get(region) ?? new Map<string, number>();
    counts.set(text, (counts.get(text) ?? 0) + 1);
    byRegion.set(region, counts);
  };
  // (The caption's line: the label, then no further digit; a contents line's dot leaders are not it.)
  const captionLine = (line: string): boolean => {
    const squeezed = line.replace(/\s+/gu, '');
    return squeezed.startsWith(plan.indicatorPlace!) && !/^[0-9０-９]/u.test(squeezed.slice(plan.indicatorPlace!.length)) && !/[.…·]{4,}/u.test(squeezed);
  };
  const caption = plan.indicatorBox === undefined && plan.indicatorPlace ? lines.findIndex(captionLine) : -1;
  const indicatorBox = plan.indicatorBox === undefined ? (caption >= 0 ? regions[caption] : undefined) : `专栏${plan.indicatorBox}`;
  if (indicatorBox) {
    for (const indicator of plan.indicatorCategories.flatMap((c) => c.indicators)) {
      add(indicatorBox, indicator.label);
      for (const cell of [indicator.baseline, indicator.target]) {
        add(indicatorBox, cell.valueText);
        add(indicatorBox, cell.valueMaxText);
      }
    }
  }
  const serviceBox = plan.tableBoxes.find((box) => box.at.file === 'services.yaml');
  if (serviceBox) for (const area of plan.serviceAreas) if (area.declared !== undefined) add(`专栏${serviceBox.label}`, String(area.declared));
  const numbered = plan.appendixTables.length > 1;
  for (const table of plan.appendixTables) {
    const name = numbered ? table.name : '附表';
    add(name, table.total?.text);
    for (const section of table.sections) {
      const region = `${name} ${section.label}、${section.name}`;
      add(region, section.subtotal?.text);
      for (const part of section.parts) add(region, part.subtotal?.text);
      for (const project of section.projects) {
        add(region, project.label);
        add(region, project.investment?.text);
      }
    }
  }
  return byRegion;
}

/** True when the number is a whole table cell: alone on its line, or between tabs, but for its qualifiers (【】, ≥, ＜, 约, %, 以上). */
function isCell(line: string, column: number, value: string): boolean {
  const before = line.slice(line.lastIndexOf('\t', column) + 1, column).trim();
  const rest = line.slice(column + value.length);
  const after = (rest.includes('\t') ? rest.slice(0, rest.indexOf('\t')) : rest).trim();
  return /^[【（(]?[约≥＞＜>≤<]*$/.test(before) && /^[】）)]?[%％]?(以上|以下|以内)?[】）)]?$/.test(after);
}

function classify(text: string, line: string, column: number, names: boolean): NumberKind {
  const before = line.slice(0, column);
  const after = line.slice(column + text.length);
  const next = after[0] ?? '';
  const previous = before.at(-1) ?? '';
  const isYear = /^(19|20)\d\d$/.test(text);
  if (previous === '〔' || /^〕\d*号/.test(after) || (/〕$/.test(before) && next === '号')) return 'document-number';
  if (isYear && (YEAR_NEIGHBOURS.has(next) || YEAR_NEIGHBOURS.has(previous) || next === '')) return 'year';
  if (DATE_UNITS.has(next) && !text.includes('.')) return 'date';
  if (/^\s*[（(]?$/.test(before) && (NUMBERING_AFTER.has(next) || (next === '' && !text.includes('.')))) return 'numbering';
  if (/[：:；;。，]$/.test(before) && (next === '.' || next === '、') && !/\d/.test(after[1] ?? '')) return 'numbering';
  if (previous === '第' || /专栏\s*$/.test(before) || /序号\s*$/.test(before) || /^\s*附?表\s*$|见附?表\s*$/.test(before)) return 'numbering';
  if (/^\d{5,}$/.test(text) && (/(电话|热线|“)$/.test(before) || next === '”')) return 'phone';
  // 5G, “1+X”, “健康重庆2030”, 0-3岁婴幼儿, 24小时图书馆: part of a name or of the description of a kind.
  if (/[A-Za-z+]/.test(previous) || /^[A-Za-z+]/.test(next) || names || /^([-—–～~]\d+)?(岁|小时|分钟)/.test(after)) return 'name';
  if (/“[^”]{0,12}$/.test(before) && /^[^“]{0,12}”/.test(after)) return 'name';
  return 'untranscribed';
}

/** Every number of the plan's source text, classified, with coverage by region. */
export function coverageOf(plan: PlanModel): CoverageReport | undefined {
  if (plan.sourceText === undefined) return undefined;
  const source = planSource(plan, plan.sourceText);
  const text = source.text;
  const lines = text.split(/\r?\n/);
  const roles = lineRoles(lines);
  const regions = regionsByLine(lines, roles, plan.appendixTables.length > 1);
  const figureAt = new Uint8Array(text.length);
  const nameAt = new Uint8Array(text.length);
  const mark = (array: Uint8Array, start: number, end: number): void => {
    array.fill(1, start, end);
  };

  // Figures with a quote (their own or their container's text): the number inside each occurrence.
  const quoted = new Map<string, Set<string>>();
  for (const figure of plan.facts) {
    if (figure.quote === undefined) continue;
    for (const value of [figure.valueText, figure.valueMaxText]) {
      if (value === undefined) continue;
      const set = quoted.get(figure.quote);
      if (set) set.add(value);
      else quoted.set(figure.quote, new Set([value]));
    }
  }
  // A service area's declared count stands in its printed items: （9项）.
  for (const area of plan.serviceAreas) {
    if (area.declared === undefined || area.itemsText === undefined) continue;
    const set = quoted.get(area.itemsText) ?? new Set<string>();
    set.add(String(area.declared));
    quoted.set(area.itemsText, set);
  }
  for (const [quote, values] of quoted) {
    for (const [start, end] of quotePlaces(source, quote)) {
      for (const value of values) for (const at of numberOffsets(text, start, end, value)) mark(figureAt, at, at + value.length);
    }
  }
  // Names, titles and places: a number inside one is part of the name. Each text is looked up
  // once, however many rows print it.
  const names = new Set<string>();
  for (const { text: verbatim, field } of plan.verbatim) if (field === 'name' || field === 'title') names.add(verbatim);
  for (const section of plan.appendixSections) for (const project of section.projects) if (project.location !== undefined) names.add(project.location);
  for (const name of names) for (const [start, end] of quotePlaces(source, name)) mark(nameAt, start, end);
  for (let at = text.indexOf('《'); at >= 0; at = text.indexOf('《', at + 1)) {
    const close = text.indexOf('》', at);
    if (close > at && close - at < 80) mark(nameAt, at, close);
  }

  const table = tableNumbers(plan, lines, regions);
  const numbers: PrintedNumber[] = [];
  let lineStart = 0;
  lines.forEach((line, index) => {
    const region = regions[index]!;
    const cells = table.get(region);
    for (const match of line.matchAll(NUMBER)) {
      const column = match.index;
      const offset = lineStart + column;
      const value = match[0];
      let kind: NumberKind;
      if (roles[index] === 'page-mark' || roles[index] === 'header') kind = 'page-mark';
      else if (roles[index] === 'contents') kind = 'contents';
      else if (figureAt[offset] === 1) kind = 'figure';
      else if (cells && isCell(line, column, value) && (cells.get(value) ?? 0) > 0) {
        cells.set(value, cells.get(value)! - 1);
        kind = 'figure';
      } else kind = classify(value, line, column, nameAt[offset] === 1);
      const context = line.slice(Math.max(0, column - CONTEXT), column + value.length + CONTEXT).trim();
      numbers.push({ text: value, line: lineAt(source, offset), region, kind, context });
    }
    lineStart += line.length + (text[lineStart + line.length] === '\r' ? 2 : 1);
  });

  const byRegion = new Map<string, { -readonly [K in keyof RegionCoverage]: RegionCoverage[K] }>();
  for (const number of numbers) {
    let known = byRegion.get(number.region);
    if (!known) {
      known = { region: number.region, numbers: 0, figures: 0, notFigures: 0, untranscribed: 0 };
      byRegion.set(number.region, known);
    }
    known.numbers += 1;
    if (number.kind === 'figure') known.figures += 1;
    else if (number.kind === 'untranscribed') known.untranscribed += 1;
    else known.notFigures += 1;
  }
  const untranscribed = numbers.filter((n) => n.kind === 'untranscribed').length;
  return { numbers, regions: [...byRegion.values()], covered: { num: numbers.length - untranscribed, den: numbers.length } };
}

/** The match of a heading's number when what follows it on the line is a title, else null. */
export function titled(match: RegExpExecArray | null, line: string): RegExpExecArray | null {
  return match && !NOT_A_TITLE.test(line.slice(match[0].length).trim()) ? match : null;
}
