import { indicatorDirection } from '../../src/rules/indicator-direction.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(indicatorDirection, {
  valid: [],
  invalid: [
    {
      name: 'a target below its baseline where higher is better',
      patches: [P('indicators.yaml', 'target: { value: 1.3, cumulative: true }', 'target: { value: 1.1, cumulative: true }')],
      errors: [{ messageId: 'falls-below', file: 'indicators.yaml', at: 'target: { value: 1.1' }],
    },
    {
      name: 'a target above its baseline where lower is better',
      patches: [P('indicators.yaml', 'target: { value: 4, bound: ＜ }', 'target: { value: 5 }')],
      errors: [{ messageId: 'rises-above', file: 'indicators.yaml', at: 'target: { value: 5 }' }],
    },
  ],
});
