import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inputRule } from '../../src/rules/input.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(inputRule, {
  valid: [{ name: 'a file of the plan given instead of its folder', setup: (dir) => [join(dir, 'boxes.yaml')] }],
  invalid: [
    { name: 'a path that does not exist', setup: (dir) => [join(dir, 'nowhere')], errors: [{ messageId: 'path-missing', file: 'nowhere', line: 1 }] },
    {
      name: 'a folder that holds no plan',
      setup: (dir) => {
        const empty = join(dirname(dir), 'empty');
        mkdirSync(empty);
        return [empty];
      },
      errors: [{ messageId: 'not-a-plan', file: 'empty', line: 1 }],
    },
    { name: 'a file larger than --max-file-size', maxFileBytes: 1500, errors: [{ messageId: 'too-large', file: 'projects.yaml', line: 1 }] },
    {
      name: 'a source text that cannot be read',
      setup: (dir) => {
        rmSync(join(dir, 'source.txt'));
        return [dir];
      },
      errors: [{ messageId: 'unreadable', file: 'plan.yaml', at: 'source: source.txt' }],
    },
    {
      name: 'a folder where a data file should be',
      setup: (dir) => {
        rmSync(join(dir, 'boxes.yaml'));
        mkdirSync(join(dir, 'boxes.yaml'));
        return [dir];
      },
      errors: [{ messageId: 'not-a-file', file: 'boxes.yaml', line: 1, data: { detail: 'directory' } }],
    },
    {
      name: 'a source text outside the plan folder',
      patches: [P('plan.yaml', 'source: source.txt', 'source: ../outside.txt')],
      setup: (dir) => {
        writeFileSync(join(dirname(dir), 'outside.txt'), 'text\n');
        return [dir];
      },
      errors: [{ messageId: 'outside-plan', file: 'plan.yaml', at: 'source: ../outside.txt', data: { path: '../outside.txt' } }],
    },
    {
      name: 'two plans with one id',
      patches: [P('plan.yaml', 'accepted: []', 'accepted: []\n')],
      setup: (dir) => {
        const parent = join(dirname(dir), 'plans');
        cpSync(dir, join(parent, 'a'), { recursive: true });
        cpSync(dir, join(parent, 'b'), { recursive: true });
        writeFileSync(join(parent, 'README.md'), 'two copies\n');
        return [parent];
      },
      errors: [{ messageId: 'duplicate-plan-id', file: 'plan.yaml', line: 1 }],
    },
  ],
});
