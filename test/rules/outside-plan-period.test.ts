import { outsidePlanPeriod } from '../../src/rules/outside-plan-period.js';
import { P, TABLES } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(outsidePlanPeriod, {
  valid: [
    { name: 'a project over the whole plan period', patches: [P('projects.yaml', 'start: 2022', 'start: 2021'), P('projects.yaml', 'end: 2024', 'end: 2025')] },
  ],
  invalid: [
    {
      name: 'a project of the second table past the plan period, named 附表2 序号1',
      fixture: TABLES,
      patches: [P('projects.yaml', 'end: 2025', 'end: 2027')],
      errors: [{ messageId: 'ends-after', file: 'projects.yaml', at: 'end: 2027', data: { ref: '附表2 序号1' } }],
    },
    {
      name: 'a project running past the plan period',
      patches: [P('projects.yaml', 'end: 2025', 'end: 2027')],
      errors: [{ messageId: 'ends-after', file: 'projects.yaml', at: 'end: 2027' }],
    },
    {
      name: 'a project starting before the plan period',
      patches: [P('projects.yaml', 'start: 2022', 'start: 2019')],
      errors: [{ messageId: 'starts-before', file: 'projects.yaml', at: 'start: 2019' }],
    },
    {
      name: 'a project beyond both ends of the plan period',
      patches: [P('projects.yaml', 'start: 2022', 'start: 2019'), P('projects.yaml', 'end: 2024', 'end: 2027')],
      errors: [{ messageId: 'outside-both', file: 'projects.yaml', at: 'start: 2019', data: { start: 2019, end: 2027, planStart: 2021, planEnd: 2025 } }],
    },
    {
      name: 'years in the wrong order that also run past the plan',
      patches: [P('projects.yaml', 'start: 2022', 'start: 2026')],
      errors: [{ messageId: 'ends-after', file: 'projects.yaml', at: 'start: 2026', data: { start: 2026, end: 2024 } }],
    },
  ],
});
