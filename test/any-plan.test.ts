import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, type CliResult, P, planCopy, WUSHAN } from './helpers.js';
import { FACT_KEYS, planFolder, SCHEMA_PROPERTIES, schemaProperties, writePlan, type GeneratedPlan } from './plan-arbitrary.js';

const SCHEMAS = new URL('../schemas/', import.meta.url).pathname;

describe('the plan generators know every property of the schemas', () => {
  it.each(readdirSync(SCHEMAS).filter((name) => name.endsWith('.schema.json')))('%s', (name) => {
    const declared = [...schemaProperties(JSON.parse(readFileSync(join(SCHEMAS, name), 'utf8')))].sort();
    expect(declared, `add the new properties to test/plan-arbitrary.ts`).toEqual([...(SCHEMA_PROPERTIES[name] ?? [])].sort());
  });
});

/** Exit 0 or 1, and no internal error anywhere in what was printed. */
function expectAnswered(result: CliResult, what: string): void {
  const printed = `${result.stdout}\n${result.stderr}`;
  expect(printed, what).not.toMatch(/internal error|内部错误|\n\s+at .*\.(js|ts):\d+/);
  expect([0, 1], `${what}: exit ${result.code}\n${result.stderr.slice(0, 2000)}`).toContain(result.code);
}

const FORMATS = ['text', 'json', 'sarif', 'github', 'markdown'];
const git = (cwd: string, ...args: string[]): void => {
  const result = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
};

/**
 * Every command that reads a plan, on `head` written into `repo/plan-data/gen` over `base`,
 * which is committed: validate, audit in every format, summary, trace of every fact, facts,
 * export as JSON and CSV, report, coverage, and diff of the work tree against the commit.
 */
async function everyCommand(repo: string, base: GeneratedPlan, head: GeneratedPlan): Promise<void> {
  const dir = join(repo, 'plan-data', 'gen');
  writePlan(dir, base);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '--allow-empty', '-m', 'base');
  writePlan(dir, head);
  const validate = await cli(['validate', dir, '--format', 'json']);
  expect(validate.code, `validate: ${validate.stdout.slice(0, 3000)}`).toBe(0);
  for (const format of FORMATS) expectAnswered(await cli(['audit', dir, '--format', format]), `audit --format ${format}`);
  for (const command of ['summary', 'facts', 'report', 'coverage']) expectAnswered(await cli([command, dir]), command);
  expectAnswered(await cli(['export', dir]), 'export');
  expectAnswered(await cli(['export', dir, '--format', 'csv', '--output', mkdtempSync(join(tmpdir(), 'plan-csv-'))]), 'export --format csv');
  const facts = await cli(['facts', dir, '--format', 'json']);
  expectAnswered(facts, 'facts --format json');
  const keys = new Set((JSON.parse(facts.stdout) as { facts: { fact: string }[] }).facts.map((f) => f.fact));
  for (const key of [...keys, 'population.resident']) expectAnswered(await cli(['trace', key, '-p', dir]), `trace ${key}`);
  expectAnswered(await cli(['diff', 'HEAD', '--path', 'plan-data', '--fail-on', 'none']), 'diff HEAD');
}

/**
 * The long run's cheap turn: the audit (whose JSON holds no schema finding, so the plan is
 * valid) and one other command in turn.
 */
async function auditAndOne(repo: string, head: GeneratedPlan, turn: number): Promise<void> {
  const dir = join(repo, 'plan-data', 'gen');
  writePlan(dir, head);
  const audit = await cli(['audit', dir, '--format', 'json']);
  expectAnswered(audit, 'audit');
  expect((JSON.parse(audit.stdout) as { findings: { ruleId: string; message: string }[] }).findings.filter((f) => f.ruleId === 'schema')).toEqual([]);
  const others = [['summary', dir], ['facts', dir], ['coverage', dir], ['export', dir], ['trace', FACT_KEYS[turn % FACT_KEYS.length]!, '-p', dir]];
  const args = others[turn % others.length]!;
  expectAnswered(await cli(args), args.join(' '));
}

/** `ANY_PLAN_RUNS` plans (12 by default); every command on each `ANY_PLAN_FULL_EVERY`-th (each by default), the audit and one other on the rest. */
const RUNS = Number(process.env['ANY_PLAN_RUNS'] ?? 12);
const FULL_EVERY = Number(process.env['ANY_PLAN_FULL_EVERY'] ?? 1);

describe('any schema-valid plan', () => {
  let repo: string;
  let cwd: string;
  beforeAll(() => {
    cwd = process.cwd();
    repo = mkdtempSync(join(tmpdir(), 'plan-any-'));
    git(repo, 'init', '-q');
    process.chdir(repo);
  });
  afterAll(() => process.chdir(cwd));

  it('is answered by every command with exit 0 or 1, never an internal error', async () => {
    let count = 0;
    await fc.assert(
      fc.asyncProperty(planFolder, planFolder, async (base, head) => {
        // One id for both sides: diff compares a plan with its own earlier version.
        const id = (head.files['plan.yaml'] as { id: string }).id;
        const sameId = { ...base, files: { ...base.files, 'plan.yaml': { ...(base.files['plan.yaml'] as object), id } } };
        const turn = count++;
        if (turn % FULL_EVERY === 0) await everyCommand(repo, sameId, head);
        else await auditAndOne(repo, head, turn);
      }),
      { seed: Number(process.env['ANY_PLAN_SEED'] ?? 20261205), numRuns: RUNS, endOnFailure: true },
    );
    if (process.env['ANY_PLAN_RUNS']) console.log(`any-plan: ${count} plans, every command on ${Math.ceil(count / FULL_EVERY)}`);
  }, 24 * 3600_000);
});

describe('a zero in the bundled plan', () => {
  it.each([
    { name: 'the childcare baseline 0', patch: P('indicators.yaml', 'baseline: { value: 1.13 }', 'baseline: { value: 0 }') },
    { name: 'the 750 childcare places 0', patch: P('statements.yaml', 'value: 750, unit: 个, period: "2020"', 'value: 0, unit: 个, period: "2020"') },
  ])('$name: audit, summary, trace and report answer', async ({ patch }) => {
    const dir = planCopy(WUSHAN, [patch]);
    for (const args of [['audit', dir], ['summary', dir], ['trace', 'population.resident', '-p', dir], ['report', dir]]) expectAnswered(await cli(args), args[0]!);
  });
});

describe('a reversed plan period', () => {
  it('is one schema error at the period, not a warning per project', async () => {
    const dir = planCopy(WUSHAN, [P('plan.yaml', 'period: { start: 2021, end: 2025 }', 'period: { start: 2025, end: 2021 }')]);
    const report = JSON.parse((await cli(['audit', dir, '--format', 'json'])).stdout) as { findings: { ruleId: string; messageId: string }[] };
    expect(report.findings.map((f) => `${f.ruleId}/${f.messageId}`)).toEqual(['schema/period-reversed']);
  });
});
