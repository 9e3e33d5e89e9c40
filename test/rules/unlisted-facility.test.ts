import { unlistedFacility } from '../../src/rules/unlisted-facility.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

const LISTED = '          - { name: 社区养老服务中心, projects: [2] }\n';
const beside = (name: string) => P('boxes.yaml', LISTED, `${LISTED}          - { name: ${name}, projects: [] }\n`);

testRule(unlistedFacility, {
  valid: [
    { name: 'a training programme beside an appendix project', patches: [beside('养老护理员培训')] },
    { name: 'a service activity beside an appendix project', patches: [beside('智慧养老服务')] },
  ],
  invalid: [
    {
      name: 'a facility beside an appendix project, with no appendix row',
      patches: [beside('日间照料中心')],
      errors: [{ messageId: 'no-row', file: 'boxes.yaml', at: '日间照料中心', data: { work: '日间照料中心' } }],
    },
    {
      name: 'a construction project and a hall, each with no appendix row',
      patches: [beside('老年活动馆'), beside('康养小镇项目')],
      errors: [
        { messageId: 'no-row', file: 'boxes.yaml', at: '康养小镇项目' },
        { messageId: 'no-row', file: 'boxes.yaml', at: '老年活动馆' },
      ],
    },
  ],
});
