import { datedStatements } from '../../src/rules/dated-statements.js';
import { P, SECOND } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(datedStatements, {
  valid: [
    { name: 'a quote dated within its period', fixture: SECOND },
  ],
  invalid: [
    {
      name: 'a quote dated after its period',
      fixture: SECOND, patches: [P('statements.yaml', 'education.schools, value: 120, unit: 所, period: "2020"', 'education.schools, value: 120, unit: 所, period: "2016-2019"')],
      errors: [
        { messageId: 'year-outside-period', file: 'statements.yaml', at: 'period: "2016-2019"', data: { year: 2020, period: '2016-2019' } },
      ],
    },
    {
      name: 'a baseline column that is not the year before the plan',
      fixture: SECOND, patches: [P('indicators.yaml', 'columns: { baseline: 2020, target: 2025 }', 'columns: { baseline: 2019, target: 2025 }')],
      errors: [
        { messageId: 'baseline-column', file: 'indicators.yaml', at: 'columns:', data: { year: 2019, expected: 2020 } },
      ],
    },
  ],
});
