import { unknownRule } from '../../src/rules/unknown-rule.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(unknownRule, {
  valid: [
    { name: 'an acceptance naming an existing rule', patches: [P('plan.yaml', 'accepted: []', 'accepted:\n  - { rule: numbering, file: projects.yaml, pointer: /sections/0, reason: 原文如此，保留。 }')] },
  ],
  invalid: [
    {
      name: 'an acceptance naming a rule that does not exist',
      patches: [P('plan.yaml', 'accepted: []', 'accepted:\n  - { rule: period, file: projects.yaml, pointer: /sections/0, reason: 原文如此，保留。 }')],
      errors: [{ messageId: 'unknown', file: 'plan.yaml', at: '- { rule: period', data: { rule: 'period' } }],
    },
  ],
});
