import { moneyOutsideTotal } from '../../src/rules/money-outside-total.js';
import { P, TABLES } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(moneyOutsideTotal, {
  valid: [],
  invalid: [
    {
      name: 'money in a box for a work the appendix does not have',
      patches: [
        P('boxes.yaml', 'projects: [2]', 'projects: []'),
        P('boxes.yaml', '          - { fact: elderly.community-centre.beds, value: 60, unit: 张 }\n', '          - { fact: elderly.community-centre.beds, value: 60, unit: 张 }\n          - { fact: elderly.community-centre.investment, value: 0.05, unit: 亿元, quote: 床位60张 }\n'),
      ],
      errors: [{ messageId: 'missing-from-total', file: 'boxes.yaml', at: 'value: 0.05, unit: 亿元' }],
    },
    {
      name: 'money outside the 合计s of two tables together',
      fixture: TABLES,
      patches: [
        P('boxes.yaml', 'projects: [{ table: 2, serials: [1] }]', 'projects: []'),
        P('boxes.yaml', '          - { fact: elderly.community-centre.beds, value: 60, unit: 张 }\n', '          - { fact: elderly.community-centre.beds, value: 60, unit: 张 }\n          - { fact: elderly.community-centre.investment, value: 0.05, unit: 亿元, quote: 床位60张 }\n'),
      ],
      errors: [{ messageId: 'missing-from-total', file: 'boxes.yaml', at: 'value: 0.05, unit: 亿元', data: { amount: '500', total: '3000', unit: '万元' } }],
    },
  ],
});
