import { numbering } from '../../src/rules/numbering.js';
import { DIVIDED, P, TABLES } from '../helpers.js';
import { testRule } from '../rule-tester.js';

/** The mini plan's appendix numbered section by section: its second section's project is 二、序号1. */
const BY_SECTION = [
  P('projects.yaml', 'total: 3000', 'total: 3000\nnumbering: section'),
  P('projects.yaml', 'serial: 2', 'serial: 1'),
  P('boxes.yaml', 'projects: [1]', 'projects: [{ section: 一, serials: [1] }]'),
  P('boxes.yaml', 'projects: [2]', 'projects: [{ section: 二, serials: [1] }]'),
];

testRule(numbering, {
  valid: [
    { name: 'two appendix tables, each numbered from 1', fixture: TABLES },
    { name: 'a table numbered section by section, each section from 1', patches: BY_SECTION },
    { name: 'a section divided into parts, numbered from （一）', patches: [DIVIDED] },

    { name: 'a chapter numbered with 两 for two', patches: [P('outline.yaml', '  - numeral: 二\n    title: 住房保障', '  - numeral: 两\n    title: 住房保障')] },
  ],
  invalid: [
    {
      name: 'a repeated chapter numeral and a skipped box number',
      patches: [P('outline.yaml', '  - numeral: 二\n    title: 住房保障', '  - numeral: 一 # repeated\n    title: 住房保障'), P('boxes.yaml', 'number: 3', 'number: 4')],
      errors: [
        { messageId: 'gap', file: 'boxes.yaml', at: '- number: 4' },
        { messageId: 'duplicate', file: 'outline.yaml', at: '# repeated' },
      ],
    },
    {
      name: 'appendix serials out of order',
      patches: [P('projects.yaml', 'serial: 1', 'serial: 3')],
      errors: [
        { messageId: 'gap', file: 'projects.yaml', at: 'serial: 3' },
        { messageId: 'disorder', file: 'projects.yaml', at: 'serial: 2' },
      ],
    },
    {
      name: 'serials that start again in each section of a table numbered throughout',
      patches: [P('projects.yaml', 'serial: 2', 'serial: 1 # again')],
      errors: [{ messageId: 'duplicate', file: 'projects.yaml', at: '# again' }],
    },
    {
      name: 'a section of a table numbered section by section that does not start at 1',
      patches: [...BY_SECTION.slice(0, 1), P('projects.yaml', 'serial: 2', 'serial: 2 # not restarted')],
      errors: [{ messageId: 'gap', file: 'projects.yaml', at: '# not restarted', data: { label: '2', missing: '1' } }],
    },
    {
      name: 'a section’s parts that do not start at （一）',
      patches: [DIVIDED, P('projects.yaml', '      - numeral: 一\n        name: 社区养老', '      - numeral: 二 # the part\n        name: 社区养老')],
      errors: [{ messageId: 'gap', file: 'projects.yaml', at: '# the part', data: { label: '二', missing: '一' } }],
    },
    {
      name: 'a numeral that is not a number',
      patches: [P('outline.yaml', '  - numeral: 二\n    title: 住房保障', '  - numeral: 十十\n    title: 住房保障')],
      errors: [{ messageId: 'unreadable', file: 'outline.yaml', at: 'numeral: 十十', data: { label: '十十' } }],
    },
    {
      name: 'a gap in the serials of the second table',
      fixture: TABLES,
      patches: [P('projects.yaml', '- serial: 1\n            name: 测试县社区养老服务中心', '- serial: 2\n            name: 测试县社区养老服务中心'), P('boxes.yaml', 'table: 2, serials: [1]', 'table: 2, serials: [2]')],
      errors: [{ messageId: 'gap', file: 'projects.yaml', at: 'serial: 2', data: { label: '2', missing: '1' } }],
    },
  ],
});
