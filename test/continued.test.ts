// A table a writer split by hand at a page break: the rest printed as a table of its own under a
// label (续表, 附表1（续）), its header printed again or not. One table, in every form.
import { describe, expect, it } from 'vitest';
import type { DocumentModel, TableBlock } from '../src/read/blocks.js';
import { readPublished } from '../src/read/index.js';

const HEADER = '<tr><th>序号</th><th>项目名称</th><th>建设内容及规模</th><th>投资估算（万元）</th></tr>';
const row = (serial: number): string => `<tr><td>${serial}</td><td>第${serial}号建设项目</td><td>新建校舍${serial}00㎡。</td><td>${serial}0</td></tr>`;
const page = (body: string): Uint8Array => new TextEncoder().encode(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><h2>第一章 总体要求</h2><p>正文。</p><p>附表1 重点项目清单</p>${body}</body></html>`);

async function modelOf(bytes: Uint8Array, name: string): Promise<DocumentModel> {
  const read = await readPublished(bytes, name);
  if (!('model' in read)) throw new Error(`refused: ${read.refused}`);
  return read.model;
}

const tablesOf = (model: DocumentModel): string[][][] => model.blocks.filter((block): block is TableBlock => block.kind === 'table').map((table) => table.rows.map((cells) => cells.cells.map((cell) => cell.text)));

describe('a table split by hand at a page break', () => {
  it.each([
    ['续表, the header printed again', `<table>${HEADER}${row(1)}${row(2)}</table><p style="text-align:right">续表</p><table>${HEADER}${row(3)}</table>`],
    ['附表1（续）, no header', `<table>${HEADER}${row(1)}${row(2)}</table><p>附表1（续）</p><table>${row(3)}</table>`],
    ['（续表） with spaces, the header printed again', `<table>${HEADER}${row(1)}${row(2)}</table><p>（ 续 表 ）</p><table>${HEADER}${row(3)}</table>`],
    ['no label, the header printed again straight after', `<table>${HEADER}${row(1)}${row(2)}</table><table>${HEADER}${row(3)}</table>`],
  ])('web page, %s: one table, the label and the header printed again dropped', async (_name, body) => {
    const model = await modelOf(page(body), 'plan.html');
    const tables = tablesOf(model);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.map((cells) => cells[0])).toEqual(['序号', '1', '2', '3']);
    expect(model.blocks.filter((block) => block.kind === 'paragraph').map((block) => (block.kind === 'paragraph' ? block.text : ''))).toEqual(['正文。']);
  });

  it('records the label and the repeated header among what the reader dropped', async () => {
    const model = await modelOf(page(`<table>${HEADER}${row(1)}</table><p>续表</p><table>${HEADER}${row(2)}</table>`), 'plan.html');
    expect(model.dropped.map((entry) => [entry.why, entry.text])).toEqual([
      ['continued-table', '续表'],
      ['repeated-header-row', '序号 项目名称 建设内容及规模 投资估算（万元）'],
    ]);
  });

  it('keeps apart two tables that a paragraph parts, or that follow each other with other headers; under a label the rest joins, its first row a row', async () => {
    const other = '<tr><th>序号</th><th>指标名称</th><th>2020年</th><th>2025年</th></tr>';
    expect(tablesOf(await modelOf(page(`<table>${HEADER}${row(1)}</table><p>注：投资为估算数。</p><table>${HEADER}${row(2)}</table>`), 'plan.html'))).toHaveLength(2);
    expect(tablesOf(await modelOf(page(`<table>${HEADER}${row(1)}</table><p>续表</p><table>${other}<tr><td>1</td><td>床位数</td><td>5</td><td>6</td></tr></table>`), 'plan.html'))[0]).toHaveLength(4);
    expect(tablesOf(await modelOf(page(`<table>${HEADER}${row(1)}</table><table>${other}<tr><td>1</td><td>床位数</td><td>5</td><td>6</td></tr></table>`), 'plan.html'))).toHaveLength(2);
  });

  it('text as pdftotext -layout prints it: the label over the header on the next page is dropped, and the table goes on', async () => {
    const text = [
      '第一章 总体要求',
      '            附表1 重点项目清单',
      '序号  项目名称       建设内容及规模    投资估算（万元）',
      '1     第1号建设项目  新建校舍100㎡。   10',
      '2     第2号建设项目  新建校舍200㎡。   20',
      '',
      '                     — 1 —',
      '\f                                          续表',
      '序号  项目名称       建设内容及规模    投资估算（万元）',
      '3     第3号建设项目  新建校舍300㎡。   30',
      '',
    ].join('\n');
    const model = await modelOf(new TextEncoder().encode(text), 'plan.txt');
    expect(tablesOf(model).map((table) => table.map((cells) => cells[0]))).toEqual([['序号', '1', '2', '3']]);
    expect(model.dropped.some((entry) => entry.why === 'continued-table' && entry.text === '续表')).toBe(true);
  });
});
