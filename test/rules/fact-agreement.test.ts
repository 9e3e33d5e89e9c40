import { factAgreement } from '../../src/rules/fact-agreement.js';
import { describe, expect, it } from 'vitest';
import { auditFindings, MINI, P, planCopy } from '../helpers.js';
import { testRule } from '../rule-tester.js';

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

describe('a disagreement with a large consensus', () => {
  it('names the outlier and 10 places of the consensus, and says how many more', async () => {
    const line = '- { fact: housing.rental-new.units, value: 100, unit: 套, quote: 计划新建保障性租赁住房100套 }';
    const many = [...Array.from({ length: 11 }, () => line), '- { fact: housing.rental-new.units, value: 200, unit: 套, quote: 200套 }'].join('\n      ');
    const [finding] = (await auditFindings(planCopy(MINI, [P('statements.yaml', line, many)]), ['fact-agreement'])).filter((f) => f.ruleId === 'fact-agreement');
    expect(finding!.locations).toHaveLength(11);
    expect(finding!.message, finding!.message).toMatch(/and 3 more/);
  });
});
