import { reachability } from '../../src/rules/reachability.js';
import { P, SECOND } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(reachability, {
  valid: [
    { name: 'a target the projects reach', fixture: SECOND },
    {
      name: 'a part whose target stays within its whole',
      fixture: SECOND,
      patches: [P('statements.yaml', 'value: 19, unit: 万人', 'value: 20, unit: 万人'), P('source.txt', '参保人数19万人', '参保人数20万人'), P('statements.yaml', 'quote: 到2025年参保人数19万人', 'quote: 到2025年参保人数20万人')],
    },
    {
      name: 'a rate of 0 at the start: its own relation implies nothing, the other ratio gives the population',
      fixture: SECOND, patches: [P('statements.yaml', 'childcare.places, value: 300', 'childcare.places, value: 0'), P('indicators.yaml', 'baseline: { value: 1.5 }', 'baseline: { value: 0 }'), P('projects.yaml', 'childcare.new-places, value: 300', 'childcare.new-places, value: 600')],
    },
  ],
  invalid: [
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
