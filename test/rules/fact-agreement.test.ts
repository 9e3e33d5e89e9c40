import { factAgreement } from '../../src/rules/fact-agreement.js';
import { describe, expect, it } from 'vitest';
import { auditFindings, MINI, P, planCopy } from '../helpers.js';
import { testRule } from '../rule-tester.js';

/** A draft's figures keyed to an appendix project (appendix.…), the box stating another value. */
const APPENDIX_KEYED = [
  P('boxes.yaml', '          - { fact: housing.rental-new.floor-area, value: 5000, unit: ㎡ }', '          - { fact: housing.rental-new.floor-area, value: 5000, unit: ㎡ }\n          - { fact: appendix.project-1.area-1, value: 6000, unit: ㎡ }'),
  P('projects.yaml', '          - { fact: housing.rental-new.floor-area, value: 5000, unit: ㎡ }', '          - { fact: housing.rental-new.floor-area, value: 5000, unit: ㎡ }\n          - { fact: appendix.project-1.area-1, value: 5000, unit: ㎡ }'),
];

testRule(factAgreement, {
  valid: [],
  invalid: [
    {
      name: 'money printed in 亿元 and in 元, compared in the plan’s unit (万元)',
      patches: [
        P('boxes.yaml', '          - { fact: housing.rental-new.floor-area, value: 5000, unit: ㎡ }', '          - { fact: housing.rental-new.floor-area, value: 5000, unit: ㎡ }\n          - { fact: housing.rental-new.investment, value: 0.2, unit: 亿元 }'),
        P('projects.yaml', '          - { fact: housing.rental-new.floor-area, value: 5000, unit: ㎡ }', '          - { fact: housing.rental-new.floor-area, value: 5000, unit: ㎡ }\n          - { fact: housing.rental-new.investment, value: 30000000, unit: 元 }'),
      ],
      errors: [{ messageId: 'disagree', file: 'projects.yaml', at: 'value: 30000000', data: { base: '万元' } }],
    },
    {
      name: 'one statement against a consensus of 13: one finding, naming 10 of its places and how many more',
      patches: [P('statements.yaml', '- { fact: housing.rental-new.units, value: 100, unit: 套, quote: 计划新建保障性租赁住房100套 }', [...Array.from({ length: 11 }, () => '- { fact: housing.rental-new.units, value: 100, unit: 套, quote: 计划新建保障性租赁住房100套 }'), '- { fact: housing.rental-new.units, value: 200, unit: 套, quote: 计划新建保障性租赁住房200套 }'].join('\n      '))],
      errors: [{ messageId: 'disagree', file: 'statements.yaml', at: 'value: 200' }],
    },
    {
      name: 'the same floor area stated differently in the box',
      patches: [P('boxes.yaml', 'floor-area, value: 5000', 'floor-area, value: 6000')],
      errors: [{ messageId: 'disagree', file: 'boxes.yaml', at: 'floor-area, value: 6000' }],
    },
    {
      name: 'a restatement beyond the precision of 约',
      patches: [P('statements.yaml', 'value: 5000, unit: ㎡, approx: true, quote: 建筑面积约5000㎡', 'value: 6000, unit: ㎡, approx: true, quote: 建筑面积约5000㎡')],
      errors: [{ messageId: 'disagree', file: 'statements.yaml', at: 'value: 6000' }],
    },
    {
      name: 'the same fact in units that measure different things',
      patches: [P('boxes.yaml', 'units, value: 100, unit: 套', 'units, value: 100, unit: 户')],
      errors: [{ messageId: 'unit-mismatch', file: 'boxes.yaml', at: 'unit: 户' }],
    },
  ],
});

describe('a draft that left the appendix unread', () => {
  const unread = P('plan.yaml', 'accepted: []', 'draft:\n  unread:\n    - { part: appendix, where: line 80, what: the appendix heading is not followed by a table }\naccepted: []');
  const disagreements = async (patches: typeof APPENDIX_KEYED): Promise<string[]> =>
    (await auditFindings(planCopy(MINI, patches), ['fact-agreement'])).filter((f) => f.ruleId === 'fact-agreement').map((f) => `${f.messageId} ${f.message}`);

  it('compares no figure keyed to the appendix (appendix.…): the key came from a project of a table misread', async () => {
    expect(await disagreements(APPENDIX_KEYED)).toEqual([expect.stringMatching(/^disagree .*5000㎡ at 附表 序号1 disagrees with 6000㎡ at 专栏3 第1项$/u)]);
    expect(await disagreements([...APPENDIX_KEYED, unread])).toEqual([]);
  });

  it('compares a figure keyed to a row read, when the draft misread a row that is neither it nor beside it; not one keyed to the misread row or its neighbour', async () => {
    /** An entry for one misread row: rows run together share their pieces, so its neighbours are in doubt too. */
    const rowUnread = (serial: number) => P('plan.yaml', 'accepted: []', `draft:\n  unread:\n    - { part: appendix, where: line 80, what: "appendix 序号${serial}: cells of neighbouring rows or columns run together", row: { serial: ${serial} } }\naccepted: []`);
    const third = P(
      'projects.yaml',
      '          - { fact: elderly.community-centre.townships, items: [大昌, 福田] }',
      '          - { fact: elderly.community-centre.townships, items: [大昌, 福田] }\n      - serial: 3\n        name: 测试县老年活动中心\n        departments: [县民政局]\n        nature: 新建\n        location: 城区\n        content: 新建老年活动中心。\n        start: 2023\n        end: 2025\n        investment: 100',
    );
    expect(await disagreements([...APPENDIX_KEYED, third, rowUnread(3)])).toEqual([expect.stringMatching(/^disagree .*5000㎡ at 附表 序号1 disagrees with 6000㎡ at 专栏3 第1项$/u)]);
    expect(await disagreements([...APPENDIX_KEYED, third, rowUnread(2)])).toEqual([]);
    expect(await disagreements([...APPENDIX_KEYED, third, rowUnread(1)])).toEqual([]);
  });

  it('keyed-apart pairs no figure keyed to the appendix either', async () => {
    const pairs = async (patches: typeof APPENDIX_KEYED): Promise<string[]> => (await auditFindings(planCopy(MINI, patches), ['keyed-apart'])).filter((f) => f.ruleId === 'keyed-apart').map((f) => f.messageId);
    // The box's floor area keyed to the appendix project, the project's under the plan's own key.
    const apart = [P('boxes.yaml', '{ fact: housing.rental-new.floor-area, value: 5000, unit: ㎡ }', '{ fact: appendix.project-1.area-1, value: 6000, unit: ㎡ }')];
    expect(await pairs(apart)).toEqual(['two-keys-differ']);
    expect(await pairs([...apart, unread])).toEqual([]);
  });
});

describe('a disagreement with a large consensus', () => {
  it('names the outlier and 10 places of the consensus, and says how many more', async () => {
    const line = '- { fact: housing.rental-new.units, value: 100, unit: 套, quote: 计划新建保障性租赁住房100套 }';
    const many = [...Array.from({ length: 11 }, () => line), '- { fact: housing.rental-new.units, value: 200, unit: 套, quote: 200套 }'].join('\n      ');
    const [finding] = (await auditFindings(planCopy(MINI, [P('statements.yaml', line, many)]), ['fact-agreement'])).filter((f) => f.ruleId === 'fact-agreement');
    expect(finding!.locations).toHaveLength(11);
    expect(finding!.message, finding!.message).toMatch(/and 3 more/);
  });
});
