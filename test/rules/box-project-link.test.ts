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
    {
      name: 'a key work linking a serial that the appendix prints twice',
      patches: [P('projects.yaml', 'serial: 2', 'serial: 1')],
      errors: [
        { messageId: 'ambiguous-serial', file: 'boxes.yaml', at: 'projects: [1]', data: { serial: 1, count: 2 } },
        { messageId: 'unknown-serial', file: 'boxes.yaml', at: 'projects: [2]' },
      ],
    },
  ],
});
