import type { Patch } from './helpers.js';

/** One expected finding: its message id, the line (found by a needle in the patched file) and some of its data. */
export interface SecondOrderExpected {
  readonly messageId: string;
  readonly file: string;
  /** Text on the expected line of `file` after patching. */
  readonly at: string;
  /** Data the finding must carry, whatever the language. */
  readonly data?: Readonly<Record<string, string | number>>;
}

export interface SecondOrderCase {
  readonly name: string;
  readonly rule: string;
  readonly patches: readonly Patch[];
  /** Empty for a case the rule must stay silent on. */
  readonly expected: readonly SecondOrderExpected[];
}

export const SECOND = new URL('./fixtures/second/', import.meta.url).pathname;

const P = (file: string, from: string, to: string): Patch => ({ file, from, to });
const SOURCE_LIST = '以青石镇、石坪乡、大河镇及青石村等为重点';

/**
 * RuleTester-style tables for the second-order rules, on a fixture plan of their own
 * (test/fixtures/second): cases that must report, and cases that must stay silent.
 */
export const SECOND_ORDER_CASES: readonly SecondOrderCase[] = [
  // relation-arithmetic
  { name: 'a product within its bound (10 × ≥500㎡ = 5200㎡)', rule: 'relation-arithmetic', patches: [], expected: [] },
  {
    name: 'a product total below count × the bound of each',
    rule: 'relation-arithmetic',
    patches: [P('projects.yaml', 'sports.pitches-area, value: 5200', 'sports.pitches-area, value: 4800')],
    expected: [{ messageId: 'mismatch', file: 'projects.yaml', at: 'value: 4800', data: { fact: 'sports.pitches-area', interval: '≥ 5000', unit: '㎡' } }],
  },
  {
    name: 'a product whose each is exact and too small',
    rule: 'relation-arithmetic',
    patches: [P('projects.yaml', 'value: 500, unit: ㎡, bound: 不少于', 'value: 400, unit: ㎡')],
    expected: [{ messageId: 'mismatch', file: 'projects.yaml', at: 'value: 5200', data: { interval: '[3995, 4005)' } }],
  },
  {
    name: 'a per-capita area within rounding (2㎡ × 20万人 = 400000㎡)',
    rule: 'relation-arithmetic',
    patches: [P('statements.yaml', 'sports.total-area, value: 400000', 'sports.total-area, value: 480000')],
    expected: [],
  },
  {
    name: 'a per-capita area beyond rounding',
    rule: 'relation-arithmetic',
    patches: [P('statements.yaml', 'sports.total-area, value: 400000', 'sports.total-area, value: 520000')],
    expected: [{ messageId: 'mismatch', file: 'statements.yaml', at: 'value: 520000', data: { fact: 'sports.total-area（2020）' } }],
  },
  {
    name: 'a relation whose part is misspelt, leaving two facts unstated',
    rule: 'relation-arithmetic',
    patches: [P('relations.yaml', 'part: pension.insured,', 'part: pension.insureds,')],
    expected: [{ messageId: 'unstated', file: 'relations.yaml', at: 'pension.insureds', data: { count: 2, facts: 'pension.insureds（2020）、population.pension-eligible（2020）' } }],
  },
  // implied-quantities
  { name: 'ratios per 1,000 and per 10,000 that imply one population within rounding', rule: 'implied-quantities', patches: [], expected: [] },
  {
    name: 'two ratios that imply two populations',
    rule: 'implied-quantities',
    patches: [P('statements.yaml', 'library.total-area, value: 20000, unit: ㎡, period: "2020", quote: 公共图书馆总面积20000㎡', 'library.total-area, value: 14000, unit: ㎡, period: "2020", quote: 公共图书馆总面积20000㎡')],
    expected: [{ messageId: 'disagree', file: 'statements.yaml', at: 'childcare.places, value: 300', data: { fact: 'population.implied（2020）', count: 2 } }],
  },
  // reachability
  { name: 'a target the projects reach', rule: 'reachability', patches: [], expected: [] },
  {
    name: 'a target beyond baseline and additions',
    rule: 'reachability',
    patches: [P('indicators.yaml', 'target: { value: 3 }', 'target: { value: 5 }')],
    expected: [{ messageId: 'unreachable', file: 'indicators.yaml', at: 'target: { value: 5 }', data: { fact: 'childcare.places-per-1000', target: '5个' } }],
  },
  {
    name: 'additions far beyond the target',
    rule: 'reachability',
    patches: [P('projects.yaml', 'childcare.new-places, value: 300', 'childcare.new-places, value: 1300')],
    expected: [{ messageId: 'overshoot', file: 'indicators.yaml', at: 'target: { value: 3 }', data: { far: '2' } }],
  },
  {
    name: 'an addition stated nowhere',
    rule: 'reachability',
    patches: [P('relations.yaml', 'additions: [childcare.new-places]', 'additions: [childcare.new-place]')],
    expected: [{ messageId: 'not-stated', file: 'relations.yaml', at: '- target: childcare.places-per-1000', data: { what: 'childcare.new-place' } }],
  },
  // held-levels
  { name: 'a level held at its baseline', rule: 'held-levels', patches: [], expected: [] },
  {
    name: 'a level said to be held above its baseline',
    rule: 'held-levels',
    patches: [
      P('statements.yaml', 'value: 100, unit: "%", period: "2020", quote: 2020年小学入学率100%', 'value: 99.5, unit: "%", period: "2020", quote: 2020年小学入学率99.5%'),
      P('source.txt', '2020年小学入学率100%', '2020年小学入学率99.5%'),
    ],
    expected: [{ messageId: 'baseline-differs', file: 'statements.yaml', at: 'hold: true', data: { fact: 'education.primary-enrolment-rate', year: '2020', printed: '100%', baselinePrinted: '99.5%' } }],
  },
  // dated-statements
  { name: 'a quote dated within its period', rule: 'dated-statements', patches: [], expected: [] },
  {
    name: 'a quote dated after its period',
    rule: 'dated-statements',
    patches: [P('statements.yaml', 'education.schools, value: 120, unit: 所, period: "2020"', 'education.schools, value: 120, unit: 所, period: "2016-2019"')],
    expected: [{ messageId: 'year-outside-period', file: 'statements.yaml', at: 'period: "2016-2019"', data: { year: 2020, period: '2016-2019' } }],
  },
  {
    name: 'a baseline column that is not the year before the plan',
    rule: 'dated-statements',
    patches: [P('indicators.yaml', 'columns: { baseline: 2020, target: 2025 }', 'columns: { baseline: 2019, target: 2025 }')],
    expected: [{ messageId: 'baseline-column', file: 'indicators.yaml', at: 'columns:', data: { year: 2019, expected: 2020 } }],
  },
  // name-variants
  { name: 'a township and a village of one name (青石镇, 青石村)', rule: 'name-variants', patches: [], expected: [] },
  {
    name: 'a township spelt with a known variant character',
    rule: 'name-variants',
    patches: [P('projects.yaml', 'location: 石坪乡', 'location: 石平乡'), P('source.txt', '\t石坪乡', '\t石平乡')],
    expected: [{ messageId: 'variant', file: 'projects.yaml', at: 'location: 石平乡', data: { rare: '石平乡', other: '石坪乡', rareCount: 1, otherCount: 1 } }],
  },
  {
    name: 'one township with two suffixes of its level',
    rule: 'name-variants',
    patches: [P('projects.yaml', 'location: 石坪乡', 'location: 大河乡'), P('source.txt', '\t石坪乡', '\t大河乡')],
    expected: [{ messageId: 'suffix', file: 'projects.yaml', at: 'location: 大河乡', data: { rare: '大河乡', other: '大河镇' } }],
  },
  {
    name: 'two townships that differ by a character that is no known variant',
    rule: 'name-variants',
    patches: [P('projects.yaml', 'location: 石坪乡', 'location: 石桥乡'), P('source.txt', '\t石坪乡', '\t石桥乡')],
    expected: [],
  },
  {
    name: 'a village and a township of one stem in the published list',
    rule: 'name-variants',
    patches: [P('source.txt', SOURCE_LIST, '以青石镇、石坪乡、大河村及青石村等为重点'), P('projects.yaml', 'location: 石坪乡', 'location: 大河镇'), P('source.txt', '\t石坪乡', '\t大河镇')],
    expected: [],
  },
  // work-project-names
  { name: 'a work and its project that name one facility alike', rule: 'work-project-names', patches: [], expected: [] },
  {
    name: 'a work and its project under two names',
    rule: 'work-project-names',
    patches: [P('projects.yaml', 'name: 样例县城北体育馆建设项目', 'name: 样例县全民健身中心'), P('source.txt', '样例县城北体育馆建设项目', '样例县全民健身中心')],
    expected: [{ messageId: 'names-differ', file: 'boxes.yaml', at: 'name: 城北体育馆', data: { work: '城北体育馆', project: '样例县全民健身中心', projectRef: '附表 序号1' } }],
  },
];
