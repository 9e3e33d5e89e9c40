import { describe, expect, it } from 'vitest';
import { nameVariants } from '../../src/rules/name-variants.js';
import { auditFindings, P, planCopy, SECOND } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(nameVariants, {
  valid: [
    { name: 'a township and a village of one name (青石镇, 青石村)', fixture: SECOND },
    { name: 'two townships that differ by a character that is no known variant', fixture: SECOND, patches: [P('projects.yaml', 'location: 石坪乡', 'location: 石桥乡'), P('source.txt', '	石坪乡', '	石桥乡')] },
    { name: 'a village and a township of one stem in the published list', fixture: SECOND, patches: [P('source.txt', '以青石镇、石坪乡、大河镇及青石村等为重点', '以青石镇、石坪乡、大河村及青石村等为重点'), P('projects.yaml', 'location: 石坪乡', 'location: 大河镇'), P('source.txt', '	石坪乡', '	大河镇')] },
  ],
  invalid: [
    {
      name: 'a township spelt with a known variant character',
      fixture: SECOND, patches: [P('projects.yaml', 'location: 石坪乡', 'location: 石平乡'), P('source.txt', '	石坪乡', '	石平乡')],
      errors: [
        { messageId: 'variant', file: 'projects.yaml', at: 'location: 石平乡', data: { rare: '石平乡', other: '石坪乡', rareCount: 1, otherCount: 1 } },
      ],
    },
    {
      name: 'one township with two suffixes of its level',
      fixture: SECOND, patches: [P('projects.yaml', 'location: 石坪乡', 'location: 大河乡'), P('source.txt', '	石坪乡', '	大河乡')],
      errors: [
        { messageId: 'suffix', file: 'projects.yaml', at: 'location: 大河乡', data: { rare: '大河乡', other: '大河镇' } },
      ],
    },
  ],
});

describe('a draft that left its appendix unread', () => {
  const unread = P('plan.yaml', 'accepted: []', 'draft:\n  unread:\n    - { part: appendix, where: line 80, what: appendix 序号1 investment "" }\naccepted: []');
  const misread = P('projects.yaml', 'location: 石坪乡', 'location: 大河乡');
  it('takes no name from its rows (a misread 改扩镇 beside 改扩乡): no variant is reported from them', async () => {
    expect((await auditFindings(planCopy(SECOND, [misread]), ['name-variants'])).map((finding) => finding.messageId)).toEqual(['suffix']);
    expect(await auditFindings(planCopy(SECOND, [misread, unread]), ['name-variants'])).toEqual([]);
  });
});
