import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, DocumentModel, ReadResult, TableBlock } from '../src/read/blocks.js';
import { decodeHtml, readHtml } from '../src/read/html.js';
import { readPublished, sourceTextOf } from '../src/read/index.js';
import { cli } from './helpers.js';

/** GBK bytes of a text, from the decoder's own table (every character used has a two-byte form). */
function gbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\uFFFD' && !table.has(char)) table.set(char, (lead << 8) | trail);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(char);
      if (pair === undefined) throw new Error(`no GBK form for ${char}`);
      bytes.push(pair >> 8, pair & 0xff);
    }
  }
  return new Uint8Array(bytes);
}

const ARTICLE = `
<div class="nav"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <span>第一章 网站导航说明</span></div>
<div class="main"><div class="content">
<h1>临河县“十四五”社会事业发展规划</h1>
<p>　　第一章　总体要求</p>
<p>　　全县常住人口约45万人，
城镇化率达到52.3%。</p>
<p>（一）发展目标</p>
<table border="1"><tr><td><p>专栏1 重点工程</p><p>1.第一幼儿园建设。新建校舍4000㎡。</p><p>2.家庭教育指导。</p></td></tr></table>
<p>第二章　主要任务</p>
<ol><li>新建幼儿园3所。</li><li>改扩建中小学5所。</li></ol>
<p>附表1　重点项目清单</p>
<table><tr><th>序号</th><th>项目名称</th><th>投资（万元）</th></tr>
<tr><td colspan="2">一、教育</td><td>5000</td></tr>
<tr><td rowspan="2">1</td><td>第一幼儿园<br>（续建）</td><td>3000</td></tr>
<tr><td>附属工程</td><td>２０００</td></tr></table>
</div></div>
<div class="footer">版权所有：临河县人民政府办公室　备案号：X-123</div>`;

const page = (head: string): string => `<!DOCTYPE html><html><head>${head}<title>临河县人民政府</title></head><body>${ARTICLE}</body></html>`;

function modelOf(result: ReadResult): DocumentModel {
  if (!('model' in result)) throw new Error(`refused: ${result.refused} ${result.detail ?? ''}`);
  return result.model;
}

const summary = (blocks: readonly Block[]): unknown[] =>
  blocks.map((block) => {
    if (block.kind === 'heading') return ['h', block.level, block.number ?? '', block.text];
    if (block.kind === 'paragraph') return ['p', block.text];
    if (block.kind === 'box') return ['box', block.title, summary(block.blocks)];
    return ['table', block.rows.map((row) => row.cells.map((cell) => (cell.rowSpan > 1 || cell.colSpan > 1 ? `${cell.text}[${cell.rowSpan}x${cell.colSpan}]` : cell.text)))];
  });

const EXPECTED = [
  ['h', 0, '', '临河县“十四五”社会事业发展规划'],
  ['h', 1, '第一章', '总体要求'],
  ['p', '全县常住人口约45万人，城镇化率达到52.3%。'],
  ['h', 2, '（一）', '发展目标'],
  ['box', '专栏1 重点工程', [['p', '1.第一幼儿园建设。新建校舍4000㎡。'], ['p', '2.家庭教育指导。']]],
  ['h', 1, '第二章', '主要任务'],
  ['p', '1.新建幼儿园3所。'],
  ['p', '2.改扩建中小学5所。'],
  ['h', 1, '附表1', '重点项目清单'],
  [
    'table',
    [
      ['序号', '项目名称', '投资（万元）'],
      ['一、教育[1x2]', '5000'],
      ['1[2x1]', '第一幼儿园\n（续建）', '3000'],
      ['附属工程', '２０００'],
    ],
  ],
];

describe('readHtml: a plan published as a web page', () => {
  it.each([
    ['UTF-8 with <meta charset>', new TextEncoder().encode(page('<meta charset="utf-8">')), 'utf-8'],
    ['GB2312 declared by http-equiv', gbk(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')), 'gbk'],
    ['GBK declared by <meta charset>', gbk(page('<meta charset="GBK">')), 'gbk'],
    ['GBK with no charset at all (not UTF-8, so GB18030)', gbk(page('')), 'gb18030'],
  ])('%s: the article as blocks, the site around it dropped as navigation', (_name, bytes, charset) => {
    expect(decodeHtml(bytes).charset).toBe(charset);
    const model = modelOf(readHtml(bytes));
    expect(summary(model.blocks)).toEqual(EXPECTED);
    expect(model.dropped.map((entry) => [entry.why, entry.text])).toEqual([
      ['navigation', '首页 | 政务公开 | 第一章 网站导航说明'],
      ['navigation', '版权所有：临河县人民政府办公室　备案号：X-123'],
    ]);
  });

  it('places each block by its element path, and writes tables one row a line in source.txt', async () => {
    const model = modelOf(await readPublished(new TextEncoder().encode(page('<meta charset="utf-8">')), 'plan.html'));
    const table = model.blocks.find((block): block is TableBlock => block.kind === 'table')!;
    expect(table.rows[2]!.cells[1]!.place).toEqual({ form: 'html', path: 'body>div[2]>div>table[2]>tbody>tr[3]>td[2]' });
    const { text, places } = sourceTextOf(model);
    // A line break in a cell is joined as a printed line's end is (no space between Chinese), as the draft joins it.
    expect(text).toContain('\n1\t第一幼儿园（续建）\t3000\n');
    expect(places[text.split('\n').indexOf('全县常住人口约45万人，城镇化率达到52.3%。')]).toEqual({ form: 'html', path: 'body>div[2]>div>p[2]' });
  });

  it('reads the whole body when no element holds the plan headings apart', () => {
    const model = modelOf(readHtml(new TextEncoder().encode('<p>第一章 总则</p><p>正文。</p>')));
    expect(summary(model.blocks)).toEqual([['h', 1, '第一章', '总则'], ['p', '正文。']]);
    expect(model.dropped).toEqual([]);
  });

  it('refuses a 50 MB page at once, without parsing it', () => {
    const bytes = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    expect(readHtml(bytes)).toMatchObject({ refused: 'too-large' });
  });

  it('reads 100,000 nested elements without running out of stack', () => {
    const bytes = new TextEncoder().encode(`<p>第一章 总则</p>${'<div>'.repeat(100_000)}深处的文字${'</div>'.repeat(100_000)}`);
    const text = sourceTextOf(modelOf(readHtml(bytes))).text;
    expect(text).toContain('深处的文字');
  });
});

/** A plan's article page: its title and first chapter, then `body`, and the appendix table's header. */
const planPage = (body: string, rows: string): string => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>规划</title></head><body><div class="article">
<h1>云河县“十四五”公共服务规划</h1>
<h2>第一章 总体要求</h2>
${body}
<p>附表 云河县“十四五”公共服务规划重点项目清单</p>
<table border="1"><tr><th>序号</th><th>项目名称</th><th>建设内容及规模</th><th>建设年限</th><th>投资估算（万元）</th></tr>
${rows}
</table></div></body></html>`;

describe('a web page whose table cells break their lines with <br>', () => {
  it('drafts each cell joined, and its audit finds every quote in source.txt (no provenance error)', async () => {
    const html = planPage(
      `<p>规划重点项目总投资1.2亿元（详见附表）。</p>
<h2>第二章 加强设施建设</h2>
<table border="1"><tr><td><p>专栏1 重点工程</p><p>1.云河县城关镇养老服务中心建设项目。新建建筑面积2200㎡，新增床位350张。</p></td></tr></table>`,
      `<tr><td colspan="4">合计</td><td>12000</td></tr>
<tr><td colspan="4">一、老有所养</td><td>12000</td></tr>
<tr><td>1</td><td>云河县城关镇养老服<br>务中心建设项目</td><td>新建建筑面积2200㎡<br>，新增床位350张。</td><td>2021-<br>2023</td><td>12000</td></tr>`,
    );
    const file = join(mkdtempSync(join(tmpdir(), 'plan-br-')), 'plan.html');
    writeFileSync(file, html);
    const result = await cli(['audit', file, '--format', 'json', '--lang', 'en']);
    const findings = (JSON.parse(result.stdout) as { findings: { ruleId: string; severity: string }[] }).findings;
    expect(findings.filter((finding) => finding.ruleId === 'provenance')).toEqual([]);
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(result.code).toBe(0);
  });
});

describe('an appendix whose parts are numbered （一）', () => {
  it('drafts each part with its numeral, name and subtotal, and the audit finds nothing wrong', async () => {
    const html = planPage(
      '<p>规划重点项目总投资2亿元（详见附表）。</p>',
      `<tr><td colspan="4">合计</td><td>20000</td></tr>
<tr><td colspan="4">（一）老有所养</td><td>12000</td></tr>
<tr><td>1</td><td>云河县城关镇养老服务中心建设项目</td><td>新建建筑面积2200㎡，新增床位350张。</td><td>2021-2023</td><td>12000</td></tr>
<tr><td colspan="4">（二）幼有所育</td><td>8000</td></tr>
<tr><td>2</td><td>云河县龙溪镇托育中心新建工程</td><td>新建建筑面积1200㎡，新增托位150个。</td><td>2022-2024</td><td>8000</td></tr>`,
    );
    const dir = mkdtempSync(join(tmpdir(), 'plan-parts-'));
    const file = join(dir, 'plan.html');
    writeFileSync(file, html);
    const target = join(dir, 'draft');
    expect((await cli(['init', target, '--from', file, '--lang', 'en'])).code).toBe(0);
    const projects = readFileSync(join(target, 'projects.yaml'), 'utf8');
    expect(projects).toMatch(/numeral: 一\n\s+name: 老有所养\n\s+subtotal: 12000/u);
    expect(projects).toMatch(/numeral: 二\n\s+name: 幼有所育\n\s+subtotal: 8000/u);
    const result = await cli(['audit', target, '--format', 'json', '--lang', 'en']);
    const findings = (JSON.parse(result.stdout) as { findings: { ruleId: string; severity: string }[] }).findings;
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });
});

describe('a table of contents in a document read into blocks', () => {
  it('is dropped, each entry recorded, and the chapters it lists are read once, where they stand', async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>规划</title></head><body><div class="article">
<h1>云河县“十四五”公共服务规划</h1>
<p style="text-align:center"><b>目  录</b></p>
<p>第一章  总体要求……………………1</p>
<p>第二章  健全养老服务体系……………………3</p>
<p>附表  重点项目清单……………………5</p>
<h2>第一章 总体要求</h2>
<p>全县常住人口约45万人。</p>
<h2>第二章 健全养老服务体系</h2>
<p>推进医养结合。</p>
</div></body></html>`;
    const model = modelOf(await readPublished(new TextEncoder().encode(html), 'plan.html'));
    expect(summary(model.blocks)).toEqual([
      ['h', 0, '', '云河县“十四五”公共服务规划'],
      ['h', 1, '第一章', '总体要求'],
      ['p', '全县常住人口约45万人。'],
      ['h', 1, '第二章', '健全养老服务体系'],
      ['p', '推进医养结合。'],
    ]);
    expect(model.dropped.filter((entry) => entry.why === 'table-of-contents').map((entry) => entry.text)).toEqual([
      '目 录',
      '第一章 总体要求……………………1',
      '第二章 健全养老服务体系……………………3',
      '附表 重点项目清单……………………5',
    ]);
  });

  it('is not found in a document without one: headings that end in a number stay', async () => {
    const html = '<p>第一章 总体要求</p><p>第一节 2025年</p><p>到2025年，县县通达。</p><p>第二章 保障措施</p><p>正文。</p>';
    const model = modelOf(await readPublished(new TextEncoder().encode(html), 'plan.html'));
    expect(model.dropped.filter((entry) => entry.why === 'table-of-contents')).toEqual([]);
    expect(model.blocks.filter((block) => block.kind === 'heading')).toHaveLength(3);
  });
});
