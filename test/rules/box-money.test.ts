import { boxMoney } from '../../src/rules/box-money.js';
import { P, TABLES } from '../helpers.js';
import { testRule } from '../rule-tester.js';

const UNITS = '          - { fact: housing.rental-new.units, value: 100, unit: 套 }\n';
const withMoney = (figure: string) => P('boxes.yaml', UNITS, `${UNITS}          - ${figure}\n`);

testRule(boxMoney, {
  valid: [
    { name: '0.2亿元 in the box, 2000万元 in the linked project', patches: [withMoney('{ fact: housing.rental-new.investment, value: 0.2, unit: 亿元 }')] },
    { name: '约0.21亿元 within its tolerance of 2000万元', patches: [withMoney('{ fact: housing.rental-new.investment, value: 0.21, unit: 亿元, approx: true }')] },
  ],
  invalid: [
    {
      name: 'box money that the linked project does not carry (0.21亿元 against 2000万元)',
      patches: [withMoney('{ fact: housing.rental-new.investment, value: 0.21, unit: 亿元 }')],
      errors: [{ messageId: 'money-differs', file: 'boxes.yaml', at: 'value: 0.21, unit: 亿元', data: { investment: '2000', unit: '万元' } }],
    },
    {
      name: 'box money against a project of the second table, named by its table',
      fixture: TABLES,
      patches: [P('boxes.yaml', '          - { fact: elderly.community-centre.beds, value: 60, unit: 张 }\n', '          - { fact: elderly.community-centre.beds, value: 60, unit: 张 }\n          - { fact: elderly.community-centre.investment, value: 0.12, unit: 亿元 }\n')],
      errors: [{ messageId: 'money-differs', file: 'boxes.yaml', at: 'value: 0.12, unit: 亿元', data: { serials: '附表2 序号1', investment: '1000', unit: '万元' } }],
    },
  ],
});
