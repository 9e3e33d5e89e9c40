import { groupDigits } from '../views/table.js';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkAreaComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, GridComponent, MarkAreaComponent, SVGRenderer]);

/** Dark and light greys: the charts read the same printed in grey as on screen. */
export const INK = '#333';
export const PAPER_GREY = '#b8b8b8';
const FONT = { fontFamily: 'sans-serif', fontSize: 11, color: INK };

/** Draws one chart from its ECharts option: `renderChart`, or `rawChart` to compare with. */
export type Draw = (option: EChartsCoreOption, width: number, height: number) => string;

/**
 * One chart as an SVG string as ECharts' SSR mode writes it: the page needs no script to show
 * it. Animation is off so the SVG is the final picture.
 */
export const rawChart: Draw = (option, width, height) => {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: FONT, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
};

/** One chart as the report writes it: ECharts' SVG made lean (the same picture, a third of the text). */
export const renderChart: Draw = (option, width, height) => lean(rawChart(option, width, height));

/**
 * The SVG without what only a live chart uses: hover styles, pointer events, the SSR client's
 * metadata (the series and data index of each shape) and invisible shapes
 * (the transparent base of a floating bar); and written as short as HTML lets inline SVG be:
 * values unquoted where they may be, empty shapes closed by `/>`, no line breaks. A report of
 * 100 plans has 300 charts.
 */
function lean(svg: string): string {
  return svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/<path [^>]*fill="none"[^>]*ecmeta_silent="true"[^>]*><\/path>\n?/g, '')
    .replace(/ (pointer-events="visible"|class="zr\d+-cls-\d+"|ecmeta_ssr_type="chart"|ecmeta_silent="true"|xmlns:xlink="[^"]*"|version="1\.1"|baseProfile="full")/g, '')
    .replace(/ ecmeta_(series|data)_index="\d+"/g, '')
    .replace(/ xml:space="preserve"| stroke="rgb\(255,255,255\)" stroke-width="2" paint-order="stroke" stroke-miterlimit="2"/g, '')
    .replace(/<rect width="\d+" height="\d+" x="0" y="0" fill="none"><\/rect>\n?/, '')
    // Coordinates to a tenth of a pixel; a rotation's cosines and sines to a thousandth (to a
    // tenth, cos 30° = 0.866 would be 0.8, and the label squeezed).
    .replace(/ (d|points)="([^"]*)"/g, (_whole, name: string, value: string) => ` ${name}="${value.replace(/(\d+\.\d)\d+/g, '$1')}"`)
    .replace(/ transform="matrix\(([^)]*)\)"/g, (_whole, values: string) => ` transform="matrix(${values.split(',').map((v, i) => (i < 4 ? String(Math.round(Number(v) * 1000) / 1000) : v.replace(/(\d+\.\d)\d+/, '$1'))).join(',')})"`)
    .replace(/ dominant-baseline="central" text-anchor="(start|middle|end)" style="font-size:(\d+)px;font-family:sans-serif;"/g, (_whole, anchor: string, size: string) => ` class="${anchor[0]}${size}"`)
    .replace(/(<text class="\w+"[^>]*) fill="#(54555a|333)"/g, '$1')
    .replace(/<text class="(\w+)"(?: y="(-?[\d.]+)")? transform="translate\((-?[\d.]+) (-?[\d.]+)\)">/g, (_whole, name: string, dy: string | undefined, x: string, y: string) => {
      // A translation alone is a position: x and y say it in fewer characters.
      const top = Math.round((Number(y) + Number(dy ?? 0)) * 10) / 10;
      return `<text class="${name}" x="${x}" y="${top}">`;
    })
    .replace(/(?:<path d="[^"]*" fill="[^"]*"(?: stroke="[^"]*")?><\/path>\n)+/g, merged)
    // Lines along an axis as H and V, rectangles' sides as h and v: the same path, shorter.
    .replace(/ d="([^"]*)"/g, (_whole, d: string) => ` d="${d
      .replace(/M(-?[\d.]+) (-?[\d.]+)L(-?[\d.]+) \2(?![\d.])/g, 'M$1 $2H$3')
      .replace(/M(-?[\d.]+) (-?[\d.]+)L\1 (-?[\d.]+)/g, 'M$1 $2V$3')
      .replace(/l(-?[\d.]+) 0(?=[lZ])/g, 'h$1')
      .replace(/l0 (-?[\d.]+)(?=[lhZ])/g, 'v$1')}"`)
    // Filled shapes and texts to the whole pixel (a bar 0.4 px longer cannot be seen; every value
    // is printed as text); lines keep their half pixel, which keeps them sharp.
    .replace(/ d="([^"]*)"(?= fill="(?!none))/g, (_whole, d: string) => ` d="${d.replace(/-?\d+\.\d+/g, wholePixel)}"`)
    .replace(/(<text class="\w+") x="(-?[\d.]+)" y="(-?[\d.]+)"/g, (_whole, start: string, x: string, y: string) => `${start} x="${wholePixel(x)}" y="${wholePixel(y)}"`)
    .replace(/<path d="((?:M-?\d+ -?\d+h-?\d+v\d+h-?\d+Z)+)" fill="([^"]*)"/g, thickLines)
    .replace(/ stroke="[^"]*" stroke-width="0"| stroke-linecap="round"/g, '')
    .replace(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, '')
    .replace(/ ([\w-]+)="([\w#.%(),-]+)"/g, ' $1=$2')
    .replace(/(=[^"\s>]+)?><\/(path|polygon)>/g, (_whole, unquoted: string | undefined) => `${unquoted ?? ''}${unquoted ? ' ' : ''}/>`)
    .replace(/>\n</g, '><')
    .replace(/(?:<text class=\w+ [^>]*>[^<]*<\/text>){3,}/g, textRun);
}

/**
 * Labels of one axis, one style and one x (or one y), as a group that says the style and the
 * shared coordinate once: an axis of 25 labels is a tenth shorter.
 */
function textRun(run: string): string {
  type Label = { style: string; place: string; x?: string; y?: string; text: string };
  const runs: Label[][] = [];
  for (const [, style, place, text] of run.matchAll(/<text class=(\w+) ([^>]*)>([^<]*)<\/text>/g)) {
    const at = /^x=(-?\d+) y=(-?\d+)$/.exec(place!);
    const label: Label = { style: style!, place: place!, text: text!, ...(at ? { x: at[1]!, y: at[2]! } : {}) };
    const last = runs.at(-1);
    // A run is one style and one kind of place (x and y, or a transform).
    if (last?.[0]?.style === label.style && (last[0].x === undefined) === (label.x === undefined)) last.push(label);
    else runs.push([label]);
  }
  return runs
    .map((labels) => {
      const first = labels[0]!;
      if (labels.length < 3) return labels.map((t) => `<text class=${t.style} ${t.place}>${t.text}</text>`).join('');
      const sameX = first.x !== undefined && labels.every((t) => t.x === first.x);
      const sameY = !sameX && first.y !== undefined && labels.every((t) => t.y === first.y);
      const shift = sameX ? ` transform=translate(${first.x})` : sameY ? ` transform=translate(0,${first.y})` : '';
      const place = (t: Label): string => (sameX ? ` y=${t.y}` : sameY ? ` x=${t.x}` : ` ${t.place}`);
      return `<g class=${first.style}${shift}>${labels.map((t) => `<text${place(t)}>${t.text}</text>`).join('')}</g>`;
    })
    .join('');
}

/**
 * Horizontal bars of one height (the bars of the years and the indicators charts) as lines as
 * thick as the bars: `M x y h w` instead of `M x y h w v 9 h -w Z`, the same picture.
 */
function thickLines(whole: string, d: string, paint: string): string {
  const bars = [...d.matchAll(/M(-?\d+) (-?\d+)h(-?\d+)v(\d+)h-?\d+Z/g)].map(([, x, y, width, height]) => ({ x, y: Number(y), width, height: Number(height) }));
  const height = bars[0]!.height;
  if (bars.some((bar) => bar.height !== height)) return whole;
  return `<path d="${bars.map((bar) => `M${bar.x} ${Math.round(bar.y + height / 2)}h${bar.width}`).join('')}" stroke="${paint}" stroke-width="${height}"`;
}

/** To the nearest whole pixel, halves away from zero: a rectangle's sides h295 … h-295 stay equal. */
const wholePixel = (n: string): string => {
  const value = Number(n);
  return String(Math.sign(value) * Math.round(Math.abs(value)) || 0);
};

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

/** The classes `lean` gives chart texts (or their group): anchor (s, m, e) and size in px, as CSS for the page. */
export const CHART_TEXT_STYLES = ['start', 'middle', 'end']
  .flatMap((anchor) => [9, 10, 11, 12].map((size) => `svg .${anchor[0]}${size},svg .${anchor[0]}${size}>text{dominant-baseline:central;text-anchor:${anchor};font-size:${size}px;font-family:sans-serif;fill:#333}`))
  .join('\n');

export interface Bar {
  readonly label: string;
  /** For drawing only; every figure shown as text comes from exact arithmetic. */
  readonly value: number;
  readonly text: string;
}

/**
 * Values ECharts can lay an axis out for. A plan may print 1e-62 万元 or 31 nines: the axis of
 * such bars fails inside ECharts. Past 1e-3 … 1e12 the bars are drawn in proportion (largest =
 * 1000) and the axis numbers are left out; the bars' printed labels are exact either way.
 */
export function drawable(values: readonly number[]): { values: number[]; scaled: boolean } {
  let largest = 0;
  for (const value of values) if (Number.isFinite(value) && Math.abs(value) > largest) largest = Math.abs(value);
  const finite = values.map((value) => (Number.isFinite(value) ? value : 0));
  if (largest === 0 || (largest >= 1e-3 && largest <= 1e12)) return { values: finite, scaled: false };
  return { values: finite.map((value) => (value / largest) * 1000), scaled: true };
}

/** Vertical bars with their value printed on top: investment by section. */
export function barChart(bars: readonly Bar[], width = 720, height = 300, draw: Draw = renderChart): string {
  const { values, scaled } = drawable(bars.map((b) => b.value));
  return draw(
    {
      grid: { left: 70, right: 16, top: 24, bottom: 56 },
      xAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { interval: 0, rotate: bars.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', splitLine: { lineStyle: { color: '#e0e0e0' } }, ...(scaled ? { axisLabel: { show: false } } : {}) },
      series: [
        {
          type: 'bar',
          data: values,
          itemStyle: { color: INK },
          label: { show: true, position: 'top', textBorderWidth: 0, formatter: (p: { dataIndex: number }) => groupDigits(bars[p.dataIndex]?.text ?? '') },
        },
      ],
    },
    width,
    height,
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
export function spanChart(spans: readonly Span[], period: { start: number; end: number }, width = 720, draw: Draw = renderChart): string {
  // A loop, not a spread: a report of 100 000 projects has 100 000 spans.
  let first = period.start;
  let last = period.end;
  for (const span of spans) {
    if (span.start < first) first = span.start;
    if (span.end > last) last = span.end;
  }
  const height = 40 + spans.length * 14;
  return draw(
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
export function changeChart(changes: readonly Change[], width = 720, draw: Draw = renderChart): string {
  const height = 40 + changes.length * 18;
  const { values, scaled } = drawable(changes.map((c) => c.percent));
  return draw(
    {
      grid: { left: 220, right: 150, top: 16, bottom: 24 },
      xAxis: { type: 'value', axisLabel: scaled ? { show: false } : { formatter: '{value}%' }, splitLine: { lineStyle: { color: '#e0e0e0' } } },
      yAxis: { type: 'category', inverse: true, data: changes.map((c) => c.label), axisLabel: { fontSize: 10, width: 200, overflow: 'truncate', ellipsis: '…' } },
      series: [
        {
          type: 'bar',
          barWidth: 10,
          data: changes.map((c, index) => ({ value: values[index], itemStyle: { color: c.percent < 0 ? PAPER_GREY : INK } })),
          label: { show: true, position: 'right', fontSize: 10, textBorderWidth: 0, formatter: (p: { dataIndex: number }) => changes[p.dataIndex]?.text ?? '' },
        },
      ],
    },
    width,
    height,
  );
}
