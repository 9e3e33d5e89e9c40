import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SARIF_MAX_RESULTS } from '../src/formatters/sarif.js';
import { cli, MINI, planCopy } from './helpers.js';

/**
 * Projects built after 2025, each an outside-plan-period warning and an unboxed-project note; the
 * last few also end before they start (year-order errors). One name and one content for all,
 * printed once in the source text: the plan is cheap to audit.
 */
function crowdedPlan(count: number, reversed: number): string {
  const dir = planCopy(MINI);
  const file = join(dir, 'projects.yaml');
  const projects: string[] = [];
  for (let serial = 3; serial < count + 3; serial++) {
    const [start, end] = serial >= count + 3 - reversed ? [2027, 2026] : [2026, 2027];
    projects.push(`      - { serial: ${serial}, name: 测试县其他新建项目, nature: 新建, content: 新建其他项目。, start: ${start}, end: ${end}, investment: 1 }\n`);
  }
  appendFileSync(join(dir, 'source.txt'), '测试县其他新建项目：新建其他项目。\n');
  const text = readFileSync(file, 'utf8').replace('total: 3000', `total: ${3000 + count}`);
  writeFileSync(file, `${text}  - numeral: 三\n    name: 其他\n    subtotal: ${count}\n    projects:\n${projects.join('')}`);
  return dir;
}

interface SarifLog {
  runs: { results: { level: string; ruleId: string }[]; properties?: { resultsLeftOut: number; resultsLimit: number; note: string } }[];
}

describe('SARIF holds at most 25,000 results a run', () => {
  it('keeps the errors first, and says in the run and on stderr how many were left out', async () => {
    // Two findings a project: past the limit with half as many projects.
    const dir = crowdedPlan(SARIF_MAX_RESULTS / 2 + 100, 5);
    const output = join(dir, '..', 'audit.sarif');
    const sarif = await cli(['audit', dir, '--format', 'sarif', '--output', output]);
    expect(sarif.code).toBe(1);
    const [run] = (JSON.parse(readFileSync(output, 'utf8')) as SarifLog).runs;
    expect(run!.results).toHaveLength(SARIF_MAX_RESULTS);
    // The five errors are the last projects of the appendix, and the first results.
    expect(run!.results.slice(0, 5).map((result) => `${result.level} ${result.ruleId}`)).toEqual(Array(5).fill('error year-order'));
    expect(run!.results.filter((result) => result.level === 'error')).toHaveLength(5);
    const leftOut = run!.properties!.resultsLeftOut;
    expect(leftOut).toBeGreaterThanOrEqual(200);
    expect(run!.properties).toMatchObject({ resultsLimit: SARIF_MAX_RESULTS, note: expect.stringContaining(`${leftOut} more are left out`) });
    expect(sarif.stderr.trim().split('\n')).toEqual([expect.stringContaining(`${leftOut} more are left out`)]);
  }, 120_000);

  it('leaves a run under the limit whole, in the report order, with no note', async () => {
    const dir = crowdedPlan(20, 2);
    const output = join(dir, '..', 'audit.sarif');
    const sarif = await cli(['audit', dir, '--format', 'sarif', '--output', output]);
    expect(sarif.stderr).toBe('');
    const [run] = (JSON.parse(readFileSync(output, 'utf8')) as SarifLog).runs;
    expect(run!.properties).toBeUndefined();
    expect(run!.results.length).toBeGreaterThanOrEqual(20);
  });
});
