import { staleReview } from '../../src/rules/stale-review.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(staleReview, {
  valid: [],
  invalid: [
    {
      name: 'a review by pointer that matches nothing',
      patches: [P('reviews.yaml', 'reviews: []', 'reviews:\n  - { rule: numbering, file: projects.yaml, pointer: /sections/0, verdict: not-an-error, reason: 原文如此，保留。 }')],
      errors: [{ messageId: 'stale', file: 'reviews.yaml', at: '- { rule: numbering' }],
      // A review can only be called stale when its own rule has run.
      alsoRun: ['numbering'],
    },
    {
      name: 'a review by fingerprint that matches nothing, quoting words not in the text',
      patches: [P('reviews.yaml', 'reviews: []', 'reviews:\n  - { rule: numbering, fingerprint: 0123456789abcdef, verdict: as-printed, quote: 原文没有这句话 }')],
      errors: [
        { messageId: 'stale', file: 'reviews.yaml', at: '- { rule: numbering' },
        { messageId: 'quote-not-found', file: 'reviews.yaml', at: '- { rule: numbering' },
      ],
      alsoRun: ['numbering'],
    },
    {
      name: 'a review quoting words the text prints across a line break (stale, but its quote stands)',
      patches: [
        P('source.txt', '五年累计新增城镇就业1.2万人', '五年累计新增城镇\n就业1.2万人'),
        P('reviews.yaml', 'reviews: []', 'reviews:\n  - { rule: numbering, fingerprint: 0123456789abcdef, verdict: as-printed, quote: 新增城镇就业1.2万人 }'),
      ],
      errors: [{ messageId: 'stale', file: 'reviews.yaml', at: '- { rule: numbering' }],
      alsoRun: ['numbering'],
    },
    {
      name: 'an old acceptance in plan.yaml that matches nothing',
      patches: [P('plan.yaml', 'accepted: []', 'accepted:\n  - { rule: numbering, file: projects.yaml, pointer: /sections/0, reason: 原文如此，保留。 }')],
      errors: [{ messageId: 'stale', file: 'plan.yaml', at: '- { rule: numbering' }],
      alsoRun: ['numbering'],
    },
  ],
});
