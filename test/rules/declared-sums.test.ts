import { declaredSums } from '../../src/rules/declared-sums.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(declaredSums, {
  valid: [
    { name: 'parts in another unit of the same kind (㎡ as 万㎡)', patches: [P('projects.yaml', 'storey-1, value: 2000, unit: ㎡', 'storey-1, value: 0.2, unit: 万㎡')] },
  ],
  invalid: [
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
  ],
});
