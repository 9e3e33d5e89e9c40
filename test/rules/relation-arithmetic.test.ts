import { relationArithmetic } from '../../src/rules/relation-arithmetic.js';
import { P, SECOND } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(relationArithmetic, {
  valid: [
    { name: 'a product within its bound (10 × ≥500㎡ = 5200㎡)', fixture: SECOND },
    { name: 'a per-capita area within rounding (2㎡ × 20万人 = 400000㎡)', fixture: SECOND, patches: [P('statements.yaml', 'sports.total-area, value: 400000', 'sports.total-area, value: 480000')] },
  ],
  invalid: [
    {
      name: 'a product total below count × the bound of each',
      fixture: SECOND, patches: [P('projects.yaml', 'sports.pitches-area, value: 5200', 'sports.pitches-area, value: 4800')],
      errors: [
        { messageId: 'mismatch', file: 'projects.yaml', at: 'value: 4800', data: { fact: 'sports.pitches-area', interval: '≥ 5000', unit: '㎡' } },
      ],
    },
    {
      name: 'a product whose each is exact and too small',
      fixture: SECOND, patches: [P('projects.yaml', 'value: 500, unit: ㎡, bound: 不少于', 'value: 400, unit: ㎡')],
      errors: [
        { messageId: 'mismatch', file: 'projects.yaml', at: 'value: 5200', data: { interval: '[3995, 4005)' } },
      ],
    },
    {
      name: 'a per-capita area beyond rounding',
      fixture: SECOND, patches: [P('statements.yaml', 'sports.total-area, value: 400000', 'sports.total-area, value: 520000')],
      errors: [
        { messageId: 'mismatch', file: 'statements.yaml', at: 'value: 520000', data: { fact: 'sports.total-area（2020）' } },
      ],
    },
    {
      name: 'a relation whose part is misspelt, leaving two facts unstated',
      fixture: SECOND, patches: [P('relations.yaml', 'part: pension.insured,', 'part: pension.insureds,')],
      errors: [
        { messageId: 'unstated', file: 'relations.yaml', at: 'pension.insureds', data: { count: 2, facts: 'pension.insureds（2020）、population.pension-eligible（2020）' } },
      ],
    },
  ],
});
