import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, MINI } from './helpers.js';

/** A folder of `n` copies of the mini plan, each with its own id; the third with a finding of its own. */
function plans(n: number): string {
  const root = join(mkdtempSync(join(tmpdir(), 'plan-many-')), 'plans');
  for (let i = 1; i <= n; i++) {
    const dir = join(root, `p${String(i).padStart(2, '0')}`);
    cpSync(MINI, dir, { recursive: true });
    const plan = join(dir, 'plan.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^id: .*$/m, `id: p${i}`));
  }
  if (n >= 3) edit(join(root, 'p03', 'projects.yaml'), 'end: 2025', 'end: 2027');
  return root;
}

function edit(path: string, from: string, to: string): void {
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`not in ${path}: ${from}`);
  writeFileSync(path, text.replace(from, to));
}

describe('--jobs: plans audited in worker threads', () => {
  it.each(['text', 'json', 'sarif'])('gives output byte for byte the same as one job: %s', async (format) => {
    const root = plans(6);
    const one = await cli(['audit', root, '--jobs', '1', '--format', format, '--show-reviewed']);
    const two = await cli(['audit', root, '--jobs', '2', '--format', format, '--show-reviewed']);
    expect(one.stdout.length).toBeGreaterThan(100);
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(one.code);
  });
});

describe('--cache', () => {
  it('reuses the results of unchanged plans, re-audits a changed one, and ignores a broken cache', async () => {
    const root = plans(5);
    const location = join(mkdtempSync(join(tmpdir(), 'plan-cache-')), 'cache.json');
    const args = ['audit', root, '--format', 'json', '--cache', '--cache-location', location];
    const first = await cli(args);
    const again = await cli(args);
    expect(again.stdout).toBe(first.stdout);
    // Reused, not recomputed: a result planted in the cache for an unchanged plan comes back.
    const cache = JSON.parse(readFileSync(location, 'utf8')) as { entries: Record<string, { result: { findings: { message: string }[] } }> };
    const p03 = Object.keys(cache.entries).find((dir) => dir.endsWith('p03'))!;
    cache.entries[p03]!.result.findings[0]!.message = 'planted';
    writeFileSync(location, JSON.stringify(cache));
    expect((await cli(args)).stdout).toContain('"message":"planted"');
    // A change to the plan's files re-audits it.
    edit(join(root, 'p03', 'projects.yaml'), 'end: 2027', 'end: 2028');
    const changed = await cli(args);
    expect(changed.stdout).not.toContain('planted');
    expect(changed.stdout).toContain('2028');
    // A corrupt or foreign cache is ignored and rewritten.
    for (const broken of ['{"format":"plan-cache/1","tool":"x","entries":{}', '{"format":"other","entries":{"a":1}}', '\u0000']) {
      writeFileSync(location, broken);
      expect((await cli(args)).stdout).toBe(changed.stdout);
      expect(JSON.parse(readFileSync(location, 'utf8')).format).toBe('plan-cache/1');
    }
  });

  it('never writes the cache inside a plan folder', async () => {
    const root = plans(1);
    const result = await cli(['audit', root, '--cache-location', join(root, 'p01', '.plancache')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/plan folder/);
  });
});
