import { schemaRule } from '../../src/rules/schema.js';
import { P, SECOND, TABLES } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(schemaRule, {
  valid: [
    { name: 'two appendix tables under tables', fixture: TABLES },

    { name: 'a figure printed with trailing zeros', patches: [P('indicators.yaml', 'baseline: { value: 4 }', 'baseline: { value: 4.0 }')] },
    { name: 'a quoted key', patches: [P('projects.yaml', 'investment: 2000', '"investment": 2000')] },
    { name: 'a range of one value (5000-5000)', patches: [P('boxes.yaml', '{ fact: housing.rental-new.floor-area, value: 5000, unit: ㎡ }', '{ fact: housing.rental-new.floor-area, value: 5000, valueMax: 5000, unit: ㎡ }')] },
  ],
  invalid: [
    { name: 'an unknown key', patches: [P('projects.yaml', 'location: 城区\n        content: 新建保障', 'whereabouts: 城区\n        content: 新建保障')], errors: [{ messageId: 'unknown-key', file: 'projects.yaml', at: 'whereabouts:', data: { key: 'whereabouts' } }] },
    {
      name: 'a misspelt key, at the key, without a missing key beside it',
      patches: [P('projects.yaml', 'investment: 2000', 'investmnt: 2000')],
      errors: [{ messageId: 'unknown-key-suggest', file: 'projects.yaml', at: 'investmnt:', data: { key: 'investmnt', suggestion: 'investment' } }],
    },
    { name: 'a missing key, at its parent', patches: [P('projects.yaml', '        name: 测试县保障性租赁住房建设项目\n', '')], errors: [{ messageId: 'missing-key', file: 'projects.yaml', at: '- serial: 1', data: { key: 'name' } }] },
    { name: 'a value not in the list', patches: [P('indicators.yaml', 'attribute: 约束性', 'attribute: 约速性')], errors: [{ messageId: 'not-allowed', file: 'indicators.yaml', at: 'attribute: 约速性', data: { value: '约速性' } }] },
    { name: 'a number with thousands separators', patches: [P('projects.yaml', 'total: 3000', 'total: 3,000')], errors: [{ messageId: 'number-as-text', file: 'projects.yaml', at: 'total: 3,000', data: { suggestion: '3000' } }] },
    { name: 'a hex number', patches: [P('projects.yaml', 'investment: 2000', 'investment: 0x7D0')], errors: [{ messageId: 'number-format', file: 'projects.yaml', at: 'investment: 0x7D0', data: { value: '0x7D0' } }] },
    { name: 'a number longer than any printed', patches: [P('projects.yaml', 'investment: 2000', `investment: 2000.${'5'.repeat(80)}`)], errors: [{ messageId: 'number-too-long', file: 'projects.yaml', at: 'investment: 2000.5', data: { max: '64' } }] },
    { name: 'an integer past 2^53', patches: [P('projects.yaml', 'total: 3000', 'total: 9007199254740993')], errors: [{ messageId: 'number-too-large', file: 'projects.yaml', at: 'total: 9007199254740993', data: { value: '9007199254740993' } }] },
    { name: 'an anchored key before a hex number', patches: [P('projects.yaml', 'investment: 2000', '&k investment: 0x7D0')], errors: [{ messageId: 'number-format', file: 'projects.yaml', at: '&k investment: 0x7D0', data: { value: '0x7D0' } }] },
    { name: 'a figure with neither value nor text', patches: [P('boxes.yaml', '{ fact: housing.rental-new.units, value: 100, unit: 套 }', '{ fact: housing.rental-new.units, unit: 套 }')], errors: [{ messageId: 'one-of-keys', file: 'boxes.yaml', at: '{ fact: housing.rental-new.units, unit: 套 }', data: { keys: 'value, text' } }] },
    { name: 'a fact period ending before it starts', patches: [P('statements.yaml', 'period: "2016-2020"', 'period: "2020-2016"')], errors: [{ messageId: 'period-reversed', file: 'statements.yaml', at: 'period: "2020-2016"', data: { period: '2020-2016', fixed: '2016-2020' } }] },
    { name: 'a plan period ending before it starts, once', patches: [P('plan.yaml', 'period: { start: 2021, end: 2025 }', 'period: { start: 2025, end: 2021 }')], errors: [{ messageId: 'period-reversed', file: 'plan.yaml', at: 'period: { start: 2025', data: { period: '2025-2021' } }] },
    { name: 'a relation period ending before it starts', fixture: SECOND, patches: [P('relations.yaml', 'period: "2020", rate: sports.area-per-capita', 'period: "2020-2016", rate: sports.area-per-capita')], errors: [{ messageId: 'period-reversed', file: 'relations.yaml', at: 'period: "2020-2016"' }] },
    { name: 'a range ending below its start', patches: [P('boxes.yaml', '{ fact: housing.rental-new.floor-area, value: 5000, unit: ㎡ }', '{ fact: housing.rental-new.floor-area, value: 5000, valueMax: 4000, unit: ㎡ }')], errors: [{ messageId: 'range-reversed', file: 'boxes.yaml', at: 'valueMax: 4000', data: { low: '5000', high: '4000' } }] },
    { name: 'a wrong type', patches: [P('projects.yaml', 'start: 2022', 'start: [2022]')], errors: [{ messageId: 'invalid', file: 'projects.yaml', at: 'start: [2022]' }] },
    {
      name: 'relations.yaml: an unknown kind, a missing key and a misspelt key, each once',
      fixture: SECOND,
      patches: [
        P('relations.yaml', 'kind: ratio, period: "2020", rate: childcare.places-per-1000', 'kind: ratoi, period: "2020", rate: childcare.places-per-1000'),
        P('relations.yaml', 'rate: library.area-per-10000, per: 10000,', 'rate: library.area-per-10000,'),
        P('relations.yaml', 'additions: [childcare.new-places]', 'additons: [childcare.new-places]'),
      ],
      errors: [
        { messageId: 'not-allowed', file: 'relations.yaml', at: 'kind: ratoi', data: { value: 'ratoi' } },
        { messageId: 'missing-key', file: 'relations.yaml', at: 'rate: library.area-per-10000,', data: { key: 'per' } },
        { messageId: 'unknown-key-suggest', file: 'relations.yaml', at: 'additons:', data: { key: 'additons', suggestion: 'additions' } },
      ],
    },
    {
      name: 'projects.yaml with both sections and tables',
      fixture: TABLES,
      patches: [P('projects.yaml', 'tables:\n', 'sections:\n  - { numeral: 一, name: 其他, projects: [] }\ntables:\n')],
      errors: [{ messageId: 'one-of-keys', file: 'projects.yaml', line: 2, data: { keys: 'sections, tables' } }],
    },
    {
      name: 'a grand total beside several tables (each table has its own)',
      fixture: TABLES,
      patches: [P('projects.yaml', 'tables:\n', 'total: 3000\ntables:\n')],
      errors: [{ messageId: 'invalid', file: 'projects.yaml', at: 'total: 3000' }],
    },
    {
      name: 'a box link naming a table without serials',
      fixture: TABLES,
      patches: [P('boxes.yaml', '{ table: 2, serials: [1] }', '{ table: 2 }')],
      errors: [{ messageId: 'invalid', file: 'boxes.yaml', at: '{ table: 2 }' }],
    },
  ],
});
