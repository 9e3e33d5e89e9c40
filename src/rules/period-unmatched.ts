import { printedFigure } from '../figures.js';
import type { FigureStatement } from '../model.js';
import { refOf, statementsByFact } from './support/fact-index.js';
import { defineRule } from './rule.js';

/** The years a period spans: "2020" → [2020, 2020], "2016-2020" → [2016, 2020]. */
function span(period: string): [number, number] {
  const [first, last = first] = period.split('-').map(Number) as [number, number?];
  return [first, last];
}

export const periodUnmatched = defineRule({
  id: 'period-unmatched',
  stage: 'audit',
  severity: 'warning',
  description: {
    zh: '正文陈述的时期与同键其他陈述的时期有重叠却不相同（如 2020 与 2016-2020），因而不与任何陈述比较：时期应为句子所说的年份或年份段。',
    en: "A prose statement whose period overlaps another statement's of its key without being the same (2020 beside 2016-2020), so it is compared with nothing: its period should be the year or span the sentence speaks of.",
  },
  messages: {
    'meets-nothing': {
      zh: '{ref} 的 {printed}（{fact}）时期为 {period}，而该键的其他陈述时期为 {periods}（如 {otherRef}）：没有可比较的陈述；若说的是同一时期，请改为 {suggested}',
      en: '{printed} at {ref} ({fact}) is for {period}, but the other statements of the key are for {periods} (e.g. {otherRef}): it is compared with nothing; if it speaks of the same time, make it {suggested}',
    },
  },
  check({ plan, report }) {
    for (const [fact, statements] of statementsByFact(plan)) {
      for (const statement of statements) {
        if (statement.at.file !== 'statements.yaml' || statement.period === undefined) continue;
        const others = statements.filter((s) => s !== statement && s.period !== undefined);
        if (others.some((s) => s.period === statement.period || heldOver(s, statement) || heldOver(statement, s))) continue;
        // A period that shares years with another statement's but is not the same ("2020" beside
        // "2016-2020") is the mark of a mis-periodised restatement; a baseline and a target of one
        // key ("2020" and "2025") share none and are rightly apart.
        const overlapping = others.filter((s) => overlap(s.period!, statement.period!));
        if (overlapping.length === 0) continue;
        const [, last] = span(statement.period);
        const suggested =
          overlapping.find((s) => s.cumulative === statement.cumulative) ?? overlapping.find((s) => span(s.period!)[1] === last) ?? overlapping[0]!;
        report({
          messageId: 'meets-nothing',
          at: statement.at,
          related: [suggested.at],
          data: {
            fact,
            ref: refOf(statement),
            printed: printedFigure(statement),
            period: statement.period,
            periods: [...new Set(others.map((s) => s.period!))].join(', '),
            otherRef: refOf(suggested),
            suggested: suggested.period!,
          },
        });
      }
    }
  },
});

function overlap(a: string, b: string): boolean {
  const [a1, a2] = span(a);
  const [b1, b2] = span(b);
  return a1 <= b2 && b1 <= a2;
}

/** A held level over a span meets a statement for a year inside it (fact-agreement compares them). */
function heldOver(held: FigureStatement, other: FigureStatement): boolean {
  if (!held.hold) return false;
  const [first, last] = span(held.period!);
  const [year, end] = span(other.period!);
  return year === end && year >= first && year <= last;
}
