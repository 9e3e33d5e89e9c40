import { provenance } from '../../src/rules/provenance.js';
import { describe, expect, it } from 'vitest';
import { auditFindings, MINI, P, type Patch, planCopy, TABLES } from '../helpers.js';
import { testRule } from '../rule-tester.js';

const STATIONS = '{ fact: employment.urban-new-jobs, value: 1.2, unit: 万人, cumulative: true, period: "2016-2020", quote: 五年累计新增城镇就业1.2万人 }';
/** The mini plan's prose sentence on community stations, printed as `printed`, with `facts` added to its statement. */
const stations = (printed: string, facts: string) => [
  P('source.txt', '建成社区服务站12个。', printed),
  P('statements.yaml', STATIONS, `${STATIONS}\n      ${facts}`),
];

/** The mini plan's second appendix row, laid out with spaces as PDF text is, its long cells wrapped beside each other. */
const SPACE_ALIGNED_ROW = [
  '2   测试县社区养老   县民政局   新建   城区   新建社区养老服务中心，床位60张（其中护理   2023-2025   1000',
  '    服务中心                                 型床位20张，普通床位40张），服务大昌、福田',
  '                                             2个乡镇。',
].join('\n');
const TAB_ROW = '\t2\n\t测试县社区养老服务中心\n\t县民政局\n\t新建\n\t城区\n\t新建社区养老服务中心，床位60张（其中护理型床位20张，普通床位40张），服务大昌、福田2个乡镇。\n\t2023-2025\n\t1000';

/** The contents of the rows numbered 1 in 附表1 and 附表2 of a plan of two tables. */
const TABLE_1_CONTENT = '\t新建保障性租赁住房100套，建筑面积5000㎡，其中一层2000㎡，二层3000㎡。';
const TABLE_2_CONTENT = '\t新建社区养老服务中心，床位60张（其中护理型床位20张，普通床位40张），服务大昌、福田2个乡镇。';

const ROW_1_CONTENT = '\t新建保障性租赁住房100套，建筑面积5000㎡，其中一层2000㎡，二层3000㎡。';
const ROW_2_CONTENT = '\t新建社区养老服务中心，床位60张（其中护理型床位20张，普通床位40张），服务大昌、福田2个乡镇。';

/** Two printed contents swapped in source.txt: each row (or table) prints the other's. */
const swapped = (one: string, two: string): Patch[] => [P('source.txt', one, '\u0000'), P('source.txt', two, one), P('source.txt', '\u0000', two)];
/** What provenance says of two rows whose contents are swapped: each row's content is found in the other. */
const foundInEachOther = (one: string, two: string) => [
  { messageId: 'found-elsewhere' as const, file: 'projects.yaml', at: 'content: 新建保障性租赁住房100套', data: { ref: one, where: two } },
  { messageId: 'found-elsewhere' as const, file: 'projects.yaml', at: 'content: 新建社区养老服务中心', data: { ref: two, where: one } },
];

/** The mini plan's chapters and sections numbered as shorter plans number them: 一、 and （一）. */
const LISTED_HEADINGS = [
  P('source.txt', '第一章  总体要求', '一、总体要求'),
  P('source.txt', '第一节  发展基础', '（一）发展基础'),
  P('source.txt', '第二节  主要目标', '（二）主要目标'),
  P('source.txt', '第二章  住房保障', '二、住房保障'),
  P('source.txt', '第一节  保障性住房', '（一）保障性住房'),
];

/** The mini plan's sections numbered 一、 under its 第X章 chapters. */
const LISTED_SECTIONS = [P('source.txt', '第一节  发展基础', '一、发展基础'), P('source.txt', '第二节  主要目标', '二、主要目标'), P('source.txt', '第一节  保障性住房', '一、保障性住房')];

testRule(provenance, {
  valid: [
    { name: 'wrapped cells of a space-aligned table, a neighbour’s continuation on the line', patches: [P('source.txt', TAB_ROW, SPACE_ALIGNED_ROW)] },
    {
      name: 'a wrapped cell of a space-aligned row broken by a page (page mark and running header between its lines)',
      patches: [P('source.txt', TAB_ROW, SPACE_ALIGNED_ROW.replace('\n    服务中心', '\n\n— 5 —\n\n测试县“十四五”公共服务规划\n    服务中心'))],
    },
    {
      name: 'a figure printed with thousands separators (1,200 and １,２００)',
      patches: stations('建成社区服务站1,200个，服务人口１,２００人。', '- { fact: community.stations, value: 1200, unit: 个, quote: "建成社区服务站1,200个" }\n      - { fact: community.served, value: 1200, unit: 人, quote: "服务人口１,２００人" }'),
    },
    {
      name: 'counts printed as larger Chinese numerals (一百零五, 二十)',
      patches: stations('建成社区服务站一百零五个，培训人员二十名。', '- { fact: community.stations, value: 105, unit: 个, quote: 建成社区服务站一百零五个 }\n      - { fact: community.trainees, value: 20, unit: 名, quote: 培训人员二十名 }'),
    },
    {
      name: 'a box item wrapped before a decimal (a line opening “2.5万㎡” is no item 2)',
      patches: [
        P('source.txt', '1.保障性租赁住房建设。新建保障性租赁住房100套，建筑面积5000㎡。', '1.保障性租赁住房建设。新建保障性租赁住房100套，建筑面积\n2.5万㎡。'),
        P('boxes.yaml', 'text: 新建保障性租赁住房100套，建筑面积5000㎡。', 'text: 新建保障性租赁住房100套，建筑面积2.5万㎡。'),
        P('boxes.yaml', '{ fact: housing.rental-new.floor-area, value: 5000, unit: ㎡ }', '{ fact: housing.rental-new.floor-area, value: 2.5, unit: 万㎡ }'),
      ],
    },
    {
      name: 'a cross-reference wrapped to the start of a line (“第二章第一节。”, “专栏3。” are no headings)',
      patches: [P('source.txt', '护理型床位比例不低于50%。', '护理型床位比例不低于50%。住房任务见\n第二章第一节。重点工程见\n专栏3。')],
    },
    {
      name: 'a reference to the tables wrapped to the start of a line (“附表1、附表2）。” is no appendix)',
      fixture: TABLES,
      patches: [P('source.txt', '（详见附表1、附表2）。', '（详见\n附表1、附表2）。')],
    },
    {
      name: 'a prose quote across a page break (page mark and running header between its parts)',
      patches: [P('source.txt', '建筑面积约5000㎡。', '建筑面\n\n— 3 —\n\n测试县“十四五”公共服务规划\n积约5000㎡。')],
    },
    { name: 'full-width digits in the quote', patches: stations('建成社区服务站１２个。', '- { fact: community.stations, value: 12, unit: 个, quote: 建成社区服务站１２个 }') },
    { name: 'a quote typed in ASCII digits of a full-width print', patches: stations('建成社区服务站１２个。', '- { fact: community.stations, value: 12, unit: 个, quote: 建成社区服务站12个 }') },
    {
      name: 'counts printed as Chinese numerals (十二, 两, 四)',
      patches: stations(
        '建成社区服务站十二个，改造两所幼儿园，建设四个活动中心。',
        '- { fact: community.stations, value: 12, unit: 个, quote: 建成社区服务站十二个 }\n      - { fact: kindergartens.rebuilt, value: 2, unit: 所, quote: 改造两所幼儿园 }\n      - { fact: activity-centres.new, value: 4, unit: 个, quote: 建设四个活动中心 }',
      ),
    },
    { name: 'a box figure without a quote of its own (its item text holds it)', patches: [P('boxes.yaml', '{ fact: housing.rental-new.units, value: 100, unit: 套 }', '{ fact: housing.rental-new.units, value: 100, unit: 套 }')] },
    { name: 'chapters and sections numbered 一、 and （一）: each quote in the place its statement names', patches: LISTED_HEADINGS },
    { name: 'chapters numbered 第X章 and their sections 一、: each quote in the place its statement names', patches: LISTED_SECTIONS },
  ],
  invalid: [
    {
      name: 'a quote that the source does not hold',
      patches: [P('statements.yaml', 'quote: 五年累计新增城镇就业1.2万人', 'quote: 五年累计新增就业1.2万人')],
      errors: [{ messageId: 'quote-not-found', file: 'statements.yaml', at: 'quote: 五年累计新增就业1.2万人' }],
    },
    {
      name: 'a misquoted figure and a retyped content',
      patches: [
        P('statements.yaml', 'quote: 计划新建保障性租赁住房100套', 'quote: 计划新建保障性租赁住房101套'),
        P('projects.yaml', 'content: 新建社区养老服务中心，', 'content: 新建社区养老中心，'),
      ],
      errors: [
        { messageId: 'text-not-found', file: 'projects.yaml', at: 'content: 新建社区养老中心' },
        { messageId: 'quote-not-found', file: 'statements.yaml', at: '101套' },
      ],
    },
    {
      name: 'a figure that is not in its quote',
      patches: [P('statements.yaml', '{ fact: housing.rental-new.units, value: 100,', '{ fact: housing.rental-new.units, value: 1000,')],
      errors: [{ messageId: 'figure-not-in-quote', file: 'statements.yaml', at: 'value: 1000,' }],
    },
    {
      name: 'a figure not in its quote, whose digits a comma splits (12，300: two figures)',
      patches: stations('建成社区服务站12，300名学生入学。', '- { fact: community.stations, value: 12300, unit: 个, quote: 建成社区服务站12，300名学生入学 }'),
      errors: [{ messageId: 'figure-not-in-quote', file: 'statements.yaml', at: 'value: 12300', data: { value: '12300' } }],
    },
    {
      name: 'a Chinese numeral of another value',
      patches: stations('建成社区服务站十二个。', '- { fact: community.stations, value: 13, unit: 个, quote: 建成社区服务站十二个 }'),
      errors: [{ messageId: 'figure-not-in-quote', file: 'statements.yaml', at: 'value: 13', data: { value: '13' } }],
    },
    {
      name: 'a wrapped cell whose second part the row does not print',
      patches: [P('source.txt', TAB_ROW, SPACE_ALIGNED_ROW.replace('型床位20张', '型床位30张'))],
      errors: [{ messageId: 'text-not-found', file: 'projects.yaml', at: 'content: 新建社区养老服务中心' }],
    },
    {
      name: 'prose quoted from another chapter than its place says (found only elsewhere)',
      patches: [P('statements.yaml', '  - chapter: 二\n    section: 一', '  - chapter: 一\n    section: 二')],
      errors: [
        { messageId: 'found-elsewhere', file: 'statements.yaml', at: 'quote: 计划新建保障性租赁住房100套', data: { ref: '第一章第二节', where: '第二章第一节' } },
        { messageId: 'found-elsewhere', file: 'statements.yaml', at: 'quote: 建筑面积约5000㎡', data: { ref: '第一章第二节', where: '第二章第一节' } },
      ],
    },
    {
      name: 'prose quoted from another chapter than its place says, in a text whose chapters are numbered 一、 and sections （一）',
      patches: [...LISTED_HEADINGS, P('statements.yaml', '  - chapter: 二\n    section: 一', '  - chapter: 一\n    section: 二')],
      errors: [
        { messageId: 'found-elsewhere', file: 'statements.yaml', at: 'quote: 计划新建保障性租赁住房100套', data: { ref: '第一章第二节', where: '第二章第一节' } },
        { messageId: 'found-elsewhere', file: 'statements.yaml', at: 'quote: 建筑面积约5000㎡', data: { ref: '第一章第二节', where: '第二章第一节' } },
      ],
    },
    {
      name: 'prose quoted from another section than its place says, in a text whose sections are numbered 一、 under 第X章',
      patches: [...LISTED_SECTIONS, P('statements.yaml', '  - chapter: 二\n    section: 一', '  - chapter: 一\n    section: 二')],
      errors: [
        { messageId: 'found-elsewhere', file: 'statements.yaml', at: 'quote: 计划新建保障性租赁住房100套', data: { ref: '第一章第二节', where: '第二章第一节' } },
        { messageId: 'found-elsewhere', file: 'statements.yaml', at: 'quote: 建筑面积约5000㎡', data: { ref: '第一章第二节', where: '第二章第一节' } },
      ],
    },
    {
      name: 'appendix contents printed in each other’s rows',
      patches: swapped(ROW_1_CONTENT, ROW_2_CONTENT),
      errors: foundInEachOther('附表 序号1', '附表 序号2'),
    },
    {
      name: 'appendix contents printed in each other’s rows, in a table whose first column names the sections (住有所居  1 …)',
      patches: [P('source.txt', '\t1\n\t测试县', '住有所居\t1\n\t测试县'), P('source.txt', '\t2\n\t测试县', '养老服务\t2\n\t测试县'), ...swapped(ROW_1_CONTENT, ROW_2_CONTENT)],
      errors: foundInEachOther('附表 序号1', '附表 序号2'),
    },
    {
      name: 'rows of the same serial in two appendix tables, each printing the other’s content',
      fixture: TABLES,
      patches: swapped(TABLE_1_CONTENT, TABLE_2_CONTENT),
      errors: foundInEachOther('附表1 序号1', '附表2 序号1'),
    },
    {
      name: 'two tables headed in Chinese numerals (附表一, 附表二), each row printing the other’s content',
      fixture: TABLES,
      patches: [P('source.txt', '附表1  住房', '附表一  住房'), P('source.txt', '附表2  养老', '附表二  养老'), ...swapped(TABLE_1_CONTENT, TABLE_2_CONTENT)],
      errors: foundInEachOther('附表1 序号1', '附表2 序号1'),
    },
    {
      name: 'a box headed in a Chinese numeral (专栏三), each item printing the other’s text',
      patches: [
        P('source.txt', '专栏3 住有所居', '专栏三 住有所居'),
        P('source.txt', '1.保障性租赁住房建设。新建保障性租赁住房100套，建筑面积5000㎡。', '1.保障性租赁住房建设。新建社区养老服务中心，床位60张（其中护理型床位20张，普通床位40张）。'),
        P('source.txt', '2.社区养老服务中心。新建社区养老服务中心，床位60张（其中护理型床位20张，普通床位40张）。', '2.社区养老服务中心。新建保障性租赁住房100套，建筑面积5000㎡。'),
      ],
      errors: [
        { messageId: 'found-elsewhere', file: 'boxes.yaml', at: 'text: 新建保障性租赁住房100套', data: { ref: '专栏3 第1项', where: '专栏3 第2项' } },
        { messageId: 'found-elsewhere', file: 'boxes.yaml', at: 'text: 新建社区养老服务中心', data: { ref: '专栏3 第2项', where: '专栏3 第1项' } },
      ],
    },
    {
      name: 'a prose figure with no quote',
      patches: [P('statements.yaml', ', quote: 建筑面积约5000㎡ }', ' }')],
      errors: [{ messageId: 'missing-quote', file: 'statements.yaml', at: 'housing.rental-new.floor-area, value: 5000', data: { fact: 'housing.rental-new.floor-area' } }],
    },
  ],
});

describe('a draft that left its appendix unread', () => {
  it('pins no quote of the appendix to its row: the rows were misread', async () => {
    const swapped = [P('source.txt', ROW_1_CONTENT, '\u0000'), P('source.txt', ROW_2_CONTENT, ROW_1_CONTENT), P('source.txt', '\u0000', ROW_2_CONTENT)];
    const unread = P('plan.yaml', 'accepted: []', 'draft:\n  unread:\n    - { part: appendix, where: line 80, what: the appendix heading is not followed by a table }\naccepted: []');
    const elsewhere = async (patches: Patch[]): Promise<number> => (await auditFindings(planCopy(MINI, patches), ['provenance'])).filter((f) => f.messageId === 'found-elsewhere').length;
    expect(await elsewhere(swapped)).toBe(2);
    expect(await elsewhere([...swapped, unread])).toBe(0);
  });
});
