import { reachability } from '../../src/rules/reachability.js';
import { P, SECOND } from '../helpers.js';
import { testRule } from '../rule-tester.js';

const SHARE_REACH = '  - { kind: share, part: pension.insured, whole: population.pension-eligible, from: "2020", to: "2025" }';
const SCHOOLS = '      - { fact: education.schools, value: 120, unit: 所, period: "2020", quote: 截至2020年底，全县学校120所 }';

/** Schools counted from facts: 120 in 2020, a target for 2025, 2 + `middle` built. */
const schools = (target: number, middle: number) => [
  P('source.txt', '全县学校120所。', `全县学校120所。到2025年全县学校达到${target}所，新建小学2所、初中${middle}所。`),
  P('statements.yaml', SCHOOLS, `${SCHOOLS}
      - { fact: education.schools, value: ${target}, unit: 所, period: "2025", quote: 到2025年全县学校达到${target}所 }
      - { fact: education.schools.new-primary, value: 2, unit: 所, quote: 新建小学2所 }
      - { fact: education.schools.new-middle, value: ${middle}, unit: 所, quote: 初中${middle}所 }`),
  P('relations.yaml', SHARE_REACH, `${SHARE_REACH}
  - { kind: count, target: education.schools, from: "2020", to: "2025", additions: [education.schools.new-primary, education.schools.new-middle] }`),
];

/** Cultural stations counted in an indicator row (9 in 2020, 18 by 2025), 5 and 3 added by facts. */
const STATION_ROW = [
  P('indicators.yaml', '        better: higher', `        better: higher
      - serial: 2
        name: 文化服务站数量
        fact: culture.stations
        unit: 个
        baseline: { value: 9 }
        target: { value: 18 }
        attribute: 预期性
        better: higher`),
  P('statements.yaml', SCHOOLS, `${SCHOOLS}
      - { fact: culture.stations.new-town, value: 5, unit: 个, quote: 新建文化服务站5个 }
      - { fact: culture.stations.new-village, value: 3, unit: 个, quote: 改建文化服务站3个 }`),
  P('relations.yaml', SHARE_REACH, `${SHARE_REACH}
  - kind: count
    target: culture.stations
    from: "2020"
    to: "2025"
    additions: [culture.stations.new-town, culture.stations.new-village]`),
];

testRule(reachability, {
  valid: [
    { name: 'a target the projects reach', fixture: SECOND },
    {
      name: 'a part whose target stays within its whole',
      fixture: SECOND,
      patches: [P('statements.yaml', 'value: 19, unit: 万人', 'value: 20, unit: 万人'), P('source.txt', '参保人数19万人', '参保人数20万人'), P('statements.yaml', 'quote: 到2025年参保人数19万人', 'quote: 到2025年参保人数20万人')],
    },
    { name: 'a count target reached by baseline and additions (120 + 2 + 1 = 123所)', fixture: SECOND, patches: schools(123, 1) },
    {
      name: 'a rate of 0 at the start: its own relation implies nothing, the other ratio gives the population',
      fixture: SECOND, patches: [P('statements.yaml', 'childcare.places, value: 300', 'childcare.places, value: 0'), P('indicators.yaml', 'baseline: { value: 1.5 }', 'baseline: { value: 0 }'), P('projects.yaml', 'childcare.new-places, value: 300', 'childcare.new-places, value: 600')],
    },
  ],
  invalid: [
    {
      name: 'a count target from facts beyond baseline and additions (120 + 2 + 1 < 125所)',
      fixture: SECOND, patches: schools(125, 1),
      errors: [{ messageId: 'unreachable', file: 'statements.yaml', at: 'value: 125', data: { fact: 'education.schools', reached: '123所', target: '125所' } }],
    },
    {
      name: 'a count target of an indicator row beyond its baseline and additions (9 + 5 + 3 < 18个)',
      fixture: SECOND, patches: STATION_ROW,
      errors: [{ messageId: 'unreachable', file: 'indicators.yaml', at: 'target: { value: 18 }', data: { fact: 'culture.stations', reached: '17个', target: '18个' } }],
    },
    {
      name: 'count additions far beyond the target',
      fixture: SECOND, patches: schools(123, 300),
      errors: [{ messageId: 'overshoot', file: 'statements.yaml', at: 'value: 123', data: { fact: 'education.schools', far: '2' } }],
    },
    {
      name: 'a count reach whose baseline is stated nowhere',
      fixture: SECOND, patches: [...schools(123, 1).slice(0, 2), P('relations.yaml', SHARE_REACH, `${SHARE_REACH}\n  - { kind: count, target: education.schools, baseline: education.schools-existing, from: "2020", to: "2025", additions: [education.schools.new-primary] }`)],
      errors: [{ messageId: 'not-stated', file: 'relations.yaml', at: 'kind: count', data: { what: 'education.schools-existing（2020）' } }],
    },
    {
      name: 'a population of 0 at the start (no places at 1.5 per 1,000): no rate is per 0',
      fixture: SECOND, patches: [P('statements.yaml', 'childcare.places, value: 300', 'childcare.places, value: 0')],
      errors: [
        { messageId: 'zero-base', file: 'relations.yaml', at: '- target: childcare.places-per-1000', data: { base: 'population.implied', from: '2020' } },
      ],
    },
    {
      name: 'a negative addition',
      fixture: SECOND, patches: [P('projects.yaml', 'childcare.new-places, value: 300', 'childcare.new-places, value: -300')],
      errors: [
        { messageId: 'negative', file: 'projects.yaml', at: 'childcare.new-places, value: -300' },
      ],
    },
    {
      name: 'a reach whose to is its from',
      fixture: SECOND, patches: [P('relations.yaml', 'to: "2025"', 'to: "2020"')],
      errors: [
        { messageId: 'degenerate', file: 'relations.yaml', at: 'to: "2020"' },
      ],
    },
    {
      name: 'a share reach whose whole is its part',
      fixture: SECOND, patches: [P('relations.yaml', 'whole: population.pension-eligible, from', 'whole: pension.insured, from')],
      errors: [
        { messageId: 'degenerate', file: 'relations.yaml', at: 'whole: pension.insured, from' },
      ],
    },
    {
      name: 'a target beyond baseline and additions',
      fixture: SECOND, patches: [P('indicators.yaml', 'target: { value: 3 }', 'target: { value: 5 }')],
      errors: [
        { messageId: 'unreachable', file: 'indicators.yaml', at: 'target: { value: 5 }', data: { fact: 'childcare.places-per-1000', target: '5个' } },
      ],
    },
    {
      name: 'additions far beyond the target',
      fixture: SECOND, patches: [P('projects.yaml', 'childcare.new-places, value: 300', 'childcare.new-places, value: 1300')],
      errors: [
        { messageId: 'overshoot', file: 'indicators.yaml', at: 'target: { value: 3 }', data: { far: '2' } },
      ],
    },
    {
      name: 'an addition stated nowhere',
      fixture: SECOND, patches: [P('relations.yaml', 'additions: [childcare.new-places]', 'additions: [childcare.new-place]')],
      errors: [
        { messageId: 'not-stated', file: 'relations.yaml', at: '- target: childcare.places-per-1000', data: { what: 'childcare.new-place' } },
      ],
    },
    {
      name: 'a part whose target exceeds its whole',
      fixture: SECOND,
      patches: [P('statements.yaml', 'value: 19, unit: 万人', 'value: 25, unit: 万人'), P('source.txt', '参保人数19万人', '参保人数25万人'), P('statements.yaml', 'quote: 到2025年参保人数19万人', 'quote: 到2025年参保人数25万人')],
      errors: [
        { messageId: 'exceeds-whole', file: 'statements.yaml', at: 'value: 25, unit: 万人', data: { fact: 'pension.insured', target: '25万人', wholeFact: 'population.pension-eligible' } },
      ],
    },
  ],
});
