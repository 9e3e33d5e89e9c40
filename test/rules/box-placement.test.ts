import { boxPlacement } from '../../src/rules/box-placement.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(boxPlacement, {
  valid: [
    { name: 'a chapter listing its boxes in another order', patches: [P('outline.yaml', 'boxes: [1, 2]', 'boxes: [2, 1]')] },
    {
      name: 'a listed box not found in a draft that left its indicator table unread (the table stands in a box)',
      patches: [
        P('outline.yaml', 'boxes: [3]', 'boxes: [3, 9]'),
        P('plan.yaml', 'accepted: []', 'draft:\n  unread:\n    - { part: indicators, where: line 40, what: "专栏9: neither numbered items nor a table follow" }\naccepted: []'),
      ],
    },
  ],
  invalid: [
    {
      name: 'a box listed under another chapter, and a listed box that does not exist',
      patches: [P('boxes.yaml', 'chapter: 二', 'chapter: 一'), P('outline.yaml', 'boxes: [3]', 'boxes: [3, 9]')],
      errors: [
        { messageId: 'other-chapter', file: 'boxes.yaml', at: '- number: 3' },
        { messageId: 'unknown-box', file: 'outline.yaml', at: 'boxes: [3, 9]' },
      ],
    },
    {
      name: 'a box the outline lists under no chapter',
      patches: [P('outline.yaml', 'boxes: [3]', 'boxes: []')],
      errors: [{ messageId: 'not-in-outline', file: 'boxes.yaml', at: '- number: 3', data: { box: '3' } }],
    },
  ],
});
