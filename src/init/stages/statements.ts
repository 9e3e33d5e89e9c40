/**
 * Stage 5 of the drafter: the prose. Figures that restate an indicator (by likeness of the clause
 * to its name, in the same unit dimension) or a figure of a box in the same chapter get its key;
 * the others keep a key of their own. The prose's 其中 sums and listed counts.
 */
import { parseChineseNumeral } from '../../numerals.js';
import { unitMeaning } from '../../units.js';
import { findFigures, type FoundFigure } from '../figures.js';
import { looseLikeness, words } from '../similarity.js';
import { arabic } from '../../headings.js';
import type { BoxItem, Context, Fact, StatementGroup, Sum } from '../types.js';
import { countsOf, plausible, sumsOf, toFact } from './facts.js';
const TARGET_CUE = /到\s*\d{4}\s*年|到.{0,8}末|十[一二三四五六七八九]?五.{0,3}(期间|时期|末)|力争|预计|计划|目标|达到|保持/u;

/**
 * Prose figures that restate an indicator (by likeness of the clause to its name, in the same
 * unit dimension) or a figure of a box in the same chapter; and the prose's own 其中 sums and
 * listed counts.
 */
export function readStatements(context: Context): StatementGroup[] {
  const { draft } = context;
  const doc = draft.outline;
  const period = draft.plan.period;
  const indicators = draft.indicators?.categories.flatMap((category) => category.indicators) ?? [];
  const groups = new Map<string, StatementGroup>();
  const groupFor = (chapter: number, section: number): StatementGroup => {
    const key = `${chapter}/${section}`;
    let group = groups.get(key);
    if (!group) {
      const c = doc.chapters[chapter];
      const s = c?.sections[section];
      group = { ...(c ? { chapter: c.numeral } : {}), ...(s ? { section: s.numeral } : {}), facts: [], sums: [], counts: [] };
      groups.set(key, group);
    }
    return group;
  };
  let serial = 0;
  /** The box items each prose sentence has been found to restate. */
  const itemsOfSentence = new Map<string, Set<BoxItem>>();
  for (const [paragraphIndex, paragraph] of doc.paragraphs.entries()) {
    if (paragraph.chapter < 0 && !doc.preface) continue;
    const chapterBoxes = draft.boxes.filter((box) => box.chapter !== undefined && box.chapter === doc.chapters[paragraph.chapter]?.numeral);
    const boxFacts = chapterBoxes.flatMap((box) => box.items.flatMap((item) => item.facts.map((fact) => ({ fact, item }))));
    const figures = findFigures(paragraph.text);
    const local: Fact[] = [];
    // What is printed where in the paragraph, found once: a long paragraph is read in one pass, not once a figure.
    const marks = paragraphMarks(paragraph.text);
    const byClause = new Map<string, FoundFigure[]>();
    for (const figure of figures) byClause.get(figure.clause)?.push(figure) ?? byClause.set(figure.clause, [figure]);
    for (const figure of figures) {
      // “A、B、C分别达到x、y、z”: each figure is about the name in its place.
      const respective = /^(.*?)分别/u.exec(figure.clause);
      const inClause = byClause.get(figure.clause)!;
      const names = respective ? respective[1]!.split('、') : [];
      const subject = respective && names.length === inClause.length ? names[inClause.indexOf(figure)]! : figure.subject;
      serial += 1;
      const dimension = unitMeaning(figure.unit).dimension;
      const stop = lastBefore(marks.sentenceStops, figure.start, (at) => at);
      const sentenceStart = stop < 0 ? 0 : marks.sentenceStops[stop]! + 1;
      // The year printed nearest before the figure in its sentence says which end of the period it is for;
      // else a five-year period named in the sentence (“十三五”期间 in a 十四五 plan is the past); else the words of a goal.
      const inSentence = (mark: Mark | undefined): Mark | undefined => (mark && mark.index >= sentenceStart ? mark : undefined);
      const lastYear = inSentence(marks.years[lastBefore(marks.years, figure.start, (mark) => mark.end)])?.value;
      const namedPeriod = inSentence(marks.periods[lastBefore(marks.periods, figure.start, (mark) => mark.end)])?.value;
      const targetCue = inSentence(marks.cues[lastBefore(marks.cues, figure.start, (mark) => mark.end)]) !== undefined;
      let chosen: { fact: Fact; score: number; check: string; item?: BoxItem } | undefined;
      if (period) {
        for (const indicator of indicators) {
          if (unitMeaning(indicator.unit).dimension !== dimension) continue;
          // Two or three characters (床位, 面积) are too few to say which indicator a figure restates.
          if ([...words(subject)].length < 4) continue;
          const score = looseLikeness(subject, indicator.name);
          if (score < 0.55 || (chosen && chosen.score >= score)) continue;
          // A rate per head is not restated by a figure that does not say per head.
          const perHead = /(每[千万百十]|人均)/u.exec(indicator.name)?.[1];
          if (perHead && !subject.includes(perHead)) continue;
          const isTarget = lastYear !== undefined ? lastYear >= period.start : namedPeriod !== undefined ? 1966 + 5 * (namedPeriod - 3) >= period.start : targetCue;
          const cell = isTarget ? indicator.target : indicator.baseline;
          if (!plausible(figure, indicator.unit, [indicator.baseline, indicator.target])) continue;
          const cumulative = cell.cumulative === true;
          const periodText = isTarget ? (cumulative ? `${period.start}-${period.end}` : `${period.end}`) : cumulative ? `${period.start - 5}-${period.start - 1}` : `${period.start - 1}`;
          const fact = toFact(figure, indicator.fact, true);
          chosen = {
            fact: { ...fact, ...(cumulative ? { cumulative: true } : {}), period: periodText },
            score,
            check: `restates 专栏${draft.indicators!.box} 序号${indicator.serial} ${indicator.name} (likeness ${score.toFixed(2)}), as its ${isTarget ? 'target' : 'baseline'} ${periodText}`,
          };
        }
      }
      // The box figures of this chapter that could be this one: same dimension, plausible size.
      const candidates = boxFacts.filter(({ fact: other }) => unitMeaning(other.unit).dimension === dimension && other.value !== undefined && plausible(figure, other.unit, [{ value: other.value }]));
      // The only box figure of its kind and size in the chapter needs less likeness of words.
      // So does one whose box item an earlier figure of the same sentence restates.
      const sentence = `${paragraphIndex}:${sentenceStart}`;
      for (const { fact: other, item } of candidates) {
        const sameSentence = itemsOfSentence.get(sentence)?.has(item) === true && candidates.filter((candidate) => candidate.item === item).length === 1;
        const needed = sameSentence ? 0 : candidates.length === 1 ? 0.3 : 0.6;
        const score = looseLikeness(figure.subject, other.subject);
        if (score < needed || (chosen && chosen.score >= score && !sameSentence)) continue;
        chosen = {
          fact: toFact(figure, other.fact, true),
          score,
          item,
          check: `restates “${other.clause}” of a box item ${item.number} in this chapter (${sameSentence ? 'the item of this sentence' : `likeness ${score.toFixed(2)}`})`,
        };
        if (sameSentence) break;
      }
      if (chosen?.item) itemsOfSentence.set(sentence, new Set([...(itemsOfSentence.get(sentence) ?? []), chosen.item]));
      if (chosen) {
        chosen.fact.check = chosen.check;
        local.push(chosen.fact);
      } else local.push(toFact(figure, `prose.figure-${serial}`, true));
    }
    const sums = [...sumsOf(paragraph.text, local), ...tableSums(context, paragraph.text, figures, local)];
    const counts = countsOf(paragraph.text, local);
    // Every figure with a unit is kept, with its quote: those that match nothing keep a key of their own.
    const kept = local.map((fact) => ({ ...fact, place: paragraph.place }));
    if (kept.length === 0) continue;
    const group = groupFor(paragraph.chapter, paragraph.section);
    group.facts.push(...kept);
    group.sums.push(...sums);
    group.counts.push(...counts);
  }
  return [...groups.values()];
}

/**
 * A sum of money in the prose that sends the reader to appendix tables (“总投资18.6亿元（详见附表1、
 * 附表2）”, or 附件1、附件2 in a plan that calls its tables so) is declared the sum of their 合计s: the tables named after it in its sentence, or the only
 * table when it names 附表 without a number.
 */
function tableSums(context: Context, text: string, figures: readonly FoundFigure[], facts: readonly Fact[]): Sum[] {
  const tables = context.draft.tables;
  // An appendix not read as a whole gives no 合计 to judge a total against (a table without a 合计
  // row is such an appendix too). A printed 合计 is the table's amount, whatever row beside it was
  // misread: an entry for one row does not stop the sum.
  if (tables.length === 0 || context.draft.unread.some((unread) => unread.part === 'appendix' && unread.row === undefined)) return [];
  const sums: Sum[] = [];
  figures.forEach((figure, index) => {
    const fact = facts[index];
    if (!fact || fact.value === undefined || unitMeaning(fact.unit).dimension !== 'money') return;
    // The rest of the figure's sentence, before another figure: where the tables it sums are named.
    const next = figures[index + 1]?.start ?? text.length;
    const stop = /[。；;]/u.exec(text.slice(figure.end, next));
    const rest = text.slice(figure.end, stop ? figure.end + stop.index : next);
    const named = [...rest.matchAll(/附[表件]\s*([0-9０-９]+|[一二三四五六七八九十]+)?/gu)].map((match) => (match[1] ? Number(arabic(match[1])) : tables.length === 1 ? tables[0]!.number : Number.NaN));
    const numbers = [...new Set(named)].filter((number) => tables.some((table) => table.number === number));
    if (numbers.length === 0 || numbers.length < named.length) return;
    sums.push({ total: fact.fact, parts: [], tables: numbers, check: `the total of ${numbers.map((number) => (tables.length > 1 ? `附表${number}` : '附表')).join(' and ')}, as the sentence says` });
  });
  return sums;
}

/** Something printed at [index, end) of a paragraph, with the number it says (a year, the nth five-year plan). */
interface Mark {
  readonly index: number;
  readonly end: number;
  readonly value: number;
}

/** A paragraph's sentence ends, printed years, named five-year periods and words of a goal, in order. */
function paragraphMarks(text: string): { sentenceStops: number[]; years: Mark[]; periods: Mark[]; cues: Mark[] } {
  const sentenceStops: number[] = [];
  for (let at = text.indexOf('。'); at >= 0; at = text.indexOf('。', at + 1)) sentenceStops.push(at);
  const marks = (pattern: RegExp, value: (match: RegExpExecArray) => number | undefined): Mark[] =>
    [...text.matchAll(pattern)].flatMap((match) => {
      const number = value(match);
      return number === undefined ? [] : [{ index: match.index, end: match.index + match[0].length, value: number }];
    });
  return {
    sentenceStops,
    years: marks(/(\d{4})\s*年/gu, (match) => Number(match[1])),
    periods: marks(/十([一二三四五六七八九]?)五/gu, (match) => parseChineseNumeral(`十${match[1]}`)),
    cues: marks(new RegExp(TARGET_CUE.source, 'gu'), () => 1),
  };
}

/** The index of the last item whose end (by `endOf`) is at or before `offset`; -1 when none. Items are in order. */
function lastBefore<T>(items: readonly T[], offset: number, endOf: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (endOf(items[middle]!) <= offset) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
