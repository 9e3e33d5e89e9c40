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
const GRID_GREY = '#e0e0e0';
/** ECharts' own colour of an axis line. */
const AXIS_GREY = '#54555a';
/** The break that cuts a bar too long for its axis. */
const BREAK_WHITE = '#fff';
/** The thickness of a bar of the years chart and of the indicators charts, in pixels. */
const YEARS_BAR = 9;
const CHANGE_BAR = 10;

/**
 * Lines painted alike, said once in the page's style sheet instead of on every path: grid lines,
 * axis lines, and the bars drawn as thick lines (see thickLines) in each colour and thickness.
 */
const LINE_CLASSES: readonly { readonly name: string; readonly attributes: string; readonly style: string }[] = [
  { name: 'grid', attributes: `fill="none" stroke="${GRID_GREY}"`, style: `fill:none;stroke:${GRID_GREY}` },
  { name: 'axis', attributes: `fill="none" stroke="${AXIS_GREY}"`, style: `fill:none;stroke:${AXIS_GREY}` },
  ...[
    ['ink', INK],
    ['grey', PAPER_GREY],
    ['white', BREAK_WHITE],
  ].flatMap(([name, colour]) =>
    [YEARS_BAR, CHANGE_BAR].map((width) => ({ name: `${name}${width}`, attributes: `stroke="${colour}" stroke-width="${width}"`, style: `stroke:${colour};stroke-width:${width}px` })),
  ),
];
const LINE_CLASS_BY_ATTRIBUTES = new Map(LINE_CLASSES.map((line) => [line.attributes, line.name]));
const THICK_LINE_CLASS = /^(?:ink|grey|white)(\d+)$/;

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
 * values unquoted where they may be, empty shapes closed by `/>`, no line breaks, no height (the
 * width and viewBox give it), lines and texts painted alike by a class of CHART_STYLES, bars of one
 * colour in one path, labels turned alike in one turned group. A report of 100 plans has 400 charts.
 */
function lean(svg: string): string {
  return svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/<path [^>]*fill="none"[^>]*ecmeta_silent="true"[^>]*><\/path>\n?/g, '')
    // A wrapped label's box: neither filled nor stroked, it only catches the pointer.
    .replace(/<path d="[^"]*"(?: transform="[^"]*")? fill="none"(?: pointer-events="visible")?(?: class="[^"]*")?><\/path>\n?/g, '')
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
    .replace(/ ((?:fill="[^"]*" )?stroke="[^"]*"(?: stroke-width="\d+")?)(?=><\/path>)/g, (whole, attributes: string) => {
      const name = LINE_CLASS_BY_ATTRIBUTES.get(attributes);
      return name ? ` class="${name}"` : whole;
    })
    .replace(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, '')
    .replace(/ ([\w-]+)="([\w#.%(),-]+)"/g, ' $1=$2')
    .replace(/(=[^"\s>]+)?><\/(path|polygon)>/g, (_whole, unquoted: string | undefined) => `${unquoted ?? ''}${unquoted ? ' ' : ''}/>`)
    .replace(/>\n+</g, '><')
    .replace(/ height=\d+(?= viewBox=)/, '')
    .replace(/(?:<path d="[^"]*" class=(?:ink|grey|white)\d+ \/>){3,}/g, barsByColour)
    .replace(/(?:<text class=\w+ [^>]*>[^<]*<\/text>){3,}/g, textRun);
}

/**
 * Bars drawn as thick lines, one path a colour: ECharts paints them in the order of the rows, so
 * the colours alternate (a dark bar among light ones). A path joins an earlier one of its colour
 * only where no path it would then be painted before overlaps it (the white break of a cut bar
 * stays over the bar).
 */
function barsByColour(run: string): string {
  type Bar = { x: number; y: number; width: number };
  type Group = { name: string; thickness: number; d: string; bars: Bar[] };
  const groups: Group[] = [];
  const overlap = (a: Group, b: { thickness: number; bars: readonly Bar[] }): boolean =>
    a.bars.some((p) =>
      b.bars.some((q) => Math.abs(p.y - q.y) < (a.thickness + b.thickness) / 2 && Math.min(p.x, p.x + p.width) < Math.max(q.x, q.x + q.width) && Math.min(q.x, q.x + q.width) < Math.max(p.x, p.x + p.width)),
    );
  for (const [, d, name] of run.matchAll(/<path d="([^"]*)" class=(\w+) \/>/g)) {
    const thickness = Number(THICK_LINE_CLASS.exec(name!)?.[1]);
    const bars = [...d!.matchAll(/M(-?\d+) (-?\d+)h(-?\d+)/g)].map(([, x, y, width]) => ({ x: Number(x), y: Number(y), width: Number(width) }));
    const shape = { thickness, bars };
    let at = groups.length;
    // The earliest group of this colour that every later group leaves uncovered.
    for (let i = groups.length - 1; i >= 0 && !overlap(groups[i]!, shape); i--) if (groups[i]!.name === name) at = i;
    if (at < groups.length) {
      groups[at]!.d += d;
      groups[at]!.bars.push(...bars);
    } else {
      groups.push({ name: name!, thickness, d: d!, bars });
    }
  }
  return groups.map((group) => `<path d="${group.d}" class=${group.name} />`).join('');
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
      const rotated = first.x === undefined ? rotation(labels.map((t) => t.place)) : undefined;
      if (rotated) return `<g class=${first.style} transform=rotate(${rotated.degrees})>${rotated.places.map((at, i) => `<text x=${at.x} y=${at.y}>${labels[i]!.text}</text>`).join('')}</g>`;
      const sameX = first.x !== undefined && labels.every((t) => t.x === first.x);
      const sameY = !sameX && first.y !== undefined && labels.every((t) => t.y === first.y);
      const shift = sameX ? ` transform=translate(${first.x})` : sameY ? ` transform=translate(0,${first.y})` : '';
      const place = (t: Label): string => (sameX ? ` y=${t.y}` : sameY ? ` x=${t.x}` : ` ${t.place}`);
      return `<g class=${first.style}${shift}>${labels.map((t) => `<text${place(t)}>${t.text}</text>`).join('')}</g>`;
    })
    .join('');
}

/**
 * Labels turned alike (the investment chart's section names, 30°), each placed by its own
 * matrix: as one rotation of their group, each label at its place in the turned frame, to the
 * whole pixel. Undefined unless every place is a matrix of one rotation.
 */
function rotation(places: readonly string[]): { degrees: number; places: { x: number; y: number }[] } | undefined {
  const matrices = places.map((place) => /^transform=matrix\(([^)]*)\)$/.exec(place)?.[1]?.split(',').map(Number));
  const first = matrices[0];
  if (first?.length !== 6) return undefined;
  const [cos, sin] = [first[0]!, first[1]!];
  // A rotation: [cos sin -sin cos] (SVG's a b c d), the same for every label.
  if (Math.abs(first[3]! - cos) > 1e-3 || Math.abs(first[2]! + sin) > 1e-3) return undefined;
  if (!matrices.every((m) => m?.length === 6 && m.slice(0, 4).every((value, i) => value === first[i]))) return undefined;
  // The rotation's inverse is its transpose: the place (e, f) seen in the turned frame.
  return {
    degrees: Math.round((Math.atan2(sin, cos) * 180) / Math.PI * 10) / 10,
    places: matrices.map((m) => ({ x: Math.round(cos * m![4]! + sin * m![5]!), y: Math.round(-sin * m![4]! + cos * m![5]!) })),
  };
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

/**
 * The classes `lean` gives chart texts (or their group), anchor (s, m, e) and size in px, and
 * lines (LINE_CLASSES), as CSS for the page: written once, not on each of a report's 400 charts.
 */
export const CHART_STYLES = [
  ...['start', 'middle', 'end'].flatMap((anchor) =>
    [9, 10, 11, 12].map((size) => `svg .${anchor[0]}${size},svg .${anchor[0]}${size}>text{dominant-baseline:central;text-anchor:${anchor};font-size:${size}px;font-family:sans-serif;fill:#333}`),
  ),
  ...LINE_CLASSES.map((line) => `svg .${line.name}{${line.style}}`),
].join('\n');

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
      yAxis: { type: 'value', splitLine: { lineStyle: { color: GRID_GREY } }, ...(scaled ? { axisLabel: { show: false } } : {}) },
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
  /** What the bar is labelled with: the project's serial and name. */
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly outside: boolean;
}

/** Width of a label column, in pixels, and how many pixels a character of a small label takes (CJK is square). */
const LABEL_WIDTH = 230;
const charWidth = (fontSize: number): number => fontSize;

/** Lines a label needs when wrapped to `width` pixels: a chart gives every row room for the longest. */
function labelLines(labels: readonly string[], fontSize: number, width: number): number {
  const perLine = Math.max(1, Math.floor(width / charWidth(fontSize)));
  // A loop, not a spread: 100 000 labels are too many arguments for Math.max.
  let lines = 1;
  for (const label of labels) lines = Math.max(lines, Math.ceil([...label].length / perLine));
  return lines;
}

/**
 * Each project's construction years as a horizontal bar against the plan period (shaded); bars
 * outside the period are dark, the others light grey. Every project is labelled with its serial
 * and name. Gridlines stand at the start of each year and the years are written between them,
 * so a bar of 2021–2025 ends at the end of 2025.
 */
export function spanChart(spans: readonly Span[], period: { start: number; end: number }, width = 720, draw: Draw = renderChart): string {
  // Loops, not spreads: a report of 100 000 projects has 100 000 spans.
  let first = period.start;
  let last = period.end;
  let longest = 0;
  for (const span of spans) {
    if (span.start < first) first = span.start;
    if (span.end > last) last = span.end;
    longest = Math.max(longest, [...span.label].length);
  }
  // Room for the longest name on one line where the chart allows it (a third of its width or more), else wrapped.
  const labelWidth = Math.min(Math.round(width * 0.42), Math.max(60, longest * charWidth(9)));
  const lines = labelLines(spans.map((s) => s.label), 9, labelWidth);
  const row = 4 + 11 * lines;
  const height = 48 + spans.length * row;
  const years = Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
  return draw(
    {
      grid: { left: labelWidth + 12, right: 16, top: 24, bottom: 8 },
      xAxis: [
        { type: 'value', min: first, max: last + 1, interval: 1, axisLabel: { show: false }, axisTick: { show: false }, axisLine: { show: false }, splitLine: { lineStyle: { color: GRID_GREY } } },
        // The years as bands, each written in the middle of its year.
        { type: 'category', position: 'top', data: years, axisTick: { show: false }, axisLine: { show: false } },
      ],
      yAxis: { type: 'category', inverse: true, data: spans.map((s) => s.label), axisTick: { show: false }, axisLabel: { fontSize: 9, interval: 0, width: labelWidth, overflow: 'break', lineHeight: 11 } },
      series: [
        { type: 'bar', stack: 'years', silent: true, itemStyle: { color: 'transparent' }, data: spans.map((s) => s.start), barWidth: YEARS_BAR },
        {
          type: 'bar',
          stack: 'years',
          barWidth: YEARS_BAR,
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
  /** The indicator's serial and name, whole: the chart wraps it. */
  readonly label: string;
  /** For drawing: the change in percentage points, or in percent of the baseline. */
  readonly value: number;
  /** `baseline → target` and the change, as exact text. */
  readonly text: string;
}

/** How a change chart measures: percentage points (indicators in %) or percent of the baseline (the others). */
export type ChangeScale = 'points' | 'percent';

/**
 * The largest value the axis shows: a value more than three times the upper quartile of the
 * sizes of the changes (those not zero: many unchanged indicators must not make a real change
 * an outlier) would squash every other bar, so the axis ends a little past the largest value
 * that is not, and longer bars are cut with a marked break. Undefined when none is cut.
 */
export function clipLimit(values: readonly number[]): number | undefined {
  const sizes = values.map(Math.abs).filter((size) => size > 0).sort((a, b) => a - b);
  if (sizes.length < 4) return undefined;
  const quartile = sizes[Math.floor((sizes.length - 1) * 0.75)]!;
  const inliers = sizes.filter((size) => size <= 3 * quartile);
  const largest = inliers.at(-1) ?? 0;
  if (inliers.length === sizes.length || largest === 0) return undefined;
  return niceCeiling(largest * 1.2);
}

/** The next 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ at or above the value. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((n) => n * power >= value) ?? 10;
  return step * power;
}

/**
 * Indicators from baseline to target: the change as a horizontal bar, with `baseline → target`
 * and the change printed. Labels wrap rather than being cut. A bar past the axis's end is cut
 * with a white break near its end and drawn to the end; its printed change is the whole one.
 */
export function changeChart(changes: readonly Change[], scale: ChangeScale, width = 720, draw: Draw = renderChart): string {
  const lines = labelLines(changes.map((c) => c.label), 10, LABEL_WIDTH - 20);
  const row = 8 + 12 * lines;
  const height = 40 + changes.length * row;
  const { values, scaled } = drawable(changes.map((c) => c.value));
  const limit = clipLimit(values);
  const clipped = (value: number): boolean => limit !== undefined && Math.abs(value) > limit;
  const shown = (value: number): number => (clipped(value) ? Math.sign(value) * limit! : value);
  // The break: a white gap drawn over the cut bar, a twentieth of the axis from its end.
  const gapAt = (value: number): number | string => (clipped(value) ? Math.sign(value) * limit! * 0.9 : '-');
  const gap = (value: number): number | string => (clipped(value) ? Math.sign(value) * limit! * 0.04 : '-');
  return draw(
    {
      grid: { left: LABEL_WIDTH, right: 200, top: 16, bottom: 24 },
      xAxis: {
        type: 'value',
        ...(limit !== undefined && values.some((value) => value > limit) ? { max: limit } : {}),
        ...(limit !== undefined && values.some((value) => value < -limit) ? { min: -limit } : {}),
        axisLabel: scaled ? { show: false } : { formatter: scale === 'percent' ? '{value}%' : '{value}' },
        splitLine: { lineStyle: { color: GRID_GREY } },
      },
      yAxis: { type: 'category', inverse: true, data: changes.map((c) => c.label), axisTick: { show: false }, axisLabel: { fontSize: 10, interval: 0, width: LABEL_WIDTH - 20, overflow: 'break', lineHeight: 12 } },
      series: [
        {
          type: 'bar',
          barWidth: CHANGE_BAR,
          data: changes.map((c, index) => ({ value: shown(values[index]!), itemStyle: { color: c.value < 0 ? PAPER_GREY : INK } })),
          label: { show: true, position: 'right', fontSize: 10, textBorderWidth: 0, formatter: (p: { dataIndex: number }) => changes[p.dataIndex]?.text ?? '' },
        },
        ...(limit === undefined || !values.some(clipped)
          ? []
          : [
              { type: 'bar', stack: 'break', barGap: '-100%', barWidth: CHANGE_BAR, silent: true, itemStyle: { color: 'transparent' }, data: values.map(gapAt) },
              { type: 'bar', stack: 'break', barWidth: CHANGE_BAR, silent: true, itemStyle: { color: BREAK_WHITE }, data: values.map(gap) },
            ]),
      ],
    },
    width,
    height,
  );
}
