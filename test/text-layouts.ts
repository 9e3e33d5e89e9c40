/**
 * A small plan composed for the tests (invented names and figures, none of the bundled plan's)
 * and the text layouts a published plan arrives in: typed with tabs, extracted by pdftotext
 * -layout (columns aligned with spaces, paragraphs hard-wrapped, page marks, a running title,
 * a table of contents, header rows repeated after page breaks), with the quirks of each.
 */

export type Row = readonly string[];

export interface ComposedPlan {
  readonly header: readonly string[];
  /** Chapters: heading, then paragraphs, boxes (专栏) and sections in order. */
  readonly body: readonly (string | { readonly box: string; readonly table?: readonly Row[]; readonly note?: string; readonly items?: readonly string[] })[];
  readonly appendixTitle: string;
  readonly appendix: readonly Row[];
}

export const PROJECT_HEADER: Row = ['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算（万元）'];

/** Appendix rows: 合计 first, sections with their subtotals, projects; `subtotalBelow` prints 小计 rows after each section instead. */
export function appendixRows(options: { subtotalBelow?: boolean; totalBelow?: boolean; fullWidth?: boolean } = {}): Row[] {
  const digits = (text: string): string => (options.fullWidth ? text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : text);
  const sections: [string, string, Row[]][] = [
    [
      '一、学有所教',
      '7600',
      [
        ['1', '石门县实验幼儿园扩建项目', '县教委', '改扩建', '石门镇', '新建教学楼3200㎡，运动场1800㎡，新增学位270个。', '2021-2023', '2600'],
        ['2', '石门县职业教育中心实训基地建设项目', '县教委 县人力社保局', '新建', '东溪街道', '建设实训楼6500㎡，配套实训设备120台套，可容纳学生1500人。', '2022-2025', '5000'],
      ],
    ],
    [
      '二、病有所医',
      '9400',
      [
        ['3', '石门县人民医院发热门诊建设项目', '县卫生健康委', '新建', '石门镇', '建筑面积2400㎡，设置床位40张。', '2021-2022', '1400'],
        ['4', '石门县中心血站业务用房建设项目', '县卫生健康委', '新建', '东溪街道', '建筑面积3600㎡。', '2023-2024', '1800'],
        ['5', '石门县第二人民医院住院楼建设项目', '县卫生健康委', '续建', '北坪镇', '新建住院楼建筑面积16500㎡，设置床位300张，其中护理型床位80张。', '2021-2025', '6200'],
      ],
    ],
    ['三、老有所养', '3000', [['6', '石门县社会福利院改造项目', '县民政局', '改建', '石门镇', '改造用房4200㎡，床位150张。', '2022-2023', '3000']]],
  ];
  const rows: Row[] = [];
  if (!options.totalBelow) rows.push(['合计', '20000']);
  for (const [name, subtotal, projects] of sections) {
    rows.push(options.subtotalBelow ? [name] : [name, subtotal]);
    rows.push(...projects.map((row) => row.map((cell, index) => (index === 0 || index === 7 ? digits(cell) : cell))));
    if (options.subtotalBelow) rows.push(['小计', subtotal]);
  }
  if (options.totalBelow) rows.push(['合计', '20000']);
  return rows;
}

export function composedPlan(appendix: readonly Row[] = appendixRows()): ComposedPlan {
  return {
    header: ['石门发改〔2022〕18号', '石门县发展和改革委员会', '关于印发《石门县“十四五”社会事业发展规划》的通知', '石门县发展和改革委员会', '2022年5月20日'],
    body: [
      '第一章  发展基础',
      '第一节  主要成就',
      '“十三五”期间，全县社会事业投入持续加大，城乡面貌明显改善，学前教育毛入园率达到86%，人均预期寿命达到77.2岁，新建改建中小学校舍建筑面积2500㎡，基本公共服务水平稳步提升，群众获得感不断增强。',
      '第二节  面临形势',
      '人口结构变化对公共服务提出新的要求，城乡之间、区域之间发展仍不平衡，优质资源总量不足的问题依然存在，需要在规划期内统筹加以解决，本规划期为2021—2025年。',
      '第二章  主要任务',
      '第一节  教育',
      '到2025年，学前教育毛入园率达到92%，推进职业教育中心实训基地建设，建设实训楼6500㎡，全面提升职业教育办学水平和服务能力，全县社会事业重点项目总投资2亿元。',
      {
        box: '专栏1  石门县“十四五”社会事业主要指标',
        table: [
          ['序号', '指标', '单位', '2020年', '2025年', '指标属性'],
          ['一、教育服务'],
          ['1', '学前教育毛入园率', '%', '86', '≥92', '预期性'],
          ['2', '人均预期寿命', '岁', '77.2', '78', '预期性'],
        ],
        note: '注：指标属性分为预期性和约束性。',
      },
      '第二节  卫生',
      '完善医疗卫生服务体系，建设第二人民医院住院楼，新建住院楼建筑面积16500㎡，设置床位300张。',
      {
        box: '专栏2  重点工程',
        items: ['1.职业教育实训基地。建设实训楼6500㎡，配套实训设备120台套。', '2.第二人民医院住院楼。新建住院楼建筑面积16500㎡，设置床位300张，总投资0.62亿元。', '3.家庭医生签约服务。开展家庭医生签约服务。'],
      },
    ],
    appendixTitle: '石门县“十四五”社会事业重点项目清单',
    appendix,
  };
}

/** Columns a character takes when printed in a fixed-width font. */
function width(text: string): number {
  let total = 0;
  for (const char of text) total += char.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return total;
}

/** Cuts a text into lines of at most `columns` columns; punctuation never opens a line. */
export function wrap(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of text) {
    if (width(line + char) > columns && line.length > 0 && !/[，。、；：）%㎡]/u.test(char)) {
      lines.push(line);
      line = '';
    }
    line += char;
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

const pad = (text: string, columns: number): string => text + ' '.repeat(Math.max(0, columns - width(text)));
/** A cell padded to its column and at least two spaces apart from the next, as a PDF's column gap is. */
const padCell = (text: string, columns: number): string => text + ' '.repeat(Math.max(2, columns - width(text)));

/** Rows with cells aligned in columns by spaces, each cell wrapped in its column, as pdftotext -layout prints them. */
export function spaceTable(rows: readonly Row[], columns: readonly number[]): string[][] {
  return rows.map((row) => {
    const cells = row.map((cell, index) => wrap(cell, columns[index] ?? 20));
    const height = Math.max(...cells.map((cell) => cell.length));
    const lines: string[] = [];
    for (let line = 0; line < height; line += 1) lines.push(cells.map((cell, index) => padCell(cell[line] ?? '', (columns[index] ?? 20) + 2)).join('').trimEnd());
    return lines;
  });
}

export interface LayoutOptions {
  /** Right margin of the prose, in columns. */
  readonly margin: number;
  /** Lines on a page before the page mark and the running title. */
  readonly pageLines: number;
  /** pdftotext's form feed at each page break. */
  readonly formFeeds: boolean;
  /** Print a table of contents after the header. */
  readonly contents: boolean;
  /** Print the appendix rows from this row on with tabs (another page of the same table). */
  readonly tabsFrom?: number;
}

/** The plan as pdftotext -layout prints it. */
export function layoutText(plan: ComposedPlan, options: LayoutOptions): string {
  const title = '石门县“十四五”社会事业发展规划';
  const lines: string[] = [...plan.header, ''];
  if (options.contents) {
    lines.push('目    录', '');
    for (const entry of plan.body) if (typeof entry === 'string' && /^第.章/u.test(entry)) lines.push(`${entry} ${'.'.repeat(20)} ${lines.length}`);
    lines.push(`附表  ${plan.appendixTitle} ${'.'.repeat(6)} 9`, '');
  }
  for (const entry of plan.body) {
    if (typeof entry !== 'string') {
      lines.push(entry.box);
      if (entry.table) for (const row of spaceTable(entry.table, [4, 18, 4, 8, 8, 8])) lines.push(...row);
      if (entry.note) lines.push(entry.note);
      for (const item of entry.items ?? []) lines.push(...wrap(item, options.margin));
      continue;
    }
    if (/^第.[章节]/u.test(entry)) lines.push(entry);
    else lines.push(...wrap(`　　${entry}`, options.margin));
  }
  lines.push(`附表  ${plan.appendixTitle}`);
  const columns = [4, 16, 12, 6, 8, 24, 10, 8];
  const header = spaceTable([PROJECT_HEADER], columns)[0]!;
  const rows = spaceTable(plan.appendix, columns);
  lines.push(...header);
  plan.appendix.forEach((row, index) => {
    if (options.tabsFrom !== undefined && index >= options.tabsFrom) lines.push(row.join('\t'));
    else lines.push(...rows[index]!);
  });
  // Pages: a page mark at the foot, then the running title (and the appendix header again, inside the table).
  const headerAt = lines.indexOf(header[0]!);
  const paged: string[] = [];
  let page = 1;
  lines.forEach((line, index) => {
    paged.push(line);
    const last = index === lines.length - 1;
    if (!last && (index + 1) % options.pageLines === 0) {
      paged.push('', `— ${page} —`, '');
      page += 1;
      paged.push(`${options.formFeeds ? '\f' : ''}${pad('', 20)}${title}`, '');
      const next = lines[index + 1] ?? '';
      if (index >= headerAt && (/^\d/.test(next.trim()) || /^[一二三四五六七八九十]、/u.test(next.trim()))) paged.push(...header);
    }
  });
  paged.push('', `— ${page} —`, '');
  return paged.join('\n');
}

/** The plan typed with tabs between cells, as a conversion from Word gives it. */
export function tabText(plan: ComposedPlan): string {
  const lines: string[] = [...plan.header];
  for (const entry of plan.body) {
    if (typeof entry === 'string') lines.push(entry);
    else {
      lines.push(entry.box);
      for (const row of entry.table ?? []) lines.push(row.join('\t'));
      if (entry.note) lines.push(entry.note);
      lines.push(...(entry.items ?? []));
    }
  }
  lines.push(`附表  ${plan.appendixTitle}`, PROJECT_HEADER.join('\t'), ...plan.appendix.map((row) => row.join('\t')), '');
  return lines.join('\n');
}

/** The plan as pdftotext prints it without -layout: the appendix one cell a line, with no tab to say which line is a cell. */
export function rawText(plan: ComposedPlan): string {
  const typed = tabText({ ...plan, appendix: [] }).trimEnd().split('\n');
  const header = typed.pop()!;
  return [...typed, ...header.split('\t'), ...plan.appendix.flatMap((row) => row.flatMap((cell) => wrap(cell, 16))), ''].join('\n');
}

/** The plan with its appendix printed as a picture: the heading, then no table a reader can make out. */
export function pictureAppendixText(plan: ComposedPlan): string {
  const typed = tabText({ ...plan, appendix: [] }).trimEnd().split('\n');
  typed.pop();
  return [...typed, '（本表为扫描图片）', ''].join('\n');
}
