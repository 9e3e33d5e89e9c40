import { unlinkedWork } from '../../src/rules/unlinked-work.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(unlinkedWork, {
  valid: [
    {
      name: 'a facility with no row beside a work that has one (unlisted-facility reports it)',
      patches: [P('boxes.yaml', '          - { name: 社区养老服务中心, projects: [2] }\n', '          - { name: 社区养老服务中心, projects: [2] }\n          - { name: 日间照料中心, projects: [] }\n')],
    },
  ],
  invalid: [
    {
      name: 'a key work with a scale but no project',
      patches: [P('boxes.yaml', 'projects: [2]', 'projects: []')],
      errors: [{ messageId: 'not-in-appendix', file: 'boxes.yaml', at: 'projects: [] }' }],
    },
  ],
});
