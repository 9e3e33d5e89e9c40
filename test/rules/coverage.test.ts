import { coverage } from '../../src/rules/coverage.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(coverage, {
  valid: [{ name: 'a threshold the transcription reaches', patches: [P('plan.yaml', 'accepted: []', 'coverage: 0.9\naccepted: []')] }],
  invalid: [
    {
      name: 'a coverage threshold the transcription does not reach',
      patches: [P('plan.yaml', 'accepted: []', 'coverage: 0.99\naccepted: []')],
      errors: [{ messageId: 'below-threshold', file: 'plan.yaml', at: 'coverage: 0.99', data: { untranscribed: 3 } }],
    },
  ],
});
