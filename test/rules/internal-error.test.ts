import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { relationArithmetic } from '../../src/rules/relation-arithmetic.js';
import { cli, MINI, P, planCopy, SECOND } from '../helpers.js';

interface Report {
  readonly findings: readonly { readonly ruleId: string; readonly messageId: string; readonly plan?: string; readonly message: string; readonly data: Record<string, string> }[];
}

/** The bug injected: the rule throws on the plan `second-2021-2025` only. */
function breakRuleOn(planId: string): void {
  const check = relationArithmetic.check!;
  vi.spyOn(relationArithmetic, 'check').mockImplementation((context) => {
    if (context.plan.id === planId) throw new TypeError('injected failure');
    check(context);
  });
}

const injected = vi.hoisted(() => ({ failModelOf: '' }));
vi.mock('../../src/load/builders/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/load/builders/index.js')>();
  return {
    ...real,
    buildPlanModel: (...args: Parameters<typeof real.buildPlanModel>) => {
      if (resolve(args[0].dir) === injected.failModelOf) throw new RangeError('injected stage failure');
      return real.buildPlanModel(...args);
    },
  };
});

afterEach(() => {
  vi.restoreAllMocks();
  injected.failModelOf = '';
});

describe('a rule that throws', () => {
  it('is that plan’s internal error, naming the rule, the plan and a reproduction; the other plan is still audited', async () => {
    breakRuleOn('second-2021-2025');
    const mini = planCopy(MINI, [P('projects.yaml', 'total: 3000', 'total: 3001')]);
    const second = planCopy(SECOND, [P('indicators.yaml', 'target: { value: 3 }', 'target: { value: 5 }')]);
    const result = await cli(['audit', mini, second, '--format', 'json']);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as Report;
    const internal = report.findings.filter((f) => f.ruleId === 'internal-error');
    expect(internal[0]).toMatchObject({ messageId: 'rule-failed', plan: 'second-2021-2025' });
    expect(internal.map((f) => [f.messageId, f.plan, f.data['rule'], f.data['command']])).toEqual([['rule-failed', 'second-2021-2025', 'relation-arithmetic', `plan audit ${second} --rule relation-arithmetic`]]);
    expect(internal[0]!.message).toMatch(/injected failure.*Please report it.*add --debug for the stack/);
    expect(internal[0]!.message).not.toMatch(/\n\s+at /);
    // The other rules of that plan, and the other plan, are still audited and printed.
    expect(report.findings.filter((f) => f.ruleId !== 'internal-error').map((f) => [f.plan, f.ruleId]).sort()).toEqual([
      ['mini-2021-2025', 'appendix-sums'],
      ['second-2021-2025', 'reachability'],
    ]);
  });

  it('gives its stack with --debug, in Chinese too', async () => {
    breakRuleOn('second-2021-2025');
    const result = await cli(['audit', planCopy(SECOND), '--format', 'json', '--debug', '--lang', 'zh']);
    const internal = (JSON.parse(result.stdout) as Report).findings.find((f) => f.ruleId === 'internal-error')!;
    expect(internal.message).toMatch(/规则 relation-arithmetic 在规划 second-2021-2025 上出错：injected failure。请报告此问题/);
    expect(internal.message).toMatch(/TypeError: injected failure\n\s+at /);
  });

  it('in the text format, says so for that plan and prints the other plan’s findings', async () => {
    breakRuleOn('mini-2021-2025');
    const result = await cli(['audit', planCopy(MINI), planCopy(SECOND), '--format', 'text']);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/the rule relation-arithmetic failed on the plan mini-2021-2025/);
    expect(result.stdout).toMatch(/second-2021-2025/);
  });
});

describe('a stage that throws', () => {
  it('ends that plan’s run with an internal error naming the stage; the other plan is audited', async () => {
    const mini = planCopy(MINI, [P('projects.yaml', 'total: 3000', 'total: 3001')]);
    const second = planCopy(SECOND);
    injected.failModelOf = resolve(second);
    const result = await cli(['audit', mini, second, '--format', 'json']);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.findings.find((f) => f.ruleId === 'internal-error')).toMatchObject({ messageId: 'stage-failed', plan: 'second-2021-2025', data: { stage: 'model' } });
    expect(report.findings.map((f) => [f.plan, f.ruleId, f.messageId, f.data['stage'] ?? '']).sort()).toEqual([
      ['mini-2021-2025', 'appendix-sums', 'total-mismatch', ''],
      ['second-2021-2025', 'internal-error', 'stage-failed', 'model'],
    ]);
    expect(report.findings.find((f) => f.ruleId === 'internal-error')!.message).toMatch(/the model stage failed on the plan second-2021-2025: injected stage failure\. Please report it with the reproduction: plan audit /);
  });
});

/** A folder of four copies of the mini plan, p1 … p4: enough plans for `--jobs` to start workers. */
function fourPlans(): string {
  const root = join(mkdtempSync(join(tmpdir(), 'plan-internal-')), 'plans');
  for (let i = 1; i <= 4; i++) {
    const dir = join(root, `p${i}`);
    cpSync(MINI, dir, { recursive: true });
    const plan = join(dir, 'plan.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^id: .*$/m, `id: p${i}`));
  }
  return root;
}

/** The built bin with relation-arithmetic broken on one plan, in this process and in its workers. */
function brokenRun(args: readonly string[], planId: string): { code: number | null; stdout: string; stderr: string } {
  const preload = new URL('../fixtures/break-rule.mjs', import.meta.url).href;
  const bin = new URL('../../bin/plan.js', import.meta.url).pathname;
  const child = spawnSync(process.execPath, ['--import', preload, bin, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', BREAK_PLAN: planId, PLAN_DEBUG: '' } });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('an internal error inside a --jobs worker', () => {
  it('is the same finding, output and exit code as without workers; --debug gives the worker’s stack', () => {
    const root = fourPlans();
    const one = brokenRun(['audit', root, '--format', 'json', '--jobs', '1'], 'p3');
    const two = brokenRun(['audit', root, '--format', 'json', '--jobs', '2'], 'p3');
    expect(one.code).toBe(2);
    const internal = (JSON.parse(one.stdout) as Report).findings.filter((f) => f.ruleId === 'internal-error');
    expect(internal.map((f) => [f.messageId, f.plan, f.data['rule']])).toEqual([['rule-failed', 'p3', 'relation-arithmetic']]);
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(one.code);

    const debug = brokenRun(['audit', root, '--format', 'json', '--jobs', '2', '--debug'], 'p3');
    const message = (JSON.parse(debug.stdout) as Report).findings.find((f) => f.ruleId === 'internal-error')!.message;
    expect(message).toMatch(/TypeError: injected failure\n\s+at /);
  });
});
