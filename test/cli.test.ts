import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, MINI, planCopy, WUSHAN } from './helpers.js';

const withWarning = (): string => planCopy(MINI, [{ file: 'projects.yaml', from: 'end: 2025', to: 'end: 2027' }]);
const withError = (): string => planCopy(MINI, [{ file: 'projects.yaml', from: 'total: 3000', to: 'total: 3001' }]);
const withSchemaError = (): string => planCopy(MINI, [{ file: 'projects.yaml', from: 'investment: 2000', to: 'investmnt: 2000' }]);

const CASES: readonly { name: string; args: () => string[]; exitCode: number }[] = [
  { name: 'validate a clean plan', args: () => ['validate', MINI], exitCode: 0 },
  { name: 'audit a clean plan', args: () => ['audit', MINI], exitCode: 0 },
  { name: 'validate a plan with a schema error', args: () => ['validate', withSchemaError()], exitCode: 1 },
  { name: 'audit a plan with a schema error', args: () => ['audit', withSchemaError()], exitCode: 1 },
  { name: 'audit a plan with an error', args: () => ['audit', withError()], exitCode: 1 },
  { name: 'validate ignores audit findings', args: () => ['validate', withError()], exitCode: 0 },
  { name: 'a warning passes by default', args: () => ['audit', withWarning()], exitCode: 0 },
  { name: '--fail-on warning', args: () => ['audit', withWarning(), '--fail-on', 'warning'], exitCode: 1 },
  { name: '--max-warnings 0', args: () => ['audit', withWarning(), '--max-warnings', '0'], exitCode: 1 },
  { name: '--max-warnings 1', args: () => ['audit', withWarning(), '--max-warnings', '1'], exitCode: 0 },
  { name: '--rule runs only that rule', args: () => ['audit', withError(), '--rule', 'numbering'], exitCode: 0 },
  { name: 'an unknown rule', args: () => ['audit', MINI, '--rule', 'no-such-rule'], exitCode: 2 },
  { name: 'an unknown format', args: () => ['audit', MINI, '--format', 'xml'], exitCode: 2 },
  { name: 'an unknown option', args: () => ['audit', '--frobnicate'], exitCode: 2 },
  { name: 'an unknown command', args: () => ['frobnicate'], exitCode: 2 },
  { name: 'a bad --max-warnings', args: () => ['audit', MINI, '--max-warnings', 'many'], exitCode: 2 },
  { name: 'a missing path', args: () => ['audit', '/no/such/plan'], exitCode: 2 },
  { name: '--help', args: () => ['--help'], exitCode: 0 },
  { name: '--version', args: () => ['--version'], exitCode: 0 },
  { name: 'rules', args: () => ['rules'], exitCode: 0 },
  { name: 'export', args: () => ['export', MINI], exitCode: 0 },
  { name: 'export of an invalid plan', args: () => ['export', withSchemaError()], exitCode: 1 },
  { name: 'the bundled plan validates', args: () => ['validate', WUSHAN], exitCode: 0 },
  { name: 'the bundled plan: every finding reviewed', args: () => ['audit', WUSHAN], exitCode: 0 },
  { name: 'the bundled plan, counting reviewed findings', args: () => ['audit', WUSHAN, '--fail-on-reviewed'], exitCode: 1 },
];

describe('exit codes', () => {
  it.each(CASES)('$name → $exitCode', async ({ args, exitCode }) => {
    const result = await cli(args());
    expect(result.code).toBe(exitCode);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});

describe('output', () => {
  it('speaks Chinese with --lang zh and from LANG', async () => {
    expect((await cli(['audit', withError(), '--lang', 'zh'])).stdout).toContain('合计为 3001万元');
    expect((await cli(['audit', withError()], { LANG: 'zh_CN.UTF-8' })).stdout).toContain('合计为 3001万元');
    expect((await cli(['audit', withError()])).stdout).toContain('grand total 3001 万元');
  });

  it('colours only on a TTY, and never with NO_COLOR or --no-color', async () => {
    const dir = withError();
    expect((await cli(['audit', dir])).stdout).not.toContain('\u001b[');
    expect((await cli(['audit', dir], {}, true)).stdout).toContain('\u001b[');
    expect((await cli(['audit', dir], { NO_COLOR: '1' }, true)).stdout).not.toContain('\u001b[');
    expect((await cli(['audit', dir, '--no-color'], {}, true)).stdout).not.toContain('\u001b[');
  });

  it('writes the report to --output and nothing to stdout', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'plan-out-')), 'report.json');
    const result = await cli(['audit', withError(), '--format', 'json', '--output', target]);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(target, 'utf8')).summary.error).toBe(1);
  });

  it('refuses to write the report into a plan folder', async () => {
    const dir = withError();
    const result = await cli(['audit', dir, '--output', join(dir, 'projects.yaml')]);
    expect(result.code).toBe(2);
    expect(readFileSync(join(dir, 'projects.yaml'), 'utf8')).toContain('total: 3001');
  });

  it('lists every rule with id, severity and description', async () => {
    const rules = JSON.parse((await cli(['rules', '--format', 'json'])).stdout) as { id: string; severity: string; description: string }[];
    expect(rules.map((r) => r.id)).toContain('fact-agreement');
    expect(rules.every((r) => r.description.length > 0 && ['error', 'warning', 'info'].includes(r.severity))).toBe(true);
  });

  it('exports the whole plan as JSON', async () => {
    const exported = JSON.parse((await cli(['export', WUSHAN])).stdout);
    const projects = exported.projects.sections.flatMap((s: { projects: unknown[] }) => s.projects);
    expect(projects).toHaveLength(62);
    expect(exported.projects.total).toBe(1625359);
  });

  it('audits every plan below a folder, in a stable order, and a broken plan does not stop the others', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'plan-many-'));
    planCopyInto(parent, 'b-broken', [{ file: 'projects.yaml', from: 'investment: 2000', to: 'investment: [' }]);
    planCopyInto(parent, 'a-clean', []);
    const result = await cli(['audit', parent, '--format', 'json']);
    const report = JSON.parse(result.stdout);
    expect(report.summary.plans.map((p: { dir: string; audited: boolean }) => [p.dir.split('/').pop(), p.audited])).toEqual([
      ['a-clean', true],
      ['b-broken', false],
    ]);
    expect(result.code).toBe(2);
  });
});

function planCopyInto(parent: string, name: string, patches: Parameters<typeof planCopy>[1]): void {
  const target = join(parent, name);
  cpSync(planCopy(MINI, patches), target, { recursive: true });
  const planFile = join(target, 'plan.yaml');
  writeFileSync(planFile, readFileSync(planFile, 'utf8').replace('id: mini-2021-2025', `id: ${name}-plan`));
}

describe('the real bin', () => {
  it('runs as a process: audit of the bundled plan exits 0 with its reviewed findings in JSON', () => {
    const bin = new URL('../bin/plan.js', import.meta.url).pathname;
    const child = spawnSync(process.execPath, [bin, 'audit', WUSHAN, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
    expect(child.status).toBe(0);
    expect(child.stderr).toBe('');
    const report = JSON.parse(child.stdout);
    expect(report.findings.some((f: { ruleId: string }) => f.ruleId === 'fact-agreement')).toBe(true);
    expect(report.findings.every((f: { review?: unknown }) => f.review !== undefined)).toBe(true);
  });
});
