import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageOf, type NumberKind } from '../src/coverage.js';
import { buildPlanModel } from '../src/load/builders/index.js';
import { readPlanFolder } from '../src/load/plan-folder.js';
import { readSource } from '../src/load/source.js';
import { cli, MINI, P, planCopy, WUSHAN } from './helpers.js';

function coverageIn(dir: string) {
  const { folder } = readPlanFolder(dir);
  const source = readSource(resolve(dir), 'source.txt');
  return coverageOf(buildPlanModel(folder, 'text' in source ? source.text : undefined).plan)!;
}

const PARAGRAPH = '经巫山发改〔2023〕113号文件，2023年9月20日起，拨打“12333”热线，建设5G基站，服务0-3岁婴幼儿，1.保持。新增床位300张。';

describe('plan coverage', () => {
  it('lists the untranscribed figures of the mini plan with their lines', () => {
    const missing = coverageIn(MINI).numbers.filter((n) => n.kind === 'untranscribed');
    expect(missing.map((n) => [n.text, n.line, n.region])).toEqual([
      ['12', 7, '第一章 总体要求'],
      ['500', 25, '第一章 总体要求'],
      ['50', 25, '第一章 总体要求'],
    ]);
  });

  it('reads PDF text: its contents, page marks and running headers apart, its one-cell-per-line table as a table', () => {
    const header = '测试县“十四五”公共服务规划';
    const indicatorTable = '专栏1  主要指标\n\t1\n\t城镇新增就业人数\n\t万人\n\t【1.2】\n\t【1.3】\n\t约束性\n\t2\n\t城镇调查失业率\n\t%\n\t4\n\t＜4\n\t预期性';
    const dir = planCopy(MINI, [
      P('source.txt', `${header}\n\n第一章`, `${header}\n\n目  录\n\n第一章  总体要求 .......... 1\n第二章  住房保障 .......... 3\n附表  重点项目清单 ........ 5\n\n— 1 —\n\n${header}\n第一章`),
      // The table as PDF text gives it: one cell a line, no indent, broken by a page.
      P('source.txt', indicatorTable, indicatorTable.replaceAll('\t', '').replace('【1.2】\n', `【1.2】\n\n— 2 —\n\n${header}\n`)),
      P('source.txt', '附表  重点项目清单\n\t合计', `— 3 —\n\n${header}\n附表  重点项目清单\n\t合计`),
    ]);
    const { numbers, regions } = coverageIn(dir);
    expect(numbers.filter((n) => n.kind === 'untranscribed').map((n) => [n.text, n.region])).toEqual([
      ['12', '第一章 总体要求'],
      ['500', '第一章 总体要求'],
      ['50', '第一章 总体要求'],
    ]);
    expect(numbers.filter((n) => n.kind === 'contents').map((n) => n.text)).toEqual(['1', '3', '5']);
    expect(numbers.filter((n) => n.kind === 'page-mark').map((n) => n.text)).toEqual(['1', '2', '3']);
    expect(regions.map((r) => r.region)).toEqual(['目录', '正文前', '第一章 总体要求', '专栏1', '专栏2', '第二章 住房保障', '专栏3', '附表', '附表 一、住有所居', '附表 二、老有所养']);
    expect(regions.find((r) => r.region === '专栏1')).toMatchObject({ numbers: 8, figures: 6, untranscribed: 0 });
  });

  it('takes chapters numbered 一、 and sections （一） for the chapters they are', () => {
    const dir = planCopy(MINI, [
      P('source.txt', '第一章  总体要求', '一、总体要求'),
      P('source.txt', '第一节  发展基础', '（一）发展基础'),
      P('source.txt', '第二节  主要目标', '（二）主要目标'),
      P('source.txt', '第二章  住房保障', '二、住房保障'),
      P('source.txt', '第一节  保障性住房', '（一）保障性住房'),
    ]);
    const { regions } = coverageIn(dir);
    expect(regions.map((r) => r.region)).toEqual(['第一章 总体要求', '专栏1', '专栏2', '第二章 住房保障', '专栏3', '附表', '附表 一、住有所居', '附表 二、老有所养']);
  });

  it('takes no cross-reference wrapped to the start of a line for a heading (第二章第一节。, 专栏3。)', () => {
    const dir = planCopy(MINI, [P('source.txt', '护理型床位比例不低于50%。', '护理型床位比例不低于50%。住房任务见\n第二章第一节。重点工程见\n专栏3。')]);
    const { regions } = coverageIn(dir);
    expect(regions.map((r) => r.region)).toEqual(['第一章 总体要求', '专栏1', '专栏2', '第二章 住房保障', '专栏3', '附表', '附表 一、住有所居', '附表 二、老有所养']);
  });

  it.each<[string, NumberKind]>([
    ['〔2023〕', 'document-number'],
    ['113号', 'document-number'],
    ['2023年', 'year'],
    ['9月', 'date'],
    ['20日', 'date'],
    ['12333', 'phone'],
    ['5G', 'name'],
    ['0-', 'name'],
    ['3岁', 'name'],
    ['1.保持', 'numbering'],
    ['300张', 'untranscribed'],
  ])('reads %s as %s', (needle, kind) => {
    const dir = planCopy(MINI, [{ file: 'source.txt', from: '第二章  住房保障', to: `${PARAGRAPH}\n\n第二章  住房保障` }]);
    const numbers = coverageIn(dir).numbers.filter((n) => n.context.includes(PARAGRAPH.slice(0, 4)) || PARAGRAPH.includes(n.context));
    const digits = needle.match(/\d+/)![0];
    const column = PARAGRAPH.indexOf(needle) + needle.indexOf(digits);
    const found = numbers.find((n) => n.text === digits && PARAGRAPH.slice(column, column + digits.length) === digits && n.context.includes(needle.replace(/^[〔]/, '')));
    expect(found?.kind).toBe(kind);
  });

  it('prints its table and list for the bundled plan, in both languages', async () => {
    for (const lang of ['en', 'zh']) {
      const { code, stdout } = await cli(['coverage', WUSHAN, '--lang', lang]);
      expect(code).toBe(0);
      expect(stdout).toMatch(lang === 'en' ? /^total\s+\d+/m : /^合计\s+\d+/m);
      // Every number of the bundled text is transcribed or recognised as not a figure.
      expect(stdout).toContain(lang === 'en' ? 'no untranscribed numbers' : '没有未转录的数字');
    }
  });

  it('gives JSON with every number classified', async () => {
    const { stdout } = await cli(['coverage', MINI, '--format', 'json']);
    const [plan] = JSON.parse(stdout).plans;
    expect(plan.report.covered.den).toBe(plan.report.numbers.length);
  });
});
