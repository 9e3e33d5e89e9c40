import { compare } from '../decimal.js';
import { baseValue, boundDirection, printedFigure } from '../figures.js';
import { unitMeaning } from '../units.js';
import { refOf, statementsByIdentity } from './support/fact-index.js';
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
      zh: '{fact}：{ref} 为 {printed}，而 {otherRef} 为 {otherPrinted}，两处界限不同',
      en: '{fact}: {printed} at {ref} but {otherPrinted} at {otherRef}: the two bounds differ',
    },
  },
  check({ plan, report }) {
    for (const statements of statementsByIdentity(plan).values()) {
      const bounded = statements.filter((s) => s.value !== undefined && boundDirection(s.bound) !== undefined);
      for (let j = 1; j < bounded.length; j++) {
        const later = bounded[j]!;
        const earlier = bounded.slice(0, j).find(
          (s) =>
            boundDirection(s.bound) === boundDirection(later.bound) &&
            unitMeaning(s.unit).dimension === unitMeaning(later.unit).dimension &&
            compare(baseValue(s)!, baseValue(later)!) !== 0,
        );
        if (!earlier) continue;
        report({
          messageId: 'different-bounds',
          at: later.at,
          related: [earlier.at],
          data: { fact: later.fact, ref: refOf(later), printed: printedFigure(later), otherRef: refOf(earlier), otherPrinted: printedFigure(earlier) },
          values: [baseValue(later)!, baseValue(earlier)!],
          unit: unitMeaning(later.unit).base,
        });
      }
    }
  },
});
