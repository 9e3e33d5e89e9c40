import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unknownFileRule } from '../../src/rules/unknown-file.js';
import { testRule } from '../rule-tester.js';

const add = (name: string) => (dir: string): string[] => {
  writeFileSync(join(dir, name), 'notes: []\n');
  return [dir];
};

testRule(unknownFileRule, {
  valid: [{ name: 'a file that is not YAML beside the data', setup: add('README.md') }],
  invalid: [
    { name: 'a YAML file of no known kind', setup: add('notes.yaml'), errors: [{ messageId: 'unknown-file', file: 'notes.yaml', line: 1 }] },
    { name: 'a known kind spelt .yml', setup: add('boxes.yml'), errors: [{ messageId: 'unknown-file', file: 'boxes.yml', line: 1 }] },
  ],
});
