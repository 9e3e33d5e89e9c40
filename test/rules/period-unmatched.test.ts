import { periodUnmatched } from '../../src/rules/period-unmatched.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

const PROSE = '  - chapter: 二\n';
const prose = (facts: string) => P('statements.yaml', PROSE, `  - chapter: 一\n    section: 二\n    facts:\n${facts}${PROSE}`);

testRule(periodUnmatched, {
  valid: [
    {
      name: 'a baseline and a target of one key in the prose ("2020" and "2025")',
      patches: [prose('      - { fact: elderly.beds, value: 400, unit: 张, period: "2020", quote: 养老床位总数达到500张 }\n      - { fact: elderly.beds, value: 500, unit: 张, period: "2025", quote: 养老床位总数达到500张 }\n')],
    },
    {
      name: 'a held level over the plan period beside the target year',
      patches: [prose('      - { fact: employment.surveyed-unemployment-rate, value: 4, unit: "%", bound: ＜, hold: true, period: "2021-2025", quote: 到2025年 }\n')],
    },
  ],
  invalid: [
    {
      name: 'a mis-periodised five-year total: "2020" for 2016-2020',
      patches: [P('statements.yaml', 'period: "2016-2020"', 'period: "2020"')],
      errors: [{ messageId: 'meets-nothing', file: 'statements.yaml', at: 'period: "2020"', data: { suggested: '2016-2020' } }],
    },
  ],
});
