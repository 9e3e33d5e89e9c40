// Renders a composed document (blocks: title, heading, paragraph, box, table) in the forms plans
// are published in: plain text as a Word export gives it, text with the quirks of a PDF
// extraction, an HTML article page with spans, and from the HTML a PDF (Chromium's print) and a
// .docx (LibreOffice). Each renderer is a function of the document; the tools are optional.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { randomSource } from './random.mjs';

/** The text as a Word export prints it (the bundled plan's source.txt): tables one cell a line. */
export function toText(document) {
  const out = [];
  for (const block of document) {
    if (block.kind === 'title' || block.kind === 'heading' || block.kind === 'paragraph') out.push(block.text, '');
    else if (block.kind === 'box') {
      out.push(block.title, '');
      for (const [index, item] of block.items.entries()) out.push(index === 0 ? `\t${item}` : item, '');
      out.push('');
    } else if (block.kind === 'table') {
      out.push(block.title, ...(block.unit ? [block.unit] : []), '');
      out.push(...block.header.map((cell) => `\t${cell}`), '');
      for (const row of block.rows) {
        // Total and section rows print their label and amount; the merged cells between are not text.
        const cells = row.kind === 'row' || row.kind === 'category' ? row.cells : row.cells.filter((cell, i) => i === 0 || cell !== '');
        out.push(...cells.map((cell) => `\t${cell}`), '');
      }
    }
  }
  return `${out.join('\n')}\n`;
}

const WIDTH = 38;

/** Cuts a paragraph at a fixed width, as a PDF's lines are (a number may be cut in two). */
function wrap(text, width = WIDTH) {
  const lines = [];
  for (let at = 0; at < text.length; at += width) lines.push(text.slice(at, at + width));
  return lines;
}

/** Display width: CJK characters count two columns, and so do the quotes and dashes a CJK font sets full-width (“十四五”, ——). */
const columns = (text) => [...text].reduce((n, c) => n + (/[\u2E80-\uFFEF\u2018\u2019\u201C\u201D\u2014\u2026]/.test(c) ? 2 : 1), 0);

/** Cuts a cell into lines of at most `width` display columns. */
function wrapColumns(text, width) {
  const lines = [''];
  for (const c of text) {
    if (columns(lines.at(-1) + c) > width && lines.at(-1) !== '') lines.push('');
    lines[lines.length - 1] += c;
  }
  return lines;
}
const pad = (text, width) => text + ' '.repeat(Math.max(1, width - columns(text)));

/** Full-width digits, as some PDFs and pages print them (１５ for 15). */
const fullWidth = (text) => text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** The table layouts a PDF extraction mixes, page by page. */
const LAYOUTS = ['spaced', 'cells', 'tabs'];

/**
 * The text with what a PDF extraction brings: a table of contents, page marks (— 3 —) and a
 * running title at each page break, paragraphs hard-wrapped at a fixed width (a number may be
 * cut in two), some paragraphs in full-width digits, and appendix tables whose layout changes
 * at page breaks — space-aligned with wrapped cells, one cell a line, or tab-separated — with
 * the header repeated on each new page and the 合计 row above or below the rows.
 */
export function toQuirkyText(document, seed) {
  const random = randomSource(seed);
  const title = document.find((block) => block.kind === 'title')?.text ?? '';
  const out = [];
  let page = 1;
  let onPage = 0;
  const pageLength = 36;
  // While a table runs over a page break: its header again, in a layout that may change.
  let table;
  const breakPage = () => {
    out.push('', `— ${page} —`, '', title);
    page += 1;
    onPage = 0;
    if (table) {
      table.layout = random.pick(LAYOUTS);
      out.push(...table.render(table.header));
    }
  };
  const line = (text) => {
    out.push(text);
    onPage += 1;
    if (onPage >= pageLength) breakPage();
  };
  // The table of contents: every heading with dots and a page number, the appendix too.
  out.push(title, '', '目  录', '');
  for (const block of document) {
    if (block.kind === 'heading' && block.level === 1) out.push(`${block.text.replace(/\s+/g, ' ')}${'.'.repeat(12)}${random.int(1, 40)}`);
    if (block.kind === 'table' && block.appendix !== undefined) out.push(`${block.title.split(/\s+/)[0]}${'.'.repeat(12)}${random.int(40, 60)}`);
  }
  breakPage();
  for (const block of document) {
    if (block.kind === 'title' || block.kind === 'heading') {
      line(block.text);
      line('');
    } else if (block.kind === 'paragraph') {
      const text = random.next() < 0.3 ? fullWidth(block.text) : block.text;
      for (const part of wrap(`　　${text}`)) line(part);
      line('');
    } else if (block.kind === 'box') {
      line(block.title);
      for (const item of block.items) for (const part of wrap(item)) line(part);
      line('');
    } else if (block.kind === 'table') {
      line(block.title);
      // A unit line is set to the right, as printed.
      if (block.unit) line(`${' '.repeat(40)}${block.unit}`);
      const widths = block.header.map((cell, i) => Math.max(columns(cell), ...block.rows.map((row) => Math.min(columns(row.cells[i] ?? ''), 24))) + 2);
      const current = {
        header: block.header,
        layout: block.appendix === undefined ? 'spaced' : random.pick(LAYOUTS),
        render(cells, kind = 'row') {
          if (this.layout === 'spaced') {
            // A long cell wraps onto a second line at the same column, as pdftotext -layout prints it.
            const parts = cells.map((cell, i) => wrapColumns(cell, widths[i] - 2));
            const height = Math.max(...parts.map((p) => p.length));
            return Array.from({ length: height }, (_, k) => parts.map((p, i) => pad(p[k] ?? '', widths[i])).join('').trimEnd());
          }
          const shown = kind === 'row' ? cells : cells.filter((c, i) => i === 0 || c !== '');
          return this.layout === 'tabs' ? [shown.join('\t')] : shown;
        },
      };
      // A page does not break a header row (a PDF keeps a row on one page): a header that does not
      // fit starts the next page; once it is out, a break repeats it.
      const header = current.render(block.header);
      if (onPage + header.length >= pageLength) breakPage();
      for (const text of header) line(text);
      table = block.appendix === undefined ? undefined : current;
      // 合计 printed above its rows or below them.
      const rows = block.rows[0]?.kind === 'total' && random.next() < 0.5 ? [...block.rows.slice(1), block.rows[0]] : block.rows;
      for (const row of rows) for (const text of current.render(row.cells, row.kind)) line(text);
      table = undefined;
      line('');
    }
  }
  out.push('', `— ${page} —`);
  return `${out.join('\n')}\n`;
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A text cut into spans at random places, as an editor's HTML is (a number may be split too). */
function spans(text, random) {
  const out = [];
  let at = 0;
  while (at < text.length) {
    const length = random.int(4, 30);
    const style = random.pick(['font-family:仿宋_GB2312', 'font-family:仿宋_GB2312;font-size:16pt', 'font-size:16pt']);
    out.push(`<span style="${style}">${escapeHtml(text.slice(at, at + length))}</span>`);
    at += length;
  }
  return out.join('');
}

/**
 * For each row of an appendix table, the rowspan of each department or nature cell: n > 1 for a
 * cell merged down n project rows that print the same, 0 for a cell such a merge covers.
 */
function mergedSpans(block) {
  const columns = block.header.flatMap((name, index) => (/部门|单位|性质/u.test(name) ? [index] : []));
  const spans = block.rows.map(() => []);
  for (const column of columns) {
    for (let at = 0; at < block.rows.length; at += 1) {
      const row = block.rows[at];
      if (row.kind !== 'row' || spans[at][column] === 0) continue;
      let end = at + 1;
      while (end < block.rows.length && block.rows[end].kind === 'row' && block.rows[end].cells[column] === row.cells[column]) end += 1;
      if (end - at < 2) continue;
      spans[at][column] = end - at;
      for (let covered = at + 1; covered < end; covered += 1) spans[covered][column] = 0;
    }
  }
  return spans;
}

/**
 * An article page of a government site: navigation, the article with spans, tables with merged
 * cells, a footer. With `options.paragraphCells`, every cell's text is a centred paragraph, as a
 * word processor's table often has it (a paragraph's margins make rows taller, and a merged
 * category or a part then stands apart from its rows' lines in pdftotext's output). With
 * `options.nameBreaks`, a project's name is broken by hand before its ending (…初级中学<br>新建工程),
 * so that its cell is taller than its other cells and the serial stands beside its middle. With
 * `options.headerBreaks`, a header cell of four characters or more is broken by hand after its
 * second (项目<br>名称, 建设<br>起止年限). With `options.government`, the body is set as a
 * government document sets it (16pt on lines 28pt apart), so that a table's cells stand centred
 * in rows taller than they are; with `options.cellSize`, the tables' cells are set in that many
 * points (12: narrow columns, names over three lines). With `options.continued`, each appendix
 * table is split by hand at its middle row (outside a merged cell) and goes on after a page break
 * under a 续表 label and its header again, as a drafter who does not know Word repeats a header
 * row types it. With `options.mergedCells`, an appendix's department or nature equal in
 * consecutive projects of a section is one cell merged down them (rowspan), as offices print it.
 */
export function toHtml(document, seed, options = {}) {
  const random = randomSource(seed);
  const title = document.find((block) => block.kind === 'title')?.text ?? '';
  const body = [];
  for (const block of document) {
    if (block.kind === 'title') body.push(`<h1 style="text-align:center">${escapeHtml(block.text)}</h1>`);
    else if (block.kind === 'heading') body.push(block.level === 1 ? `<h2 style="text-align:center">${spans(block.text, random)}</h2>` : `<h3>${spans(block.text, random)}</h3>`);
    else if (block.kind === 'paragraph') body.push(`<p style="text-indent:2em">${spans(block.text, random)}</p>`);
    else if (block.kind === 'box') {
      // A box is a framed single-cell table, as word processors make it.
      body.push(
        `<table class="box" border="${block.unruled ? 0 : 1}" cellspacing="0" style="width:100%;border-collapse:collapse"><tr><td><p style="text-align:center"><b>${escapeHtml(block.title)}</b></p>${block.items.map((item) => `<p>${spans(item, random)}</p>`).join('')}</td></tr></table>`,
      );
    } else if (block.kind === 'table') {
      const width = block.header.length;
      const spans = options.mergedCells && /^(附表|附件)/u.test(block.title) ? mergedSpans(block) : undefined;
      const rows = block.rows.map((row, rowIndex) => {
        if (row.kind === 'total' || row.kind === 'section' || row.kind === 'subtotal') {
          // The label spans the columns up to the first amount's; the columns after the last amount
          // (remarks, a department) are one empty cell.
          const at = row.cells.findIndex((cell, index) => index > 0 && cell !== '');
          if (at < 0) return `<tr><td colspan="${width}">${escapeHtml(row.cells[0])}</td></tr>`;
          const last = row.cells.findLastIndex((cell) => cell !== '');
          const after = width - last - 1;
          const amounts = row.cells.slice(at, last + 1).map((cell) => `<td>${escapeHtml(cell)}</td>`).join('');
          return `<tr><td colspan="${at}">${escapeHtml(row.cells[0])}</td>${amounts}${after > 0 ? `<td colspan="${after}"></td>` : ''}</tr>`;
        }
        if (row.kind === 'category') return `<tr><td colspan="${width}">${escapeHtml(row.cells[0])}</td></tr>`;
        // A cell merged down the rows under it: printed once with its rowspan, left out of those rows.
        const cells = row.cells.map((cell, index) => {
          const span = spans?.[rowIndex]?.[index];
          if (span === 0) return '';
          if (span !== undefined && span > 1) return `<td rowspan="${span}">${escapeHtml(cell)}</td>`;
          return index === 0 && row.rowspan ? `<td rowspan="${row.rowspan}">${escapeHtml(cell)}</td>` : `<td>${escapeHtml(cell)}</td>`;
        });
        return `<tr>${(row.merged ? cells.slice(row.merged) : cells).join('')}</tr>`;
      });
      const open = `<table border="${block.unruled ? 0 : 1}" cellspacing="0" style="border-collapse:collapse"><thead><tr>${block.header.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr></thead><tbody>`;
      // Split at the middle row, or the first after it that no merged cell above reaches into.
      let split = Math.ceil(rows.length / 2);
      while (split < rows.length && (block.rows[split].merged || spans?.[split]?.some((span) => span === 0))) split += 1;
      const appendix = /^(附表|附件)/u.test(block.title);
      const tables =
        options.continued && appendix && split > 0 && split < rows.length
          ? `${open}${rows.slice(0, split).join('')}</tbody></table><p style="page-break-before:always;text-align:right">续表</p>${open}${rows.slice(split).join('')}</tbody></table>`
          : `${open}${rows.join('')}</tbody></table>`;
      const unit = block.unit ? `<p style="text-align:right">${escapeHtml(block.unit)}</p>` : '';
      body.push(`<p style="text-align:center"><b>${escapeHtml(block.title)}</b></p>${unit}${tables}`);
    }
  }
  const page = body.join('\n');
  const headed = options.headerBreaks ? page.replace(/<th>([^<0-9]{4,})<\/th>/g, (_, text) => `<th>${[...text].slice(0, 2).join('')}<br>${[...text].slice(2).join('')}</th>`) : page;
  const broken = options.nameBreaks ? headed.replace(/<td>([^<]{8,}?)((?:改扩建|新建|改造|建设)(?:工程|项目))<\/td>/g, '<td>$1<br>$2</td>') : headed;
  const article = options.paragraphCells ? broken.replace(/<td([^>]*)>(.*?)<\/td>/g, '<td$1><p style="text-align:center"><span>$2</span></p></td>') : broken;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:12pt} td,th{padding:2px 4px;font-size:10pt} table{page-break-inside:auto} tr{page-break-inside:avoid}${options.government ? ' body{font-size:16pt;line-height:28pt} h2{font-size:22pt}' : ''}${options.cellSize ? ` td,th{font-size:${options.cellSize}pt}` : ''}</style></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 规划信息</div>
<div class="article">
${article}
</div>
<div class="footer">主办单位：县人民政府办公室　网站标识码：5000000000　备案号：渝ICP备00000000号</div>
</body></html>
`;
}

/** True when a program can be run. */
export function hasTool(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

/** Prints HTML files to PDF with Chromium (page numbers at the foot, the title at the head of each page). */
export async function printPdfs(jobs) {
  if (!CHROMIUM || jobs.length === 0) return false;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    for (const { html, pdf, title } of jobs) {
      await page.goto(`file://${html}`);
      await page.pdf({
        path: pdf,
        format: 'A4',
        margin: { top: '22mm', bottom: '22mm', left: '18mm', right: '18mm' },
        displayHeaderFooter: true,
        headerTemplate: `<div style="font-size:9px;width:100%;text-align:center">${escapeHtml(title)}</div>`,
        footerTemplate: '<div style="font-size:10px;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>',
      });
    }
  } finally {
    await browser.close();
  }
  return true;
}

/** Converts HTML files to .docx with LibreOffice, in one run; returns the .docx paths. */
export function convertToDocx(htmls, outDir) {
  if (!hasTool('soffice') || htmls.length === 0) return [];
  mkdirSync(outDir, { recursive: true });
  // A profile of its own: a user's running LibreOffice would otherwise take the job.
  const profile = `file://${join(outDir, '.profile')}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outDir, ...htmls], { stdio: 'ignore', timeout: 300_000 });
  return htmls.map((html) => join(outDir, basename(html).replace(/\.html$/, '.docx'))).filter((path) => existsSync(path));
}

/** pdftotext of a PDF, raw or -layout, into `txt`. */
export function pdfToText(pdf, txt, layout) {
  if (!hasTool('pdftotext')) return false;
  execFileSync('pdftotext', [layout ? '-layout' : '-raw', '-enc', 'UTF-8', pdf, txt], { stdio: 'ignore' });
  return existsSync(txt);
}
