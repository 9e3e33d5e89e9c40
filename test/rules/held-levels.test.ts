import { heldLevels } from '../../src/rules/held-levels.js';
import { P, SECOND } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(heldLevels, {
  valid: [
    { name: 'a level held at its baseline', fixture: SECOND },
  ],
  invalid: [
    {
      name: 'a level said to be held above its baseline',
      fixture: SECOND, patches: [P('statements.yaml', 'value: 100, unit: "%", period: "2020", quote: 2020年小学入学率100%', 'value: 99.5, unit: "%", period: "2020", quote: 2020年小学入学率99.5%'), P('source.txt', '2020年小学入学率100%', '2020年小学入学率99.5%')],
      errors: [
        { messageId: 'baseline-differs', file: 'statements.yaml', at: 'hold: true', data: { fact: 'education.primary-enrolment-rate', year: '2020', printed: '100%', baselinePrinted: '99.5%' } },
      ],
    },
  ],
});
