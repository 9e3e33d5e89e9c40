import { unlinkedWork } from '../../src/rules/unlinked-work.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(unlinkedWork, {
  valid: [],
  invalid: [
    {
      name: 'a key work with a scale but no project',
      patches: [P('boxes.yaml', 'projects: [2]', 'projects: []')],
      errors: [{ messageId: 'not-in-appendix', file: 'boxes.yaml', at: 'projects: [] }' }],
    },
  ],
});
