import { describe, expect, it } from 'vitest';
import { keyedApart } from '../../src/rules/keyed-apart.js';
import { auditFindings, MINI, P, planCopy } from '../helpers.js';
import { testRule } from '../rule-tester.js';

const RENTAL = '“十四五”期间计划新建保障性租赁住房100套，建筑面积约5000㎡。';
const PROSE_UNITS = '{ fact: housing.rental-new.units, value: 100, unit: 套, quote: 计划新建保障性租赁住房100套 }';

/** Two sentences added to the prose after the rental housing, linked by a key they share, each with one figure more. */
const twoSentences = (first: string, second: string, facts: string) => [
  P('source.txt', RENTAL, `${RENTAL}${first}${second}`),
  P('statements.yaml', PROSE_UNITS, `${PROSE_UNITS}\n${facts.trim().split('\n').map((line) => `      ${line.trim()}`).join('\n')}`),
];

const PROSE_AREA = '{ fact: housing.rental-new.floor-area, value: 5000, unit: ㎡, approx: true, quote: 建筑面积约5000㎡ }';

testRule(keyedApart, {
  valid: [
    {
      name: 'the same floor area under another key, as 0.5万㎡ (one quantity: keyed-twice)',
      patches: [P('statements.yaml', PROSE_AREA, '{ fact: housing.rental.floor-area, value: 0.5, unit: 万㎡, approx: true, quote: 建筑面积约0.5万㎡ }'), P('source.txt', '建筑面积约5000㎡', '建筑面积约0.5万㎡')],
    },
    {
      name: 'one hospital’s beds and the township hospitals’ beds reached in all (a part and its whole)',
      patches: twoSentences('新建乡镇卫生院2所，其中甲镇卫生院设置床位60张。', '到2025年，全县新建乡镇卫生院共2所，乡镇卫生院床位达到500张。', `
        - { fact: health.township-hospitals.new, value: 2, unit: 所, quote: 新建乡镇卫生院2所 }
        - { fact: health.jia-hospital.beds, value: 60, unit: 张, quote: 其中甲镇卫生院设置床位60张 }
        - { fact: health.township-hospitals.new, value: 2, unit: 所, quote: 全县新建乡镇卫生院共2所 }
        - { fact: health.township-hospitals.beds, value: 500, unit: 张, quote: 乡镇卫生院床位达到500张 }`),
    },
    {
      name: 'physicians counted and physicians per 1,000 people (an amount and a rate)',
      patches: twoSentences('全县卫生技术人员3000人，执业（助理）医师1200人。', '卫生技术人员总数3000人，每千人口执业（助理）医师2.8人。', `
        - { fact: health.technicians, value: 3000, unit: 人, quote: 全县卫生技术人员3000人 }
        - { fact: health.physicians, value: 1200, unit: 人, quote: 执业（助理）医师1200人 }
        - { fact: health.technicians, value: 3000, unit: 人, quote: 卫生技术人员总数3000人 }
        - { fact: health.physicians-per-1000, value: 2.8, unit: 人, quote: 每千人口执业（助理）医师2.8人 }`),
    },
    {
      name: 'stations standing and stations to be built (existing and new)',
      patches: twoSentences('全县社区12个，现有社区服务站7个。', '全县社区共12个，新建社区服务站3个。', `
        - { fact: community.count, value: 12, unit: 个, quote: 全县社区12个 }
        - { fact: community.stations.existing, value: 7, unit: 个, quote: 现有社区服务站7个 }
        - { fact: community.count, value: 12, unit: 个, quote: 全县社区共12个 }
        - { fact: community.stations.new, value: 3, unit: 个, quote: 新建社区服务站3个 }`),
    },
    {
      name: 'stations built in all and stations built in each township (an amount and one per unit)',
      patches: twoSentences('全县乡镇12个，新建综合文化站14个。', '全县乡镇共12个，每个乡镇新建综合文化站1个。', `
        - { fact: towns.count, value: 12, unit: 个, quote: 全县乡镇12个 }
        - { fact: culture.stations.new, value: 14, unit: 个, quote: 新建综合文化站14个 }
        - { fact: towns.count, value: 12, unit: 个, quote: 全县乡镇共12个 }
        - { fact: culture.stations.new-per-town, value: 1, unit: 个, quote: 每个乡镇新建综合文化站1个 }`),
    },
    {
      name: 'beds on average and beds in all (an average and an amount)',
      patches: twoSentences('全县养老机构8所，床位600张。', '养老机构共8所，平均床位75张。', `
        - { fact: elderly.homes, value: 8, unit: 所, quote: 全县养老机构8所 }
        - { fact: elderly.homes.beds, value: 600, unit: 张, quote: 床位600张 }
        - { fact: elderly.homes, value: 8, unit: 所, quote: 养老机构共8所 }
        - { fact: elderly.homes.beds-average, value: 75, unit: 张, quote: 平均床位75张 }`),
    },
    {
      name: 'a box item’s 20 nursing beds and a project’s 40 ordinary beds, each the second 张 figure a draft keyed in its place (beds-2 is no measure)',
      patches: [
        P('boxes.yaml', '{ fact: elderly.community-centre.nursing-beds, value: 20, unit: 张 }', '{ fact: box-3.item-2.beds-2, value: 20, unit: 张 }'),
        P('projects.yaml', '{ fact: elderly.community-centre.ordinary-beds, value: 40, unit: 张 }', '{ fact: appendix.project-2.beds-2, value: 40, unit: 张 }'),
      ],
    },
  ],
  invalid: [
    {
      name: 'stations to be built, restated under another key with another value (both new)',
      patches: twoSentences('全县社区12个，新建社区服务站4个。', '全县社区共12个，新建社区服务站3个。', `
        - { fact: community.count, value: 12, unit: 个, quote: 全县社区12个 }
        - { fact: community.stations.planned, value: 4, unit: 个, quote: 新建社区服务站4个 }
        - { fact: community.count, value: 12, unit: 个, quote: 全县社区共12个 }
        - { fact: community.stations.new, value: 3, unit: 个, quote: 新建社区服务站3个 }`),
      errors: [{ messageId: 'two-keys-differ', file: 'statements.yaml', at: 'community.stations.new', data: { fact: 'community.stations.new', otherFact: 'community.stations.planned' } }],
    },
    {
      name: 'a mis-keyed contradiction: the prose floor area under its own key, and a different value',
      patches: [P('statements.yaml', PROSE_AREA, '{ fact: housing.rental.floor-area, value: 6000, unit: ㎡, approx: true, quote: 建筑面积约6000㎡ }'), P('source.txt', '建筑面积约5000㎡', '建筑面积约6000㎡')],
      errors: [{ messageId: 'two-keys-differ', file: 'statements.yaml', at: 'value: 6000', data: { use: 'housing.rental-new.floor-area', fact: 'housing.rental.floor-area' } }],
    },
  ],
});

describe('a draft that left its appendix unread', () => {
  // Two box items each keyed to one misread row's count (a draft keys a box figure to the project it restates): not one thing through it.
  const twoItems = [
    P('boxes.yaml', '{ fact: housing.rental-new.units, value: 100, unit: 套 }', '{ fact: appendix.project-1.count-1, value: 100, unit: 套 }'),
    P('boxes.yaml', '{ fact: housing.rental-new.floor-area, value: 5000, unit: ㎡ }', '{ fact: box-3.item-1.area-1, value: 5000, unit: ㎡ }'),
    P('boxes.yaml', '          - { fact: elderly.community-centre.beds, value: 60, unit: 张 }\n', '          - { fact: elderly.community-centre.beds, value: 60, unit: 张 }\n          - { fact: appendix.project-1.count-1, value: 40, unit: 套 }\n          - { fact: box-3.item-2.area-1, value: 800, unit: ㎡ }\n'),
  ];
  const unread = P('plan.yaml', 'accepted: []', 'draft:\n  unread:\n    - { part: appendix, where: line 80, what: the appendix has no 合计 row }\naccepted: []');
  it('does not link two box items through a key of its rows: their figures are not reported as one thing', async () => {
    const linked = await auditFindings(planCopy(MINI, twoItems), ['keyed-apart']);
    expect(linked.map((finding) => finding.data?.['fact'] ?? finding.messageId)).toContain('box-3.item-2.area-1');
    expect(await auditFindings(planCopy(MINI, [...twoItems, unread]), ['keyed-apart'])).toEqual([]);
  });
});
