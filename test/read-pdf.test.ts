import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, DocumentModel, ReadResult, TableBlock } from '../src/read/blocks.js';
import { explainPdf } from '../src/read/explain.js';
import { readPublished, sourceTextOf } from '../src/read/index.js';
import { itemLeftOut, normalizeChar, readingFaults, readPdf } from '../src/read/pdf.js';
import { joinAll, joinLines } from '../src/read/lines.js';
import { toolOutputs, toolVersion } from './tool-cache.js';

function findChrome(): string | undefined {
  const given = process.env['CHROME_PATH'];
  if (given) return existsSync(given) ? given : undefined;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'].find(existsSync);
}
const chrome = findChrome();
/** Poppler's pdftotext: a PDF whose tables have no rules is read through its layouts. */
const pdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
if (!chrome) console.warn('read-pdf.test.ts: no Chromium found (set CHROME_PATH, or apt-get install chromium): the PDF tests that print their fixtures are SKIPPED.');

/** Too long for one line: printed with word-break: break-all, it is split over two. */
const DIGITS = '1234567890'.repeat(10);
const LONG = '这是一个很长的段落，用来检验跨行乃至跨页以后文字是否能被正确地连接起来，不在中文字符之间插入空格，也不会丢字。';

/** A composed plan as a web page: prose, a 专栏 frame, a ruled appendix long enough to cross pages, an unruled table. */
function planHtml(): string {
  const rows = Array.from({ length: 70 }, (_, index) => `<tr><td>${index + 1}</td><td>第${index + 1}号建设项目</td><td>新建校舍${(index + 1) * 100}㎡，配套建设室外附属工程及设备购置。</td><td>${(index + 1) * 10}</td></tr>`).join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
    body { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 14px; }
    table.ruled { border-collapse: collapse; width: 100%; } table.ruled td, table.ruled th { border: 1px solid #000; padding: 2px 4px; }
    table.plain td { padding: 0 24px 0 0; }
    .box { border: 1px solid #000; padding: 8px; margin: 8px 0; }
    p { margin: 4px 0; text-indent: 2em; }
  </style></head><body>
  <h1 style="text-align:center;font-size:24px">临河县“十四五”社会事业发展规划</h1>
  <h2>第一章 总体要求</h2>
  <p>全县常住人口约45万人，城镇化率达到52.3%，“十四五”期间计划实施重点项目共70个，其中第一幼儿园建筑面积2500㎡。</p>
  <p style="word-break:break-all">项目库编号${DIGITS}号。</p>
  <p>基于打造“妇女网 互联网 物联网”信息化平台建设。</p>
  <p>${LONG.repeat(30)}</p>
  <h3>第一节 发展目标</h3>
  <div class="box"><p style="text-indent:0"><b>专栏1 重点工程</b></p><p style="text-indent:0">1.第一幼儿园建设。新建校舍4000㎡，运动场1500㎡。</p><p style="text-indent:0">2.家庭教育指导。开展家庭教育指导服务。</p></div>
  <p style="text-indent:0">表1 主要指标</p>
  <table class="plain"><tr><td>指标</td><td>2020年</td><td>2025年</td><td>属性</td></tr><tr><td>常住人口</td><td>45</td><td>47</td><td>预期性</td></tr><tr><td>学位数</td><td>１２００</td><td>１５００</td><td>约束性</td></tr><tr><td>床位数</td><td>800</td><td>950</td><td>预期性</td></tr></table>
  <h2 style="page-break-before:always">附表1 重点项目清单</h2>
  <table class="ruled"><thead><tr><th>序号</th><th>项目名称</th><th>建设内容及规模</th><th>投资（万元）</th></tr></thead><tbody>
  <tr><td colspan="3">一、教育</td><td>24850</td></tr>${rows}</tbody></table>
  </body></html>`;
}

/**
 * A 专栏 too long for its page, each page's part drawn as a frame of its own (as Word and
 * LibreOffice draw a framed box across a page break), an item cut by the break.
 */
function splitBoxHtml(): string {
  const items = Array.from(
    { length: 30 },
    (_, index) => `<p>${index + 1}.第${index + 1}号重点工程建设。新建校舍${(index + 1) * 100}㎡，运动场${(index + 1) * 10}㎡，配套建设室外附属工程及设备购置，完善教学设施设备，改善办学条件，提升教育教学质量和管理水平，建设标准化实验室和图书馆。</p>`,
  ).join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
    body { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 16px; }
    .box { border: 1px solid #000; padding: 8px; margin: 8px 0; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
    p { margin: 4px 0; orphans: 1; widows: 1; }
  </style></head><body><h2>第一章 总体要求</h2><p>正文。</p><div class="box"><p><b>专栏1 重点工程</b></p>${items}</div><h2>第二章 保障措施</h2><p>正文。</p></body></html>`;
}

/** A 专栏 as a word processor often draws it: a ruled table of one column, the title in its first row, the items in the second. */
function titledBoxHtml(): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
    body { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 16px; } table { border-collapse: collapse; width: 100%; } td { border: 1px solid #000; padding: 4px; }
  </style></head><body><h2>第一章 总体要求</h2><p>正文。</p>
  <table><tr><td style="text-align:center"><b>专栏1 重点工程</b></td></tr><tr><td><p>1.第一幼儿园建设。新建校舍4000㎡，运动场1500㎡。</p><p>2.家庭教育指导。开展家庭教育指导服务。</p></td></tr></table>
  <p>附表1 重点项目</p><table><tr><td>序号</td><td>项目名称</td></tr><tr><td>1</td><td>第一幼儿园</td></tr></table>
  <h2>第二章 保障措施</h2><p>正文。</p></body></html>`;
}

/** Headings and words set bold by drawing them twice a hair apart, as some writers embolden a font with no bold. */
function overprintedHtml(): string {
  const bold = (text: string): string => `<span style="position:relative">${text}<span style="position:absolute;left:0.4px;top:0.2px;white-space:nowrap">${text}</span></span>`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 16px; }</style></head><body>
  <h2>${bold('第一章 总体要求')}</h2><p>全县常住人口约45万人，${bold('重点项目')}共70个。</p><h3>${bold('第一节 发展目标')}</h3><p>到2025年，县县通达。</p></body></html>`;
}

const HEADER = '<div style="font-size:9px;width:100%;text-align:center">临河县“十四五”社会事业发展规划</div>';
const FOOTER = '<div style="font-size:10px;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>';

const fixtures: Record<string, Uint8Array> = {};

/**
 * One browser for the file, launched when first needed: it prints the fixtures and opens what
 * --explain draws (a launch costs seconds). A rerun finds both in the tool cache and launches none.
 */
let launched: Promise<Browser> | undefined;
const browser = (): Promise<Browser> => (launched ??= import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath: chrome!, args: ['--no-sandbox', '--disable-gpu'] })));

/** Chromium's PDF of a page, from the tool cache when the same page was printed before with the same options. */
async function printed(html: string, options: Parameters<Page['pdf']>[0]): Promise<Uint8Array> {
  const folder = await toolOutputs([toolVersion(chrome!), 'read-pdf print', html, JSON.stringify(options)], async (into) => {
    const page = await (await browser()).newPage();
    try {
      await page.setContent(html);
      writeFileSync(join(into, 'printed.pdf'), await page.pdf(options));
    } finally {
      await page.close();
    }
  });
  return readFileSync(join(folder, 'printed.pdf'));
}

beforeAll(async () => {
  if (!chrome) return;
  fixtures['plan'] = await printed(planHtml(), { format: 'A4', displayHeaderFooter: true, headerTemplate: HEADER, footerTemplate: FOOTER, margin: { top: '25mm', bottom: '25mm', left: '20mm', right: '20mm' } });
  fixtures['split-box'] = await printed(splitBoxHtml(), { format: 'A4' });
  fixtures['titled-box'] = await printed(titledBoxHtml(), { format: 'A4' });
  fixtures['overprinted'] = await printed(overprintedHtml(), { format: 'A4' });
  // The appendix of a composed plan (seed 146) printed without rules, its cells set in 12pt and
  // centred in rows taller than they are, as scripts/corpus prints its plans.
  fixtures['unruled-centred'] = await printed(readFileSync(new URL('./fixtures/pdf/unruled-centred.html', import.meta.url), 'utf8'), {
    format: 'A4',
    margin: { top: '22mm', bottom: '22mm', left: '18mm', right: '18mm' },
    displayHeaderFooter: true,
    headerTemplate: '<div style="font-size:9px;width:100%;text-align:center">平山县“十四五”公共服务规划</div>',
    footerTemplate: '<div style="font-size:10px;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>',
  });
  // A scan: the page is one picture (a canvas prints as an image), with no text layer.
  fixtures['scan'] = await printed('<canvas id="c" width="800" height="1000"></canvas><script>const c=document.getElementById("c").getContext("2d");c.font="40px sans-serif";c.fillText("第一章 总体要求",50,100);</script>', { format: 'A4' });
}, 120_000);
afterAll(async () => {
  if (launched) await (await launched).close();
});

function modelOf(result: ReadResult): DocumentModel {
  if (!('model' in result)) throw new Error(`refused: ${result.refused} ${result.detail ?? ''}`);
  return result.model;
}

const flat = (blocks: readonly Block[]): Block[] => blocks.flatMap((block) => (block.kind === 'box' ? [block, ...flat(block.blocks)] : [block]));

describe.skipIf(!chrome)('readPdf: a PDF printed by Chromium', () => {
  let model: DocumentModel;
  beforeAll(async () => {
    model = modelOf(await readPublished(fixtures['plan']!, 'plan.pdf'));
  }, 120_000);

  it('reads headings by printed number and by size, and the page count', () => {
    const headings = flat(model.blocks).filter((block) => block.kind === 'heading');
    expect(headings.map((heading) => [heading.level, heading.number ?? '', heading.text])).toEqual([
      [0, '', '临河县“十四五”社会事业发展规划'],
      [1, '第一章', '总体要求'],
      [2, '第一节', '发展目标'],
      [1, '附表1', '重点项目清单'],
    ]);
    expect(model.pages).toBeGreaterThanOrEqual(4);
  });

  it('joins paragraphs across lines and pages with no space between Chinese characters, and a number split over two lines', () => {
    const paragraphs = model.blocks.filter((block) => block.kind === 'paragraph').map((block) => block.text);
    expect(paragraphs).toContain('全县常住人口约45万人，城镇化率达到52.3%，“十四五”期间计划实施重点项目共70个，其中第一幼儿园建筑面积2500㎡。');
    expect(paragraphs).toContain(`项目库编号${DIGITS}号。`);
    expect(paragraphs).toContain(LONG.repeat(30));
    // A space between Chinese words, narrower than one between Latin words, is kept.
    expect(paragraphs).toContain('基于打造“妇女网 互联网 物联网”信息化平台建设。');
  });

  it('drops page numbers and the running header, and records them', () => {
    const text = sourceTextOf(model).text;
    expect(text).not.toMatch(/—\s*\d+\s*—/);
    expect(text.split('\n').filter((line) => line === '临河县“十四五”社会事业发展规划')).toHaveLength(1);
    const why = new Set(model.dropped.map((entry) => entry.why));
    expect(why).toEqual(new Set(['page-mark', 'running-header', 'repeated-header-row']));
    expect(model.dropped.filter((entry) => entry.why === 'page-mark')).toHaveLength(model.pages!);
  });

  it('reads the 专栏 frame as a box', () => {
    const box = model.blocks.find((block) => block.kind === 'box');
    expect(box).toMatchObject({ kind: 'box', title: '专栏1 重点工程' });
    expect(box?.kind === 'box' && box.blocks.map((block) => ('text' in block ? block.text : ''))).toEqual(['1.第一幼儿园建设。新建校舍4000㎡，运动场1500㎡。', '2.家庭教育指导。开展家庭教育指导服务。']);
  });

  it('reads a 专栏 drawn as one frame a page as one box, the item cut by the page break joined', async () => {
    const split = modelOf(await readPublished(fixtures['split-box']!, 'split-box.pdf'));
    const boxes = split.blocks.filter((block) => block.kind === 'box');
    expect(boxes).toHaveLength(1);
    const items = boxes[0]!.kind === 'box' ? boxes[0]!.blocks.map((block) => ('text' in block ? block.text : '')) : [];
    expect(items).toHaveLength(30);
    // Each item whole, one of them printed over two pages.
    expect(items.every((text, index) => text.startsWith(`${index + 1}.`) && text.endsWith('图书馆。'))).toBe(true);
    expect(boxes[0]!.place).toMatchObject({ page: 1 });
  });

  it('reads a table of one column whose first row is 专栏N as a box of items, and a table of two columns as a table', async () => {
    const titled = modelOf(await readPublished(fixtures['titled-box']!, 'titled-box.pdf'));
    expect(titled.blocks.map((block) => block.kind)).toEqual(['heading', 'paragraph', 'box', 'heading', 'table', 'heading', 'paragraph']);
    const box = titled.blocks[2]!;
    expect(box.kind === 'box' && box.title).toBe('专栏1 重点工程');
    expect(box.kind === 'box' && box.blocks.map((block) => ('text' in block ? block.text : ''))).toEqual(['1.第一幼儿园建设。新建校舍4000㎡，运动场1500㎡。', '2.家庭教育指导。开展家庭教育指导服务。']);
  });

  it('reads a character drawn twice a hair apart (bold by overprinting) once, and keeps a character printed twice side by side', async () => {
    const bold = modelOf(await readPublished(fixtures['overprinted']!, 'overprinted.pdf'));
    expect(bold.blocks.map((block) => (block.kind === 'heading' ? `${block.number} ${block.text}` : block.kind === 'paragraph' ? block.text : block.kind))).toEqual([
      '第一章 总体要求',
      '全县常住人口约45万人，重点项目共70个。',
      '第一节 发展目标',
      '到2025年，县县通达。',
    ]);
  });

  it('reads a table printed without rules from its column alignment, full-width digits as printed', () => {
    const table = model.blocks.find((block): block is TableBlock => block.kind === 'table' && block.rows[0]?.cells[0]?.text === '指标');
    expect(table?.rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
      ['指标', '2020年', '2025年', '属性'],
      ['常住人口', '45', '47', '预期性'],
      ['学位数', '１２００', '１５００', '约束性'],
      ['床位数', '800', '950', '预期性'],
    ]);
  });

  it('reads the ruled appendix as one table across pages: merged cells, wrapped cells joined, the repeated header rows dropped', () => {
    const tables = model.blocks.filter((block): block is TableBlock => block.kind === 'table');
    const appendix = tables.find((table) => table.caption === '附表1 重点项目清单')!;
    expect(appendix.rows).toHaveLength(72);
    expect(appendix.rows[0]!.cells.map((cell) => cell.text)).toEqual(['序号', '项目名称', '建设内容及规模', '投资（万元）']);
    expect(appendix.rows[1]!.cells.map((cell) => [cell.text, cell.colSpan])).toEqual([['一、教育', 3], ['24850', 1]]);
    for (let index = 1; index <= 70; index += 1) {
      expect(appendix.rows[index + 1]!.cells.map((cell) => cell.text)).toEqual([String(index), `第${index}号建设项目`, `新建校舍${index * 100}㎡，配套建设室外附属工程及设备购置。`, String(index * 10)]);
    }
    const pages = new Set(appendix.rows.map((row) => (row.place.form === 'pdf' ? row.place.page : 0)));
    expect(pages.size).toBeGreaterThan(1);
    expect(model.dropped.filter((entry) => entry.why === 'repeated-header-row')).toHaveLength(pages.size - 1);
  });

  it.skipIf(!pdftotext)('reads a table printed without rules by the pdftotext layout that reads it better: headers that name one column each, amounts and years whole (-raw where -layout runs cells together)', async () => {
    const table = modelOf(await readPublished(fixtures['unruled-centred']!, 'plan.pdf')).blocks.find((block): block is TableBlock => block.kind === 'table')!;
    expect(table.rows[0]!.cells.map((cell) => cell.text)).toEqual(['序号', '项目名称', '责任单位', '建设性质', '建设内容及规模', '建设年限', '总投资（万元）', '备注']);
    expect(table.rows[4]!.cells.map((cell) => cell.text)).toEqual(['2', '平山县凤坪乡就业服务中心新建工程', '县人力社保局', '新建', '新建建筑面积26500㎡，新增工位360个。', '2023-2025', '5200', '']);
  });

  it('maps each line of source.txt back to its page and line', () => {
    const { text, places } = sourceTextOf(model);
    const lines = text.trimEnd().split('\n');
    expect(places).toHaveLength(lines.length);
    const row = lines.findIndex((line) => line.startsWith('70\t'));
    expect(places[row]).toMatchObject({ form: 'pdf', page: model.pages });
  });

  it('--explain writes one SVG per page that Chromium opens, with the grid, cells and dropped lines marked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-explain-'));
    const result = await explainPdf(fixtures['plan']!, dir);
    if (!('files' in result)) throw new Error(result.refused);
    expect(readdirSync(dir).sort()).toEqual([...result.files].sort());
    expect(result.files).toHaveLength(model.pages!);
    // The page with the most of the appendix on it, and the one with the frame.
    const texts = result.files.map((file) => [file, readFileSync(join(dir, file), 'utf8')] as const);
    const busiest = [...texts].sort((a, b) => b[1].split('class="cell').length - a[1].split('class="cell').length)[0]!;
    const framed = texts.filter(([, text]) => text.includes('class="frame"'));
    expect(framed).toHaveLength(1);
    // What Chromium makes of the two pages, from the tool cache when it opened the same SVG before.
    const opened = await toolOutputs([toolVersion(chrome!), 'read-pdf --explain', busiest[1], framed[0]![1]], async (into) => {
      const page = await (await browser()).newPage();
      try {
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(pathToFileURL(join(dir, busiest[0])).href);
        const counts = await page.evaluate(() => ({
          cells: document.querySelectorAll('rect.cell').length,
          rules: document.querySelectorAll('line.rule').length,
          dropped: document.querySelectorAll('rect.dropped').length,
          text: document.querySelector('svg')?.textContent ?? '',
        }));
        await page.goto(pathToFileURL(join(dir, framed[0]![0])).href);
        const frames = await page.evaluate(() => document.querySelectorAll('rect.frame').length);
        writeFileSync(join(into, 'opened.json'), JSON.stringify({ errors, counts, frames }));
      } finally {
        await page.close();
      }
    });
    const { errors, counts, frames } = JSON.parse(readFileSync(join(opened, 'opened.json'), 'utf8')) as { errors: string[]; counts: { cells: number; rules: number; dropped: number; text: string }; frames: number };
    expect(errors).toEqual([]);
    expect(counts.cells).toBeGreaterThan(20);
    expect(counts.rules).toBeGreaterThan(20);
    expect(counts.dropped).toBeGreaterThanOrEqual(2);
    expect(counts.text).toContain('running-header');
    expect(frames).toBe(1);
  }, 120_000);

  it('refuses a document longer than the page limit', async () => {
    expect(await readPdf(fixtures['plan']!, { maxPages: 2 })).toMatchObject({ refused: 'too-large' });
  });

  it('refuses a scan (no text layer), naming OCR in its message', async () => {
    expect(await readPdf(fixtures['scan']!)).toMatchObject({ refused: 'scanned-pdf' });
    const { say } = await import('../src/words.js');
    expect(say('en', 'readScannedPdf', { path: 'scan.pdf' })).toContain('OCR');
    expect(say('zh', 'readScannedPdf', { path: 'scan.pdf' })).toContain('OCR');
  });

  it('refuses a truncated PDF', async () => {
    const bytes = fixtures['plan']!;
    expect(await readPdf(bytes.subarray(0, Math.floor(bytes.length / 2)))).toMatchObject({ refused: 'broken-pdf' });
  });
});

/** A hand-made PDF whose /Encrypt dictionary needs a user password that is not empty. */
function encryptedPdf(): Uint8Array {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>', `<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`];
  return handPdf(objects, `/Encrypt 4 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`);
}

/** A hand-made PDF of `count` empty pages. */
function pagesPdf(count: number): Uint8Array {
  const kids = Array.from({ length: count }, (_, index) => `${index + 3} 0 R`).join(' ');
  const pages = Array.from({ length: count }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>');
  return handPdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`, ...pages], '');
}

function handPdf(objects: readonly string[], trailer: string): Uint8Array {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

describe('a reading of an unframed 专栏 that lost its items (pdftotext -layout printed its lines out of order)', () => {
  // Seed 233 of the corpus, printed without rules: pdftotext -layout put item 2's end before its
  // start, so the box ended after item 1 and items 2 and 3 fell to the chapter's prose. Such a
  // reading is a fault, and the PDF reader takes the other pdftotext layout.
  const place = { form: 'text', line: 1 } as const;
  const paragraph = (text: string) => ({ kind: 'paragraph', text, place }) as const;
  const box = { kind: 'box', title: '专栏5  病有所医重点工程', blocks: [paragraph('1.凤河县凤川镇社区卫生服务中心新建工程。新建建筑面积28400㎡，新增床位120张。')], place } as const;

  it('is told by the next item standing among the paragraphs after the box', () => {
    expect(itemLeftOut(box, [paragraph('社区卫生服务中心建设项目。新建建筑面积20500㎡，新'), paragraph('2.凤河县丰田街道'), paragraph('增床位550张。')])).toBe(true);
  });

  it('is not told by prose, another list, or an item after a heading', () => {
    expect(itemLeftOut(box, [paragraph('围绕病有所医，补齐设施短板。'), paragraph('3.完善服务网络。')])).toBe(false);
    expect(itemLeftOut(box, [{ kind: 'heading', level: 2, text: '加强人才队伍建设', place }, paragraph('2.培养专业人才。')])).toBe(false);
    expect(itemLeftOut({ ...box, blocks: [] }, [paragraph('1.完善服务网络。')])).toBe(false);
  });
});

describe('the faults of a reading of an unruled PDF: an appendix with no table read under it', () => {
  // Seed 50 of the section-column corpus, printed without rules: pdftotext -layout made out none of
  // its appendix's rows (no fault counted in a table never read), -raw read them all with a fault or
  // two. The reading that read the table is the better.
  const place = { form: 'text', line: 1 } as const;
  const heading = { kind: 'heading', level: 1, number: '附表', text: '某县“十四五”公共服务规划重点项目清单', place } as const;
  const unit = { kind: 'paragraph', text: '单位：万元', place } as const;
  const cell = (text: string) => ({ text, rowSpan: 1, colSpan: 1, place });
  const table: TableBlock = { kind: 'table', place, rows: [{ cells: ['序号', '项目名称', '投资估算（万元）'].map(cell), place }, { cells: ['1', '某县第一幼儿园建设项目', '2500'].map(cell), place }] };

  it('counts ten for the heading, more than a table read with a fault', () => {
    expect(readingFaults([heading, unit, { kind: 'paragraph', text: '类别 序号 项目名称 …', place }])).toBe(10);
    expect(readingFaults([heading, unit, table])).toBe(0);
  });
});

describe('readPdf refuses what it cannot read, in one line', () => {
  it.each([
    ['an encrypted PDF', encryptedPdf(), 'encrypted-pdf'],
    ['a corrupt PDF (a header, then noise)', new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 0x41), Buffer.from('\n%%EOF\n')])), 'broken-pdf'],
    ['a PDF cut short', new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog')), 'broken-pdf'],
  ])('%s', async (_name, bytes, refused) => {
    expect(await readPublished(bytes, 'plan.pdf')).toMatchObject({ refused });
  });

  it('refuses a 1,000-page PDF before reading its pages', async () => {
    expect(await readPublished(pagesPdf(1000), 'plan.pdf')).toMatchObject({ refused: 'too-large', detail: expect.stringContaining('1000 pages') });
  });

  it('refuses as a scan a PDF of pages with no text', async () => {
    expect(await readPublished(pagesPdf(3), 'plan.pdf')).toMatchObject({ refused: 'scanned-pdf' });
  });

  it('reads the bytes, not the name: a PDF named .txt is a PDF', async () => {
    expect(await readPublished(encryptedPdf(), 'plan.txt')).toMatchObject({ refused: 'encrypted-pdf' });
  });
});

// Two PDFs written by LibreOffice from a .docx (a writer lets a table row break across pages,
// and repeats the header row on each page): an indicator table whose 类别 cells span two rows
// each, pushed down by paragraphs so that a page break falls inside row 6 (writer-row-cut.pdf)
// or between rows 5 and 6, inside the span of 老有所养 (writer-row-in-span.pdf).
describe('a table row and a page break, as a word processor prints them', () => {
  const rowsOf = async (name: string): Promise<string[]> => {
    const model = modelOf(await readPublished(new Uint8Array(readFileSync(new URL(`./fixtures/pdf/${name}`, import.meta.url))), name));
    const table = model.blocks.find((block): block is TableBlock => block.kind === 'table')!;
    return table.rows.map((row) => row.cells.map((cell) => cell.text).join('|'));
  };

  it('joins a row cut by the page break into the row it began, beside a cell spanning down into it', async () => {
    const rows = await rowsOf('writer-row-cut.pdf');
    expect(rows).toHaveLength(7);
    expect(rows[6]).toBe('6|每千名老年人拥有养老床位数|张|6.1|6.5|约束性');
  });

  it('keeps a row that starts the page inside a span as a row of its own', async () => {
    const rows = await rowsOf('writer-row-in-span.pdf');
    expect(rows).toHaveLength(7);
    expect(rows[5]).toBe('老有所养|5|养老机构护理型床位占比|张|5.1|5.5|约束性');
    expect(rows[6]).toBe('|6|每千名老年人拥有养老床位数|张|6.1|6.5|约束性');
  });
});

describe('the character a CJK font meant', () => {
  it.each([
    ['⼀', '一', 'a Kangxi radical'],
    ['⻓', '长', 'a simplified radical Unicode does not decompose'],
    ['⻣', '骨', 'the bone radical'],
    ['⻙', '韦', 'the leather radical'],
    ['戶', '户', 'the traditional form a font gives for 户'],
    ['⼾', '户', 'the door radical, 戶 by its decomposition'],
    ['―', '—', 'the horizontal bar of GB 2312 A1AA'],
    ['∕', '／', 'the division slash a font gives for the full-width slash of 场／年'],
    ['〜', '～', 'the wave dash a font gives for the full-width tilde of 2021～2023'],
    ['１', '１', 'a full-width digit, kept as printed'],
    ['户', '户', 'a common character, unchanged'],
  ])('%s → %s (%s)', (glyph, meant) => {
    expect(normalizeChar(glyph)).toBe(meant);
  });
});

describe('lines joined as one paragraph', () => {
  it.each([
    ['建设', '用地', '建设用地', 'Chinese: no space'],
    ['1,625,', '359万元', '1,625,359万元', 'a number wrapped inside'],
    ['共建设15-', '20个', '共建设15-20个', 'a range wrapped after its dash'],
    ['共建设15', '-20个', '共建设15-20个', 'a range wrapped before its dash'],
    ['WiFi', 'coverage', 'WiFi coverage', 'two Latin words: one space'],
    ['开展“就业服务系列活动”', '“就业援助系列活动”', '开展“就业服务系列活动”“就业援助系列活动”', 'curly quotes, full width in Chinese text: no space'],
  ])('%s + %s → %s (%s)', (first, second, joined) => {
    expect(joinLines(first, second)).toBe(joined);
  });
});

describe('a cell or paragraph joined with its own habit of spacing figures', () => {
  it.each([
    [['其中一层 443.9 ㎡；三层449.3 ㎡；四至六层 1374.06 ㎡，七至八层 899 ㎡；九层', '449.3 ㎡。床位 42 张'], '其中一层 443.9 ㎡；三层449.3 ㎡；四至六层 1374.06 ㎡，七至八层 899 ㎡；九层 449.3 ㎡。床位 42 张', 'spaced figures: the space lost at the line end comes back'],
    [['其中一层443.9㎡；三层449.3㎡；四至六层1374.06㎡，九层', '449.3㎡'], '其中一层443.9㎡；三层449.3㎡；四至六层1374.06㎡，九层449.3㎡', 'figures set close: none added'],
    [['新建校舍 1200 ㎡，改造', '300㎡，购置设备20台，建设围墙50米'], '新建校舍 1200 ㎡，改造300㎡，购置设备20台，建设围墙50米', 'a text that mostly sets them close: none added'],
    [['建筑面积 2', '500㎡，教室 30 间，宿舍 20 间'], '建筑面积 2500㎡，教室 30 间，宿舍 20 间', 'a number broken over the line end stays whole'],
  ])('%j → %s (%s)', (lines, joined) => {
    expect(joinAll(lines)).toBe(joined);
  });
});

describe('the process after a PDF is read', () => {
  it('has the built-ins Node gave it back (PDF.js’s core-js replaced JSON.stringify with one about 40 times slower for the rest of the run), and reads a PDF again the same', () => {
    // A process of its own: the shared test workers put the built-ins back before each test.
    const script = `
      const { readPublished } = await import(${JSON.stringify(pathToFileURL(join(process.cwd(), 'dist/read/index.js')).href)});
      const { readFileSync } = await import('node:fs');
      const native = [JSON.stringify, JSON.parse, Array.prototype.push];
      const bytes = readFileSync(${JSON.stringify(join(process.cwd(), 'test/fixtures/pdf/writer-autospace.pdf'))});
      const first = JSON.stringify((await readPublished(new Uint8Array(bytes), 'plan.pdf')).model);
      const second = JSON.stringify((await readPublished(new Uint8Array(bytes), 'plan.pdf')).model);
      console.log(JSON.stringify({ kept: [JSON.stringify, JSON.parse, Array.prototype.push].every((builtIn, at) => builtIn === native[at]), same: first === second && first.length > 1000 }));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ kept: true, same: true });
  });
});
