import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { yamlRule } from '../../src/rules/yaml-syntax.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

/** Replaces a whole file of the copied plan. */
const write = (file: string, content: string | Buffer) => (dir: string): string[] => {
  writeFileSync(join(dir, file), content);
  return [dir];
};

testRule(yamlRule, {
  valid: [
    { name: 'CRLF line ends and a byte-order mark', setup: write('outline.yaml', '\uFEFFchapters:\r\n  - numeral: 一\r\n    title: 总体要求\r\n    boxes: [1, 2, 3]\r\n') },
    { name: 'an anchor and its alias', patches: [P('projects.yaml', 'departments: [县民政局]', 'departments: &civil [县民政局]')] },
  ],
  invalid: [
    { name: 'a syntax error', patches: [P('plan.yaml', 'id: mini-2021-2025', 'id: [mini')], errors: [{ messageId: 'syntax', file: 'plan.yaml', at: 'title:' }] },
    { name: 'a duplicate key', patches: [P('plan.yaml', 'issuer:', 'title: again\nissuer:')], errors: [{ messageId: 'duplicate-key', file: 'plan.yaml', at: 'title: again' }] },
    { name: 'a tab in indentation', setup: write('boxes.yaml', 'boxes:\n\t- 1\n'), errors: [{ messageId: 'tab-indent', file: 'boxes.yaml', line: 2 }] },
    { name: 'an empty file', setup: write('boxes.yaml', ''), errors: [{ messageId: 'empty', file: 'boxes.yaml', line: 1 }] },
    { name: 'several documents in one file', setup: write('boxes.yaml', 'boxes: []\n---\nboxes: []\n'), errors: [{ messageId: 'several-documents', file: 'boxes.yaml', line: 2 }] },
    {
      name: 'billion laughs',
      setup: write('boxes.yaml', `a: &a [1,2,3,4,5,6,7,8,9]\nb: &b [${'*a,'.repeat(9)}]\nc: &c [${'*b,'.repeat(9)}]\nd: &d [${'*c,'.repeat(9)}]\ne: [${'*d,'.repeat(9)}]\n`),
      errors: [{ messageId: 'alias-bomb', file: 'boxes.yaml', line: 1 }],
    },
    { name: 'an alias that loops', setup: write('boxes.yaml', 'boxes: &a\n  - *a\n'), errors: [{ messageId: 'alias-loop', file: 'boxes.yaml', line: 1 }] },
    { name: 'nesting thousands deep', setup: write('boxes.yaml', `boxes: ${'['.repeat(5000)}${']'.repeat(5000)}\n`), errors: [{ messageId: 'too-deep', file: 'boxes.yaml', line: 1 }] },
    { name: 'bytes that are not UTF-8', setup: write('boxes.yaml', Buffer.from([0x62, 0x6f, 0x78, 0x65, 0x73, 0x3a, 0x20, 0xff, 0xfe, 0x0a])), errors: [{ messageId: 'not-utf8', file: 'boxes.yaml', line: 1 }] },
    { name: 'a binary file named .yaml', setup: write('boxes.yaml', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01])), errors: [{ messageId: 'binary', file: 'boxes.yaml', line: 1 }] },
  ],
});
