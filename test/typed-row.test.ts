// A layout row read again by what its cells hold (src/read/typed-row.ts): the kinds a header
// names, whether cells read as their kinds, and the reading by kind of rows pdftotext -layout
// printed with a narrow column's pieces where the next column starts (corpus C, seeds 318, 319).
import { describe, expect, it } from 'vitest';
import { columnKinds, type LinePiece, retypeRow, rowFits } from '../src/read/typed-row.js';

const HEADER = ['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算（万元）', '其中：“十四五”投资（万元）'];
const KINDS = columnKinds(HEADER);
const ANCHORS = [0, 2, 7, 10, 12, 19, 34, 40, 47];

/** A line's pieces as pdftotext -layout prints them: apart by spaces, each at its place. */
const piecesOf = (line: string): LinePiece[] => [...line.matchAll(/\S+/gu)].map((match) => ({ text: match[0], start: [...line.slice(0, match.index)].length }));

describe('columnKinds', () => {
  it('names each column’s kind by its header, and others as other', () => {
    expect(KINDS).toEqual(['serial', 'name', 'department', 'nature', 'site', 'content', 'years', 'money', 'share']);
    expect(columnKinds(['“十四五”计划投资（万元）', '计划总投资', '总投资（万元）'])).toEqual(['share', 'money', 'money']);
    expect(columnKinds(['序号', '项目名称', '备注'])).toEqual(['serial', 'name', 'other']);
  });
});

describe('rowFits', () => {
  const clean = ['1', '石田县平峰镇托育服务中心改造工程', '县卫生健康委', '改建', '平峰镇', '新建建筑面积13500㎡。', '2021-2024', '21200', '12720'];
  const replaced = (column: number, text: string): string[] => clean.map((cell, at) => (at === column ? text : cell));
  it('takes a row whose typed cells read as their kinds, a nature printed out of order too', () => {
    expect(rowFits(KINDS, clean)).toBe(true);
    expect(rowFits(KINDS, replaced(3, '建扩改'))).toBe(true);
  });
  it.each([
    ['a nature that is no nature', 3, '平改建'],
    ['a site that ends as no place ends', 4, '平峰'],
    ['a department that opens as no office does', 2, '卫生健康委'],
    ['years that are no range', 6, '2024-11340'],
    ['an amount that is no number', 7, '2024-21200'],
    ['a serial that is no number', 0, '2实训基地'],
    ['a site that holds a sentence of the content', 4, '平设道路、停车场，购置相关设峰镇'],
    ['a name that holds a sentence of the content', 1, '石田县平峰镇托育服务中心关设备。改造工程'],
    ['a share of the investment more than the whole', 8, '21201'],
  ])('refuses a row with %s', (_, column, text) => {
    expect(rowFits(KINDS, replaced(column, text))).toBe(false);
  });
});

describe('retypeRow', () => {
  it('reads a row whose narrow column’s piece stands where the next column starts (平 under 性质, the content under 地址)', () => {
    const lines = ['  石田县平 县卫 平 新建建筑面积13500㎡，新增托位800', '1 峰镇托育', '  服务中心 生健', '          改 峰 个。同步实施室外工程。 2021- 21200 12720', '          建 镇 障碍设施建设。 2024', '  改造工程 康委'].map(piecesOf);
    expect(retypeRow(lines, ANCHORS, KINDS, 1)?.map((pieces) => pieces.join(''))).toEqual([
      '1',
      '石田县平峰镇托育服务中心改造工程',
      '县卫生健康委',
      '改建',
      '平峰镇',
      '新建建筑面积13500㎡，新增托位800个。同步实施室外工程。障碍设施建设。',
      '2021-2024',
      '21200',
      '12720',
    ]);
  });

  it('reads a row one of whose lines was printed out of its order, moving that line back', () => {
    const lines = ['  丰林县松 县人', '2 峰镇技能    新 松  新建建筑面积12200㎡。 2024-', '  实训基地 保局 建 镇 主要建设内容。', '       力社    峰', '               配套设施。       2025  18900 11340', '  新建工程'].map(piecesOf);
    const cells = retypeRow(lines, ANCHORS, KINDS, 1)?.map((pieces) => pieces.join(''));
    expect(cells?.slice(2, 5)).toEqual(['县人力社保局', '新建', '松峰镇']);
  });

  it('moves a line printed under the opening line back above it, and the shortest move that mends the row first (县教 / 新 under 委 / 建), seed 345', () => {
    const header = ['序号', '项目名称', '责任单位', '建设性质', '建设内容及规模', '建设年限', '总投资（万元）', '其中：“十四五”投资（万元）', '备注'];
    const lines = ['  丰塘县柏      新建建筑面积12100㎡，新增学位100', '7 中学建设 委 建 个。完善功能布局，优化服务流程，提', '  溪镇初级 县教 新', '            升综合服务能力和水平。同步实施室外', '                                         2022- 14300', '                                         2025          8580', '  项目        工程、智能化系统和无障碍设施建设。'].map(piecesOf);
    const cells = retypeRow(lines, [0, 2, 7, 10, 12, 41, 47, 55, 60], columnKinds(header), 1)?.map((pieces) => pieces.join(''));
    expect(cells?.slice(0, 4)).toEqual(['7', '丰塘县柏溪镇初级中学建设项目', '县教委', '新建']);
    expect(cells?.slice(5, 8)).toEqual(['2022-2025', '14300', '8580']);
  });

  it('gives the whole and its share printed on lines of their own the columns where the share is no more than the whole (400 and 240), seed 358', () => {
    const lines = ['   平河县太 县卫 太 新建建筑面积17200㎡，新增床位360', '8 溪乡中医     改 溪 张。主要建设内容包括土建、装饰装修、     2024- 400', '   院住院楼 康委 建 乡 给排水、电气、消防、绿化等配套设施。', '        生健', '                配套建设道路、停车场、管网等附属设     2024        240', '   改造工程         施，购置相关设备。'].map(piecesOf);
    const cells = retypeRow(lines, [0, 3, 8, 11, 13, 15, 38, 40, 44], KINDS, 1)?.map((pieces) => pieces.join(''));
    expect(cells?.slice(2, 5)).toEqual(['县卫生健康委', '改建', '太溪乡']);
    expect(cells?.slice(6)).toEqual(['2024-2024', '400', '240']);
  });

  it('reads a range of years printed with a space in it (2021- 2024) as one cell', () => {
    const lines = ['   丰山县柏湾 县文 改 柏 新建建筑面积23700㎡。', '1 镇文化馆改 化旅 扩 湾 设道路。 2021- 2024  27700 16620', '   扩建工程 游委 建 镇 备。'].map(piecesOf);
    expect(retypeRow(lines, ANCHORS, KINDS, 1)?.slice(6).map((pieces) => pieces.join(''))).toEqual(['2021-2024', '27700', '16620']);
  });

  it('gives nothing for a row of more than 24 lines: rows run together, not a row read wrong', () => {
    const row = ['  石田县平 县卫 平 新建建筑面积13500㎡，新增托位800', '1 峰镇托育', '  服务中心 生健', '          改 峰 个。同步实施室外工程。 2021- 21200 12720', '          建 镇 障碍设施建设。 2024', '  改造工程 康委'].map(piecesOf);
    const filler = Array.from({ length: 19 }, () => piecesOf('                   配套设施。'));
    expect(retypeRow([...row, ...filler.slice(0, 18)], ANCHORS, KINDS, 1)).toBeDefined();
    expect(retypeRow([...row, ...filler], ANCHORS, KINDS, 1)).toBeUndefined();
  });

  it('gives nothing when no reading makes every typed column read (a nature of 新 alone)', () => {
    const lines = ['1 石田县小学 县教委 新 银坝街道 新建教学楼。 2022-2023 5800 3480'].map(piecesOf);
    expect(retypeRow(lines, ANCHORS, KINDS, 0)).toBeUndefined();
  });
});
