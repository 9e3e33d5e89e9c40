import { impliedQuantities } from '../../src/rules/implied-quantities.js';
import { P, SECOND } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(impliedQuantities, {
  valid: [
    { name: 'ratios per 1,000 and per 10,000 that imply one population within rounding', fixture: SECOND },
    {
      name: 'no places at a rate of 0 implies no population (0 ÷ 0), so nothing to disagree with',
      fixture: SECOND, patches: [P('statements.yaml', 'childcare.places, value: 300', 'childcare.places, value: 0'), P('indicators.yaml', 'baseline: { value: 1.5 }', 'baseline: { value: 0 }')],
    },
    {
      name: 'places at a rate of 0 imply no population: relation-arithmetic says why, not this rule',
      fixture: SECOND, patches: [P('indicators.yaml', 'baseline: { value: 1.5 }', 'baseline: { value: 0 }')],
    },
    {
      name: 'a ratio whose base is its own amount is not read as implying anything',
      fixture: SECOND, patches: [P('relations.yaml', 'amount: library.total-area, base: population.implied', 'amount: library.total-area, base: library.total-area')],
    },
  ],
  invalid: [
    {
      name: 'two ratios that imply two populations',
      fixture: SECOND, patches: [P('statements.yaml', 'library.total-area, value: 20000, unit: ㎡, period: "2020", quote: 公共图书馆总面积20000㎡', 'library.total-area, value: 14000, unit: ㎡, period: "2020", quote: 公共图书馆总面积20000㎡')],
      errors: [
        { messageId: 'disagree', file: 'statements.yaml', at: 'childcare.places, value: 300', data: { fact: 'population.implied（2020）', count: 2 } },
      ],
    },
    {
      name: 'no places at a rate above 0: a population of 0, against the library’s',
      fixture: SECOND, patches: [P('statements.yaml', 'childcare.places, value: 300', 'childcare.places, value: 0')],
      errors: [
        { messageId: 'disagree', file: 'statements.yaml', at: 'childcare.places, value: 0', data: { fact: 'population.implied（2020）', count: 2 } },
      ],
    },
  ],
});
