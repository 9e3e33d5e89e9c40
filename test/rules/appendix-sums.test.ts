import { appendixSums } from '../../src/rules/appendix-sums.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(appendixSums, {
  valid: [],
  invalid: [
    {
      name: 'a section subtotal that its projects do not add up to',
      patches: [P('projects.yaml', 'subtotal: 2000', 'subtotal: 2100'), P('projects.yaml', 'total: 3000', 'total: 3100')],
      errors: [{ messageId: 'subtotal-mismatch', file: 'projects.yaml', at: 'subtotal: 2100' }],
    },
    {
      name: 'one project amount changed',
      patches: [P('projects.yaml', 'investment: 1000', 'investment: 999.5')],
      errors: [{ messageId: 'subtotal-mismatch', file: 'projects.yaml', at: 'subtotal: 1000' }],
    },
    {
      name: 'a grand total that the subtotals do not add up to',
      patches: [P('projects.yaml', 'total: 3000', 'total: 3001')],
      errors: [{ messageId: 'total-mismatch', file: 'projects.yaml', at: 'total: 3001' }],
    },
  ],
});
