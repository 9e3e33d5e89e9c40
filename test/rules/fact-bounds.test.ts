import { factBounds } from '../../src/rules/fact-bounds.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(factBounds, {
  valid: [],
  invalid: [
    {
      name: 'two different lower bounds for one target',
      patches: [
        P(
          'statements.yaml',
          '  - chapter: 二\n',
          '  - chapter: 一\n    section: 二\n    facts:\n      - { fact: elderly.nursing-share, value: 50, unit: "%", bound: 不低于, period: "2025", quote: 护理型床位比例不低于50% }\n      - { fact: elderly.nursing-share, value: 55, unit: "%", bound: ≥, period: "2025", quote: 护理型床位比例不低于50% }\n  - chapter: 二\n',
        ),
      ],
      errors: [{ messageId: 'different-bounds', file: 'statements.yaml', at: 'value: 55' }],
    },
  ],
});
