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
    {
      name: 'a draft that misread one appendix row',
      patches: [P('plan.yaml', 'accepted: []', 'draft:\n  unread:\n    - { part: appendix, where: line 81, what: "appendix 序号2: investment \\"县民\\"", row: { serial: 2 } }\naccepted: []')],
      errors: [{ messageId: 'row-unread', file: 'plan.yaml', at: 'part: appendix', data: { where: 'line 81' } }],
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

describe('one misread appendix row (an entry with a row): the rules that judge rows one by one leave out that row', () => {
  const unreadRow = P('plan.yaml', 'accepted: []', 'draft:\n  unread:\n    - { part: appendix, where: line 81, what: "appendix 序号1: investment \\"县卫\\"", row: { serial: 1 } }\naccepted: []');
  // The misread row: its amount written 0 and its years upside down, as a draft of a row read wrong may have them.
  const misreadRow = P('projects.yaml', 'start: 2022\n        end: 2024\n        investment: 2000', 'start: 2024\n        end: 1920\n        investment: 0');
  // Planted in the other section: a subtotal that its one project does not make.
  const wrongSubtotal = P('projects.yaml', '    subtotal: 1000', '    subtotal: 900');
  const ids = (findings: readonly { ruleId: string; messageId?: string }[]): string[] => findings.map((finding) => `${finding.ruleId}/${finding.messageId}`).sort();
  const rowRules = ['appendix-sums', 'year-order', 'outside-plan-period', 'numbering', 'draft-unread', 'money-outside-total'];

  it('checks the sums of the other sections and the total by the printed subtotals, and reports the entry', async () => {
    const findings = await auditFindings(planCopy(MINI, [unreadRow, misreadRow, wrongSubtotal, ...moneyOutside]), rowRules);
    expect(ids(findings)).toEqual(['appendix-sums/subtotal-mismatch', 'appendix-sums/total-mismatch', 'draft-unread/row-unread']);
    expect(findings.find((finding) => finding.messageId === 'subtotal-mismatch')?.message).toContain('二、老有所养');
  });

  it('the same draft with the whole appendix unread runs none of them', async () => {
    expect(ids(await auditFindings(planCopy(MINI, [unreadAppendix, misreadRow, wrongSubtotal, ...moneyOutside]), rowRules))).toEqual(['draft-unread/part-unread']);
  });

  it('without the entry, the misread row is judged like any other', async () => {
    expect(ids(await auditFindings(planCopy(MINI, [misreadRow, wrongSubtotal, ...moneyOutside]), rowRules))).toEqual([
      'appendix-sums/subtotal-mismatch',
      'appendix-sums/subtotal-mismatch',
      'appendix-sums/total-mismatch',
      'money-outside-total/missing-from-total',
      'outside-plan-period/starts-before',
      'year-order/start-after-end',
    ]);
  });

  it('a row misread only in the cells it names (cells: [name, departments]) still has its amount and years checked', async () => {
    const namesOnly = P('plan.yaml', 'accepted: []', 'draft:\n  unread:\n    - { part: appendix, where: line 81, what: "appendix 序号1: cells run together", row: { serial: 1, cells: [name, departments] } }\naccepted: []');
    expect(ids(await auditFindings(planCopy(MINI, [namesOnly, misreadRow, wrongSubtotal, ...moneyOutside]), rowRules))).toEqual([
      'appendix-sums/subtotal-mismatch',
      'appendix-sums/subtotal-mismatch',
      'appendix-sums/total-mismatch',
      'draft-unread/row-unread',
      'outside-plan-period/starts-before',
      'year-order/start-after-end',
    ]);
  });

  it('a section with no subtotal of its own that holds the row leaves the total unchecked', async () => {
    const noSubtotal = P('projects.yaml', '    subtotal: 2000\n', '');
    expect(ids(await auditFindings(planCopy(MINI, [unreadRow, misreadRow, wrongSubtotal, noSubtotal]), rowRules))).toEqual(['appendix-sums/subtotal-mismatch', 'draft-unread/row-unread']);
  });
});
