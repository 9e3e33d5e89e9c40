import { periodMixed } from '../../src/rules/period-mixed.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(periodMixed, {
  valid: [],
  invalid: [
    {
      name: 'a key whose prose statement has no period while the table gives one',
      patches: [P('statements.yaml', 'cumulative: true, period: "2016-2020", quote: 五年累计', 'cumulative: true, quote: 五年累计')],
      errors: [{ messageId: 'no-period', file: 'statements.yaml', at: 'employment.urban-new-jobs', data: { suggested: '2021-2025' } }],
    },
  ],
});
