import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFindings, cli, MINI, P, type Patch, planCopy, validateFindings } from './helpers.js';

const BOX_AREA = '{ fact: housing.rental-new.floor-area, value: 5000, unit: ㎡ }';
const PROJECT_AREA = '{ fact: housing.rental-new.floor-area, value: 5000, unit: ㎡ }\n          - { fact: housing.rental-new.floor-area.storey-1';
const PROSE_AREA = '{ fact: housing.rental-new.floor-area, value: 5000, unit: ㎡, approx: true, quote: 建筑面积约5000㎡ }';
const BOX_UNITS = '          - { fact: housing.rental-new.units, value: 100, unit: 套 }\n';
const PROJECT_UNITS = '          - { fact: housing.rental-new.units, value: 100, unit: 套 }\n          - { fact: housing.rental-new.floor-area, value: 5000';

/** A figure added to box item 1 and to its appendix project 1: linked places. */
function linkedPair(boxFigure: string, projectFigure: string): Patch[] {
  return [
    P('boxes.yaml', BOX_UNITS, `${BOX_UNITS}          - ${boxFigure}\n`),
    P('projects.yaml', PROJECT_UNITS, PROJECT_UNITS.replace('          - { fact: housing.rental-new.floor-area', `          - ${projectFigure}\n          - { fact: housing.rental-new.floor-area`)),
  ];
}

interface TrapCase {
  readonly name: string;
  readonly patches: readonly Patch[];
  /** Rule ids expected among the findings of the rules run; every other of them must stay silent. */
  readonly expected: readonly string[];
}

const RULES = ['fact-agreement', 'keyed-apart', 'box-money', 'period-mixed', 'period-unmatched'];

/** The unit and precision traps: equal quantities printed differently are never a contradiction. */
const TRAPS: readonly TrapCase[] = [
  {
    name: '1.2万㎡ against 12000㎡, one key',
    patches: [P('boxes.yaml', BOX_AREA, '{ fact: housing.rental-new.floor-area, value: 1.2, unit: 万㎡ }'), P('projects.yaml', PROJECT_AREA, PROJECT_AREA.replace('5000', '12000')), P('statements.yaml', PROSE_AREA, PROSE_AREA.replace('5000, unit', '12000, unit'))],
    expected: [],
  },
  {
    name: '1.2万㎡ against 12000㎡, two keys',
    patches: [P('boxes.yaml', BOX_AREA, '{ fact: housing.rental.floor-area, value: 1.2, unit: 万㎡ }'), P('projects.yaml', PROJECT_AREA, PROJECT_AREA.replace('5000', '12000')), P('statements.yaml', PROSE_AREA, PROSE_AREA.replace('5000, unit', '12000, unit'))],
    expected: [],
  },
  {
    name: '1.3万㎡ against 12000㎡, two keys: a mis-keyed contradiction',
    patches: [P('boxes.yaml', BOX_AREA, '{ fact: housing.rental.floor-area, value: 1.3, unit: 万㎡ }'), P('projects.yaml', PROJECT_AREA, PROJECT_AREA.replace('5000', '12000')), P('statements.yaml', PROSE_AREA, PROSE_AREA.replace('5000, unit', '12000, unit'))],
    expected: ['keyed-apart'],
  },
  {
    name: '1.5亿元 in the box against 15000万元 in the linked project',
    patches: [P('boxes.yaml', BOX_UNITS, `${BOX_UNITS}          - { fact: housing.rental-new.investment, value: 1.5, unit: 亿元 }\n`), P('projects.yaml', 'investment: 2000', 'investment: 15000')],
    expected: [],
  },
  {
    name: '1.5亿元 in the box against 16000万元 in the linked project',
    patches: [P('boxes.yaml', BOX_UNITS, `${BOX_UNITS}          - { fact: housing.rental-new.investment, value: 1.5, unit: 亿元 }\n`), P('projects.yaml', 'investment: 2000', 'investment: 16000')],
    expected: ['box-money'],
  },
  {
    name: '约3.2万户 against 31668户, one key',
    patches: linkedPair('{ fact: housing.rental-new.households, value: 3.2, unit: 万户, approx: true }', '{ fact: housing.rental-new.households, value: 31668, unit: 户 }'),
    expected: [],
  },
  {
    name: '约3.2万户 against 31668户, two keys',
    patches: linkedPair('{ fact: housing.old-estates.households, value: 3.2, unit: 万户, approx: true }', '{ fact: housing.rental-new.households, value: 31668, unit: 户 }'),
    expected: [],
  },
  {
    name: '3.2万户 against 41668户, two keys: a mis-keyed contradiction',
    patches: linkedPair('{ fact: housing.old-estates.households, value: 3.2, unit: 万户 }', '{ fact: housing.rental-new.households, value: 41668, unit: 户 }'),
    expected: ['keyed-apart'],
  },
  {
    name: '92%以上 against 92, one key',
    patches: linkedPair('{ fact: housing.rental-new.occupancy, value: 92, unit: "%", bound: 以上 }', '{ fact: housing.rental-new.occupancy, value: 92, unit: "%" }'),
    expected: [],
  },
  {
    name: '92%以上 against 92, two keys',
    patches: linkedPair('{ fact: housing.rental.occupancy, value: 92, unit: "%", bound: 以上 }', '{ fact: housing.rental-new.occupancy, value: 92, unit: "%" }'),
    expected: [],
  },
  {
    name: 'a five-year total given the period "2020": mis-periodised',
    patches: [P('statements.yaml', 'period: "2016-2020"', 'period: "2020"')],
    expected: ['period-unmatched'],
  },
  {
    name: 'a baseline and a target of one key in the prose ("2020" and "2025"): rightly apart',
    patches: [
      P('statements.yaml', '  - chapter: 二\n', '  - chapter: 一\n    section: 二\n    facts:\n      - { fact: elderly.beds, value: 400, unit: 张, period: "2020", quote: 养老床位总数达到500张 }\n      - { fact: elderly.beds, value: 500, unit: 张, period: "2025", quote: 养老床位总数达到500张 }\n  - chapter: 二\n'),
    ],
    expected: [],
  },
  {
    name: 'a prose restatement without a period beside the table’s',
    patches: [P('statements.yaml', 'cumulative: true, period: "2016-2020", quote: 五年累计', 'cumulative: true, quote: 五年累计')],
    expected: ['period-mixed'],
  },
];

describe.each(TRAPS)('keying and money: $name', ({ patches, expected }) => {
  it('reports exactly the expected rules', async () => {
    const findings = await auditFindings(planCopy(MINI, patches), RULES);
    expect([...new Set(findings.map((f) => f.ruleId))].sort()).toEqual([...expected].sort());
  });
});

interface FormatCase {
  readonly name: string;
  readonly patches: readonly Patch[];
  readonly remove?: readonly string[];
}

/** Layouts and columns other plans print: each validates and audits clean. */
const LAYOUTS: readonly FormatCase[] = [
  {
    name: 'no service list, key works in box 2',
    remove: ['services.yaml'],
    patches: [
      P('boxes.yaml', 'number: 3', 'number: 2'), P('outline.yaml', 'boxes: [1, 2]', 'boxes: [1]'), P('outline.yaml', 'boxes: [3]', 'boxes: [2]'),
      // The text printed so too: the quotes are looked up in the box their place names.
      P('source.txt', '专栏2  基本公共服务项目清单', '基本公共服务项目清单'), P('source.txt', '专栏3 住有所居', '专栏2 住有所居'),
    ],
  },
  {
    name: 'no indicator table: the service list is box 1',
    remove: ['indicators.yaml'],
    patches: [
      P('services.yaml', 'box: 2', 'box: 1'), P('boxes.yaml', 'number: 3', 'number: 2'), P('outline.yaml', 'boxes: [1, 2]', 'boxes: [1]'), P('outline.yaml', 'boxes: [3]', 'boxes: [2]'),
      P('source.txt', '专栏1  主要指标', '主要指标'), P('source.txt', '专栏2  基本公共服务项目清单', '专栏1  基本公共服务项目清单'), P('source.txt', '专栏3 住有所居', '专栏2 住有所居'),
    ],
  },
  {
    name: 'key works in box 2, the service list in box 3',
    patches: [
      P('services.yaml', 'box: 2', 'box: 3'), P('boxes.yaml', 'number: 3', 'number: 2'), P('outline.yaml', 'boxes: [1, 2]', 'boxes: [1, 3]'), P('outline.yaml', 'boxes: [3]', 'boxes: [2]'),
      P('source.txt', '专栏3 住有所居', '专栏2 住有所居'), P('source.txt', '专栏2  基本公共服务项目清单', '专栏3  基本公共服务项目清单'),
    ],
  },
  {
    name: 'an appendix without 责任部门, 建设地址 or 建设性质 columns',
    patches: [
      P('projects.yaml', '        departments: [县住房城乡建委]\n        nature: 新建\n        location: 城区\n', ''),
      P('projects.yaml', '        departments: [县民政局]\n        nature: 新建\n        location: 城区\n', ''),
    ],
  },
  {
    name: '建设性质 printed as 迁建 and 改造',
    patches: [P('projects.yaml', 'nature: 新建', 'nature: 迁建'), P('projects.yaml', 'nature: 新建', 'nature: [改造, 新建]')],
  },
  {
    name: 'a single 其中 part within its whole',
    patches: [P('boxes.yaml', 'parts: [elderly.community-centre.nursing-beds, elderly.community-centre.ordinary-beds]', 'parts: [elderly.community-centre.nursing-beds]')],
  },
  {
    name: 'open 其中 parts within the whole',
    patches: [P('boxes.yaml', 'parts: [elderly.community-centre.nursing-beds, elderly.community-centre.ordinary-beds]', 'parts: [elderly.community-centre.nursing-beds]\n            open: true')],
  },
  {
    name: 'a content wrapped onto a second printed line',
    patches: [P('source.txt', '建筑面积5000㎡，其中一层2000㎡，二层3000㎡。', '建筑面积5000㎡，其中一层\n\t2000㎡，二层3000㎡。')],
  },
  {
    name: 'a held target (保持) that does not rise where higher is better',
    patches: [P('indicators.yaml', 'target: { value: 1.3, cumulative: true }', 'target: { value: 1.2, cumulative: true, hold: true }')],
  },
  {
    name: 'a held level over the plan period that agrees with the target year',
    patches: [
      P('statements.yaml', '  - chapter: 二\n', '  - chapter: 一\n    section: 二\n    facts:\n      - { fact: employment.surveyed-unemployment-rate, value: 4, unit: "%", bound: ＜, hold: true, period: "2021-2025", quote: 城镇调查失业率稳定在4%以内 }\n  - chapter: 二\n'),
      P('source.txt', '到2025年，养老床位', '城镇调查失业率稳定在4%以内。到2025年，养老床位'),
    ],
  },
];

describe.each(LAYOUTS)('the data format: $name', ({ patches, remove = [] }) => {
  it('validates and audits with no finding', async () => {
    const dir = planCopy(MINI, patches);
    for (const file of remove) rmSync(join(dir, file));
    expect(await validateFindings(dir)).toEqual([]);
    expect(await auditFindings(dir)).toEqual([]);
  });
});

describe('the meaning of 保持 in fact-agreement', () => {
  it('compares a held level over the plan period with the target year', async () => {
    const dir = planCopy(MINI, [
      P('statements.yaml', '  - chapter: 二\n', '  - chapter: 一\n    section: 二\n    facts:\n      - { fact: employment.surveyed-unemployment-rate, value: 5, unit: "%", hold: true, period: "2021-2025", quote: 城镇调查失业率稳定在5% }\n  - chapter: 二\n'),
    ]);
    const findings = await auditFindings(dir, ['fact-agreement']);
    expect(findings.map((f) => [f.ruleId, f.messageId, f.data['fact']])).toEqual([['fact-agreement', 'disagree', 'employment.surveyed-unemployment-rate']]);
  });
});

describe('findings and export', () => {
  it('a finding quotes each text once', async () => {
    const dir = planCopy(MINI, [P('projects.yaml', 'storey-1, value: 2000', 'storey-1, value: 2100')]);
    const [finding] = await auditFindings(dir, ['declared-sums']);
    const quotes = finding!.locations.flatMap((l) => (l.quote === undefined ? [] : [l.quote]));
    expect(quotes.length).toBeGreaterThan(0);
    expect(new Set(quotes).size).toBe(quotes.length);
  });

  it('shows a 万元 against 万元 disagreement in 万元', async () => {
    const dir = planCopy(MINI, [
      P('boxes.yaml', BOX_UNITS, `${BOX_UNITS}          - { fact: housing.rental-new.budget, value: 2000, unit: 万元 }\n`),
      P('projects.yaml', PROJECT_UNITS, PROJECT_UNITS.replace('          - { fact: housing.rental-new.floor-area', '          - { fact: housing.rental-new.budget, value: 2100, unit: 万元 }\n          - { fact: housing.rental-new.floor-area')),
    ]);
    const [finding] = await auditFindings(dir, ['fact-agreement']);
    expect(finding!.data['base']).toBe('万元');
    expect([finding!.data['interval'], finding!.data['otherInterval']].sort()).toEqual(['[1999.5, 2000.5)', '[2099.5, 2100.5)']);
  });

  it('export keeps the printed text of every figure and amount beside its value', async () => {
    const dir = planCopy(MINI, [P('indicators.yaml', 'baseline: { value: 4 }', 'baseline: { value: 4.0 }')]);
    const exported = JSON.parse((await cli(['export', dir])).stdout);
    const row = exported.indicators.categories[0].indicators[1];
    expect(row.baseline).toEqual({ value: 4, valueText: '4.0' });
    expect(exported.projects.sections[0].projects[0].investmentText).toBe('2000');
    expect(exported.projects.totalText).toBe('3000');
  });

  it('an acceptance naming an unknown rule is an error naming the known ids', async () => {
    const dir = planCopy(MINI, [P('plan.yaml', 'accepted: []', 'accepted:\n  - { rule: period, file: projects.yaml, pointer: /sections/0, reason: 原文如此，保留。 }')]);
    const findings = await auditFindings(dir);
    expect(findings.map((f) => [f.ruleId, f.severity, f.data['rule']])).toEqual([['unknown-rule', 'error', 'period']]);
    expect(String(findings[0]!.data['known']).split(', ')).toEqual(expect.arrayContaining(['outside-plan-period', 'year-order']));
  });
});
