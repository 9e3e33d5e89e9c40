import { boxProjectLink } from '../../src/rules/box-project-link.js';
import { P, TABLES } from '../helpers.js';
import { testRule } from '../rule-tester.js';

const TABLE_2 = 'projects: [{ table: 2, serials: [1] }]';
/** The mini plan's appendix numbered section by section: its second section's project is 二、序号1. */
const BY_SECTION = [
  P('projects.yaml', 'total: 3000', 'total: 3000\nnumbering: section'),
  P('projects.yaml', 'serial: 2', 'serial: 1'),
  P('boxes.yaml', 'projects: [1]', 'projects: [{ section: 一, serials: [1] }]'),
  P('boxes.yaml', 'projects: [2]', 'projects: [{ section: 二, serials: [1] }]'),
];

testRule(boxProjectLink, {
  valid: [
    { name: 'links that name their table in a plan of two', fixture: TABLES },
    { name: 'a link naming table 1 in a plan of one unnumbered table', patches: [P('boxes.yaml', 'projects: [1]', 'projects: [{ table: 1, serials: [1] }]')] },
    { name: 'links that name their section in a table numbered section by section', patches: BY_SECTION },
    { name: 'a link naming the section of a table numbered throughout', patches: [P('boxes.yaml', 'projects: [2]', 'projects: [{ section: 二, serials: [2] }]')] },
  ],
  invalid: [
    {
      name: 'a key work pointing to a serial the appendix does not have',
      patches: [P('boxes.yaml', 'projects: [1]', 'projects: [7]')],
      errors: [{ messageId: 'unknown-serial', file: 'boxes.yaml', at: 'projects: [7]' }],
    },
    {
      name: 'a key work linking a serial that the appendix prints twice',
      patches: [P('projects.yaml', 'serial: 2', 'serial: 1')],
      errors: [
        { messageId: 'ambiguous-serial', file: 'boxes.yaml', at: 'projects: [1]', data: { serial: 1, count: 2 } },
        { messageId: 'unknown-serial', file: 'boxes.yaml', at: 'projects: [2]' },
      ],
    },
    {
      name: 'a bare serial into a table numbered section by section',
      patches: [...BY_SECTION.slice(0, 2)],
      errors: [
        { messageId: 'section-not-named', file: 'boxes.yaml', at: 'projects: [1]', data: { serial: 1 } },
        { messageId: 'section-not-named', file: 'boxes.yaml', at: 'projects: [2]', data: { serial: 2 } },
      ],
    },
    {
      name: 'a serial its section does not have',
      patches: [...BY_SECTION.slice(0, 3), P('boxes.yaml', 'projects: [2]', 'projects: [{ section: 二, serials: [2] }]')],
      errors: [{ messageId: 'unknown-serial', file: 'boxes.yaml', at: 'serials: [2]', data: { serial: 2 } }],
    },
    {
      name: 'a link naming a section of a table numbered throughout that does not hold the serial',
      patches: [P('boxes.yaml', 'projects: [2]', 'projects: [{ section: 一, serials: [2] }]')],
      errors: [{ messageId: 'unknown-serial', file: 'boxes.yaml', at: 'serials: [2]' }],
    },
    {
      name: 'a bare serial in a plan of two tables',
      fixture: TABLES,
      patches: [P('boxes.yaml', TABLE_2, 'projects: [1]')],
      errors: [{ messageId: 'table-not-named', file: 'boxes.yaml', at: 'projects: [1]', data: { serial: 1, count: 2, tables: '附表1、附表2' } }],
    },
    {
      name: 'a link to a table the plan does not print',
      fixture: TABLES,
      patches: [P('boxes.yaml', TABLE_2, 'projects: [{ table: 3, serials: [1] }]')],
      errors: [{ messageId: 'unknown-table', file: 'boxes.yaml', at: 'table: 3', data: { serial: 1, table: '附表3' } }],
    },
    {
      name: 'a serial its table does not have, though another table has it',
      fixture: TABLES,
      patches: [P('boxes.yaml', TABLE_2, 'projects: [{ table: 2, serials: [2] }]'), P('boxes.yaml', 'projects: [{ table: 1, serials: [1] }]', 'projects: [{ table: 1, serials: [1] }, { table: 2, serials: [1] }]')],
      errors: [{ messageId: 'unknown-serial', file: 'boxes.yaml', at: 'serials: [2]', data: { serial: 2, table: '附表2' } }],
    },
  ],
});
