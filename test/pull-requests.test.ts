import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliResult, cli, cliIn, markdownlint, P, planCopy, reportValidators, TABLES, WUSHAN } from './helpers.js';

const PLAN = 'plan-data/wushan-2021-2025';

interface Edit {
  readonly file: string;
  readonly from: string;
  readonly to: string;
}

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=plan', '-c', 'user.email=plan@example.org', ...args], { cwd: repo, encoding: 'utf8' });
}

function apply(repo: string, edits: readonly Edit[]): void {
  for (const edit of edits) {
    const path = join(repo, PLAN, edit.file);
    const text = readFileSync(path, 'utf8');
    if (!text.includes(edit.from)) throw new Error(`not in ${edit.file}: ${edit.from}`);
    writeFileSync(path, text.split(edit.from).join(edit.to));
  }
}

/** A repository whose main holds the bundled plan (after `base` edits), and a pull request's edits in the work tree. */
function pullRequest(base: readonly Edit[], change: readonly Edit[]): string {
  const repo = mkdtempSync(join(tmpdir(), 'plan-pr-'));
  git(repo, 'init', '-q', '-b', 'main');
  cpSync(WUSHAN, join(repo, PLAN), { recursive: true });
  apply(repo, base);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'main');
  apply(repo, change);
  return repo;
}

/** The CLI in-process in the repository, as `plan` run there (the bin itself is spawned in cli.test.ts). */
const plan = (repo: string, ...args: string[]): Promise<CliResult> => cliIn(repo, args);

interface DiffJson {
  changes: { kind: string; ref: string; field?: string; fact?: string; before?: string; after?: string; unit?: string; location?: { line: number } }[];
  findings: { new: { ruleId: string; severity: string; review?: unknown }[]; fixed: { ruleId: string }[]; unchanged: number };
}

const project62 = readFileSync(join(WUSHAN, 'projects.yaml'), 'utf8').match(/ {6}- serial: 62\n(?: {8}.*\n)+/)![0];

const CASES = [
  {
    name: 'change one figure: project 2 investment',
    base: [],
    change: [{ file: 'projects.yaml', from: 'investment: 1300', to: 'investment: 1400' }],
    changes: [{ kind: 'project-field', ref: '附表 序号2', field: 'investment', before: '1300', after: '1400', unit: '万元' }],
    fresh: [{ ruleId: 'appendix-sums', severity: 'error' }],
    fixed: [],
    exitCode: 1,
  },
  {
    name: 'edit one as another place prints it: the rental housing floor area of project 32',
    base: [],
    change: [
      { file: 'projects.yaml', from: 'housing.rental-new.floor-area, value: 80000', to: 'housing.rental-new.floor-area, value: 70000' },
      { file: 'projects.yaml', from: '新建保障性租赁住房1000套，建筑面积80000㎡。', to: '新建保障性租赁住房1000套，建筑面积70000㎡。' },
    ],
    changes: [
      { kind: 'project-field', ref: '附表 序号32', field: 'content' },
      { kind: 'figure-changed', ref: '附表 序号32', fact: 'housing.rental-new.floor-area', before: '80000', after: '70000', unit: '㎡' },
    ],
    // The appendix row prints 80000: the new quote stands only in 专栏8, and provenance, which
    // looks a quote up in its own place, says so. The review of the old disagreement now matches
    // nothing: plan review --prune removes it.
    fresh: [
      { ruleId: 'provenance', severity: 'error' },
      { ruleId: 'stale-review', severity: 'warning' },
    ],
    fixed: [{ ruleId: 'fact-agreement' }],
    exitCode: 1,
  },
  {
    name: 'add a project with its subtotal and the total',
    base: [
      { file: 'projects.yaml', from: project62, to: '' },
      { file: 'projects.yaml', from: 'subtotal: 139700', to: 'subtotal: 139400' },
      { file: 'projects.yaml', from: 'total: 1625359', to: 'total: 1625059' },
    ],
    change: [
      { file: 'projects.yaml', from: '        investment: 100\n        facts: []\n', to: `        investment: 100\n        facts: []\n${project62}` },
      { file: 'projects.yaml', from: 'subtotal: 139400', to: 'subtotal: 139700' },
      { file: 'projects.yaml', from: 'total: 1625059', to: 'total: 1625359' },
    ],
    changes: [
      { kind: 'project-added', ref: '附表 序号62', after: '巫峡镇综合文化服务中心（九、文体服务）' },
      { kind: 'section-field', ref: '附表 九、文体服务', field: 'subtotal', before: '139400', after: '139700', unit: '万元' },
      { kind: 'total-changed', ref: '附表 合计', before: '1625059', after: '1625359', unit: '万元' },
    ],
    // The education city's money is missing from another total now: a new finding, but the one its
    // review names (by fingerprint); so is the restored project's. Both reviews were stale on main.
    fresh: [
      { ruleId: 'money-outside-total', severity: 'error', reviewed: true },
      { ruleId: 'unboxed-project', severity: 'info', reviewed: true },
    ],
    fixed: [{ ruleId: 'money-outside-total' }, { ruleId: 'stale-review' }, { ruleId: 'stale-review' }],
    exitCode: 0,
  },
  {
    name: 'rename a fact key',
    base: [],
    change: ['boxes.yaml', 'projects.yaml', 'statements.yaml'].map((file) => ({ file, from: 'fact: housing.rental-new.units', to: 'fact: housing.rental-housing.units' })),
    changes: [{ kind: 'fact-renamed', fact: 'housing.rental-housing.units', before: 'housing.rental-new.units', after: 'housing.rental-housing.units' }],
    fresh: [],
    fixed: [],
    exitCode: 0,
  },
  {
    name: 'move lines around: keys reordered, comments and blank lines added',
    base: [],
    change: [
      { file: 'projects.yaml', from: '        start: 2022\n        end: 2023\n        investment: 4000\n', to: '        investment: 4000\n\n        # years as printed\n        end: 2023\n        start: 2022\n' },
      { file: 'boxes.yaml', from: 'boxes:\n', to: '# 专栏3–11\n\nboxes:\n' },
    ],
    changes: [],
    fresh: [],
    fixed: [],
    exitCode: 0,
  },
];

describe('a data pull request, scripted in a temporary git repository', { timeout: 60_000 }, () => {
  it.each(CASES)('$name', async ({ base, change, changes, fresh, fixed, exitCode }) => {
    const schemas = await reportValidators();
    const repo = pullRequest(base, change);
    const status = git(repo, 'status', '--porcelain');
    const diff = await plan(repo, 'diff', 'main', '--format', 'json');
    expect(diff.stderr).toBe('');
    expect(diff.code).toBe(exitCode);
    const report = JSON.parse(diff.stdout) as DiffJson;
    expect(schemas.diff(report), JSON.stringify(schemas.errors())).toBe(true);
    expect(report.changes).toHaveLength(changes.length);
    for (const [index, expected] of changes.entries()) expect(report.changes[index]).toMatchObject(expected);
    expect(report.findings.new.map((f) => ({ ruleId: f.ruleId, severity: f.severity, ...(f.review ? { reviewed: true } : {}) }))).toEqual(fresh);
    expect(report.findings.fixed.map((f) => ({ ruleId: f.ruleId }))).toEqual(fixed);
    // The audit of the same pull request classifies its findings the same way.
    const audit = await plan(repo, 'audit', '--since', 'main', '--format', 'json');
    expect(audit.code).toBe(exitCode);
    const audited = JSON.parse(audit.stdout);
    expect(schemas.audit(audited), JSON.stringify(schemas.errors())).toBe(true);
    expect(audited.since).toMatchObject({ base: 'main', new: fresh.length, fixed: fixed.length });
    // Nothing was checked out: the work tree and index are as the pull request left them.
    expect(git(repo, 'status', '--porcelain')).toBe(status);
  });

  it('puts an annotation on a line the pull request touched, not on the subtotal outside the diff', async () => {
    const repo = pullRequest([], CASES[0]!.change);
    const out = (await plan(repo, 'audit', '--since', 'main', '--format', 'github')).stdout;
    const line = readFileSync(join(repo, PLAN, 'projects.yaml'), 'utf8').split('\n').indexOf('        investment: 1400') + 1;
    expect(out.split('\n')[0]).toMatch(new RegExp(`^::error file=${PLAN}/projects\\.yaml,line=${line},.*title=appendix-sums \\(new\\)::`));
  });

  it('annotates the one new finding and none of the unchanged reviewed ones', async () => {
    const repo = pullRequest([], CASES[0]!.change);
    const out = (await plan(repo, 'audit', '--since', 'main', '--format', 'github')).stdout;
    expect(out.split('\n').filter((line) => line.startsWith('::'))).toHaveLength(1);
    expect(out).toMatch(/\d+ reviewed findings hidden; --show-reviewed shows them\n$/);
    // Even asked to show reviewed findings, the github format leaves out the ones the change did not bring.
    const shown = (await plan(repo, 'audit', '--since', 'main', '--format', 'github', '--show-reviewed')).stdout;
    expect(shown.split('\n').filter((line) => line.startsWith('::'))).toHaveLength(1);
  });

  it.each([
    { args: ['diff', 'no-such-branch'], code: 2, message: /no such revision or folder: no-such-branch/ },
    { args: ['audit', '--since', 'no-such-branch'], code: 2, message: /no such revision or folder: no-such-branch/ },
    { args: ['diff', 'main', '--format', 'text'], code: 0, message: /^$/ },
  ])('plan $args → $code', async ({ args, code, message }) => {
    const repo = pullRequest([], []);
    const result = await plan(repo, ...args);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
  });

  it('writes markdown for the pull request that passes markdownlint: the audit since the base and the diff', async () => {
    const repo = pullRequest([], [...CASES[0]!.change, ...CASES[1]!.change]);
    const env = ['--repository-url', 'https://github.com/owner/plan', '--commit', 'abc123'];
    const audit = (await plan(repo, 'audit', '--since', 'main', '--format', 'markdown', ...env)).stdout;
    const diff = (await plan(repo, 'diff', 'main', '--format', 'markdown', ...env)).stdout;
    expect(audit).toMatch(/Since `main`: \*\*3 new\*\*, 1 fixed, \d+ unchanged\./);
    expect(audit).toContain('### New findings (3)');
    expect(audit).not.toContain('<summary>Reviewed findings');
    expect(audit).toMatch(/\d+ reviewed findings hidden; `--show-reviewed` shows them\n$/);
    expect(diff).toContain('| figure changed | [wushan-2021-2025 附表 序号32](https://github.com/owner/plan/blob/abc123/plan-data/wushan-2021-2025/projects.yaml#L417) | housing.rental-new.floor-area | 80000 → 70000 ㎡ |');
    const lint = await markdownlint({ 'audit.md': audit, 'diff.md': diff });
    expect(lint.output).toMatch(/Summary: 0 (issues|error\(s\))/);
  });

  it('names the table of each change in a plan of two appendix tables', async () => {
    const before = planCopy(TABLES);
    const after = planCopy(TABLES, [P('projects.yaml', '    total: 1000\n', '    total: 1100\n'), P('projects.yaml', 'investment: 1000', 'investment: 1100')]);
    const result = await cli(['diff', before, after, '--format', 'text']);
    expect(result.stdout).toMatch(/附表2 序号1 {2}investment {2}1000 → 1100 万元/);
    expect(result.stdout).toMatch(/附表2 合计 {2}total {2}1000 → 1100 万元/);
    expect(result.stdout).not.toMatch(/附表1/);
  });

  it('compares two folders too', async () => {
    const repo = pullRequest([], CASES[1]!.change);
    const old = mkdtempSync(join(tmpdir(), 'plan-old-'));
    git(repo, 'worktree', 'add', '-q', '--detach', join(old, 'main'), 'main');
    const result = await plan(repo, 'diff', join(old, 'main', 'plan-data'), 'plan-data', '--format', 'text');
    expect(result.stdout).toMatch(/figure changed {2}附表 序号32 {2}housing\.rental-new\.floor-area {2}80000 → 70000 ㎡/);
    expect(result.stdout).toMatch(/Findings: 2 new, 1 fixed, \d+ unchanged\./);
  });
});
