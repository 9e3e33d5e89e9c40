// What pdftotext makes of a PDF a browser printed (issue 17): the appendix tables of a composed
// plan as `pdftotext -raw` (each row's pieces in reading order) and `pdftotext -layout` (narrow
// columns one space apart, a row's cells under its serial and name) print them. The fixtures are
// the real output of both modes on a plan of two appendix tables printed by Chromium
// (test/fixtures/pdftotext/, made by scripts/corpus: seed 4, every contradiction planted, and
// seed 5, none); margin.raw.txt and loose.raw.txt are the openings of two more plans' -raw output
// (scripts/init-score.mjs --seed 7, the sixth plan; --seed 11, the third), indent.raw.txt and
// few-lines.raw.txt of two more (--seed 53 --plans 8, the eighth and the fifth), remarks.raw.txt
// and remarks.layout.txt of a plan whose appendix has other columns (--seed 101, the seventh:
// 责任单位 without 建设地址, a last column of remarks most rows leave empty, the site's footer
// under the last row), shifted-header.layout.txt of one whose header stands right of its columns
// (--seed 1, the second), remarks-inline.layout.txt of one whose remarks some rows print beside
// their amount and whose 建设年限 lost its 限 under the next header (--seed 131, the twelfth);
// fonts.raw.txt and nature-below.layout.txt of two more (--seed 211, the tenth and the third: prose
// in two font sizes too short to show a margin; rows whose nature stands under the name's end,
// remarks under the amount, and 建设年 without its 限); centred.layout.txt, unit-split.raw.txt and
// glued-header.layout.txt are the whole -layout and -raw output of three plans of the other
// printings (composePlan of scripts/corpus/compose.mjs, seed 12 and seed 10, one appendix table,
// printed by Chromium: cells set beside the middle of tall rows, ㎡ cut from its number, a header
// whose cells run together); end-year.layout.txt of seed 17 (two tables: a range's end year
// squeezed under the amount), next-name.layout.txt of the same seed 12 printed otherwise (a row's
// first line printed above its serial, under a row whose name had ended), ended-cell.layout.txt
// of seed 48 (a department's first line printed above its row, under a row whose department had
// ended), cut-department.layout.txt of seed 14 (the department last, cut 县人力社 / 保局);
// gov-size.raw.txt and gov-size.layout.txt of seed 131 (two tables) set as a government document
// sets its body (16pt, lines 28pt apart): cells centred in rows taller than they are, so that a
// row's serial and one-line cells stand between its wrapped cells' lines, the header's cells cut
// over lines (序 / 号), and a part row the last before a page break in the indicator table;
// squeezed-header.layout.txt of seed 172 printed with cells of 12pt and its appendix split under
// 续表 (toHtml's cellSize and continued): headers whose top line pdftotext printed squeezed;
// merged-cells.raw.txt of seed 211 (two tables numbered section by section) printed with each
// department and nature merged down the projects that share it: pdftotext prints a merged cell
// once, beside one of its rows; period-share.layout.txt of seed 8, whose appendix prints the period's
// share of each investment before it (“十四五”计划投资（万元） | 投资估算（万元）): a top header line
// squeezed whose money piece closes its bracket on the line below (…投资（万 / 元）), and part and
// total rows of two amounts. The snippets below are cut from such output.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { DocumentModel, TableBlock } from '../src/read/blocks.js';
import { headingOf } from '../src/headings.js';
import { headingOf as printedHeadingOf } from '../src/read/lines.js';
import { readText } from '../src/read/text.js';
import { auditFindings, cli } from './helpers.js';

const FIXTURES = new URL('./fixtures/pdftotext/', import.meta.url).pathname;

const tables = (model: DocumentModel): string[][][] =>
  model.blocks
    .flatMap((block) => (block.kind === 'table' ? [block] : block.kind === 'box' ? block.blocks.filter((inner): inner is TableBlock => inner.kind === 'table') : []))
    .map((table) => table.rows.map((row) => row.cells.map((cell) => cell.text)));

/** The first table of a fixture, and a finder of its row by serial (the first cell). */
const firstTable = (file: string): { readonly read: string[][]; readonly row: (serial: string) => string[] } => {
  const read = tables(readText(readFileSync(join(FIXTURES, file), 'utf8')))[0] ?? [];
  return { read, row: (serial) => read.find((cells) => cells[0] === serial) ?? [] };
};

/** The first table's header, and the last three cells of each of its rows from `from` on. */
const headerAndTails = (model: DocumentModel, from: number): { header: string[] | undefined; tails: string[][] | undefined } => {
  const [table] = tables(model);
  return { header: table?.[0], tails: table?.slice(from).map((row) => row.slice(-3)) };
};

const paragraphs = (model: DocumentModel): string[] =>
  model.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : block.kind === 'box' ? block.blocks.flatMap((inner) => (inner.kind === 'paragraph' ? [inner.text] : [])) : []));

interface Answers {
  readonly planted: string[];
  readonly truth: { readonly projects: number; readonly subtotals: number; readonly totals: number };
}

const answers = (name: string): Answers => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Answers;

async function draft(from: string): Promise<{ target: string; stdout: string }> {
  const target = join(mkdtempSync(join(tmpdir(), 'plan-pdftotext-')), 'draft');
  const result = await cli(['init', target, '--from', from, '--lang', 'en']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return { target, stdout: result.stdout };
}

const alarms = async (target: string): Promise<string[]> =>
  (await auditFindings(target))
    .filter((finding) => finding.severity !== 'info')
    .map((finding) => `${finding.ruleId}/${finding.messageId}`)
    .sort();

describe('a plan printed to PDF and extracted by pdftotext, drafted unedited', () => {
  it.each(['raw', 'layout'])('pdftotext -%s: every project, subtotal and total of both tables; no alarm on a plan without contradictions', async (mode) => {
    const { target, stdout } = await draft(join(FIXTURES, `clean.${mode}.txt`));
    expect(stdout).not.toMatch(/could not read/);
    const projects = parse(readFileSync(join(target, 'projects.yaml'), 'utf8')) as { tables: { number: number; sections: { projects: unknown[] }[] }[] };
    const { truth } = answers('clean');
    expect(projects.tables.map((table) => table.number)).toEqual([1, 2]);
    expect(projects.tables.flatMap((table) => table.sections)).toHaveLength(truth.subtotals);
    expect(projects.tables.flatMap((table) => table.sections.flatMap((section) => section.projects))).toHaveLength(truth.projects);
    expect(await alarms(target)).toEqual([]);
  }, 30_000);

  it.each(['raw', 'layout'])('pdftotext -%s: the audit finds every planted contradiction and nothing else', async (mode) => {
    const { target } = await draft(join(FIXTURES, `planted.${mode}.txt`));
    expect(await alarms(target)).toEqual(answers('planted').planted);
  }, 30_000);
});

describe('pdftotext -layout of an appendix that prints the period’s share of each investment before it', () => {
  it('reads the two money headers as two columns and every part and total row’s two amounts; the draft takes the whole investment', async () => {
    const { target } = await draft(join(FIXTURES, 'period-share.layout.txt'));
    type Table = { total: number; sections: { subtotal: number; projects: { investment: number }[] }[] };
    const projects = parse(readFileSync(join(target, 'projects.yaml'), 'utf8')) as Table & { tables?: Table[] };
    const amounts = (projects.tables ?? [projects]).flatMap((table) => [table.total, ...table.sections.flatMap((section) => [section.subtotal, ...section.projects.map((project) => project.investment)])]);
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'period-share.json'), 'utf8')) as { planted: string[]; amounts: number[] };
    expect(amounts).toEqual(expected.amounts);
    expect(await alarms(target)).toEqual(expected.planted);
  }, 30_000);
});

describe('pdftotext -raw of an appendix whose departments are merged down the rows that share them', () => {
  it('leaves the cell empty where a row prints none, and the draft gives every row of the section its department', async () => {
    const { target } = await draft(join(FIXTURES, 'merged-cells.raw.txt'));
    type Projects = { tables: { numbering?: string; sections: { numeral: string; projects: { serial: number; departments: string[]; investment: number }[] }[] }[] };
    const projects = parse(readFileSync(join(target, 'projects.yaml'), 'utf8')) as Projects;
    expect(projects.tables.map((table) => table.numbering)).toEqual(['section', 'section']);
    const drafted = projects.tables.flatMap((table) => table.sections.flatMap((section) => section.projects.map((project) => [section.numeral, project.serial, project.departments, project.investment])));
    expect(drafted).toEqual((JSON.parse(readFileSync(join(FIXTURES, 'merged-cells.json'), 'utf8')) as { projects: unknown[] }).projects);
    expect(readFileSync(join(target, 'projects.yaml'), 'utf8')).toMatch(/# check: departments: none printed in this row; taken from 附表/u);
  }, 30_000);
});

describe('pdftotext of a plan set in a government document\'s body size: cells centred in tall rows', () => {
  it.each(['raw', 'layout'])('-%s: every project, indicator row, subtotal and total, and the audit finds every planted contradiction and nothing else', async (mode) => {
    const { target, stdout } = await draft(join(FIXTURES, `gov-size.${mode}.txt`));
    expect(stdout).not.toMatch(/could not read/);
    const { truth, planted } = answers('gov-size') as Answers & { truth: { indicatorRows: number } };
    const projects = parse(readFileSync(join(target, 'projects.yaml'), 'utf8')) as { tables: { total: number; sections: { subtotal: number; projects: { name: string; investment: number }[] }[] }[] };
    const sections = projects.tables.flatMap((table) => table.sections);
    expect(sections).toHaveLength(truth.subtotals);
    expect(sections.flatMap((section) => section.projects)).toHaveLength(truth.projects);
    expect(sections[0]!.projects.slice(0, 2).map((project) => [project.name, project.investment])).toEqual([
      ['桃源县玉河镇社区卫生服务中心改扩建工程', 14600],
      ['桃源县凤川镇中心卫生院新建工程', 18200],
    ]);
    const indicators = parse(readFileSync(join(target, 'indicators.yaml'), 'utf8')) as { categories: { indicators: unknown[] }[] };
    expect(indicators.categories.flatMap((category) => category.indicators)).toHaveLength(truth.indicatorRows);
    expect(await alarms(target)).toEqual(planted);
  }, 30_000);

  it('-layout: a row whose serial stands on its middle line beside figures only opens the row, the lines above and below it are its own', () => {
    const text = [
      '     附表1 桃源县“十四五”公共服务规划重点建设项目清单',
      '序              责任单 建设                  建设年 总投资（万',
      '      项目名称                 建设内容及规模                  备注',
      '号               位 性质                    限    元）',
      '一、病有所医                                    85000',
      '  桃源县玉河镇社区卫生 县卫生 改扩 新建建筑面积19800㎡， 2022-',
      '1                                       14600',
      '  服务中心改扩建工程 健康委 建 新增床位60张。        2023',
      '  桃源县凤川镇中心卫生 县卫生    新建建筑面积25800㎡， 2022-            申请专项债',
      '2                新建                     18200',
      '  院新建工程      健康委    新增床位630张。     2024             券',
    ].join('\n');
    expect(tables(readText(text))[0]!.slice(2)).toEqual([
      ['1', '桃源县玉河镇社区卫生服务中心改扩建工程', '县卫生健康委', '改扩建', '新建建筑面积19800㎡，新增床位60张。', '2022-2023', '14600', ''],
      ['2', '桃源县凤川镇中心卫生院新建工程', '县卫生健康委', '新建', '新建建筑面积25800㎡，新增床位630张。', '2022-2024', '18200', '申请专项债券'],
    ]);
  });
  it('-layout: reads a centred row laid out a few places left of the rows before it by the table\'s columns moved as a whole', () => {
    // (Cut from seed 140 printed so, with justified paragraphs: rows 2 and 3 stand three places right of rows 1 and 4.)
    const text = [
      '        附表 柏泉县“十四五”公共服务规划重点项目清单',
      '序                 责任单 建设                 建设年 总投资（万',
      '        项目名称                 建设内容及规模                  备注',
      '号                  位 性质                   限    元）',
      '合计                                          151100',
      '一、学有所教                                      69700',
      '  柏泉县凤田乡幼儿园改        新建建筑面积18000㎡， 2021-',
      '1            县教委 改建                     9000',
      '  造工程               新增学位440个。     2025',
      '     柏泉县翠坡乡职业教育        新建建筑面积10400㎡， 2024-           争取中央预',
      '2               县教委 新建                     25100',
      '     中心新建工程            新增学位270个。     2025            算内资金',
      '     柏泉县金岩街道职业教        新建建筑面积16200㎡， 2021-',
      '3               县教委 新建                     9700',
      '     育中心新建工程           新增学位760个。     2024',
      '  柏泉县梅源镇初级中学        新建建筑面积14600㎡， 2024-',
      '4            县教委 新建                     23800',
      '  新建工程              新增学位690个。     2025',
    ].join('\n');
    const rows = tables(readText(text))[0]!;
    expect(rows.at(-1)!.slice(0, 7)).toEqual(['4', '柏泉县梅源镇初级中学新建工程', '县教委', '新建', '新建建筑面积14600㎡，新增学位690个。', '2024-2025', '23800']);
    expect(rows.map((row) => row[0])).toEqual(['序号', '合计', '一、学有所教', '1', '2', '3', '4']);
  });
});

describe('pdftotext -layout of a table whose cells are set in 12pt and centred in tall rows (seed 141, 143 and 145 printed so)', () => {
  it('opens the next row at a name\'s first line alone under a row whose name has ended, and gives it the lines up to its serial', () => {
    const text = [
      '    附表一 兰林县“十四五”公共服务规划重点建设项目清单',
      '序          责任 建设 建设               建设起止 投资估算',
      '    项目名称                建设内容及规模',
      '号          部门 性质 地址                年限 （万元）',
      '二、老有所养                                   38300',
      '  兰林县银田镇康   县民    银田 新建建筑面积5600 2022-',
      '2              新建                        7800',
      '  养中心建设项目   政局    镇 ㎡，新增床位280张。 2024',
      '  兰林县和坡镇养',
      '            县民    和坡 新建建筑面积3000 2021-',
      '3 老服务中心改造      改建                        4900',
      '            政局    镇 ㎡，新增床位580张。 2025',
      '  工程',
    ].join('\n');
    expect(tables(readText(text))[0]!.slice(2)).toEqual([
      ['2', '兰林县银田镇康养中心建设项目', '县民政局', '新建', '银田镇', '新建建筑面积5600㎡，新增床位280张。', '2022-2024', '7800'],
      ['3', '兰林县和坡镇养老服务中心改造工程', '县民政局', '改建', '和坡镇', '新建建筑面积3000㎡，新增床位580张。', '2021-2025', '4900'],
    ]);
  });

  it('gives the next row a content line printed above its name when the row before has ended its sentence (…20个。)', () => {
    const text = [
      '    附表二 兰林县“十四五”公共服务规划重点民生工程项目清单',
      '序          责任部 建设 建设             建设起止 投资估算',
      '     项目名称             建设内容及规模',
      '号           门 性质 地址                年限 （万元）',
      '二、劳有所得                                 69100',
      '  兰林县宁坝乡技能 县人力    宁坝 新建建筑面积27100 2022-',
      '5              新建                      6900',
      '  实训基地新建工程 社保局    乡 ㎡，新增工位20个。 2022',
      '                     新建建筑面积10600',
      '  兰林县宁塘镇创业 县人力    宁塘             2021-',
      '6              新建    ㎡，新增工位300         5200',
      '  孵化基地建设项目 社保局    镇              2024',
      '                     个。',
    ].join('\n');
    const rows = tables(readText(text))[0]!.slice(2);
    expect(rows.map((row) => row[5])).toEqual(['新建建筑面积27100㎡，新增工位20个。', '新建建筑面积10600㎡，新增工位300个。']);
  });

  it('joins a unit in brackets under the header before it (计划总投资 / （万元）), not the header beside it', () => {
    const text = [
      '   附表1 桃源县“十四五”公共服务规划重点建设项目清单',
      ' 序                           起止年 计划总投资 责任单',
      '      项目名称       主要建设内容',
      ' 号                             限    （万元）  位',
      '一、劳有所得                            37000',
      '   桃源县龙坡乡就业服务 新建建筑面积20200㎡， 2021-        县人力',
      '1                                 15100',
      '   中心建设项目     新增工位210个。     2023         社保局',
      '   桃源县平林镇就业服务 新建建筑面积19900㎡， 2021-        县人力',
      '2                                 21900',
      '   中心新建工程     新增工位190个。     2021         社保局',
    ].join('\n');
    expect(tables(readText(text))[0]![0]).toEqual(['序号', '项目名称', '主要建设内容', '起止年限', '计划总投资（万元）', '责任单位']);
  });

  it('keeps the end of a sentence that closes several pages (张。) as text, not as a running footer', () => {
    const page = (number: number, serial: number): string =>
      [
        `${serial}.第${serial}号康养中心建设项目。新建建筑面积${serial}000㎡，新增床位${serial}20`,
        '张。',
        '',
        `                       —${number}—`,
        '                  太坡县“十四五”公共服务规划',
      ].join('\n');
    const text = ['第一章 总体要求', ...[1, 2, 3, 4].map((number) => page(number, number))].join('\n\f');
    expect(paragraphs(readText(text)).filter((paragraph) => paragraph.endsWith('张。'))).toHaveLength(4);
  });
});

describe('pdftotext -layout: a header whose top line is printed squeezed, one space apart', () => {
  it('names the columns by the top line\'s pieces in order, each completed by the lower piece that makes it whole, and a range whose first year stands beside it', () => {
    const rows = tables(readText(readFileSync(join(FIXTURES, 'squeezed-header.layout.txt'), 'utf8'))).find((table) => table[0]![0] === '序号')!;
    expect(rows[0]).toEqual(['序号', '项目名称', '责任单位', '建设性质', '建设内容及规模', '建设年限', '总投资（万元）', '备注']);
    expect(rows.find((row) => row[0] === '7')).toEqual(['7', '凤田县石泉乡救助管理站建设项目', '县民政局', '新建', '新建建筑面积11800㎡，新增床位600张。', '2021-2023', '5100', '申请专项债券']);
  });
});

describe('pdftotext -layout: narrow columns one space apart', () => {
  const page = [
    '              附表1 某县“十四五”公共服务规划重点建设项目清单',
    ' 序    项目名称    责任部门 建设 建设        建设内容及规模建设起止 投资估算',
    ' 号                 性质 地址                 年限 （万元）',
    '合计                                           43000',
    '一、学有所教                                       43000',
    '1 某县宁泉乡小学改',
    '   造工程        县教委 改建 宁泉  新建建筑面积25600㎡， 2023- 22200',
    '                      乡 新增学位130个。      2023',
    '2 某县平泉镇职业教',
    '   育中心改扩建工程   县教委 改扩  平泉 新建建筑面积27200㎡， 2022- 20800',
    '                   建 镇 新增学位420个。       2022',
  ];

  it('reads a row whose cells stand under its serial and name, each wrapped cell joined in its column, and a header printed in one piece over two columns', () => {
    const model = readText(['某县规划', ...page, ''].join('\n'));
    expect(tables(model)).toEqual([
      [
        ['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算（万元）'],
        ['合计', '43000'],
        ['一、学有所教', '43000'],
        ['1', '某县宁泉乡小学改造工程', '县教委', '改建', '宁泉乡', '新建建筑面积25600㎡，新增学位130个。', '2023-2023', '22200'],
        ['2', '某县平泉镇职业教育中心改扩建工程', '县教委', '改扩建', '平泉镇', '新建建筑面积27200㎡，新增学位420个。', '2022-2022', '20800'],
      ],
    ]);
  });

  it('drops the header printed again on the next page over other lines, and ends the table at a line at the margin that opens no row', () => {
    const next = [
      '',
      '                          —3—',
      '',
      '',
      ' 序    项目名称     责任部 建设 建设   建设内容及规模     建设起止 投资估算',
      '                                建设内容及规模',
      ' 号               门 性质 地址                 年限 （万元）',
      '3 某县安川街道养老',
      '   服务中心新建工程',
      '              县民政 新建 安川 新建建筑面积9700㎡，新 2022- 22700',
      '              局      街道 增床位720张。      2023',
      '主办单位：县人民政府办公室 网站标识码：5000000000',
    ];
    const model = readText(['某县规划', ...page, ...next, ''].join('\n'));
    const [table] = tables(model);
    expect(table?.at(-1)).toEqual(['3', '某县安川街道养老服务中心新建工程', '县民政局', '新建', '安川街道', '新建建筑面积9700㎡，新增床位720张。', '2022-2023', '22700']);
    expect(model.dropped.filter((dropped) => dropped.why === 'repeated-header-row').map((dropped) => dropped.text)).toHaveLength(3);
    expect(paragraphs(model)).toContain('主办单位：县人民政府办公室 网站标识码：5000000000');
  });

  it('joins a box item whose second line was printed above it, and the end of a line printed under the next', () => {
    const model = readText(
      [
        '某县规划',
        '                   专栏2 病有所医重点工程',
        '                  建筑面积9300㎡，新增床位170张。',
        '1.某县凤田镇社区卫生服务中心新建工程。新建',
        '2.某县松岩乡残疾人康复中心改扩建工程。新建建筑面积85',
        '增床位80张。',
        '                              00㎡，新',
        '第二章 重点任务',
        '',
      ].join('\n'),
    );
    expect(paragraphs(model).slice(1)).toEqual(['1.某县凤田镇社区卫生服务中心新建工程。新建建筑面积9300㎡，新增床位170张。', '2.某县松岩乡残疾人康复中心改扩建工程。新建建筑面积8500㎡，新增床位80张。']);
  });

  it('does not take a table whose cells stand apart by runs of spaces for one of narrow columns', () => {
    const model = readText(['某县规划', '附表 重点项目', '序号  项目名称        投资', '1     甲项目          10', '2     乙项目          20', ''].join('\n'));
    expect(tables(model)).toEqual([
      [
        ['序号', '项目名称', '投资'],
        ['1', '甲项目', '10'],
        ['2', '乙项目', '20'],
      ],
    ]);
  });
});

describe('pdftotext -raw: prose whose margin a short text does not show', () => {
  it('runs a paragraph on past a line that stops a character after an enumeration mark (丰坪乡、桃 / 田街道、竹山镇。), seed 121', () => {
    const model = readText(['第一章总体要求', '一、发展基础', '1.金岭县宁山街道残疾人康复中心改扩建工程。新建建筑面积7900㎡，新增床位560张。', '“十三五”期间，全县建成便民服务站3个，分别位于丰坪乡、桃', '田街道、竹山镇。公共服务设施网络逐步完善，服务能力不断增强。', '二、主要目标'].join('\n'));
    const paragraphs = model.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
    expect(paragraphs.slice(1)).toEqual(['“十三五”期间，全县建成便民服务站3个，分别位于丰坪乡、桃田街道、竹山镇。公共服务设施网络逐步完善，服务能力不断增强。']);
  });
});

describe('pdftotext -raw: each row in reading order', () => {
  const table = [
    '附表1某县“十四五”公共服务规划重点建设项目清单',
    '序',
    '号 项目名称 责任部',
    '门',
    '建设',
    '性质',
    '建设',
    '地址 建设内容及规模 建设起止',
    '年限',
    '投资估算',
    '（万元）',
    '合计 42000',
    '一、病有所医 42000',
    '1 柏岩县石溪镇社区卫生',
    '服务中心改扩建工程',
    '县卫生',
    '健康委',
    '改扩',
    '建',
    '石溪',
    '镇',
    '新建建筑面积15500㎡，',
    '新增床位620张。',
    '2022-',
    '2022 15800',
    '2 柏岩县凤田镇社区卫生',
    '服务中心新建工程',
    '县卫生',
    '健康委 新建 凤田',
    '镇',
    '新建建筑面积9300㎡，新',
    '增床位170张。',
    '2024-',
    '2025 26200',
  ];

  it('joins the header pieces into cells that each name one column, and shares each row out among the columns by their widths', () => {
    const model = readText(['某县规划', ...table, ''].join('\n'));
    expect(tables(model)).toEqual([
      [
        ['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算（万元）'],
        ['合计', '42000'],
        ['一、病有所医', '42000'],
        ['1', '柏岩县石溪镇社区卫生服务中心改扩建工程', '县卫生健康委', '改扩建', '石溪镇', '新建建筑面积15500㎡，新增床位620张。', '2022-2022', '15800'],
        ['2', '柏岩县凤田镇社区卫生服务中心新建工程', '县卫生健康委', '新建', '凤田镇', '新建建筑面积9300㎡，新增床位170张。', '2024-2025', '26200'],
      ],
    ]);
  });

  it('drops the header printed again after a page break, even with a line of it taken for the running title, and ends the last row with its amount', () => {
    const model = readText(
      [
        '某县规划',
        ...table.slice(0, 13),
        '某县“十四五”公共服务规划',
        '— 4 —',
        '序',
        ...table.slice(3, 11),
        ...table.slice(13),
        '主办单位：县人民政府办公室',
        '',
      ].join('\n'),
    );
    const [read] = tables(model);
    expect(read?.slice(3).map((row) => row[0])).toEqual(['1', '2']);
    expect(read?.at(-1)?.at(-1)).toBe('26200');
    expect(model.dropped.filter((dropped) => dropped.why === 'repeated-header-row')).toHaveLength(9);
    expect(paragraphs(model)).toContain('主办单位：县人民政府办公室');
  });

  it('drops the header printed again when the page’s furniture took its first lines (类别 序 / 号 项目名称 …, at the top of every page): the rest of it runs to its end (seed 49 of a 类别 table)', () => {
    const model = readText(['某县规划', ...table.slice(0, 25), '某县“十四五”公共服务规划', '— 4 —', ...table.slice(3, 11), ...table.slice(25), ''].join('\n'));
    const [read] = tables(model);
    expect(read?.slice(3)).toEqual([
      ['1', '柏岩县石溪镇社区卫生服务中心改扩建工程', '县卫生健康委', '改扩建', '石溪镇', '新建建筑面积15500㎡，新增床位620张。', '2022-2022', '15800'],
      ['2', '柏岩县凤田镇社区卫生服务中心新建工程', '县卫生健康委', '新建', '凤田镇', '新建建筑面积9300㎡，新增床位170张。', '2024-2025', '26200'],
    ]);
    expect(model.dropped.filter((dropped) => dropped.why === 'repeated-header-row').map((dropped) => dropped.text)).toEqual(table.slice(3, 11));
  });

  it('keeps a line of the header that every page of the table prints again at its top (序 / 号 项目名称 责任 / 单位): a table’s header is no running header (seed 341 of long contents)', () => {
    const model = readText(readFileSync(join(FIXTURES, 'header-at-page-tops.raw.txt'), 'utf8'));
    const [read] = tables(model);
    expect(read?.[0]).toEqual(['序号', '项目名称', '责任单位', '建设性质', '建设内容及规模', '建设年限', '总投资（万元）', '备注']);
    expect(read?.filter((row) => /^\d+$/u.test(row[0]!)).map((row) => row[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    expect(model.dropped.filter((dropped) => dropped.why === 'running-header')).toEqual([]);
  });

  it('keeps the header’s first line of a table whose first column names the sections (类别 序) when every page prints it again at its top (seed 64 of the 类别 corpus)', () => {
    const model = readText(readFileSync(join(FIXTURES, 'category-header-at-page-tops.raw.txt'), 'utf8'));
    const [read] = tables(model);
    expect(read?.[0]?.slice(0, 3)).toEqual(['类别', '序号', '项目名称']);
    expect(read?.find((row) => row[1] === '1')?.slice(0, 5)).toEqual(['一、住有所居', '1', '安坡县金林街道棚户区改造安置房新建工程', '县住房城乡建委', '新建']);
    expect(model.dropped.filter((dropped) => dropped.why === 'running-header')).toEqual([]);
  });

  it('opens a header cell at a period in quotes (起止年 / 限 / “十四五” / 计划投资 / （万元）): the period names the money column it opens, not the years (seed 307 of long contents)', () => {
    const model = readText(['某县规划', '附表1某县“十四五”公共服务规划重点建设项目清单', '序', '号 项目名称 主要建设内容 起止年', '限', '“十四五”', '计划投资', '（万元）', '计划总投', '资（万元）', '责任', '单位', '一、弱有所扶', '1', '某县凤泉乡', '儿童福利院', '建设项目', '新建建筑面积5000㎡，新增床位100张。', '2021-', '2022 6000 10000', '县民', '政局', ''].join('\n'));
    const [read] = tables(model);
    expect(read?.[0]).toEqual(['序号', '项目名称', '主要建设内容', '起止年限', '“十四五”计划投资（万元）', '计划总投资（万元）', '责任单位']);
  });

  it('opens a section’s first row at a serial 1 alone on its line under the section’s row, in a table numbered section by section (seed 74)', () => {
    const row = (serial: string, name: string, amount: string): string[] => [serial, `${name}养`, '老服务中心新建工', '程', '县民政', '局 新建 杏泉', '街道', '新建建筑面积21100', '㎡，新增床位480', '张。', '2024-', `2025 ${amount}`];
    const model = readText(
      ['某县规划', ...table.slice(0, 11), '合计 38000', '一、老有所养 20000', ...row('1', '柏岩县杏泉街道', '8000'), ...row('2', '柏岩县石溪街道', '12000'), '二、弱有所扶 18000', ...row('1', '柏岩县凤田街道', '18000'), ''].join('\n'),
    );
    const [read] = tables(model);
    expect(read?.slice(1).map((row) => `${row[0]} ${row.at(-1)}`)).toEqual(['合计 38000', '一、老有所养 20000', '1 8000', '2 12000', '二、弱有所扶 18000', '1 18000']);
    expect(read?.at(-1)?.[1]).toBe('柏岩县凤田街道养老服务中心新建工程');
  });

  it('does not give an amount alone to a text column (the remarks): it is a money column’s, and the content keeps its wrapped lines (seed 109)', () => {
    const model = readText(
      [
        '某县规划',
        '附表2兰岭县“十四五”公共服务规划重点民生工程项目清单',
        '序',
        '号 项目名称 责任',
        '单位',
        '建设',
        '性质 建设内容及规模 建设年',
        '限',
        '“十四五”计',
        '划投资（万元）',
        '总投资',
        '（万元） 备注',
        '一、幼有所育',
        '1',
        '兰岭县平湾镇托育',
        '服务中心改扩建工',
        '程',
        '县卫',
        '生健',
        '康委',
        '改扩',
        '建',
        '新建建筑面积',
        '27300㎡，新增托',
        '位210个。',
        '2021-',
        '2022 3180 5300',
        '2 兰岭县梅塘街道托',
        '育中心改造工程',
        '县卫',
        '生健',
        '康委',
        '改建',
        '新建建筑面积1100',
        '㎡，新增托位70',
        '个。',
        '2021-',
        '2022 5520 9200',
        '3',
        '兰岭县桃岭乡婴幼',
        '儿照护中心改造工',
        '程',
        '县卫',
        '生健',
        '康委',
        '改建',
        '新建建筑面积17300',
        '㎡，新增托位550',
        '个。',
        '2023-',
        '2024 9540 15900',
        '',
      ].join('\n'),
    );
    const [read] = tables(model);
    expect(read?.[0]).toEqual(['序号', '项目名称', '责任单位', '建设性质', '建设内容及规模', '建设年限', '“十四五”计划投资（万元）', '总投资（万元）', '备注']);
    expect(read?.slice(2).map((row) => row.slice(4))).toEqual([
      ['新建建筑面积27300㎡，新增托位210个。', '2021-2022', '3180', '5300', ''],
      ['新建建筑面积1100㎡，新增托位70个。', '2021-2022', '5520', '9200', ''],
      ['新建建筑面积17300㎡，新增托位550个。', '2023-2024', '9540', '15900', ''],
    ]);
  });

  it('reads a first column that names the sections (类别): its label before its first row, on lines of its own or before the serial, after the header or a 小计 (seeds 31 and 33)', () => {
    // The header as -raw prints it, 类别 first (seeds 31 and 63 print it alike).
    const CATEGORY_HEADER_RAW = ['类别 序', '号 项目名称 责任部', '门', '建设', '性质', '建设', '地址 建设内容及规模 建设起止', '年限', '投资估算', '（万元）'];
    const lined = tables(readText(['某县规划', '附表1某县“十四五”公共服务规划重点建设项目清单',
        ...CATEGORY_HEADER_RAW,
        '住有',
        '所居',
        '1 某县宁桥乡棚户区改',
        '造安置房建设项目',
        '县住房',
        '城乡建',
        '委',
        '新建 宁桥',
        '乡',
        '新建建筑面积24300',
        '㎡，新增住房770套。',
        '2024-',
        '2025 19100',
        '2 某县凤湾乡保障性租',
        '赁住房新建工程',
        '县住房',
        '城乡建',
        '委',
        '新建 凤湾',
        '乡',
        '新建建筑面积20600',
        '㎡，新增住房530套。',
        '2022-',
        '2025 24600',
        '小计 43700',
        '劳有',
        '所得',
        '3 某县安岩乡就业服务',
        '中心新建工程',
        '县人力',
        '社保局 新建 安岩',
        '乡',
        '新建建筑面积9800',
        '㎡，新增工位560个。',
        '2022-',
        '2024 8000',
        '小计 8000',
        '合计 51700', ''].join('\n')))[0];
    expect(lined?.[0]).toEqual(['类别', '序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算（万元）']);
    expect(lined?.slice(1).map((row) => row.slice(0, 3).join(' ').trim())).toEqual(['住有所居 1 某县宁桥乡棚户区改造安置房建设项目', '2 某县凤湾乡保障性租赁住房新建工程', '小计 43700', '劳有所得 3 某县安岩乡就业服务中心新建工程', '小计 8000', '合计 51700']);
    const glued = tables(readText(['某县规划', '附表2某县“十四五”公共服务规划重点民生工程项目清单',
        '类别 序',
        '号 项目名称 责任单',
        '位',
        '建设',
        '性质 建设内容及规模 建设年',
        '限',
        '总投资',
        '（万元） 备注',
        '一、住',
        '有所居 1 某县青塘乡保障性',
        '租赁住房建设项目',
        '县住房',
        '城乡建',
        '委',
        '新建 新建建筑面积17600',
        '㎡，新增住房160套。',
        '2022-',
        '2027 10900 申请专',
        '项债券',
        '小计 10900',
        '二、幼',
        '有所育',
        '2 某县杏峰镇托育中',
        '心建设项目',
        '县卫生',
        '健康委 新建 新建建筑面积11200',
        '㎡，新增托位560个。',
        '2023-',
        '2025 800 申请专',
        '项债券',
        '3 某县和桥乡托育中',
        '心新建工程',
        '县卫生',
        '健康委 新建 新建建筑面积11500',
        '㎡，新增托位400个。',
        '2023-',
        '2024 24300',
        '小计 25100',
        '合计 36000', ''].join('\n')))[0];
    expect(glued?.[0]).toEqual(['类别', '序号', '项目名称', '责任单位', '建设性质', '建设内容及规模', '建设年限', '总投资（万元）', '备注']);
    expect(glued?.slice(1).map((row) => (row.length === 2 ? row.join(' ') : `${row[0]} ${row[1]} ${row.at(-2)}`.trim()))).toEqual(['一、住有所居 1 10900', '小计 10900', '二、幼有所育 2 800', '3 24300', '小计 25100', '合计 36000']);
    // The serial alone after the label’s end (所得 1), the name on the next line (seed 51).
    const alone = tables(readText(['某县规划', '附表一桃桥县“十四五”公共服务规划重点建设项目清单',
        '类别 序',
        '号 项目名称 责任单',
        '位',
        '建设',
        '性质 建设内容及规模 建设年',
        '限',
        '总投资',
        '（万元） 备注',
        '合计 76750',
        '劳有',
        '所得 1',
        '桃桥县石源街道就',
        '业服务中心新建工',
        '程',
        '县人力',
        '社保局 新建 新建建筑面积19300',
        '㎡，新增工位740个。',
        '2024-',
        '2024 4900',
        '争取中央',
        '预算内资',
        '金',
        '小计 4900',
        '文体',
        '服务',
        '2 桃桥县松林镇图书',
        '馆改造工程',
        '县文化',
        '旅游委 改建 新建建筑面积23800',
        '小计 17100', ''].join('\n')))[0];
    expect(alone?.slice(1).map((row) => (row.length === 2 ? row.join(' ') : `${row[0]}|${row[1]}|${row[2]}`))).toEqual(['合计 76750', '劳有所得|1|桃桥县石源街道就业服务中心新建工程', '小计 4900', '文体服务|2|桃桥县松林镇图书馆改造工程', '小计 17100']);
    expect(alone?.[2]?.at(-2)).toBe('4900');
    // Right under the header, the label's end and the serial alone (住有 / 所居 1), then the name (seed 63).
    const under = tables(readText(['某县规划', '附表一竹源县“十四五”公共服务规划重点建设项目清单',
        ...CATEGORY_HEADER_RAW,
        '住有',
        '所居 1',
        '竹源县柏坝街道棚户',
        '区改造安置房建设项',
        '目',
        '县住房',
        '城乡建',
        '委',
        '新建 柏坝',
        '街道',
        '新建建筑面积1600㎡，',
        '新增住房760套。',
        '2021-',
        '2023 6400', ''].join('\n')))[0];
    expect(under?.slice(1).map((row) => row.slice(0, 3).join('|'))).toEqual(['住有所居|1|竹源县柏坝街道棚户区改造安置房建设项目']);
    // A header cut a character a line (建 / 设 / 性 / 质, “十四五”计 / 划投资（万): no cell ends with or opens inside a word (seed 59).
    const narrow = tables(readText(['某县规划', '附表1 玉桥县“十四五”公共服务规划重点建设项目清单',
        '\f类别 序',
        '号 项目名称 责任',
        '单位',
        '建',
        '设',
        '性',
        '质',
        '建设内容及规模 建设年',
        '限',
        '“十四五”计',
        '划投资（万',
        '元）',
        '总投资',
        '（万元） 备注',
        '一、文',
        '体服务',
        '1',
        '玉桥县凤田街',
        '道文化馆改造',
        '工程',
        '县文',
        '化旅',
        '游委',
        '改',
        '建',
        '新建建筑面积',
        '16600㎡，新增座',
        '位270个。',
        '2022-',
        '2022 5400 9000 申请专', ''].join('\n')))[0];
    expect(narrow?.[0]).toEqual(['类别', '序号', '项目名称', '责任单位', '建设性质', '建设内容及规模', '建设年限', '“十四五”计划投资（万元）', '总投资（万元）', '备注']);
    expect(narrow?.[1]).toEqual(['一、文体服务', '1', '玉桥县凤田街道文化馆改造工程', '县文化旅游委', '改建', '新建建筑面积16600㎡，新增座位270个。', '2022-2022', '5400', '9000', '申请专']);
  });

  it('joins a sentence whose reference is cut from its number (详见附表 / 1、附表2), and a line whose curly quotes make it look short', () => {
    const model = readText(
      [
        '某县规划',
        '围绕幼有所育，补齐设施短板，优化资源布局，提升服务质量和水平',
        '。',
        '“十三五”期间，全县建成便民服务站5个，分别位于石川镇、梅',
        '桥街道、翠源镇、柏泉乡、玉峰街道。公共服务设施网络逐步完善，',
        '服务能力不断增强。',
        '到2025年，基本公共服务体系更加健全，总投资2.36亿元（详见附表',
        '1、附表2）。',
        '围绕弱有所扶，补齐设施短板，优化资源布局，提升服务质量和水平',
        '。',
        '围绕劳有所得，补齐设施短板，优化资源布局，提升服务质量和水平',
        '。',
        '围绕病有所医，补齐设施短板，优化资源布局，提升服务质量和水平',
        '。',
        '',
      ].join('\n'),
    );
    expect(paragraphs(model)).toContain('“十三五”期间，全县建成便民服务站5个，分别位于石川镇、梅桥街道、翠源镇、柏泉乡、玉峰街道。公共服务设施网络逐步完善，服务能力不断增强。');
    expect(paragraphs(model)).toContain('到2025年，基本公共服务体系更加健全，总投资2.36亿元（详见附表1、附表2）。');
  });
});

describe('pdftotext -layout of an indicator table over a page break, its cells one space apart where they are close', () => {
  it('carries the table on past the page mark and the header printed again when the next page opens with a category’s row (三、就业创业服务) before the next serial', () => {
    const model = readText(`巫山县规划\n第二章 总体要求\n${readFileSync(join(FIXTURES, 'indicators-page-break.layout.txt'), 'utf8')}`);
    const box = model.blocks.find((block) => block.kind === 'box');
    const table = box?.kind === 'box' ? box.blocks.find((block): block is TableBlock => block.kind === 'table') : undefined;
    const rows = table?.rows.map((row) => row.cells.map((cell) => cell.text)) ?? [];
    expect(rows.filter((row) => /^\d+$/u.test(row[0]!)).map((row) => row[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14']);
    expect(rows.find((row) => row[0] === '7')).toEqual(['7', '城镇新增就业人数', '万人', '【1.53】', '【1.55】', '约束性']);
    expect(rows.filter((row) => row.length === 1).map((row) => row[0])).toEqual(['一、婴幼儿照护服务', '二、现代教育服务', '三、就业创业服务', '四、卫生健康服务']);
  });
});

describe('pdftotext -raw of an appendix whose site column holds a character a line (seed 330 of long contents)', () => {
  it('takes 安 / 坝 / 镇 and 梅 / 峰 / 街 / 道 for one site each, ended as places end, not for a site and the head of the content or the end of the nature', () => {
    const rows = tables(readText(readFileSync(join(FIXTURES, 'place-a-character-a-line.raw.txt'), 'utf8')))[0]?.filter((row) => /^\d+$/u.test(row[0]!)) ?? [];
    expect(rows).toHaveLength(16);
    expect(rows.every((row) => /(街道|镇|乡)$/u.test(row[4]!))).toBe(true);
    expect(rows.slice(0, 4).map((row) => row.slice(3, 5))).toEqual([
      ['改扩建', '安坝镇'],
      ['改扩建', '梅峰街道'],
      ['改扩建', '银山街道'],
      ['改扩建', '竹川镇'],
    ]);
    expect(rows.every((row) => row[5]!.startsWith('新建建筑面积') && /^\d{4}-\d{4}$/u.test(row[6]!))).toBe(true);
  });
});

describe('pdftotext -raw of a header cut inside a quotation (“十四 / 五”计划 / 投资), seed 342 of long contents', () => {
  it('does not part a header cell inside its quotation marks: the share and the whole are two columns, each its amount', () => {
    const [table] = tables(readText(readFileSync(join(FIXTURES, 'quote-in-header.raw.txt'), 'utf8')));
    expect(table?.[0]).toEqual(['序号', '项目名称', '主要建设内容', '起止年限', '“十四五”计划投资', '计划总投资', '责任单位']);
    expect(table?.find((row) => row[0] === '1')?.slice(3)).toEqual(['2022-2024', '9480', '15800', '县教委']);
  });
});

describe('pdftotext -raw of a county’s own appendix: narrow columns, each cell wrapped two characters a line', () => {
  it('takes each column’s width from its header cut over lines (项目 / 名称), and keeps lines pdftotext parted where the type changed (停车库（场） / 、文化…) and typed cells wrapped a character a line (新 / 建 / 或 / 改 / 建)', () => {
    const model = readText(`巫山县规划\n${readFileSync(join(FIXTURES, 'narrow.raw.txt'), 'utf8')}`);
    const [read] = tables(model);
    expect(read?.[0]).toEqual(['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算（万元）']);
    // (Rows 31, 44, 56 and 61 of the bundled plan, numbered on from 4.)
    expect(read?.filter((row) => /^\d+$/u.test(row[0]!))).toEqual([
        ['1', '重庆市巫山县妇幼保健院示范性托育服务中心（公立）', '县卫生健康委', '新建', '巫山县妇幼保健院', '项目占地面积3000㎡，建筑面积5000㎡，新增托位625个。', '2022-2023', '4000'],
        ['2', '巫山县高唐街道托育机构', '县卫生健康委', '新建', '高唐街道', '项目占地面积1000㎡，建筑面积2000㎡，新增托位约250个。', '2022-2023', '1300'],
        ['3', '巫山县龙门街道托育机构', '县卫生健康委', '新建', '龙门街道', '项目占地面积1200㎡，建筑面积2400㎡，新增托位约300个。', '2022-2023', '1600'],
        ['4', '中心乡镇托幼一体化建设项目', '县卫生健康委', '改建', '各乡镇', '在幼儿园的基础上新增托幼一体机构，收3岁以下愿意入托的婴幼儿，新增托位200个。', '2022-2024', '1100'],
        ['5', '巫山县老旧小区改造项目', '县住房城乡建委', '改建', '县城规划区域内', '计划完成改造提升老旧小区123个、31668户、1310栋、339.182万㎡。改造内容涉及小区内道路、供排水、供电、供气、绿化、照明、围墙、安防系统、消防设施等基础设施的更新改造。小区内配套养老抚幼、无障碍设施、便民市场、停车库（场）、文化体育设施小区内房屋公共屋面、墙面等公共区域修缮、建筑节能改造、管线规整、加装电梯，与小区直接相关相邻的道路和公共交通、通信、供电、供排水、供气、停车库（场）、污水与垃圾处理等基础设施的改造提升，公共教育、医疗卫生、公共文化体育、残疾人服务等。', '2021-2025', '280000'],
        ['6', '巫山县烈士纪念设施建设项目', '县退役军人事务局', '新建', '高唐街道', '拟新建陈列馆总建筑面积1500㎡。设置陈列大厅、观众服务厅、寄存室，遗物库房、遗物修复室，值班监控室，多媒体活动室，档案资料室、保管室及其他公共配套设施（水泵房、备用发电机房、厕所及服务设施用房等）。', '2022-2024', '1000'],
        ['7', '巫山县水上娱乐运动项目', '县文化旅游委', '新建', '相关乡镇', '大昌湖、白子溪、早阳桂花村、白水河、大溪河、培石、错开峡等皮划艇、赛艇、摩托艇等设施，接待中心', '2022-2025', '20000'],
        ['8', '新型公共文化服务空间', '县文化旅游委', '新建或改建', '巫山县', '打造一批融合图书阅读、轻食餐饮、文化沙龙等服务的有特色、有品位的新型公共文化服务空间。', '2021-2025', '100'],
    ]);
  });
});

describe('a table whose layout changes at a page break (text as converters leave it)', () => {
  /** A header of a 类别 column printed one cell a line (quirky text), up to the investment. */
  const HEADER_CELL_LINES = ['类别', '序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算（万元）'];

  it('one cell a line under a header that opens with 类别, numbered section by section: a serial 1 under a label opens its row (seed 63)', () => {
    const [table] = tables(readText(['某县规划', '附表一  竹源县“十四五”公共服务规划重点建设项目清单',
        ...HEADER_CELL_LINES,
        '住有所居',
        '1',
        '竹源县柏坝街道棚户区改造安置房建设项目',
        '县住房城乡建委',
        '新建',
        '柏坝街道',
        '新建建筑面积1600㎡，新增住房760套。',
        '2021-2023',
        '6400',
        '小计',
        '6500',
        '老有所养',
        '1',
        '竹源县云田乡康养中心改造工程',
        '县民政局',
        '改建',
        '云田乡',
        '新建建筑面积19800㎡，新增床位370张。',
        '2024-2025',
        '27300', ''].join('\n')));
    expect(table?.slice(1).map((row) => (row.length <= 3 ? row.join('|') : row.slice(0, 2).join('|')))).toEqual(['住有所居', '|1', '小计|6500', '老有所养', '|1']);
    // (Each row's cells under the header's: an empty label cell, then its serial and name.)
    expect(table?.filter((row) => row[0] === '' && /^\d+$/u.test(row[1] ?? '')).slice(0, 2).map((row) => row[2])).toEqual(['竹源县柏坝街道棚户区改造安置房建设项目', '竹源县云田乡康养中心改造工程']);
  });

  it('one cell a line under a header that opens with 类别, each label unnumbered on a line of its own, then aligned by spaces with a label beside its serial (seed 34)', () => {
    const [table] = tables(readText(['某县规划', '附表  丰坡县“十四五”公共服务规划重点项目清单',
        ...HEADER_CELL_LINES,
        '其中：“十四五”投资（万元）',
        '学有所教',
        '1',
        '丰坡县太坡镇小学改造工程',
        '县教委',
        '改建',
        '太坡镇',
        '新建建筑面积4400㎡，新增学位750个。',
        '2021-2021',
        '15100',
        '9060',
        '小计',
        '15100',
        '9060',
        '病有所医',
        '2',
        '丰坡县柏岩乡中医院住院楼改扩建工程',
        '县卫生健康委',
        '改扩建',
        '柏岩乡',
        '新建建筑面积12100㎡，新增床位770张。',
        '2024-2025',
        '14500',
        '8700',
        '',
        '3',
        '丰坡县安坡乡中医院住院楼改造工程',
        '类别      序号  项目名称                  责任部门      建设性质  建设地址  建设内容及规模            建设起止年限  投资估算（万元）  其中：“十四五”投资（万元）',
        '县卫生健康委',
        '改建',
        '安坡乡',
        '新建建筑面积26000㎡，新增床位220张。',
        '2022-2024',
        '8400',
        '5040',
        '          4     丰坡县太坝镇社区卫生服务  县卫生健康委  新建      太坝镇    新建建筑面积3500㎡，新增  2022-2022     24800             14880',
        '                中心建设项目                                                床位570张。',
        '          5     丰坡县青湾镇社区卫生服务  县卫生健康委  改扩建    青湾镇    新建建筑面积26400㎡，新   2021-2025     23000             13800',
        '                中心改扩建工程                                              增床位740张。',
        '小计                                                                                                                70680             42408',
        '文体服务  6     丰坡县石坡街道图书馆改造  县文化旅游委  改建      石坡街道  新建建筑面积23700㎡，新   2021-2023     10000             6000',
        '                工程                                                        增座位300个。',
        '          7     丰坡县梅溪乡全民健身中心  县文化旅游委  改扩建    梅溪乡    新建建筑面积14400㎡，新   2024-2025     23500             14100',
        '                改扩建工程                                                  增座位650个。', ''].join('\n')));
    expect(table?.[0]?.slice(0, 3)).toEqual(['类别', '序号', '项目名称']);
    expect(table?.slice(1).map((row) => (row.length <= 3 ? row.join('|') : row.slice(0, 2).join('|')))).toEqual(['学有所教', '|1', '小计|15100|9060', '病有所医', '|2', '|3', '|4', '|5', '小计|70680|42408', '文体服务|6', '|7']);
    // (Each row's cells under the header's: an empty label cell, then its serial and name.)
    expect(table?.filter((row) => row[0] === '' && /^\d+$/u.test(row[1] ?? '')).slice(0, 3).map((row) => row[2])).toEqual(['丰坡县太坡镇小学改造工程', '丰坡县柏岩乡中医院住院楼改扩建工程', '丰坡县安坡乡中医院住院楼改造工程']);
  });

  it('columns aligned by spaces in a table whose first column names the sections: a 小计 of two amounts keeps both, each in its column (seed 68)', () => {
    const [table] = tables(readText(['某县规划', '附表  兰坡县“十四五”公共服务规划重点项目清单',
        '                                        单位：万元',
        '类别      序号  项目名称                  责任部门        建设性质  建设地址  建设内容及规模            建设起止年限  投资估算  其中：“十四五”投资',
        '住有所居  1     兰坡县竹溪镇棚户区改造安  县住房城乡建委  新建      竹溪镇    新建建筑面积12500㎡，新   2023-2024     800       480',
        '                置房新建工程                                                  增住房630套。',
        '          2     兰坡县兰坝街道棚户区改造  县住房城乡建委  新建      兰坝街道  新建建筑面积24300㎡，新   2024-2025     14200     8520',
        '                安置房建设项目                                                增住房40套。',
        '          3     兰坡县银岭镇保障性租赁住  县住房城乡建委  新建      银岭镇    新建建筑面积6600㎡，新增  2024-2025     26100     15660',
        '                房建设项目                                                    住房420套。',
        '          4     兰坡县太坝街道棚户区改造  县住房城乡建委  新建      太坝街道  新建建筑面积9000㎡，新增  2021-2021     16500     9900',
        '                安置房新建工程                                                住房660套。',
        '类别      序号  项目名称                  责任部门        建设性质  建设地址  建设内容及规模            建设起止年限  投资估算  其中：“十四五”投资',
        '          5     兰坡县太林街道保障性租赁  县住房城乡建委  新建      太林街道  新建建筑面积9700㎡，新增  2024-2025     23800     14280',
        '                住房建设项目                                                  住房780套。',
        '小计                                                                                                                  81400     48840',
        '病有所医  6     兰坡县松源镇社区卫生服务  县卫生健康委    改建      松源镇    新建建筑面积26700㎡，新   2021-2023     8300      4980',
        '                中心改造工程                                                  增床位590张。',
        '小计                                                                                                                  8300      4980', ''].join('\n')));
    expect(table?.slice(1).map((row) => (/小计/u.test(row[0]!) ? `${row[0]}|${row.slice(-2).join('|')}` : `${row[0]}|${row[1]}|${row.slice(-2).join('|')}`))).toEqual([
      '住有所居|1|800|480',
      '|2|14200|8520',
      '|3|26100|15660',
      '|4|16500|9900',
      '|5|23800|14280',
      '小计|81400|48840',
      '病有所医|6|8300|4980',
      '小计|8300|4980',
    ]);
  });

  it('one cell a line, then aligned by spaces, in a table whose first column names the sections: each label a section’s row, each row its serial’s (seed 37)', () => {
    const [table] = tables(readText(['某县规划', '附表1  金湾县“十四五”公共服务规划重点建设项目清单',
        '类别',
        '序号',
        '项目名称',
        '主要建设内容',
        '起止年限',
        '计划总投资（万元）',
        '责任单位',
        '合计',
        '153280',
        '一、住有所居',
        '1',
        '金湾县石山乡保障性租赁住房建设项目',
        '新建建筑面积5500㎡，新增住房540套。',
        '2022-2023',
        '22700',
        '县住房城乡建委',
        '',
        '2',
        '金湾县玉田街道棚户区改造安置房改扩建工程',
        '新建建筑面积11400㎡，新增住房430套。',
        '2022-2022',
        '27300',
        '县住房城乡建委',
        '',
        '3',
        '金湾县龙湾街道棚户区改造安置房建设项目',
        '新建建筑面积25800㎡，新增住房150套。',
        '2022-2022',
        '20200',
        '县住房城乡建委',
        '',
        '4',
        '金湾县金峰乡保障性租赁住房新建工程',
        '新建建筑面积9900㎡，新增住房720套。',
        '2022-2024',
        '12400',
        '类别          序号  项目名称                  主要建设内容              起止年限   计划总投资（万元）  责任单位',
        '县住房城乡建委',
        '              5     金湾县丰田镇公共租赁住房  新建建筑面积18900㎡，新   2024-2024  2600                县住房城乡建委',
        '                    建设项目                  增住房220套。',
        '              6     金湾县柏坝乡棚户区改造安  新建建筑面积14300㎡，新   2024-2024  9200                县住房城乡建委',
        '                    置房改造工程              增住房400套。',
        '小计                                                                               94400',
        '二、病有所医  7     金湾县梅桥街道中心卫生院  新建建筑面积21700㎡，新   2024-2024  8200                县卫生健康委',
        '                    建设项目                  增床位20张。',
        '              8     金湾县石坡镇社区卫生服务  新建建筑面积24200㎡，新   2024-2025  7800                县卫生健康委',
        '                    中心改扩建工程            增床位340张。',
        '小计                                                                               16000',
        '三、老有所养  9     金湾县杏塘乡养老服务中心  新建建筑面积22600㎡，新   2022-2024  12600               县民政局',
        '                    新建工程                  增床位550张。',
        '小计                                                                               12780',
        '四、弱有所扶  10    金湾县柏山街道儿童福利院  新建建筑面积26400㎡，新   2022-2023  2500                县民政局',
        '                    改造工程                  增床位30张。',
        '              11    金湾县石塘街道儿童福利院  新建建筑面积9700㎡，新增  2021-2024  2400                县民政局',
        '                    新建工程                  床位290张。',
        '              12    金湾县丰坝镇残疾人康复中  新建建筑面积21900㎡，新   2021-2023  24600               县民政局',
        '                    心改扩建工程              增床位30张。',
        '小计                                                                               29500',
        '', ''].join('\n')));
    expect(table?.slice(1).map((row) => row.slice(0, 2).join('|'))).toEqual(['合计|153280', '一、住有所居', '|1', '|2', '|3', '|4', '|5', '|6', '小计|94400', '二、病有所医|7', '|8', '小计|16000', '三、老有所养|9', '小计|12780', '四、弱有所扶|10', '|11', '|12', '小计|29500']);
    // (Each row's cells under the header's: an empty label cell, then its serial and name.)
    expect(table?.filter((row) => row[0] === '' && /^\d+$/u.test(row[1] ?? '')).slice(0, 4).map((row) => row[2])).toEqual(['金湾县石山乡保障性租赁住房建设项目', '金湾县玉田街道棚户区改造安置房改扩建工程', '金湾县龙湾街道棚户区改造安置房建设项目', '金湾县金峰乡保障性租赁住房新建工程']);
    expect(table?.[6]?.at(-1)).toBe('县住房城乡建委');
  });

  const SPACED_HEADER = '序号          项目名称                  责任部门      建设性质  建设地址  建设内容及规模            建设起止年限  投资估算（万元）';
  const HEADER = ['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算（万元）'];

  it('columns aligned by spaces, then one cell a line after the header printed so on the next page', () => {
    const model = readText(
      [
        '某县规划',
        '附表2  某县“十四五”公共服务规划重点民生工程项目清单',
        SPACED_HEADER,
        '合计                                                                                                              25100',
        '一、幼有所育                                                                                                      25100',
        '1             凤溪县石河乡托育服务中心  县卫生健康委  新建      石河乡    新建建筑面积2000㎡，新增  2024-2024     2600',
        '              新建工程                                                    托位130个。',
        '',
        '— 5 —',
        '',
        ...HEADER,
        '2',
        '某县龙坝街道托育服务中心改扩建工程',
        '县卫生健康委',
        '改扩建',
        '龙坝街道',
        '新建建筑面积3500㎡，新增托位360个。',
        '2021-2023',
        '22500',
        '',
      ].join('\n'),
    );
    expect(tables(model)).toEqual([
      [
        HEADER,
        ['合计', '', '', '', '', '', '', '25100'],
        ['一、幼有所育', '', '', '', '', '', '', '25100'],
        ['1', '凤溪县石河乡托育服务中心新建工程', '县卫生健康委', '新建', '石河乡', '新建建筑面积2000㎡，新增托位130个。', '2024-2024', '2600'],
        ['2', '某县龙坝街道托育服务中心改扩建工程', '县卫生健康委', '改扩建', '龙坝街道', '新建建筑面积3500㎡，新增托位360个。', '2021-2023', '22500'],
      ],
    ]);
  });

  it('tabs, then one cell a line after the header printed so on the next page, the first row there a serial skipped', () => {
    const model = readText(
      [
        '某县“十四五”公共服务规划',
        '',
        '— 3 —',
        '',
        '某县“十四五”公共服务规划',
        '附表  某县“十四五”公共服务规划重点项目清单',
        HEADER.join('\t'),
        '一、病有所医',
        '6\t玉源县竹源乡中医院住院楼建设项目\t县卫生健康委\t新建\t竹源乡\t新建建筑面积11700㎡，新增床位120张。\t2022-2023\t23400',
        '',
        '— 4 —',
        '',
        '某县“十四五”公共服务规划',
        ...HEADER,
        '8',
        '玉源县安岭乡中心卫生院改扩建工程',
        '县卫生健康委',
        '改扩建',
        '安岭乡',
        '新建建筑面积16500㎡，新增床位750张。',
        '2024-2024',
        '14100',
        '小计',
        '37500',
        '',
      ].join('\n'),
    );
    expect(tables(model)[0]!.slice(2)).toEqual([
      ['6', '玉源县竹源乡中医院住院楼建设项目', '县卫生健康委', '新建', '竹源乡', '新建建筑面积11700㎡，新增床位120张。', '2022-2023', '23400'],
      ['8', '玉源县安岭乡中心卫生院改扩建工程', '县卫生健康委', '改扩建', '安岭乡', '新建建筑面积16500㎡，新增床位750张。', '2024-2024', '14100'],
      ['小计', '37500'],
    ]);
  });

  it('one cell a line, then the header aligned by spaces on the next page, a row cut by the page carried on after it', () => {
    const model = readText(
      [
        '某县规划',
        '附表  某县“十四五”公共服务规划重点项目清单',
        ...HEADER,
        '合计',
        '46700',
        '一、幼有所育',
        '46700',
        '1',
        '某县太桥乡婴幼儿照护中心改扩建工程',
        '县卫生健康委',
        '改扩建',
        '太桥乡',
        '新建建筑面积12300㎡，新增托位560个。',
        '2021-2023',
        '14600',
        '2',
        '某县梅岩街道托育中心改扩建工程',
        '县卫生健康委',
        '',
        '— 4 —',
        '',
        SPACED_HEADER,
        '改扩建',
        '梅岩街道',
        '新建建筑面积2100㎡，新增托位70个。',
        '2023-2023',
        '4500',
        '3             松湾县凤林街道托育服务中  县卫生健康委  新建      凤林街道  新建建筑面积24100㎡，新   2023-2024     27600',
        '              心新建工程                                                  增托位140个。',
        '',
      ].join('\n'),
    );
    const [table] = tables(model);
    expect(table?.slice(3)).toEqual([
      ['1', '某县太桥乡婴幼儿照护中心改扩建工程', '县卫生健康委', '改扩建', '太桥乡', '新建建筑面积12300㎡，新增托位560个。', '2021-2023', '14600'],
      ['2', '某县梅岩街道托育中心改扩建工程', '县卫生健康委', '改扩建', '梅岩街道', '新建建筑面积2100㎡，新增托位70个。', '2023-2023', '4500'],
      ['3', '松湾县凤林街道托育服务中心新建工程', '县卫生健康委', '新建', '凤林街道', '新建建筑面积24100㎡，新增托位140个。', '2023-2024', '27600'],
    ]);
    expect(model.dropped.filter((dropped) => dropped.why === 'repeated-header-row').map((dropped) => dropped.text)).toEqual([SPACED_HEADER]);
  });
});

describe('pdftotext -layout: more of what it prints', () => {
  it('gives a row of centred cells that shows too few columns of its own the columns of the rows its pieces stand nearer, not those a few rows laid out a few places off show (years where the amounts stand), seed 302 of long contents', () => {
    const [read] = tables(readText(readFileSync(join(FIXTURES, 'centred-long-content.layout.txt'), 'utf8')));
    const rows = read?.filter((row) => /^\d+$/u.test(row[0]!)) ?? [];
    expect(rows).toHaveLength(21);
    expect(rows[0]?.slice(3)).toEqual(['2024-2025', '4900', '县民政局']);
    expect(rows.every((row) => /^\d{4}-\d{4}$/u.test(row[3]!) && /^\d+$/u.test(row[4]!) && /^县/u.test(row[5]!))).toBe(true);
  });

  it('reads a header cell whose name opens a line above the 序 line (建 / 设 / 性 / 质 centred in the header’s row), and a 备注 standing just right of the amounts (seed 301 of long contents)', () => {
    const [read] = tables(readText(readFileSync(join(FIXTURES, 'header-above-serial.layout.txt'), 'utf8')));
    expect(read?.[0]).toEqual(['序号', '项目名称', '责任单位', '建设性质', '建设内容及规模', '建设年限', '总投资（万元）', '备注']);
    expect(read?.filter((row) => /^\d+$/u.test(row[0]!)).map((row) => `${row[0]} ${row[2]} ${row[3]} ${row[5]} ${row[6]}`)).toEqual(['1 县人力社保局 改扩建 2024-2025 13600', '2 县人力社保局 新建 2023-2024 9400', '3 县人力社保局 改扩建 2022-2023 3400', '4 县人力社保局 新建 2022-2023 3600', '5 县教委 新建 2023-2024 9300']);
  });

  it('reads two header cells whose names open a line above the 序 line (建 建 over 设 设 / 性 地 / 质 址), seed 306 of long contents', () => {
    const [read] = tables(readText(readFileSync(join(FIXTURES, 'header-above-two.layout.txt'), 'utf8')));
    expect(read?.[0]).toEqual(['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算（万元）']);
    expect(read?.filter((row) => /^\d+$/u.test(row[0]!)).map((row) => `${row[0]} ${row[1]} ${row[2]} ${row[3]} ${row[4]} ${row[6]} ${row[7]}`)).toEqual([
      '1 龙川县凤湾镇保障性租赁住房改扩建工程 县住房城乡建委 改扩建 凤湾镇 2021-2021 15700',
      '2 龙川县翠坪街道棚户区改造安置房改扩建工程 县住房城乡建委 改扩建 翠坪街道 2024-2024 3700',
    ]);
  });

  it('gives a nature printed a character a line out of order (改 / 建 / 扩) the nature its characters make, 改扩建 (seed 309 of long contents)', () => {
    const [read] = tables(readText(readFileSync(join(FIXTURES, 'nature-out-of-order.layout.txt'), 'utf8')));
    expect(read?.filter((row) => /^\d+$/u.test(row[0]!)).map((row) => `${row[0]} ${row[3]}`)).toEqual(['1 改扩建', '2 改扩建']);
  });

  it('stacks a lower header piece under the top piece it overlaps most (投资（万元） under 其中：“十四五” more than under 责任单), seed 175', () => {
    const [read] = tables(readText(readFileSync(join(FIXTURES, 'header-over-two.layout.txt'), 'utf8')));
    expect(read?.[0]).toEqual(['序号', '项目名称', '主要建设内容', '起止年限', '计划总投资（万元）', '其中：“十四五”投资（万元）', '责任单位']);
  });

  it('keeps a unit in brackets under the money header it stands under (计划总投资 / （万元）), not giving it to the header beside it that names nothing yet (其中：“十四五” / 投资（万元）), seed 100', () => {
    const [read] = tables(readText(readFileSync(join(FIXTURES, 'unit-under-money.layout.txt'), 'utf8')));
    expect(read?.[0]).toEqual(['序号', '项目名称', '主要建设内容', '起止年限', '计划总投资（万元）', '其中：“十四五”投资（万元）', '责任单位']);
    expect(read?.find((row) => row[0] === '1')).toEqual(['1', '金河县龙桥街道康养中心新建工程', '新建建筑面积15600㎡，新增床位200张。', '2021-2022', '21700', '13020', '县民政局']);
  });

  it('reads a first column that names the sections (类别), each label at its rows’ middle over two lines (一、住有 / 所居), the header printed again after a page break (seed 37)', () => {
    const model = readText(['某县规划', '           附表1 金湾县“十四五”公共服务规划重点建设项目清单',
        ' 类别   序       项目名称         主要建设内容    起止年 计划总投资 责任单位',
        '      号                                限    （万元）',
        '合计                                        153280',
        '      1   金湾县石山乡保障性租赁 新建建筑面积5500㎡，新 2022- 22700  县住房城',
        '          住房建设项目      增住房540套。      2023         乡建委',
        '      2   金湾县玉田街道棚户区改 新建建筑面积11400㎡， 2022- 27300  县住房城',
        '          造安置房改扩建工程   新增住房430套。     2022         乡建委',
        '          金湾县龙湾街道棚户区改 新建建筑面积25800㎡， 2022- 20200  县住房城',
        '一、住有 3    造安置房建设项目    新增住房150套。     2022         乡建委',
        '所居 4      金湾县金峰乡保障性租赁 新建建筑面积9900㎡，新 2022- 12400  县住房城',
        '          住房新建工程      增住房720套。      2024         乡建委',
        '      5   金湾县丰田镇公共租赁住 新建建筑面积18900㎡， 2024- 2600   县住房城',
        '          房建设项目       新增住房220套。     2024         乡建委',
        '      6   金湾县柏坝乡棚户区改造 新建建筑面积14300㎡， 2024- 9200   县住房城',
        '          安置房改造工程     新增住房400套。     2024         乡建委',
        '小计                                        94400',
        '          金湾县梅桥街道中心卫生 新建建筑面积21700㎡， 2024- 8200   县卫生健',
        '二、病有 7    院建设项目       新增床位20张。      2024         康委',
        '所医 8      金湾县石坡镇社区卫生服 新建建筑面积24200㎡， 2024- 7800   县卫生健',
        '          务中心改扩建工程    新增床位340张。     2025         康委',
        '小计                                        16000',
        '三、老有 9    金湾县杏塘乡养老服务中 新建建筑面积22600㎡， 2022- 12600  县民政局',
        '所养        心新建工程       新增床位550张。     2024',
        '小计                                        12780',
        ' 类别   序     项目名称       主要建设内容      起止年 计划总投资 责任单位',
        '      号                              限    （万元）',
        '     10 金湾县柏山街道儿童福利',
        '        院改造工程',
        '                    新建建筑面积26400㎡， 2022- 2500',
        '                    新增床位30张。      2023         县民政局',
        '四、弱有 11 金湾县石塘街道儿童福利 新建建筑面积9700㎡，新 2021- 2400   县民政局',
        '所扶      院新建工程       增床位290张。      2024',
        '     12 金湾县丰坝镇残疾人康复',
        '        中心改扩建工程',
        '                    新建建筑面积21900㎡， 2021- 24600',
        '                    新增床位30张。      2023         县民政局',
        '小计                                      29500',
        '          附表2 金湾县“十四五”公共服务规划重点民生工程项目清单', ''].join('\n'));
    const [table] = tables(model);
    expect(table?.[0]).toEqual(['类别', '序号', '项目名称', '主要建设内容', '起止年限', '计划总投资（万元）', '责任单位']);
    expect(table?.slice(1).map((row) => (row.length <= 3 ? row.join(' ') : `${row[0]}|${row[1]}|${row[5]}`))).toEqual([
      '合计 153280',
      '一、住有所居|1|22700',
      '|2|27300',
      '|3|20200',
      '|4|12400',
      '|5|2600',
      '|6|9200',
      '小计 94400',
      '二、病有所医|7|8200',
      '|8|7800',
      '小计 16000',
      '三、老有所养|9|12600',
      '小计 12780',
      '四、弱有所扶|10|2500',
      '|11|2400',
      '|12|24600',
      '小计 29500',
    ]);
    expect(table?.[16]?.[2]).toBe('金湾县丰坝镇残疾人康复中心改扩建工程');
  });

  it('takes a label’s first line alone at the margin (一、弱) over the rest of it run into a serial (有所扶 4 …) for the label, not a section’s row (seed 33)', () => {
    const [table] = tables(readText(['某县规划', '          附表1 宁桥县“十四五”公共服务规划重点建设项目清单',
        ' 类别 序号   项目名称 责任单   建设 建设内容及规模 建设年 总投资 备注',
        '                  位 性质               限 （万元）',
        '    1 宁桥县金坪镇儿童',
        '       福利院改造工程 局',
        '                县民政 改建 新建建筑面积7700 2024- 16800',
        '                       ㎡，新增床位590张。 2025',
        '    2 宁桥县宁河街道救  县民政 改建 新建建筑面积21300 2024- 25500',
        '       助管理站改造工程 局      ㎡，新增床位300张。 2025',
        '    3 宁桥县竹湾街道救',
        '       助管理站改造工程',
        '                县民政 改建 新建建筑面积27500 2021- 18400',
        '                局      ㎡，新增床位720张。 2025',
        '一、弱',
        '有所扶 4 宁桥县竹桥镇残疾',
        '       人康复中心建设项 县民政 新建 新建建筑面积19400 2021- 12800 申请专项',
        '       目        局      ㎡，新增床位410张。 2022         债券', ''].join('\n')));
    expect(table?.slice(1).map((row) => `${row[0]}|${row[1]}`)).toEqual(['一、弱有所扶|1', '|2', '|3', '|4']);
  });

  it('joins a lower header piece to the header whose word it completes (建设起 / 止年限, “十四五”计 / 划投资), not to the one it stands under, seed 280', () => {
    const model = readText(['某县规划', '附表 太坪县“十四五”公共服务规划重点项目清单',
        '序    项目名称   责任部 建设 建设 建设内容及规模 建设起 “十四五”计 投资估算',
        '号            门 性质 地址               止年限 划投资（万元） （万元）',
        '合计                                      113604 189340',
        '一、病有所医                                  33180  55300',
        '（一）设施建设类                                25440  42400',
        '1 太坪县安源乡中医  县卫生 改建 安源 新建建筑面积23500 2024- 17400',
        '   院住院楼改造工程 健康委    乡 ㎡，新增床位560',
        '                      张。          2024         29000',
        '   太坪县桃溪街道中 县卫生 改扩 桃溪 新建建筑面积12700 2021-',
        '2 心卫生院改扩建工 健康委 建 街道 ㎡，新增床位140 2025 8040        13400',
        '   程                  张。',
        '（二）服务提升类                                7740   12900', ''].join('\n'));
    expect(headerAndTails(model, 4)).toEqual({
      header: ['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '“十四五”计划投资（万元）', '投资估算（万元）'],
      tails: [
        ['2024-2024', '17400', '29000'],
        ['2021-2025', '8040', '13400'],
        ['（二）服务提升类', '7740', '12900'],
      ],
    });
  });

  it('gives a row the head of its name printed under the rest of it (性租赁住房新建工程 / 和坡县云山街道保障), names opening as most do, and the next row the cells above its serial (seed 22)', () => {
    const model = readText(
      [
        '某县规划',
        '附表 和坡县“十四五”公共服务规划重点项目清单',
        '                                               单位：万元',
        ' 序    项目名称   责任部 建设 建设 建设内容及规模 建设起止 投资估 其中：“十四',
        ' 号             门 性质 地址               年限 算         五”投资',
        '合计                                       290000 174000',
        '一、住有所居                                   38300 22980',
        '   和坡县金湾街道棚户 县住房',
        '1 区改造安置房新建工 城乡建 新建 金湾  新建建筑面积23500 2023- 12800 7680',
        '                    街道 ㎡，新增住房100套。 2024',
        '   程         委',
        '             县住房',
        '2 性租赁住房新建工程 城乡建 新建 云山',
        '   和坡县云山街道保障',
        '                    街道',
        '                       新建建筑面积24700 2022- 1500 900',
        '                       ㎡，新增住房100套。 2023',
        '             委',
        '             县住房 改扩 杏坪 新建建筑面积1000 2021-',
        '3 和坡县杏坪镇公共租',
        '   赁住房改扩建工程 城乡建  建  镇  ㎡，新增住房360套。 2021  24000 14400',
        '             委',
        '二、幼有所育                                   42500 25500',
        '4 和坡县龙田镇婴幼儿  县卫生 新建 龙田 新建建筑面积13100 2021- 27000 16200',
        '   照护中心新建工程 健康委     镇 ㎡，新增托位540个。 2023',
        '   和坡县石桥街道婴幼 县卫生 改扩 石桥 新建建筑面积18500 2023-',
        '',
      ].join('\n'),
    );
    const [table] = tables(model);
    expect(table?.filter((row) => /^[23]$/u.test(row[0]!))).toEqual([
      ['2', '和坡县云山街道保障性租赁住房新建工程', '县住房城乡建委', '新建', '云山街道', '新建建筑面积24700㎡，新增住房100套。', '2022-2023', '1500', '900'],
      ['3', '和坡县杏坪镇公共租赁住房改扩建工程', '县住房城乡建委', '改扩建', '杏坪镇', '新建建筑面积1000㎡，新增住房360套。', '2021-2021', '24000', '14400'],
    ]);
  });

  it('joins a lower header piece to the header it makes a phrase with (建设起止 / 年限) or whose name it completes (“十四五” / 计划投资), not to one that names it already (投资估), seed 62', () => {
    const model = readText(
      [
        '某县规划',
        '附表 安峰县“十四五”公共服务规划重点项目清单',
        '序     项目名称  责任部 建设 建设 建设内容及规模 建设起止 “十四五” 投资估',
        '号            门 性质 地址                年限 计划投资 算',
        '合计                                      191442 319070',
        '一、劳有所得                                  12060  20100',
        '1 安峰县宁坝镇就业服 县人力    宁坝 新建建筑面积27300 2024-',
        '   务中心改造工程 社保局 改建 镇 ㎡，新增工位140个。 2025 1920      3200',
        '2 安峰县云峰街道创业 县人力 新建 云峰 新建建筑面积24800 2022- 2700',
        '   孵化基地建设项目 社保局    街道 ㎡，新增工位180个。 2022         4500',
        '',
        '',
      ].join('\n'),
    );
    expect(headerAndTails(model, 3)).toEqual({
      header: ['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '“十四五”计划投资', '投资估算'],
      tails: [
        ['2024-2025', '1920', '3200'],
        ['2022-2022', '2700', '4500'],
      ],
    });
  });

  it('puts back the end of a content cell printed before the line above it and run into it (张。㎡，新增床位290), seed 60', () => {
    const model = readText(
      [
        '某县规划',
        '附表 某县“十四五”公共服务规划重点项目清单',
        '序   项目名称     责任部 建设 建设 建设内容及规模 建设起 “十四五”计划 投资估算',
        '号              门 性质 地址              止年限 投资（万元） （万元）',
        '4 银川县和峰镇文    县文化 改建 和峰 新建建筑面积5500',
        '                       ㎡，新增座位140   2023- 7920  13200',
        '   化馆改造工程    旅游委    镇 个。           2024',
        '二、住有所居                                   47340 78900',
        '   银川县竹坪镇保   县住房 改扩 竹坪 新建建筑面积22000 2021-',
        '5 障性租赁住房改    城乡建 建 镇 ㎡，新增住房200 2022 6960       11600',
        '   扩建工程      委         套。',
        '   银川县平峰街道   县住房    平峰 新建建筑面积12300 2021-',
        '6 棚户区改造安置    城乡建 新建 街道 ㎡，新增住房80 2021 17400     29000',
        '   房新建工程     委         套。',
        '   银川县石岩镇棚   县住房       新建建筑面积1500 2022-',
        '7 户区改造安置房    城乡建 改建 石岩',
        '                    镇  ㎡，新增住房440 2022 12780    21300',
        '   改造工程      委         套。',
        '   银川县桃坝镇棚   县住房 改扩 桃坝 新建建筑面积13500 2023-',
        '8 户区改造安置房    城乡建 建 镇 ㎡，新增住房30 2025 10200       17000',
        '   改扩建工程     委         套。',
        '三、老有所养                                   49260 82100',
        '   银川县兰林街道   县民政 改扩 兰林 新建建筑面积3500  2021- 10560',
        '9 养老服务中心改    局         ㎡，新增床位540',
        '                 建 街道 张。           2023        17600',
        '   扩建工程',
        '   银川县松塘镇康   县民政 改扩 松塘 新建建筑面积16400 2023- 15420',
        '10 养中心改扩建工   局   建 镇 张。㎡，新增床位290   2025        25700',
        '   程',
        '   银川县兰川街道   县民政 改扩 兰川 新建建筑面积23500 2024- 8760',
        '11 敬老院改扩建工   局   建 街道 ㎡，新增床位390    2025        14600',
        '   程                   张。',
        '',
      ].join('\n'),
    );
    const [table] = tables(model);
    const contents = Object.fromEntries((table ?? []).filter((row) => /^\d+$/u.test(row[0]!)).map((row) => [row[0], row[5]]));
    expect([contents['9'], contents['10'], contents['11']]).toEqual(['新建建筑面积3500㎡，新增床位540张。', '新建建筑面积16400㎡，新增床位290张。', '新建建筑面积23500㎡，新增床位390张。']);
  });

  it('gives a lower piece that names nothing alone (资 set under 备注) to the header beside it whose name it makes whole (总投), seed 163', () => {
    const model = readText(
      [
        '某县规划',
      '        附表2 某县“十四五”公共服务规划重点民生工程项目清单',
      '                                                       单位：万元',
      ' 序      项目名称   责任单 建设    建设内容及规模      建设年 总投 备注',
      ' 号              位 性质                    限    资',
      '一、文体服务',
      '1 某县丰泉镇文化馆新建工',
      '   程',
      '               县文化 新建 新建建筑面积24200㎡，新 2022- 13500',
      '               旅游委    增座位590个。       2023',
      '2 某县安坡乡体育场改扩建',
      '   工程',
      '               县文化 改扩 新建建筑面积7700㎡，新 2024- 5500 申请专',
      '               旅游委 建 增座位470个。        2024        项债券',
      '3 某县丰坡街道文化馆改造',
      '   工程',
      '               县文化 改建 新建建筑面积2600㎡，新 2022- 17900',
      '               旅游委    增座位360个。       2025',
      '4 某县金坪乡文化馆新建工',
      '   程',
      '               县文化 新建 新建建筑面积20100㎡，新 2024- 6600',
      '               旅游委    增座位110个。       2025',
      '小计                                         43630',
        '',
      ].join('\n'),
    );
    const [table] = tables(model);
    expect(table?.[0]).toEqual(['序号', '项目名称', '责任单位', '建设性质', '建设内容及规模', '建设年限', '总投资', '备注']);
    expect(table?.slice(2, 4).map((row) => [row[0], row[6], row[7]])).toEqual([
      ['1', '13500', ''],
      ['2', '5500', '申请专项债券'],
    ]);
  });

  it('reads rows whose cells stand on different lines, each wrapped in a narrow column, and a header of two heads alike (建设 建设 over 性质 地址) in its order', () => {
    const model = readText(
      [
        '某县规划',
        '              附表 某县“十四五”公共服务规划重点项目清单',
        ' 序    项目名称  责任 建设 建设      建设内容及规模      建设起止 投资估算',
        ' 号            部门 性质 地址                       年限 （万元）',
        '合计                                                 39500',
        '一、弱有所扶                                             39500',
        '1 松湾县凤源街道救助管',
        '   理站改扩建工程',
        '               县民',
        '               政局',
        '                    改扩',
        '                    建',
        '                       凤源',
        '                       街道',
        '                                新建建筑面积2900㎡，新 2024- 29600',
        '                                增床位140张。       2024',
        '2 松湾县金溪镇儿童福利',
        '   院建设项目',
        '               县民',
        '               政局   新建 金溪',
        '                       镇',
        '                                新建建筑面积26500㎡，新 2023- 9900',
        '                                增床位690张。       2025',
        '',
      ].join('\n'),
    );
    const [table] = tables(model);
    // (建设 建设 over 性质 地址: each lower piece under the head its order gives it, 性质 under the first.)
    expect(table?.[0]).toEqual(['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算（万元）']);
    expect(table?.slice(3)).toEqual([
      ['1', '松湾县凤源街道救助管理站改扩建工程', '县民政局', '改扩建', '凤源街道', '新建建筑面积2900㎡，新增床位140张。', '2024-2024', '29600'],
      ['2', '松湾县金溪镇儿童福利院建设项目', '县民政局', '新建', '金溪镇', '新建建筑面积26500㎡，新增床位690张。', '2023-2025', '9900'],
    ]);
  });

  it('joins a box item whose end stands far in under its next line, and closes a number split by a change of font', () => {
    const model = readText(
      [
        '某县规划',
        '                   专栏6 文体服务重点工程',
        '           新建建筑面积15000㎡，新增座位360个。',
        '1.某县丰田乡体育场改造工程。',
        '2.某县竹溪镇保障性租赁住房新建工程。新建建筑面积5',
        '房490套。',
        '                                            900㎡，新增住',
        '3.某县梅塘镇敬老院改造工程。新建建筑面积24800㎡，新增床位56    0张。',
        // A number's first digit in a smaller font, set a place apart on pdftotext's grid (composePlan seed 123).
        '4.某县平林街道养老服务中心新建工程。新建建筑面积1 9200㎡，新增床位660张。',
        '第二章 重点任务',
        '',
      ].join('\n'),
    );
    expect(paragraphs(model).slice(1)).toEqual(['1.某县丰田乡体育场改造工程。新建建筑面积15000㎡，新增座位360个。', '2.某县竹溪镇保障性租赁住房新建工程。新建建筑面积5900㎡，新增住房490套。', '3.某县梅塘镇敬老院改造工程。新建建筑面积24800㎡，新增床位560张。', '4.某县平林街道养老服务中心新建工程。新建建筑面积19200㎡，新增床位660张。']);
  });
});

describe('pdftotext -raw: prose wrapped at the page width', () => {
  it('takes the nearest of the margins as many lines may end at, so that a line a character short still runs on', () => {
    const text = readFileSync(join(FIXTURES, 'margin.raw.txt'), 'utf8');
    expect(paragraphs(readText(text))).toContain('“十三五”期间，全县建成便民服务站3个，分别位于兰山乡、凤林乡、松峰街道。公共服务设施网络逐步完善，服务能力不断增强。');
  });
});

describe('pdftotext -raw and -layout: an appendix with a last column of remarks, most of them empty', () => {
  const HEADER = ['序号', '项目名称', '责任单位', '建设性质', '建设内容及规模', '建设年限', '总投资（万元）', '备注'];
  const ROWS = [
    ['1', '凤泉县云坝镇技能实训基地改造工程', '县人力社保局', '改建', '新建建筑面积10400㎡，新增工位290个。', '2021-2025', '4400', '申请专项债券'],
    ['3', '凤泉县和溪乡技能实训基地改扩建工程', '县人力社保局', '改扩建', '新建建筑面积21900㎡，新增工位70个。', '2021-2023', '7100', ''],
    ['12', '凤泉县石林街道公共租赁住房建设项目', '县住房城乡建委', '新建', '新建建筑面积11100㎡，新增住房40套。', '2021-2023', '24300', ''],
    ['13', '凤泉县青峰乡棚户区改造安置房改造工程', '县住房城乡建委', '改建', '新建建筑面积17400㎡，新增住房420套。', '2021-2024', '8900', ''],
  ];
  it.each(['raw', 'layout'])('-%s: the remark is a column of its own, an amount never one, 责任单位 a department, and the footer under the table no cell', (mode) => {
    const table = tables(readText(readFileSync(join(FIXTURES, `remarks.${mode}.txt`), 'utf8'))).find((rows) => rows[0]![1] === '项目名称');
    expect(table![0]).toEqual(HEADER);
    for (const row of ROWS) expect(table!.find((cells) => cells[0] === row[0])).toEqual(row);
    // Every project's amount is read as its amount.
    expect(table!.filter((cells) => /^\d+$/u.test(cells[0]!)).every((cells) => /^\d+$/u.test(cells[6]!))).toBe(true);
  });
});

describe('pdftotext -layout: a header printed right of its columns', () => {
  it('takes no column more than the rows show when every header stands a few places right of its own', () => {
    const appendix = tables(readText(readFileSync(join(FIXTURES, 'shifted-header.layout.txt'), 'utf8'))).filter((rows) => rows[0]![1] === '项目名称');
    expect(appendix.map((rows) => rows[0])).toEqual([0, 1].map(() => ['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算（万元）']));
    expect(appendix[0]!.find((row) => row[0] === '1')).toEqual(['1', '柏岩县平溪乡托育中心改扩建工程', '县卫生健康委', '改扩建', '平溪乡', '新建建筑面积6500㎡，新增托位20个。', '2021-2025', '13700']);
    expect(appendix.flat().filter((row) => /^\d+$/u.test(row[0]!)).every((row) => /^\d+$/u.test(row[7]!))).toBe(true);
  });
});

describe('pdftotext -layout: remarks beside some rows\' amounts, and a header piece under the wrong header', () => {
  it('takes the column the rows with a remark show one more of, and gives 限 to 建设年 whose name it completes', () => {
    const appendix = tables(readText(readFileSync(join(FIXTURES, 'remarks-inline.layout.txt'), 'utf8'))).filter((rows) => rows[0]![1] === '项目名称');
    expect(appendix.map((rows) => rows[0])).toEqual([0, 1].map(() => ['序号', '项目名称', '责任单位', '建设性质', '建设内容及规模', '建设年限', '总投资（万元）', '备注']));
    const second = appendix[1]!;
    expect(second.find((row) => row[0] === '1')).toEqual(['1', '石山县兰河街道托育中心新建工程', '县卫生健康委', '新建', '新建建筑面积13000㎡，新增托位410个。', '2021-2024', '16400', '申请专项债券']);
    expect(second.find((row) => row[0] === '2')).toEqual(['2', '石山县桃川镇托育服务中心新建工程', '县卫生健康委', '新建', '新建建筑面积20700㎡，新增托位580个。', '2023-2024', '3200', '申请专项债券']);
    expect(appendix.flat().filter((row) => /^\d+$/u.test(row[0]!)).every((row) => /^\d+$/u.test(row[6]!))).toBe(true);
  });
});

describe('pdftotext -layout: remarks on some rows, the header\'s 责任单位 and 建设 one space apart', () => {
  it('takes the columns most rows agree on, not those of a row that leaves its nature out and shows a remark', () => {
    const [table] = tables(readText(readFileSync(join(FIXTURES, 'remarks-nature.layout.txt'), 'utf8'))).filter((rows) => rows[0]![1] === '项目名称');
    expect(table![0]).toEqual(['序号', '项目名称', '责任单位', '建设性质', '建设内容及规模', '建设年限', '总投资（万元）', '备注']);
    expect(table!.find((row) => row[0] === '1')).toEqual(['1', '云坝县柏田乡文化馆新建工程', '县文化旅游委', '新建', '新建建筑面积6000㎡，新增座位500个。', '2022-2022', '19000', '争取中央预算内资金']);
    expect(table!.find((row) => row[0] === '3')).toEqual(['3', '云坝县杏峰镇体育场改扩建工程', '县文化旅游委', '改扩建', '新建建筑面积20500㎡，新增座位770个。', '2024-2025', '19400', '争取中央预算内资金']);
    const projects = table!.filter((row) => /^\d+$/u.test(row[0]!));
    expect(projects.map((row) => row[0])).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(projects.every((row) => /^\d{4}-\d{4}$/u.test(row[5]!) && /^\d+$/u.test(row[6]!) && ['新建', '改建', '改扩建'].includes(row[3]!))).toBe(true);
  });
});

describe('pdftotext -layout: the table\'s columns standing elsewhere on the next page', () => {
  it('reads a row with a remark after the page break by its own columns, not by those of the page before', () => {
    const [table] = tables(readText(readFileSync(join(FIXTURES, 'page-shift.layout.txt'), 'utf8'))).filter((rows) => rows[0]![1] === '项目名称');
    expect(table!.find((row) => row[0] === '11')).toEqual(['11', '云坝县平源乡初级中学改造工程', '县教委', '改建', '新建建筑面积12700㎡，新增学位490个。', '2021-2021', '10300', '争取中央预算内资金']);
    const projects = table!.filter((row) => /^\d+$/u.test(row[0]!));
    expect(projects.length).toBe(21);
    expect(projects.every((row) => /^\d{4}-\d{4}$/u.test(row[5]!) && /^\d+$/u.test(row[6]!))).toBe(true);
  });
});

describe('pdftotext -layout: a row\'s department and nature on lines of their own above its content, the remarks\' header 备 over 注', () => {
  it('takes the columns the header names over the fewer most rows show on one line, and the remarks\' column no row fills', () => {
    const [table] = tables(readText(readFileSync(join(FIXTURES, 'cells-above.layout.txt'), 'utf8'))).filter((rows) => rows[0]![1] === '项目名称');
    expect(table![0]).toEqual(['序号', '项目名称', '责任单位', '建设性质', '建设内容及规模', '建设年限', '总投资（万元）', '备注']);
    expect(table!.find((row) => row[0] === '1')).toEqual(['1', '翠塘县太坡街道文化馆改扩建工程', '县文化旅游委', '改扩建', '新建建筑面积11500㎡，新增座位60个。', '2024-2026', '21400', '']);
    expect(table!.find((row) => row[0] === '6')).toEqual(['6', '翠塘县金塘乡救助管理站建设项目', '县民政局', '新建', '新建建筑面积23900㎡，新增床位130张。', '2024-2025', '19200', '']);
    expect(table!.filter((row) => /^\d+$/u.test(row[0]!)).map((row) => row[0])).toEqual(['1', '2', '3', '4', '5', '6']);
  });
});

describe('pdftotext: prose in two font sizes, and a table whose rows and header shift', () => {
  it('-raw: runs a long line on where a word or a figure is cut (竹岩街 / 道、, 19.29 / 亿元（), with no margin to go by', () => {
    const model = readText(readFileSync(join(FIXTURES, 'fonts.raw.txt'), 'utf8'));
    expect(paragraphs(model)).toContain('“十三五”期间，全县建成便民服务站5个，分别位于银岭镇、竹岩街道、兰坝街道、石坪街道、竹坡镇。公共服务设施网络逐步完善，服务能力不断增强。');
    expect(paragraphs(model)).toContain('到2025年，基本公共服务体系更加健全，规划重点项目总投资19.29亿元（详见附表1、附表2）。');
  });

  it('-layout: keeps the table\'s columns for a row whose nature stands on its second line with a remark under it', () => {
    const [table] = tables(readText(readFileSync(join(FIXTURES, 'nature-below.layout.txt'), 'utf8'))).filter((rows) => rows[0]![1] === '项目名称');
    expect(table!.find((row) => row[0] === '5')).toEqual(['5', '青岩县平坡乡社区卫生服务中心新建工程', '县卫生健康委', '新建', '新建建筑面积13500㎡，新增床位140张。', '2024-2024', '25400', '申请专项债券']);
    expect(table!.filter((row) => /^\d+$/u.test(row[0]!)).every((row) => /^\d{4}-\d{4}$/u.test(row[5]!) && /^\d+$/u.test(row[6]!))).toBe(true);
  });

  it('a box item\'s number line takes a piece printed above it that stops inside a sentence, however long the line', () => {
    const model = readText(['                    专栏4 劳有所得重点工程', '                目。新建建筑面积9700㎡，新增工位670', '1.龙泉县平溪乡技能实训基地建设项', '个。', '2.龙泉县宁坝街道就业服务中心建设项目。新建建筑面积24500㎡，新增工位490', '个。', '        第四章 促进更加充分更高质量就业'].join('\n'));
    const items = model.blocks.flatMap((block) => (block.kind === 'box' ? block.blocks : [])).flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
    expect(items).toEqual(['1.龙泉县平溪乡技能实训基地建设项目。新建建筑面积9700㎡，新增工位670个。', '2.龙泉县宁坝街道就业服务中心建设项目。新建建筑面积24500㎡，新增工位490个。']);
  });
});

describe('pdftotext -raw: a paragraph whose first line was set in', () => {
  it('runs a first line on that stops two characters short of the margin inside a word (the indent -raw does not print)', () => {
    const model = readText(readFileSync(join(FIXTURES, 'indent.raw.txt'), 'utf8'));
    expect(paragraphs(model)).toContain('“十三五”期间，全县建成便民服务站4个，分别位于石河镇、龙河街道、龙林街道、和湾乡。公共服务设施网络逐步完善，服务能力不断增强。');
  });

  it('runs on a line that stops at 、 or ， in a text of too few lines to show a margin', () => {
    const model = readText(readFileSync(join(FIXTURES, 'few-lines.raw.txt'), 'utf8'));
    expect(paragraphs(model)).toContain('“十三五”期间，全县建成便民服务站4个，分别位于凤岭镇、安塘乡、松岩街道。公共服务设施网络逐步完善，服务能力不断增强。');
  });

  it('runs on a line that leaves a bracket open, with no margin to go by (（详见附表 / 1、附表2） / 。)', () => {
    const lines = ['某县规划', '第二节主要目标', '到2025年，基本公共服务体系更加健全，规划重点项目总投资27.05亿元（详见附表', '1、附表2）', '。', '围绕病有所医，补齐设施短板。'];
    expect(paragraphs(readText(lines.join('\n')))).toEqual(['某县规划', '到2025年，基本公共服务体系更加健全，规划重点项目总投资27.05亿元（详见附表1、附表2）。', '围绕病有所医，补齐设施短板。']);
  });

  it('runs a line that stops inside its sentence on into a line that opens with a bracket (亿元 / （详见附表） / 。), not into a numbered （一）', () => {
    const lines = ['某县规划', '（二）主要目标', '到2025年，基本公共服务体系更加健全，规划重点项目总投资27.14亿元', '（详见附表）', '。', '（三）保障措施', '加强组织领导'];
    expect(paragraphs(readText(lines.join('\n')))).toEqual(['某县规划', '（二）主要目标', '到2025年，基本公共服务体系更加健全，规划重点项目总投资27.14亿元（详见附表）。', '（三）保障措施', '加强组织领导']);
  });

  it('does not run on a short line that stops at a full stop or a colon', () => {
    const lines = ['某县规划', '主要任务如下：', '1.建设活动中心。', '本章完。', '下一段文字。'];
    expect(paragraphs(readText(lines.join('\n')))).toEqual(lines);
  });
});

describe('pdftotext -layout: a box item whose second line is printed above its first', () => {
  it('gives the far-in line to the next item when the item before has ended', () => {
    const model = readText(
      [
        '                     专栏3 幼有所育重点工程',
        '1.玉桥县云坝镇   婴幼儿照护中心新建工程。新建建筑面积16500㎡，新增托位210',
        '个。',
        '                面积6100㎡，新增托位370个。',
        '2.玉桥县宁溪街道托育中心建设项目。新建建筑',
        '3.玉桥县龙坪街道托育中心建设项目。新建建筑面积24200㎡，新增托位',
        '290个。',
        '             第四章 促进更加充分更高质量就业',
      ].join('\n'),
    );
    const items = model.blocks.flatMap((block) => (block.kind === 'box' ? block.blocks : [])).flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
    expect(items).toEqual([
      '1.玉桥县云坝镇婴幼儿照护中心新建工程。新建建筑面积16500㎡，新增托位210个。',
      '2.玉桥县宁溪街道托育中心建设项目。新建建筑面积6100㎡，新增托位370个。',
      '3.玉桥县龙坪街道托育中心建设项目。新建建筑面积24200㎡，新增托位290个。',
    ]);
  });
});

describe('pdftotext -layout: a piece printed above the line it belongs to (a change of font shifts its baseline)', () => {
  const boxItems = (model: DocumentModel): string[] => model.blocks.flatMap((block) => (block.kind === 'box' ? block.blocks : [])).flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));

  it('ends a box item\'s short number line with the piece printed above it, before the item\'s next line', () => {
    const model = readText(['                    专栏5 老有所养重点工程', '    青河街道康养中心建设项目。新建建筑面积14800㎡，新增床', '1.银坝县', '位540张。', '2.银坝县柏林乡养老服务中心新建工程。新建建筑面积8900㎡，新增床位640张。', '        第四章 促进更加充分更高质量就业'].join('\n'));
    expect(boxItems(model)).toEqual(['1.银坝县青河街道康养中心建设项目。新建建筑面积14800㎡，新增床位540张。', '2.银坝县柏林乡养老服务中心新建工程。新建建筑面积8900㎡，新增床位640张。']);
  });

  it('puts a piece printed far in under an item\'s last line back above it, where a word stops before the last line\'s number', () => {
    const model = readText(['                    专栏6 幼有所育重点工程', '1.宁桥县梅河乡托育中心新建工程。新建建筑面积27300㎡，新增托', '位210个。', '2.宁桥县梅田街道婴幼儿照护中心改造工程。', '550个。', '                                  新建建筑面积5100㎡，新增托位', '', '        第四章 促进更加充分更高质量就业'].join('\n'));
    expect(boxItems(model)).toEqual(['1.宁桥县梅河乡托育中心新建工程。新建建筑面积27300㎡，新增托位210个。', '2.宁桥县梅田街道婴幼儿照护中心改造工程。新建建筑面积5100㎡，新增托位550个。']);
  });

  it('puts a figure printed far in under an item into the gap its lines leave (…建筑面积 / ㎡，新增住房470套。 / 29800), not onto the next item’s number, seed 243', () => {
    const model = readText(['                    专栏3 住有所居重点工程', '1.龙田县石桥镇棚户区改造安置房改扩建工程。新建建筑面积', '㎡，新增住房470套。', '                               29800', '', '2.龙田县翠溪乡公共租赁住房新建工程。新建建筑面积17500', '房120套。', '                               ㎡，新增住', '', '', '        第四章 建设优质均衡的公共教育体系'].join('\n'));
    expect(boxItems(model)).toEqual(['1.龙田县石桥镇棚户区改造安置房改扩建工程。新建建筑面积29800㎡，新增住房470套。', '2.龙田县翠溪乡公共租赁住房新建工程。新建建筑面积17500㎡，新增住房120套。']);
  });

  it('puts a piece that opens with a figure’s unit, printed far in under the short end of its sentence, between the figure and that end (…13400 / 张。 / ㎡，新增床位510), seed 255', () => {
    const model = readText(['                    专栏4 老有所养重点工程', '3.银泉县兰川镇康养中心新建工程。新建建筑面积13400', '张。', '                             ㎡，新增床位510', '', '4.银泉县玉河镇敬老院改扩建工程。新建建筑面积24500㎡，新增床位110', '张。', '', '        第五章 促进更加充分更高质量就业'].join('\n'));
    expect(boxItems(model)).toEqual(['3.银泉县兰川镇康养中心新建工程。新建建筑面积13400㎡，新增床位510张。', '4.银泉县玉河镇敬老院改扩建工程。新建建筑面积24500㎡，新增床位110张。']);
  });

  it('gives the next item the end of its first line printed far in above its number line after a blank line (社区卫生服务中心建设项目。… / 2.凤河县丰田街道), seed 233', () => {
    const model = readText(['                    专栏五 病有所医重点工程', '1.凤河县凤川镇社区卫生服务中心新建工程。新建', '位120张。', '                        建筑面积28400㎡，新增床', '', '      社区卫生服务中心建设项目。新建建筑面积20500㎡，新', '2.凤河县丰田街道', '增床位550张。', '3.凤河县桃湾镇中心卫生院建设项目。新建建筑面积20100㎡，新增', '床位550张。', '            附表一 凤河县“十四五”公共服务规划重点建设项目清单'].join('\n'));
    expect(boxItems(model)).toEqual(['1.凤河县凤川镇社区卫生服务中心新建工程。新建建筑面积28400㎡，新增床位120张。', '2.凤河县丰田街道社区卫生服务中心建设项目。新建建筑面积20500㎡，新增床位550张。', '3.凤河县桃湾镇中心卫生院建设项目。新建建筑面积20100㎡，新增床位550张。']);
  });

  it('gives the next item a line set in by two places, printed above its number line, when the item before has ended (柏坪镇… / 2.翠塘县 / 增住房30套。), seed 45 of corpus B', () => {
    const model = readText(['                   专栏2 住有所居重点工程', '1.翠塘县桃泉街道棚户区改造安置房建设项目。新建建   筑面积25400㎡，新增住房290', '套。', '  柏坪镇棚户区改造安置房新建工程。新建建筑面积1700㎡，新', '2.翠塘县', '增住房30套。', '            第三章 丰富公共文化体育服务'].join('\n'));
    expect(boxItems(model)).toEqual(['1.翠塘县桃泉街道棚户区改造安置房建设项目。新建建筑面积25400㎡，新增住房290套。', '2.翠塘县柏坪镇棚户区改造安置房新建工程。新建建筑面积1700㎡，新增住房30套。']);
  });

  it('puts the piece printed far in above a number line into the hole that line leaves for it (2.柏林县桃坪      。新建…), seed 190', () => {
    const model = readText(['                    专栏7 幼有所育重点工程', '1.柏林县桃川乡托育中心新建工程。新建建筑面积19700㎡', '个。', '                              ，新增托位80', '', '      镇托育中心建设项目', '2.柏林县桃坪              。新建建筑面积10900㎡    ，新增托位210个。', '3.柏林县银山镇婴幼儿照护中心建设项目。新建建筑面积18000㎡，新增托位40个。', '        第八章 完善住房保障体系'].join('\n'));
    expect(boxItems(model)).toEqual(['1.柏林县桃川乡托育中心新建工程。新建建筑面积19700㎡，新增托位80个。', '2.柏林县桃坪镇托育中心建设项目。新建建筑面积10900㎡，新增托位210个。', '3.柏林县银山镇婴幼儿照护中心建设项目。新建建筑面积18000㎡，新增托位40个。']);
  });

  it('puts a word’s end with its figure, printed far in under an item, into the gap its lines leave (…新建建筑面 / ㎡，新增住房440套。 / 积23600), not onto the next item, seed 20', () => {
    const model = readText(['                   专栏6 住有所居重点工程', '（1）丰源县云源乡棚户区改造安置房改造工程。新建建筑面', '㎡，新增住房440套。', '                                       积23600', '', '（2）丰源县丰林街道棚户区改造安置房改扩建工程。新建建筑面积11100㎡，新增住房', '740套。', '        第七章 完善住房保障体系'].join('\n'));
    expect(boxItems(model)).toEqual(['（1）丰源县云源乡棚户区改造安置房改造工程。新建建筑面积23600㎡，新增住房440套。', '（2）丰源县丰林街道棚户区改造安置房改扩建工程。新建建筑面积11100㎡，新增住房740套。']);
  });

  it('closes a number split by a change of font where two lines of a box item meet (新增工位 / 4 70个。), seed 264', () => {
    const model = readText(['                    专栏4 劳有所得重点工程', '1.凤坡县安源乡就业服务   中心新建工程。新建建筑面积24200㎡，新增工位', '4 70个。', '2.凤坡县翠塘街道技能实训基地新建工程。新建建筑面积29000㎡，新增工位690个。', '', '        第五章 促进更加充分更高质量就业'].join('\n'));
    expect(boxItems(model)[0]).toBe('1.凤坡县安源乡就业服务中心新建工程。新建建筑面积24200㎡，新增工位470个。');
  });

  it('puts a line that stops on a number, printed far in under the short end of its sentence (张。), before that end; closes a space between two Chinese characters', () => {
    const model = readText(['                   专栏6 老有所养重点工程', '1.和坡县柏山镇就业服务中心改造工程。新建 建筑面积1100㎡，新增工位710个。', '2.和坡县银河街道养老服务中心改造工程。', '张。', '                     新建建筑面积9700㎡，新增床位340', '', '', '               第七章 完善住房保障体系'].join('\n'));
    expect(boxItems(model)).toEqual(['1.和坡县柏山镇就业服务中心改造工程。新建建筑面积1100㎡，新增工位710个。', '2.和坡县银河街道养老服务中心改造工程。新建建筑面积9700㎡，新增床位340张。']);
  });

  it.each([
    [['1.石桥', '个。', '    县云川乡职业教育中心改扩建工程。新建建筑面积8900㎡，新增学位100'], '1.石桥县云川乡职业教育中心改扩建工程。新建建筑面积8900㎡，新增学位100个。'],
    [['（2）兰桥县和坡街道养老服务中心建设项目。', '位260张。', '                                新建建筑面积21200㎡，新增床'], '（2）兰桥县和坡街道养老服务中心建设项目。新建建筑面积21200㎡，新增床位260张。'],
    [['（1）兰桥县兰河街', '60张。', '         道儿童福利院新建工程。新建建筑面积25300㎡，新增床位', '（2）兰桥县云湾乡残疾人康复中心改扩建工程。新建建筑面积6000㎡，新', '增床位680张。'], '（1）兰桥县兰河街道儿童福利院新建工程。新建建筑面积25300㎡，新增床位60张。'],
    // A word's last character alone, printed under the line that opens with its figure (建筑面 / 24500㎡… / 积).
    [['（1）翠岩县玉岩乡社区卫生服务中心改扩建工程。新建建筑面', '24500㎡，新增床位450张。', '                                          积', '', '（2）翠岩县翠桥乡社区卫生服务中心改扩建工程。新建', '㎡，新增床位20张。', '                                     建筑面积17700'], '（1）翠岩县玉岩乡社区卫生服务中心改扩建工程。新建建筑面积24500㎡，新增床位450张。'],
    // A run set in a smaller size on the line's end, printed under the next line (the end is no unit of the number before: 床位150张。).
    [['2、石河县杏河镇中医院住院楼新建工程。新建建筑面积11900', '床位150张。', '                                      ㎡，新增', '', '3、石河县金桥街道社区卫生服务中心新建工程。新建建筑面积27600㎡，新增床位670', '张。'], '2、石河县杏河镇中医院住院楼新建工程。新建建筑面积11900㎡，新增床位150张。'],
  ])('puts a line set in under the short end of its item back above that end: %j', (lines, item) => {
    const model = readText(['                    专栏6 重点工程', ...lines, '', '        第四章 促进更加充分更高质量就业'].join('\n'));
    expect(boxItems(model)[0]).toEqual(item);
  });

  it('keeps a line set in that carries on an item\'s cut number and stops inside its sentence in that item, not the next (1970 / 个。 / 0㎡，新增学位400)', () => {
    const lines = ['1.兰溪县竹溪镇初级中学建设项目。新建建筑面积1970', '个。', '                            0㎡，新增学位400', '', '2.兰溪县太桥乡职业教育中心建设项目。新建建筑面积2', '760个。'];
    const model = readText(['                    专栏2 学有所教重点工程', ...lines, '                  第三章 织牢公共卫生防护网'].join('\n'));
    expect(boxItems(model)[0]).toEqual('1.兰溪县竹溪镇初级中学建设项目。新建建筑面积19700㎡，新增学位400个。');
  });

  it('gives the next item a line set in above its number when the item before ends as a figure and its unit (150 / 套。)', () => {
    const lines = ['3.金湾县龙湾街道棚户区改造安置房建设项目。新建建筑面积25800㎡，新增住房150', '套。', '     乡保障性租赁住房新建工程。新建建筑面积9900㎡，新增', '4.金湾县金峰', '住房720套。'];
    const model = readText(['                    专栏2 住有所居重点工程', ...lines, '                  第三章 织牢公共卫生防护网'].join('\n'));
    expect(boxItems(model)).toEqual(['3.金湾县龙湾街道棚户区改造安置房建设项目。新建建筑面积25800㎡，新增住房150套。', '4.金湾县金峰乡保障性租赁住房新建工程。新建建筑面积9900㎡，新增住房720套。']);
  });

  it('puts a line set in by a few places under the short end of its item (780套。) back above that end', () => {
    const model = readText(['                     专栏5 住有所居重点工程', '1.桃桥县凤溪', '780套。', '       镇棚户区改造安置房新建工程。新建建筑面积29800㎡，新增住房', '2.桃桥县太泉镇保障性租赁住房建设项目。新建建筑面积16500㎡，新增住房80套。', '', '          附表1 桃桥县“十四五”公共服务规划重点建设项目清单'].join('\n'));
    expect(boxItems(model)).toEqual(['1.桃桥县凤溪镇棚户区改造安置房新建工程。新建建筑面积29800㎡，新增住房780套。', '2.桃桥县太泉镇保障性租赁住房建设项目。新建建筑面积16500㎡，新增住房80套。']);
  });

  it('puts a department\'s second line printed beside the name, above its first, after the first', () => {
    const model = readText(
      [
        '附表 某县“十四五”公共服务规划重点项目清单',
        ' 序    项目名称   责任部门 建设 建设   建设内容及规模     建设起止 投资估算',
        ' 号                性质 地址                 年限 （万元）',
        '10 云坝县梅湾乡中心卫生',
        '   院新建工程',
        '              县卫生健 新建 梅湾 新建建筑面积19400㎡， 2021- 29200',
        '              康委      乡 新增床位90张。       2023',
        '11 云坝县和岩镇社区卫生',
        '   服务中心建设项目 康委',
        '              县卫生健 新建 和岩 新建建筑面积5000㎡，新 2023- 27300',
        '                      镇 增床位280张。       2023',
      ].join('\n'),
    );
    const rows = tables(model)[0]!.slice(1);
    expect(rows.map((row) => row[2])).toEqual(['县卫生健康委', '县卫生健康委']);
    expect(rows[1]).toEqual(['11', '云坝县和岩镇社区卫生服务中心建设项目', '县卫生健康委', '新建', '和岩镇', '新建建筑面积5000㎡，新增床位280张。', '2023-2023', '27300']);
  });
});

describe('pdftotext -raw: prose whose lines mix font sizes', () => {
  it('joins lines that end inside a sentence near the widest when no one margin holds, and a mark cut off onto a line of its own', () => {
    const model = readText(readFileSync(join(FIXTURES, 'loose.raw.txt'), 'utf8'));
    expect(paragraphs(model)).toContain('“十三五”期间，全县建成便民服务站5个，分别位于龙林镇、梅坪街道、青田镇、金岭街道。公共服务设施网络逐步完善，服务能力不断增强。');
    expect(paragraphs(model)).toContain('到2025年，基本公共服务体系更加健全，规划重点项目总投资22.21亿元（详见附表1、附表2）。');
    expect(paragraphs(model)).not.toContain('。');
  });

  it('keeps a text of one paragraph a line as it is, its short lines unjoined', () => {
    const lines = ['某县规划', ...Array.from({ length: 8 }, (_, at) => `第${at + 1}段：围绕幼有所育，补齐设施短板，优化资源布局，提升服务质量和水平。`), '附：', '说明'];
    expect(paragraphs(readText(lines.join('\n')))).toHaveLength(lines.length);
  });
});

describe('a table over pages in three layouts (text as converters leave it)', () => {
  const HEADER = ['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算（万元）'];
  const row = (serial: number, name: string, amount: number): string[] => [String(serial), name, '县民政局', '新建', '宁坝街道', '新建建筑面积5200㎡，新增床位230张。', '2021-2021', String(amount)];

  it('a header cut by a page break and printed whole with tabs on the next page, then rows one cell a line with a serial skipped', () => {
    const model = readText(
      [
        '某县规划',
        '附表2  某县“十四五”公共服务规划重点民生工程项目清单',
        ...HEADER.slice(0, 5),
        '',
        '— 6 —',
        '',
        HEADER.join('\t'),
        ...HEADER.slice(5),
        '合计\t47700',
        '一、老有所养\t47700',
        ...row(1, '某县宁坝街道敬老院新建工程', 23900),
        ...row(3, '某县梅岩镇养老服务中心建设项目', 23800),
        '',
      ].join('\n'),
    );
    expect(tables(model)).toEqual([[HEADER, ['合计', '47700'], ['一、老有所养', '47700'], row(1, '某县宁坝街道敬老院新建工程', 23900), row(3, '某县梅岩镇养老服务中心建设项目', 23800)]]);
  });

  it('columns by spaces, then the header printed with tabs on the next page and rows by tabs', () => {
    const model = readText(
      [
        '某县规划',
        '附表  某县“十四五”公共服务规划重点项目清单',
        '序号          项目名称                  责任部门      建设性质  建设地址  建设内容及规模            建设起止年限  投资估算（万元）',
        '18            云泉县龙田乡图书馆新建工  县文化旅游委  新建      龙田乡    新建建筑面积22400㎡，新   2023-2023     22800',
        '              程                                                          增座位400个。',
        '',
        '— 5 —',
        '',
        HEADER.join('\t'),
        '19\t云泉县翠桥镇图书馆新建工程\t县文化旅游委\t新建\t翠桥镇\t新建建筑面积18900㎡，新增座位150个。\t2022-2026\t10900',
        '',
      ].join('\n'),
    );
    const [table] = tables(model);
    expect(table?.slice(1).map((cells) => [cells[0], cells[1], cells.at(-1)])).toEqual([
      ['18', '云泉县龙田乡图书馆新建工程', '22800'],
      ['19', '云泉县翠桥镇图书馆新建工程', '10900'],
    ]);
  });

  it('does not take two rows alike at two page breaks of several for a running footer', () => {
    const page = (mark: number, last: string): string[] => ['2', '某县某乡小学建设项目', '县教委', '新建', '某乡', '新建建筑面积2000㎡。', '2021-', last, '某县“十四五”公共服务规划', `— ${mark} —`];
    const text = ['某县规划', ...[1, 2, 3, 4, 5].flatMap((mark) => page(mark, mark === 2 || mark === 4 ? '2023 17400' : `202${mark} ${mark}000`)), ''].join('\n');
    const dropped = readText(text).dropped.map((entry) => entry.text);
    expect(dropped).toContain('某县“十四五”公共服务规划');
    expect(dropped).not.toContain('2023 17400');
  });
});

describe('a sentence cut before its list of appendices is no appendix heading', () => {
  it.each(['附表1、附表2）', '附表1、附表2）。', '附表1 附表2）'])('%s', (line) => {
    expect(headingOf(line)).toBeUndefined();
    expect(printedHeadingOf(line, { form: 'text', line: 1 })).toBeUndefined();
  });

  it('while 附表1 with its title still is one', () => {
    expect(headingOf('附表1 某县重点项目表')).toMatchObject({ kind: 'appendix', number: '附表1' });
    expect(printedHeadingOf('附表1 某县重点项目表', { form: 'text', line: 1 })).toMatchObject({ number: '附表1' });
  });
});

describe('pdftotext -layout: a header line set off its column', () => {
  it('joins a piece of the lower header line to the nearest piece above when it stands under none', () => {
    const model = readText(
      [
        '某县规划',
        '           附表 竹桥县“十四五”公共服务规划重点项目清单',
        ' 序    项目名称   责任部门 建设 建设   建设内容及规模 建设起止        投资估算',
        ' 号                性质 地址                 年限 （万元）',
        '合计                                          8800',
        '一、住有所居                                      8800',
        '1 竹桥县云田镇棚户区改',
        '   造安置房改造工程',
        '             县住房城 改建 云田 新建建筑面积24000㎡， 2021- 8800',
        '             乡建委     镇 新增住房490套。      2021',
        '',
      ].join('\n'),
    );
    const [table] = tables(model);
    expect(table?.[0]?.slice(5)).toEqual(['建设内容及规模', '建设起止年限', expect.stringMatching(/^(投资估算（万元）|（万元）投资估算)$/u)]);
    expect(table?.[3]).toEqual(['1', '竹桥县云田镇棚户区改造安置房改造工程', '县住房城乡建委', '改建', '云田镇', '新建建筑面积24000㎡，新增住房490套。', '2021-2021', '8800']);
  });
});

describe('more of what a page break and a font change do to a plan', () => {
  it('one cell a line, then columns by spaces, then the header with tabs: a row cut there goes on by its own columns', () => {
    const model = readText(
      [
        '某县规划',
        '附表  玉河县“十四五”公共服务规划重点项目清单',
        ...['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算（万元）'],
        '合计',
        '5300',
        '',
        '— 4 —',
        '',
        '序号          项目名称                  责任部门        建设性质  建设地址  建设内容及规模            建设起止年限  投资估算（万元）',
        '15            玉河县玉湾镇保障性租赁住  县住房城乡建委  新建      玉湾镇    新建建筑面积10800㎡，新   2022-2025     5300',
        '',
        '— 5 —',
        '',
        '序号\t项目名称\t责任部门\t建设性质\t建设地址\t建设内容及规模\t建设起止年限\t投资估算（万元）',
        '              房新建工程                                                    增住房510套。',
        '',
      ].join('\n'),
    );
    const [table] = tables(model);
    expect(table?.at(-1)).toEqual(['15', '玉河县玉湾镇保障性租赁住房新建工程', '县住房城乡建委', '新建', '玉湾镇', '新建建筑面积10800㎡，新增住房510套。', '2022-2025', '5300']);
  });

  it('gives a line printed far in above a box item the item whose number it carries on', () => {
    const model = readText(
      [
        '某县规划',
        '                      专栏6 住有所居重点工程',
        '1.玉河县凤河街道公共租赁住房建设项   目。新建建筑面积29500㎡，新增住房770',
        '套。',
        '                      600㎡，新增住房490套。',
        '2.玉河县柏河乡保障性租赁住房改造工程。新建建筑面积27',
        '3.玉河县玉湾镇保障性租赁住房新建工程。新建建筑面积10800㎡，新增住房',
        '510套。',
        '',
      ].join('\n'),
    );
    expect(paragraphs(model).slice(1)).toEqual([
      '1.玉河县凤河街道公共租赁住房建设项目。新建建筑面积29500㎡，新增住房770套。',
      '2.玉河县柏河乡保障性租赁住房改造工程。新建建筑面积27600㎡，新增住房490套。',
      '3.玉河县玉湾镇保障性租赁住房新建工程。新建建筑面积10800㎡，新增住房510套。',
    ]);
  });
});

describe('pdftotext: an indicator table whose categories are merged down a first column, and rows set beside the middle of tall rows', () => {
  it.each([
    {
      name: "shares a category's glued serials (12) out among the names and the figures under it, an attribute printed lower completing its row",
      lines: [
        '                      专栏1 主要指标',
        ' 类别 序号         指标        单位 2020年 2025年 指标属性',
        '幼有所育 12 每千人口拥有3岁以下婴幼儿托位数',
        '        普惠性托位占比',
        '                         个 1.28 1.67 约束性',
        '                         % 38 44 约束性',
        '',
        '劳有所得 34 城镇登记就业人数',
        '        技能人才占从业人员比例',
        '                         万人 3.37 4',
        '                         % 15.6 18.6 约束性',
        '                                        预期性',
        '',
        '            第二章 提升婴幼儿照护服务水平',
      ],
      rows: [
        ['幼有所育', '1', '每千人口拥有3岁以下婴幼儿托位数', '个', '1.28', '1.67', '约束性'],
        ['', '2', '普惠性托位占比', '%', '38', '44', '约束性'],
        ['劳有所得', '3', '城镇登记就业人数', '万人', '3.37', '4', '预期性'],
        ['', '4', '技能人才占从业人员比例', '%', '15.6', '18.6', '约束性'],
      ],
    },
    {
      name: 'takes the cells of a category printed a column at a time (units and bases, then targets, then attributes) by where they stand',
      lines: [
        '                     专栏一 主要指标',
        ' 类别 序号        指标名称       单位 2020年基期值 2025年目标值 属性',
        '文体服务 12 人均体育场地面积',
        '        公共图书馆人均藏书量',
        '                         ㎡ 2',
        '                         册 0.74',
        '                                     2.26',
        '                                     0.92',
        '                                              预期性',
        '                                              约束性',
        '住有所居 34 城镇住房保障受益覆盖率',
        '        棚户区改造户数',
        '                         % 25.4',
        '                         户 2727',
        '                                     29.1',
        '                                     2996',
        '                                              约束性',
        '                                              约束性',
        '',
        '            第二章 丰富公共文化体育服务',
      ],
      rows: [
        ['文体服务', '1', '人均体育场地面积', '㎡', '2', '2.26', '预期性'],
        ['', '2', '公共图书馆人均藏书量', '册', '0.74', '0.92', '约束性'],
        ['住有所居', '3', '城镇住房保障受益覆盖率', '%', '25.4', '29.1', '约束性'],
        ['', '4', '棚户区改造户数', '户', '2727', '2996', '约束性'],
      ],
    },
    {
      name: "takes the cells of a category by what each is when a long name pushed a row's unit and base to the right",
      lines: [
        '                      专栏1 主要指标',
        ' 类别 序号      指标名称      单位 2020年基期值 2025年目标值 属性',
        '老有所养 12 养老机构护理型床位占比   % 44',
        '        每千名老年人拥有养老床位数 张 26.1',
        '                                  48',
        '                                  28.5',
        '                                           预期性',
        '                                           约束性',
        '',
        '         第二章 建设优质均衡的公共教育体系',
      ],
      rows: [
        ['老有所养', '1', '养老机构护理型床位占比', '%', '44', '48', '预期性'],
        ['', '2', '每千名老年人拥有养老床位数', '张', '26.1', '28.5', '约束性'],
      ],
    },
    {
      name: "pairs a category's first name with the cells on its line, the attribute printed under the next row completing it",
      lines: [
        '                      专栏1 主要指标',
        ' 类别 序号       指标       单位 2020年 2025年 指标属性',
        '文体服务 12 人均体育场地面积',
        '        公共图书馆人均藏书量',
        '                      ㎡ 2.2 2.58 预期性',
        '                      册 0.75 0.84 预期性',
        '老有所养 34 养老机构护理型床位占比   % 38 41',
        '        每千名老年人拥有养老床位数 张 28.3 31.3 预期性',
        '                                     预期性',
        '',
        '         第二章 丰富公共文化体育服务',
      ],
      rows: [
        ['文体服务', '1', '人均体育场地面积', '㎡', '2.2', '2.58', '预期性'],
        ['', '2', '公共图书馆人均藏书量', '册', '0.75', '0.84', '预期性'],
        ['老有所养', '3', '养老机构护理型床位占比', '%', '38', '41', '预期性'],
        ['', '4', '每千名老年人拥有养老床位数', '张', '28.3', '31.3', '预期性'],
      ],
    },
  ])('-layout: $name', ({ lines, rows }) => {
    expect(tables(readText(lines.join('\n')))[0]!.slice(1)).toEqual(rows);
  });

  it('-layout: gives the next row a line that opens another name under a row whose name has ended (…新建工程)', () => {
    const [table] = tables(readText(readFileSync(join(FIXTURES, 'next-name.layout.txt'), 'utf8'))).filter((rows) => rows[0]![1] === '项目名称');
    expect(table!.find((cells) => cells[0] === '4')?.slice(1, 3)).toEqual(['凤溪县龙川街道中心卫生院新建工程', '县卫生健康委']);
    expect(table!.find((cells) => cells[0] === '5')?.slice(1, 6)).toEqual(['凤溪县石坡镇中医院住院楼改扩建工程', '县卫生健康委', '改扩建', '新建建筑面积1800㎡，新增床位490张。', '2021-2023']);
  });

  it('-layout: gives the next row a line under a row whose cell there has ended (县住房 / 城乡建 / 委, then 县住房 again)', () => {
    const [table] = tables(readText(readFileSync(join(FIXTURES, 'ended-cell.layout.txt'), 'utf8'))).filter((rows) => rows[0]![1] === '项目名称');
    expect(['17', '18', '20', '21'].map((serial) => table!.find((cells) => cells[0] === serial)?.[2])).toEqual(['县住房城乡建委', '县住房城乡建委', '县住房城乡建委', '县住房城乡建委']);
  });

  it('-layout: keeps a department cut where a department may end (县人力社 / 保局) in its row', () => {
    const [table] = tables(readText(readFileSync(join(FIXTURES, 'cut-department.layout.txt'), 'utf8'))).filter((rows) => rows[0]![1] === '项目名称');
    expect(['5', '6', '8'].map((serial) => table!.find((cells) => cells[0] === serial)?.at(-1))).toEqual(['县人力社保局', '县人力社保局', '县人力社保局']);
  });

  it('-layout: reads none of a category whose names and figures do not pair up, rather than pair them wrong', () => {
    const model = readText(
      [
        '                      专栏1 主要指标',
        ' 类别 序号         指标        单位 2020年 2025年 指标属性',
        '幼有所育 12 每千人口拥有3岁以下婴幼儿托位数',
        '                         个 1.28 1.67 约束性',
        '                         % 38 44 约束性',
        '',
      ].join('\n'),
    );
    expect(tables(model).some((rows) => rows[0]![0] === '类别')).toBe(false);
  });

  it('-layout: gives a row the lines printed above its serial (after a part row, after the header printed again) and a remark begun under the row before', () => {
    const [table] = tables(readText(readFileSync(join(FIXTURES, 'centred.layout.txt'), 'utf8'))).filter((rows) => rows[0]![1] === '项目名称');
    const row = (serial: string): string[] | undefined => table!.find((cells) => cells[0] === serial);
    expect(row('1')).toEqual(['1', '凤溪县丰河街道棚户区改造安置房改造工程', '县住房城乡建委', '改建', '新建建筑面积8000㎡，新增住房260套。', '2024-2025', '11700', '']);
    expect(row('2')).toEqual(['2', '凤溪县桃坪街道保障性租赁住房改扩建工程', '县住房城乡建委', '改扩建', '新建建筑面积9600㎡，新增住房270套。', '2022-2022', '18300', '']);
    expect(row('3')).toEqual(['3', '凤溪县兰坝镇社区卫生服务中心改扩建工程', '县卫生健康委', '改扩建', '新建建筑面积5900㎡，新增床位30张。', '2024-2025', '15400', '争取中央预算内资金']);
    expect(row('4')?.[7]).toBe('');
    expect(row('5')?.[7]).toBe('争取中央预算内资金');
    expect(table!.filter((cells) => /^\d+$/u.test(cells[0]!)).map((cells) => cells[0])).toEqual(Array.from({ length: 13 }, (_, at) => String(at + 1)));
    expect(table!.filter((cells) => /^\d+$/u.test(cells[0]!)).every((cells) => /^\d{4}-\d{4}$/u.test(cells[5]!) && /^\d+$/u.test(cells[6]!))).toBe(true);
  });

  it('-layout: gives a range\'s end year squeezed under the amount (2023- / 27800, then 2023) back to the range', () => {
    const [table] = tables(readText(readFileSync(join(FIXTURES, 'end-year.layout.txt'), 'utf8'))).filter((rows) => rows[0]![1] === '项目名称');
    expect(table!.find((cells) => cells[0] === '9')).toEqual(['9', '杏塘县龙山乡残疾人康复中心改扩建工程', '县民政局', '改扩建', '新建建筑面积17500㎡，新增床位510张。', '2023-2023', '27800', '']);
    expect(table!.filter((cells) => /^\d+$/u.test(cells[0]!)).every((cells) => /^\d{4}-\d{4}$/u.test(cells[5]!) && /^\d+$/u.test(cells[6]!))).toBe(true);
  });

  it('-raw: does not open a cell with ㎡ cut from its number (新建建筑面积12900 / ㎡，新增床位690张。)', () => {
    const [table] = tables(readText(readFileSync(join(FIXTURES, 'unit-split.raw.txt'), 'utf8'))).filter((rows) => rows[0]![1] === '项目名称');
    expect(table!.find((cells) => cells[0] === '4')).toEqual(['4', '凤溪县龙川街道中心卫生院新建工程', '县卫生健康委', '新建', '新建建筑面积12900㎡，新增床位690张。', '2022-2022', '22300', '']);
    expect(table!.filter((cells) => /^\d+$/u.test(cells[0]!)).every((cells) => /^\d{4}-\d{4}$/u.test(cells[5]!) && /^\d+$/u.test(cells[6]!))).toBe(true);
  });

  it('-layout: leaves unread a table whose header cells run together (the rows\' columns were not found), rather than put its figures in the wrong cells', () => {
    const model = readText(readFileSync(join(FIXTURES, 'glued-header.layout.txt'), 'utf8'));
    const projectRows = tables(model).flat().filter((cells) => /^\d+$/u.test(cells[0]!));
    // No row of it is read with an amount in a column that is not the amount's.
    expect(projectRows.filter((cells) => cells.some((cell) => /\d{4}-/u.test(cell) && !/^\d{4}-\d{4}$/u.test(cell)))).toEqual([]);
  });
});

// merged-category.raw.txt and .layout.txt, category-at-break.raw.txt, header-furniture.raw.txt and
// centred-total.layout.txt are the whole -raw or -layout output of composed plans whose table
// cells are centred paragraphs, as a word processor's often are (composePlan seeds 1, 3, 6 and 4,
// one table for odd seeds and two for even, rendered by toHtml with `paragraphCells`, printed by
// Chromium): a paragraph's margins make the rows taller, so a category merged down its rows and a
// part or a total centred in its merged cell stand apart from the rows' lines.
describe('pdftotext: table cells set as centred paragraphs', () => {
  const indicatorTable = (file: string): string[][] => tables(readText(readFileSync(join(FIXTURES, file), 'utf8'))).find((rows) => rows[0]!.some((cell) => cell.includes('指标')))!;
  const merged = [
    ['类别', '序号', '指标', '单位', '2020年', '2025年', '指标属性'],
    ['病有所医', '1', '每千人口医疗卫生机构床位数', '张', '6.93', '7.24', '约束性'],
    ['', '2', '每千人口执业（助理）医师数', '人', '1.65', '1.93', '约束性'],
    ['文体服务', '3', '人均体育场地面积', '㎡', '2.02', '2.24', '约束性'],
    ['', '4', '公共图书馆人均藏书量', '册', '0.59', '0.72', '约束性'],
    ['劳有所得', '5', '城镇登记就业人数', '万人', '2.86', '3.65', '预期性'],
    ['', '6', '技能人才占从业人员比例', '%', '16.6', '19.5', '预期性'],
  ];

  it('-raw: a category merged down its rows, printed on a line of its own before them, opens its first row', () => {
    expect(indicatorTable('merged-category.raw.txt')).toEqual(merged);
  });

  it('-layout: a category printed on a line of its own at the middle of its rows takes the rows around it', () => {
    expect(indicatorTable('merged-category.layout.txt')).toEqual(merged);
  });

  it('-layout: a category on its middle row\'s line or between two rows takes the rows its middle is nearest', () => {
    const text = [
      '专栏1 主要指标',
      '类别 序号 指标 单位 2020年 2025年 指标属性',
      '     1 甲类床位数 张 1 2 约束性',
      '病有所医 2 乙类医师数 人 1 2 约束性',
      '     3 丙类护士数 人 1 2 约束性',
      '文体服务 4 丁类场地面积 ㎡ 1 2 约束性',
      '     5 戊类藏书量 册 1 2 约束性',
      '劳有所得',
      '     6 己类就业人数 万人 1 2 预期性',
      '第二章 织牢公共卫生防护网',
    ].join('\n');
    const table = tables(readText(text))[0]!;
    expect(table.slice(1).map((row) => row.slice(0, 2))).toEqual([['病有所医', '1'], ['', '2'], ['', '3'], ['文体服务', '4'], ['劳有所得', '5'], ['', '6']]);
  });

  it('-raw: reads on past a category row at a page\'s foot and the header printed again on the next page', () => {
    const table = indicatorTable('category-at-break.raw.txt');
    expect(table.filter((row) => /^\d+$/u.test(row[0]!)).map((row) => row[0])).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(table.at(-1)).toEqual(['6', '普惠性托位占比', '%', '35', '45', '约束性']);
    expect(table.filter((row) => row[0] === '序号')).toHaveLength(1);
  });

  it('-raw: drops the header printed again when the page\'s furniture took its middle line, not joining its first line to the row before', () => {
    const [table] = tables(readText(readFileSync(join(FIXTURES, 'header-furniture.raw.txt'), 'utf8'))).filter((rows) => rows[0]![1] === '项目名称');
    expect(table!.find((row) => row[0] === '1')).toEqual(['1', '云溪县银田街道全民健身中心建设项目', '新建建筑面积28500㎡，新增座位230个。', '2024-2025', '25700', '县文化旅游委']);
    expect(table!.filter((row) => /^\d+$/u.test(row[0]!)).every((row) => /[委局]$/u.test(row[5]!))).toBe(true);
  });

  it('-layout: reads parts and totals centred in their merged cells, each with its amount, and the audit finds what was planted and nothing else', async () => {
    const { target } = await draft(join(FIXTURES, 'centred-total.layout.txt'));
    type Table = { total?: string | number; sections: { subtotal?: string | number; projects: unknown[] }[] };
    const projects = parse(readFileSync(join(target, 'projects.yaml'), 'utf8')) as Table & { tables?: Table[] };
    const drafted = projects.tables ?? [projects];
    expect(drafted.flatMap((table) => table.sections)).toHaveLength(5);
    expect(drafted.every((table) => table.total !== undefined)).toBe(true);
    expect(drafted.flatMap((table) => table.sections).every((section) => section.subtotal !== undefined && section.projects.length > 0)).toBe(true);
    // The plan's planted contradictions (composePlan(4).planted), each found once.
    expect(await alarms(target)).toEqual(['appendix-sums/subtotal-mismatch', 'appendix-sums/total-mismatch', 'fact-agreement/disagree', 'numbering/gap', 'outside-plan-period/ends-after']);
  });
});

// name-breaks.raw.txt and name-breaks-gap.raw.txt are the whole -raw output of composed plans
// (composePlan seeds 9 and 11, two tables each, rendered by toHtml with `nameBreaks`, printed by
// Chromium) whose project names are broken by hand before their ending (…养老服务中心<br>新建工程):
// the name's cell is the tallest of its row, and the serial, centred in its cell, stands on a line
// of its own before the name's lines. Seed 11 skips a serial (a planted numbering gap).
describe('pdftotext: a name broken by hand, the serial on a line of its own or beside the name\'s middle', () => {
  it.each([
    ['name-breaks', 12, ['appendix-sums/subtotal-mismatch', 'declared-sums/tables-mismatch', 'fact-agreement/disagree']],
    ['name-breaks-gap', 23, ['declared-counts/count-mismatch', 'declared-sums/tables-mismatch', 'numbering/gap', 'outside-plan-period/ends-after']],
  ])('%s: every row opens at its serial, the name runs on to its ending, and the audit finds what was planted and nothing else', async (name, count, planted) => {
    const { target } = await draft(join(FIXTURES, `${name}.raw.txt`));
    type Table = { sections: { subtotal?: string | number; projects: { name: string; content: string; departments?: string[] }[] }[] };
    const projects = (parse(readFileSync(join(target, 'projects.yaml'), 'utf8')) as { tables: Table[] }).tables.flatMap((table) => table.sections.flatMap((section) => section.projects));
    expect(projects).toHaveLength(count);
    expect(projects.every((project) => /(工程|项目)$/u.test(project.name) && /^新建建筑面积/u.test(project.content))).toBe(true);
    expect(await alarms(target)).toEqual(planted);
  });

  // name-breaks.layout.txt: the -layout output of the same seed 9. The serial stands beside the
  // name's middle line; the name's first line, with the first lines of the content and the years,
  // is printed above it, after the last row's name ended (…改扩建工程).
  it('-layout: takes the lines above a serial for its row, after a row whose name has ended', async () => {
    const { target } = await draft(join(FIXTURES, 'name-breaks.layout.txt'));
    type Table = { sections: { projects: { name: string; content: string }[] }[] };
    const projects = (parse(readFileSync(join(target, 'projects.yaml'), 'utf8')) as { tables: Table[] }).tables.flatMap((table) => table.sections.flatMap((section) => section.projects));
    expect(projects).toHaveLength(12);
    expect(projects.every((project) => /(工程|项目)$/u.test(project.name) && /^新建建筑面积\d+㎡，新增.+[。]$/u.test(project.content))).toBe(true);
    expect(await alarms(target)).toEqual(['appendix-sums/subtotal-mismatch', 'declared-sums/tables-mismatch', 'fact-agreement/disagree']);
  });
});

// header-breaks.raw.txt is the whole -raw output of a composed plan (composePlan seed 18, one
// table, rendered by toHtml with `headerBreaks`, printed by Chromium) whose header cells are
// broken by hand after their second character (项目 / 名称, 建设 / 起止年限, 投资 / 估算（万元）):
// eighteen lines of header, one piece a line.
describe('pdftotext -raw: a header broken by hand in every cell', () => {
  it('joins the pieces into the cells they name, not parting 起止年 / 限 or 投资 / 估算, and drafts the plan', async () => {
    const [table] = tables(readText(readFileSync(join(FIXTURES, 'header-breaks.raw.txt'), 'utf8'))).filter((rows) => rows[0]![0] === '序号' && rows[0]!.length > 6);
    expect(table![0]).toEqual(['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算（万元）']);
    const indicators = tables(readText(readFileSync(join(FIXTURES, 'header-breaks.raw.txt'), 'utf8'))).find((rows) => rows[0]!.includes('单位'));
    expect(indicators![0]).toEqual(['序号', '指标', '单位', '2020年', '2025年', '指标属性']);
    const { target } = await draft(join(FIXTURES, 'header-breaks.raw.txt'));
    expect(await alarms(target)).toEqual(['appendix-sums/subtotal-mismatch', 'declared-counts/count-mismatch', 'declared-sums/tables-mismatch', 'outside-plan-period/ends-after']);
  });

  // header-breaks.layout.txt: the -layout output of seed 17 (two tables) printed so; pdftotext
  // prints 总投 / 资（万元） out of order, 资（万总投 over 元）.
  it('-layout: takes a header cell whose characters pdftotext printed out of order (资（万总投元）) for the investment, and drafts both tables', async () => {
    const { target } = await draft(join(FIXTURES, 'header-breaks.layout.txt'));
    const projects = parse(readFileSync(join(target, 'projects.yaml'), 'utf8')) as { tables: { sections: { projects: { investment: number | string }[] }[] }[] };
    expect(projects.tables).toHaveLength(2);
    expect(projects.tables.flatMap((table) => table.sections.flatMap((section) => section.projects)).every((project) => Number(project.investment) > 0)).toBe(true);
    expect(await alarms(target)).toEqual(['appendix-sums/subtotal-mismatch', 'appendix-sums/total-mismatch', 'declared-counts/count-mismatch', 'declared-sums/tables-mismatch', 'numbering/gap']);
  });
});

describe('pdftotext -layout: the serial’s line printed with the next line’s pieces (seed 301 of long contents)', () => {
  const rowsOf = (): string[][] => tables(readText(readFileSync(join(FIXTURES, 'serial-line-swapped.layout.txt'), 'utf8')))[0]?.filter((row) => /^\d+$/u.test(row[0]!)) ?? [];

  it('puts back the lines of each column a nature or a department shows printed the other way round (中心改造工 / 乡养老服务, 政局 / 县民, 建 / 改)', () => {
    const rows = rowsOf();
    expect(rows.find((row) => row[0] === '1')?.slice(1, 4)).toEqual(['宁溪县凤林乡养老服务中心改造工程', '县民政局', '改建']);
    expect(rows.find((row) => row[0] === '4')?.slice(1, 4)).toEqual(['宁溪县宁桥街道救助管理站新建工程', '县民政局', '新建']);
  });

  it('leaves the lines of a row as printed when no column shows them out of order', () => {
    expect(rowsOf().find((row) => row[0] === '2')?.slice(1, 4)).toEqual(['宁溪县兰山镇残疾人康复中心建设项目', '县民政局', '新建']);
  });

  it('takes an amount printed under 备注 for the amount, and a year printed under the amount for the years’ end (2024- / 2024 / 24400)', () => {
    const rows = rowsOf();
    expect(rows.find((row) => row[0] === '1')?.slice(5)).toEqual(['2023-2023', '5700', '']);
    expect(rows.find((row) => row[0] === '7')?.slice(5)).toEqual(['2024-2024', '24400', '']);
    // A remark in words stays a remark.
    expect(rows.find((row) => row[0] === '3')?.slice(5)).toEqual(['2022-2026', '4500', '争取中央预算内资金']);
  });
});

describe('pdftotext -layout: cells right of a long content, each line set by its own scale', () => {
  const rowsOf = (file: string): string[][] => tables(readText(readFileSync(join(FIXTURES, file), 'utf8')))[0]?.filter((row) => /^\d+$/u.test(row[0]!)) ?? [];

  it('gives the years, the amount and the department by what they are, where a line stands them a column left (2021 under the content, 15200 under the years, 生健 under the amount), seed 305 of long contents', () => {
    const rows = rowsOf('typed-cells.layout.txt');
    expect(rows.map((row) => row.slice(3).join(' '))).toEqual([
      '2021-2021 15200 县卫生健康委',
      '2023-2024 23300 县卫生健康委',
      '2023-2023 24000 县卫生健康委',
      '2023-2023 16000 县卫生健康委',
      '2021-2022 17600 县卫生健康委',
      '2024-2025 9500 县卫生健康委',
      '2022-2025 24700 县住房城乡建委',
      '2022-2025 1900 县住房城乡建委',
      '2021-2024 2300 县住房城乡建委',
      '2024-2025 19200 县住房城乡建委',
      '2021-2025 23400 县住房城乡建委',
      '2024-2025 6400 县住房城乡建委',
    ]);
  });

  it('takes as many columns as a header names one a stack (序号 项目名称 主要建设内容 起止年限 计划总投资 责任单位), over a larger count the rows’ scattered cells show, seed 333 of long contents', () => {
    const [read] = tables(readText(readFileSync(join(FIXTURES, 'scattered-columns.layout.txt'), 'utf8')));
    expect(read?.[0]).toEqual(['序号', '项目名称', '主要建设内容', '起止年限', '计划总投资', '责任单位']);
    const rows = rowsOf('scattered-columns.layout.txt');
    expect(rows[0]?.slice(0, 2)).toEqual(['1', '桃田县龙林镇残疾人康复中心改扩建工程']);
    expect(rows.every((row) => /^[^。㎡]+$/u.test(row[1]!) && /㎡/u.test(row[2]!) && /^\d{4}-\d{4}$/u.test(row[3]!) && /^\d+$/u.test(row[4]!) && /^县/u.test(row[5]!))).toBe(true);
  });
});

describe('pdftotext -layout: a header’s names against the columns the rows show', () => {
  const read = (file: string): string[][] => tables(readText(readFileSync(join(FIXTURES, file), 'utf8')))[0] ?? [];
  const row = (rows: string[][], serial: string): string[] | undefined => rows.find((cells) => cells[0] === serial);

  it('stacks a name’s second line with the words it completes (责任 / 单位 beside 设 / 性, 建 / 设 / 性 / 质), and makes no column of a remark printed in two pieces (中央   预算), seed 304 of long contents', () => {
    const rows = read('header-phrases.layout.txt');
    expect(rows[0]).toEqual(['序号', '项目名称', '责任单位', '建设性质', '建设内容及规模', '建设年限', '总投资（万元）', '备注']);
    expect(row(rows, '1')).toEqual(['1', '桃河县石河街道中心卫生院改扩建工程', '县卫生健康委', '改扩建', '新建建筑面积12500㎡，新增床位500张。主要建设内容包括土建、装饰装修、给排水、电气、消防、绿化等配套设施。', '2023-2024', '27700', '争取中央预算内资金']);
    expect(row(rows, '9')?.slice(1, 4)).toEqual(['桃河县金山乡棚户区改造安置房改扩建工程', '县住房城乡建委', '改扩建']);
  });

  it('takes no more columns than the header names where rows show a range’s end and the amounts on a line of their own (2023- / 2023  6360  10600), seed 195', () => {
    const rows = read('end-year-own-line.layout.txt');
    expect(rows[0]).toHaveLength(9);
    expect(row(rows, '2')?.slice(-4)).toEqual(['2023-2023', '6360', '10600', '']);
    expect(row(rows, '6')?.slice(-4)).toEqual(['2021-2023', '8460', '14100', '']);
  });

  it('keeps the line of the header’s first characters over its 序 line (建 建设 投资估), though every page prints it again at its top, and parts rows whose names run eight lines tall where a name has ended and the next opens as names do (the bundled plan)', () => {
    const rows = read('tall-rows.layout.txt');
    expect(rows[0]).toEqual(['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算（万元）']);
    expect(row(rows, '1')).toEqual(['1', '重庆市巫山县妇幼保健院示范性托育服务中心（公立）', '县卫生健康委', '新建', '巫山县妇幼保健院', '项目占地面积3000㎡，建筑面积5000㎡，新增托位625个。', '2022-2023', '4000']);
    expect(row(rows, '2')).toEqual(['2', '巫山县高唐街道托育机构', '县卫生健康委', '新建', '高唐街道', '项目占地面积1000㎡，建筑面积2000㎡，新增托位约250个。', '2022-2023', '1300']);
    expect(row(rows, '5')?.slice(-2)).toEqual(['2021-2025', '42776']);
  });

  it('reads a header stacked over four lines (… / 建设起止 投资估 / 年限 算) before its rows, seed 35 of corpus B', () => {
    const rows = read('header-four-lines.layout.txt');
    expect(rows[0]).toEqual(['类别', '序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算']);
    expect(rows.find((cells) => cells[1] === '2' && cells[0] === '')?.slice(2)).toEqual(['竹川县桃峰镇小学改造工程', '县教委', '改建', '桃峰镇', '新建建筑面积28700㎡，新增学位50个。', '2021-2021', '15700']);
  });

  it('counts a header piece that names two columns printed without a space (建设内容及规模建设起止) as two, seed 30', () => {
    const rows = read('glued-header-names.layout.txt');
    expect(rows[0]).toEqual(['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算（万元）']);
    expect(row(rows, '1')).toEqual(['1', '松泉县银湾镇救助管理站改扩建工程', '县民政局', '改扩建', '银湾镇', '新建建筑面积26700㎡，新增床位300张。', '2021-2022', '18000']);
  });
});

describe('pdftotext -layout: a table whose sections stand in a 类别 column, over page breaks (seed 34 of corpus B)', () => {
  it('takes the reading of the rows over every page, not the one that ends at the first page break with fewer faults for fewer rows', () => {
    const [read] = tables(readText(readFileSync(join(FIXTURES, 'category-page-break.layout.txt'), 'utf8')));
    expect(read?.at(-1)?.slice(0, 3)).toEqual(['合计', '350480', '210288']);
    expect(read?.find((row) => row[1] === '10')).toEqual(['劳有所得', '10', '丰坡县龙坪镇技能实训基地建设项目', '县人力社保局', '新建', '龙坪镇', '新建建筑面积29100㎡，新增工位170个。', '2022-2025', '10500', '6300']);
  });

  it('drops the line a later page\'s header sets over its 类别 line (其中：“十四), not a line of the row under it, and gives （万元） under 其中 to 投资估算 beside it', () => {
    const [read] = tables(readText(readFileSync(join(FIXTURES, 'category-page-break.layout.txt'), 'utf8')));
    expect(read?.[0]?.slice(-2)).toEqual(['投资估算（万元）', '其中：“十四五”投资（万元）']);
    expect(read?.find((row) => row[1] === '2')?.slice(2, 6)).toEqual(['丰坡县柏岩乡中医院住院楼改扩建工程', '县卫生健康委', '改扩建', '柏岩乡']);
  });
});

describe('pdftotext -layout: a 类别 label beside a tall group, its pieces four lines apart (住有 / … / 所居), seed 65 of corpus B', () => {
  it('gives each group between two 小计 rows the label whose pieces stand beside it, joined, and none to the rows of the group before', () => {
    const [read] = tables(readText(readFileSync(join(FIXTURES, 'category-tall-label.layout.txt'), 'utf8')));
    expect(read?.slice(1).map((row) => row.slice(0, 2).join(' '))).toEqual(['学有所教 1', '小计 17500', '文体服务 1', ' 2', ' 3', ' 4', '小计 54500', '住有所居 1', ' 3', ' 4', '小计 33400', '合计 105400']);
  });
});

describe('pdftotext -layout: the last piece of a 类别 label on a line of its own, the next row\'s serial under 序号 (病有 / 所医 / 2 …), seed 56 of corpus B', () => {
  it('takes the piece for the label\'s, not for a line that ends the table, and reads the rows after it', () => {
    const [read] = tables(readText(readFileSync(join(FIXTURES, 'category-label-alone.layout.txt'), 'utf8')));
    expect(read?.map((row) => row.slice(0, 2).join(' '))).toEqual(['类别 序号', '合计 408700', '病有所医 1', ' 2', '小计 46300']);
    expect(read?.find((row) => row[1] === '2')?.slice(2)).toEqual(['松山县桃山乡中心卫生院改扩建工程', '新建建筑面积3100㎡，新增床位70张。', '2022-2024', '25200', '15120', '县卫生健康委']);
  });
});

describe('pdftotext -layout: a 类别 table whose later pages set their columns further right, and its unit under 备注 (seed 70 of corpus B)', () => {
  const read = (): string[][] => tables(readText(readFileSync(join(FIXTURES, 'category-page-shift.layout.txt'), 'utf8')))[0] ?? [];

  it('gives （万元）, set under 备注 on the header\'s second line, to the money\'s header beside it (总投资 / 备注 over 限 / （万元）)', () => {
    expect(read()[0]?.slice(-2)).toEqual(['总投资（万元）', '备注']);
  });

  it('reads the rows of a page whose header stands three places further right, their serials two places in (序号 at 3, the serials at 6), as any row', () => {
    const rows = read();
    expect(rows.filter((row) => /^\d{1,3}$/u.test(row[1] ?? '') && Number(row[1]) >= 6).map((row) => row[1])).toEqual(['6', '7', '8', '9', '10', '11', '13', '14', '15', '16', '17', '18', '19', '20']);
    expect(rows.find((row) => row[1] === '13')).toEqual(['四、学有所教', '13', '云河县翠山乡初级中学建设项目', '县教委', '新建', '新建建筑面积4300㎡，新增学位340个。', '2021-2023', '10700', '争取中央预算内资金']);
  });
});

describe('pdftotext -layout: a header over three lines, two names glued on its second (建设内容及规模建设年 / 限), seed 45 of corpus B', () => {
  it('cuts the glued piece where the second name opens as another header does, and keeps 项目名称 whole', () => {
    const [read] = tables(readText(readFileSync(join(FIXTURES, 'header-glued-second-line.layout.txt'), 'utf8')));
    expect(read?.[0]).toEqual(['类别', '序号', '项目名称', '责任单位', '建设性质', '建设内容及规模', '建设年限', '总投资（万元）', '备注']);
    expect(read?.find((row) => row[1] === '1')).toEqual(['住有所居', '1', '柏田县兰峰街道棚户区改造安置房新建工程', '县住房城乡建委', '新建', '新建建筑面积27400㎡，新增住房330套。', '2022-2025', '25100', '']);
  });
});

describe('pdftotext -layout: a header whose second line is set by a larger scale, its pieces right of the names they complete (止年限 of 建设起 under 其中：“十四), seed 24', () => {
  it('reads the second line where each piece completes a name of the top line, and the rows under the header so read', () => {
    const [read] = tables(readText(readFileSync(join(FIXTURES, 'header-lower-line-scaled.layout.txt'), 'utf8')));
    expect(read?.[0]).toEqual(['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算（万元）', '其中：“十四五”投资（万元）']);
    expect(read?.find((row) => row[0] === '1')?.slice(5)).toEqual(['新建建筑面积15800㎡，新增床位270张。', '2024-2025', '11700', '7020']);
  });
});

describe('pdftotext -layout: a later page\'s header with a line over it the first did not have (建 建 其中：“十), seed 319 of long contents', () => {
  it('drops that line with the header printed again, not into the last row of the page before (县卫生健建康委, 无其中：“十障碍)', () => {
    const { read, row } = firstTable('header-over-line-again.layout.txt');
    expect(row('1').slice(2, 5)).toEqual(['县卫生健康委', '改建', '安泉镇']);
    expect(row('1')[5]).toBe('新建建筑面积17300㎡，新增托位440个。同步实施室外工程、智能化系统和无障碍设施建设。');
    expect(row('9').slice(2, 5)).toEqual(['县人力社保局', '新建', '杏川乡']);
    expect(read.slice(1).flat().filter((cell) => cell.includes('其中'))).toEqual([]);
  });
});

describe('pdftotext -layout: a row whose name\'s lines are printed out of order, its last line 程 (兰坪县翠泉 / 中心改造工 / 乡养老服务 / 程), seed 308 of long contents', () => {
  it('takes the lines set in after it, above the next serial, for the next row\'s: the name has ended', () => {
    const { row } = firstTable('name-lines-swapped.layout.txt');
    expect(row('4').slice(1, 5)).toEqual(['兰坪县翠泉乡养老服务中心改造工程', '县民政局', '改建', '翠泉乡']);
    expect(row('5').slice(1)).toEqual(['兰坪县金川街道养老服务中心改扩建工程', '县民政局', '改扩建', '金川街道', '新建建筑面积9800㎡，新增床位280张。完善功能布局，优化服务流程，提升综合服务能力和水平。', '2022-2025', '27900']);
  });
});

describe('pdftotext -layout: names set centred on their serials a piece a line, the bundled plan printed by Chromium (附表, sections 一 and 二)', () => {
  it('gives the next row the pieces of its name printed after the row before\'s name ended (构 / 中心 / 乡镇 / 托幼 / 4 一体), and the cells beside them', () => {
    const { row } = firstTable('centred-names.layout.txt');
    expect(row('3').slice(1, 5)).toEqual(['巫山县龙门街道托育机构', '县卫生健康委', '新建', '龙门街道']);
    expect(row('4').slice(1)).toEqual(['中心乡镇托幼一体化建设项目', '县卫生健康委', '改建', '各乡镇', '在幼儿园的基础上新增托幼一体机构，收3岁以下愿意入托的婴幼儿，新增托位200个。', '2022-2024', '1100']);
  });
});

describe('pdftotext -layout: a header piece set right of the head whose word it completes (投资估 / 算, four places off), two names glued on the top line (建设内容及规模建设起止), seed 260', () => {
  it('gives 算 to 投资估 and then cuts the glued piece in two: a column each', () => {
    const { read, row } = firstTable('header-piece-set-right.layout.txt');
    expect(read[0]).toEqual(['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算']);
    expect(row('1').slice(1)).toEqual(['桃川县平坡镇托育服务中心改造工程', '县卫生健康委', '改建', '平坡镇', '新建建筑面积27200㎡，新增托位90个。', '2023-2023', '800']);
  });
});

describe('pdftotext -layout: a header whose 建设内容及规模 is set lower than the heads beside it, under 建设年 / 限 (附表2 of seed 49 of corpus B)', () => {
  it('keeps 建设内容及规模 a column of its own and gives 限 to 建设年', () => {
    const read = tables(readText(readFileSync(join(FIXTURES, 'header-name-set-lower.layout.txt'), 'utf8')))[1] ?? [];
    expect(read[0]).toEqual(['类别', '序号', '项目名称', '责任单位', '建设性质', '建设内容及规模', '建设年限', '总投资（万元）', '备注']);
    expect(read.find((row) => row[1] === '1')?.slice(5, 8)).toEqual(['新建建筑面积14300㎡，新增住房650套。', '2024-2024', '7200']);
  });
});

describe('pdftotext -layout: a header\'s second line drifting unevenly from the heads it completes (门 four places right of 责任部, 止年限 ten right of 建设起), seed 262', () => {
  it('gives each piece to a head in order, one a head, so that every column names one thing, and reads the rows under it', () => {
    const { read, row } = firstTable('header-lower-line-drifting.layout.txt');
    expect(read[0]?.slice(0, 7)).toEqual(['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限']);
    expect(read[0]?.slice(7).map((cell) => cell.replace(/（万元）/gu, ''))).toEqual(['“十四五”计划投资', '投资估算']);
    expect(row('1').slice(1)).toEqual(['青田县和溪镇中医院住院楼建设项目', '县卫生健康委', '新建', '和溪镇', '新建建筑面积19800㎡，新增床位290张。', '2023-2024', '16740', '27900']);
  });
});

describe('pdftotext -layout: two money columns, the whole and its share (其中：“十四五”投资)', () => {
  const rowsOf = (file: string): string[][] => tables(readText(readFileSync(join(FIXTURES, file), 'utf8')))[0]?.filter((row) => /^\d+$/u.test(row[0]!)) ?? [];

  it('gives the larger of a row’s two amounts to the whole and the other to its share, wherever a line stands them (8880 and 14800 a column right), seed 59', () => {
    const [read] = tables(readText(readFileSync(join(FIXTURES, 'share-and-whole.layout.txt'), 'utf8')));
    const header = read?.[0] ?? [];
    const share = header.findIndex((cell) => /十四五/u.test(cell));
    const whole = header.findIndex((cell) => /^总投资/u.test(cell));
    expect([share, whole].every((at) => at > 0)).toBe(true);
    const amounts = (serial: string): string[] => ((row) => [row?.[share] ?? '', row?.[whole] ?? ''])(read?.find((row) => row[0] === serial));
    expect(amounts('2')).toEqual(['8880', '14800']);
    expect(amounts('4')).toEqual(['13680', '22800']);
  });

  it('takes a year under the money for the range’s end where the row shows an opening and one amount more than its money columns (2023- / 7700, then 2023 / 4620), seed 191', () => {
    expect(rowsOf('end-year-under-money.layout.txt').find((row) => row[0] === '8')?.slice(-3)).toEqual(['2023-2023', '7700', '4620']);
  });
});

describe('pdftotext -layout: narrow columns a character a line, each line set by its own scale (corpus C of long contents)', () => {
  const rowsOf = (name: string): string[][] => {
    const [read] = tables(readText(readFileSync(join(FIXTURES, name), 'utf8')));
    return read ?? [];
  };
  const brief = (rows: readonly string[][]): string[] => rows.filter((row) => /^\d+$/u.test(row[0]!)).map((row) => [row[0], row[2], row[3], row[4], row[6], row[7], row[8]].join(' '));

  it('counts the columns a header line above the 序 line names (“十四五” / 计划投资 / （万元） beside 建设起 / 止年限): nine, not eight with the years and the share in one (seed 318)', () => {
    expect(rowsOf('stacked-above.layout.txt')[0]).toEqual(['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '“十四五”计划投资（万元）', '投资估算（万元）']);
  });

  it('opens a header on a line above the 序 line that holds a header’s head cut inside its quotes (其中：“十), seed 319', () => {
    expect(rowsOf('share-above.layout.txt')[0]).toEqual(['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算（万元）', '其中：“十四五”投资（万元）']);
  });

  it('reads a row by what its cells hold when its reading by place gives a nature that is no nature (平 of 平 / 峰 / 镇 where 性质 starts), seed 319', () => {
    expect(brief(rowsOf('share-above.layout.txt'))).toEqual([
      '1 县卫生健康委 改建 平峰镇 2021-2024 21200 12720',
      '2 县卫生健康委 新建 安河镇 2023-2023 13700 8220',
      '3 县卫生健康委 新建 玉川镇 2022-2023 6700 4020',
      '4 县卫生健康委 新建 松田街道 2024-2025 22900 13740',
      '6 县卫生健康委 新建 青塘街道 2024-2025 25900 15540',
      '7 县卫生健康委 改建 桃山街道 2023-2025 29900 17940',
      '8 县卫生健康委 改建 安泉镇 2024-2024 8400 5040',
    ]);
  });

  it('takes the columns a header over a line above its 序 line names, each stack one column, when rows whose years and amounts stand on lines of their own show fewer (seed 359)', () => {
    const rows = rowsOf('above-names-all.layout.txt');
    expect(rows[0]).toEqual(['序号', '项目名称', '责任单位', '建设性质', '建设内容及规模', '建设年限', '“十四五”计划投资（万元）', '总投资（万元）', '备注']);
    expect(rows.filter((row) => /^\d+$/u.test(row[0]!)).map((row) => [row[0], row[2], row[3], row[5], row[6], row[7]].join(' '))).toEqual(expect.arrayContaining(['1 县民政局 新建 2021-2025 5820 9700', '2 县民政局 新建 2024-2025 4740 7900', '8 县住房城乡建委 新建 2021-2025 9720 16200']));
  });

  it('stacks a header’s lower pieces set left of their heads under the heads whose names they go on (投资 under 计划总, “十四五” under 其中：), seed 312', () => {
    const rows = rowsOf('share-cut-left.layout.txt');
    expect(rows[0]).toEqual(['序号', '项目名称', '主要建设内容', '起止年限', '计划总投资', '其中：“十四五”投资', '责任单位']);
    expect(rows.filter((row) => /^\d+$/u.test(row[0]!)).map((row) => [row[0], ...row.slice(3)].join(' '))).toEqual(['1 2023-2024 3900 2340 县卫生健康委', '2 2021-2023 7400 4440 县卫生健康委', '3 2024-2024 3200 1920 县卫生健康委']);
  });

  it('takes the places of a header whose every stack names one column when no row shows as many columns, and reads each row by kind where its pieces fall wrong (seed 344)', () => {
    const rows = rowsOf('header-places.layout.txt');
    expect(rows[0]).toEqual(['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算（万元）']);
    expect(rows.filter((row) => /^\d+$/u.test(row[0]!)).map((row) => [row[0], row[2], row[3], row[4], row[6], row[7]].join(' '))).toEqual([
      '1 县文化旅游委 改扩建 柏湾镇 2021-2024 27700',
      '2 县文化旅游委 新建 丰塘镇 2021-2021 2300',
      '3 县文化旅游委 新建 柏源乡 2022-2024 30000',
      '4 县文化旅游委 改扩建 桃山街道 2024-2024 18200',
      '5 县民政局 改扩建 金源街道 2024-2025 7000',
      '6 县民政局 新建 太坪街道 2021-2021 3500',
      '7 县民政局 新建 和林街道 2023-2023 12100',
      '8 县卫生健康委 新建 梅河镇 2023-2023 19300',
      '9 县卫生健康委 新建 安田镇 2023-2024 12100',
      '10 县卫生健康委 新建 兰桥街道 2022-2025 7800',
      '11 县卫生健康委 改建 竹坪镇 2024-2025 24500',
      '12 县卫生健康委 新建 玉源街道 2024-2025 3700',
      '13 县卫生健康委 新建 竹峰乡 2024-2024 11200',
    ]);
  });

  it('gives a header’s piece that names nothing alone the head a few places off that it completes, its line set left as a whole (位 of 责任单 / 位 under 其中：“十四五”), seed 66 of corpus B', () => {
    const rows = rowsOf('lower-line-left.layout.txt');
    expect(rows[0]).toEqual(['类别', '序号', '项目名称', '主要建设内容', '起止年限', '计划总投资（万元）', '其中：“十四五”投资（万元）', '责任单位']);
    expect(rows.filter((row) => row[0] !== '小计' && row[0] !== '合计' && /^\d+$/u.test(row[1] ?? '')).map((row) => `${row[1]} ${row[7]}`)).toEqual(['1 县民政局', '2 县教委', '3 县教委', '4 县教委', '5 县教委', '6 县教委', '7 县卫生健康委']);
  });

  it('takes the count of a header whose every stack names one column when rows show it and its top line names fewer, 主要建设内容 standing on its second line only (seed 307)', () => {
    const rows = rowsOf('name-on-second-line.layout.txt');
    expect(rows[0]).toEqual(['序号', '项目名称', '主要建设内容', '起止年限', '“十四五”计划投资（万元）', '计划总投资（万元）', '责任单位']);
    expect(rows.filter((row) => /^\d+$/u.test(row[0]!)).map((row) => [row[0], ...row.slice(3)].join(' '))).toEqual([
      '1 2022-2025 15180 25300 县民政局',
      '2 2021-2023 17520 29200 县民政局',
      '4 2022-2024 16080 26800 县教委',
      '5 2024-2025 13800 23000 县教委',
      '6 2023-2023 7980 13300 县教委',
      '7 2024-2024 9180 15300 县教委',
      '8 2024-2024 7260 12100 县人力社保局',
      '9 2022-2026 2700 4500 县人力社保局',
      '10 2022-2025 10860 18100 县人力社保局',
    ]);
  });

  it('reads a row whose line pdftotext printed out of its order (力社 / 峰 under 保局 / 镇) as the lines read in order, seed 318', () => {
    expect(brief(rowsOf('stacked-above.layout.txt'))).toEqual([
      '1 县人力社保局 新建 松泉乡 2021-2025 1320 2200',
      '2 县人力社保局 新建 松峰镇 2024-2025 11340 18900',
      '3 县人力社保局 新建 兰坪镇 2022-2024 17640 29400',
      '4 县人力社保局 改建 玉峰乡 2024-2024 11340 18900',
    ]);
  });
});

describe('pdftotext -layout: a row’s first line of its name alone beside its serial, the name’s second line beside a department whose lines came out of order (造安置房建设项目 委 城乡建), 附表1 of seed 31 of corpus B', () => {
  it('keeps every piece that is no serial out of the serials’ column, and puts the department’s pieces in the order the column’s other cells print them', () => {
    const { read: rows } = firstTable('name-beside-split-department.layout.txt');
    expect(rows[1]).toEqual(['住有所居', '1', '云泉县宁桥乡棚户区改造安置房建设项目', '县住房城乡建委', '新建', '宁桥乡', '新建建筑面积24300㎡，新增住房770套。', '2024-2025', '19100']);
    expect(rows.slice(2, 6).map((row) => `${row[1]} ${row[3]}`)).toEqual(['2 县住房城乡建委', '3 县住房城乡建委', '4 县住房城乡建委', '5 县住房城乡建委']);
  });
});

describe('pdftotext -layout: headers of three lines or more, each line set by its own scale', () => {
  it('reads a 类别 header whose 类别 stands a line under 序 (序 / 号 cut, 建 / 设 / 性 / 质 and “十四五”计 / 划投资（万 / 元） over four lines), each line fitted to the line of the most pieces: 附表1 of seed 59 of corpus B', () => {
    const { read } = firstTable('category-header-lowered.layout.txt');
    expect(read[0]).toEqual(['类别', '序号', '项目名称', '责任单位', '建设性质', '建设内容及规模', '建设年限', '“十四五”计划投资（万元）', '总投资（万元）', '备注']);
    expect(read.filter((row) => /计/u.test(row[0] ?? '')).map((row) => row.join(' '))).toEqual(['小计 43680 72800', '小计 61860 103100', '合计 105540 175900']);
    expect(read.filter((row) => /^\d+$/u.test(row[1] ?? '') && !/计/u.test(row[0] ?? '')).map((row) => [row[0], row[1], row[4], ...row.slice(6)].join(' ').trim())).toEqual([
      '一、文体服务 1 改建 2022-2022 5400 9000 申请专项债券',
      '2 改扩建 2023-2025 8880 14800',
      '3 新建 2023-2024 15720 26200 争取中央预算内资金',
      '4 新建 2023-2024 13680 22800 争取中央预算内资金',
      '二、幼有所育 5 新建 2024-2025 3060 5100',
      '6 改扩建 2023-2025 12600 21000',
      '7 新建 2022-2022 8640 14400',
      '8 改建 2021-2024 11640 19400',
      '9 新建 2024-2024 17520 29200',
      '10 新建 2023-2024 8400 14000',
    ]);
  });

  it('reads a header whose 备注 stands alone on a third line under the rest (序 项目名称 责任单 … / 号 位 性质 … / 备注), and a row whose range’s end stands under its first year beside the amount (2022- 1900 over 2024 1140) as years that run forward: 附表一 of seed 149', () => {
    const model = readText(readFileSync(join(FIXTURES, 'header-three-lines.layout.txt'), 'utf8'));
    const [first, second] = tables(model);
    for (const table of [first, second]) expect(table?.[0]).toEqual(['序号', '项目名称', '责任单位', '建设性质', '建设内容及规模', '建设年限', '总投资（万元）', '其中：“十四五”投资（万元）', '备注']);
    expect(second?.find((row) => row[1] === '太坡县丰湾乡救助管理站改扩建工程')?.slice(5)).toEqual(['2022-2024', '1900', '1140', '']);
    expect(first?.filter((row) => /^\d+$/u.test(row[0] ?? '')).map((row) => row.slice(5, 8).join(' '))).toEqual([
      '2022-2024 8200 4920',
      '2023-2023 29600 17760',
      '2022-2025 17700 10620',
      '2022-2024 2500 1500',
      '2022-2025 26500 15900',
      '2022-2022 17700 10620',
      '2023-2024 400 240',
      '2022-2022 11900 7140',
      '2022-2023 23500 14100',
      '2021-2021 7100 4260',
      '2023-2027 6700 4020',
      '2021-2022 15000 9000',
      '2022-2023 13800 8280',
    ]);
  });
});

describe('pdftotext -layout: names set centred on their serials that end as no work is named (巫山精品节目打造), the bundled plan printed by Chromium (附表, section 九)', () => {
  it('ends a name where a box before the table restates it, a mark after it (巫山精品节目打造，), and gives the next row its first pieces, a department printed out of order (县文 / 游委 / 化旅) ended too', () => {
    const { row } = firstTable('names-restated.layout.txt');
    expect(['49', '50', '51'].map((serial) => row(serial).slice(0, 5).join(' '))).toEqual([
      '49 巫山精品节目打造 县文化旅游委 新建 巫山县',
      '50 文化体育节庆活动 县文化旅游委 新建 全县',
      '51 开展送文化进基层活动 县文化旅游委 新建 全县',
    ]);
  });

  it('ends a name that no box restates and that ends as no work is named (新型公共文化服务空间) where each name then stands centred on its serial, as far above as below, and gives the next row its first pieces (巫峡 / 镇综)', () => {
    const { row } = firstTable('names-centred-last.layout.txt');
    expect(['61', '62'].map((serial) => row(serial).slice(0, 5).join(' '))).toEqual(['61 新型公共文化服务空间 县文化旅游委 新建或改建 巫山县', '62 巫峡镇综合文化服务中心 巫峡镇人民政府 新建 巫山县']);
  });

  it('takes a name for restated with two of its lines the other way round (化服 / 共文 of 乡镇村面上公共文化服务提档升级), puts them back, and weighs a narrow column’s piece only against pieces within half the way to its neighbours (巫山 of 新 巫山 处、 against 全县, not 改 / 建)', () => {
    const { row } = firstTable('names-swapped-lines.layout.txt');
    expect(['52', '53', '54'].map((serial) => row(serial).slice(0, 4).join(' '))).toEqual([
      '52 乡镇村面上公共文化服务提档升级 县文化旅游委 改扩建',
      '53 巫山县村村通应急广播、户户看巫山新闻项目建设及维护 县文化旅游委 新建',
      '54 乡镇村体育事业提档升级 县文化旅游委 续建',
    ]);
  });

  it('leaves the lines as they are without the box: a name that ends as no work is named has not ended by itself', () => {
    const text = readFileSync(join(FIXTURES, 'names-restated.layout.txt'), 'utf8').replace(/巫山精\n品节目打造，/u, '巫山精\n品节目，');
    const read = tables(readText(text))[0] ?? [];
    expect(read.find((cells) => cells[0] === '49')?.[1]).toBe('巫山精品节目打造文化');
  });
});

describe('pdftotext -layout: a name’s last piece on a line of a category’s label, set by its own scale two places left (二、老 目 under …建设项), seed 64 of corpus B', () => {
  it('takes the name for ended (…建设项目) and gives the line after it, the next name’s first (安坡县松溪镇 县民 新 …), to the next row', () => {
    const { read } = firstTable('label-beside-name-end.layout.txt');
    const rows = read.filter((cells) => /^\d+$/u.test(cells[1] ?? ''));
    expect(['7', '8', '13', '14', '15', '19', '20'].map((serial) => rows.find((cells) => cells[1] === serial)?.slice(1, 4).join(' '))).toEqual([
      '7 安坡县翠山乡敬老院建设项目 县民政局',
      '8 安坡县松溪镇康养中心新建工程 县民政局',
      '13 安坡县宁林镇图书馆改扩建工程 县文化旅游委',
      '14 安坡县竹源乡体育场建设项目 县文化旅游委',
      '15 安坡县凤峰乡体育场新建工程 县文化旅游委',
      '19 安坡县翠峰街道托育中心改扩建工程 县卫生健康委',
      '20 安坡县安山街道托育中心新建工程 县卫生健康委',
    ]);
    expect(rows.find((cells) => cells[1] === '8')?.slice(-4)).toEqual(['2022-2024', '11300', '6780', '申请专项债券']);
  });

  it('reads a name’s first line set three places left by the category label beside it (所养 丰坡县杏河镇养 over 21 老服务中心改扩 / 建工程) as the name’s: it has ended, and the next name’s first line is the next row’s (seed 34 of corpus B)', () => {
    const { read } = firstTable('label-shifts-name.layout.txt');
    const rows = read.filter((cells) => /^\d+$/u.test(cells[1] ?? ''));
    expect(['21', '22'].map((serial) => rows.find((cells) => cells[1] === serial)?.slice(1, 6).join(' '))).toEqual(['21 丰坡县杏河镇养老服务中心改扩建工程 县民政局 改扩建 杏河镇', '22 丰坡县凤岭镇敬老院建设项目 县民政局 新建 凤岭镇']);
  });

  it('does not take a serial two places left of the name (1 安岩县玉桥镇养老) for a piece of the name: the next name’s first line above its serial is the next row’s (附表2 of seed 285)', () => {
    const { row } = firstTable('serial-beside-name.layout.txt');
    expect(['1', '2'].map((serial) => row(serial).slice(0, 5).join(' '))).toEqual(['1 安岩县玉桥镇养老服务中心建设项目 县民政局 新建 玉桥镇', '2 安岩县翠岩镇敬老院改扩建工程 县民政局 改扩建 翠岩镇']);
  });
});

describe('pdftotext -layout: long contents, the boxes before the appendix restating its works (seed 357 of corpus C)', () => {
  /** The first appendix table (the indicators' table comes first). */
  const appendix = (): string[][] => tables(readText(readFileSync(join(FIXTURES, 'names-out-of-order.layout.txt'), 'utf8'))).find((table) => table[0]?.includes('项目名称')) ?? [];

  it('takes the columns a header over a line above its 序 line names, each stack one column (建 / 设 / 性 / 质, 建 / 设 / 地 / 址), when one row shows more (竹 / 泉 / 镇 set apart) and none as many', () => {
    expect(appendix()[0]).toEqual(['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算（万元）']);
  });

  it('puts a name whose lines pdftotext printed out of order (石田县云坡 / 住院楼建设 / 街道中医院 / 项目) in the order a box restates it', () => {
    expect(appendix().filter((cells) => /^\d+$/u.test(cells[0] ?? '')).map((cells) => [cells[0], cells[1], cells[4], ...cells.slice(6)].join(' '))).toEqual([
      '1 石田县竹泉镇托育中心改造工程 竹泉镇 2024-2024 23100',
      '1 石田县云坡街道中医院住院楼建设项目 云坡街道 2021-2023 600',
      '2 石田县银源乡社区卫生服务中心建设项目 银源乡 2021-2025 7000',
      '3 石田县竹山镇社区卫生服务中心改造工程 竹山镇 2021-2021 26700',
    ]);
  });
});

describe('pdftotext -layout: a row read again by what its cells hold (seed 303 of corpus C)', () => {
  it('keeps every piece of the row it read again: its cells are not put in the order of the pieces of its first reading (a content piece set among the name’s stays printed)', () => {
    const model = readText(readFileSync(join(FIXTURES, 'row-read-again.layout.txt'), 'utf8'));
    const row = tables(model)
      .flat()
      .find((cells) => cells.some((cell) => cell.includes('丰峰')));
    expect(row?.join('')).toContain('要建设内容包括土建、装饰装修、给排水、电');
  });
});

describe('pdftotext -layout: a range’s first year over its end, the amount beside the end (2022- 9000 over 2022), seed 264', () => {
  it('reads the years as a range that runs forward within a few decades (2022-2022) and the amount as the amount, not 2022-9000 and 2022', () => {
    const { row } = firstTable('years-beside-amount.layout.txt');
    expect(row('2').slice(-3)).toEqual(['2022-2022', '9000', '']);
  });
});

describe('pdftotext -layout: a site’s character printed on a line of its own where the content’s column starts (corpus C)', () => {
  /** A table's row whose name opens so, its site and content. */
  const siteAndContent = (file: string, name: string): string[] => {
    const row = tables(readText(readFileSync(join(FIXTURES, file), 'utf8')))
      .flat()
      .find((cells) => cells[1]?.startsWith(name));
    return [row?.[4] ?? '', row?.[5] ?? ''];
  };

  it('gives 岩 of 和 / 街 / 岩 / 道 to the site, not the content (能力和水岩平): 水平 stands elsewhere, 水岩 and 岩平 on no line, and the site then ends as places end (seed 308)', () => {
    const [site, content] = siteAndContent('site-char-in-content.layout.txt', '兰坪县和岩街道');
    expect(site).toBe('和岩街道');
    expect(content).toContain('提升综合服务能力和水平。同步实施');
  });

  it('gives 湾 of 丰 / 街 / 湾 / 道 to the site, not the content (相关设备。湾同步), at the place where the site ends as places end (seed 329)', () => {
    const [site, content] = siteAndContent('site-char-in-content-2.layout.txt', '松溪县丰湾街道');
    expect(site).toBe('丰湾街道');
    expect(content).toContain('购置相关设备。同步实施');
  });
});
