import { unboxedProject } from '../../src/rules/unboxed-project.js';
import { P, TABLES } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(unboxedProject, {
  valid: [
    { name: 'two tables, every project linked by table and serial', fixture: TABLES },
  ],
  invalid: [
    {
      name: 'an appendix project that no box mentions',
      patches: [P('boxes.yaml', 'projects: [2]', 'projects: []')],
      errors: [{ messageId: 'not-in-any-box', file: 'projects.yaml', at: 'serial: 2' }],
    },
    {
      name: 'a project of the second table that no box links, named by its table',
      fixture: TABLES,
      patches: [
        P('boxes.yaml', 'projects: [{ table: 2, serials: [1] }]', 'projects: [{ table: 1, serials: [1] }]'),
        P('projects.yaml', '- serial: 1\n            name: 测试县社区养老服务中心', '- serial: 1 # of 附表2\n            name: 测试县社区养老服务中心'),
      ],
      errors: [{ messageId: 'not-in-any-box', file: 'projects.yaml', at: '# of 附表2', data: { project: '附表2 序号1' } }],
    },
  ],
});
