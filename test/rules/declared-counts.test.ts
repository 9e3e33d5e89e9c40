import { declaredCounts } from '../../src/rules/declared-counts.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(declaredCounts, {
  valid: [
    { name: 'an open list (等) shorter than its count', patches: [P('projects.yaml', 'items: [大昌, 福田] }', 'items: [大昌], open: true }')] },
  ],
  invalid: [
    {
      name: 'a declared count that the list does not match',
      patches: [P('projects.yaml', 'items: [大昌, 福田]', 'items: [大昌]')],
      errors: [{ messageId: 'count-mismatch', file: 'projects.yaml', at: 'items: [大昌]' }],
    },
    {
      name: 'an open list (等) longer than its count',
      patches: [P('projects.yaml', 'items: [大昌, 福田] }', 'items: [大昌, 福田, 官渡], open: true }')],
      errors: [{ messageId: 'open-count-exceeded', file: 'projects.yaml', at: 'open: true' }],
    },
    {
      name: 'a service area whose declared count differs from its items, and the total with it',
      patches: [P('services.yaml', 'declared: 2', 'declared: 3')],
      errors: [
        { messageId: 'total-count-mismatch', file: 'services.yaml', at: 'total:' },
        { messageId: 'area-count-mismatch', file: 'services.yaml', at: '- name: 幼有所育' },
      ],
    },
    {
      name: 'a count naming a fact stated nowhere',
      patches: [P('projects.yaml', '{ fact: elderly.community-centre.townships, items:', '{ fact: elderly.community-centre.township, items:')],
      errors: [{ messageId: 'unknown-fact', file: 'projects.yaml', at: 'fact: elderly.community-centre.township, items', data: { fact: 'elderly.community-centre.township' } }],
    },
  ],
});
