import { workProjectNames } from '../../src/rules/work-project-names.js';
import { P, SECOND } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(workProjectNames, {
  valid: [
    { name: 'a work and its project that name one facility alike', fixture: SECOND },
  ],
  invalid: [
    {
      name: 'a work and its project under two names',
      fixture: SECOND, patches: [P('projects.yaml', 'name: 样例县城北体育馆建设项目', 'name: 样例县全民健身中心'), P('source.txt', '样例县城北体育馆建设项目', '样例县全民健身中心')],
      errors: [
        { messageId: 'names-differ', file: 'boxes.yaml', at: 'name: 城北体育馆', data: { work: '城北体育馆', project: '样例县全民健身中心', projectRef: '附表 序号1' } },
      ],
    },
  ],
});
