import { describe, expect, it } from 'vitest';
import { draftUnread } from '../../src/rules/draft-unread.js';
import { auditFindings, P, planCopy, MINI } from '../helpers.js';
import { testRule } from '../rule-tester.js';

const unreadAppendix = P('plan.yaml', 'accepted: []', 'draft:\n  unread:\n    - { part: appendix, where: line 80, what: the appendix heading is not followed by a table }\naccepted: []');
/** A key work with money and no appendix project: money-outside-total's finding, when the appendix was read. */
const moneyOutside = [
  P('boxes.yaml', 'projects: [2]', 'projects: []'),
  P('boxes.yaml', '          - { fact: elderly.community-centre.beds, value: 60, unit: 张 }\n', '          - { fact: elderly.community-centre.beds, value: 60, unit: 张 }\n          - { fact: elderly.community-centre.investment, value: 0.05, unit: 亿元, quote: 床位60张 }\n'),
];

testRule(draftUnread, {
  valid: [{ name: 'a plan with no draft record' }],
  invalid: [
    {
      name: 'a draft that did not read its appendix',
      patches: [unreadAppendix],
      errors: [{ messageId: 'part-unread', file: 'plan.yaml', at: 'part: appendix', data: { where: 'line 80' } }],
    },
  ],
});

describe('the rules that judge an unread part do not run', () => {
  it('a key work is not "missing from the total" when the appendix was never read', async () => {
    const read = await auditFindings(planCopy(MINI, moneyOutside));
    expect(read.map((finding) => finding.ruleId)).toContain('money-outside-total');
    const unread = await auditFindings(planCopy(MINI, [...moneyOutside, unreadAppendix]));
    expect(unread.map((finding) => finding.ruleId)).not.toContain('money-outside-total');
    expect(unread.map((finding) => finding.ruleId)).toContain('draft-unread');
  });

  it('nor are its projects’ years judged (a misread row’s 1900-1920): outside-plan-period and year-order read the appendix', async () => {
    const misread = [P('projects.yaml', 'start: 2022\n        end: 2024', 'start: 2024\n        end: 1920')];
    const read = await auditFindings(planCopy(MINI, misread), ['year-order', 'outside-plan-period']);
    expect(read.map((finding) => finding.ruleId).sort()).toEqual(['outside-plan-period', 'year-order']);
    expect(await auditFindings(planCopy(MINI, [...misread, unreadAppendix]), ['year-order', 'outside-plan-period'])).toEqual([]);
  });
});
