import { unboxedProject } from '../../src/rules/unboxed-project.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(unboxedProject, {
  valid: [],
  invalid: [
    {
      name: 'an appendix project that no box mentions',
      patches: [P('boxes.yaml', 'projects: [2]', 'projects: []')],
      errors: [{ messageId: 'not-in-any-box', file: 'projects.yaml', at: 'serial: 2' }],
    },
  ],
});
