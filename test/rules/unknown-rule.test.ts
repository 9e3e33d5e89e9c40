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
    {
      name: 'a review naming a rule that does not exist',
      patches: [P('reviews.yaml', 'reviews: []', 'reviews:\n  - rule: no-such-rule\n    fingerprint: 0123456789abcdef\n    verdict: as-printed\n    quote: 原文')],
      errors: [{ messageId: 'unknown', file: 'reviews.yaml', at: 'rule: no-such-rule', data: { rule: 'no-such-rule' } }],
    },
  ],
});
