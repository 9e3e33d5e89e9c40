import { baseValue, describeInterval, intervalOf, printedFigure, scaleInterval } from '../figures.js';
import type { FigureStatement } from '../model.js';
import { shownUnit, unitMeaning } from '../units.js';
import { compareFact, figurePlace, statementsToCompare } from './support/fact-comparison.js';
import { refOf } from './support/fact-index.js';
import { keyedToUnreadAppendix } from './support/keying.js';
import { factName, namedBy } from './support/fact-names.js';
import { defineRule } from './rule.js';

export const factAgreement = defineRule({
  id: 'fact-agreement',
  stage: 'audit',
  severity: 'error',
  description: {
    zh: '同一事实（同键同期）的各处陈述一致：换算单位后，按各自印刷精度（区间）及“约”、界限词判断。',
    en: 'Every statement of one fact (same key and period) agrees with the others after unit conversion, within printed precision (intervals), 约 and bounds.',
  },
  messages: {
    disagree: {
      zh: '{name}：{ref} 为 {printed}，而 {otherRef} 为 {otherPrinted}，两者不一致',
      en: '{name}: {printed} at {ref} disagrees with {otherPrinted} at {otherRef}',
    },
    'unit-mismatch': {
      zh: '{name}：{ref} 的单位 {unit} 与 {otherRef} 的单位 {otherUnit} 度量不同，无法比较',
      en: '{name}: unit {unit} at {ref} does not measure the same thing as {otherUnit} at {otherRef}',
    },
  },
  details: {
    disagree: {
      zh: '{fact}：{interval} 与 {otherInterval} {base}无交集',
      en: '{fact}: {interval} and {otherInterval} {base} do not meet',
    },
    'unit-mismatch': { zh: '{fact}', en: '{fact}' },
  },
  check({ plan, report }) {
    for (const statements of statementsToCompare(plan).values()) {
      if (numericCount(statements) < 2) continue;
      if (keyedToUnreadAppendix(plan, statements[0]!.fact)) continue;
      const { clusters, foreign } = compareFact(statements, plan.approximateTolerance);
      const other = clusters[0]?.[0]?.statement;
      for (const statement of foreign) {
        if (!other) break;
        report({
          messageId: 'unit-mismatch',
          at: figurePlace(statement),
          related: [figurePlace(other)],
          data: { name: factName(plan, [statement, other]), fact: statement.fact, ref: refOf(statement), otherRef: refOf(other), unit: statement.unit, otherUnit: other.unit },
        });
      }
      if (clusters.length < 2) continue;
      const [consensus, ...outliers] = clusters;
      const reference = consensus![0]!;
      const referenceInterval = intervalOf(reference.statement, plan.approximateTolerance, 'printed')!;
      // Each outlier names the consensus, but at most MAX_NAMED of its places: 2,000 statements
      // against 8,000 would otherwise be 16 million places.
      const named = consensus!.slice(0, MAX_NAMED);
      const refs = named.map((member) => refOf(member.statement)).join('、');
      const otherRef =
        consensus!.length > MAX_NAMED
          ? { zh: `${refs} 等 ${consensus!.length} 处`, en: `${refs} and ${consensus!.length - MAX_NAMED} more` }
          : refs;
      // The consensus's most telling name, found once: each outlier is named by it or by its own.
      const consensusName = namedBy(plan, consensus!.map((member) => member.statement));
      for (const { statement, interval } of outliers.flat()) {
        const unit = unitMeaning(statement.unit);
        // Intervals in the printed unit when both places print the same one (万元 against 万元), else
        // money in the plan's unit and other measures in their base unit.
        const shown = statement.unit === reference.statement.unit ? { name: statement.unit, factor: unit.factor } : shownUnit([statement.unit, reference.statement.unit], plan.moneyUnit);
        report({
          messageId: 'disagree',
          at: figurePlace(statement),
          related: named.map((member) => figurePlace(member.statement)),
          data: {
            name: factName(plan, [statement, ...consensusName]),
            fact: statement.fact,
            ref: refOf(statement),
            printed: printedFigure(statement),
            otherRef,
            otherPrinted: printedFigure(reference.statement),
            interval: describeInterval(scaleInterval(interval, shown.factor)),
            otherInterval: describeInterval(scaleInterval(referenceInterval, shown.factor)),
            base: shown.name,
          },
          values: [baseValue(statement)!, baseValue(reference.statement)!],
          unit: unit.base,
        });
      }
    }
  },
});

/** How many of the statements have a value: most facts are stated once, and need no comparison. */
function numericCount(statements: readonly FigureStatement[]): number {
  let count = 0;
  for (const statement of statements) if (statement.value !== undefined) count += 1;
  return count;
}

/** How many places of the consensus a disagreement names. */
const MAX_NAMED = 10;
