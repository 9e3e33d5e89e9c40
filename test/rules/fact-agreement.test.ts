import { factAgreement } from '../../src/rules/fact-agreement.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(factAgreement, {
  valid: [],
  invalid: [
    {
      name: 'the same floor area stated differently in the box',
      patches: [P('boxes.yaml', 'floor-area, value: 5000', 'floor-area, value: 6000')],
      errors: [{ messageId: 'disagree', file: 'boxes.yaml', at: 'floor-area, value: 6000' }],
    },
    {
      name: 'a restatement beyond the precision of 约',
      patches: [P('statements.yaml', 'value: 5000, unit: ㎡, approx: true, quote: 建筑面积约5000㎡', 'value: 6000, unit: ㎡, approx: true, quote: 建筑面积约5000㎡')],
      errors: [{ messageId: 'disagree', file: 'statements.yaml', at: 'value: 6000' }],
    },
    {
      name: 'the same fact in units that measure different things',
      patches: [P('boxes.yaml', 'units, value: 100, unit: 套', 'units, value: 100, unit: 户')],
      errors: [{ messageId: 'unit-mismatch', file: 'boxes.yaml', at: 'unit: 户' }],
    },
  ],
});
