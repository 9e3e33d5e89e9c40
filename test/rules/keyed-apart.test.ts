import { keyedApart } from '../../src/rules/keyed-apart.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

const PROSE_AREA = '{ fact: housing.rental-new.floor-area, value: 5000, unit: ㎡, approx: true, quote: 建筑面积约5000㎡ }';

testRule(keyedApart, {
  valid: [
    {
      name: 'the same floor area under another key, as 0.5万㎡ (one quantity: keyed-twice)',
      patches: [P('statements.yaml', PROSE_AREA, '{ fact: housing.rental.floor-area, value: 0.5, unit: 万㎡, approx: true, quote: 建筑面积约0.5万㎡ }'), P('source.txt', '建筑面积约5000㎡', '建筑面积约0.5万㎡')],
    },
  ],
  invalid: [
    {
      name: 'a mis-keyed contradiction: the prose floor area under its own key, and a different value',
      patches: [P('statements.yaml', PROSE_AREA, '{ fact: housing.rental.floor-area, value: 6000, unit: ㎡, approx: true, quote: 建筑面积约6000㎡ }'), P('source.txt', '建筑面积约5000㎡', '建筑面积约6000㎡')],
      errors: [{ messageId: 'two-keys-differ', file: 'statements.yaml', at: 'value: 6000', data: { use: 'housing.rental-new.floor-area', fact: 'housing.rental.floor-area' } }],
    },
  ],
});
