/**
 * Stage 2 of the drafter: the tables of the structure → plan data. The appendix (sections,
 * subtotals, 合计/小计, every project with every column), the indicator table (专栏 with 指标 and
 * 单位 columns) and the service list (专栏 with a 领域 column).
 */
import { compare, parseDecimal } from '../../decimal.js';
import { toChineseNumeral } from '../../numerals.js';
import { asciiDigits, CATEGORY_HEADER, NUMERAL, titleUnit } from '../../headings.js';
import { cellLine, NATURES, YEARS_HEADER } from '../../read/lines.js';
import { likeness, words } from '../similarity.js';
import type { UnreadRow } from '../../model.js';
import type { AppendixGroup, AppendixSection, AppendixTable, Cell, Context, Draft, Indicator, Project } from '../types.js';
import { countsOf, factsOf, sumsOf } from './facts.js';
import { periodFromDate, readYears } from './years.js';
import { placeWords, type BoxPart, type Row, type Table } from './structure.js';
/** A part of the appendix: 一、幼有所育, or （一）幼有所育. */
const PART_ROW = new RegExp(`^(?:(${NUMERAL})[、．.]|[（(](${NUMERAL})[）)])\\s*(.*)$`, 'u');
/** A section's numeral alone in its cell (一), its name in the next. */
const BARE_NUMERAL = new RegExp(`^(${NUMERAL})$`, 'u');
/** The label of a total's or a subtotal's row. */
const TOTAL_LABEL = /^(合计|总计|小计)$/u;

const NUMBER_CELL = /^(\d+(?:\.\d+)?)$/;

const HIGHER_WORDS = /(率|数|量|面积|寿命|水平|年限|比例|占比|规模|覆盖|人数|总量|床位|设施|活动)/u;

const LOWER_WORDS = /(死亡率|失业率|发病率|患病率|近视率|事故|贫困发生率|肥胖率|流失率|辍学率|犯罪率|能耗|排放|自付|支出占)/u;

export function plainNumber(text: string): string | undefined {
  // Two numbers of four digits or more set apart (215830 107915, 2021 2024) are several numbers, not one cut by a line.
  if (text.trim().split(/\s+/u).filter((piece) => /^[0-9０-９.,]{4,}$/u.test(piece)).length >= 2) return undefined;
  let cleaned = text.replace(/\s+/g, '').replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
  // Thousands separators (1,200) are a printing habit, not part of the number.
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(cleaned)) cleaned = cleaned.replace(/,/g, '');
  // (Fifteen digits or more is no amount a plan prints, and more than a number holds exactly.)
  return NUMBER_CELL.test(cleaned) && cleaned.replace(/\D/gu, '').length < 15 ? cleaned.replace(/^0+(?=\d)/, '') : undefined;
}

/** An indicator cell: 【】 five-year totals, bound signs and words, numbers, and text kept as text. */
export function readCell(raw: string): Cell {
  let text = raw.replace(/\s+/g, '');
  if (text.length === 0) return { text: '—' };
  let cumulative = false;
  const inBrackets = /^【(.*)】$/u.exec(text);
  if (inBrackets) {
    cumulative = true;
    text = inBrackets[1]!;
  }
  let bound: string | undefined;
  const signed = /^(≥|＞|>|≤|＜|<|不少于|不低于|超过|低于|不超过)(.*)$/u.exec(text);
  if (signed) {
    bound = signed[1];
    text = signed[2]!;
  }
  const worded = /^(.*?)(以上|以下|以内)$/u.exec(text);
  if (!bound && worded) {
    bound = worded[2];
    text = worded[1]!;
  }
  let approx = false;
  if (/^约/.test(text)) {
    approx = true;
    text = text.slice(1);
  }
  const value = plainNumber(text.replace(/[%％]$/, ''));
  if (value === undefined) return { text: raw.trim() };
  return { value, ...(bound ? { bound } : {}), ...(cumulative ? { cumulative: true } : {}), ...(approx ? { approx: true } : {}) };
}

export function column(header: readonly string[], pattern: RegExp, from = 0): number {
  for (let index = from; index < header.length; index += 1) if (pattern.test(header[index]!)) return index;
  return -1;
}

/** A row's first cell as its label reads: digits ASCII, no spaces (a serial, 合计, 小计, 一、…). */
const openingCell = (row: Row): string => {
  const first = asciiDigits(row.cells[0] ?? '')
    .replace(/\s+/g, '')
    // A serial printed with its list mark (1. 1、) or in brackets (（1）) is the serial.
    .replace(/^(\d+)[.．、]$/u, '$1')
    .replace(/^[（(](\d+)[）)]$/u, '$1');
  // 合计 or 小计 in the name's column, the serial's left empty, labels its row all the same.
  const label = first === '' ? (row.cells.find((cell) => cell.trim() !== '') ?? '').replace(/\s+/g, '') : '';
  return TOTAL_LABEL.test(label) ? label : first;
};

/**
 * Whether a table numbers its projects from 1 again in each section (一、教育 1 2 3 二、卫生 1 2):
 * two sections or more, each opening with 1, and serials printed in more than one of them. A
 * table numbered throughout with one serial printed twice is not (its sections open with 1, 4 …).
 */
function numberedBySection(rows: readonly Row[], divided: boolean): boolean {
  const opening: number[] = [];
  const seen = new Set<number>();
  let repeated = false;
  let open = false;
  for (const row of rows) {
    // In a table of sections divided into parts, a section (一、) opens a run; a part (（一）) does not.
    const part = partRow(row);
    if (part) {
      if (!divided || part.level === 1) open = true;
      continue;
    }
    const first = openingCell(row);
    if (!/^\d+$/.test(first)) continue;
    const serial = Number(first);
    if (open) opening.push(serial);
    open = false;
    if (seen.has(serial)) repeated = true;
    seen.add(serial);
  }
  return repeated && opening.length >= 2 && opening.every((serial) => serial === 1);
}

/**
 * The appendix section name and subtotal of a row such as 一、幼有所育 | 8000 or （一）幼有所育 | 8000;
 * its level is 1 for 一、 and 2 for （一）.
 */
function partRow(row: Row, amountOf: (row: Row) => string | undefined = firstAmount): { numeral: string; name: string; level: 1 | 2; amount?: string } | undefined {
  // A numeral alone in the serial column, the name in the next (一 | 教育 | … | 52300), as well as 一、教育.
  const bare = BARE_NUMERAL.exec((row.cells[0] ?? '').replace(/\s+/gu, ''));
  const match = bare && (row.cells[1] ?? '').trim() !== '' ? ([bare[0], bare[1], undefined, ''] as const) : PART_ROW.exec(row.cells[0] ?? '');
  if (!match) return undefined;
  const amount = amountOf(row);
  return { numeral: (match[1] ?? match[2])!, name: match[3]!.trim() || (row.cells[1] ?? ''), level: match[1] === undefined ? 2 : 1, ...(amount === undefined ? {} : { amount }) };
}

/**
 * A table whose first column names the sections (a cell merged down each section's rows, 教育 |
 * 1 | …): its rows as a table of section rows reads them, that column taken out. A row where the
 * name changes opens a section (一、教育, numbered in order when the column prints no numeral),
 * its amount kept where a row of its own prints one; a 小计 or 合计 in that column labels its row.
 * Returns undefined for a table that has no such column.
 */
function withSectionRows(table: Table): { readonly header: readonly string[]; readonly rows: readonly Row[]; readonly numbered: boolean } | undefined {
  if (!CATEGORY_HEADER.test(table.header[0] ?? '') || table.header.length < 3 || !/序号|名称/u.test(table.header[1] ?? '')) return undefined;
  const rows: Row[] = [];
  let current = '';
  let count = 0;
  let numbered = false;
  for (const row of table.rows) {
    const label = (row.cells[0] ?? '').replace(/\s+/gu, '');
    // A row of the section that opens with its serial, one cell short: a text left the merged cell out.
    if (/^\d+$/u.test(asciiDigits(label)) && row.cells.length === table.header.length - 1) {
      rows.push(row);
      continue;
    }
    const rest: Row = { cells: row.cells.slice(1), joined: row.joined.slice(1), place: row.place };
    if (TOTAL_LABEL.test(label)) {
      // A row of every column loses the first and is labelled in the next; a shorter one (the label and its amounts) stays as printed.
      // (A row whose cells keep their columns, empty ones between the label and its amounts, is one of every column whose empty last cells were left off.)
      // Which cells were left off, the first's after the label or the last ones: those that put its amounts under the money columns.
      const positional = row.cells.length < table.header.length && row.cells.slice(1, -1).some((cell) => cell.trim() === '');
      if (positional) {
        const missing = table.header.length - row.cells.length;
        const money = new Set(moneyColumns(table.header));
        const placed = (front: number): string[] => [...Array<string>(front).fill(''), ...row.cells.slice(1), ...Array<string>(missing - front).fill('')];
        const fits = (cells: readonly string[]): boolean => cells.every((cell, at) => plainNumber(cell) === undefined || money.has(at + 1));
        const front = [0, ...Array.from({ length: missing }, (_, at) => at + 1)].find((count) => fits(placed(count))) ?? 0;
        const cells = placed(front);
        const joined = cells.map(() => false);
        rows.push({ cells: [(cells[0] ?? '').trim() === '' ? label : cells[0]!, ...cells.slice(1)], joined, place: row.place });
      } else if (row.cells.length < table.header.length) rows.push(row);
      else {
        if ((rest.cells[0] ?? '').trim() === '' || (rest.cells[0] ?? '').replace(/\s+/gu, '') === label) rest.cells[0] = label;
        rows.push(rest);
      }
      continue;
    }
    if (label !== '' && label !== current) {
      current = label;
      count += 1;
      numbered ||= PART_ROW.test(label);
      const name = PART_ROW.test(label) ? label : `${toChineseNumeral(count)}、${label}`;
      // A row of the section alone (its name across the row, perhaps its amount): the section's row.
      const own = !/^\d+$/u.test(asciiDigits(rest.cells[0] ?? '').trim()) && (rest.cells[1] ?? '').trim() === '';
      if (own) {
        rows.push({ cells: [name, ...rest.cells.slice(1)], joined: [false, ...rest.joined.slice(1)], place: row.place });
        continue;
      }
      rows.push({ cells: [name], joined: [false], place: row.place });
    }
    rows.push(rest);
  }
  return { header: table.header.slice(1), rows, numbered };
}

/** Whether a table divides its sections into parts: a （一） row after a 一、 row (一、教育 （一）学前教育 …). */
function dividedSections(rows: readonly Row[]): boolean {
  let section = false;
  for (const row of rows) {
    const level = partRow(row)?.level;
    if (level === 1) section = true;
    else if (level === 2 && section) return true;
  }
  return false;
}

/** Departments are printed apart by spaces, 、 or line breaks; two printed together are cut where one name ends (…委, …局) and the next begins (县…). */
function departmentsOf(cell: string): { names: string[]; guessed: boolean } {
  const parts = cell.split(/[\s、，,；;/]+/u).filter(Boolean);
  let guessed = false;
  const names = parts.flatMap((part) => {
    const cut = part.split(/(?<=(?:委|局|办|会|院|府|联|队|中心))(?=[县市区镇乡])/u);
    if (cut.length > 1) guessed = true;
    return cut;
  });
  return { names: names.length > 0 ? names : [cell.trim() || '—'], guessed };
}

/** A department the row does not print: its cell was empty. */
const noDepartment = (project: Project): boolean => project.departments.length === 1 && project.departments[0] === '—';

/**
 * A cell merged down several rows of a section (县教委 beside five schools, 新建 beside three) is
 * printed once, beside one of them; a reading of the text (pdftotext) loses the merge, and the
 * other rows come without it. Each row of the section whose cell is `empty` takes the `field`
 * printed nearest it (the one above on a tie), marked to check; a section that prints none is
 * left as it is.
 */
function fillMerged(projects: Project[], empty: (project: Project) => boolean, field: 'departments' | 'nature', table: string): void {
  const printed = projects.flatMap((project, index) => (empty(project) ? [] : [index]));
  if (printed.length === 0 || printed.length === projects.length) return;
  projects.forEach((project, index) => {
    if (!empty(project)) return;
    const nearest = printed.reduce((best, at) => (Math.abs(at - index) < Math.abs(best - index) ? at : best));
    const from = projects[nearest]!;
    projects[index] = {
      ...project,
      [field]: from[field],
      // (The note that an empty nature was written 新建 gives way to this one.)
      checks: [...project.checks.filter((check) => !check.startsWith(`${field}: ""`)), `${field}: none printed in this row; taken from ${table}序号${from.serial}, as a cell merged down the rows prints it once`],
    };
  });
}

/** The years of a project printed in a start and an end column: from the first's start to the second's end. */
const spanOf = (start: { start: number } | undefined, end: { end: number } | undefined): { start: number; end: number } | undefined =>
  start && end ? { start: start.start, end: end.end } : undefined;

/** The first number a row prints after its label. */
const firstAmount = (row: Row): string | undefined =>
  row.cells
    .slice(1)
    .map((cell) => plainNumber(cell))
    .find((value) => value !== undefined);

/**
 * A year glued after a count, where a content never prints one (新增工位32002025个: 3200 and 2025,
 * a count of seven digits or more ending in a year of the plan's time): the years' cell ran into
 * the content. (An area may be that large; a count of places, beds or homes is not.)
 */
const GLUED_YEAR = /[0-9]{3,}20[0-4][0-9](?=[个张套户所座间床位名人次项处条家台辆])/u;
/** A range's first year in a project's name (…改造工程2022-县住房): a cell of the row's years ran into it. */
const YEAR_IN_NAME = /(?:19|20)[0-9]{2}\s*[-—–~～至]/u;

/** A money column that holds the plan period's share of the investment (“十四五”投资, 2021—2025年计划投资, 期间投资), not the whole. */
const PERIOD_SHARE = /十四五|期间|年度|当年|\d{4}/u;

/** The money columns, in order: 投资 in the header, or a header whose characters pdftotext printed out of their order (总投 / 资（万元） as 资（万总投元）). */
function moneyColumns(header: readonly string[]): number[] {
  const named = header.flatMap((cell, index) => (/投资/u.test(cell) ? [index] : []));
  return named.length > 0 ? named : header.flatMap((cell, index) => (/^(?=.*投)(?=.*资)/u.test(cell) ? [index] : []));
}

/** The investment column: the whole investment (总投资, 投资估算) where the table prints the period's share beside it. */
function investmentColumn(header: readonly string[]): number {
  const columns = moneyColumns(header);
  return columns.find((index) => !PERIOD_SHARE.test(header[index]!.replace(/\s+/g, ''))) ?? columns[0] ?? -1;
}

/**
 * A row's amount in the investment column: its cell there when the row has every column; in a
 * row of a part, a 小计 or the 合计 (一、教育 | 52300 | 31380), the number standing where the
 * investment column stands among the money columns, when it prints one for each.
 */
function investmentAmount(header: readonly string[], investment: number): (row: Row) => string | undefined {
  const money = moneyColumns(header);
  const rank = money.indexOf(investment);
  return (row) => {
    const own = row.cells.length === header.length ? plainNumber(row.cells[investment] ?? '') : undefined;
    if (own !== undefined || money.length < 2) return own ?? firstAmount(row);
    const numbers = row.cells.slice(1).flatMap((cell) => plainNumber(cell) ?? []);
    return numbers.length === money.length && rank >= 0 ? numbers[rank] : numbers[0];
  };
}

/** The project name's column: headed 名称 (项目名称, 工程名称), else 项目 or 建设项目 alone. */
export function nameColumn(header: readonly string[]): number {
  const named = column(header, /名称/u);
  return named >= 0 ? named : column(header, /^(?:重点)?(?:建设)?(?:项目|工程)$/u);
}

/** Whether a table is a list of projects: a name column and an investment column. */
export function isProjectTable(table: Table): boolean {
  return nameColumn(table.header) >= 0 && investmentColumn(table.header) >= 0;
}

export function readProjects(context: Context, printed: Table, appendix: { readonly title: string; readonly unit?: string | undefined }, number: number): AppendixTable {
  const { draft } = context;
  // The unit may stand at the end of the title (…项目表（单位：万元）), or on a line under it.
  const { title, unit: titled } = titleUnit(appendix.title);
  // Sections named in a first column of their own are read as section rows.
  const sectioned = withSectionRows(printed);
  const table: Table = sectioned ? { ...printed, header: sectioned.header, rows: sectioned.rows } : printed;
  const header = table.header;
  const col = {
    serial: column(header, /序号/u),
    name: nameColumn(header),
    departments: column(header, /(部门|单位|主体|业主)/u),
    nature: column(header, /性质/u),
    location: column(header, /(地址|地点|选址)/u),
    content: column(header, /内容|规模/u),
    years: column(header, YEARS_HEADER),
    investment: investmentColumn(header),
  };
  // Start and end years printed in two columns (开工年份 | 竣工年份, 开工时间 | 完工时间).
  const startColumn = column(header, /开工|开始/u);
  const endColumn = column(header, /竣工|完工|建成|结束/u);
  const twoColumns = startColumn >= 0 && endColumn > startColumn;
  const money = /（(万元|亿元|元)）|\((万元|亿元|元)\)/u.exec(header[col.investment] ?? '');
  const unit = money ? (money[1] ?? money[2]!) : (table.unit ?? appendix.unit ?? titled);
  if (unit) draft.plan.moneyUnit = unit;
  const result: AppendixTable = { number, title, total: '0', sections: [], checks: [], place: table.place };
  const amountOf = investmentAmount(header, col.investment);
  // A second money column (the period's share): not held by the data format; the editor is told.
  for (const other of moneyColumns(header).filter((index) => index !== col.investment)) {
    result.checks.push(`investment: the column ${JSON.stringify(header[col.investment])} transcribed; ${JSON.stringify(header[other])} is not held by the data`);
  }
  // A header that holds a row's figures (建设内容新建建筑面积12200, “十四五”限2024-) ran into the
  // first row: no column is sure, and the table is not read.
  /** How the text names the table: 附表, or 附表2 where it prints several. */
  const printedName = number > 1 || context.draft.outline.appendices.length > 1 ? `附表${number}` : '附表';
  const headerFigures = header.find((cell) => /[0-9０-９]{3,}|[0-9]{4}\s*[-—–~～〜至]/u.test(cell.replace(/[0-9]{4}\s*(?:[-—–~～〜至]\s*[0-9]{4}\s*)?年/gu, '')));
  if (headerFigures !== undefined) draft.unread.push({ place: table.place, what: `${printedName}: its header holds a row's figures (${headerFigures.slice(0, 24)})`, part: 'appendix' });
  const divided = dividedSections(table.rows);
  const bySection = numberedBySection(table.rows, divided);
  /** Projects whose row prints no nature, where the table has the column. */
  const unprintedNature = new Set<Project>();
  const noSerials = col.serial < 0 && !table.rows.some((row) => /^\d+$/u.test(openingCell(row)));
  if (sectioned) result.checks.push(`sections: printed in the column ${JSON.stringify(printed.header[0])}${sectioned.numbered ? '' : ', without numerals; 一、二、… given in order'}`);
  if (bySection) {
    result.numbering = 'section';
    result.checks.push('numbering: section — each section numbers its projects from 1 again');
  }
  let totalFound = false;
  /** A row misread among rows read, as plan.yaml names it: the audit leaves out this row, not the whole appendix. */
  const rowOf = (section: AppendixSection, serial: number): { table: number; section?: string; serial: number } => ({ table: number, ...(bySection ? { section: section.numeral } : {}), serial });
  /**
   * Rows read with a cell that is not what its column holds (years, a nature), as plan.yaml would
   * name them misread: a table read askew shows them beside its misread rows.
   */
  const doubtfulRows = new Map<string, NonNullable<Draft['unread']>[number]>();
  const plainDoubts = new Set<NonNullable<Draft['unread']>[number]>();
  /** Rows whose names or departments ran into a neighbour's: their typed cells (years, amounts) were still read by what they are. */
  let namesMixed = 0;
  /** Sections and parts printed without an amount on their row, until a 小计 row gives it. */
  const unstated = new Map<AppendixGroup, Row>();
  // The period's share beside the whole (其中：“十四五”投资), when most project rows print both: a
  // row that prints one only, or a share more than its whole, has its amounts in doubt (the other
  // set apart, into the next row's cells). So has a row whose remarks open with a bare figure
  // (1760022800争取…, 2022-), not one of a remark's own (2023年开工, 600万元).
  const shares = moneyColumns(header).filter((index) => index !== col.investment);
  const share = shares.length === 1 ? shares[0]! : -1;
  const remarks = header.findIndex((cell) => /^备注/u.test(cell.replace(/\s+/g, '')));
  const projectRows = table.rows.filter((row) => /^\d+$/u.test(openingCell(row)));
  const shareFits = (part: string | undefined, whole: string): boolean => {
    const [a, b] = [part === undefined ? undefined : parseDecimal(part), parseDecimal(whole)];
    return a !== undefined && b !== undefined && compare(a, b) <= 0;
  };
  const sharesPrinted = share >= 0 && projectRows.filter((row) => plainNumber(row.cells[share] ?? '') !== undefined).length * 2 > projectRows.length;
  for (const row of table.rows) {
    const first = openingCell(row);
    const amount = amountOf(row);
    if (/^(合计|总计)$/u.test(first)) {
      if (amount !== undefined) {
        result.total = amount;
        result.totalPlace = row.place;
        totalFound = true;
      }
      continue;
    }
    // 小计, above or below the section's rows: the subtotal of the part or the section it stands in.
    const section = result.sections.at(-1);
    const stands = [section?.parts?.at(-1), section].find((group) => group !== undefined && unstated.has(group));
    if (/^小计$/u.test(first) && stands && amount !== undefined) {
      stands.subtotal = amount;
      unstated.delete(stands);
      continue;
    }
    const part = partRow(row, amountOf);
    if (part) {
      const opened = { numeral: part.numeral, name: part.name, subtotal: part.amount ?? '0', projects: [] as Project[], place: row.place };
      // A （一） under a 一、: a part of that section.
      if (divided && part.level === 2 && section) {
        section.parts ??= [];
        section.parts.push(opened);
      } else result.sections.push(opened);
      if (part.amount === undefined) unstated.set(opened, row);
      continue;
    }
    // A table that prints no serials (no 序号 column, no row opening with a number): a row with a
    // name is a project, numbered in order.
    const unnumbered = noSerials && col.name >= 0 && (row.cells[col.name] ?? '').trim() !== '';
    if (!/^\d+$/.test(first) && !unnumbered) {
      draft.unread.push({ place: row.place, what: `appendix row that is neither a project, a section nor the total: ${first.slice(0, 20)}`, part: 'appendix' });
      continue;
    }
    // A row with a serial and no name is not a project the format can hold: what the reader made of a row it could not.
    if (col.name >= 0 && cellLine(row.cells[col.name] ?? '') === '') {
      draft.unread.push({ place: row.place, what: `appendix row ${first}: no project name`, part: 'appendix' });
      continue;
    }
    if (result.sections.length === 0) {
      result.sections.push({ numeral: '一', name: title, subtotal: '0', projects: [] });
      result.checks.push('the appendix has no sections: one section made for all projects');
    }
    const cell = (index: number): string => (index >= 0 ? (row.cells[index] ?? '') : '');
    const current = result.sections.at(-1)!;
    const checks: string[] = [];
    const serial = unnumbered ? (bySection ? (result.sections.at(-1)?.projects.length ?? 0) : result.sections.reduce((n, s) => n + s.projects.length, 0)) + 1 : Number(first);
    if (unnumbered) checks.push(`serial: the table prints none; ${serial} is this row's place in the table`);
    /** Records a cell in doubt on this row (with the line `plain` the summary gives it, which the row's entry replaces if recorded). */
    const doubt = (what: string, plain?: NonNullable<Draft['unread']>[number]): void => {
      const key = `${current.numeral}.${serial}`;
      const before = doubtfulRows.get(key);
      doubtfulRows.set(key, { place: row.place, what: before ? `${before.what}, ${what}` : `appendix 序号${serial}: ${what}`, part: 'appendix', row: rowOf(current, serial) });
      if (plain) plainDoubts.add(plain);
    };
    const { names: departments, guessed } = departmentsOf(cell(col.departments));
    if (guessed) checks.push(`departments: cut ${JSON.stringify(cell(col.departments).replace(/\s+/g, ' '))} where one name ends and the next begins`);
    const natureText = cell(col.nature).replace(/\s+/g, '');
    const natures = natureText.split(/或|、|\/|／|，/u).filter(Boolean);
    // A table that prints no nature (or no address) has none to transcribe.
    let nature: string | string[] | undefined = col.nature < 0 ? undefined : natures.length > 1 ? natures : natureText;
    const natureUnprinted = col.nature >= 0 && natureText === '';
    if (col.nature >= 0 && (!natures.every((word) => NATURES.includes(word)) || natures.length === 0)) {
      if (natureText !== '') doubt(`nature ${JSON.stringify(natureText)}`);
      checks.push(`nature: ${JSON.stringify(natureText)} is not one of ${NATURES.join(' ')}; 新建 written`);
      nature = '新建';
    }
    const yearsText = twoColumns ? `${cell(startColumn)}-${cell(endColumn)}` : cell(col.years);
    const years = twoColumns ? spanOf(readYears(cell(startColumn)), readYears(cell(endColumn))) : readYears(yearsText);
    if (!years) {
      const entry = { place: row.place, what: `appendix 序号${serial}: years ${JSON.stringify(yearsText)}` };
      doubt(`years ${JSON.stringify(yearsText)}`, entry);
      checks.push(`years: ${JSON.stringify(yearsText)} could not be read; the plan period written`);
      draft.unread.push(entry);
    }
    const period = draft.plan.period ?? periodFromDate(draft.plan.date);
    let investment = plainNumber(cell(col.investment));
    if (investment === undefined) {
      checks.push(`investment: ${JSON.stringify(cell(col.investment))} is not a number; 0 written`);
      draft.unread.push({ place: row.place, what: `appendix 序号${serial}: investment ${JSON.stringify(cell(col.investment))}`, part: 'appendix', row: rowOf(current, serial) });
      investment = '0';
    } else if (sharesPrinted && !shareFits(plainNumber(cell(share)), investment)) {
      draft.unread.push({ place: row.place, what: `appendix 序号${serial}: investment ${investment} beside the period's share ${JSON.stringify(cell(share))}`, part: 'appendix', row: rowOf(current, serial) });
    } else if (remarks >= 0 && /^[0-9]{3,}(?![0-9]|[.,，][0-9]|\s*[年月日%％个万亿元])/u.test(cell(remarks).trim())) {
      draft.unread.push({ place: row.place, what: `appendix 序号${serial}: remarks open with a figure (${cell(remarks).trim().slice(0, 16)})`, part: 'appendix', row: rowOf(current, serial) });
    } else if (/^(?:19|20)[0-9]{2}$/u.test(investment) && (!years || (yearsAway(years, period) && !yearsAway({ start: Number(investment), end: Number(investment) }, period)))) {
      // (Years that do not read and an amount that reads as a year, 2025 where 2022- / 2025 6300 was
      // printed: the range's end taken for the amount, the amount into the years. Neither is sure.
      // Or years that read but stand decades from the plan's period, 2022-1900, beside an amount
      // that is a year of it, 2024: the same two cells taken one for the other.)
      draft.unread.push({ place: row.place, what: `appendix 序号${serial}: investment ${investment} reads as a year, the years ${JSON.stringify(yearsText)} do not read`, part: 'appendix', row: rowOf(current, serial) });
    }
    // Cells of neighbouring rows run together, as a reader by place may print them (lines of rows of
    // centred cells interleaved): a department and the head of the next row's (县卫生健康委, 县卫), a
    // department of one character whose rest ran into the name beside it (局), or cells moved a
    // column over, a nature where the department stands (改建): those cells are misread, the typed
    // ones (years, amount) read by what they are. Or a name that opens twice as its county's names
    // open (平坪县丰泉…平坪县和山): two rows run together, and no cell of the row is sure.
    const name = cellLine(cell(col.name));
    const county = /^[\p{Script=Han}]{2,4}?[县区旗]/u.exec(name)?.[0];
    const departmentsMixed = departments.some(
      (department) =>
        NATURES.some((word) => department.endsWith(word)) ||
        ([...department].length === 1 && /\p{Script=Han}/u.test(department)) ||
        departments.some((other) => other !== department && other.startsWith(department)),
    );
    // Or a year glued to a count in the content (32002025个), or a range's first year in the name
    // (…改造工程2022-县住房): the years' cell ran into it, and its figures are not sure either.
    // Or a department that holds a sentence's end or a figure (改建新建建筑面积16600㎡，新增工位30个。):
    // the cells after the name shifted into it, a row read askew. (Names that read as contents are
    // a table's columns taken one for another: the table's, below.)
    const rowsMixed =
      (county !== undefined && name.indexOf(county, county.length) >= 0) ||
      GLUED_YEAR.test(cellLine(cell(col.content))) ||
      YEAR_IN_NAME.test(name) ||
      departments.some((department) => /[。；]|[0-9]{2}/u.test(department));
    if (departmentsMixed || rowsMixed) {
      const what = `appendix 序号${serial}: cells of neighbouring rows or columns run together (${name.slice(0, 24)})`;
      draft.unread.push({ place: row.place, what, part: 'appendix', row: rowsMixed ? rowOf(current, serial) : { ...rowOf(current, serial), cells: ['name', 'departments', 'nature'] } });
      if (!rowsMixed) namesMixed += 1;
    }
    const content = cell(col.content);
    // A cell cut over several lines is joined here: the editor checks that the pieces belong together.
    for (const [field, index] of [['name', col.name], ['location', col.location], ['content', col.content]] as const) {
      if (index >= 0 && row.joined[index] === true && cell(index).length > 0) checks.push(`${field}: printed over several lines and joined here; check that the pieces belong together`);
    }
    const flat = cellLine(content);
    // Serials start again in each table (and in each section of a table numbered so): the keys of a later table (and section) name it.
    const facts = factsOf(flat, `appendix${number > 1 ? `.table-${number}` : ''}${bySection ? `.section-${result.sections.length}` : ''}.project-${serial}`, false);
    const project: Project = {
      place: row.place,
      serial,
      name,
      departments,
      ...(nature === undefined ? {} : { nature }),
      ...(col.location < 0 ? {} : { location: cellLine(cell(col.location)) }),
      content: flat,
      start: years?.start ?? period.start,
      end: years?.end ?? period.end,
      investment,
      facts,
      sums: sumsOf(flat, facts),
      counts: countsOf(flat, facts),
      checks,
    };
    current.projects.push(project);
    current.parts?.at(-1)?.projects.push(project);
    if (natureUnprinted) unprintedNature.add(project);
  }
  for (const section of result.sections) {
    // How a check names the row a value is taken from: 附表 序号3, 附表2 序号3, 附表 二、序号3.
    const named = `${printedName} ${bySection ? `${section.numeral}、` : ''}`;
    // The nature first: the set knows its projects as they were made.
    if (col.nature >= 0) fillMerged(section.projects, (project) => unprintedNature.has(project), 'nature', named);
    if (col.departments >= 0) fillMerged(section.projects, noDepartment, 'departments', named);
  }
  if (result.sections.every((section) => section.projects.length === 0)) {
    draft.unread.push({ place: table.place, what: `${printedName}: no project row could be read`, part: 'appendix' });
  }
  for (const [group, row] of unstated) {
    const owner = result.sections.find((section) => section.parts?.includes(group));
    // A divided section that prints no subtotal of its own, over parts that each print theirs:
    // nothing is missing, the section's sum is its parts'.
    if (!owner && group.projects.length > 0 && (group as AppendixSection).parts?.every((part) => !unstated.has(part))) {
      group.subtotal = '';
      continue;
    }
    // A section of a first column prints no row of its own, so no subtotal unless a 小计 row gives one.
    if (sectioned && !owner && group.projects.length > 0) {
      group.subtotal = '';
      continue;
    }
    draft.unread.push({ place: row.place, what: `appendix ${owner ? `part （${group.numeral}） of section ${owner.numeral}` : `section ${group.numeral}`}: no subtotal`, part: 'appendix' });
  }
  if (!totalFound) {
    result.checks.push('no 合计 row: the total is the sum of the subtotals');
    draft.unread.push({ place: table.place, what: 'the appendix has no 合计 row', part: 'appendix' });
  }
  const projects = result.sections.flatMap((section) => section.projects);
  // Names that read as contents (sentences, areas): the columns were taken one for another, and no cell of the table is sure.
  const sentences = projects.filter((project) => /[。；]|㎡/u.test(project.name));
  if (sentences.length * 2 > projects.length) {
    draft.unread.push({ place: table.place, what: `${printedName}: its names read as contents (${sentences[0]!.name.slice(0, 24)}): the columns were not found`, part: 'appendix' });
  }
  // An amount above its table's 合计 is other cells read as one (27002025: an amount and a year run together).
  const total = totalFound ? parseDecimal(result.total) : undefined;
  for (const section of result.sections) {
    for (const project of section.projects) {
      const amount = parseDecimal(project.investment);
      if (!total || !amount || compare(amount, total) <= 0) continue;
      draft.unread.push({ place: project.place ?? table.place, what: `appendix 序号${project.serial}: investment ${project.investment} is more than the table's 合计 ${result.total}`, part: 'appendix', row: rowOf(section, project.serial) });
    }
  }
  // Rows misread one by one among rows read; more than one in five whose amounts or years are in
  // doubt is a table misread as a whole, and its other rows are not to be trusted either. (Names
  // run together do not count: the rules that read names do not run while any row is unread.)
  const misread = draft.unread.filter((entry) => entry.row?.table === number);
  // (A row counts once, misread or in doubt.)
  const same = (a: UnreadRow, b: UnreadRow): boolean => a.serial === b.serial && a.section === b.section;
  const doubtful = [...doubtfulRows.values()].filter((entry) => !misread.some((other) => same(other.row!, entry.row!))).length;
  if (misread.length - namesMixed + doubtful > Math.max(1, projects.length / 5)) {
    for (const [at, entry] of draft.unread.entries()) if (entry.row?.table === number) draft.unread[at] = { place: entry.place, what: entry.what, part: 'appendix' };
    // (With no row misread as a whole, the rows whose years or nature do not read are the ones recorded.)
    if (misread.length === 0) draft.unread.splice(0, draft.unread.length, ...draft.unread.filter((entry) => !plainDoubts.has(entry)), ...doubtfulRows.values());
  }
  return result;
}

/** What holds an indicator table: a box (its number), or a caption that labels a table in no box (表1). */
export type IndicatorHolder = Pick<BoxPart, 'title' | 'note'> & ({ readonly number: number } | { readonly number?: undefined; readonly label: string });

export function readIndicators(context: Context, box: IndicatorHolder, table: Table): Draft['indicators'] {
  const where = box.number === undefined ? box.label : `专栏${box.number}`;
  const header = table.header;
  const col = {
    serial: column(header, /序号/u),
    name: column(header, /指标$|^指标|名称/u),
    unit: column(header, /单位/u),
    attribute: column(header, /属性|性质/u),
  };
  // Categories printed in a first column merged down their rows (类别 | 序号 | 指标 …), not on rows of their own.
  const categoryColumn = column(header, CATEGORY_HEADER);
  // The baseline and target columns: named so (现状值 | 目标值, 2020年基期值 | 2025年目标值), else the first and last headed with a year.
  const yearColumns = header.map((cell, index) => (/\d{4}/.test(cell) ? index : -1)).filter((index) => index >= 0);
  const namedBaseline = column(header, /基期|基数|现状|基准/u);
  const namedTarget = column(header, /目标|规划值|预期值/u);
  const baseline = namedBaseline >= 0 ? namedBaseline : (yearColumns[0] ?? -1);
  const target = namedTarget >= 0 ? namedTarget : (yearColumns.at(-1) ?? -1);
  const result: NonNullable<Draft['indicators']> = { ...(box.number === undefined ? { table: box.label } : { box: box.number }), title: box.title, ...(box.note ? { note: box.note.text } : {}), categories: [] };
  if (baseline < 0 || target < 0 || baseline === target) {
    context.draft.unread.push({ place: table.place, what: `${where}: no baseline and target columns (a year, or 现状值 and 目标值) in the indicator table's header`, part: 'indicators' });
    return undefined;
  }
  for (const row of table.rows) {
    const part = partRow(row);
    if (part) {
      result.categories.push({ numeral: part.numeral, name: part.name, indicators: [], place: row.place });
      continue;
    }
    const category = categoryColumn >= 0 && categoryColumn !== col.serial ? (row.cells[categoryColumn] ?? '').replace(/\s+/g, '') : '';
    if (category !== '' && category !== result.categories.at(-1)?.name) {
      result.categories.push({ numeral: toChineseNumeral(result.categories.length + 1), name: category, indicators: [], place: row.place });
    }
    const serialText = (row.cells[Math.max(col.serial, 0)] ?? '').trim();
    if (!/^\d+$/.test(serialText)) {
      context.draft.unread.push({ place: row.place, what: `indicator row without a serial: ${row.cells.join(' ').slice(0, 30)}`, part: 'indicators' });
      continue;
    }
    if (result.categories.length === 0) result.categories.push({ numeral: '一', name: box.title, indicators: [] });
    const serial = Number(serialText);
    const name = cellLine(row.cells[col.name] ?? '');
    const attributeText = (row.cells[col.attribute] ?? '').replace(/\s+/g, '');
    const checks: string[] = [];
    let attribute: Indicator['attribute'] = '预期性';
    if (attributeText === '约束性' || attributeText === '预期性') attribute = attributeText;
    else checks.push(`attribute: ${JSON.stringify(attributeText)} read as 预期性`);
    const better: Indicator['better'] = LOWER_WORDS.test(name) ? 'lower' : HIGHER_WORDS.test(name) ? 'higher' : 'none';
    checks.push(`better: ${better}, proposed from the name`);
    result.categories[result.categories.length - 1]!.indicators.push({
      place: row.place,
      serial,
      name,
      fact: `indicator.row-${serial}`,
      unit: (row.cells[col.unit] ?? '').trim() || '—',
      baseline: readCell(row.cells[baseline] ?? ''),
      target: readCell(row.cells[target] ?? ''),
      attribute,
      better,
      checks,
    });
  }
  // (No row read: nothing the format can hold; the rows are recorded unread above.)
  return result.categories.some((category) => category.indicators.length > 0) ? result : undefined;
}

export function readServices(context: Context, box: BoxPart, table: Table): Draft['services'] {
  const header = table.header;
  const area = Math.max(0, column(header, /领域|类别/u));
  const goal = column(header, /目标/u);
  const items = column(header, /项目|内容|事项/u);
  const result: NonNullable<Draft['services']> = { box: box.number, title: box.title, areas: [] };
  for (const row of table.rows) {
    const itemsText = cellLine(row.cells[items] ?? '');
    if (itemsText.length === 0) {
      context.draft.unread.push({ place: row.place, what: 'service area without items', part: 'services' });
      continue;
    }
    const declared = /[（(](?:共)?(\d+)项[）)]\s*$/u.exec(itemsText);
    const goalText = goal >= 0 ? cellLine(row.cells[goal] ?? '') : '';
    const checks = (
      [
        ['goal', goalText, goal],
        ['itemsText', itemsText, items],
      ] as const
    )
      .filter(([, text, index]) => text.length > 0 && row.joined[index] === true)
      .map(([field]) => `${field}: printed over several lines and joined here; check that the pieces belong together`);
    const list = (declared ? itemsText.slice(0, declared.index) : itemsText).split(/[、，,]/u).map((item) => item.trim()).filter(Boolean);
    result.areas.push({
      place: row.place,
      name: (row.cells[area] ?? '').replace(/\s+/g, ''),
      ...(goal >= 0 && row.cells[goal] ? { goal: cellLine(row.cells[goal]!) } : {}),
      ...(declared ? { declared: Number(declared[1]) } : {}),
      itemsText,
      items: list,
      checks,
    });
  }
  // The prose often states the whole list's size (“制定86项…清单”): the total of the declared counts.
  const stem = words(box.title).replace(/^.*?(县|市|区|省)/u, '');
  for (const paragraph of context.draft.outline.paragraphs) {
    const match = /(\d+)项([^，。；]{0,30}?)清单/u.exec(paragraph.text);
    if (match && likeness(`${match[2]}清单`, stem) >= 0.5) {
      const start = paragraph.text.lastIndexOf('，', match.index) + 1;
      const quote = paragraph.text.slice(start, match.index + match[0].length);
      result.total = { fact: 'services.list.items', value: match[1]!, unit: '项', quote, clause: quote, subject: quote, start: 0, check: `the prose's count of the list (${placeWords(paragraph.place)})` };
      const chapter = context.draft.outline.chapters[paragraph.chapter];
      context.draft.statements.push({
        ...(chapter ? { chapter: chapter.numeral } : {}),
        ...(chapter?.sections[paragraph.section] ? { section: chapter.sections[paragraph.section]!.numeral } : {}),
        facts: [{ ...result.total, check: `restates the size of 专栏${box.number} (${placeWords(paragraph.place)})` }],
        sums: [],
        counts: [],
      });
      break;
    }
  }
  return result;
}

/** Whether a span of years stands decades from a plan's period (a figure of another column read as a year: 2022-1900). */
const yearsAway = (years: { readonly start: number; readonly end: number }, period: { readonly start: number; readonly end: number }): boolean =>
  [years.start, years.end].some((year) => year < period.start - 30 || year > period.end + 30);
