import { declaredSums } from '../../src/rules/declared-sums.js';
import { P, TABLES } from '../helpers.js';
import { testRule } from '../rule-tester.js';

const FLOOR_QUOTE = 'quote: 建筑面积约5000㎡ }\n';
/** A prose group declaring money parts: 0.3亿元, of which 0.2亿元 and `other` 万元. */
const moneySum = (other: string) =>
  P(
    'statements.yaml',
    FLOOR_QUOTE,
    `${FLOOR_QUOTE}      - { fact: investment.all, value: 0.3, unit: 亿元 }\n      - { fact: investment.housing, value: 0.2, unit: 亿元 }\n      - { fact: investment.elderly, value: ${other}, unit: 万元 }\n    sums:\n      - { total: investment.all, parts: [investment.housing, investment.elderly] }\n`,
  );
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
    { name: 'money parts in 亿元 and 万元 that add up', patches: [moneySum('1000')] },
    { name: 'a prose total of two tables, 亿元 against 万元', fixture: TABLES },
    {
      name: 'a prose total of two tables rounded to its printed place (0.3亿元 for 3040万元)',
      fixture: TABLES,
      patches: [P('projects.yaml', 'total: 1000', 'total: 1040'), P('projects.yaml', 'subtotal: 1000', 'subtotal: 1040'), P('projects.yaml', 'investment: 1000', 'investment: 1040')],
    },

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
      name: 'money parts that do not add up, reported in the money unit of the plan (万元, not 元)',
      patches: [moneySum('1100')],
      errors: [{ messageId: 'sum-mismatch', file: 'statements.yaml', at: 'investment.all, value: 0.3', data: { computed: '3100', difference: '-100', base: '万元' } }],
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
    {
      name: 'a prose total of two tables that their totals do not add up to',
      fixture: TABLES,
      patches: [P('statements.yaml', 'value: 0.3, unit: 亿元', 'value: 0.4, unit: 亿元')],
      errors: [{ messageId: 'tables-mismatch', file: 'statements.yaml', at: 'value: 0.4, unit: 亿元', data: { statedMoney: '4000', computed: '3000', difference: '1000', unit: '万元' } }],
    },
    {
      name: 'a prose total naming a table the plan does not print',
      fixture: TABLES,
      patches: [P('statements.yaml', 'tables: [1, 2]', 'tables: [1, 3]')],
      errors: [{ messageId: 'unknown-table', file: 'statements.yaml', at: 'tables: [1, 3]', data: { table: 3, tables: '附表1、附表2' } }],
    },
  ],
});
