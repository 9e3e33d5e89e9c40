import { impliedQuantities } from '../../src/rules/implied-quantities.js';
import { P, SECOND } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(impliedQuantities, {
  valid: [
    { name: 'ratios per 1,000 and per 10,000 that imply one population within rounding', fixture: SECOND },
  ],
  invalid: [
    {
      name: 'two ratios that imply two populations',
      fixture: SECOND, patches: [P('statements.yaml', 'library.total-area, value: 20000, unit: ㎡, period: "2020", quote: 公共图书馆总面积20000㎡', 'library.total-area, value: 14000, unit: ㎡, period: "2020", quote: 公共图书馆总面积20000㎡')],
      errors: [
        { messageId: 'disagree', file: 'statements.yaml', at: 'childcare.places, value: 300', data: { fact: 'population.implied（2020）', count: 2 } },
      ],
    },
  ],
});
