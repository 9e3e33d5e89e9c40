import { groupDigits } from '../views/table.js';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkAreaComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, GridComponent, MarkAreaComponent, SVGRenderer]);

/** Dark and light greys: the charts read the same printed in grey as on screen. */
export const INK = '#333333';
export const PAPER_GREY = '#b8b8b8';
const FONT = { fontFamily: 'sans-serif', fontSize: 11, color: INK };

/**
 * One chart as an SVG string, drawn on the server by ECharts' SSR mode: the page needs no
 * script to show it. Animation is off so the SVG is the final picture.
 */
export function renderChart(option: EChartsCoreOption, width: number, height: number, keepIndex = false): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: FONT, ...option });
    return lean(chart.renderToSVGString(), keepIndex);
  } finally {
    chart.dispose();
  }
}

/**
 * The SVG without what only a live chart uses: hover styles, pointer events, the SSR client's
 * metadata (kept on request: the series and data index of each shape) and invisible shapes
 * (the transparent base of a floating bar). A report of 100 plans has 300 charts.
 */
function lean(svg: string, keepIndex: boolean): string {
  return svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/<path [^>]*fill="none"[^>]*ecmeta_silent="true"[^>]*><\/path>\n?/g, '')
    .replace(/ (pointer-events="visible"|class="zr\d+-cls-\d+"|ecmeta_ssr_type="chart"|ecmeta_silent="true"|xmlns:xlink="[^"]*"|version="1\.1"|baseProfile="full")/g, '')
    .replace(keepIndex ? /$^/ : / ecmeta_(series|data)_index="\d+"/g, '')
    .replace(/ xml:space="preserve"| stroke="rgb\(255,255,255\)" stroke-width="2" paint-order="stroke" stroke-miterlimit="2"/g, '')
    .replace(/<rect width="\d+" height="\d+" x="0" y="0" fill="none"><\/rect>\n?/, '')
    .replace(/ (d|transform|points)="([^"]*)"/g, (_whole, name: string, value: string) => ` ${name}="${value.replace(/(\d+\.\d)\d+/g, '$1')}"`)
    .replace(/ dominant-baseline="central" text-anchor="(start|middle|end)" style="font-size:(\d+)px;font-family:sans-serif;"/g, (_whole, anchor: string, size: string) => ` class="${anchor[0]}${size}"`)
    .replace(/(<text class="\w+"[^>]*) fill="#(54555a|333)"/g, '$1')
    .replace(/<text class="(\w+)"(?: y="(-?[\d.]+)")? transform="translate\((-?[\d.]+) (-?[\d.]+)\)">/g, (_whole, name: string, dy: string | undefined, x: string, y: string) => {
      // A translation alone is a position: x and y say it in fewer characters.
      const top = Math.round((Number(y) + Number(dy ?? 0)) * 10) / 10;
      return `<text class="${name}" x="${x}" y="${top}">`;
    })
    .replace(/(?:<path d="[^"]*" fill="[^"]*"(?: stroke="[^"]*")?><\/path>\n)+/g, merged);
}

/** Consecutive shapes painted alike (bars of one colour, grid lines) as one path: the same picture in less text. */
function merged(run: string): string {
  let out = '';
  let paint: string | undefined;
  let d = '';
  for (const [, shape, shapePaint] of run.matchAll(/<path d="([^"]*)"( fill="[^"]*"(?: stroke="[^"]*")?)><\/path>\n/g)) {
    if (shapePaint !== paint) {
      if (paint !== undefined) out += `<path d="${d}"${paint}></path>\n`;
      [paint, d] = [shapePaint, ''];
    }
    d += shape;
  }
  return paint === undefined ? out : `${out}<path d="${d}"${paint}></path>\n`;
}

/** The classes `lean` gives chart texts: anchor (s, m, e) and size in px, as CSS for the page. */
export const CHART_TEXT_STYLES = ['start', 'middle', 'end']
  .flatMap((anchor) => [9, 10, 11, 12].map((size) => `svg .${anchor[0]}${size}{dominant-baseline:central;text-anchor:${anchor};font-size:${size}px;font-family:sans-serif;fill:#333}`))
  .join('\n');

export interface Bar {
  readonly label: string;
  /** For drawing only; every figure shown as text comes from exact arithmetic. */
  readonly value: number;
  readonly text: string;
}

/** Vertical bars with their value printed on top: investment by section. */
export function barChart(bars: readonly Bar[], width = 720, height = 300): string {
  return renderChart(
    {
      grid: { left: 70, right: 16, top: 24, bottom: 56 },
      xAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { interval: 0, rotate: bars.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', splitLine: { lineStyle: { color: '#e0e0e0' } } },
      series: [
        {
          type: 'bar',
          data: bars.map((b) => b.value),
          itemStyle: { color: INK },
          label: { show: true, position: 'top', textBorderWidth: 0, formatter: (p: { dataIndex: number }) => groupDigits(bars[p.dataIndex]?.text ?? '') },
        },
      ],
    },
    width,
    height,
    true,
  );
}

export interface Span {
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly outside: boolean;
}

/**
 * Each project's construction years as a horizontal bar against the plan period (shaded);
 * bars outside the period are dark, the others light grey.
 */
export function spanChart(spans: readonly Span[], period: { start: number; end: number }, width = 720): string {
  const first = Math.min(period.start, ...spans.map((s) => s.start));
  const last = Math.max(period.end, ...spans.map((s) => s.end));
  const height = 40 + spans.length * 14;
  return renderChart(
    {
      grid: { left: 56, right: 16, top: 24, bottom: 24 },
      xAxis: { type: 'value', min: first, max: last + 1, interval: 1, position: 'top', axisLabel: { formatter: (v: number) => (v <= last ? String(v) : '') }, splitLine: { lineStyle: { color: '#e0e0e0' } } },
      // Labelled: every project outside the period, and every fifth, so the others can be counted (a report of 100 plans draws 6 000 bars).
      yAxis: { type: 'category', inverse: true, data: spans.map((s) => s.label), axisTick: { show: false }, axisLabel: { fontSize: 9, interval: (index: number) => index % 5 === 0 || spans[index]?.outside === true } },
      series: [
        { type: 'bar', stack: 'years', silent: true, itemStyle: { color: 'transparent' }, data: spans.map((s) => s.start), barWidth: 9 },
        {
          type: 'bar',
          stack: 'years',
          barWidth: 9,
          data: spans.map((s) => ({ value: s.end - s.start + 1, itemStyle: { color: s.outside ? INK : PAPER_GREY } })),
          markArea: { silent: true, itemStyle: { color: 'rgba(0,0,0,0.06)' }, data: [[{ xAxis: period.start }, { xAxis: period.end + 1 }]] },
        },
      ],
    },
    width,
    height,
  );
}

export interface Change {
  readonly label: string;
  /** Change from baseline to target in percent of the baseline, for drawing. */
  readonly percent: number;
  readonly text: string;
}

/** Indicators from baseline to target: the relative change as a horizontal bar, with `baseline → target` printed. */
export function changeChart(changes: readonly Change[], width = 720): string {
  const height = 40 + changes.length * 18;
  return renderChart(
    {
      grid: { left: 220, right: 150, top: 16, bottom: 24 },
      xAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { color: '#e0e0e0' } } },
      yAxis: { type: 'category', inverse: true, data: changes.map((c) => c.label), axisLabel: { fontSize: 10, width: 200, overflow: 'truncate', ellipsis: '…' } },
      series: [
        {
          type: 'bar',
          barWidth: 10,
          data: changes.map((c) => ({ value: c.percent, itemStyle: { color: c.percent < 0 ? PAPER_GREY : INK } })),
          label: { show: true, position: 'right', fontSize: 10, textBorderWidth: 0, formatter: (p: { dataIndex: number }) => changes[p.dataIndex]?.text ?? '' },
        },
      ],
    },
    width,
    height,
  );
}
