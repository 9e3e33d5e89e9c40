import { indicatorForms } from '../../src/rules/indicator-forms.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(indicatorForms, {
  valid: [],
  invalid: [
    {
      name: 'a cumulative baseline with a yearly target',
      patches: [P('indicators.yaml', 'target: { value: 1.3, cumulative: true }', 'target: { value: 1.3 }')],
      errors: [{ messageId: 'cumulative-mismatch', file: 'indicators.yaml', at: 'target: { value: 1.3 }' }],
    },
    {
      name: 'a percentage above 100',
      patches: [P('indicators.yaml', 'baseline: { value: 4 }', 'baseline: { value: 104 }')],
      errors: [{ messageId: 'percent-over-100', file: 'indicators.yaml', at: 'baseline: { value: 104 }' }],
    },
  ],
});
