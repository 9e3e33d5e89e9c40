import { keyedTwice } from '../../src/rules/keyed-twice.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

const PROSE_AREA = '{ fact: housing.rental-new.floor-area, value: 5000, unit: ㎡, approx: true, quote: 建筑面积约5000㎡ }';

testRule(keyedTwice, {
  valid: [
    {
      name: 'a different floor area under another key (a contradiction: keyed-apart)',
      patches: [P('statements.yaml', PROSE_AREA, '{ fact: housing.rental.floor-area, value: 6000, unit: ㎡, approx: true, quote: 建筑面积约6000㎡ }'), P('source.txt', '建筑面积约5000㎡', '建筑面积约6000㎡')],
    },
  ],
  invalid: [
    {
      name: 'one quantity under two keys: 0.5万㎡ in the prose, 5000㎡ in the box',
      patches: [P('statements.yaml', PROSE_AREA, '{ fact: housing.rental.floor-area, value: 0.5, unit: 万㎡, approx: true, quote: 建筑面积约0.5万㎡ }'), P('source.txt', '建筑面积约5000㎡', '建筑面积约0.5万㎡')],
      errors: [{ messageId: 'two-keys-equal', file: 'statements.yaml', at: 'value: 0.5', data: { use: 'housing.rental-new.floor-area' } }],
    },
  ],
});
