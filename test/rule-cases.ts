import type { Patch } from './helpers.js';

/** One expected finding: which rule and message, and the line (found by a needle in the patched file). */
export interface Expected {
  readonly messageId: string;
  readonly file: string;
  /** Text on the expected line of `file` after patching. */
  readonly at: string;
}

export interface RuleCase {
  readonly name: string;
  readonly rule: string;
  readonly patches: readonly Patch[];
  readonly expected: readonly Expected[];
  /** Rules the case needs running beside its own when run with `--rule`. */
  readonly alsoRun?: readonly string[];
}

const P = (file: string, from: string, to: string): Patch => ({ file, from, to });

/** Failing fixtures: the clean mini plan with one mistake each. */
export const RULE_CASES: readonly RuleCase[] = [
  {
    name: 'a section subtotal that its projects do not add up to',
    rule: 'appendix-sums',
    patches: [P('projects.yaml', 'subtotal: 2000', 'subtotal: 2100'), P('projects.yaml', 'total: 3000', 'total: 3100')],
    expected: [{ messageId: 'subtotal-mismatch', file: 'projects.yaml', at: 'subtotal: 2100' }],
  },
  {
    name: 'one project amount changed',
    rule: 'appendix-sums',
    patches: [P('projects.yaml', 'investment: 1000', 'investment: 999.5')],
    expected: [{ messageId: 'subtotal-mismatch', file: 'projects.yaml', at: 'subtotal: 1000' }],
  },
  {
    name: 'a grand total that the subtotals do not add up to',
    rule: 'appendix-sums',
    patches: [P('projects.yaml', 'total: 3000', 'total: 3001')],
    expected: [{ messageId: 'total-mismatch', file: 'projects.yaml', at: 'total: 3001' }],
  },
  {
    name: 'a box listed under another chapter, and a listed box that does not exist',
    rule: 'box-placement',
    patches: [P('boxes.yaml', 'chapter: 二', 'chapter: 一'), P('outline.yaml', 'boxes: [3]', 'boxes: [3, 9]')],
    expected: [
      { messageId: 'other-chapter', file: 'boxes.yaml', at: '- number: 3' },
      { messageId: 'unknown-box', file: 'outline.yaml', at: 'boxes: [3, 9]' },
    ],
  },
  {
    name: 'a key work pointing to a serial the appendix does not have',
    rule: 'box-project-link',
    patches: [P('boxes.yaml', 'projects: [1]', 'projects: [7]')],
    expected: [{ messageId: 'unknown-serial', file: 'boxes.yaml', at: 'projects: [7]' }],
  },
  {
    name: 'a declared count that the list does not match',
    rule: 'declared-counts',
    patches: [P('projects.yaml', 'items: [大昌, 福田]', 'items: [大昌]')],
    expected: [{ messageId: 'count-mismatch', file: 'projects.yaml', at: 'items: [大昌]' }],
  },
  {
    name: 'an open list (等) longer than its count',
    rule: 'declared-counts',
    patches: [P('projects.yaml', 'items: [大昌, 福田] }', 'items: [大昌, 福田, 官渡], open: true }')],
    expected: [{ messageId: 'open-count-exceeded', file: 'projects.yaml', at: 'open: true' }],
  },
  {
    name: 'a service area whose declared count differs from its items, and the total with it',
    rule: 'declared-counts',
    patches: [P('services.yaml', 'declared: 2', 'declared: 3')],
    expected: [
      { messageId: 'total-count-mismatch', file: 'services.yaml', at: 'total:' },
      { messageId: 'area-count-mismatch', file: 'services.yaml', at: '- name: 幼有所育' },
    ],
  },
  {
    name: 'storeys that do not add up to the floor area',
    rule: 'declared-sums',
    patches: [P('projects.yaml', 'storey-1, value: 2000', 'storey-1, value: 2100')],
    expected: [{ messageId: 'sum-mismatch', file: 'projects.yaml', at: 'housing.rental-new.floor-area, value: 5000' }],
  },
  {
    name: 'a sum naming a fact stated nowhere',
    rule: 'declared-sums',
    patches: [P('boxes.yaml', 'parts: [elderly.community-centre.nursing-beds,', 'parts: [elderly.community-centre.nursing-bed,')],
    expected: [{ messageId: 'unknown-fact', file: 'boxes.yaml', at: '- total: elderly.community-centre.beds' }],
  },
  {
    name: 'the same floor area stated differently in the box',
    rule: 'fact-agreement',
    patches: [P('boxes.yaml', 'floor-area, value: 5000', 'floor-area, value: 6000')],
    expected: [{ messageId: 'disagree', file: 'boxes.yaml', at: 'floor-area, value: 6000' }],
  },
  {
    name: 'a restatement beyond the precision of 约',
    rule: 'fact-agreement',
    patches: [P('statements.yaml', 'value: 5000, unit: ㎡, approx: true, quote: 建筑面积约5000㎡', 'value: 6000, unit: ㎡, approx: true, quote: 建筑面积约5000㎡')],
    expected: [{ messageId: 'disagree', file: 'statements.yaml', at: 'value: 6000' }],
  },
  {
    name: 'the same fact in units that measure different things',
    rule: 'fact-agreement',
    patches: [P('boxes.yaml', 'units, value: 100, unit: 套', 'units, value: 100, unit: 户')],
    expected: [{ messageId: 'unit-mismatch', file: 'boxes.yaml', at: 'unit: 户' }],
  },
  {
    name: 'two different lower bounds for one target',
    rule: 'fact-bounds',
    patches: [
      P(
        'statements.yaml',
        '  - chapter: 二\n',
        '  - chapter: 一\n    section: 二\n    facts:\n      - { fact: elderly.nursing-share, value: 50, unit: "%", bound: 不低于, period: "2025", quote: 护理型床位比例不低于50% }\n      - { fact: elderly.nursing-share, value: 55, unit: "%", bound: ≥, period: "2025", quote: 护理型床位比例不低于50% }\n  - chapter: 二\n',
      ),
    ],
    expected: [{ messageId: 'different-bounds', file: 'statements.yaml', at: 'value: 55' }],
  },
  {
    name: 'a target below its baseline where higher is better',
    rule: 'indicator-direction',
    patches: [P('indicators.yaml', 'target: { value: 1.3, cumulative: true }', 'target: { value: 1.1, cumulative: true }')],
    expected: [{ messageId: 'falls-below', file: 'indicators.yaml', at: 'target: { value: 1.1' }],
  },
  {
    name: 'a target above its baseline where lower is better',
    rule: 'indicator-direction',
    patches: [P('indicators.yaml', 'target: { value: 4, bound: ＜ }', 'target: { value: 5 }')],
    expected: [{ messageId: 'rises-above', file: 'indicators.yaml', at: 'target: { value: 5 }' }],
  },
  {
    name: 'a cumulative baseline with a yearly target',
    rule: 'indicator-forms',
    patches: [P('indicators.yaml', 'target: { value: 1.3, cumulative: true }', 'target: { value: 1.3 }')],
    expected: [{ messageId: 'cumulative-mismatch', file: 'indicators.yaml', at: 'target: { value: 1.3 }' }],
  },
  {
    name: 'a percentage above 100',
    rule: 'indicator-forms',
    patches: [P('indicators.yaml', 'baseline: { value: 4 }', 'baseline: { value: 104 }')],
    expected: [{ messageId: 'percent-over-100', file: 'indicators.yaml', at: 'baseline: { value: 104 }' }],
  },
  {
    name: 'money in a box for a work the appendix does not have',
    rule: 'money-outside-total',
    patches: [
      P('boxes.yaml', 'projects: [2]', 'projects: []'),
      P('boxes.yaml', '          - { fact: elderly.community-centre.beds, value: 60, unit: 张 }\n', '          - { fact: elderly.community-centre.beds, value: 60, unit: 张 }\n          - { fact: elderly.community-centre.investment, value: 0.05, unit: 亿元, quote: 床位60张 }\n'),
    ],
    expected: [{ messageId: 'missing-from-total', file: 'boxes.yaml', at: 'value: 0.05, unit: 亿元' }],
  },
  {
    name: 'a repeated chapter numeral and a skipped box number',
    rule: 'numbering',
    patches: [P('outline.yaml', '  - numeral: 二\n    title: 住房保障', '  - numeral: 一 # repeated\n    title: 住房保障'), P('boxes.yaml', 'number: 3', 'number: 4')],
    expected: [
      { messageId: 'gap', file: 'boxes.yaml', at: '- number: 4' },
      { messageId: 'duplicate', file: 'outline.yaml', at: '# repeated' },
    ],
  },
  {
    name: 'appendix serials out of order',
    rule: 'numbering',
    patches: [P('projects.yaml', 'serial: 1', 'serial: 3')],
    expected: [
      { messageId: 'gap', file: 'projects.yaml', at: 'serial: 3' },
      { messageId: 'disorder', file: 'projects.yaml', at: 'serial: 2' },
    ],
  },
  {
    name: 'a project running past the plan period',
    rule: 'outside-plan-period',
    patches: [P('projects.yaml', 'end: 2025', 'end: 2027')],
    expected: [{ messageId: 'ends-after', file: 'projects.yaml', at: 'end: 2027' }],
  },
  {
    name: 'a project starting before the plan period',
    rule: 'outside-plan-period',
    patches: [P('projects.yaml', 'start: 2022', 'start: 2019')],
    expected: [{ messageId: 'starts-before', file: 'projects.yaml', at: 'start: 2019' }],
  },
  {
    name: 'a key work with neither figures nor a project',
    rule: 'policy-work',
    patches: [
      P('boxes.yaml', '          - { name: 社区养老服务中心, projects: [2] }\n        facts:\n          - { fact: elderly.community-centre.beds, value: 60, unit: 张 }\n          - { fact: elderly.community-centre.nursing-beds, value: 20, unit: 张 }\n          - { fact: elderly.community-centre.ordinary-beds, value: 40, unit: 张 }\n        sums:\n          - total: elderly.community-centre.beds\n            parts: [elderly.community-centre.nursing-beds, elderly.community-centre.ordinary-beds]\n', '          - { name: 社区养老服务中心, projects: [] }\n'),
    ],
    expected: [{ messageId: 'no-project', file: 'boxes.yaml', at: 'projects: [] }' }],
  },
  {
    name: 'a quote that the source does not hold',
    rule: 'provenance',
    patches: [P('statements.yaml', 'quote: 五年累计新增城镇就业1.2万人', 'quote: 五年累计新增就业1.2万人')],
    expected: [{ messageId: 'quote-not-found', file: 'statements.yaml', at: 'quote: 五年累计新增就业1.2万人' }],
  },
  {
    name: 'a misquoted figure and a retyped content',
    rule: 'provenance',
    patches: [
      P('statements.yaml', 'quote: 计划新建保障性租赁住房100套', 'quote: 计划新建保障性租赁住房101套'),
      P('projects.yaml', 'content: 新建社区养老服务中心，', 'content: 新建社区养老中心，'),
    ],
    expected: [
      { messageId: 'text-not-found', file: 'projects.yaml', at: 'content: 新建社区养老中心' },
      { messageId: 'quote-not-found', file: 'statements.yaml', at: '101套' },
    ],
  },
  {
    name: 'a figure that is not in its quote',
    rule: 'provenance',
    patches: [P('statements.yaml', '{ fact: housing.rental-new.units, value: 100,', '{ fact: housing.rental-new.units, value: 1000,')],
    expected: [{ messageId: 'figure-not-in-quote', file: 'statements.yaml', at: 'value: 1000,' }],
  },
  {
    name: 'an appendix project that no box mentions',
    rule: 'unboxed-project',
    patches: [P('boxes.yaml', 'projects: [2]', 'projects: []')],
    expected: [{ messageId: 'not-in-any-box', file: 'projects.yaml', at: 'serial: 2' }],
  },
  {
    name: 'a key work with a scale but no project',
    rule: 'unlinked-work',
    patches: [P('boxes.yaml', 'projects: [2]', 'projects: []')],
    expected: [{ messageId: 'not-in-appendix', file: 'boxes.yaml', at: 'projects: [] }' }],
  },
  {
    name: 'an acceptance that matches nothing',
    rule: 'unused-acceptance',
    patches: [P('plan.yaml', 'accepted: []', 'accepted:\n  - { rule: numbering, file: projects.yaml, pointer: /sections/0, reason: 原文如此，保留。 }')],
    expected: [{ messageId: 'unused', file: 'plan.yaml', at: '- { rule: numbering' }],
    // An acceptance can only be called unused when its own rule has run.
    alsoRun: ['numbering'],
  },
  {
    name: 'a project ending before it starts',
    rule: 'year-order',
    patches: [P('projects.yaml', 'start: 2022', 'start: 2025')],
    expected: [{ messageId: 'start-after-end', file: 'projects.yaml', at: 'start: 2025' }],
  },
];
