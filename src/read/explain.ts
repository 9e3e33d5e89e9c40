/**
 * `plan init --explain DIR`: one SVG per PDF page showing what the reader saw, as pdfplumber's
 * debug_tablefinder does: the text where it stood, the drawn rules, the table grid and its
 * cells, the frames (专栏), and the lines dropped as page furniture, each marked.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadRefusal } from './blocks.js';
import { layoutPdf, type PageLayout } from './pdf.js';

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (value: number): string => (Math.round(value * 10) / 10).toString();

const STYLE = `
  .line { fill: none; stroke: #7aa7d8; stroke-width: 0.4; }
  .text { fill: #222; font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', sans-serif; }
  .rule { stroke: #d62728; stroke-width: 0.8; }
  .cell { fill: rgba(31, 119, 180, 0.06); stroke: #1f77b4; stroke-width: 0.8; stroke-dasharray: 3 2; }
  .aligned { stroke: #9467bd; }
  .frame { fill: rgba(44, 160, 44, 0.06); stroke: #2ca02c; stroke-width: 1.2; }
  .dropped { fill: rgba(255, 127, 14, 0.18); stroke: #ff7f0e; stroke-width: 0.8; }
  .label { font-family: sans-serif; font-size: 5px; }
  .cell-label { fill: #1f77b4; }
  .dropped-label { fill: #c55a00; }
  .legend { font-family: sans-serif; font-size: 7px; fill: #444; }
`;

/** One page as an SVG document (units: PDF points, y downwards). */
export function pageSvg(page: PageLayout): string {
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${n(page.width)}pt" height="${n(page.height)}pt" viewBox="0 0 ${n(page.width)} ${n(page.height)}" data-page="${page.page}">`);
  parts.push(`<title>page ${page.page}: text, rules, table cells, frames and dropped lines</title>`);
  parts.push(`<style>${STYLE}</style>`);
  parts.push(`<rect width="100%" height="100%" fill="#fff"/>`);
  const dropped = new Map(page.dropped.map((entry) => [entry.line, entry.why]));
  for (const line of page.lines) {
    const top = line.y - line.size * 0.88;
    const why = dropped.get(line);
    parts.push(`<g class="${why === undefined ? 'kept' : 'dropped-line'}" data-line="${line.number}">`);
    parts.push(`<rect class="${why === undefined ? 'line' : 'dropped'}" x="${n(line.x0)}" y="${n(top)}" width="${n(line.x1 - line.x0)}" height="${n(line.size * 1.1)}"/>`);
    parts.push(`<text class="text" x="${n(line.x0)}" y="${n(line.y)}" font-size="${n(line.size)}" textLength="${n(Math.max(1, line.x1 - line.x0))}" lengthAdjust="spacingAndGlyphs">${escapeXml(line.text)}</text>`);
    if (why !== undefined) parts.push(`<text class="label dropped-label" x="${n(line.x1 + 2)}" y="${n(line.y)}">${why}</text>`);
    parts.push('</g>');
  }
  for (const rule of page.rules) parts.push(`<line class="rule" x1="${n(rule.x0)}" y1="${n(rule.y0)}" x2="${n(rule.x1)}" y2="${n(rule.y1)}"/>`);
  page.grids.forEach((grid, index) => {
    parts.push(`<g class="${grid.frame ? 'frame-grid' : 'table-grid'}" data-grid="${index + 1}" data-ruled="${grid.ruled}">`);
    for (const cell of grid.cells) {
      const kind = grid.frame ? 'frame' : `cell${grid.ruled ? '' : ' aligned'}`;
      parts.push(`<rect class="${kind}" x="${n(cell.x0)}" y="${n(cell.y0)}" width="${n(cell.x1 - cell.x0)}" height="${n(cell.y1 - cell.y0)}" data-row="${cell.row + 1}" data-column="${cell.column + 1}" data-span="${cell.rowSpan}x${cell.colSpan}"/>`);
      if (!grid.frame) parts.push(`<text class="label cell-label" x="${n(cell.x0 + 1)}" y="${n(cell.y0 + 5)}">${cell.row + 1},${cell.column + 1}${cell.rowSpan > 1 || cell.colSpan > 1 ? ` ${cell.rowSpan}×${cell.colSpan}` : ''}</text>`);
    }
    parts.push('</g>');
  });
  parts.push(
    `<text class="legend" x="4" y="${n(page.height - 4)}">page ${page.page} · blue: text lines · red: drawn rules · dashed: table cells (row,column) · green: frame (专栏) · orange: dropped (page marks, running headers and footers)</text>`,
  );
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/**
 * Writes `page-001.svg`, `page-002.svg`, … into `dir` (created if missing), one per page of the
 * PDF, and returns their names; or the refusal the PDF gets when read.
 */
export async function explainPdf(bytes: Uint8Array, dir: string): Promise<{ readonly files: readonly string[] } | ReadRefusal> {
  const laid = await layoutPdf(bytes);
  if ('refusal' in laid) return { refused: laid.refusal.refused, detail: laid.refusal.detail };
  mkdirSync(dir, { recursive: true });
  const width = Math.max(3, String(laid.pages.length).length);
  const files = laid.pages.map((page) => {
    const name = `page-${String(page.page).padStart(width, '0')}.svg`;
    writeFileSync(join(dir, name), pageSvg(page));
    return name;
  });
  return { files };
}
