import { toDecimalString, type Rational } from '../decimal.js';
import type { Interval } from '../figures.js';
import { describeMiddle, describeRounded, intersectIntervals } from '../interval-arithmetic.js';
import type { SourceRef } from '../model.js';
import { describeReference, describeStatement, implyFrom, isUnimplied, sidesOf, soundRelations, type Implied } from './support/relations.js';
import { defineRule } from './rule.js';

/** One value a hidden quantity takes, as one relation implies it. */
interface Reading {
  readonly interval: Interval;
  readonly text: { zh: string; en: string };
  readonly range: string;
  readonly point?: Rational;
  readonly places: readonly SourceRef[];
}

function impliedReading(implied: Implied): Reading {
  const [first, second] = implied.from.map(describeStatement);
  const range = `${describeRounded(implied.interval)} ${implied.unit}`;
  const point = implied.point ? `${toDecimalString(implied.point, 2)} ${implied.unit}` : `${describeMiddle(implied.interval)} ${implied.unit}`;
  return {
    interval: implied.interval,
    text: { zh: `${point}（由 ${first} 与 ${second}）`, en: `${point} (from ${first} and ${second})` },
    range,
    ...(implied.point ? { point: implied.point } : {}),
    places: implied.from.map((s) => s.at),
  };
}

export const impliedQuantities = defineRule({
  id: 'implied-quantities',
  stage: 'audit',
  severity: 'warning',
  description: {
    zh: '几个关系推算出同一个未陈述的隐含量（如同一年各“每千人”“人均”数字背后的人口）时，推算值应一致；不一致时并列给出全部推算值。（隐含量若有陈述，各关系由 relation-arithmetic 逐一核对。）',
    en: 'Where several relations imply the same unstated hidden quantity (the population behind every per-1,000 and per-capita figure of one year), the implied values agree; when they do not, every value is shown side by side. (A quantity the plan states is checked relation by relation by relation-arithmetic.)',
  },
  messages: {
    disagree: {
      zh: '未陈述的隐含量 {fact} 有 {count} 个推算值，互不一致：{values}',
      en: 'the unstated quantity {fact} is implied {count} ways that do not agree: {values}',
    },
  },
  details: {
    disagree: { zh: '区间：{ranges}', en: 'intervals: {ranges}' },
  },
  check({ plan, report }) {
    const readings = new Map<string, { reference: Implied['reference']; unit: string; list: Reading[] }>();
    for (const relation of soundRelations(plan)) {
      const sides = sidesOf(plan, relation);
      const unstated = sides.filter((s) => !s.statement);
      if (unstated.length !== 1) continue;
      const implied = implyFrom(relation, unstated[0]!.side, sides);
      // A relation that implies nothing (a negative figure, a division by 0) is relation-arithmetic's finding.
      if (!implied || isUnimplied(implied)) continue;
      const entry = readings.get(implied.reference.identity) ?? { reference: implied.reference, unit: implied.unit, list: [] };
      entry.list.push(impliedReading(implied));
      readings.set(implied.reference.identity, entry);
    }
    for (const entry of readings.values()) {
      if (entry.list.length < 2 || intersectIntervals(entry.list.map((r) => r.interval))) continue;
      const places = entry.list.flatMap((r) => r.places);
      report({
        messageId: 'disagree',
        at: places[0]!,
        related: places.slice(1),
        data: {
          fact: describeReference(entry.reference),
          count: entry.list.length,
          values: { zh: entry.list.map((r) => r.text.zh).join('；'), en: entry.list.map((r) => r.text.en).join('; ') },
          ranges: { zh: entry.list.map((r) => r.range).join('；'), en: entry.list.map((r) => r.range).join('; ') },
        },
        values: entry.list.flatMap((r) => (r.point ? [r.point] : [])),
        unit: entry.unit,
      });
    }
  },
});
