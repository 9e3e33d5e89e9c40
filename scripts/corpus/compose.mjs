// Composes a county public-service plan that no one has published: invented names, random
// sizes, one or two appendix tables, and contradictions planted where the answer is known.
// The plan comes out twice: as a document (blocks, for the renderers of every published form)
// and as the plan folder a careful transcriber would write (YAML + source.txt), whose audit
// finds exactly the planted contradictions.
import { Document, isScalar, visit } from 'yaml';
import { randomSource } from './random.mjs';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
const numeral = (n) => NUMERALS[n - 1];

/**
 * The appendix's columns as plans print them: which, in what order and under what names. Half
 * the plans print the eight columns of the bundled plan; the others leave out the address (and
 * the nature), name the department the unit responsible, put it last, or add remarks, most of
 * them empty.
 */
export const COLUMN_LAYOUTS = [
  [['serial', '序号'], ['name', '项目名称'], ['department', '责任部门'], ['nature', '建设性质'], ['location', '建设地址'], ['content', '建设内容及规模'], ['years', '建设起止年限'], ['investment', '投资估算（万元）']],
  [['serial', '序号'], ['name', '项目名称'], ['department', '责任单位'], ['nature', '建设性质'], ['content', '建设内容及规模'], ['years', '建设年限'], ['investment', '总投资（万元）'], ['remark', '备注']],
  [['serial', '序号'], ['name', '项目名称'], ['content', '主要建设内容'], ['years', '起止年限'], ['investment', '计划总投资（万元）'], ['department', '责任单位']],
];
const REMARKS = ['', '', '', '申请专项债券', '争取中央预算内资金'];

/**
 * How the other tables and the boxes are printed, each drawn apart: the indicator table's
 * categories as rows of their own (一、幼有所育) or as a first column merged down their rows; a
 * section's subtotal on its own row (一、幼有所育 | 8000) or on a 小计 row under its projects, with
 * the 合计 last; a box item numbered 1. 1． 1、 or （1）.
 */
export const INDICATOR_LAYOUTS = ['rows', 'column'];
export const SUBTOTAL_LAYOUTS = ['above', 'below'];
/** The names of the two parts a divided section prints ((一) and (二)), one pair a plan. */
export const PART_NAMES = [
  ['设施建设类', '服务提升类'],
  ['续建项目', '新建项目'],
  ['基础设施项目', '能力建设项目'],
];
export const ITEM_STYLES = ['1.', '1．', '1、', '（1）'];
/** How chapters and sections are numbered: 第一章 / 第一节, 第一章 / 一、, or 一、 / （一） as shorter plans print them. */
export const HEADING_STYLES = ['第一章', '第一章 一、', '一、'];
/** How boxes and tables are numbered: 专栏1 and 附表1, or 专栏一 and 附表一. */
export const NUMBER_STYLES = ['1', '一'];
/**
 * A second money column some appendices print beside the whole investment: the plan period's
 * share of it (60 % here), after the investment or before it. The data holds the whole only.
 */
export const PERIOD_COLUMNS = [
  ['after', '其中：“十四五”投资（万元）'],
  ['before', '“十四五”计划投资（万元）'],
];
/** How the appendix numbers its projects: 1, 2, 3 … through each table, or from 1 again in each section. */
export const NUMBERINGS = ['table', 'section'];
/** Whether the tables and boxes are drawn with rules around their cells, or set out by spacing alone (a PDF then draws no grid). */
export const TABLE_RULES = ['ruled', 'unruled'];
/** How the indicator table's header names its columns: 指标 / 2020年 / 指标属性, or 指标名称 / 2020年基期值 / 属性. */
export const INDICATOR_HEADERS = ['short', 'long'];
const itemNumber = (style, n) => (style === '（1）' ? `（${n}）` : `${n}${style.slice(1)}`);

/** The domains a public-service plan is organised by, with what their projects build and measure. */
const DOMAINS = [
  { name: '幼有所育', key: 'childcare', chapter: '提升婴幼儿照护服务水平', facilities: ['托育中心', '托育服务中心', '婴幼儿照护中心'], capacity: { word: '托位', unit: '个', key: 'places' }, department: '县卫生健康委',
    indicators: [{ name: '每千人口拥有3岁以下婴幼儿托位数', unit: '个', low: 1, high: 3, step: 0.01 }, { name: '普惠性托位占比', unit: '%', low: 30, high: 60, step: 1 }] },
  { name: '学有所教', key: 'education', chapter: '建设优质均衡的公共教育体系', facilities: ['小学', '初级中学', '幼儿园', '职业教育中心'], capacity: { word: '学位', unit: '个', key: 'places' }, department: '县教委',
    indicators: [{ name: '学前教育毛入园率', unit: '%', low: 85, high: 92, step: 0.1 }, { name: '九年义务教育巩固率', unit: '%', low: 93, high: 96, step: 0.1 }] },
  { name: '劳有所得', key: 'employment', chapter: '促进更加充分更高质量就业', facilities: ['就业服务中心', '创业孵化基地', '技能实训基地'], capacity: { word: '工位', unit: '个', key: 'stations' }, department: '县人力社保局',
    indicators: [{ name: '城镇登记就业人数', unit: '万人', low: 1, high: 4, step: 0.01 }, { name: '技能人才占从业人员比例', unit: '%', low: 15, high: 25, step: 0.1 }] },
  { name: '病有所医', key: 'health', chapter: '织牢公共卫生防护网', facilities: ['中心卫生院', '社区卫生服务中心', '中医院住院楼'], capacity: { word: '床位', unit: '张', key: 'beds' }, department: '县卫生健康委',
    indicators: [{ name: '每千人口医疗卫生机构床位数', unit: '张', low: 4, high: 7, step: 0.01 }, { name: '每千人口执业（助理）医师数', unit: '人', low: 1.5, high: 2.8, step: 0.01 }] },
  { name: '老有所养', key: 'elderly', chapter: '健全养老服务体系', facilities: ['养老服务中心', '敬老院', '康养中心'], capacity: { word: '床位', unit: '张', key: 'beds' }, department: '县民政局',
    indicators: [{ name: '养老机构护理型床位占比', unit: '%', low: 30, high: 50, step: 1 }, { name: '每千名老年人拥有养老床位数', unit: '张', low: 25, high: 35, step: 0.1 }] },
  { name: '住有所居', key: 'housing', chapter: '完善住房保障体系', facilities: ['保障性租赁住房', '公共租赁住房', '棚户区改造安置房'], capacity: { word: '住房', unit: '套', key: 'units' }, department: '县住房城乡建委',
    indicators: [{ name: '城镇住房保障受益覆盖率', unit: '%', low: 20, high: 30, step: 0.1 }, { name: '棚户区改造户数', unit: '户', low: 500, high: 3000, step: 1 }] },
  { name: '弱有所扶', key: 'welfare', chapter: '兜牢基本民生底线', facilities: ['儿童福利院', '残疾人康复中心', '救助管理站'], capacity: { word: '床位', unit: '张', key: 'beds' }, department: '县民政局',
    indicators: [{ name: '残疾人基本康复服务覆盖率', unit: '%', low: 80, high: 90, step: 0.1 }, { name: '城乡低保对象动态管理率', unit: '%', low: 90, high: 95, step: 0.1 }] },
  { name: '文体服务', key: 'culture', chapter: '丰富公共文化体育服务', facilities: ['全民健身中心', '图书馆', '文化馆', '体育场'], capacity: { word: '座位', unit: '个', key: 'seats' }, department: '县文化旅游委',
    indicators: [{ name: '人均体育场地面积', unit: '㎡', low: 1.5, high: 2.5, step: 0.01 }, { name: '公共图书馆人均藏书量', unit: '册', low: 0.5, high: 1.2, step: 0.01 }] },
];

const FIRST = '青云龙凤石桃杏梅竹松柏兰金银玉翠丰安宁和太平';
const SECOND = '溪岭坪湾桥坝岩坡田塘山河川林源泉峰';
const PLACE_KINDS = ['镇', '街道', '乡'];
/** What a project's content may go on to say (no figure: the plan's facts stay as they are). */
const CONTENT_MORE = [
  '主要建设内容包括土建、装饰装修、给排水、电气、消防、绿化等配套设施。',
  '配套建设道路、停车场、管网等附属设施，购置相关设备。',
  '完善功能布局，优化服务流程，提升综合服务能力和水平。',
  '同步实施室外工程、智能化系统和无障碍设施建设。',
];

const NATURES = [
  { word: '新建', suffix: '新建工程' },
  { word: '改扩建', suffix: '改扩建工程' },
  { word: '改建', suffix: '改造工程' },
  { word: '新建', suffix: '建设项目' },
];

/** Every contradiction the generator plants, by the finding it must give. */
export const PLANT_KINDS = {
  'wrong-subtotal': { ruleId: 'appendix-sums', messageId: 'subtotal-mismatch' },
  'wrong-total': { ruleId: 'appendix-sums', messageId: 'total-mismatch' },
  'serial-gap': { ruleId: 'numbering', messageId: 'gap' },
  'year-outside': { ruleId: 'outside-plan-period', messageId: 'ends-after' },
  'count-off-by-one': { ruleId: 'declared-counts', messageId: 'count-mismatch' },
  'restated-differs': { ruleId: 'fact-agreement', messageId: 'disagree' },
  'prose-total-differs': { ruleId: 'declared-sums', messageId: 'tables-mismatch' },
};

const roundTo = (value, step) => {
  const places = step >= 1 ? 0 : String(step).split('.')[1].length;
  return Number((Math.round(value / step) * step).toFixed(places));
};

/**
 * A composed plan. `options.tables` (1 or 2), `options.plants` (kinds of PLANT_KINDS; by default a
 * random three to five of them); `options.columns`, `indicatorLayout`, `subtotalLayout` and
 * `itemStyle`, `headingStyle`, `numberStyle`, `indicatorHeader`, `tableRules` (one of COLUMN_LAYOUTS,
 * INDICATOR_LAYOUTS, SUBTOTAL_LAYOUTS, ITEM_STYLES, HEADING_STYLES, NUMBER_STYLES, INDICATOR_HEADERS,
 * TABLE_RULES) fix how it is printed; `numbering` ('table' or 'section'), `periodColumn` ('none',
 * 'after', 'before'), `parts` (true: sections of two projects or more divided into （一）（二））,
 * `unitLine` (true: 单位：万元 under the title, not in the header) and `sectionColumn` (true: the
 * sections named in a first column 类别, merged down their rows; never drawn) fix what the appendix prints;
 * `longContent` (true: each project's content runs on for a sentence or two more, as a county's
 * own appendix prints it, so that its other columns are narrow and their cells wrap over many
 * lines). Returns { id, title, period, document, files, planted, truth }.
 */
export function composePlan(seed, options = {}) {
  const random = randomSource(seed);
  // Drawn apart from the plan's other choices, so that a seed composes the same plan whatever its columns.
  const layoutRandom = randomSource(seed * 7919 + 17);
  const drawnColumns = options.columns ?? (layoutRandom.next() < 0.5 ? COLUMN_LAYOUTS[0] : layoutRandom.pick(COLUMN_LAYOUTS.slice(1)));
  // Drawn from a source of its own: the plans of earlier seeds keep every other choice.
  const periodDraw = randomSource(seed * 7907 + 11).next();
  const periodColumn = options.periodColumn ?? (periodDraw < 0.1 ? 'after' : periodDraw < 0.2 ? 'before' : 'none');
  const columns = withPeriodColumn(drawnColumns, periodColumn);
  const printed = new Set(columns.map(([key]) => key));
  // Drawn after the columns, so that a seed's columns stay what they were before these were drawn.
  const indicatorLayout = options.indicatorLayout ?? layoutRandom.pick(INDICATOR_LAYOUTS);
  const subtotalLayout = options.subtotalLayout ?? layoutRandom.pick(SUBTOTAL_LAYOUTS);
  const itemStyle = options.itemStyle ?? (layoutRandom.next() < 0.5 ? ITEM_STYLES[0] : layoutRandom.pick(ITEM_STYLES.slice(1)));
  const headingStyle = options.headingStyle ?? layoutRandom.pick(HEADING_STYLES);
  const numberStyle = options.numberStyle ?? (layoutRandom.next() < 0.75 ? NUMBER_STYLES[0] : NUMBER_STYLES[1]);
  const printedNumber = (number) => (numberStyle === '一' ? numeral(number) : String(number));
  const indicatorHeaderStyle = options.indicatorHeader ?? layoutRandom.pick(INDICATOR_HEADERS);
  const unruled = (options.tableRules ?? (layoutRandom.next() < 0.25 ? 'unruled' : 'ruled')) === 'unruled';
  // Drawn from a source of its own: the plans of earlier seeds keep every other choice.
  const numbering = options.numbering ?? (randomSource(seed * 104729 + 3).next() < 0.2 ? 'section' : 'table');
  const bySection = numbering === 'section';
  // Sections divided into parts (一、学有所教 / （一）设施建设类 / （二）服务提升类), each part with
  // its subtotal: drawn from a source of its own, so that the plans of earlier seeds stay as they were.
  const partsRandom = randomSource(seed * 104723 + 5);
  const parts = options.parts ?? partsRandom.next() < 0.15;
  const partNames = partsRandom.pick(PART_NAMES);
  // The money unit on a line of its own under a table's title (单位：万元), not in its header:
  // drawn from a source of its own, as above.
  const unitLine = options.unitLine ?? randomSource(seed * 104717 + 9).next() < 0.15;
  // The sections named in a first column (类别) merged down their rows, not on rows of their own,
  // each closed by a 小计 row; named with their numeral (一、教育) or without. Only when asked for:
  // pdftotext -raw reads it (39 of seeds 31–70), but -layout and quirky text do not read every
  // such plan yet (16 and 22 of 40, the rest recorded unread). Not with parts.
  const columnRandom = randomSource(seed * 104711 + 13);
  const sectionColumn = !parts && options.sectionColumn === true;
  const columnNumerals = columnRandom.next() < 0.5;
  const contentRandom = randomSource(seed * 104723 + 5);
  const chapterHeading = (number, text) => (headingStyle === '一、' ? `${numeral(number)}、${text}` : `第${numeral(number)}章  ${text}`);
  const sectionHeading = (number, text) =>
    headingStyle === '一、' ? `（${numeral(number)}）${text}` : headingStyle === '第一章 一、' ? `${numeral(number)}、${text}` : `第${numeral(number)}节  ${text}`;
  const period = { start: 2021, end: 2025 };
  const tableCount = options.tables ?? random.int(1, 2);
  const kinds = options.plants ?? random.sample(Object.keys(PLANT_KINDS), random.int(3, 5));
  const plants = new Set(kinds);

  // Each place name once, whatever its suffix: 金林乡 and 金林镇 would be one place misprinted.
  const usedStems = new Set();
  const usedPlaces = [];
  const place = () => {
    for (;;) {
      const stem = `${random.pick([...FIRST])}${random.pick([...SECOND])}`;
      if (usedStems.has(stem)) continue;
      usedStems.add(stem);
      const name = `${stem}${random.pick(PLACE_KINDS)}`;
      usedPlaces.push(name);
      return name;
    }
  };
  const county = `${random.pick([...FIRST])}${random.pick([...SECOND])}县`;
  const title = `${county}“十四五”公共服务规划`;
  const id = `composed-${seed}`;

  // Domains, split between the tables: 附表1 the first ones, 附表2 the rest.
  const domains = random.sample(DOMAINS, random.int(tableCount === 2 ? 4 : 3, 6));
  const split = tableCount === 2 ? random.int(2, domains.length - 2) : domains.length;
  const tables = Array.from({ length: tableCount }, (_, index) => ({
    number: tableCount === 2 ? index + 1 : undefined,
    title: tableCount === 2 ? (index === 0 ? '重点建设项目清单' : '重点民生工程项目清单') : '重点项目清单',
    domains: index === 0 ? domains.slice(0, split) : domains.slice(split),
  }));

  // Projects, section by section; serials count from 1 in each table (in each section, numbered so).
  const names = new Set();
  for (const table of tables) {
    let serial = 0;
    table.sections = table.domains.map((domain, sectionIndex) => {
      if (bySection) serial = 0;
      const projects = Array.from({ length: random.int(1, 6) }, () => {
        serial += 1;
        const nature = random.pick(NATURES);
        let name;
        do name = `${county}${place()}${random.pick(domain.facilities)}${nature.suffix}`;
        while (names.has(name));
        names.add(name);
        const location = usedPlaces.at(-1);
        const start = random.int(period.start, period.end - 1);
        const area = random.int(10, 300) * 100;
        const capacity = random.int(2, 80) * 10;
        return {
          serial,
          name,
          department: domain.department,
          nature: nature.word,
          location,
          remark: layoutRandom.pick(REMARKS),
          area,
          capacity,
          content: `新建建筑面积${area}㎡，新增${domain.capacity.word}${capacity}${domain.capacity.unit}。${options.longContent ? contentRandom.sample(CONTENT_MORE, contentRandom.int(1, 2)).join('') : ''}`,
          start,
          end: random.int(start, period.end),
          investment: random.int(2, 300) * 100,
          domain,
        };
      });
      // A section of two projects or more is divided in two parts, the first taking the larger half.
      const divided = parts && projects.length >= 2 ? [projects.slice(0, Math.ceil(projects.length / 2)), projects.slice(Math.ceil(projects.length / 2))] : [];
      return { numeral: numeral(sectionIndex + 1), domain, projects, parts: divided.map((members, index) => ({ numeral: numeral(index + 1), name: partNames[index], projects: members })) };
    });
  }
  const allProjects = tables.flatMap((table) => table.sections.flatMap((section) => section.projects.map((project) => ({ table, section, project }))));

  const planted = [];
  const plant = (kind, ref) => planted.push({ kind, ...PLANT_KINDS[kind], ref });
  const lastTable = tables.at(-1);
  const tableRef = (table) => (table.number === undefined ? '附表' : `附表${table.number}`);
  const projectRef = (table, section, project) => `${tableRef(table)} ${bySection ? `${section.numeral}、` : ''}序号${project.serial}`;
  // As the document prints it.
  const printedRef = (table) => (table.number === undefined ? '附表' : `附表${printedNumber(table.number)}`);

  // Numbering: a serial skipped in the last table (its later serials move up by one); in the
  // last section of two projects or more, when each section numbers its own.
  if (plants.has('serial-gap')) {
    const numbered = bySection ? [lastTable.sections.findLast((s) => s.projects.length >= 2) ?? lastTable.sections.at(-1)] : lastTable.sections;
    const projects = numbered.flatMap((section) => section.projects);
    const from = random.int(1, projects.length - 1);
    if (projects.length >= 2) {
      for (const project of projects.slice(from)) project.serial += 1;
      plant('serial-gap', projectRef(lastTable, numbered.find((s) => s.projects.includes(projects[from])), projects[from]));
    }
  }
  // A construction year after the plan period.
  if (plants.has('year-outside')) {
    const { table, section, project } = random.pick(allProjects);
    project.end = period.end + random.int(1, 2);
    plant('year-outside', projectRef(table, section, project));
  }

  // Subtotals and totals as printed: exact sums, unless planted otherwise.
  for (const table of tables) {
    for (const section of table.sections) {
      for (const part of section.parts) part.subtotal = part.projects.reduce((n, p) => n + p.investment, 0);
      section.subtotal = section.projects.reduce((n, p) => n + p.investment, 0);
    }
    table.total = table.sections.reduce((n, s) => n + s.subtotal, 0);
  }
  if (plants.has('wrong-subtotal')) {
    const table = random.pick(tables);
    const section = random.pick(table.sections);
    const delta = random.pick([-1, 1]) * random.int(1, 20) * 10;
    section.subtotal += delta;
    table.total += delta; // the total adds the printed subtotals: only the subtotal is wrong
    // In a divided section the section adds its parts' printed subtotals: the last part is the wrong one.
    const part = section.parts.at(-1);
    if (part) part.subtotal += delta;
    plant('wrong-subtotal', `${tableRef(table)} ${section.numeral}、${section.domain.name}${part ? `（${part.numeral}）${part.name}` : ''}`);
  }
  if (plants.has('wrong-total')) {
    const table = random.pick(tables);
    table.total += random.pick([-1, 1]) * random.int(1, 50) * 100;
    plant('wrong-total', `${tableRef(table)} 合计`);
  }
  // The prose total of the tables, in 亿元 to two places (the printed 合计s add up to it).
  const grand = tables.reduce((n, t) => n + t.total, 0);
  // 万元 to 亿元 to two places, rounded half up in integers (toFixed rounds 8.975 down).
  const yi = (wan) => {
    const hundredths = Math.round(wan / 100);
    return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
  };
  let proseTotal = yi(grand);
  if (plants.has('prose-total-differs')) {
    proseTotal = yi(grand + random.pick([-1, 1]) * random.int(20, 90) * 100);
    plant('prose-total-differs', '第一章第二节');
  }

  // Boxes: one a domain, its items the section's first projects, restating their scale.
  const boxes = [];
  let boxNumber = 1; // 专栏1 is the indicator table
  for (const table of tables) {
    for (const section of table.sections) {
      boxNumber += 1;
      const listed = section.projects.slice(0, Math.min(section.projects.length, random.int(2, 4)));
      const items = listed.map((project, index) => {
        const area = project.area;
        return { number: index + 1, project, table, area, text: `新建建筑面积${area}㎡，新增${section.domain.capacity.word}${project.capacity}${section.domain.capacity.unit}。` };
      });
      boxes.push({ number: boxNumber, title: `${section.domain.name}重点工程`, domain: section.domain, items });
    }
  }
  if (plants.has('restated-differs')) {
    const box = random.pick(boxes);
    const item = random.pick(box.items);
    item.area += random.int(1, 9) * 100;
    item.text = `新建建筑面积${item.area}㎡，新增${box.domain.capacity.word}${item.project.capacity}${box.domain.capacity.unit}。`;
    plant('restated-differs', `专栏${box.number} 第${item.number}项`);
  }

  // Indicators: two a domain for the first three domains.
  const categories = domains.slice(0, 3).map((domain, index) => ({
    numeral: numeral(index + 1),
    name: domain.name,
    rows: domain.indicators.map((indicator) => {
      const baseline = roundTo(indicator.low + random.next() * (indicator.high - indicator.low), indicator.step);
      const target = roundTo(baseline + (indicator.high - indicator.low) * (0.1 + random.next() * 0.3), indicator.step);
      return { ...indicator, baseline, target, attribute: random.pick(['预期性', '约束性']) };
    }),
  }));
  let indicatorSerial = 0;
  for (const category of categories) for (const row of category.rows) row.serial = ++indicatorSerial;

  // A count the text declares with its items listed (建成…3个，分别位于…).
  const stationPlaces = Array.from({ length: random.int(3, 5) }, () => place());
  const stationCount = plants.has('count-off-by-one') ? stationPlaces.length + 1 : stationPlaces.length;
  if (plants.has('count-off-by-one')) plant('count-off-by-one', '第一章第一节');

  const document = [];
  const chapters = [];
  document.push({ kind: 'title', text: title });
  document.push({ kind: 'paragraph', text: `为推进${county}基本公共服务均等化，依据国家、省、市相关规划，制定本规划。规划期为${period.start}—${period.end}年。` });
  // 第一章 总体要求
  const stationSentence = `“十三五”期间，全县建成便民服务站${stationCount}个，分别位于${stationPlaces.join('、')}。`;
  const totalQuote = `规划重点项目总投资${proseTotal}亿元（详见${tables.map(printedRef).join('、')}）`;
  const firstRow = categories[0].rows[0];
  chapters.push({ numeral: '一', title: '总体要求', sections: ['发展基础', '主要目标'], boxes: [1] });
  document.push({ kind: 'heading', level: 1, text: chapterHeading(1, '总体要求') });
  document.push({ kind: 'heading', level: 2, text: sectionHeading(1, '发展基础') });
  document.push({ kind: 'paragraph', text: `${stationSentence}公共服务设施网络逐步完善，服务能力不断增强。` });
  document.push({ kind: 'heading', level: 2, text: sectionHeading(2, '主要目标') });
  document.push({ kind: 'paragraph', text: `到${period.end}年，基本公共服务体系更加健全，${totalQuote}。` });
  const indicatorCells = (row) => [String(row.serial), row.name, row.unit, String(row.baseline), String(row.target), row.attribute];
  const indicatorHeader =
    indicatorHeaderStyle === 'long' ? ['序号', '指标名称', '单位', `${period.start - 1}年基期值`, `${period.end}年目标值`, '属性'] : ['序号', '指标', '单位', `${period.start - 1}年`, `${period.end}年`, '指标属性'];
  document.push({
    kind: 'table',
    unruled,
    title: `专栏${printedNumber(1)}  主要指标`,
    box: 1,
    ...(indicatorLayout === 'rows'
      ? {
          header: indicatorHeader,
          rows: categories.flatMap((category) => [
            { kind: 'category', cells: [`${category.numeral}、${category.name}`, '', '', '', '', ''] },
            ...category.rows.map((row) => ({ kind: 'row', cells: indicatorCells(row) })),
          ]),
        }
      : {
          // The category printed once, in a cell merged down its rows (rowspan): the rows under it leave the cell out.
          header: ['类别', ...indicatorHeader],
          rows: categories.flatMap((category) =>
            category.rows.map((row, index) => ({ kind: 'row', cells: [index === 0 ? category.name : '', ...indicatorCells(row)], ...(index === 0 ? { rowspan: category.rows.length } : { merged: 1 }) })),
          ),
        }),
  });
  // A chapter a domain, each with its box.
  let chapterNumber = 1;
  for (const box of boxes) {
    chapterNumber += 1;
    chapters.push({ numeral: numeral(chapterNumber), title: box.domain.chapter, sections: ['加强设施建设'], boxes: [box.number] });
    document.push({ kind: 'heading', level: 1, text: chapterHeading(chapterNumber, box.domain.chapter) });
    document.push({ kind: 'heading', level: 2, text: sectionHeading(1, '加强设施建设') });
    document.push({ kind: 'paragraph', text: `围绕${box.domain.name}，补齐设施短板，优化资源布局，提升服务质量和水平。` });
    document.push({ kind: 'box', unruled, title: `专栏${printedNumber(box.number)}  ${box.title}`, box: box.number, items: box.items.map((item) => `${itemNumber(itemStyle, item.number)}${item.project.name}。${item.text}`) });
  }
  // A total's or part's row: its label first, its amount under the investments.
  const labelled = (label, amount) => columns.map(([key], index) => (index === 0 ? label : key === 'investment' ? String(amount) : key === 'period' && amount !== '' ? String(periodShare(amount)) : ''));
  const cellOf = (p, key) =>
    ({ period: String(periodShare(p.investment)), serial: String(p.serial), name: p.name, department: p.department, nature: p.nature, location: p.location, content: p.content, years: `${p.start}-${p.end}`, investment: String(p.investment), remark: p.remark })[key];
  const projectRows = (projects) => projects.map((p) => ({ kind: 'row', cells: columns.map(([key]) => cellOf(p, key)) }));
  // A section's rows, its subtotal on its own row (above) or on a 小计 row after its projects
  // (below); a divided section prints each part's subtotal on the part's row, and its own on its row.
  const sectionRows = (section, layout) => {
    const label = `${section.numeral}、${section.domain.name}`;
    if (section.parts.length > 0) {
      return [
        { kind: 'section', cells: labelled(label, section.subtotal) },
        ...section.parts.flatMap((part) => [{ kind: 'section', cells: labelled(`（${part.numeral}）${part.name}`, part.subtotal) }, ...projectRows(part.projects)]),
      ];
    }
    return layout === 'above'
      ? [{ kind: 'section', cells: labelled(label, section.subtotal) }, ...projectRows(section.projects)]
      : [{ kind: 'section', cells: labelled(label, '') }, ...projectRows(section.projects), { kind: 'subtotal', cells: labelled('小计', section.subtotal) }];
  };
  // A section's rows under a first column that names it: its name on its first row, merged down
  // (rowspan) its projects, then its 小计; the 合计 labelled in that column.
  const columnRows = (section) => {
    const name = columnNumerals ? `${section.numeral}、${section.domain.name}` : section.domain.name;
    return [
      ...projectRows(section.projects).map((row, index) => ({ ...row, cells: [index === 0 ? name : '', ...row.cells], ...(index === 0 ? { rowspan: section.projects.length } : { merged: 1 }) })),
      { kind: 'subtotal', cells: ['小计', ...labelled('', section.subtotal)] },
    ];
  };
  const columnTotal = (table) => ({ kind: 'total', cells: ['合计', ...labelled('', table.total)] });
  for (const table of tables) {
    if (sectionColumn) {
      document.push({
        kind: 'table',
        unruled,
        title: `${printedRef(table)}  ${county}“十四五”公共服务规划${table.title}`,
        appendix: table.number ?? 0,
        header: ['类别', ...columns.map(([, name]) => (unitLine ? name.replace(/（万元）/gu, '') : name))],
        ...(unitLine ? { unit: '单位：万元' } : {}),
        rows: subtotalLayout === 'above' ? [columnTotal(table), ...table.sections.flatMap(columnRows)] : [...table.sections.flatMap(columnRows), columnTotal(table)],
      });
      continue;
    }
    document.push({
      kind: 'table',
      unruled,
      title: `${printedRef(table)}  ${county}“十四五”公共服务规划${table.title}`,
      appendix: table.number ?? 0,
      header: columns.map(([, name]) => (unitLine ? name.replace(/（万元）/gu, '') : name)),
      ...(unitLine ? { unit: '单位：万元' } : {}),
      rows:
        subtotalLayout === 'above'
          ? [{ kind: 'total', cells: labelled('合计', table.total) }, ...table.sections.flatMap((section) => sectionRows(section, 'above'))]
          : [...table.sections.flatMap((section) => sectionRows(section, 'below')), { kind: 'total', cells: labelled('合计', table.total) }],
    });
  }

  const files = planFiles({ id, title, county, period, tables, boxes, categories, chapters, stationSentence, stationCount, stationPlaces, totalQuote, proseTotal, firstRow, printed, bySection });
  const truth = {
    projects: allProjects.length,
    subtotals: tables.reduce((n, t) => n + t.sections.reduce((m, s) => m + 1 + s.parts.length, 0), 0),
    totals: tables.length,
    indicatorRows: indicatorSerial,
    boxItems: boxes.reduce((n, b) => n + b.items.length, 0),
  };
  return { id, title, period, document, files, planted, truth };
}

const HEADER = (kind) => `# yaml-language-server: $schema=../../schemas/${kind}.schema.json\n`;
/** YAML as a transcriber writes it: a collection of plain values on one line (`{ fact: …, value: 5, unit: 个 }`). */
function yaml(kind, data) {
  const document = new Document(data);
  visit(document, {
    Map(_, node) {
      if (node.items.every((pair) => isScalar(pair.value))) node.flow = true;
    },
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return HEADER(kind) + document.toString({ lineWidth: 0, flowCollectionPadding: true });
}

/** The plan period's share of an investment: 60 %, in whole 万元 (investments are hundreds). */
const periodShare = (amount) => Math.round(amount * 0.6);

/** The columns with the period's share of the investment after or before the investment's, or as they are ('none'). */
function withPeriodColumn(columns, where) {
  const [, name] = PERIOD_COLUMNS.find(([at]) => at === where) ?? [];
  if (!name) return columns;
  const at = columns.findIndex(([key]) => key === 'investment') + (where === 'after' ? 1 : 0);
  return [...columns.slice(0, at), ['period', name], ...columns.slice(at)];
}

/** The plan folder a careful transcriber writes for the composed plan: every figure keyed, every contradiction left as printed. */
function planFiles(plan) {
  const { tables, boxes, categories, chapters, period, bySection } = plan;
  const projectKey = (table, project) => `${project.domain.key}.project-${table.number ?? 1}-${project.serial}`;
  const sectionOf = (table, project) => table.sections.find((section) => section.projects.includes(project));
  const projectData = (table, p) => ({
    serial: p.serial,
    name: p.name,
    departments: [p.department],
    // What the appendix does not print, a transcriber does not write.
    ...(plan.printed.has('nature') ? { nature: p.nature } : {}),
    ...(plan.printed.has('location') ? { location: p.location } : {}),
    content: p.content,
    start: p.start,
    end: p.end,
    investment: p.investment,
    facts: [
      { fact: `${projectKey(table, p)}.floor-area`, value: p.area, unit: '㎡' },
      { fact: `${projectKey(table, p)}.${p.domain.capacity.key}`, value: p.capacity, unit: p.domain.capacity.unit },
    ],
  });
  const tableData = (table) => ({
    ...(table.number === undefined ? {} : { number: table.number }),
    title: `${plan.county}“十四五”公共服务规划${table.title}`,
    total: table.total,
    ...(bySection ? { numbering: 'section' } : {}),
    sections: table.sections.map((section) => ({
      numeral: section.numeral,
      name: section.domain.name,
      subtotal: section.subtotal,
      ...(section.parts.length === 0
        ? { projects: section.projects.map((p) => projectData(table, p)) }
        : { parts: section.parts.map((part) => ({ numeral: part.numeral, name: part.name, subtotal: part.subtotal, projects: part.projects.map((p) => projectData(table, p)) })) }),
    })),
  });
  const projects = tables.length === 1 ? tableData(tables[0]) : { tables: tables.map(tableData) };
  const link = (table, project) =>
    bySection
      ? { ...(tables.length === 1 ? {} : { table: table.number }), section: sectionOf(table, project).numeral, serials: [project.serial] }
      : tables.length === 1
        ? project.serial
        : { table: table.number, serials: [project.serial] };
  const files = new Map();
  files.set('plan.yaml', yaml('plan', { id: plan.id, title: plan.title, issuer: `${plan.county}发展和改革委员会`, date: '2022-03-01', period, moneyUnit: '万元', source: 'source.txt' }));
  files.set('outline.yaml', yaml('outline', { chapters: chapters.map((c) => ({ numeral: c.numeral, title: c.title, sections: c.sections.map((title, i) => ({ numeral: numeral(i + 1), title })), boxes: c.boxes })) }));
  files.set(
    'indicators.yaml',
    yaml('indicators', {
      box: 1,
      title: '主要指标',
      columns: { baseline: period.start - 1, target: period.end },
      categories: categories.map((category) => ({
        numeral: category.numeral,
        name: category.name,
        indicators: category.rows.map((row) => ({
          serial: row.serial,
          name: row.name,
          fact: `indicators.${category.rows.indexOf(row) === 0 ? 'first' : 'second'}-${category.numeral === '一' ? 'a' : category.numeral === '二' ? 'b' : 'c'}`,
          unit: row.unit,
          baseline: { value: row.baseline },
          target: { value: row.target },
          attribute: row.attribute,
          better: 'higher',
        })),
      })),
    }),
  );
  files.set(
    'boxes.yaml',
    yaml('boxes', {
      boxes: boxes.map((box) => ({
        number: box.number,
        title: box.title,
        chapter: chapters.find((c) => c.boxes.includes(box.number)).numeral,
        items: box.items.map((item) => ({
          number: item.number,
          title: item.project.name,
          text: item.text,
          works: [{ name: item.project.name, projects: [link(item.table, item.project)] }],
          facts: [
            { fact: `${projectKey(item.table, item.project)}.floor-area`, value: item.area, unit: '㎡' },
            { fact: `${projectKey(item.table, item.project)}.${box.domain.capacity.key}`, value: item.project.capacity, unit: box.domain.capacity.unit },
          ],
        })),
      })),
    }),
  );
  files.set(
    'statements.yaml',
    yaml('statements', {
      statements: [
        {
          chapter: '一',
          section: '一',
          facts: [{ fact: 'base.service-stations', value: plan.stationCount, unit: '个', period: `${period.start - 5}-${period.start - 1}`, quote: plan.stationSentence.replace(/，分别位于.*$/, '') }],
          counts: [{ fact: 'base.service-stations', items: plan.stationPlaces }],
        },
        {
          chapter: '一',
          section: '二',
          facts: [{ fact: 'investment.key-projects', value: Number(plan.proseTotal), unit: '亿元', quote: plan.totalQuote }],
          sums: [{ total: 'investment.key-projects', tables: tables.map((table) => table.number ?? 1) }],
        },
      ],
    }),
  );
  files.set('projects.yaml', yaml('projects', projects));
  // The prose total keeps its printed places (12.30亿元, not 12.3).
  const statements = files.get('statements.yaml').replace(`value: ${Number(plan.proseTotal)}, unit: 亿元`, `value: ${plan.proseTotal}, unit: 亿元`);
  files.set('statements.yaml', statements);
  return files;
}
