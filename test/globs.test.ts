import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandGlob } from '../src/load/globs.js';

/** A tree with nested, hidden and look-alike names. */
const root = mkdtempSync(join(tmpdir(), 'plan-globs-'));
for (const dir of ['plan-data/wushan-2021-2025', 'plan-data/fengjie-2021-2025', 'test/rules', '.hidden/wushan-old', 'a/b/c']) mkdirSync(join(root, dir), { recursive: true });
for (const file of ['test/wushan-keying.test.ts', 'a/b/c/wushan-deep', 'plan-data/wushan-2021-2025/plan.yaml']) writeFileSync(join(root, file), '');

/** What bash with globstar expands the pattern to, from the same folder. */
function bash(pattern: string): string[] {
  const child = spawnSync('bash', ['-O', 'globstar', '-O', 'nullglob', '-c', `printf '%s\\n' ${pattern}`], { cwd: root, encoding: 'utf8' });
  return child.stdout.split('\n').filter(Boolean).sort();
}

describe('globs the shell left quoted are expanded as bash with globstar does', () => {
  const inRoot = (pattern: string): string[] => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      return expandGlob(pattern);
    } finally {
      process.chdir(cwd);
    }
  };

  it.each(['**/wushan-*', 'plan-data/*', 'plan-data/{wushan,fengjie}-*', '*/wushan-*', '**/c', 'a/**/wushan-deep', 'plan-data/*/plan.yaml', '.hidden/*', 'test/*.ts'])('%s', (pattern) => {
    expect(inRoot(pattern)).toEqual(bash(pattern));
  });

  it("'**' is not '*': it matches below the first folder, and '*' does not", () => {
    expect(inRoot('**/wushan-*')).toContain('a/b/c/wushan-deep');
    expect(inRoot('*/wushan-*')).not.toContain('a/b/c/wushan-deep');
  });

  it('a path that exists, or has no glob characters, is kept as written; no match is an empty list', () => {
    expect(inRoot('plan-data')).toEqual(['plan-data']);
    expect(inRoot('nothing/*')).toEqual([]);
  });
});
