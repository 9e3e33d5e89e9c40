import { provenance } from '../../src/rules/provenance.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(provenance, {
  valid: [
    { name: 'a box figure without a quote of its own (its item text holds it)', patches: [P('boxes.yaml', '{ fact: housing.rental-new.units, value: 100, unit: 套 }', '{ fact: housing.rental-new.units, value: 100, unit: 套 }')] },
  ],
  invalid: [
    {
      name: 'a quote that the source does not hold',
      patches: [P('statements.yaml', 'quote: 五年累计新增城镇就业1.2万人', 'quote: 五年累计新增就业1.2万人')],
      errors: [{ messageId: 'quote-not-found', file: 'statements.yaml', at: 'quote: 五年累计新增就业1.2万人' }],
    },
    {
      name: 'a misquoted figure and a retyped content',
      patches: [
        P('statements.yaml', 'quote: 计划新建保障性租赁住房100套', 'quote: 计划新建保障性租赁住房101套'),
        P('projects.yaml', 'content: 新建社区养老服务中心，', 'content: 新建社区养老中心，'),
      ],
      errors: [
        { messageId: 'text-not-found', file: 'projects.yaml', at: 'content: 新建社区养老中心' },
        { messageId: 'quote-not-found', file: 'statements.yaml', at: '101套' },
      ],
    },
    {
      name: 'a figure that is not in its quote',
      patches: [P('statements.yaml', '{ fact: housing.rental-new.units, value: 100,', '{ fact: housing.rental-new.units, value: 1000,')],
      errors: [{ messageId: 'figure-not-in-quote', file: 'statements.yaml', at: 'value: 1000,' }],
    },
    {
      name: 'a prose figure with no quote',
      patches: [P('statements.yaml', ', quote: 建筑面积约5000㎡ }', ' }')],
      errors: [{ messageId: 'missing-quote', file: 'statements.yaml', at: 'housing.rental-new.floor-area, value: 5000', data: { fact: 'housing.rental-new.floor-area' } }],
    },
  ],
});
