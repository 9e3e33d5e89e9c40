import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftPlan } from '../src/init/index.js';
import type { Block, DocumentModel, TableBlock } from '../src/read/blocks.js';
import { DocumentHeadings, headingNumeral, headingOf, headingStyleOf, itemOf } from '../src/headings.js';
import { readText } from '../src/read/text.js';
// @ts-expect-error: a plain ES module script without types
import { scoreDraft } from '../scripts/init-score.mjs';
import { auditFindings, cli, WUSHAN } from './helpers.js';
import { appendixRows, composedPlan, layoutText, type LayoutOptions, pictureAppendixText, rawText, spaceTable, tabText, wrap } from './text-layouts.js';

const texts = (model: DocumentModel): string[] =>
  model.blocks.flatMap((block: Block): string[] => (block.kind === 'heading' ? [`${block.number ?? ''}${block.text}`] : block.kind === 'paragraph' ? [block.text] : block.kind === 'box' ? [block.title] : []));
const tables = (model: DocumentModel): string[][][] =>
  model.blocks
    .flatMap((block) => (block.kind === 'table' ? [block] : block.kind === 'box' ? block.blocks.filter((inner): inner is TableBlock => inner.kind === 'table') : []))
    .map((table) => table.rows.map((row) => row.cells.map((cell) => cell.text)));

describe('numbered items as boxes print them', () => {
  it.each([
    ['1.建设托育中心。', { number: 1, bracketed: false, body: '建设托育中心。' }],
    ['2．建设托育中心。', { number: 2, bracketed: false, body: '建设托育中心。' }],
    ['3、建设托育中心。', { number: 3, bracketed: false, body: '建设托育中心。' }],
    ['（4）建设托育中心。', { number: 4, bracketed: true, body: '建设托育中心。' }],
    ['(１２) 建设托育中心。', { number: 12, bracketed: true, body: '建设托育中心。' }],
  ])('%s is item %o', (text, item) => {
    expect(itemOf(text)).toEqual(item);
  });

  it.each(['一、总体要求', '2025年底前建成。', '（一）主要目标', '1.', '第1条'])('%s is no item', (text) => {
    expect(itemOf(text)).toBeUndefined();
  });
});

describe('a plan that numbers its chapters 一、 and its sections （一）', () => {
  it.each([
    ['listed', ['一、总体要求', '（一）发展基础', '二、健全养老服务体系']],
    ['listed', ['一、总体要求', '\t一、老有所养', '\t二、学有所教', '三、建设优质均衡的公共教育体系']],
    ['chapters', ['一、总体要求', '（一）发展基础']],
    ['chapters', ['一、坚持以人民为中心。', '二、坚持普惠共享。']],
    ['sections-listed', ['第一章 总体要求', '一、发展基础', '二、主要目标', '第二章 健全养老服务体系', '一、加强设施建设']],
    ['chapters', ['第一章 总体要求', '第一节 发展基础', '一、指导思想', '二、基本原则']],
    ['chapters', ['第一章 总体要求', '一、发展基础', '第二章 健全养老服务体系', '一、加强设施建设']],
    ['parts', ['第一部分 总体要求', '第一节 发展基础', '第二部分 健全养老服务体系']],
    ['parts-sections-listed', ['第一部分 总体要求', '一、发展基础', '二、主要目标', '第二部分 健全养老服务体系', '一、加强设施建设']],
    // Parts that hold chapters are none: the chapters are.
    ['chapters', ['第一部分 发展基础', '第一章 总体要求', '第二章 健全养老服务体系', '第二部分 保障措施', '第三章 加强组织领导']],
  ] as const)('a document is of the %s style: %j', (style, lines) => {
    expect(headingStyleOf(lines)).toBe(style);
  });

  it('takes 第一部分 for a chapter in a plan of parts, and for nothing in a plan of 第X章', () => {
    const parts = new DocumentHeadings('parts-sections-listed');
    expect(['第一部分 总体要求', '一、发展基础', '二、主要目标', '第二部分 健全养老服务体系'].map((text) => parts.take(text))).toEqual([
      { kind: 'chapter', number: '第一部分', text: '总体要求' },
      { kind: 'section', number: '一、', text: '发展基础' },
      { kind: 'section', number: '二、', text: '主要目标' },
      { kind: 'chapter', number: '第二部分', text: '健全养老服务体系' },
    ]);
    expect(headingOf('第一部分 发展基础')).toBeUndefined();
    expect(headingNumeral('第三部分')).toBe('三');
  });

  it('takes 一、 for a chapter only as the next one, （一） for a section only as the next of its chapter, and neither over a row nor after an appendix', () => {
    const headings = new DocumentHeadings('listed');
    const kinds = [
      ['一、总体要求', false],
      ['（一）发展基础', false],
      ['（三）主要目标', false],
      ['一、老有所养', true],
      ['二、学有所教', true],
      ['二、健全养老服务体系', false],
      ['（一）加强设施建设', false],
      ['附表 重点项目清单', false],
      ['三、文体服务', false],
    ] as const;
    expect(kinds.map(([text, overRow]) => headings.take(text, overRow)?.kind ?? 'none')).toEqual(['chapter', 'section', 'section', 'none', 'none', 'chapter', 'section', 'appendix', 'none']);
    // A 第X章 document reads 一、 as no heading.
    expect(headingOf('一、总体要求')).toBeUndefined();
  });

  it('takes 一、 for a section of a 第X章 chapter in a document of no 第X节, only as the chapter\'s next section', () => {
    const headings = new DocumentHeadings('sections-listed');
    const lines = ['一、总体要求', '第一章 总体要求', '一、发展基础', '一、老有所养', '二、主要目标', '第二章 健全养老服务体系', '一、加强设施建设'];
    expect(lines.map((text) => headings.take(text)?.kind ?? 'none')).toEqual(['none', 'chapter', 'section', 'none', 'section', 'chapter', 'section']);
  });

  it.each([
    ['专栏一  主要指标', { kind: 'box', number: '专栏1', text: '主要指标' }],
    ['专栏１２：幼有所育重点工程', { kind: 'box', number: '专栏12', text: '幼有所育重点工程' }],
    ['附表二  重点民生工程项目清单', { kind: 'appendix', number: '附表2', text: '重点民生工程项目清单' }],
    ['附表 重点项目清单', { kind: 'appendix', number: '附表', text: '重点项目清单' }],
    ['专栏三弱有所扶重点工程', { kind: 'box', number: '专栏3', text: '弱有所扶重点工程' }],
    ['附表二重点民生工程项目清单', { kind: 'appendix', number: '附表2', text: '重点民生工程项目清单' }],
  ])('numbers a box or a table printed %s in digits', (text, heading) => {
    expect(headingOf(text)).toEqual(heading);
  });

  it('reads a chapter printed right after a table as a chapter, not as the table\'s last part row', () => {
    const model = readText(
      [
        '某县规划',
        '一、总体要求',
        '（一）主要目标',
        '专栏1  主要指标',
        '类别      序号  指标                      单位  2020年  2025年  指标属性',
        '病有所医  1     每千人口医疗卫生机构床位  张    6.93    7.24    约束性',
        '          2     每千人口执业（助理）医师  人    1.65    1.93    约束性',
        '',
        '二、织牢公共卫生防护网',
        '（一）加强设施建设',
        '围绕病有所医，补齐设施短板。',
        '',
      ].join('\n'),
    );
    expect(model.blocks.filter((block) => block.kind === 'heading').map((block) => `${(block as { number?: string }).number}${(block as { text: string }).text}`)).toEqual(['一、总体要求', '（一）主要目标', '二、织牢公共卫生防护网', '（一）加强设施建设']);
    expect(tables(model)[0]!.length).toBe(3);
  });
});

describe('the text reader: page furniture', () => {
  it('drops a table of contents, so that its 附表 line is not the appendix and its chapters are not chapters', () => {
    const model = readText(['某县规划', '目  录', '第一章  总体要求 ........ 1', '第二章  重点任务 ........ 5', '附表  重点项目表 ........ 9', '第一章  总体要求', '正文。', '第二章  重点任务', '附表  重点项目表', '序号\t名称\t投资', '1\t甲\t10', ''].join('\n'));
    expect(model.dropped.filter((d) => d.why === 'table-of-contents').map((d) => d.place)).toEqual([2, 3, 4, 5].map((line) => ({ form: 'text', line })));
    expect(texts(model)).toEqual(['某县规划', '第一章总体要求', '正文。', '第二章重点任务', '附表重点项目表']);
    expect(tables(model)).toEqual([
      [
        ['序号', '名称', '投资'],
        ['1', '甲', '10'],
      ],
    ]);
  });

  it('drops a table of contents printed without a 目录 line when its entries carry page numbers', () => {
    const model = readText(['某县规划', '第一章 总体要求    1', '第二章 重点任务    5', '第三章 保障措施    9', '第一章 总体要求', '正文。', ''].join('\n'));
    expect(model.dropped.map((d) => d.why)).toEqual(['table-of-contents', 'table-of-contents', 'table-of-contents']);
    expect(texts(model)).toEqual(['某县规划', '第一章总体要求', '正文。']);
  });

  it.each([
    ['— 8 —', 'page-mark'],
    ['- 17 -', 'page-mark'],
    ['·3·', 'page-mark'],
    ['第 4 页', 'page-mark'],
    ['第4页 共20页', 'page-mark'],
  ])('drops the page mark %s and joins the paragraph it cut, the number it split whole again', (mark, why) => {
    const first = '全县新建改建城乡社区综合服务设施，建筑面积达到2500㎡，覆盖城乡所有行政村和社区，服务能力明显提升，群众满意度不断提高。';
    const second = '全县新建改建幼儿园和中小学校舍，并配套建设运动场地，改善办学条件，满足适龄儿童就近入学需要，办学水平持续提升，教育质量稳步提高，城乡之间的差距逐步缩小。';
    const third = '继续推进医疗卫生服务体系建设，完善县乡村三级服务网络，提升基层医疗卫生机构的服务能力，让群众在家门口看得上病、看得好病，减轻群众看病就医负担。';
    // The margin falls inside 2500: “…达到2” / “500㎡…”.
    const margin = [...first.slice(0, first.indexOf('2500') + 1)].reduce((width, char) => width + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
    const lines = wrap(first, margin);
    expect(lines[0]!.endsWith('达到2')).toBe(true);
    const text = ['第一章  总体要求', lines[0], '', mark, '', ...lines.slice(1), ...wrap(second, margin), ...wrap(third, margin), ''].join('\n');
    const model = readText(text);
    expect(model.dropped).toEqual([{ text: mark, place: { form: 'text', line: 4 }, why }]);
    expect(texts(model)).toEqual(['第一章总体要求', first, second, third]);
  });

  it('drops a running title repeated after page breaks, and a bare page number before a form feed', () => {
    const model = readText(['某县社会事业规划', '第一章  总体要求', '第一段。', '1', '\f某县社会事业规划', '第二段。', '2', '\f某县社会事业规划', '第三段。', ''].join('\n'));
    expect(model.dropped.map((d) => [d.why, d.text])).toEqual([
      ['page-mark', '1'],
      ['running-header', '某县社会事业规划'],
      ['page-mark', '2'],
      ['running-header', '某县社会事业规划'],
    ]);
    // The title at the head of the document is not at a page break: it stays.
    expect(texts(model)).toEqual(['某县社会事业规划', '第一章总体要求', '第一段。', '第二段。', '第三段。']);
  });

  it('keeps a text of one paragraph a line as it is: lines that end anywhere are not a margin', () => {
    const lines = ['第一章  总体要求', '短句一', '这是一段比较长的文字，但它自成一段', '另一段更长一些的文字，它也自成一段，没有折行', '第三段'];
    expect(texts(readText(lines.join('\n')))).toEqual(['第一章总体要求', ...lines.slice(1)]);
  });
});

describe('the text reader: tables', () => {
  it('reads columns aligned with spaces, joins wrapped cells, drops the header printed again after a page break', () => {
    const text = [
      '附表  重点项目表',
      '序号  项目名称          建设内容              投资（万元）',
      '合计  300',
      '一、教育  300',
      '1     东城小学扩建项目  新建教学楼2400㎡，运  200',
      '                        动场1500㎡。',
      '',
      '— 3 —',
      '',
      '序号  项目名称          建设内容              投资（万元）',
      '2     西城幼儿园改造工  改造园舍900㎡。       100',
      '      程',
      '',
    ].join('\n');
    const model = readText(text);
    expect(model.dropped.map((d) => d.why)).toEqual(['page-mark', 'repeated-header-row']);
    expect(tables(model)).toEqual([
      [
        ['序号', '项目名称', '建设内容', '投资（万元）'],
        ['合计', '300'],
        ['一、教育', '300'],
        ['1', '东城小学扩建项目', '新建教学楼2400㎡，运动场1500㎡。', '200'],
        ['2', '西城幼儿园改造工程', '改造园舍900㎡。', '100'],
      ],
    ]);
    const cells = (model.blocks[1] as TableBlock).rows[3]!.cells;
    expect(cells.map((cell) => cell.joined === true)).toEqual([false, false, true, false]);
  });

  it('reads a header printed one cell a line that a page break cuts, printed whole with spaces between (scripts/corpus quirks, seed 71)', () => {
    const model = readText(
      [
        '附表  某县“十四五”公共服务规划重点项目清单',
        '序号',
        '项目名称',
        '责任部门',
        '',
        '— 4 —',
        '',
        '序号          项目名称                  责任部门        建设性质  投资估算（万元）',
        '建设性质',
        '投资估算（万元）',
        '一、劳有所得                                                      54200',
        '1             竹岭镇技能实训基地        县人力社保局    新建      25900',
        '              新建工程',
        '2             和田乡创业孵化基地        县人力社保局    新建      28300',
        '              新建工程',
      ].join('\n'),
    );
    expect(tables(model)[0]).toEqual([
      ['序号', '项目名称', '责任部门', '建设性质', '投资估算（万元）'],
      ['一、劳有所得', '54200'],
      ['1', '竹岭镇技能实训基地新建工程', '县人力社保局', '新建', '25900'],
      ['2', '和田乡创业孵化基地新建工程', '县人力社保局', '新建', '28300'],
    ]);
  });

  it('opens a row at a serial a little past the last after a part\'s row with its amount (a serial skipped), one cell a line', () => {
    const model = readText(['附表  重点项目表', '序号', '项目名称', '建设年限', '投资', '一、教育', '300', '1', '东城小学', '2021-2023', '200', '二、卫生', '100', '3', '西城卫生院', '2022-2024', '100'].join('\n'));
    expect(tables(model)[0]).toEqual([['序号', '项目名称', '建设年限', '投资'], ['一、教育', '300'], ['1', '东城小学', '2021-2023', '200'], ['二、卫生', '100'], ['3', '西城卫生院', '2022-2024', '100']]);
  });

  it('opens a row at a serial a little past the last after a blank line that closes a row with its remark empty (a serial skipped), one cell a line', () => {
    const model = readText(['附表  重点项目表', '序号', '项目名称', '建设年限', '总投资（万元）', '备注', '1', '东城小学', '2021-2023', '200', '', '3', '西城小学', '2022-2024', '100', '申请专项债券'].join('\n'));
    expect(tables(model)[0]).toEqual([['序号', '项目名称', '建设年限', '总投资（万元）', '备注'], ['1', '东城小学', '2021-2023', '200', ''], ['3', '西城小学', '2022-2024', '100', '申请专项债券']]);
  });

  it('reads the rows one cell a line after a tab header that a page break cut off from them (the header printed again)', () => {
    const model = readText(['附表  重点项目表', '序号\t项目名称\t建设年限\t投资', '', '— 3 —', '', '序号', '项目名称', '建设年限', '投资', '合计', '300', '1', '东城小学', '2021-2023', '200', '2', '西城小学', '2022-2024', '100'].join('\n'));
    expect(tables(model)[0]).toEqual([['序号', '项目名称', '建设年限', '投资'], ['合计', '300'], ['1', '东城小学', '2021-2023', '200'], ['2', '西城小学', '2022-2024', '100']]);
  });

  it('drops the header printed again one cell a line after the last row of a table aligned by spaces', () => {
    const model = readText(['附表  重点项目表', '序号    项目名称      建设年限     投资', '合计                               300', '1       东城小学      2021-2023    200', '2       西城小学      2022-2024    100', '', '— 4 —', '', '序号', '项目名称', '建设年限', '投资', '', '— 5 —'].join('\n'));
    expect(tables(model)[0]).toEqual([['序号', '项目名称', '建设年限', '投资'], ['合计', '', '', '300'], ['1', '东城小学', '2021-2023', '200'], ['2', '西城小学', '2022-2024', '100']]);
  });

  it('drops the header printed again one cell a line after the last row, with no row under it', () => {
    const model = readText(['附表  重点项目表', '序号\t项目名称\t投资', '1\t东城小学\t200', '合计\t200', '', '— 5 —', '', '序号', '项目名称', '投资', '', '— 6 —'].join('\n'));
    expect(tables(model)[0]).toEqual([['序号', '项目名称', '投资'], ['1', '东城小学', '200'], ['合计', '200']]);
  });

  it('shares a row printed one cell a line with an empty remark out so that its amount stays the amount', () => {
    const model = readText(['附表  重点项目表', '序号', '项目名称', '建设年限', '总投资（万元）', '备注', '1', '东城小学', '2021-2023', '200', '', '2', '西城小学', '2022-2024', '100', '申请专项债券'].join('\n'));
    expect(tables(model)[0]).toEqual([['序号', '项目名称', '建设年限', '总投资（万元）', '备注'], ['1', '东城小学', '2021-2023', '200', ''], ['2', '西城小学', '2022-2024', '100', '申请专项债券']]);
  });

  it('reads one table printed with tabs on one page and with spaces on the next', () => {
    const model = readText(['附表  重点项目表', '序号\t项目名称\t投资', '一、教育', '1\t东城小学\t200', '2     西城小学      100', '小计  300', ''].join('\n'));
    expect(tables(model)[0]).toEqual([['序号', '项目名称', '投资'], ['一、教育'], ['1', '东城小学', '200'], ['2', '西城小学', '100'], ['小计', '300']]);
  });
});

const LAYOUTS: readonly [string, LayoutOptions, Parameters<typeof appendixRows>[0]][] = [
  ['pdftotext -layout: page marks, running title, form feeds, contents', { margin: 60, pageLines: 18, formFeeds: true, contents: true }, {}],
  ['the same without form feeds', { margin: 60, pageLines: 18, formFeeds: false, contents: true }, {}],
  ['narrower pages, breaks elsewhere', { margin: 50, pageLines: 13, formFeeds: true, contents: false }, {}],
  ['tabs on later pages of the table', { margin: 60, pageLines: 18, formFeeds: true, contents: true, tabsFrom: 5 }, {}],
  ['小计 rows below their sections and 合计 at the end', { margin: 60, pageLines: 18, formFeeds: true, contents: true }, { subtotalBelow: true, totalBelow: true }],
  ['full-width digits in serials and amounts', { margin: 60, pageLines: 18, formFeeds: true, contents: true }, { fullWidth: true }],
];

async function draftOf(text: string) {
  const result = await draftPlan(Buffer.from(text, 'utf8'), 'plan.txt', 'draft');
  if (!result.ok) throw new Error(result.problem);
  const { draft, summary } = result;
  return {
    result,
    summary,
    // Places differ from layout to layout (that is the point); what was read must not.
    appendix: { total: draft.tables[0]?.total, sections: draft.tables[0]?.sections.map(({ place: _, ...s }) => ({ ...s, projects: s.projects.map(({ checks: _checks, place: _place, ...project }) => project) })) },
    indicators: draft.indicators?.categories.map(({ place: _, ...category }) => ({ ...category, indicators: category.indicators.map(({ place: _place, ...row }) => row) })),
    links: draft.boxes.map((box) => box.items.map((item) => item.works.flatMap((work) => work.projects))),
    outline: draft.outline.chapters.map((chapter) => [chapter.numeral, chapter.title, chapter.sections.map((section) => section.numeral)]),
  };
}

const reference = await draftOf(tabText(composedPlan()));

describe('drafting a plan from the layouts a PDF extractor gives', () => {

  it('the reference text, typed with tabs, drafts every part', () => {
    expect(reference.appendix.sections?.map((s) => [s.numeral, s.name, s.subtotal, s.projects.length])).toEqual([
      ['一', '学有所教', '7600', 2],
      ['二', '病有所医', '9400', 3],
      ['三', '老有所养', '3000', 1],
    ]);
    expect(reference.appendix.total).toBe('20000');
    expect(reference.indicators?.[0]?.indicators.length).toBe(2);
    expect(reference.links).toEqual([[[2], [5], []]]);
  });

  it.each(LAYOUTS)('%s: the same outline, appendix, indicators and links as the typed text', async (_name, layout, rows) => {
    const drafted = await draftOf(layoutText(composedPlan(appendixRows(rows)), layout));
    expect(drafted.outline).toEqual(reference.outline);
    expect(drafted.appendix).toEqual(reference.appendix);
    expect(drafted.indicators).toEqual(reference.indicators);
    expect(drafted.links).toEqual(reference.links);
    expect(drafted.summary.unread).toEqual([]);
  });

  it.each([
    ['sections with their subtotals', {}],
    ['小计 rows below their sections', { subtotalBelow: true }],
  ] as const)('pdftotext raw, the appendix one cell a line without tabs, %s: the same appendix as the typed text', async (_name, rows) => {
    const drafted = await draftOf(rawText(composedPlan(appendixRows(rows))));
    expect(drafted.appendix).toEqual(reference.appendix);
    expect(drafted.summary.unread).toEqual([]);
  });

  it.each(LAYOUTS)('%s: the unedited draft validates, finds the planted subtotal and nothing false', async (_name, layout, rows) => {
    const planted = appendixRows(rows).map((row) => (row[0] === '二、病有所医' && row[1] === '9400' ? [row[0], '9500'] : row[0] === '小计' && row[1] === '9400' ? ['小计', '9500'] : row));
    const text = layoutText(composedPlan(planted), layout);
    const from = join(mkdtempSync(join(tmpdir(), 'plan-layout-')), 'plan.txt');
    writeFileSync(from, text);
    const dir = join(mkdtempSync(join(tmpdir(), 'plan-layout-')), 'draft');
    expect((await cli(['init', dir, '--from', from])).code).toBe(0);
    // The text as printed is kept beside the reading-order text the quotes stand in.
    expect(readFileSync(join(dir, 'source.original.txt'), 'utf8')).toBe(text);
    const errors = (await auditFindings(dir)).filter((finding) => finding.severity === 'error');
    // The section's subtotal disagrees with its projects, and so the sum of the subtotals with the total.
    expect(errors.map((finding) => [finding.ruleId, finding.messageId, finding.data['stated']]).sort()).toEqual([
      ['appendix-sums', 'subtotal-mismatch', '9500'],
      ['appendix-sums', 'total-mismatch', '20000'],
    ]);
  });
});

describe('the bundled text re-laid as pdftotext -layout prints it', () => {
  it('drafts back the same outline, indicator table, appendix and figures', async () => {
    const source = readFileSync(join(WUSHAN, 'source.txt'), 'utf8');
    const lines = source.split('\n');
    const appendixAt = lines.findIndex((line) => line.startsWith('附表'));
    const firstHeading = lines.findIndex((line) => headingOf(line) !== undefined);
    const appendix = readText(source).blocks.find((block): block is TableBlock => block.kind === 'table')!;
    // A contents page listing every chapter and the appendix, with page numbers.
    const contents = ['目  录', ...lines.filter((line) => /^第.{1,3}章/u.test(line) || line.startsWith('附表')).map((line, index) => `${line} ${'.'.repeat(12)} ${index + 2}`)];
    const prose = lines.slice(firstHeading, appendixAt).flatMap((line) => (line.includes('\t') || headingOf(line) || line.trim().length === 0 ? [line] : wrap(`　　${line}`, 60)));
    const table = spaceTable(
      appendix.rows.map((row) => row.cells.map((cell) => cell.text.replace(/\n/g, ' '))),
      [4, 16, 12, 6, 8, 24, 10, 8],
    ).flat();
    const all = [...lines.slice(0, firstHeading), ...contents, ...prose, lines[appendixAt]!, ...table];
    const paged = all.flatMap((line, index) => ((index + 1) % 40 === 0 ? [line, '', `— ${(index + 1) / 40} —`, '', '\f                    巫山县“十四五”公共服务规划', ''] : [line]));
    const result = await draftPlan(Buffer.from(paged.join('\n'), 'utf8'), 'plan.txt', 'wushan-2021-2025');
    if (!result.ok) throw new Error(result.problem);
    const score = scoreDraft(result.files);
    expect(score.outlineExact).toBe(true);
    expect(score.indicatorsExact).toBe(true);
    // One content cell loses a space where the column wrapped it (“妇女网 互联网”): a PDF's text keeps no trace of it either.
    expect(score.projects.equal).toBeGreaterThanOrEqual(61);
    expect(score.subtotals).toEqual({ equal: 9, of: 9 });
    expect(score.totalEqual).toBe(true);
    expect(score.facts.present).toBeGreaterThanOrEqual(288);
    expect(result.summary.unread).toEqual([]);
  });
});

describe('an honest draft: what it could not read is said first and judged by nobody', () => {
  it('an appendix printed as a picture: recorded as unread, its absence not reported as findings', async () => {
    const from = join(mkdtempSync(join(tmpdir(), 'plan-raw-')), 'plan.txt');
    writeFileSync(from, pictureAppendixText(composedPlan()));
    const dir = join(mkdtempSync(join(tmpdir(), 'plan-raw-')), 'draft');
    const result = await cli(['init', dir, '--from', from, '--lang', 'en']);
    expect(result.code).toBe(0);
    const [, note, part] = result.stdout.split('\n');
    expect(note).toMatch(/^NOTE: the draft could not read/);
    expect(part).toMatch(new RegExp(`^  appendix  ${from}:\\d+  text after the appendix heading that is not a table$`));
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toMatch(/^draft:\n {2}unread:\n {4}- \{ part: appendix, where: line \d+, what: text after the appendix heading that is not a table \}$/m);
    const findings = await auditFindings(dir);
    // The box's 0.62亿元 has no project to go to, since none was read: that is not a finding.
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(findings.map((finding) => finding.ruleId)).not.toContain('unlinked-work');
    expect(findings.filter((finding) => finding.ruleId === 'draft-unread').map((finding) => finding.data['where'])).toHaveLength(1);
  });

  it('the same plan with its appendix read: the box money is checked against the project', async () => {
    const from = join(mkdtempSync(join(tmpdir(), 'plan-tab-')), 'plan.txt');
    writeFileSync(from, tabText(composedPlan()));
    const dir = join(mkdtempSync(join(tmpdir(), 'plan-tab-')), 'draft');
    const result = await cli(['init', dir, '--from', from, '--lang', 'en']);
    expect(result.stdout).not.toContain('NOTE');
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).not.toContain('draft:');
    expect((await auditFindings(dir)).filter((finding) => finding.severity === 'error')).toEqual([]);
  });
});

describe('the text reader: wraps counted in characters, and a tab table that goes on aligned with spaces', () => {
  it('joins prose hard-wrapped at a count of characters, where digits make the lines of one length narrower', () => {
    // Every line but the last of each paragraph is 20 characters long; their widths in columns differ.
    const paragraph = (text: string): string[] => Array.from({ length: Math.ceil(text.length / 20) }, (_, i) => text.slice(i * 20, i * 20 + 20));
    const first = '　　全县建成便民服务站4个，分别位于青岩乡、玉林街道、玉峰镇和长安乡。公共服务设施网络逐步完善，服务能力不断增强，群众满意度达到98.5%以上，各项指标全面完成。';
    const second = '　　到2025年，基本公共服务体系更加健全，规划重点项目总投资28.11亿元（详见附表），新增托位1200个，建成社区养老服务站30个，覆盖率达到100%。';
    const third = '　　展望2035年，基本公共服务均等化基本实现，人民群众获得感、幸福感、安全感显著增强，城乡区域间基本公共服务差距明显缩小。';
    const model = readText(['某县规划', '第一章  总体要求', ...paragraph(first), '', ...paragraph(second), '', ...paragraph(third), ''].join('\n'));
    expect(texts(model)).toEqual(['某县规划', '第一章总体要求', first.trim(), second.trim(), third.trim()]);
  });

  it('reads the rows after a page break where the table goes on aligned with spaces, each wrapped cell in its column', () => {
    const header = ['序号', '项目名称', '责任部门', '建设内容及规模', '投资估算（万元）'];
    // Cells placed at display columns, as pdftotext -layout prints them (a CJK character takes two).
    const STARTS = [0, 8, 28, 44, 74];
    const spaced = (cells: string[]): string => {
      let line = '';
      cells.forEach((cell, i) => {
        const width = [...line].reduce((n, c) => n + (c >= '\u2e80' ? 2 : 1), 0);
        if (cell) line += ' '.repeat(Math.max(2, STARTS[i]! - width)) + cell;
      });
      return line;
    };
    const text = [
      '某县规划',
      '附表  重点项目表',
      header.join('\t'),
      '一、病有所医\t21000',
      '1\t某县甲镇卫生院建设项目\t县卫生健康委\t新建床位50张。\t10000',
      '',
      '— 5 —',
      '',
      spaced(header),
      spaced(['2', '某县乙镇中医院住', '县卫生健康委', '新建建筑面积5300', '11000']),
      spaced(['', '院楼改扩建工程', '', '㎡，新增床位310张。', '']),
      spaced(['合计', '', '', '', '21000']),
      '',
    ].join('\n');
    const model = readText(text);
    expect(tables(model)).toEqual([
      [
        header,
        ['一、病有所医', '21000'],
        ['1', '某县甲镇卫生院建设项目', '县卫生健康委', '新建床位50张。', '10000'],
        ['2', '某县乙镇中医院住院楼改扩建工程', '县卫生健康委', '新建建筑面积5300㎡，新增床位310张。', '11000'],
        // A row of the spaced part keeps its empty cells, placed by column.
        ['合计', '', '', '', '21000'],
      ],
    ]);
    expect(model.dropped.filter((d) => d.why === 'repeated-header-row')).toHaveLength(1);
  });
});

describe('the text reader: a table whose first column names the sections (类别), its layout changed at a page break', () => {
  const QUIRKS = new URL('./fixtures/quirks/', import.meta.url).pathname;
  const rowsOf = (file: string): string[][] => tables(readText(readFileSync(join(QUIRKS, file), 'utf8')))[0] ?? [];
  /** A row's serial and name, wherever its cells start (after its label, or with no label cell). */
  const named = (rows: string[][]): string[] => rows.flatMap((row) => ((at) => (at >= 0 && /县/u.test(row[at + 1] ?? '') ? [`${row[at]} ${row[at + 1]}`] : []))(row.findIndex((cell) => /^\d{1,3}$/u.test(cell))));

  it('reads columns aligned with spaces as such, not as pdftotext -layout’s, and the rows after the header printed again one cell a line (seed 35 of corpus B)', () => {
    const rows = named(rowsOf('category-spaces-then-lines.txt'));
    expect(rows).toHaveLength(23);
    expect(rows.slice(0, 2)).toEqual(['1 竹川县桃林街道小学建设项目', '2 竹川县桃峰镇小学改造工程']);
    expect(rows).toContain('5 竹川县宁坪镇中医院住院楼改造工程');
  });

  it('gives a row printed one cell a line an empty label cell, so that its cells stand under the header’s as the rows aligned by spaces after a page break do (seed 49 of corpus B)', () => {
    const rows = rowsOf('category-lines-then-spaces.txt');
    expect(rows[0]?.slice(0, 3)).toEqual(['类别', '序号', '项目名称']);
    expect(rows.filter((row) => /^[1-4]$/u.test(row[1] ?? '')).slice(0, 4).map((row) => row.slice(0, 4))).toEqual([
      ['', '1', '松源县梅源街道初级中学改扩建工程', '县教委'],
      ['', '2', '松源县兰泉街道初级中学改扩建工程', '县教委'],
      ['', '3', '松源县银桥街道职业教育中心新建工程', '县教委'],
      ['', '4', '松源县和山镇职业教育中心新建工程', '县教委'],
    ]);
  });

  it('keeps the empty label cell of a row printed with tabs after rows one cell a line (\t4\t…), so its cells stand under the header’s (seed 59 of corpus B)', () => {
    const rows = rowsOf('category-lines-then-tabs.txt');
    expect(rows.filter((row) => /^[3-9]$/u.test(row[1] ?? '')).map((row) => row.slice(0, 4))).toEqual([
      ['', '3', '桃坝县平河街道就业服务中心新建工程', '县人力社保局'],
      ['', '4', '桃坝县桃川镇创业孵化基地改造工程', '县人力社保局'],
      ['三、弱有所扶', '5', '桃坝县翠林街道救助管理站改扩建工程', '县民政局'],
      ['', '7', '桃坝县梅塘街道残疾人康复中心新建工程', '县民政局'],
      ['', '8', '桃坝县杏桥街道儿童福利院改扩建工程', '县民政局'],
      ['', '9', '桃坝县云溪镇残疾人康复中心新建工程', '县民政局'],
    ]);
  });

  it('opens a row at a serial one past the next (2, then 4) after a row one cell a line whose remarks are empty, under a 类别 column: the label\'s empty cell is no cell of the row (seed 59 of corpus B)', () => {
    const rows = rowsOf('category-serial-skipped.txt');
    expect(rows.filter((row) => /^[1-5]$/u.test(row[1] ?? '')).map((row) => row.slice(1, 4).concat(row.slice(6)))).toEqual([
      ['1', '玉桥县兰桥乡就业服务中心改造工程', '县人力社保局', '2021-2023', '9600', '16000', ''],
      ['2', '玉桥县银塘街道就业服务中心改造工程', '县人力社保局', '2021-2024', '9540', '15900', ''],
      ['4', '玉桥县云岭镇技能实训基地新建工程', '县人力社保局', '2022-2025', '2700', '4500', '争取中央预算内资金'],
      ['5', '玉桥县和坝街道技能实训基地新建工程', '县人力社保局', '2024-2025', '14640', '24400', ''],
    ]);
  });

  it('opens a row printed with tabs at its label or its empty label cell, then its serial (病有所医→1→…, →2→…), after rows aligned by spaces: not a line that goes on the 小计 above it (seed 65 of corpus B)', () => {
    const rows = rowsOf('category-spaces-then-tabs.txt');
    expect(rows.filter((row) => /^\d+$/u.test(row[1] ?? '') || /计/u.test(row[0] ?? '')).map((row) => (/计/u.test(row[0] ?? '') ? row.join(' ') : `${row[0]} ${row[1]} ${row.at(-1)}`))).toEqual([
      '弱有所扶 1 22400',
      ' 2 11700',
      ' 3 6600',
      ' 4 13800',
      ' 5 20500',
      ' 6 19500',
      '小计 94500',
      '病有所医 1 5800',
      ' 2 6200',
      ' 3 19100',
      '小计 31100',
      '幼有所育 1 19800',
      ' 2 16700',
      ' 3 10700',
      ' 4 5400',
      ' 5 11300',
      '小计 63900',
      '合计 189500',
    ]);
  });

  it('blanks a label set before its serial (一、文体服务  1  青岭县…) by its width, CJK two columns, in a table aligned by display width: the serial and the name stay under their headers (seed 43 of corpus B)', () => {
    const rows = rowsOf('category-label-wide.txt');
    expect(rows.filter((row) => /^\d+$/u.test(row[1] ?? '') && row[0] !== '').map((row) => row.slice(0, 5).join(' '))).toEqual([
      '一、文体服务 1 青岭县翠源乡体育场改扩建工程 县文化旅游委 改扩建',
      '二、弱有所扶 6 青岭县玉河镇救助管理站建设项目 县民政局 新建',
      '三、幼有所育 12 青岭县丰山镇婴幼儿照护中心改扩建工程 县卫生健康委 改扩建',
      '四、老有所养 14 青岭县青桥镇养老服务中心改扩建工程 县民政局 改扩建',
    ]);
  });

  it('places a row under its section’s label (二、病有所医  7  …), aligned by spaces after rows one cell a line, by column, its wrapped line too (建设项目 / 增床位20张。): not as a section’s row, its pieces in order (seed 37 of corpus B)', () => {
    const rows = rowsOf('category-label-row-wrapped.txt');
    expect(rows.filter((row) => /^(7|9|10)$/u.test(row[1] ?? '') && row[0] !== '').map((row) => row.slice(0, 4).join(' '))).toEqual([
      '二、病有所医 7 金湾县梅桥街道中心卫生院建设项目 新建建筑面积21700㎡，新增床位20张。',
      '三、老有所养 9 金湾县杏塘乡养老服务中心新建工程 新建建筑面积22600㎡，新增床位550张。',
      '四、弱有所扶 10 金湾县柏山街道儿童福利院改造工程 新建建筑面积26400㎡，新增床位30张。',
    ]);
    expect(rows.filter((row) => row[1] === '7').map((row) => row.length)).toEqual([rows[0]!.length]);
  });

  it('opens each row after the header printed again one cell a line at the serial that follows the last row’s, the serial standing after the label (seed 37 of corpus B)', () => {
    expect(named(rowsOf('category-tabs-then-lines.txt')).slice(-5)).toEqual(['13 平山县杏田乡幼儿园建设项目', '14 平山县兰塘乡初级中学改扩建工程', '15 平山县兰泉乡小学建设项目', '16 平山县和川乡小学建设项目', '17 平山县太川镇初级中学改造工程']);
  });
});

describe('the text reader: one cell a line, a serial skipped right after the header printed again (seed 194)', () => {
  it('opens a row at a serial one past the next (1, then 3) after the header printed again one cell a line, the row before having left its remarks empty at the page’s foot', () => {
    const read = tables(readText(readFileSync(new URL('./fixtures/quirks/serial-skipped-after-header.txt', import.meta.url).pathname, 'utf8')))[0] ?? [];
    const section = read.slice(read.findIndex((row) => row[0] === '五、病有所医'));
    expect(section.filter((row) => /^\d+$/u.test(row[0] ?? '')).slice(0, 3).map((row) => [row[0], row[1], row[6], row[7] ?? ''].join(' '))).toEqual([
      '1 石坝县安河镇社区卫生服务中心建设项目 18200 ',
      '3 石坝县竹河街道中心卫生院建设项目 18100 申请专项债券',
      '4 石坝县银坡街道社区卫生服务中心新建工程 10400 争取中央预算内资金',
    ]);
  });
});

describe('the text reader: a table numbered section by section, its layout changed at a page break', () => {
  it('opens the first row after the header printed again one cell a line at 1 when the page before ended on a part’s row (（一）设施建设类), seed 53 of corpus B', () => {
    const [rows] = tables(readText(readFileSync(new URL('./fixtures/quirks/section-serials-after-break.txt', import.meta.url).pathname, 'utf8')));
    const after = rows?.slice(rows.findIndex((row) => row[0] === '（一）设施建设类')) ?? [];
    expect(after.slice(0, 4).map((row) => row.slice(0, 2).concat(row.slice(3)))).toEqual([
      ['（一）设施建设类', '59000'],
      ['1', '丰塘县龙湾镇康养中心改扩建工程', '2021-2025', '23600', '县民政局'],
      ['2', '丰塘县平泉乡康养中心新建工程', '2022-2024', '15000', '县民政局'],
      ['3', '丰塘县银溪乡敬老院新建工程', '2024-2024', '20400', '县民政局'],
    ]);
  });
});

describe('the text reader: two 类别 tables, the first ending one cell a line', () => {
  it('ends the first table at the second’s 附表二 heading, never a section label (seed 67 of corpus B)', () => {
    const read = tables(readText(readFileSync(new URL('./fixtures/quirks/second-table-after-lines.txt', import.meta.url).pathname, 'utf8')));
    expect(read).toHaveLength(2);
    expect(read[0]?.at(-1)).toEqual(['合计', '59580', '99300']);
    expect(read[1]?.[0]?.slice(0, 3)).toEqual(['类别', '序号', '项目名称']);
    expect(read[1]?.filter((row) => !/计$/u.test(row[0] ?? '') && /^\d+$/u.test(row[1] ?? '')).map((row) => row[1])).toEqual(['1', '3', '4', '5', '6', '7', '8', '9']);
  });
});

describe('the text reader: a table one row a line, its cells one space apart (pdftotext -layout)', () => {
  it('reads the rows of a box table whose header opens with 序号, as far as every row has as many words', () => {
    const model = readText(
      [
        '某县规划',
        '专栏1 主要指标',
        '序号     指标       单位 2020年 2025年 指标属性',
        '一、病有所医',
        '1 每千人口医疗卫生机构床位数 张 5.17 6.02 约束性',
        '2 每千人口执业（助理）医师数 人 2      2.41 预期性',
        '第一章 总体要求',
        '正文 有 一些 空格 但 不是 表格。',
        '',
      ].join('\n'),
    );
    expect(tables(model)).toEqual([
      [
        ['序号', '指标', '单位', '2020年', '2025年', '指标属性'],
        ['一、病有所医'],
        ['1', '每千人口医疗卫生机构床位数', '张', '5.17', '6.02', '约束性'],
        ['2', '每千人口执业（助理）医师数', '人', '2', '2.41', '预期性'],
      ],
    ]);
    expect(texts(model)).toContain('正文 有 一些 空格 但 不是 表格。');
  });

  it('does not take a line of words for a header unless it opens with 序号 and names a column', () => {
    const model = readText(['某县规划', '专栏1 主要指标', '甲 乙 丙 丁', '1 2 3 4', ''].join('\n'));
    expect(tables(model)).toEqual([]);
  });
});
