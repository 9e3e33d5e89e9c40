// The costs that grew faster than their input (issue 20's break-test), as series of growing
// plans, each timed as a whole process at 2–3 sizes with its growth exponent k (t ∝ N^k, net of
// the same command on the smallest plan's fixed cost); the target is k ≤ 1.1. Run by
// `npm run bench` (and alone by `npm run bench -- --costs`, or `node scripts/bench-costs.mjs`).
//
// Each plan is the test fixture `mini` with one file rewritten:
//   quote repeats      N figures quoting one sentence printed N times in source.txt (provenance)
//   one key            N statements of one fact key, in five values (facts, export csv)
//   one key, bounds    N statements of one key, each a different bound (facts)
//   links              N box items linking one project (audit, facts, export)
//   projects           N projects, each with a finding and a fact of its own (report, export csv, facts)

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const planBin = join(root, 'bin', 'plan.js');
const mini = join(root, 'test', 'fixtures', 'mini');
const QUICK = process.env.BENCH_QUICK === '1';
const MAX_GROWTH_EXPONENT = 1.1;
/** A run longer than this is stopped and counted as failed. */
const TIMEOUT_MS = QUICK ? 60_000 : 300_000;

const tmp = mkdtempSync(join(os.tmpdir(), 'plan-costs-'));
// `--keep`: the plans stay, to profile one by hand (`node scripts/bench-costs.mjs --make links 5000 --keep`).
if (!process.argv.includes('--keep')) process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

function planOf(name, n, write) {
  const dir = join(tmp, `${name}-${n}`, 'plan');
  cpSync(mini, dir, { recursive: true });
  write(dir, n);
  return dir;
}

const yamlLines = (lines) => `${lines.join('\n')}\n`;

function quoteRepeats(dir, n) {
  const sentence = '建成社区服务站12个';
  writeFileSync(join(dir, 'source.txt'), `${readFileSync(join(dir, 'source.txt'), 'utf8')}\n${Array.from({ length: n }, () => `另${sentence}。`).join('\n')}\n`);
  const facts = Array.from({ length: n }, () => `      - { fact: community.stations, value: 12, unit: 个, quote: ${sentence} }`);
  writeFileSync(join(dir, 'statements.yaml'), yamlLines(['statements:', '  - chapter: 一', '    facts:', ...facts]));
}

function oneKey(dir, n) {
  const facts = Array.from({ length: n }, (_, i) => `      - { fact: community.stations, value: ${10 + (i % 5)}, unit: 个, quote: 建成社区服务站12个 }`);
  writeFileSync(join(dir, 'statements.yaml'), yamlLines(['statements:', '  - chapter: 一', '    facts:', ...facts]));
}

function oneKeyBounds(dir, n) {
  const facts = Array.from({ length: n }, (_, i) => `      - { fact: community.stations, value: ${i + 1}, unit: 个, bound: ${i % 2 ? '不少于' : '不超过'}, quote: 建成社区服务站12个 }`);
  writeFileSync(join(dir, 'statements.yaml'), yamlLines(['statements:', '  - chapter: 一', '    facts:', ...facts]));
}

function links(dir, n) {
  const items = Array.from({ length: n }, (_, i) => [
    `      - number: ${i + 1}`,
    `        title: 保障性租赁住房建设${i + 1}`,
    '        works:',
    '          - { name: 保障性租赁住房建设, projects: [1] }',
    '        facts:',
    '          - { fact: housing.rental-new.units, value: 100, unit: 套 }',
  ]).flat();
  writeFileSync(join(dir, 'boxes.yaml'), yamlLines(['boxes:', '  - number: 3', '    title: 住有所居重点工程', '    chapter: 二', '    items:', ...items]));
}

function projects(dir, n) {
  const lines = ['title: 重点项目清单', `total: ${n}`, 'sections:', '  - numeral: 一', '    name: 住有所居', `    subtotal: ${n}`, '    projects:'];
  for (let i = 1; i <= n; i++) {
    // Built after the plan period: one outside-plan-period finding a project.
    lines.push(`      - serial: ${i}`, `        name: 测试县项目${i}`, '        start: 2026', '        end: 2027', '        investment: 1', '        facts:', `          - { fact: project.p${i}.beds, value: ${i}, unit: 张 }`);
  }
  writeFileSync(join(dir, 'projects.yaml'), yamlLines(lines));
  writeFileSync(join(dir, 'boxes.yaml'), 'boxes: []\n');
}

const SERIES = [
  { name: 'quote repeats', write: quoteRepeats, sizes: QUICK ? [250, 500] : [4_000, 8_000, 16_000], commands: [['audit', '--format', 'json'], ['coverage', '--format', 'json'], ['report']] },
  { name: 'one key', write: oneKey, sizes: QUICK ? [500, 1_000] : [2_500, 5_000, 10_000], commands: [['facts', '--format', 'json'], ['export', '--format', 'csv']] },
  { name: 'one key, bounds', write: oneKeyBounds, sizes: QUICK ? [300, 600] : [3_000, 6_000, 12_000], commands: [['facts', '--format', 'json']] },
  { name: 'links', write: links, sizes: QUICK ? [500, 1_000] : [1_250, 2_500, 5_000], commands: [['audit', '--format', 'json'], ['facts', '--format', 'json'], ['export']] },
  { name: 'projects', write: projects, sizes: QUICK ? [2_000, 4_000] : [10_000, 30_000, 100_000], commands: [['report'], ['export', '--format', 'csv'], ['facts']] },
];

/** The faster of two runs (one in QUICK): other work on the machine only ever slows a run down. */
function time(args, dir) {
  const first = timeOnce(args, dir);
  if (QUICK || !first.ok) return first;
  const second = timeOnce(args, dir);
  return second.ms < first.ms ? second : first;
}

function timeOnce(args, dir) {
  const csv = args.includes('csv');
  const out = csv ? ['--output', join(tmp, `csv-${Math.random().toString(36).slice(2)}`)] : [];
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [planBin, ...args, ...out, dir], { encoding: 'utf8', maxBuffer: 2 ** 30, timeout: TIMEOUT_MS, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const ok = (result.status === 0 || result.status === 1) && !result.signal;
  return { ms, ok, how: result.signal ? `killed (${result.signal}) after ${(ms / 1000).toFixed(0)} s` : `exit ${result.status}: ${(result.stderr ?? '').split('\n')[0]}` };
}

/** Runs every series; returns one line a series and command, with its verdict. */
export function runCosts(log = console.log) {
  const results = [];
  for (const series of SERIES) {
    for (const command of series.commands) {
      const points = [];
      for (const n of series.sizes) {
        const dir = planOf(series.name.replace(/\W+/g, '-'), n, series.write);
        const run = time(command, dir);
        points.push({ n, ...run });
        rmSync(join(dir, '..'), { recursive: true, force: true });
        if (!run.ok) break;
      }
      const done = points.every((p) => p.ok) && points.length === series.sizes.length;
      // Net of the fixed cost (start-up, the rest of the plan): the same command on an empty
      // series plan is the smallest size scaled down, so the first point stands for it.
      const fixed = time(command, planOf('fixed', 0, series.write)).ms;
      const net = points.map((p) => ({ n: p.n, ms: Math.max(p.ms - fixed, 1) }));
      const exponent = done ? Math.log(net.at(-1).ms / net[0].ms) / Math.log(net.at(-1).n / net[0].n) : NaN;
      const text = `${series.name} — plan ${command.join(' ')}: ${points.map((p) => `${p.n.toLocaleString('en-US')} in ${p.ok ? `${(p.ms / 1000).toFixed(2)} s` : p.how}`).join(', ')}; fixed ${(fixed / 1000).toFixed(2)} s; growth exponent k = ${done ? exponent.toFixed(2) : '—'} ≤ ${MAX_GROWTH_EXPONENT}`;
      const pass = done && exponent <= MAX_GROWTH_EXPONENT;
      results.push({ pass, text });
      log(`  ${pass ? 'PASS' : 'FAIL'}  ${text}`);
    }
  }
  return results;
}

const makeAt = process.argv.indexOf('--make');
if (process.argv[1] === fileURLToPath(import.meta.url) && makeAt >= 0) {
  const series = SERIES.find((s) => s.name.replace(/\W+/g, '-') === process.argv[makeAt + 1]);
  if (!series) throw new Error(`bench-costs: no series ${process.argv[makeAt + 1]} (${SERIES.map((s) => s.name.replace(/\W+/g, '-')).join(', ')})`);
  console.log(planOf(series.name.replace(/\W+/g, '-'), Number(process.argv[makeAt + 2]), series.write));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log('costs that grew faster than their input (issue 20)');
  const results = runCosts();
  process.exitCode = results.every((r) => r.pass) ? 0 : 1;
}
