import { policyWork } from '../../src/rules/policy-work.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(policyWork, {
  valid: [],
  invalid: [
    {
      name: 'a key work with neither figures nor a project',
      patches: [
        P('boxes.yaml', '          - { name: 社区养老服务中心, projects: [2] }\n        facts:\n          - { fact: elderly.community-centre.beds, value: 60, unit: 张 }\n          - { fact: elderly.community-centre.nursing-beds, value: 20, unit: 张 }\n          - { fact: elderly.community-centre.ordinary-beds, value: 40, unit: 张 }\n        sums:\n          - total: elderly.community-centre.beds\n            parts: [elderly.community-centre.nursing-beds, elderly.community-centre.ordinary-beds]\n', '          - { name: 社区养老服务中心, projects: [] }\n'),
      ],
      errors: [{ messageId: 'no-project', file: 'boxes.yaml', at: 'projects: [] }' }],
    },
  ],
});
