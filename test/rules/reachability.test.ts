import { reachability } from '../../src/rules/reachability.js';
import { P, SECOND } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(reachability, {
  valid: [
    { name: 'a target the projects reach', fixture: SECOND },
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
  ],
});
