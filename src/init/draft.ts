/**
 * From the document structure to the plan data: plan identity, outline, indicator table,
 * service list, key-work boxes linked to the appendix, appendix projects, and the prose figures
 * that restate them. Every guess carries a check note that the YAML writer turns into a
 * `# check:` comment.
 */
import { compare, mul, parseDecimal, rational, sum, type Rational } from '../decimal.js';
import { parseChineseNumeral } from '../numerals.js';
import { unitMeaning } from '../units.js';
import { NUMERAL, type BoxBlock, type PlanDocument, type Row, type Table } from './document.js';
import { findFigures, unitKind, type FoundFigure } from './figures.js';
import { likeness, looseLikeness, words } from './similarity.js';

export interface Fact {
  fact: string;
  readonly value?: string;
  readonly valueMax?: string;
  readonly text?: string;
  readonly unit: string;
  readonly approx?: boolean;
  readonly bound?: string;
  readonly cumulative?: boolean;
  period?: string;
  readonly quote?: string;
  /** Words around the figure, for pairing it with the same figure elsewhere. */
  readonly clause: string;
  /** What the figure is about: the clause's opening words and its own label. */
  readonly subject: string;
  readonly start: number;
  check?: string;
}

export interface Cell {
  readonly value?: string;
  readonly text?: string;
  readonly bound?: string;
  readonly cumulative?: boolean;
  readonly approx?: boolean;
}

export interface Sum {
  readonly total: string;
  readonly parts: string[];
  readonly check: string;
}
export interface Count {
  readonly fact: string;
  readonly items: string[];
  readonly open?: boolean;
  readonly check: string;
}

export interface Indicator {
  readonly serial: number;
  readonly name: string;
  readonly fact: string;
  readonly unit: string;
  readonly baseline: Cell;
  readonly target: Cell;
  readonly attribute: '预期性' | '约束性';
  readonly better: 'higher' | 'lower' | 'none';
  readonly checks: string[];
}

export interface Project {
  readonly serial: number;
  readonly name: string;
  readonly departments: string[];
  readonly nature: string | string[];
  readonly location: string;
  readonly content: string;
  readonly start: number;
  readonly end: number;
  readonly investment: string;
  readonly facts: Fact[];
  readonly sums: Sum[];
  readonly counts: Count[];
  readonly checks: string[];
}

export interface Work {
  readonly name: string;
  readonly projects: number[];
  readonly check?: string;
}

export interface BoxItem {
  readonly number: number;
  readonly title: string;
  readonly text?: string;
  readonly works: Work[];
  readonly facts: Fact[];
  readonly sums: Sum[];
  readonly counts: Count[];
}

export interface Box {
  readonly number: number;
  readonly title: string;
  readonly chapter?: string;
  readonly items: BoxItem[];
}

export interface StatementGroup {
  readonly chapter?: string;
  readonly section?: string;
  readonly facts: Fact[];
  readonly sums: Sum[];
  readonly counts: Count[];
}

export interface ServiceArea {
  readonly name: string;
  readonly goal?: string;
  readonly declared?: number;
  readonly itemsText: string;
  readonly items: string[];
  readonly checks: string[];
}

export interface Draft {
  readonly plan: {
    id: string;
    title?: string | undefined;
    issuer?: string | undefined;
    documentNumber?: string | undefined;
    date?: string | undefined;
    period?: { start: number; end: number } | undefined;
    moneyUnit: string;
    checks: string[];
  };
  readonly outline: PlanDocument;
  indicators?: undefined | { box: number; title: string; note?: string; categories: { numeral: string; name: string; indicators: Indicator[] }[] };
  services?: undefined | { box: number; title: string; total?: Fact; areas: ServiceArea[] };
  readonly boxes: Box[];
  projects?: undefined | { title: string; total: string; sections: { numeral: string; name: string; subtotal: string; projects: Project[] }[]; checks: string[] };
  readonly statements: StatementGroup[];
  readonly unread: { line: number; what: string }[];
}

const PART_ROW = new RegExp(`^(${NUMERAL})[、．.]\\s*(.*)$`, 'u');
const NUMBER_CELL = /^(\d+(?:\.\d+)?)$/;
const NATURES = ['新建', '改建', '改扩建', '续建', '在建'];
/** Words a work's name opens with that say what is done to it, not what it is. */
const LEADING_VERBS = /^(全面|持续|加快|大力|积极|着力|深入|稳步|继续|统筹)?(推进|实施|建设|建成|打造|开展|推动|启动|完成|新建|改造|支持|加强|落实)/u;
const GENERIC_NAME = /(建设项目|项目|工程|建设)/gu;
const TARGET_CUE = /到\s*\d{4}\s*年|到.{0,8}末|十[一二三四五六七八九]?五.{0,3}(期间|时期|末)|力争|预计|计划|目标|达到|保持/u;
const HIGHER_WORDS = /(率|数|量|面积|寿命|水平|年限|比例|占比|规模|覆盖|人数|总量|床位|设施|活动)/u;
const LOWER_WORDS = /(死亡率|失业率|发病率|患病率|近视率|事故|贫困发生率|肥胖率|流失率|辍学率|犯罪率|能耗|排放|自付|支出占)/u;

function plainNumber(text: string): string | undefined {
  let cleaned = text.replace(/\s+/g, '').replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
  // Thousands separators (1,200) are a printing habit, not part of the number.
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(cleaned)) cleaned = cleaned.replace(/,/g, '');
  return NUMBER_CELL.test(cleaned) ? cleaned.replace(/^0+(?=\d)/, '') : undefined;
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

function column(header: readonly string[], pattern: RegExp, from = 0): number {
  for (let index = from; index < header.length; index += 1) if (pattern.test(header[index]!)) return index;
  return -1;
}

/** A plan id from the folder name: kebab-case ASCII, else `plan`. */
export function planId(folderName: string): string {
  const id = folderName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return id.length > 0 ? id : 'plan';
}

/** The years of the nth five-year plan (十四五 → 2021–2025): the third began in 1966. */
function fiveYearPlan(numeral: string): { start: number; end: number } | undefined {
  const n = parseChineseNumeral(numeral);
  if (n === undefined || n < 3) return undefined;
  const start = 1966 + 5 * (n - 3);
  return { start, end: start + 4 };
}

function readIdentity(doc: PlanDocument, folderName: string): Draft['plan'] {
  const plan: Draft['plan'] = { id: planId(folderName), moneyUnit: '万元', checks: [] };
  const header = doc.header;
  const all = header.map((line) => line.text);
  for (const text of all) {
    const titled = /《([^》]*(规划|纲要|计划|方案)[^》]*)》/u.exec(text);
    if (titled) {
      plan.title = titled[1];
      break;
    }
  }
  if (!plan.title) {
    const line = all.find((text) => /(规划|纲要)$/u.test(text) && text.length < 60) ?? doc.lines.find((text) => /(规划|纲要)\s*$/u.test(text.trim()) && text.trim().length < 60)?.trim();
    if (line) {
      plan.title = line.replace(/\s+/g, '');
      plan.checks.push(`title: taken from a line that ends in 规划/纲要, not from a 《》 in the header`);
    }
  }
  for (const text of all) {
    const number = /([\p{Script=Han}]{1,20}〔\d{4}〕\d+号)/u.exec(text.replace(/\s+/g, ''));
    if (number) {
      plan.documentNumber = number[1];
      break;
    }
  }
  const issuers = header.filter((line) => /^[\p{Script=Han}（）()]{4,40}(委员会|人民政府|政府|办公室|办公厅|管理局|局|委|厅|部)$/u.test(line.text.replace(/\s+/g, '')));
  const issuer = issuers[issuers.length - 1];
  if (issuer) {
    plan.issuer = issuer.text.replace(/\s+/g, '');
    if (issuers.length > 1 && new Set(issuers.map((line) => line.text.replace(/\s+/g, ''))).size > 1) plan.checks.push(`issuer: the last of ${issuers.length} authority names in the header (line ${issuer.line})`);
  }
  for (const line of [...header].reverse()) {
    const date = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u.exec(line.text);
    if (date) {
      plan.date = `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}`;
      break;
    }
  }
  const head = doc.lines.slice(0, 400).join('\n');
  const printed = /规划(?:期|期限|时限)(?:为|是)?\s*(\d{4})\s*年?\s*[-—–~～至到]\s*(\d{4})\s*年?/u.exec(head);
  const numbered = /十([一二三四五六七八九]?)五/u.exec(plan.title ?? '');
  const spanned = /(\d{4})\s*[-—–~～至]\s*(\d{4})/u.exec(plan.title ?? '');
  if (printed) plan.period = { start: Number(printed[1]), end: Number(printed[2]) };
  else if (spanned) plan.period = { start: Number(spanned[1]), end: Number(spanned[2]) };
  else if (numbered) {
    plan.period = fiveYearPlan(`十${numbered[1]}`);
    if (plan.period) plan.checks.push(`period: ${plan.period.start}-${plan.period.end} from 十${numbered[1]}五 in the title`);
  }
  return plan;
}

/** The appendix section name and subtotal of a row such as 一、幼有所育 | 8000. */
function partRow(row: Row): { numeral: string; name: string; amount?: string } | undefined {
  const match = PART_ROW.exec(row.cells[0] ?? '');
  if (!match) return undefined;
  const amount = row.cells.slice(1).map((cell) => plainNumber(cell)).find((value) => value !== undefined);
  return { numeral: match[1]!, name: match[2]!.trim() || (row.cells[1] ?? ''), ...(amount === undefined ? {} : { amount }) };
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

function readYears(cell: string): { start: number; end: number } | undefined {
  const span = /(\d{4})\s*年?\s*[-—–~～至到]\s*(\d{4})/u.exec(cell);
  if (span) return { start: Number(span[1]), end: Number(span[2]) };
  const one = /^(\d{4})\s*年?$/u.exec(cell.trim());
  if (one) return { start: Number(one[1]), end: Number(one[1]) };
  return undefined;
}

interface Context {
  readonly draft: Draft;
  /** The whole text, for asking whether a field stands on one line of it. */
  readonly source: string;
  /** Names of the place the plan is for (from the issuer), which say nothing about a project. */
  readonly places: string[];
}

/** A project or work name without the place and generic words, for comparison. */
function core(name: string, places: readonly string[]): string {
  let text = name.replace(/\s+/g, '');
  for (const place of places) if (text.startsWith(place)) text = text.slice(place.length);
  text = text.replace(LEADING_VERBS, '');
  for (const place of places) if (text.startsWith(place)) text = text.slice(place.length);
  return text.replace(GENERIC_NAME, '');
}

function nameLikeness(a: string, b: string, places: readonly string[]): number {
  const left = core(a, places);
  const right = core(b, places);
  if (left.length === 0 || right.length === 0) return 0;
  if (left === right) return 1;
  if (Math.min([...left].length, [...right].length) >= 3 && (left.includes(right) || right.includes(left))) return 0.9;
  return likeness(left, right);
}

/** Figures of one text as facts with keys under `prefix`, numbered per kind of quantity. */
function factsOf(text: string, prefix: string, withQuote: boolean): Fact[] {
  const counters = new Map<string, number>();
  return findFigures(text).map((figure) => {
    const kind = unitKind(figure.unit);
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return toFact(figure, `${prefix}.${kind}-${n}`, withQuote);
  });
}

function toFact(figure: FoundFigure, key: string, withQuote: boolean): Fact {
  return {
    fact: key,
    value: figure.value,
    ...(figure.valueMax === undefined ? {} : { valueMax: figure.valueMax }),
    unit: figure.unit,
    ...(figure.approx ? { approx: true } : {}),
    ...(figure.bound ? { bound: figure.bound } : {}),
    ...(figure.cumulative ? { cumulative: true } : {}),
    ...(withQuote ? { quote: figure.clause } : {}),
    clause: figure.clause,
    subject: figure.subject,
    start: figure.start,
  };
}

/** 其中: the figures after it in the same sentence, of the same kind, are parts of the one before it. */
function sumsOf(text: string, facts: readonly Fact[]): Sum[] {
  const sums: Sum[] = [];
  for (const match of text.matchAll(/其中/gu)) {
    const at = match.index;
    const sentenceEnd = text.indexOf('。', at);
    const stop = sentenceEnd < 0 ? text.length : sentenceEnd;
    const total = [...facts].reverse().find((fact) => fact.start < at);
    if (!total) continue;
    const dimension = unitMeaning(total.unit).dimension;
    const parts = facts.filter((fact) => fact.start > at && fact.start < stop && unitMeaning(fact.unit).dimension === dimension && fact !== total && !/[各每]/u.test(fact.clause));
    if (parts.length >= 2) sums.push({ total: total.fact, parts: parts.map((part) => part.fact), check: `sum proposed from 其中 after ${total.value}${total.unit}` });
  }
  return sums;
}

/** “a、b、c等N个…” and “a、b、cN个…”: a declared count with the items listed before it. */
export function countsOf(text: string, facts: readonly Fact[]): Count[] {
  const counts: Count[] = [];
  for (const match of text.matchAll(/(?<=^|[，。；：:,（(])((?:[^、，。；：:,（(\d]{1,20}、)+[^、，。；：:,（(\d]{1,20}?)(等)?(?:共)?(\d+)(个|所|项|家|座|条|处|名)/gu)) {
    const number = match[3]!;
    const at = match.index + match[0].length - number.length - match[4]!.length;
    const fact = facts.find((candidate) => candidate.start === at);
    if (!fact) continue;
    const items = match[1]!.split('、').map((item) => item.trim()).filter(Boolean);
    // A list opens after a verb or preposition; the first item keeps what follows the last such word.
    items[0] = items[0]!
      .replace(/^.*?(在|对|为|包括|涉及|覆盖|建设|完善|改造|升级|新建)(?=[^在对为]{2,})/u, '')
      .replace(/^(?:(?:逐步|重点|全面|持续|计划)?(?:建设|完善|改造|升级|新建|完成|实施|推进))+(?=.{2,})/u, '');
    if (items.length < 2 || items.some((item) => item.includes('等') || item.length === 0)) continue;
    counts.push({ fact: fact.fact, items, ...(match[2] ? { open: true } : {}), check: `count of ${number}${match[4]} proposed from the list before it${match[2] ? ' (ends in 等: open)' : ''}` });
  }
  // “N所：a、b、c”: the count, then its items after a colon.
  for (const match of text.matchAll(/(\d+)(个|所|项|家|座|条|处|名)[^，。；：:\d]{0,12}[：:]((?:[^、，。；：:]{1,30}、)+[^、，。；：:]{1,30}?)(等)?(?=[。；;，,]|$)/gu)) {
    const at = match.index;
    const fact = facts.find((candidate) => candidate.start === at);
    if (!fact) continue;
    const items = match[3]!.split('、').map((item) => item.trim()).filter(Boolean);
    if (items.length < 2) continue;
    counts.push({ fact: fact.fact, items, ...(match[4] ? { open: true } : {}), check: `count of ${match[1]}${match[2]} proposed from the list after the colon${match[4] ? ' (ends in 等: open)' : ''}` });
  }
  return counts;
}

function readProjects(context: Context, table: Table, title: string): Draft['projects'] {
  const { draft } = context;
  const header = table.header;
  const col = {
    serial: column(header, /序号/u),
    name: column(header, /名称/u),
    departments: column(header, /(部门|单位|主体)/u),
    nature: column(header, /性质/u),
    location: column(header, /(地址|地点|选址)/u),
    content: column(header, /内容|规模/u),
    years: column(header, /(年限|年份|起止|期限)/u),
    investment: column(header, /投资/u),
  };
  const money = /（(万元|亿元|元)）|\((万元|亿元|元)\)/u.exec(header[col.investment] ?? '');
  if (money) draft.plan.moneyUnit = money[1] ?? money[2]!;
  const result: NonNullable<Draft['projects']> = { title, total: '0', sections: [], checks: [] };
  let totalFound = false;
  for (const row of table.rows) {
    const first = (row.cells[0] ?? '').replace(/\s+/g, '');
    if (/^(合计|总计)$/u.test(first)) {
      const amount = row.cells.slice(1).map((cell) => plainNumber(cell)).find((value) => value !== undefined);
      if (amount !== undefined) {
        result.total = amount;
        totalFound = true;
      }
      continue;
    }
    const part = partRow(row);
    if (part) {
      result.sections.push({ numeral: part.numeral, name: part.name, subtotal: part.amount ?? '0', projects: [] });
      if (part.amount === undefined) draft.unread.push({ line: row.line, what: `appendix section ${part.numeral}: no subtotal` });
      continue;
    }
    if (!/^\d+$/.test(first)) {
      draft.unread.push({ line: row.line, what: `appendix row that is neither a project, a section nor the total: ${first.slice(0, 20)}` });
      continue;
    }
    if (result.sections.length === 0) {
      result.sections.push({ numeral: '一', name: title, subtotal: '0', projects: [] });
      result.checks.push('the appendix has no sections: one section made for all projects');
    }
    const cell = (index: number): string => (index >= 0 ? (row.cells[index] ?? '') : '');
    const checks: string[] = [];
    const serial = Number(first);
    const { names: departments, guessed } = departmentsOf(cell(col.departments));
    if (guessed) checks.push(`departments: cut ${JSON.stringify(cell(col.departments).replace(/\s+/g, ' '))} where one name ends and the next begins`);
    const natureText = cell(col.nature).replace(/\s+/g, '');
    const natures = natureText.split(/或|、|\/|／|，/u).filter(Boolean);
    let nature: string | string[] = natures.length > 1 ? natures : natureText;
    if (!natures.every((word) => NATURES.includes(word)) || natures.length === 0) {
      checks.push(`nature: ${JSON.stringify(natureText)} is not one of ${NATURES.join(' ')}; 新建 written`);
      nature = '新建';
    }
    const years = readYears(cell(col.years));
    if (!years) {
      checks.push(`years: ${JSON.stringify(cell(col.years))} could not be read; the plan period written`);
      draft.unread.push({ line: row.line, what: `appendix 序号${serial}: years ${JSON.stringify(cell(col.years))}` });
    }
    const period = draft.plan.period ?? periodFromDate(draft.plan.date);
    let investment = plainNumber(cell(col.investment));
    if (investment === undefined) {
      checks.push(`investment: ${JSON.stringify(cell(col.investment))} is not a number; 0 written`);
      draft.unread.push({ line: row.line, what: `appendix 序号${serial}: investment ${JSON.stringify(cell(col.investment))}` });
      investment = '0';
    }
    const content = cell(col.content);
    // A cell cut over several lines is joined here: the editor checks that the pieces belong together.
    const { source } = context;
    for (const [field, text] of [['name', cell(col.name)], ['location', cell(col.location)], ['content', content]] as const) {
      const flat = text.replace(/\n/g, '');
      if (flat.length > 0 && !source.includes(flat)) checks.push(`${field}: printed over several lines and joined here; check that the pieces belong together`);
    }
    const flat = content.replace(/\n/g, '');
    const facts = factsOf(flat, `appendix.project-${serial}`, false);
    result.sections[result.sections.length - 1]!.projects.push({
      serial,
      name: cell(col.name).replace(/\n/g, ''),
      departments,
      nature,
      location: cell(col.location).replace(/\n/g, ''),
      content: flat,
      start: years?.start ?? period.start,
      end: years?.end ?? period.end,
      investment,
      facts,
      sums: sumsOf(flat, facts),
      counts: countsOf(flat, facts),
      checks,
    });
  }
  if (!totalFound) {
    result.checks.push('no 合计 row: the total is the sum of the subtotals');
    draft.unread.push({ line: table.line, what: 'the appendix has no 合计 row' });
  }
  return result;
}

function readIndicators(context: Context, box: BoxBlock, table: Table): Draft['indicators'] {
  const header = table.header;
  const col = {
    serial: column(header, /序号/u),
    name: column(header, /指标$|^指标|名称/u),
    unit: column(header, /单位/u),
    attribute: column(header, /属性|性质/u),
  };
  const yearColumns = header.map((cell, index) => (/\d{4}/.test(cell) ? index : -1)).filter((index) => index >= 0);
  const baseline = yearColumns[0] ?? -1;
  const target = yearColumns[yearColumns.length - 1] ?? -1;
  const result: NonNullable<Draft['indicators']> = { box: box.number, title: box.title, ...(box.note ? { note: box.note.text } : {}), categories: [] };
  for (const row of table.rows) {
    const part = partRow(row);
    if (part) {
      result.categories.push({ numeral: part.numeral, name: part.name, indicators: [] });
      continue;
    }
    const serialText = (row.cells[Math.max(col.serial, 0)] ?? '').trim();
    if (!/^\d+$/.test(serialText)) {
      context.draft.unread.push({ line: row.line, what: `indicator row without a serial: ${row.cells.join(' ').slice(0, 30)}` });
      continue;
    }
    if (result.categories.length === 0) result.categories.push({ numeral: '一', name: box.title, indicators: [] });
    const serial = Number(serialText);
    const name = (row.cells[col.name] ?? '').replace(/\n/g, '');
    const attributeText = (row.cells[col.attribute] ?? '').replace(/\s+/g, '');
    const checks: string[] = [];
    let attribute: Indicator['attribute'] = '预期性';
    if (attributeText === '约束性' || attributeText === '预期性') attribute = attributeText;
    else checks.push(`attribute: ${JSON.stringify(attributeText)} read as 预期性`);
    const better: Indicator['better'] = LOWER_WORDS.test(name) ? 'lower' : HIGHER_WORDS.test(name) ? 'higher' : 'none';
    checks.push(`better: ${better}, proposed from the name`);
    result.categories[result.categories.length - 1]!.indicators.push({
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
  return result;
}

function readServices(context: Context, box: BoxBlock, table: Table): Draft['services'] {
  const header = table.header;
  const area = Math.max(0, column(header, /领域|类别/u));
  const goal = column(header, /目标/u);
  const items = column(header, /项目|内容|事项/u);
  const result: NonNullable<Draft['services']> = { box: box.number, title: box.title, areas: [] };
  for (const row of table.rows) {
    const itemsText = (row.cells[items] ?? '').replace(/\n/g, '');
    if (itemsText.length === 0) {
      context.draft.unread.push({ line: row.line, what: 'service area without items' });
      continue;
    }
    const declared = /[（(](?:共)?(\d+)项[）)]\s*$/u.exec(itemsText);
    const { source } = context;
    const goalText = goal >= 0 ? (row.cells[goal] ?? '').replace(/\n/g, '') : '';
    const checks = [['goal', goalText], ['itemsText', itemsText]]
      .filter(([, text]) => text!.length > 0 && !source.includes(text!))
      .map(([field]) => `${field}: printed over several lines and joined here; check that the pieces belong together`);
    const list = (declared ? itemsText.slice(0, declared.index) : itemsText).split(/[、，,]/u).map((item) => item.trim()).filter(Boolean);
    result.areas.push({
      name: (row.cells[area] ?? '').replace(/\s+/g, ''),
      ...(goal >= 0 && row.cells[goal] ? { goal: row.cells[goal]!.replace(/\n/g, '') } : {}),
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
      result.total = { fact: 'services.list.items', value: match[1]!, unit: '项', quote, clause: quote, subject: quote, start: 0, check: `the prose's count of the list (line ${paragraph.line})` };
      const chapter = context.draft.outline.chapters[paragraph.chapter];
      context.draft.statements.push({
        ...(chapter ? { chapter: chapter.numeral } : {}),
        ...(chapter?.sections[paragraph.section] ? { section: chapter.sections[paragraph.section]!.numeral } : {}),
        facts: [{ ...result.total, check: `restates the size of 专栏${box.number} (line ${paragraph.line})` }],
        sums: [],
        counts: [],
      });
      break;
    }
  }
  return result;
}

/** Works of a box item: the names it lists, each linked to the appendix project most like it. */
function worksOf(context: Context, title: string, text: string, facts: readonly Fact[]): Work[] {
  const projects = context.draft.projects?.sections.flatMap((section) => section.projects) ?? [];
  const best = (name: string): { serial: number; score: number } | undefined => {
    let found: { serial: number; score: number } | undefined;
    for (const project of projects) {
      const score = nameLikeness(name, project.name, context.places);
      if (!found || score > found.score) found = { serial: project.serial, score };
    }
    return found;
  };
  const THRESHOLD = 0.6;
  const works: Work[] = [];
  const linked = new Set<number>();
  for (const sentence of text.split('。')) {
    const pieces = sentence.split(/[，,；;]/u).map((piece) => piece.trim().replace(LEADING_VERBS, '')).filter((piece) => piece.length >= 3 && (piece.length <= 40 || piece.includes('、')) && findFigures(piece).length === 0);
    const found: Work[] = [];
    for (const piece of pieces) {
      const whole = best(piece);
      const parts = piece.split(/、|和|及/u).map((part) => part.trim().replace(LEADING_VERBS, '')).filter((part) => part.length >= 2);
      const partMatches = parts.length > 1 ? parts.map((part) => ({ part, match: best(part) })) : [];
      const partHits = partMatches.filter(({ match }) => match && match.score >= THRESHOLD).map(({ match }) => match!.serial);
      if (partMatches.length > 1 && partHits.length >= Math.max(2, Math.ceil(parts.length / 2)) && new Set(partHits).size === partHits.length) {
        for (const { part, match } of partMatches) {
          const ok = match !== undefined && match.score >= THRESHOLD && !linked.has(match.serial);
          if (ok) linked.add(match.serial);
          found.push({ name: part, projects: ok ? [match.serial] : [], ...(ok ? { check: `linked to 附表 序号${match.serial} by name likeness ${match.score.toFixed(2)}` } : {}) });
        }
      } else if (whole && whole.score >= THRESHOLD && !linked.has(whole.serial) && piece.length <= 40) {
        linked.add(whole.serial);
        found.push({ name: piece, projects: [whole.serial], check: `linked to 附表 序号${whole.serial} by name likeness ${whole.score.toFixed(2)}` });
      } else found.push({ name: piece, projects: [] });
    }
    const hits = found.filter((work) => work.projects.length > 0).length;
    // A sentence that is a list of names gives all its works; otherwise only the names that matched.
    if (hits > 0 && hits * 2 > found.length) works.push(...found);
    else works.push(...found.filter((work) => work.projects.length > 0));
  }
  if (works.length > 0) return works;
  const named = best(title);
  if (named && named.score >= THRESHOLD) return [{ name: title, projects: [named.serial], check: `linked to 附表 序号${named.serial} by name likeness ${named.score.toFixed(2)}` }];
  // Two or more figures printed alike in the item and a project: the same work.
  let sameFigures: { serial: number; shared: number } | undefined;
  for (const project of projects) {
    const shared = facts.filter((fact) => project.facts.some((other) => other.value === fact.value && other.unit === fact.unit)).length;
    if (shared >= 2 && (!sameFigures || shared > sameFigures.shared)) sameFigures = { serial: project.serial, shared };
  }
  if (sameFigures) return [{ name: title, projects: [sameFigures.serial], check: `linked to 附表 序号${sameFigures.serial}: ${sameFigures.shared} figures printed alike` }];
  return [{ name: title, projects: [] }];
}

/**
 * Gives a box item's figures the keys of the linked project's figures that measure the same
 * thing: by order when both print as many figures of that dimension, else by likeness of the
 * clause.
 */
function shareKeys(facts: Fact[], others: readonly Fact[], where: string): void {
  const byDimension = (list: readonly Fact[]): Map<string, Fact[]> => {
    const map = new Map<string, Fact[]>();
    for (const fact of list) {
      const dimension = unitMeaning(fact.unit).dimension;
      map.set(dimension, [...(map.get(dimension) ?? []), fact]);
    }
    return map;
  };
  const mine = byDimension(facts);
  const theirs = byDimension(others);
  for (const [dimension, list] of mine) {
    const candidates = theirs.get(dimension) ?? [];
    if (candidates.length === 0) continue;
    if (candidates.length === list.length) {
      list.forEach((fact, index) => {
        const other = candidates[index]!;
        fact.fact = other.fact;
        fact.check = `same key as ${where} “${other.clause}” (same order among the ${dimension} figures)`;
      });
      continue;
    }
    const taken = new Set<Fact>();
    for (const fact of list) {
      let chosen: { other: Fact; score: number } | undefined;
      for (const other of candidates) {
        if (taken.has(other)) continue;
        const score = likeness(fact.clause, other.clause);
        if (score >= 0.5 && (!chosen || score > chosen.score)) chosen = { other, score };
      }
      if (chosen) {
        taken.add(chosen.other);
        fact.fact = chosen.other.fact;
        fact.check = `same key as ${where} “${chosen.other.clause}” (likeness ${chosen.score.toFixed(2)})`;
      }
    }
  }
}

/**
 * A box figure that is the exact sum of one like figure in each of several projects of one
 * appendix section (新增托位1375个 = 625 + 250 + 300 + 200): the item stands for those projects.
 */
function sumAcrossProjects(context: Context, facts: readonly Fact[]): { serials: number[]; total: string; parts: string[]; check: string } | undefined {
  for (const fact of facts) {
    const total = fact.value === undefined ? undefined : parseDecimal(fact.value);
    if (total === undefined) continue;
    for (const section of context.draft.projects?.sections ?? []) {
      const parts: { serial: number; fact: Fact }[] = [];
      for (const project of section.projects) {
        const like = project.facts.filter((other) => other.unit === fact.unit && looseLikeness(other.subject, fact.subject) >= 0.4);
        if (like.length === 1) parts.push({ serial: project.serial, fact: like[0]! });
      }
      if (parts.length < 2) continue;
      const values = parts.map((part) => parseDecimal(part.fact.value ?? ''));
      if (values.some((value) => value === undefined)) continue;
      if (compare(sum(values as Rational[]), total) !== 0) continue;
      const serials = parts.map((part) => part.serial);
      return {
        serials,
        total: fact.fact,
        parts: parts.map((part) => part.fact.fact),
        check: `linked to 附表 序号${serials.join('、')}: their ${fact.unit} figures add up to ${fact.value}${fact.unit}`,
      };
    }
  }
  return undefined;
}

function readBox(context: Context, block: BoxBlock): Box {
  const chapter = block.chapter >= 0 ? context.draft.outline.chapters[block.chapter]!.numeral : undefined;
  const projects = context.draft.projects?.sections.flatMap((section) => section.projects) ?? [];
  const items: BoxItem[] = (block.items ?? []).map((item) => {
    const stop = item.body.indexOf('。');
    const title = (stop < 0 ? item.body : item.body.slice(0, stop)).trim();
    const text = stop < 0 ? undefined : item.body.slice(stop + 1).trim() || undefined;
    const facts = text ? factsOf(text, `box-${block.number}.item-${item.number}`, false) : [];
    let works = worksOf(context, title, text ?? '', facts);
    const serials = [...new Set(works.flatMap((work) => work.projects))];
    if (serials.length === 1) {
      const project = projects.find((candidate) => candidate.serial === serials[0]);
      if (project) shareKeys(facts, project.facts, `附表 序号${project.serial}`);
    }
    const sums = text ? sumsOf(text, facts) : [];
    if (serials.length === 0) {
      const whole = sumAcrossProjects(context, facts);
      if (whole) {
        works = [{ name: title, projects: whole.serials, check: whole.check }];
        sums.push({ total: whole.total, parts: whole.parts, check: whole.check });
      }
    }
    return { number: item.number, title, ...(text ? { text } : {}), works, facts, sums, counts: text ? countsOf(text, facts) : [] };
  });
  return { number: block.number, title: block.title, ...(chapter ? { chapter } : {}), items };
}

/**
 * Prose figures that restate an indicator (by likeness of the clause to its name, in the same
 * unit dimension) or a figure of a box in the same chapter; and the prose's own 其中 sums and
 * listed counts.
 */
function readStatements(context: Context): StatementGroup[] {
  const { draft } = context;
  const doc = draft.outline;
  const period = draft.plan.period;
  const indicators = draft.indicators?.categories.flatMap((category) => category.indicators) ?? [];
  const groups = new Map<string, StatementGroup>();
  const groupFor = (chapter: number, section: number): StatementGroup => {
    const key = `${chapter}/${section}`;
    let group = groups.get(key);
    if (!group) {
      const c = doc.chapters[chapter];
      const s = c?.sections[section];
      group = { ...(c ? { chapter: c.numeral } : {}), ...(s ? { section: s.numeral } : {}), facts: [], sums: [], counts: [] };
      groups.set(key, group);
    }
    return group;
  };
  let serial = 0;
  /** The box items each prose sentence has been found to restate. */
  const itemsOfSentence = new Map<string, Set<BoxItem>>();
  for (const paragraph of doc.paragraphs) {
    if (paragraph.chapter < 0 && !doc.preface) continue;
    const chapterBoxes = draft.boxes.filter((box) => box.chapter !== undefined && box.chapter === doc.chapters[paragraph.chapter]?.numeral);
    const boxFacts = chapterBoxes.flatMap((box) => box.items.flatMap((item) => item.facts.map((fact) => ({ fact, item }))));
    const figures = findFigures(paragraph.text);
    const local: Fact[] = [];
    for (const figure of figures) {
      // “A、B、C分别达到x、y、z”: each figure is about the name in its place.
      const respective = /^(.*?)分别/u.exec(figure.clause);
      const inClause = figures.filter((other) => other.clause === figure.clause);
      const names = respective ? respective[1]!.split('、') : [];
      const subject = respective && names.length === inClause.length ? names[inClause.indexOf(figure)]! : figure.subject;
      serial += 1;
      const dimension = unitMeaning(figure.unit).dimension;
      const sentenceStart = Math.max(paragraph.text.lastIndexOf('。', figure.start) + 1, 0);
      const before = paragraph.text.slice(sentenceStart, figure.start);
      let chosen: { fact: Fact; score: number; check: string; item?: BoxItem } | undefined;
      if (period) {
        for (const indicator of indicators) {
          if (unitMeaning(indicator.unit).dimension !== dimension) continue;
          // Two or three characters (床位, 面积) are too few to say which indicator a figure restates.
          if ([...words(subject)].length < 4) continue;
          const score = looseLikeness(subject, indicator.name);
          if (score < 0.55 || (chosen && chosen.score >= score)) continue;
          // A rate per head is not restated by a figure that does not say per head.
          const perHead = /(每[千万百十]|人均)/u.exec(indicator.name)?.[1];
          if (perHead && !subject.includes(perHead)) continue;
          // The year printed nearest before the figure says which end of the period it is for.
          const years = [...before.matchAll(/(\d{4})\s*年/gu)].map((year) => Number(year[1]));
          const lastYear = years[years.length - 1];
          const isTarget = lastYear !== undefined ? lastYear >= period.start : TARGET_CUE.test(before);
          const cell = isTarget ? indicator.target : indicator.baseline;
          if (!plausible(figure, indicator.unit, [indicator.baseline, indicator.target])) continue;
          const cumulative = cell.cumulative === true;
          const periodText = isTarget ? (cumulative ? `${period.start}-${period.end}` : `${period.end}`) : cumulative ? `${period.start - 5}-${period.start - 1}` : `${period.start - 1}`;
          const fact = toFact(figure, indicator.fact, true);
          chosen = {
            fact: { ...fact, ...(cumulative ? { cumulative: true } : {}), period: periodText },
            score,
            check: `restates 专栏${draft.indicators!.box} 序号${indicator.serial} ${indicator.name} (likeness ${score.toFixed(2)}), as its ${isTarget ? 'target' : 'baseline'} ${periodText}`,
          };
        }
      }
      // The box figures of this chapter that could be this one: same dimension, plausible size.
      const candidates = boxFacts.filter(({ fact: other }) => unitMeaning(other.unit).dimension === dimension && other.value !== undefined && plausible(figure, other.unit, [{ value: other.value }]));
      // The only box figure of its kind and size in the chapter needs less likeness of words.
      // So does one whose box item an earlier figure of the same sentence restates.
      const sentence = paragraph.text.slice(sentenceStart, paragraph.text.indexOf('。', figure.start) < 0 ? undefined : paragraph.text.indexOf('。', figure.start));
      for (const { fact: other, item } of candidates) {
        const sameSentence = itemsOfSentence.get(sentence)?.has(item) === true && candidates.filter((candidate) => candidate.item === item).length === 1;
        const needed = sameSentence ? 0 : candidates.length === 1 ? 0.3 : 0.6;
        const score = looseLikeness(figure.subject, other.subject);
        if (score < needed || (chosen && chosen.score >= score && !sameSentence)) continue;
        chosen = {
          fact: toFact(figure, other.fact, true),
          score,
          item,
          check: `restates “${other.clause}” of a box item ${item.number} in this chapter (${sameSentence ? 'the item of this sentence' : `likeness ${score.toFixed(2)}`})`,
        };
        if (sameSentence) break;
      }
      if (chosen?.item) itemsOfSentence.set(sentence, new Set([...(itemsOfSentence.get(sentence) ?? []), chosen.item]));
      if (chosen) {
        chosen.fact.check = chosen.check;
        local.push(chosen.fact);
      } else local.push(toFact(figure, `prose.figure-${serial}`, true));
    }
    const sums = sumsOf(paragraph.text, local);
    const counts = countsOf(paragraph.text, local);
    // Every figure with a unit is kept, with its quote: those that match nothing keep a key of their own.
    const kept = local;
    if (kept.length === 0) continue;
    const group = groupFor(paragraph.chapter, paragraph.section);
    group.facts.push(...kept);
    group.sums.push(...sums);
    group.counts.push(...counts);
  }
  return [...groups.values()];
}

/** A figure restates a cell only if it is within a factor of three of a printed value: 27003人 does not restate 22.74万人. */
function plausible(figure: FoundFigure, unit: string, cells: readonly Cell[]): boolean {
  const inBase = (text: string, unitText: string): Rational | undefined => {
    const value = parseDecimal(text);
    return value === undefined ? undefined : mul(value, unitMeaning(unitText).factor);
  };
  const mine = inBase(figure.value, figure.unit);
  if (mine === undefined) return false;
  const three = rational(3n);
  // Cells printed as text (应保尽保, —) say nothing of size: any figure may restate them.
  if (cells.every((cell) => cell.value === undefined)) return true;
  return cells.some((cell) => {
    const theirs = cell.value === undefined ? undefined : inBase(cell.value, unit);
    if (theirs === undefined) return false;
    return compare(mine, mul(theirs, three)) <= 0 && compare(theirs, mul(mine, three)) <= 0;
  });
}

/** The period the tables imply: the indicator table's columns (2020年 → 2021, 2025年), else the appendix's years. */
function periodFromTables(doc: PlanDocument): { start: number; end: number } | undefined {
  for (const box of doc.boxes) {
    const years = (box.table?.header ?? []).map((cell) => /^(\d{4})年?$/u.exec(cell)?.[1]).filter((year) => year !== undefined).map(Number);
    if (years.length >= 2) return { start: years[0]! + 1, end: years[years.length - 1]! };
  }
  const spans = (doc.appendix?.table?.rows ?? []).flatMap((row) => row.cells.map(readYears).filter((span) => span !== undefined));
  if (spans.length === 0) return undefined;
  return { start: Math.min(...spans.map((span) => span.start)), end: Math.max(...spans.map((span) => span.end)) };
}

/** Five years from the year of issue: the last resort for a plan that prints no period. */
function periodFromDate(date: string | undefined): { start: number; end: number } {
  const year = Number(date?.slice(0, 4) ?? new Date().getFullYear());
  return { start: year, end: year + 4 };
}

/** Builds the whole draft from the document. */
export function buildDraft(doc: PlanDocument, folderName: string): Draft {
  const plan = readIdentity(doc, folderName);
  if (!plan.period) {
    plan.period = periodFromTables(doc) ?? periodFromDate(plan.date);
    plan.checks.push(`period: ${plan.period.start}-${plan.period.end} guessed from the years of the tables (or the date); no 规划期 or 十X五 printed`);
  }
  const draft: Draft = { plan, outline: doc, boxes: [], statements: [], unread: [...doc.unread] };
  const issuerPlace = /^(.+?[县市区旗州])/u.exec(plan.issuer ?? plan.title ?? '')?.[1];
  const places = issuerPlace ? [issuerPlace, issuerPlace.slice(0, -1)].filter((place) => place.length >= 2) : [];
  const context: Context = { draft, places, source: doc.lines.join('\n') };
  if (doc.appendix?.table) draft.projects = readProjects(context, doc.appendix.table, doc.appendix.title);
  else if (doc.appendix) draft.unread.push({ line: doc.appendix.line, what: 'the appendix heading is not followed by a table' });
  for (const block of doc.boxes) {
    const table = block.table;
    if (table && column(table.header, /指标/u) >= 0 && column(table.header, /单位/u) >= 0 && !draft.indicators) {
      draft.indicators = readIndicators(context, block, table);
    } else if (table && column(table.header, /领域/u) >= 0 && !draft.services) {
      draft.services = readServices(context, block, table);
    } else if (table) {
      draft.unread.push({ line: block.line, what: `专栏${block.number}: a table that is neither the indicator table nor the service list` });
    } else if (block.items && block.items.length > 0) {
      draft.boxes.push(readBox(context, block));
    }
  }
  for (const statement of readStatements(context)) draft.statements.push(statement);
  return draft;
}
