/**
 * Figures in running text: every number followed by a unit, with the qualifiers printed around
 * it (约 and 左右, bound words and signs, 【】). Units and words are general Chinese usage, never
 * the words of one plan.
 */

/** Longest first, so that 万平方米 wins over 平方米 and 人次 over 人. */
const UNITS = [
  '万平方米', '平方公里', '平方米', '万㎡', '㎡', 'm²', '公顷', '万亩', '亩',
  '千米', '公里', 'km', '米',
  '亿元', '万元', '元',
  '%', '％',
  '万人次', '人次', '万人', '人制', '人', '万名', '名', '位',
  '万户', '户', '万套', '套', '栋', '幢', '间', '个', '家', '所', '张', '床', '项', '座', '处', '条', '台', '辆',
  '场次', '场', '次', '册', '篇', '部', '千瓦', '瓦', '吨', '岁', '个月', '天', '小时', '分钟', '倍', '种', '批', '支', '块', '门', '类',
].sort((a, b) => b.length - a.length);

const BOUND_BEFORE = ['不少于', '不低于', '至少', '超过', '高于', '不超过', '不高于', '低于', '≥', '＞', '>', '≤', '＜', '<'] as const;
const BOUND_AFTER = ['以上', '以内', '以下'] as const;
const BOUND_LONGEST_FIRST = [...BOUND_BEFORE].sort((a, b) => b.length - a.length);
export type Bound = (typeof BOUND_BEFORE)[number] | (typeof BOUND_AFTER)[number];

export interface FoundFigure {
  /** The number as printed (ASCII digits). */
  readonly value: string;
  readonly valueMax?: string;
  readonly unit: string;
  readonly approx?: boolean;
  readonly bound?: Bound;
  readonly cumulative?: boolean;
  /** Offset of the number in the text, and of the end of the figure with its unit and qualifiers. */
  readonly start: number;
  readonly end: number;
  /** The words of the clause before the number (what is counted or measured). */
  readonly label: string;
  /** The clause that holds the figure, within one line: a quote for it. */
  readonly clause: string;
  /** What the figure is about, for likeness: the clause's opening words and the figure's own label. */
  readonly subject: string;
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const RANGE = String.raw`(?:\s*[-—–～〜~至到]\s*(\d+(?:\.\d+)?))?`;
const UNIT_ALT = UNITS.map((unit) => unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
/** A figure: a number (or range) not glued to a letter or digit before it, then a unit. */
const FIGURE = new RegExp(String.raw`(?<![\dA-Za-z.．第])${NUMBER}${RANGE}\s?(${UNIT_ALT})(?:[／/](年|人|次|天|月))?`, 'gu');
const CLAUSE_STOP = /[，。；：！？,;:\n]/u;
const LABEL_STOP = /[，。；：！？,;:、\n]/u;

/** Every figure with a unit in `text`, in order. */
export function findFigures(text: string): FoundFigure[] {
  const found: FoundFigure[] = [];
  // The places of the stops, found once: a long paragraph of figures is read in one pass, not once a figure.
  const clauseStops = stopsOf(text, CLAUSE_STOP);
  const labelStops = stopsOf(text, LABEL_STOP);
  for (const match of text.matchAll(FIGURE)) {
    const start = match.index;
    const value = match[1]!;
    const valueMax = match[2];
    let unit = match[3]!;
    if (match[4]) unit = `${unit}${match[0].includes('／') ? '／' : '/'}${match[4]}`;
    // The full-width percent sign is the same unit as the half-width one.
    if (unit === '％') unit = '%';
    // A four-digit year range followed by a unit word is a span of years, not a quantity.
    if (valueMax !== undefined && /^(19|20)\d\d$/.test(value) && /^(19|20)\d\d$/.test(valueMax)) continue;
    // 12年 after a year-like number, and 5G-like tokens, are excluded by the unit list and the look-behind.
    let end = start + match[0].length;
    const before = text.slice(Math.max(0, start - 6), start);
    const after = text.slice(end, end + 3);
    let bound: Bound | undefined;
    for (const word of BOUND_AFTER) {
      if (after.startsWith(word)) {
        bound = word;
        end += word.length;
        break;
      }
    }
    if (bound === undefined) {
      const near = before.slice(-4);
      // A bound word in the figure's own phrase (“至少再新增设置1个”) bounds it; the longest word wins (不低于 over 低于).
      const phrase = text.slice(afterStop(labelStops, start), start);
      bound = BOUND_LONGEST_FIRST.find((word) => near.endsWith(word) || (word.length > 1 && (near.includes(word) || phrase.includes(word))));
    }
    const approx = /[约近]$|约[^\d，。；]{0,2}$/u.test(before) || text.slice(end, end + 2) === '左右';
    const cumulative = before.endsWith('【') && text[end] === '】';
    let clauseStart = afterStop(clauseStops, start);
    const labelStart = afterStop(labelStops, start);
    let clauseEnd = nextStop(clauseStops, end, text.length);
    // A clause of a list with no comma (a、b、c …) would quote the whole list for each figure in it: the quote keeps the nearest items.
    if (start - clauseStart > MAX_QUOTE_SIDE) {
      const item = nextStop(labelStops, start - MAX_QUOTE_SIDE, start);
      clauseStart = item < start ? item + 1 : start - MAX_QUOTE_SIDE;
    }
    if (clauseEnd - end > MAX_QUOTE_SIDE) {
      const item = afterStop(labelStops, end + MAX_QUOTE_SIDE + 1) - 1;
      clauseEnd = item >= end ? item : end + MAX_QUOTE_SIDE;
    }
    const label = text
      .slice(labelStart, start)
      .replace(/(约|近|不少于|不低于|至少|超过|高于|不超过|不高于|低于|达到|达|为|共|计|≥|＞|>|≤|＜|<|【)+$/u, '')
      .trim();
    const clause = text.slice(clauseStart, clauseEnd).trim();
    let head = clause.slice(0, clause.search(/\d/) < 0 ? clause.length : clause.search(/\d/));
    // A clause that opens with a few words only (“改造涉及351栋…”) takes its subject from the clause before it in the sentence.
    if (head.length < 6 && clauseStart > 1 && text[clauseStart - 1] !== '。' && CLAUSE_STOP.test(text[clauseStart - 1]!)) {
      head = `${text.slice(Math.max(afterStop(clauseStops, clauseStart - 1), clauseStart - 1 - MAX_QUOTE_SIDE), clauseStart - 1).replace(/\d+(\.\d+)?/g, '')}${head}`;
    }
    found.push({
      subject: subjectOf(head, label, clause, text.slice(end, clauseEnd)),
      value,
      ...(valueMax === undefined ? {} : { valueMax }),
      unit,
      ...(approx ? { approx: true } : {}),
      ...(bound === undefined ? {} : { bound }),
      ...(cumulative ? { cumulative: true } : {}),
      start,
      end,
      label,
      clause,
    });
  }
  return found;
}

/** Characters a quote takes on either side of its figure at most, when its clause runs on. */
const MAX_QUOTE_SIDE = 60;

/** Offsets of every stop character of `text`, in order. */
function stopsOf(text: string, stop: RegExp): number[] {
  const stops: number[] = [];
  for (let index = 0; index < text.length; index += 1) if (stop.test(text[index]!)) stops.push(index);
  return stops;
}

/** The index in `stops` of the first stop at or after `from` (`stops.length` when there is none). */
function firstStopFrom(stops: readonly number[], from: number): number {
  let low = 0;
  let high = stops.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (stops[middle]! < from) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The offset just after the last stop before `from` (0 when none). */
function afterStop(stops: readonly number[], from: number): number {
  const index = firstStopFrom(stops, from);
  return index === 0 ? 0 : stops[index - 1]! + 1;
}

/** The offset of the first stop at or after `from` (`none` when there is none). */
function nextStop(stops: readonly number[], from: number, none: number): number {
  const index = firstStopFrom(stops, from);
  return index < stops.length ? stops[index]! : none;
}

/** The clause's opening words and the figure's label; the whole clause when they are too few to say anything. */
function subjectOf(head: string, label: string, clause: string, after: string): string {
  const bare = head.replace(/(约|近|不少于|不低于|至少|超过|高于|不超过|不高于|低于|达到|达|为|共|计|保持)+$/u, '');
  const before = bare.includes(label) ? bare : `${bare}${label}`;
  if (before.replace(/[\s\d.%％]/g, '').length < 4) return clause.replace(/\d+(\.\d+)?/g, '');
  // What is counted may follow the measure word (“123个老旧小区”): its first words join the subject.
  const noun = /^[\p{Script=Han}]{2,8}/u.exec(after.replace(/^(的|以上|以下|以内|左右)/u, ''))?.[0] ?? '';
  return `${before}${noun}`;
}
