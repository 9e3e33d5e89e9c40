import { baseValue, printedFigure } from '../figures.js';
import { unitMeaning } from '../units.js';
import { differentBoundsOf, figurePlace, statementsToCompare } from './support/fact-comparison.js';
import { refOf } from './support/fact-index.js';
import { factName } from './support/fact-names.js';
import { defineRule } from './rule.js';

export const factBounds = defineRule({
  id: 'fact-bounds',
  stage: 'audit',
  severity: 'warning',
  description: {
    zh: '同一事实的两处都以界限陈述（不少于、以上、≥……）时，界限值应相同：否则两处定下的目标不同。',
    en: 'When two statements of one fact are both bounds in the same direction (不少于, 以上, ≥ …), their limits are equal; otherwise the plan sets two different targets.',
  },
  messages: {
    'different-bounds': {
      zh: '{name}：{ref} 为 {printed}，而 {otherRef} 为 {otherPrinted}，两处界限不同',
      en: '{name}: {printed} at {ref} but {otherPrinted} at {otherRef}: the two bounds differ',
    },
  },
  details: {
    'different-bounds': { zh: '{fact}', en: '{fact}' },
  },
  check({ plan, report }) {
    for (const statements of statementsToCompare(plan).values()) {
      for (const { statement, other } of differentBoundsOf(statements, plan.approximateTolerance)) {
        report({
          messageId: 'different-bounds',
          at: figurePlace(statement),
          related: [figurePlace(other)],
          data: {
            name: factName(plan, [statement, other]),
            fact: statement.fact,
            ref: refOf(statement),
            printed: printedFigure(statement),
            otherRef: refOf(other),
            otherPrinted: printedFigure(other),
          },
          values: [baseValue(statement)!, baseValue(other)!],
          unit: unitMeaning(statement.unit).base,
        });
      }
    }
  },
});
