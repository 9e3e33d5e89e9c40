import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Block, DocumentModel, ReadResult, TableBlock } from '../src/read/blocks.js';
import { readDocx } from '../src/read/docx.js';
import { readPublished, sourceTextOf } from '../src/read/index.js';
import { toolOutputs, toolVersion } from './tool-cache.js';

const FFLATE_VERSION = (createRequire(import.meta.url)('fflate/package.json') as { version: string }).version;
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const p = (text: string, properties = ''): string => `<w:p>${properties === '' ? '' : `<w:pPr>${properties}</w:pPr>`}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (content: string, properties = ''): string => `<w:tc>${properties === '' ? '' : `<w:tcPr>${properties}</w:tcPr>`}${content}</w:tc>`;
const tr = (...cells: string[]): string => `<w:tr>${cells.join('')}</w:tr>`;
const tbl = (...rows: string[]): string => `<w:tbl>${rows.join('')}</w:tbl>`;
const numbered = (id: number, level: number, text: string): string => p(text, `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${id}"/></w:numPr>`);

/** A .docx zipped here by fflate from its XML parts. */
function docx(body: string, parts: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
  };
  for (const [name, xml] of Object.entries(parts)) files[name] = strToU8(xml);
  return zipSync(files);
}

const NUMBERING = `<w:numbering ${W}>
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
  <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>`;

const STYLES = `<w:styles ${W}>
  <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>
  <w:style w:type="paragraph" w:styleId="Chapter"><w:name w:val="Chapter"/><w:basedOn w:val="1"/></w:style>
</w:styles>`;

function modelOf(result: ReadResult): DocumentModel {
  if (!('model' in result)) throw new Error(`refused: ${result.refused} ${result.detail ?? ''}`);
  return result.model;
}

/** One deflated entry with the sizes it declares (lies included), no central directory: what a streaming reader sees. */
function storedZip(name: string, deflated: Uint8Array, declaredSize: number): Uint8Array {
  const nameBytes = Buffer.from(name);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(deflated.length, 18);
  header.writeUInt32LE(declaredSize, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes, deflated]);
}

const summary = (blocks: readonly Block[]): unknown[] =>
  blocks.map((block) => {
    if (block.kind === 'heading') return ['h', block.level, block.number ?? '', block.text];
    if (block.kind === 'paragraph') return ['p', block.text];
    if (block.kind === 'box') return ['box', block.title, summary(block.blocks)];
    return ['table', block.rows.map((row) => row.cells.map((cell) => (cell.rowSpan > 1 || cell.colSpan > 1 ? `${cell.text}[${cell.rowSpan}x${cell.colSpan}]` : cell.text)))];
  });

describe('readDocx: Word documents into blocks', () => {
  it('reads headings by style and by printed number, and list numbers as Word prints them', () => {
    const bytes = docx(
      [
        p('总体要求', '<w:pStyle w:val="Chapter"/>'),
        p('第二章  主要任务'),
        numbered(1, 0, '指导思想'),
        numbered(1, 1, '坚持以人民为中心'),
        numbered(1, 1, '坚持统筹发展'),
        numbered(1, 0, '发展目标'),
        numbered(2, 0, '新建幼儿园3所，新增学位1200个。'),
        numbered(2, 0, '改扩建中小学5所。'),
        numbered(3, 0, '项目要点'),
      ].join(''),
      { 'word/numbering.xml': NUMBERING, 'word/styles.xml': STYLES },
    );
    const model = modelOf(readDocx(bytes));
    expect(summary(model.blocks)).toEqual([
      ['h', 1, '', '总体要求'],
      ['h', 1, '第二章', '主要任务'],
      ['h', 1, '一、', '指导思想'],
      ['h', 2, '（一）', '坚持以人民为中心'],
      ['h', 2, '（二）', '坚持统筹发展'],
      ['h', 1, '二、', '发展目标'],
      ['p', '1.新建幼儿园3所，新增学位1200个。'],
      ['p', '2.改扩建中小学5所。'],
      ['p', '项目要点'],
    ]);
    expect(model.blocks[1]!.place).toEqual({ form: 'docx', paragraph: 2 });
  });

  it('reads merged cells (gridSpan, vMerge) and a nested table', () => {
    const nested = tbl(tr(tc(p('甲')), tc(p('乙'))));
    const bytes = docx(
      p('附表1  重点项目清单') +
        tbl(
          tr(tc(p('序号')), tc(p('项目名称')), tc(p('投资（万元）'))),
          tr(tc(p('一、教育'), '<w:gridSpan w:val="2"/>'), tc(p('5000'))),
          tr(tc(p('1'), '<w:vMerge w:val="restart"/>'), tc(p('第一幼儿园') + p('（续建）')), tc(p('3000'))),
          tr(tc(p(''), '<w:vMerge/>'), tc(p('附属工程') + nested), tc(p('2000'))),
        ),
    );
    const model = modelOf(readDocx(bytes));
    expect(summary(model.blocks)).toEqual([
      ['h', 1, '附表1', '重点项目清单'],
      [
        'table',
        [
          ['序号', '项目名称', '投资（万元）'],
          ['一、教育[1x2]', '5000'],
          ['1[2x1]', '第一幼儿园\n（续建）', '3000'],
          ['附属工程\n甲 乙', '2000'],
        ],
      ],
    ]);
    const table = model.blocks[1] as TableBlock;
    expect(table.caption).toBe('附表1 重点项目清单');
    expect(table.rows[3]!.cells[0]!.blocks?.map((block) => block.kind)).toEqual(['paragraph', 'table']);
    expect(table.rows[2]!.cells[1]!.place).toEqual({ form: 'docx', table: 1, row: 3, cell: 2 });
  });

  it('keeps a line break in a cell (<w:br/>) as the cell\'s line, joined in source.txt as the draft joins it, and reads a no-break space as a space', () => {
    const broken = (first: string, second: string): string => `<w:p><w:r><w:t>${first}</w:t><w:br/><w:t>${second}</w:t></w:r></w:p>`;
    const bytes = docx(
      p('附表1  重点项目清单') +
        tbl(
          tr(tc(p('序号')), tc(p('项目名称')), tc(p('建设内容'))),
          tr(tc(p('1')), tc(broken('第一幼儿', '园建设项目')), tc(p('新建校舍4000\u00a0㎡。'))),
        ) +
        p('全县建成便民服务站4\u00a0个。'),
    );
    const model = modelOf(readDocx(bytes));
    const table = model.blocks[1] as TableBlock;
    expect(table.rows[1]!.cells.map((cell) => cell.text)).toEqual(['1', '第一幼儿\n园建设项目', '新建校舍4000 ㎡。']);
    const { text } = sourceTextOf(model);
    expect(text).toContain('\n1\t第一幼儿园建设项目\t新建校舍4000 ㎡。\n');
    expect(text).toContain('\n全县建成便民服务站4 个。');
  });

  it('reads a table that lays out the page (its cells hold the chapters) as the blocks of its cells, and a data table as a table', () => {
    const article = p('第一章  总体要求') + p('全县常住人口约45万人。') + tbl(tr(tc(p('序号')), tc(p('项目名称'))), tr(tc(p('1')), tc(p('第一幼儿园')))) + p('第二章  主要任务') + p('新建幼儿园3所。');
    const bytes = docx(tbl(tr(tc(p('导航')), tc(article))));
    expect(summary(modelOf(readDocx(bytes)).blocks)).toEqual([
      ['p', '导航'],
      ['h', 1, '第一章', '总体要求'],
      ['p', '全县常住人口约45万人。'],
      ['table', [['序号', '项目名称'], ['1', '第一幼儿园']]],
      ['h', 1, '第二章', '主要任务'],
      ['p', '新建幼儿园3所。'],
    ]);
  });

  it('reads a text box once (not its fallback copy) and a one-cell frame as a 专栏 box', () => {
    const textBox = `<w:p><w:r><w:t>正文前。</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="x"><w:txbxContent>${p('专栏2  民生工程')}${p('1.托育服务。新增托位750个。')}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox xmlns:v="v"><w:txbxContent>${p('专栏2  民生工程')}${p('1.托育服务。新增托位750个。')}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>正文后。</w:t></w:r></w:p>`;
    const bytes = docx(textBox + p('专栏3  重点工程') + tbl(tr(tc(p('1.第一幼儿园建设。') + p('2.家庭教育指导。')))));
    expect(summary(modelOf(readDocx(bytes)).blocks)).toEqual([
      ['p', '正文前。正文后。'],
      ['box', '专栏2 民生工程', [['p', '1.托育服务。新增托位750个。']]],
      ['box', '专栏3 重点工程', [['p', '1.第一幼儿园建设。'], ['p', '2.家庭教育指导。']]],
    ]);
  });

  it('turns bad character references and raw control characters into U+FFFD, never an error', () => {
    const bytes = docx(p('甲&#1114112;乙&#xD800;丙&#1;丁&#0;戊&#x1F600;&amp;') + p('己\u0001庚'));
    const texts = modelOf(readDocx(bytes)).blocks.map((block) => ('text' in block ? block.text : ''));
    expect(texts).toEqual(['甲\uFFFD乙\uFFFD丙\uFFFD丁\uFFFD戊😀&', '己\uFFFD庚']);
  });
});

describe('readDocx refuses what is no Word document, early', () => {
  it('refuses a zip bomb after the cap, not after inflating it all', async () => {
    // 64 MB of one byte deflates to ~64 KB; the cap here is 8 MB. Deflating it costs seconds: the
    // same bytes are kept in the tool cache until fflate's version changes.
    const made = await toolOutputs([`fflate ${FFLATE_VERSION}`, 'zipSync: word/document.xml of 64 MiB of spaces, level 9'], (folder) => {
      writeFileSync(join(folder, 'bomb.docx'), zipSync({ 'word/document.xml': new Uint8Array(64 * 1024 * 1024).fill(0x20) }, { level: 9 }));
    });
    const bomb = new Uint8Array(readFileSync(join(made, 'bomb.docx')));
    expect(bomb.length).toBeLessThan(200_000);
    const result = readDocx(bomb, { inflatedBytes: 8 * 1024 * 1024, entries: 100, tableDepth: 32, elementDepth: 512 });
    expect(result).toMatchObject({ refused: 'zip-bomb' });
  });

  it('refuses a 4 MB file that inflates to 4 GB with the default cap, declaring a small size (Node is not aborted)', () => {
    // Byte-aligned deflate blocks: an opening, then 1 MB of text repeated 4,096 times, then an empty final block.
    const sync = (text: string): Buffer => deflateRawSync(Buffer.from(text), { finishFlush: constants.Z_SYNC_FLUSH, level: 9 });
    const chunk = sync('a'.repeat(1024 * 1024));
    const deflated = Buffer.concat([sync(`<w:document ${W}><w:body><w:p><w:r><w:t>`), ...Array.from({ length: 4096 }, () => chunk), deflateRawSync(new Uint8Array(0))]);
    const bytes = storedZip('word/document.xml', deflated, 100);
    expect(bytes.length).toBeLessThan(5 * 1024 * 1024);
    expect(readDocx(bytes)).toMatchObject({ refused: 'zip-bomb' });
  });

  it.each([
    ['../evil.xml'],
    ['/etc/passwd'],
    ['word\\..\\evil.xml'],
    ['word/../../evil.xml'],
  ])('refuses the zip-slip name %s', (name) => {
    const bytes = zipSync({ [name]: strToU8('x'), 'word/document.xml': strToU8(`<w:document ${W}><w:body>${p('正文')}</w:body></w:document>`) });
    expect(readDocx(bytes)).toMatchObject({ refused: 'bad-docx', detail: expect.stringContaining('unsafe entry name') });
  });

  it('refuses a stream of NUL bytes quickly (no error per character)', () => {
    const bytes = zipSync({ 'word/document.xml': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    expect(readDocx(bytes)).toMatchObject({ refused: 'zip-bomb' });
    const small = zipSync({ 'word/document.xml': Buffer.concat([Buffer.from(`<w:document ${W}><w:body><w:p><w:r><w:t>`), Buffer.alloc(100_000, 1)]) });
    expect(readDocx(small)).toMatchObject({ refused: 'bad-docx' });
  });

  it('reads 320k unclosed <w:tbl> tags as a refusal, at once', () => {
    const bytes = docx('<w:tbl>'.repeat(320_000));
    expect(readDocx(bytes)).toMatchObject({ refused: 'bad-docx', detail: expect.stringContaining('nested') });
  });

  it.each([
    ['a zip without a document', zipSync({ 'a.txt': strToU8('hello') }), 'bad-docx'],
    ['malformed XML', zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p></w:body>') }), 'bad-docx'],
    ['a truncated zip', docx(p('正文')).subarray(0, 40), 'bad-docx'],
    ['a document with no text', docx(''), 'empty'],
  ])('%s', (_name, bytes, refused) => {
    expect(readDocx(bytes)).toMatchObject({ refused });
  });
});

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

/** plan.html converted by LibreOffice to `filter`, in a folder of the tool cache: the same page and LibreOffice convert once. */
function converted(dir: string, html: string, filter: string): Promise<string> {
  return toolOutputs([toolVersion('soffice'), filter, html], (out) => {
    writeFileSync(join(dir, 'plan.html'), html);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', filter, '--outdir', out, join(dir, 'plan.html')], { stdio: 'ignore', timeout: 120_000 });
    // Nothing is kept of a conversion that wrote nothing.
    if (readdirSync(out).length === 0) throw new Error(`soffice --convert-to ${filter} wrote nothing`);
  });
}

describe.skipIf(!soffice)('a .docx written by LibreOffice (soffice)', () => {
  it('reads headings, a merged-cell table and numbered paragraphs as LibreOffice writes them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-read-docx-'));
    const html = `<html><head><meta charset="utf-8"></head><body>
      <h1>第一章 总体要求</h1><p>全县常住人口约45万人。</p>
      <h2>第一节 发展目标</h2>
      <ol><li>新建幼儿园3所。</li><li>改扩建中小学5所。</li></ol>
      <p>附表1 重点项目清单</p>
      <table border="1"><tr><td>序号</td><td>项目名称</td><td>投资（万元）</td></tr>
      <tr><td colspan="2">一、教育</td><td>5000</td></tr>
      <tr><td rowspan="2">1</td><td>第一幼儿园</td><td>3000</td></tr>
      <tr><td>附属工程</td><td>2000</td></tr></table></body></html>`;
    const bytes = readFileSync(join(await converted(dir, html, 'docx:MS Word 2007 XML'), 'plan.docx'));
    const model = modelOf(await readPublished(bytes, 'plan.docx'));
    const blocks = summary(model.blocks);
    expect(blocks).toContainEqual(['h', 1, '第一章', '总体要求']);
    expect(blocks).toContainEqual(['p', '全县常住人口约45万人。']);
    const text = sourceTextOf(model).text;
    expect(text).toContain('1.新建幼儿园3所。');
    expect(text).toContain('一、教育\t5000');
    const table = model.blocks.find((block): block is TableBlock => block.kind === 'table')!;
    expect(table.rows[2]!.cells[0]).toMatchObject({ text: '1', rowSpan: 2 });
  }, 180_000);

  it('converts a legacy .doc with LibreOffice and reads it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-read-doc-'));
    const html = '<html><head><meta charset="utf-8"></head><body><h1>第一章 总体要求</h1><p>全县常住人口约45万人。</p></body></html>';
    const bytes = readFileSync(join(await converted(dir, html, 'doc:MS Word 97'), 'plan.doc'));
    expect([...bytes.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    const model = modelOf(await readPublished(bytes, 'plan.doc'));
    expect(summary(model.blocks)).toContainEqual(['p', '全县常住人口约45万人。']);
  }, 240_000);
});

describe('a legacy .doc without LibreOffice', () => {
  it('is refused with the command that converts it', async () => {
    const path = process.env['PATH'];
    process.env['PATH'] = '/nonexistent';
    try {
      const ole2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
      expect(await readPublished(ole2, 'plan.wps')).toEqual({ refused: 'legacy-word', detail: 'soffice --headless --convert-to docx plan.wps' });
    } finally {
      process.env['PATH'] = path;
    }
  });
});
