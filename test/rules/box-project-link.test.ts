import { boxProjectLink } from '../../src/rules/box-project-link.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(boxProjectLink, {
  valid: [],
  invalid: [
    {
      name: 'a key work pointing to a serial the appendix does not have',
      patches: [P('boxes.yaml', 'projects: [1]', 'projects: [7]')],
      errors: [{ messageId: 'unknown-serial', file: 'boxes.yaml', at: 'projects: [7]' }],
    },
  ],
});
