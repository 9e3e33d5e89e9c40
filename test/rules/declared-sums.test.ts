import { declaredSums } from '../../src/rules/declared-sums.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

const BEDS = 'parts: [elderly.community-centre.nursing-beds, elderly.community-centre.ordinary-beds]';

const AREA = '          - { fact: housing.rental-new.floor-area, value: 5000, unit: ㎡ }\n      - number: 2';
/** Box item 1 with a declared sum of money: a total and its two parts, each as printed. */
const money = (total: string, first: string, second: string) => [
  P('boxes.yaml', AREA, AREA.replace('\n      - number: 2', `
          - { fact: housing.invest.total, ${total} }
          - { fact: housing.invest.central, ${first} }
          - { fact: housing.invest.county, ${second} }
        sums:
          - total: housing.invest.total
            parts: [housing.invest.central, housing.invest.county]
      - number: 2`)),
];

testRule(declaredSums, {
  valid: [
    { name: 'parts in another unit of the same kind (㎡ as 万㎡)', patches: [P('projects.yaml', 'storey-1, value: 2000, unit: ㎡', 'storey-1, value: 0.2, unit: 万㎡')] },
    { name: 'a single 其中 part within its whole', patches: [P('boxes.yaml', BEDS, 'parts: [elderly.community-centre.nursing-beds]')] },
    { name: 'open 其中 parts within the whole', patches: [P('boxes.yaml', BEDS, 'parts: [elderly.community-centre.nursing-beds]\n            open: true')] },
  ],
  invalid: [
    {
      name: 'money that does not add up, shown in the plan’s unit (万元), not in 元',
      patches: money('value: 0.25, unit: 亿元', 'value: 1800, unit: 万元', 'value: 600, unit: 万元'),
      errors: [{ messageId: 'sum-mismatch', file: 'boxes.yaml', at: 'housing.invest.total', data: { base: '万元', difference: '100' } }],
    },
    {
      name: 'money printed in 亿元 throughout, shown in 亿元',
      patches: money('value: 0.3, unit: 亿元', 'value: 0.1, unit: 亿元', 'value: 0.15, unit: 亿元'),
      errors: [{ messageId: 'sum-mismatch', file: 'boxes.yaml', at: 'housing.invest.total', data: { base: '亿元', difference: '0.05' } }],
    },
    {
      name: 'storeys that do not add up to the floor area',
      patches: [P('projects.yaml', 'storey-1, value: 2000', 'storey-1, value: 2100')],
      errors: [{ messageId: 'sum-mismatch', file: 'projects.yaml', at: 'housing.rental-new.floor-area, value: 5000' }],
    },
    {
      name: 'a sum naming a fact stated nowhere',
      patches: [P('boxes.yaml', 'parts: [elderly.community-centre.nursing-beds,', 'parts: [elderly.community-centre.nursing-bed,')],
      errors: [{ messageId: 'unknown-fact', file: 'boxes.yaml', at: '- total: elderly.community-centre.beds' }],
    },
    {
      name: 'a part measured in another kind of unit than its total',
      patches: [P('projects.yaml', 'storey-1, value: 2000, unit: ㎡', 'storey-1, value: 2000, unit: 张')],
      errors: [{ messageId: 'unit-mismatch', file: 'projects.yaml', at: '- total: housing.rental-new.floor-area', data: { unit: '张' } }],
    },
    {
      name: 'a single 其中 part larger than its whole',
      patches: [P('boxes.yaml', BEDS, 'parts: [elderly.community-centre.nursing-beds]'), P('boxes.yaml', 'nursing-beds, value: 20', 'nursing-beds, value: 70')],
      errors: [{ messageId: 'part-exceeds', file: 'boxes.yaml', at: 'nursing-beds, value: 70' }],
    },
    {
      name: 'open 其中 parts that add up to more than the whole',
      patches: [P('boxes.yaml', BEDS, `${BEDS}\n            open: true`), P('boxes.yaml', 'ordinary-beds, value: 40', 'ordinary-beds, value: 45')],
      errors: [{ messageId: 'parts-exceed', file: 'boxes.yaml', at: 'elderly.community-centre.beds, value: 60' }],
    },
  ],
});
