/**
 * Stage 3 of the drafter: figures as facts. Every figure with a unit in a text, keyed under the
 * place it is printed; the 其中 sums and the listed counts around them.
 */
import { compare, mul, parseDecimal, rational, type Rational } from '../../decimal.js';
import { unitKind, unitMeaning } from '../../units.js';
import { findFigures, type FoundFigure } from '../figures.js';
import type { Cell, Count, Fact, Sum } from '../types.js';
/** Figures of one text as facts with keys under `prefix`, numbered per kind of quantity. */
export function factsOf(text: string, prefix: string, withQuote: boolean): Fact[] {
  const counters = new Map<string, number>();
  return findFigures(text).map((figure) => {
    const kind = unitKind(figure.unit);
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return toFact(figure, `${prefix}.${kind}-${n}`, withQuote);
  });
}

export function toFact(figure: FoundFigure, key: string, withQuote: boolean): Fact {
  return {
    fact: key,
    value: figure.value,
    ...(figure.valueMax === undefined ? {} : { valueMax: figure.valueMax }),
    unit: figure.unit,
    ...(figure.approx ? { approx: true } : {}),
    ...(figure.bound ? { bound: figure.bound } : {}),
    ...(figure.cumulative ? { cumulative: true } : {}),
    ...(withQuote ? { quote: figure.clause } : {}),
    clause: figure.clause,
    subject: figure.subject,
    start: figure.start,
  };
}

/** 其中: the figures after it in the same sentence, of the same kind, are parts of the one before it. */
export function sumsOf(text: string, facts: readonly Fact[]): Sum[] {
  const sums: Sum[] = [];
  for (const match of text.matchAll(/其中/gu)) {
    const at = match.index;
    const sentenceEnd = text.indexOf('。', at);
    const stop = sentenceEnd < 0 ? text.length : sentenceEnd;
    const total = [...facts].reverse().find((fact) => fact.start < at);
    if (!total) continue;
    const dimension = unitMeaning(total.unit).dimension;
    const parts = facts.filter((fact) => fact.start > at && fact.start < stop && unitMeaning(fact.unit).dimension === dimension && fact !== total && !/[各每]/u.test(fact.clause));
    if (parts.length >= 2) sums.push({ total: total.fact, parts: parts.map((part) => part.fact), check: `sum proposed from 其中 after ${total.value}${total.unit}` });
  }
  return sums;
}

/** “a、b、c等N个…”, “a、b、cN个…”, “N个：a、b、c” and “N个，分别位于a、b、c”: a declared count with the items it lists. */
export function countsOf(text: string, facts: readonly Fact[]): Count[] {
  const counts: Count[] = [];
  const factAt = new Map(facts.map((fact) => [fact.start, fact]));
  // A space may stand on either side of the number (a writer's space between Chinese and digits).
  for (const match of text.matchAll(/(?<=^|[，。；：:,（(])((?:[^、，。；：:,（(\d]{1,20}、)+[^、，。；：:,（(\d]{1,20}?)(等)?(?:共)? ?(\d+) ?(个|所|项|家|座|条|处|名)/dgu)) {
    const number = match[3]!;
    const at = match.indices![3]![0];
    const fact = factAt.get(at);
    if (!fact) continue;
    const items = match[1]!.split('、').map((item) => item.trim()).filter(Boolean);
    // A list opens after a verb or preposition; the first item keeps what follows the last such word.
    items[0] = items[0]!
      .replace(/^.*?(在|对|为|包括|涉及|覆盖|建设|完善|改造|升级|新建)(?=[^在对为]{2,})/u, '')
      .replace(/^(?:(?:逐步|重点|全面|持续|计划)?(?:建设|完善|改造|升级|新建|完成|实施|推进))+(?=.{2,})/u, '');
    if (items.length < 2 || items.some((item) => item.includes('等') || item.length === 0)) continue;
    counts.push({ fact: fact.fact, items, ...(match[2] ? { open: true } : {}), check: `count of ${number}${match[4]} proposed from the list before it${match[2] ? ' (ends in 等: open)' : ''}` });
  }
  // “N所：a、b、c”: the count, then its items after a colon.
  for (const match of text.matchAll(/(\d+) ?(个|所|项|家|座|条|处|名)[^，。；：:\d]{0,12}[：:]((?:[^、，。；：:]{1,30}、)+[^、，。；：:]{1,30}?)(等)?(?=[。；;，,]|$)/gu)) {
    const at = match.index;
    const fact = factAt.get(at);
    if (!fact) continue;
    const items = match[3]!.split('、').map((item) => item.trim()).filter(Boolean);
    if (items.length < 2) continue;
    counts.push({ fact: fact.fact, items, ...(match[4] ? { open: true } : {}), check: `count of ${match[1]}${match[2]} proposed from the list after the colon${match[4] ? ' (ends in 等: open)' : ''}` });
  }
  // “N个，分别位于a、b、c”: the count, then words that say the list names them, to the end of the sentence.
  for (const match of text.matchAll(/(\d+) ?(个|所|项|家|座|条|处|名)[，,](?:分别(?:位于|是|为|在)?|包括|即|涵盖|覆盖)((?:[^、，。；：:]{1,30}、)+[^、，。；：:]{1,30}?)(等)?(?=[。；;]|$)/gu)) {
    const fact = factAt.get(match.index);
    if (!fact) continue;
    const items = match[3]!.split('、').map((item) => item.trim()).filter(Boolean);
    if (items.length < 2) continue;
    counts.push({ fact: fact.fact, items, ...(match[4] ? { open: true } : {}), check: `count of ${match[1]}${match[2]} proposed from the list the sentence gives after it${match[4] ? ' (ends in 等: open)' : ''}` });
  }
  return counts;
}

/** A figure restates a cell only if it is within a factor of three of a printed value: 27003人 does not restate 22.74万人. */
export function plausible(figure: FoundFigure, unit: string, cells: readonly Cell[]): boolean {
  const inBase = (text: string, unitText: string): Rational | undefined => {
    const value = parseDecimal(text);
    return value === undefined ? undefined : mul(value, unitMeaning(unitText).factor);
  };
  const mine = inBase(figure.value, figure.unit);
  if (mine === undefined) return false;
  const three = rational(3n);
  // Cells printed as text (应保尽保, —) say nothing of size: any figure may restate them.
  if (cells.every((cell) => cell.value === undefined)) return true;
  return cells.some((cell) => {
    const theirs = cell.value === undefined ? undefined : inBase(cell.value, unit);
    if (theirs === undefined) return false;
    return compare(mine, mul(theirs, three)) <= 0 && compare(theirs, mul(mine, three)) <= 0;
  });
}
