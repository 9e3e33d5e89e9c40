import { unusedAcceptance } from '../../src/rules/unused-acceptance.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(unusedAcceptance, {
  valid: [],
  invalid: [
    {
      name: 'an acceptance that matches nothing',
      patches: [P('plan.yaml', 'accepted: []', 'accepted:\n  - { rule: numbering, file: projects.yaml, pointer: /sections/0, reason: 原文如此，保留。 }')],
      errors: [{ messageId: 'unused', file: 'plan.yaml', at: '- { rule: numbering' }],
      // An acceptance can only be called unused when its own rule has run.
      alsoRun: ['numbering'],
    },
  ],
});
