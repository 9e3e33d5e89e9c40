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
  ],
  invalid: [
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
