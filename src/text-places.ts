import { lineRoles, nextLine, titled } from './coverage.js';
import { serialName, type AppendixTable, type PlanModel } from './model.js';
import { parseChineseNumeral } from './numerals.js';
import { DocumentHeadings, headingNumeral, headingStyleOf, opensSerialRow } from './headings.js';
import { sourceText, type SourceText } from './source-text.js';

/**
 * A part of the published text a document reference names: a chapter or section (from its
 * heading to the next), the preface, a box (from its heading to the next heading), a box item
 * (from its number to the next), the appendix, one of its tables (附表2, from its heading to the
 * next table's), or one row of a table (from its serial to the next).
 */
export interface TextPlace {
  /** As a reference is written: `第三章第二节`, `专栏4 第2项`, `附表 序号11`, `附表2 序号11`. */
  readonly label: string;
  /** [start, end) offsets of the text. */
  readonly start: number;
  readonly end: number;
}

export interface TextPlaces {
  /** The part of the text a reference names (`第一章第一节`, `专栏8 第2项 2020年`, `附表 序号32`); undefined when the text shows no such place. */
  readonly placeOf: (ref: string | undefined) => TextPlace | undefined;
  /** The innermost place that holds an offset, for saying where a quote was found instead. */
  readonly labelAt: (offset: number) => string | undefined;
  /** The text of one place, searched as the whole text is (across breaks, folded, by cell parts). */
  readonly textOf: (place: TextPlace) => SourceText;
}

const CHAPTER = /^\s*第([一二三四五六七八九十百]+)章/;
const SECTION = /^\s*第([一二三四五六七八九十百]+)节/;
const BOX = /^\s*专栏\s*(\d+|[一二三四五六七八九十]+)/;
/** A table's heading: 附表, 附表2, 附表二; a number printed again (附表1（续）) continues its table. */
const TABLE = /^\s*附表\s*(\d+|[一二三四五六七八九十]+)?/;
/** A box item's number: 1. or （1）; a line that opens with a decimal (2.5万㎡, wrapped) is none. */
const ITEM = /^\s*(?:(\d+)[.．、](?!\d)|（(\d+)）)/;
const PREFACE = '序言';

const cache = new WeakMap<PlanModel, TextPlaces>();

/** The places of the plan's published text, found once per plan from its headings, box numbers and serials. */
export function textPlaces(plan: PlanModel): TextPlaces | undefined {
  if (plan.sourceText === undefined) return undefined;
  const known = cache.get(plan);
  if (known) return known;
  const text = plan.sourceText;
  const lines = text.split('\n');
  const roles = lineRoles(lines);
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const places = new Map<string, TextPlace>();
  const all: TextPlace[] = [];
  const add = (label: string, start: number, end: number): void => {
    if (places.has(label) || end <= start) return;
    const place = { label, start, end };
    places.set(label, place);
    all.push(place);
  };
  // Headings in order: where each chapter, section, box and the appendix begins.
  interface Heading {
    readonly kind: 'chapter' | 'section' | 'box' | 'appendix';
    readonly label: string;
    readonly line: number;
  }
  const headings: Heading[] = [];
  let chapter = '';
  // A plan that numbers its chapters 一、 and its sections （一）: the same places, 第一章第一节.
  const style = headingStyleOf(lines);
  const listed = style === 'chapters' ? undefined : new DocumentHeadings(style);
  lines.forEach((line, index) => {
    if (roles[index] !== 'text') return;
    const listedHeading = listed?.take(line, opensSerialRow(nextLine(lines, index)));
    const numeralOf = (kind: 'chapter' | 'section'): string[] | null => (listedHeading?.kind === kind ? [line, headingNumeral(listedHeading.number!)] : null);
    const chapterMatch = titled(CHAPTER.exec(line), line) ?? numeralOf('chapter');
    const sectionMatch = titled(SECTION.exec(line), line) ?? numeralOf('section');
    const boxMatch = titled(BOX.exec(line), line);
    if (titled(TABLE.exec(line), line) && !headings.some((h) => h.kind === 'appendix')) headings.push({ kind: 'appendix', label: '附表', line: index });
    else if (headings.some((h) => h.kind === 'appendix')) return;
    else if (chapterMatch) {
      chapter = `第${chapterMatch[1]}章`;
      headings.push({ kind: 'chapter', label: chapter, line: index });
    } else if (sectionMatch && chapter !== '') headings.push({ kind: 'section', label: `${chapter}第${sectionMatch[1]}节`, line: index });
    else if (boxMatch) headings.push({ kind: 'box', label: `专栏${printedNumber(boxMatch[1]!)}`, line: index });
  });
  const at = (line: number): number => (line < starts.length ? starts[line]! : text.length);
  const endOf = (index: number, stops: ReadonlySet<Heading['kind']>): number => {
    for (let next = index + 1; next < headings.length; next++) if (stops.has(headings[next]!.kind)) return at(headings[next]!.line);
    return text.length;
  };
  const firstChapter = headings.find((h) => h.kind === 'chapter');
  if (firstChapter) add(PREFACE, 0, at(firstChapter.line));
  headings.forEach((heading, index) => {
    const start = at(heading.line);
    if (heading.kind === 'chapter') add(heading.label, start, endOf(index, new Set(['chapter', 'appendix'])));
    else if (heading.kind === 'section') add(heading.label, start, endOf(index, new Set(['chapter', 'section', 'appendix'])));
    else if (heading.kind === 'box') {
      const end = endOf(index, new Set(['chapter', 'section', 'box', 'appendix']));
      add(heading.label, start, end);
      boxItems(heading.label, heading.line, end);
    } else {
      add(heading.label, start, text.length);
      appendixTables(heading.line);
    }
  });

  /**
   * The appendix's tables, each from its heading to the next table's, and the rows of each. A
   * table whose heading the text does not print (or a plan of one unnumbered table) is looked up
   * in the whole appendix.
   */
  function appendixTables(appendixLine: number): void {
    const headingLines = new Map<string, number>();
    for (let line = appendixLine; line < lines.length; line++) {
      const match = roles[line] === 'text' ? titled(TABLE.exec(lines[line]!), lines[line]!) : null;
      const number = match && (match[1] === undefined ? '' : printedNumber(match[1]));
      if (number !== null && !headingLines.has(number)) headingLines.set(number, line);
    }
    const tableStarts = [...headingLines.values()].sort((a, b) => a - b);
    const several = plan.appendixTables.length > 1;
    for (const table of plan.appendixTables) {
      const line = table.number === undefined || !several ? undefined : headingLines.get(String(table.number));
      if (line === undefined) {
        appendixRows(table, appendixLine, text.length);
        continue;
      }
      const next = tableStarts.find((start) => start > line);
      const end = next === undefined ? text.length : at(next);
      add(table.name, at(line), end);
      appendixRows(table, line, end);
    }
  }

  /** Box items: lines opening with their number (1. or （1）), each to the next. */
  function boxItems(box: string, headingLine: number, end: number): void {
    const items: { number: string; line: number }[] = [];
    for (let line = headingLine + 1; line < lines.length && at(line) < end; line++) {
      const match = ITEM.exec(lines[line]!);
      if (match && roles[line] === 'text') items.push({ number: match[1] ?? match[2]!, line });
    }
    // An item number printed twice names no one item: its texts are pinned to the box.
    const printed = new Map<string, number>();
    for (const item of items) printed.set(item.number, (printed.get(item.number) ?? 0) + 1);
    items.forEach((item, index) => {
      if (printed.get(item.number) === 1) add(`${box} 第${item.number}项`, at(item.line), index + 1 < items.length ? at(items[index + 1]!.line) : end);
    });
  }

  /** A table's rows within [its heading line, end): the line of each serial, known by the project's name that follows within two lines. */
  function appendixRows(table: AppendixTable, headingLine: number, end: number): void {
    // A row is named by its serial, or by its section and serial in a table numbered by section.
    const rows: { serial: string; line: number }[] = [];
    // The lines of the table by what opens them (a serial stands alone or before a space or tab):
    // a project's row is looked for among the lines that open with its serial, not in every line.
    const byOpening = new Map<string, number[]>();
    // (In a table whose first column names the sections, a section's first row opens with its label, 病有所医  1 …: the serial after it opens it too.)
    const register = (opening: string, candidate: number): void => void (byOpening.get(opening)?.push(candidate) ?? byOpening.set(opening, [candidate]));
    for (let candidate = headingLine + 1; candidate < lines.length && at(candidate) < end; candidate++) {
      const text = lines[candidate]!.trim();
      register(/^[^ \t]*/.exec(text)![0], candidate);
      const labelled = /^[^\s\d]{1,8}[ \t]+(\d{1,3})(?=[ \t]|$)/u.exec(text);
      if (labelled) register(labelled[1]!, candidate);
    }
    let line = headingLine + 1;
    for (const project of table.sections.flatMap((section) => section.projects)) {
      if (project.number === undefined) continue;
      const serial = String(project.number);
      const head = project.name.slice(0, 4);
      for (const candidate of byOpening.get(serial) ?? []) {
        if (candidate < line) continue;
        const window = lines.slice(candidate, candidate + 3).join('');
        if (head !== '' && !window.includes(head)) continue;
        rows.push({ serial: serialName(project.section, serial), line: candidate });
        line = candidate + 1;
        break;
      }
    }
    // A serial printed twice names no one row (numbering reports it): its projects are pinned to the table.
    const printed = new Map<string, number>();
    for (const row of rows) printed.set(row.serial, (printed.get(row.serial) ?? 0) + 1);
    rows.forEach((row, index) => {
      if (printed.get(row.serial) === 1) add(`${table.name} ${row.serial}`, at(row.line), index + 1 < rows.length ? at(rows[index + 1]!.line) : end);
    });
  }

  // Innermost first: the shortest place that holds an offset names it best.
  const bySize = [...all].sort((a, b) => a.end - a.start - (b.end - b.start));
  const texts = new Map<TextPlace, SourceText>();
  const placeNamed = (ref: string): TextPlace | undefined => {
    const table = /^(附表\d*)(?: ((?:[一二三四五六七八九十百]+、)?序号\d+))?/.exec(ref);
    if (table) return (table[2] && places.get(`${table[1]} ${table[2]}`)) || places.get(table[1]!) || places.get('附表');
    const item = /^(专栏\d+)(?: (第\d+项))?/.exec(ref);
    if (item) return (item[2] && places.get(`${item[1]} ${item[2]}`)) || places.get(item[1]!);
    const prose = /^(第[一二三四五六七八九十百]+章)(第[一二三四五六七八九十百]+节)?/.exec(ref);
    if (prose) return (prose[2] && places.get(`${prose[1]}${prose[2]}`)) || places.get(prose[1]!);
    return ref === PREFACE ? places.get(PREFACE) : undefined;
  };
  // The last place asked for, kept: a project's name, content and figures ask for it in a row.
  let lastRef: string | undefined;
  let lastPlace: TextPlace | undefined;
  const result: TextPlaces = {
    placeOf(ref) {
      if (ref === undefined) return undefined;
      if (ref !== lastRef) {
        lastRef = ref;
        lastPlace = placeNamed(ref);
      }
      return lastPlace;
    },
    labelAt(offset) {
      return bySize.find((place) => place.start <= offset && offset < place.end)?.label;
    },
    textOf(place) {
      let known = texts.get(place);
      if (!known) {
        known = sourceText(text.slice(place.start, place.end), false);
        texts.set(place, known);
      }
      return known;
    },
  };
  cache.set(plan, result);
  return result;
}

/** A box's or table's number as the data writes it: 专栏三 and 附表二 are 专栏3 and 附表2. */
function printedNumber(label: string): string {
  return /\d/.test(label) ? label : String(parseChineseNumeral(label) ?? label);
}
