import { yearOrder } from '../../src/rules/year-order.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(yearOrder, {
  valid: [],
  invalid: [
    {
      name: 'a project ending before it starts',
      patches: [P('projects.yaml', 'start: 2022', 'start: 2025')],
      errors: [{ messageId: 'start-after-end', file: 'projects.yaml', at: 'start: 2025' }],
    },
  ],
});
