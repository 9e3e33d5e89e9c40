import { relationArithmetic } from '../../src/rules/relation-arithmetic.js';
import { P, SECOND } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(relationArithmetic, {
  valid: [
    { name: 'a product within its bound (10 × ≥500㎡ = 5200㎡)', fixture: SECOND },
    { name: 'a per-capita area within rounding (2㎡ × 20万人 = 400000㎡)', fixture: SECOND, patches: [P('statements.yaml', 'sports.total-area, value: 400000', 'sports.total-area, value: 480000')] },
    {
      name: 'no places at a rate of 0: 0 ÷ 0 implies nothing',
      fixture: SECOND, patches: [P('statements.yaml', 'childcare.places, value: 300', 'childcare.places, value: 0'), P('indicators.yaml', 'baseline: { value: 1.5 }', 'baseline: { value: 0 }')],
    },
    {
      name: 'no places at a rate above 0: a population of 0 is implied, no finding here',
      fixture: SECOND, patches: [P('statements.yaml', 'childcare.places, value: 300', 'childcare.places, value: 0')],
    },
    {
      name: 'a rate printed 0.0 (below 0.05) with places: a population unbounded above, no division by 0',
      fixture: SECOND, patches: [P('indicators.yaml', 'baseline: { value: 1.5 }', 'baseline: { value: 0.0 }')],
    },
    {
      name: 'a product of 0 pitches of any size with a total of 0',
      fixture: SECOND, patches: [P('projects.yaml', 'sports.pitches, value: 10', 'sports.pitches, value: 0'), P('projects.yaml', 'sports.pitches-area, value: 5200', 'sports.pitches-area, value: 0')],
    },
  ],
  invalid: [
    {
      name: 'places at a rate of 0 per 1,000: no population gives them',
      fixture: SECOND, patches: [P('indicators.yaml', 'baseline: { value: 1.5 }', 'baseline: { value: 0 }')],
      errors: [
        { messageId: 'zero', file: 'indicators.yaml', at: 'baseline: { value: 0 }', data: { fact: 'population.implied（2020）' } },
      ],
    },
    {
      name: 'a total area over 0 pitches: no size of each gives it',
      fixture: SECOND, patches: [P('projects.yaml', 'sports.pitches, value: 10', 'sports.pitches, value: 0'), P('projects.yaml', 'value: 500, unit: ㎡, bound: 不少于', 'value: 500, unit: ㎡')],
      errors: [
        { messageId: 'mismatch', file: 'projects.yaml', at: 'value: 5200', data: { interval: '0' } },
      ],
    },
    {
      name: 'a negative rate: the relation is not checked, and no open-ended interval is implied',
      fixture: SECOND, patches: [P('indicators.yaml', 'baseline: { value: 1.5 }', 'baseline: { value: -1.5 }')],
      errors: [
        { messageId: 'negative', file: 'indicators.yaml', at: 'baseline: { value: -1.5 }' },
      ],
    },
    {
      name: 'a negative size of each in a product with all three stated',
      fixture: SECOND, patches: [P('projects.yaml', 'value: 500, unit: ㎡, bound: 不少于', 'value: -500, unit: ㎡')],
      errors: [
        { messageId: 'negative', file: 'projects.yaml', at: 'value: -500' },
      ],
    },
    {
      name: 'a ratio whose base is its own amount',
      fixture: SECOND, patches: [P('relations.yaml', 'amount: childcare.places, base: population.implied', 'amount: childcare.places, base: childcare.places')],
      errors: [
        { messageId: 'repeated', file: 'relations.yaml', at: 'base: childcare.places }', data: { fact: 'childcare.places（2020）', keys: 'amount、base' } },
      ],
    },
    {
      name: 'a share naming one fact as rate and whole',
      fixture: SECOND, patches: [P('relations.yaml', 'whole: population.pension-eligible }', 'whole: pension.insured-rate }')],
      errors: [
        { messageId: 'repeated', file: 'relations.yaml', at: 'whole: pension.insured-rate }', data: { keys: 'rate、whole' } },
      ],
    },
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
