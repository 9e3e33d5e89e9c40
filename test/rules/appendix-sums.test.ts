import { appendixSums } from '../../src/rules/appendix-sums.js';
import { DIVIDED, P, TABLES } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(appendixSums, {
  valid: [
    { name: 'two tables, each adding up to its own total', fixture: TABLES },
    { name: 'a section divided into a part, the part’s subtotal and the section’s agreeing', patches: [DIVIDED] },
    { name: 'a divided section that prints no subtotal of its own: the total adds its part’s', patches: [DIVIDED, P('projects.yaml', '    subtotal: 1000\n    parts:', '    parts:')] },
    { name: 'a section that prints no subtotal: the total adds its projects', patches: [P('projects.yaml', '    subtotal: 1000\n', '')] },
  ],
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
    {
      name: 'a part whose projects do not add up to its subtotal, named with its section; the section adds the printed part',
      patches: [DIVIDED, P('projects.yaml', '        subtotal: 1000', '        subtotal: 1200'), P('projects.yaml', '    subtotal: 1000', '    subtotal: 1200'), P('projects.yaml', 'total: 3000', 'total: 3200')],
      errors: [{ messageId: 'subtotal-mismatch', file: 'projects.yaml', at: '        subtotal: 1200', data: { section: '二、老有所养（一）社区养老', computed: '1000' } }],
    },
    {
      name: 'a divided section whose subtotal its parts do not add up to',
      patches: [DIVIDED, P('projects.yaml', '    subtotal: 1000\n    parts:', '    subtotal: 1100\n    parts:'), P('projects.yaml', 'total: 3000', 'total: 3100')],
      errors: [{ messageId: 'parts-mismatch', file: 'projects.yaml', at: 'subtotal: 1100', data: { section: '二、老有所养', computed: '1000', parts: '（一）' } }],
    },
    {
      name: 'a total that a section without a subtotal does not add up to',
      patches: [P('projects.yaml', '    subtotal: 1000\n', ''), P('projects.yaml', 'total: 3000', 'total: 2000')],
      errors: [{ messageId: 'total-mismatch', file: 'projects.yaml', at: 'total: 2000', data: { computed: '3000' } }],
    },
    {
      name: 'the second table: a subtotal and a total that do not add up, named by their table',
      fixture: TABLES,
      patches: [P('projects.yaml', 'subtotal: 1000', 'subtotal: 1200'), P('projects.yaml', 'total: 1000', 'total: 1100')],
      errors: [
        { messageId: 'total-mismatch', file: 'projects.yaml', at: 'total: 1100', data: { totalName: '附表2 合计', computed: '1200' } },
        { messageId: 'subtotal-mismatch', file: 'projects.yaml', at: 'subtotal: 1200', data: { section: '附表2 一、老有所养', computed: '1000' } },
      ],
    },
  ],
});
