// Benchmark of `plan validate`, `plan audit`, `plan report` and `plan lsp`, run by `npm run bench` after `npm run build`.
//
// This is a benchmark, not a test: it times whole processes (start-up included, as a user
// feels it) on synthetic plans made from the bundled one, prints one line per case and then
// PASS/FAIL against the performance targets. A missed target does not change the exit code;
// only a benchmark failure does (a run that crashed or exited 2 = unreadable input).
//
// BENCH_QUICK=1 runs every case once on smaller sizes: a smoke test of the script itself.
// BENCH_RSS=poll forces the /proc polling fallback for peak memory (to test it).
//
// --property N (e.g. `npm run bench -- --property 10000`) runs only the long run of the property
// test (test/any-plan.test.ts): N generated schema-valid plans, each audited and given one other
// command in turn, every command on each 100th; fails when a command ends in an internal error.
// --costs runs only the series of costs that grew faster than their input (issue 20).

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, isMap, parseDocument } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const planBin = join(root, 'bin', 'plan.js');
const bundledDir = join(root, 'plan-data', 'wushan-2021-2025');
const schemasDir = join(root, 'schemas');

const QUICK = process.env.BENCH_QUICK === '1';
const RUNS_SMALL = QUICK ? 1 : 5;
const RUNS_LARGE = QUICK ? 1 : 3;
// The sizes of the linearity series; the largest is also "the plan of 100,000 projects".
const SERIES = QUICK ? [1_000, 3_000, 10_000] : [10_000, 30_000, 100_000];
const PLAN_COUNT = QUICK ? 50 : 1_000;

// Targets of the issue.
const MAX_STARTUP_RATIO = 2; // audit of the bundled plan < 2 × `node -e 0`
const MAX_AJV_FRACTION = 0.5; // audit of the bundled plan < ½ × ajv-cli schema-validating it
const MIN_PROJECTS_PER_SECOND = 20_000; // audit of the largest plan
const MAX_RSS_PER_YAML_BYTE = 10; // peak RSS of the largest audit < 10 × its YAML
const MAX_AUDIT_PER_VALIDATE = 1.5; // the largest plan: audit ≤ 1.5 × validate of the same file
const MAX_MANY_AUDIT_PER_VALIDATE = 2.5; // many plans, both cores: audit ≤ 2.5 × validate
const MAX_CACHED_RATIO = 3; // a cached rerun of CACHED_PLANS unchanged plans ≤ 3 × `node -e 0`
const CACHED_PLANS = QUICK ? 20 : 200;
// "Linear": over the series, time net of the fixed cost grows as N^k with k at most this.
const MAX_GROWTH_EXPONENT = 1.1;

if (!existsSync(join(root, 'dist', 'cli.js')) || !existsSync(join(root, 'dist', 'validators.js'))) {
  console.error('bench: run `npm run build` first');
  process.exit(2);
}

if (process.argv.includes('--costs')) {
  const { runCosts } = await import('./bench-costs.mjs');
  console.log('costs that grew faster than their input (issue 20)');
  const results = runCosts();
  process.exit(results.every((r) => r.pass) ? 0 : 1);
}

const propertyAt = process.argv.indexOf('--property');
if (propertyAt >= 0) {
  const runs = Number(process.argv[propertyAt + 1] ?? 10_000);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error('bench: --property needs a number of plans');
    process.exit(2);
  }
  const started = Date.now();
  const env = { ...process.env, ANY_PLAN_RUNS: String(runs), ANY_PLAN_FULL_EVERY: '100', ANY_PLAN_SEED: process.env.ANY_PLAN_SEED ?? String(Date.now() % 1_000_000) };
  console.log(`property: ${runs.toLocaleString('en-US')} generated plans, seed ${env.ANY_PLAN_SEED}, every command on each 100th`);
  const result = spawnSync('npx', ['vitest', 'run', 'test/any-plan.test.ts', '-t', 'any schema-valid plan'], { cwd: root, env, stdio: 'inherit' });
  console.log(`property: ${result.status === 0 ? 'PASS' : 'FAIL'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.exit(result.status === 0 ? 0 : 1);
}
// The tool's own limit on a data file, so the big plan can be run past it knowingly.
const { DEFAULT_MAX_FILE_BYTES } = await import(new URL('../dist/load/plan-folder.js', import.meta.url).href);

const tmp = mkdtempSync(join(os.tmpdir(), 'plan-bench-'));
const cleanup = () => rmSync(tmp, { recursive: true, force: true });
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

// ─── machine ────────────────────────────────────────────────────────────────────────────────

const cpus = os.cpus();
console.log(`machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);
// Other work on the machine skews wall times: show how busy it was when the run began.
console.log(`load average: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (1, 5, 15 min)`);
// The code measured: the commit, and whether the working tree differs from it.
const described = spawnSync('git', ['describe', '--always', '--dirty'], { cwd: root, encoding: 'utf8' });
console.log(`code: ${described.status === 0 ? described.stdout.trim() : 'not a git checkout'} (dist/ as last built)`);
console.log(`mode: ${QUICK ? 'QUICK (1 run each, small sizes)' : `${RUNS_SMALL} runs small cases, ${RUNS_LARGE} runs large cases; median`}`);

// ─── measuring one process ──────────────────────────────────────────────────────────────────

// Peak memory: GNU time's %M (max RSS of the child, KiB) when present; else poll VmHWM (the
// kernel's own high-water mark of the RSS) in /proc while the child runs; else none.
const timeFile = join(tmp, 'time.out');
function gnuTimeWorks() {
  if (process.env.BENCH_RSS === 'poll' || !existsSync('/usr/bin/time')) return false;
  const probe = spawnSync('/usr/bin/time', ['-f', '%M', '-o', timeFile, process.execPath, '-e', '0'], { stdio: 'ignore' });
  return probe.status === 0 && /^\d+\s*$/.test(readFileSync(timeFile, 'utf8'));
}
const RSS_METHOD = gnuTimeWorks() ? 'time' : existsSync('/proc/self/status') ? 'poll' : 'none';
console.log(`peak memory: ${{ time: '/usr/bin/time -f %M (every run, baseline included)', poll: 'polling /proc/<pid>/status VmHWM every 5 ms', none: 'not measured on this system' }[RSS_METHOD]}`);

/**
 * Runs `command args` once with stdout discarded and returns wall time, peak RSS and how it
 * ended. Wall time is taken around the whole spawn in this process, the same way for every
 * case and for the `node -e 0` baseline, so their ratio is fair.
 */
async function runOnce(command, args, { keepStdout = false } = {}) {
  const stdio = ['ignore', keepStdout ? 'pipe' : 'ignore', 'pipe'];
  const options = { cwd: root, stdio, maxBuffer: 64 * 1024 * 1024 };
  if (RSS_METHOD === 'time') {
    const start = process.hrtime.bigint();
    const child = spawnSync('/usr/bin/time', ['-f', '%M', '-o', timeFile, command, ...args], options);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    // GNU time writes "Command exited with non-zero status N" before %M when the child fails.
    const rssKiB = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1));
    const signal = /Command terminated by signal (\d+)/.exec(readFileSync(timeFile, 'utf8'))?.[1];
    return { ms, rssKiB, status: child.status, signal: signal ? `signal ${signal}` : child.signal, stdout: String(child.stdout ?? ''), stderr: String(child.stderr ?? '') };
  }
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: root, stdio });
    let ms = 0;
    let rssKiB = RSS_METHOD === 'poll' ? 0 : undefined;
    let stdout = '';
    let stderr = '';
    // Decoded across chunks: a character split between two reads is one character.
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const poll = () => {
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) rssKiB = Math.max(rssKiB, Number(hwm[1]));
      } catch {
        // The child has just exited: its last reading stands.
      }
    };
    const timer = RSS_METHOD === 'poll' ? setInterval(poll, 5) : undefined;
    child.on('exit', () => {
      ms = Number(process.hrtime.bigint() - start) / 1e6;
      clearInterval(timer);
    });
    child.on('close', (status, signal) => resolve({ ms, rssKiB, status, signal, stdout, stderr }));
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const failures = [];

/**
 * Times `runs` runs of one command. Exit 0 and 1 are normal for `plan` (1 = findings); exit 2,
 * any other code or a signal is a benchmark failure, printed with the child's stderr.
 */
async function measure(label, command, args, runs, okStatuses = [0, 1]) {
  const times = [];
  let rssKiB;
  let last;
  for (let i = 0; i < runs; i++) {
    last = await runOnce(command, args);
    if (!okStatuses.includes(last.status)) {
      const how = last.signal ? `killed by ${last.signal}` : `exit ${last.status}`;
      failures.push(`${label}: ${how}\n    ${last.stderr.trim().split('\n').slice(0, 8).join('\n    ')}`);
      console.log(`  ! ${label}: ${how} — ${last.stderr.trim().split('\n')[0] ?? ''}`);
      return { ms: NaN, rssKiB: last.rssKiB, failed: true, status: last.status };
    }
    times.push(last.ms);
    if (last.rssKiB !== undefined) rssKiB = Math.max(rssKiB ?? 0, last.rssKiB);
  }
  return { ms: median(times), all: times, rssKiB, status: last.status };
}

const node = process.execPath;
const plan = (command, paths, extra = []) => [planBin, command, '--format', 'json', ...extra, ...paths];

// ─── synthetic plans ────────────────────────────────────────────────────────────────────────

const yamlBytes = (dir) => readdirSync(dir).filter((n) => n.endsWith('.yaml')).reduce((sum, n) => sum + statSync(join(dir, n)).size, 0);

/** Copies the bundled plan folder and gives the copy its own `id` (duplicate ids are an input error). */
function copyPlan(target, id) {
  cpSync(bundledDir, target, { recursive: true });
  const planFile = join(target, 'plan.yaml');
  const text = readFileSync(planFile, 'utf8');
  if (!/^id: .*$/m.test(text)) throw new Error('bench: plan.yaml has no `id:` line to rewrite');
  writeFileSync(planFile, text.replace(/^id: .*$/m, `id: ${id}`));
  // A fingerprint names the plan, so the copy's reviews name its findings by place instead: each
  // copy is a reviewed plan, as the bundled one is, not one with every finding new and every review stale.
  const reviewsFile = join(target, 'reviews.yaml');
  if (existsSync(reviewsFile)) writeFileSync(reviewsFile, readFileSync(reviewsFile, 'utf8').replace(/^\s+fingerprint: .*\n/gm, ''));
}

// Exact decimal arithmetic on printed numbers ("4000", "2.20"): BigInt scaled by 10^scale.
const parseDecimal = (text) => {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`bench: investment is not a plain decimal: ${text}`);
  return { units: BigInt(match[1] + (match[2] ?? '')), scale: (match[2] ?? '').length };
};
const rescale = (d, scale) => d.units * 10n ** BigInt(scale - d.scale);
const formatDecimal = (units, scale) => {
  if (scale === 0) return units.toString();
  const digits = units.toString().padStart(scale + 1, '0');
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
};

// Written like the bundled files: no line folding, `[a, b]` rather than `[ a, b ]`.
const YAML_OUT = { lineWidth: 0, flowCollectionPadding: false };
/** One YAML scalar as it would be written in a block mapping (quoted only if it must be). */
const scalar = (value) => new Document(value).toString(YAML_OUT).trimEnd();

const SUFFIX = '-cQQCOPYQQ'; // placeholder in templates; stands for `-c<copy>` (or nothing in copy 0)

/**
 * Reads the bundled appendix once into per-project text templates. A template is the
 * project's YAML without its serial, with every fact key the project states suffixed by the
 * placeholder, in `facts` and in the `sums` and `counts` that refer to them. Serialising the
 * parsed node keeps the printed form of numbers (2.20 stays 2.20) and the content text as is.
 */
function readTemplates() {
  const text = readFileSync(join(bundledDir, 'projects.yaml'), 'utf8');
  const doc = parseDocument(text);
  const header = text.split('\n').filter((line) => line.startsWith('#')).join('\n');
  const sections = doc.get('sections').items.map((section) => ({
    numeral: section.get('numeral'),
    name: section.get('name'),
    projects: section.get('projects').items.map((project) => {
      const copy = project.clone();
      const serial = copy.get('serial');
      copy.delete('serial');
      const own = new Set();
      for (const figure of copy.get('facts')?.items ?? []) {
        const key = figure.get('fact', true);
        own.add(key.value);
        key.value += SUFFIX;
      }
      // Only keys of the project's own facts are renamed: a sum or count may name a fact stated
      // elsewhere, which stays what it is (the bundled plan has none).
      const rename = (node) => {
        if (own.has(node.value)) node.value += SUFFIX;
      };
      for (const sum of copy.get('sums')?.items ?? []) {
        rename(sum.get('total', true));
        sum.get('parts').items.forEach(rename);
      }
      for (const count of copy.get('counts')?.items ?? []) rename(count.get('fact', true));
      const body = new Document(copy).toString(YAML_OUT).trimEnd();
      if (!isMap(copy) || body.includes('\n\t')) throw new Error('bench: unexpected project shape');
      return {
        serial,
        investment: parseDecimal(project.get('investment', true).source ?? String(project.get('investment'))),
        // Indented to stand under `      - serial: N` in a section's project list.
        body: body.split('\n').map((line) => `        ${line}`).join('\n'),
      };
    }),
  }));
  return { header, title: doc.get('title'), sections, perCopy: sections.reduce((n, s) => n + s.projects.length, 0) };
}

/**
 * Writes a plan of `count` projects: the bundled projects repeated (copy 0 keeps the printed
 * fact keys, copy c suffixes `-c<c>` to each key's last segment so copies do not agree or
 * disagree with each other by accident), in the bundled sections (section numerals stay as
 * printed — the document's own repeated 七 included), serials 1..count in order, each
 * subtotal the exact sum of its projects' investments and the total the sum of subtotals.
 * boxes.yaml is kept, its links rewritten to the new serials of copy 0, so every box still
 * points to the project it named.
 */
function writeSyntheticPlan(dir, id, count, templates) {
  copyPlan(dir, id);
  const { sections, perCopy } = templates;
  if (count < perCopy) throw new Error(`bench: a synthetic plan needs at least ${perCopy} projects`);
  // Project i of the sequence (0-based) is bundled project i % perCopy of copy ⌊i / perCopy⌋.
  const copies = Math.ceil(count / perCopy);
  let index = 0;
  const indexed = sections.map((section) => section.projects.map((project) => ({ ...project, index: index++ })));
  const included = (copy, project) => copy * perCopy + project.index < count;

  // Subtotals first, so the file can be written in one pass: Σ over copies of the investment.
  const scale = Math.max(...indexed.flat().map((p) => p.investment.scale));
  const subtotals = indexed.map((projects) => {
    let units = 0n;
    for (const project of projects) {
      const times = BigInt(Array.from({ length: copies }, (_, c) => c).filter((c) => included(c, project)).length);
      units += rescale(project.investment, scale) * times;
    }
    return units;
  });
  const total = subtotals.reduce((a, b) => a + b, 0n);

  const fd = openSync(join(dir, 'projects.yaml'), 'w');
  writeSync(fd, `${templates.header}\ntitle: ${scalar(templates.title)}\ntotal: ${formatDecimal(total, scale)}\nsections:\n`);
  const newSerial = new Map(); // bundled serial → serial of its copy-0 project
  let serial = 0;
  indexed.forEach((projects, s) => {
    writeSync(fd, `  - numeral: ${scalar(sections[s].numeral)}\n    name: ${scalar(sections[s].name)}\n    subtotal: ${formatDecimal(subtotals[s], scale)}\n    projects:\n`);
    const chunk = [];
    for (let copy = 0; copy < copies; copy++) {
      for (const project of projects) {
        if (!included(copy, project)) continue;
        serial += 1;
        if (copy === 0) newSerial.set(project.serial, serial);
        chunk.push(`      - serial: ${serial}\n${project.body.replaceAll(SUFFIX, copy === 0 ? '' : `-c${copy}`)}\n`);
        if (chunk.length >= 1000) writeSync(fd, chunk.splice(0).join(''));
      }
    }
    writeSync(fd, chunk.join(''));
  });
  closeSync(fd);

  const boxesFile = join(dir, 'boxes.yaml');
  if (existsSync(boxesFile)) {
    const boxes = parseDocument(readFileSync(boxesFile, 'utf8'));
    for (const box of boxes.get('boxes').items) {
      for (const item of box.get('items').items) {
        for (const work of item.get('works')?.items ?? []) {
          // A serial the bundled appendix lacks stays as written (the bundled plan has none).
          for (const link of work.get('projects')?.items ?? []) link.value = newSerial.get(link.value) ?? link.value;
        }
      }
    }
    writeFileSync(boxesFile, boxes.toString(YAML_OUT));
  }
  return serial;
}

// ─── cases ──────────────────────────────────────────────────────────────────────────────────

const rows = [];
const notes = []; // printed under the table
const fmtMs = (ms) => (Number.isNaN(ms) ? 'FAILED' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
const fmtMiB = (kib) => (kib === undefined ? '—' : `${(kib / 1024).toFixed(0)} MiB`);

const COLUMNS = [
  ['case', 30, (row) => row.name],
  ['command', 16, (row) => row.command],
  ['projects', 9, (row) => (row.projects ? row.projects.toLocaleString('en-US') : '')],
  ['runs', 4, (row) => String(row.runs ?? '')],
  ['median', 9, (row) => fmtMs(row.ms)],
  ['projects/s', 11, (row) => (row.projects && !Number.isNaN(row.ms) ? Math.round(row.projects / (row.ms / 1000)).toLocaleString('en-US') : '')],
  ['× node', 7, (row) => (Number.isNaN(row.ms) ? '' : `${(row.ms / baseline).toFixed(1)}×`)],
  ['max RSS', 9, (row) => fmtMiB(row.rssKiB)],
  ['YAML', 9, (row) => (row.yamlBytes ? `${(row.yamlBytes / 2 ** 20).toFixed(row.yamlBytes < 2 ** 20 ? 2 : 0)} MiB` : '')],
  ['RSS/YAML', 8, (row) => (row.rssKiB !== undefined && row.yamlBytes ? `${((row.rssKiB * 1024) / row.yamlBytes).toFixed(0)}×` : '')],
];
const line = (cells) => cells.map((cell, i) => (i < 2 ? cell.padEnd(COLUMNS[i][1]) : cell.padStart(COLUMNS[i][1]))).join(' ');

/** Times one case and keeps its row for the table printed at the end (with the pooled baseline). */
async function bench(name, command, args, { runs, projects, yamlBytes: bytes, okStatuses }) {
  const result = await measure(`${name} ${command}`, node, args, runs, okStatuses);
  const row = { name, command, projects, runs, yamlBytes: bytes, ...result };
  rows.push(row);
  console.log(`  ${name} — ${command}: ${fmtMs(result.ms)}${result.all ? ` (runs: ${result.all.map(fmtMs).join(', ')})` : ''}`);
  return row;
}

// Warm the file cache (node, node_modules, dist) so the first timed case is not penalised.
await runOnce(node, ['-e', '0']);
await runOnce(node, plan('validate', [bundledDir]));

let baseline; // median wall time of `node -e 0`, pooled from runs at the start and at the end
const baselineRuns = [];
{
  console.log('\nrunning');
  const first = await measure('node -e 0', node, ['-e', '0'], RUNS_SMALL, [0]);
  baselineRuns.push(...first.all);
  rows.push({ name: 'bare Node start-up', command: 'node -e 0', runs: RUNS_SMALL, ...first });
  console.log(`  bare Node start-up: ${fmtMs(first.ms)}`);
}

// 1. The bundled plan (62 projects), copied so every case runs from the same temporary disk.
const bundledCopy = join(tmp, 'bundled', 'wushan-2021-2025');
mkdirSync(dirname(bundledCopy), { recursive: true });
cpSync(bundledDir, bundledCopy, { recursive: true });
const templates = readTemplates();
const bundledProjects = templates.perCopy;
const bundledYaml = yamlBytes(bundledCopy);
const small = { runs: RUNS_SMALL, projects: bundledProjects, yamlBytes: bundledYaml };
await bench('bundled plan', 'validate', plan('validate', [bundledCopy]), small);
const bundledAudit = await bench('bundled plan', 'audit', plan('audit', [bundledCopy]), small);
// Start-up of the other commands a user runs on one plan: each loads only its own modules.
await bench('bundled plan', 'summary', [planBin, 'summary', bundledCopy], small);
await bench('bundled plan', 'report (html)', [planBin, 'report', bundledCopy, '--output', join(tmp, 'bundled-report.html')], small);
// benchInit drafts into a fresh folder each run (init never writes over one).
await benchInit('the bundled source.txt', readFileSync(join(bundledCopy, 'source.txt'), 'utf8'), bundledProjects, RUNS_SMALL);

// ajv-cli can take one schema per process: schema-validating a plan's files is one process per
// file kind, so its time for "the same files" is the sum over the kinds.
let ajvTotal;
let ajvFiles = 0;
{
  const require = createRequire(import.meta.url);
  let ajvBin;
  try {
    const pkgPath = require.resolve('ajv-cli/package.json');
    ajvBin = join(dirname(pkgPath), JSON.parse(readFileSync(pkgPath, 'utf8')).bin.ajv);
  } catch {
    console.log('  ajv-cli is not installed (npm i -D -E ajv-cli@5): the ajv-cli target is skipped');
  }
  if (ajvBin) {
    ajvTotal = 0;
    ajvFiles = 0;
    const invalid = [];
    const ajvFirst = rows.length;
    for (const name of readdirSync(bundledCopy).filter((n) => n.endsWith('.yaml')).sort()) {
      const kind = name.replace(/\.yaml$/, '');
      // The same AJV options scripts/build-validators.mjs compiles the tool's validators with.
      const args = [ajvBin, 'validate', '--spec=draft2020', '-s', join(schemasDir, `${kind}.schema.json`), '-r', join(schemasDir, 'figure.schema.json'), '-c', 'ajv-formats', '-d', join(bundledCopy, name), '--all-errors', '--strict=true', '--strict-required=false', '--strict-numbers=true', '--errors=text'];
      const probe = await runOnce(node, args, { keepStdout: true });
      if (probe.status === 1) invalid.push(`${name} ("${(probe.stderr + probe.stdout).trim().split('\n').filter((l) => !l.includes(' valid') && !l.includes(' invalid')).join(' ').slice(0, 80)}")`);
      // Exit 1 = the file is invalid by ajv-cli's reading; the time is still a full validation.
      const row = await bench('ajv-cli, schema only', `ajv ${kind}`, args, { runs: RUNS_SMALL, okStatuses: [0, 1] });
      ajvTotal += row.ms;
      ajvFiles += 1;
    }
    rows.push({ name: 'ajv-cli, schema only', command: `Σ ${rows.length - ajvFirst} processes`, ms: ajvTotal, yamlBytes: bundledYaml });
    for (const text of invalid) notes.push(`ajv-cli rejects ${text} — it reads YAML with js-yaml 3 (YAML 1.1, a date is a timestamp); timed all the same`);
  }
}

// 2. Single plans of growing size: the largest is the plan of 100,000 projects.
const series = [];
const validateSeries = [];
const textSeries = [];

for (const count of SERIES) {
  const dir = join(tmp, `n${count}`, `synthetic-${count}`);
  mkdirSync(dirname(dir), { recursive: true });
  const written = writeSyntheticPlan(dir, `synthetic-${count}`, count, templates);
  const bytes = yamlBytes(dir);
  const projectsFile = statSync(join(dir, 'projects.yaml')).size;
  // The tool refuses data files above its default limit (exit 2): say so once, then time the
  // plan with the limit raised to the file's size, as a user with such a plan would.
  const extra = [];
  if (projectsFile > DEFAULT_MAX_FILE_BYTES) {
    const refused = await runOnce(node, plan('audit', [dir]));
    const note = `projects.yaml of ${count.toLocaleString('en-US')} projects is ${(projectsFile / 2 ** 20).toFixed(1)} MiB > the default --max-file-size of ${DEFAULT_MAX_FILE_BYTES / 2 ** 20} MiB: plain \`plan audit\` exits ${refused.status}; timed with --max-file-size ${projectsFile}`;
    notes.push(note);
    console.log(`  note: ${note}`);
    extra.push('--max-file-size', String(projectsFile));
  }
  const options = { runs: RUNS_LARGE, projects: written, yamlBytes: bytes };
  const name = `1 plan × ${written.toLocaleString('en-US')} projects`;
  validateSeries.push(await bench(name, 'validate', plan('validate', [dir], extra), options));
  series.push(await bench(name, 'audit', plan('audit', [dir], extra), options));
  // The default text format on the same plan: its findings (about 1.2 a project) counted from one run.
  const textArgs = [planBin, 'audit', '--format', 'text', ...extra, dir];
  const counted = await runOnce(node, textArgs, { keepStdout: true });
  const findings = (counted.stdout.match(/^ {2}\d+:\d+ {2}/gm) ?? []).length;
  textSeries.push({ ...(await bench(name, 'audit --text', textArgs, options)), findings });
  rmSync(dirname(dir), { recursive: true, force: true }); // keep the temporary disk use down
}

// 3. Many plans in one folder: validated, audited on one core and on all of them (worker
// threads), and a cached rerun of unchanged plans.
const cores = os.availableParallelism();
let manyValidate;
let manyAuditOne;
let manyAudit;
let cachedRerun;
{
  const parent = join(tmp, 'many');
  for (let i = 1; i <= PLAN_COUNT; i++) {
    const id = `wushan-2021-2025-p${String(i).padStart(4, '0')}`;
    copyPlan(join(parent, id), id);
  }
  const options = { runs: RUNS_LARGE, projects: PLAN_COUNT * bundledProjects, yamlBytes: PLAN_COUNT * bundledYaml };
  const name = `${PLAN_COUNT.toLocaleString('en-US')} plans × ${bundledProjects} projects`;
  manyValidate = await bench(name, 'validate', plan('validate', [parent]), options);
  manyAuditOne = await bench(name, 'audit --jobs 1', plan('audit', [parent], ['--jobs', '1']), options);
  manyAudit = await bench(name, `audit (jobs ${cores})`, plan('audit', [parent]), options);
  // A cached rerun: CACHED_PLANS unchanged plans, the cache written by a first run (not timed).
  const cachedParent = join(tmp, 'cached');
  for (const id of readdirSync(parent).slice(0, CACHED_PLANS)) cpSync(join(parent, id), join(cachedParent, id), { recursive: true });
  const cacheFile = join(tmp, 'bench.plancache');
  const cacheArgs = plan('audit', [cachedParent], ['--cache', '--cache-location', cacheFile]);
  // The first run audits every plan (its output is an uncached run's); a rerun must print the same bytes.
  const uncachedOutput = (await runOnce(node, cacheArgs, { keepStdout: true })).stdout;
  const cachedOutput = (await runOnce(node, cacheArgs, { keepStdout: true })).stdout;
  cachedRerun = await bench(`${CACHED_PLANS} plans, cached`, 'audit --cache', cacheArgs, { runs: RUNS_SMALL, projects: CACHED_PLANS * bundledProjects });
  cachedRerun = { ...cachedRerun, sameOutput: uncachedOutput.length > 0 && cachedOutput === uncachedOutput };
  rmSync(parent, { recursive: true, force: true });
  rmSync(cachedParent, { recursive: true, force: true });
}

// 4. The HTML report of 100 plans: its size, the time to write it, and the time Chromium takes
// to open and draw it (Debian's chromium, or CHROME_PATH, driven by playwright-core).
const REPORT_PLANS = 100;
const MAX_REPORT_BYTES = 5_000_000; // "under 5 MB"
const MAX_REPORT_RENDER_MS = 3000;
let reportBench;
{
  const parent = join(tmp, 'report-plans');
  for (let i = 1; i <= REPORT_PLANS; i++) {
    const id = `wushan-2021-2025-p${String(i).padStart(4, '0')}`;
    copyPlan(join(parent, id), id);
  }
  const file = join(tmp, 'report.html');
  const name = `report of ${REPORT_PLANS} plans`;
  const written = await measure(name, node, [planBin, 'report', parent, '--output', file], RUNS_LARGE, [0]);
  rows.push({ name, command: 'report (html)', projects: REPORT_PLANS * bundledProjects, runs: RUNS_LARGE, yamlBytes: REPORT_PLANS * bundledYaml, ...written });
  const bytes = existsSync(file) ? statSync(file).size : NaN;
  console.log(`  ${name} — report: ${fmtMs(written.ms)}, ${bytes.toLocaleString('en-US')} bytes (${(bytes / 2 ** 20).toFixed(2)} MiB)`);
  const chrome = process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'].find(existsSync);
  let renders;
  if (!chrome || !existsSync(chrome) || Number.isNaN(bytes)) {
    console.log('  Chromium not found (CHROME_PATH or Debian chromium): the report render time is not measured');
  } else {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: chrome, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      renders = [];
      for (let i = 0; i < RUNS_LARGE; i++) {
        const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
        const start = process.hrtime.bigint();
        await page.goto(`file://${file}`, { waitUntil: 'load' });
        // Two animation frames after `load`: the page has been laid out and painted.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        renders.push(Number(process.hrtime.bigint() - start) / 1e6);
        await page.close();
      }
    } finally {
      await browser.close();
    }
    console.log(`  ${name} — open and draw in Chromium: ${fmtMs(median(renders))} (runs: ${renders.map(fmtMs).join(', ')})`);
  }
  reportBench = { bytes, renderMs: renders ? median(renders) : undefined };
  rmSync(parent, { recursive: true, force: true });
}

// 5. The language server: an edit of projects.yaml to its diagnostics, on the bundled plan and on
// a plan of 10,000 projects (the rental housing's floor area, 80000 ↔ 90000, as the tests edit it).
const LSP_PROJECTS = 10_000;
const MAX_LSP_BUNDLED_MS = 300;
const MAX_LSP_LARGE_MS = 2000;
const MAX_LSP_EXIT_MS = 1000;
const lspRuns = QUICK ? 2 : 10;
const lspBench = [];
{
  const { lspLatency } = await import('./bench-lsp.mjs');
  const edit = { needle: 'housing.rental-new.floor-area', from: '80000', to: '90000', runs: lspRuns };
  const largeDir = join(tmp, 'lsp-large', `synthetic-${LSP_PROJECTS}`);
  mkdirSync(dirname(largeDir), { recursive: true });
  writeSyntheticPlan(largeDir, `synthetic-${LSP_PROJECTS}`, LSP_PROJECTS, templates);
  for (const [name, dir, max] of [
    ['bundled plan', bundledCopy, MAX_LSP_BUNDLED_MS],
    [`1 plan × ${LSP_PROJECTS.toLocaleString('en-US')} projects`, largeDir, MAX_LSP_LARGE_MS],
  ]) {
    try {
      const result = await lspLatency({ file: join(dir, 'projects.yaml'), ...edit });
      lspBench.push({ name, max, ...result });
      console.log(`  plan lsp, ${name}: open → diagnostics ${fmtMs(result.first)}; change → diagnostics median ${fmtMs(result.median)} (runs: ${result.changes.map(fmtMs).join(', ')}); shutdown+exit ${fmtMs(result.exitMs)}`);
    } catch (error) {
      failures.push(`plan lsp, ${name}: ${error.message}`);
      lspBench.push({ name, max, median: NaN, exitMs: NaN });
    }
  }
  rmSync(dirname(largeDir), { recursive: true, force: true });
}

// A published plan as a PDF of about 100 pages (prose, then an appendix table running over most
// of them, with a running header and page numbers), printed by Chromium, read by src/read/.
// The budget of the published-forms issue: a 100-page PDF drafts in ≤ 15 s with ≤ 500 MB; the
// reading is measured here (drafting from the model joins it when plan init reads PDFs).
const PDF_PAGES_TARGET = QUICK ? 10 : 100;
const MAX_PDF_MS = 15_000;
const MAX_PDF_RSS_KIB = 500 * 1024;
let pdfBench;
{
  const chrome = process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'].find(existsSync);
  if (!chrome || !existsSync(chrome)) console.log('  read a PDF — skipped: no Chromium to print one');
  else {
    const prose = '全县常住人口约45万人，城镇化率达到52.3%，“十四五”期间计划实施重点项目，总投资约18.6亿元。'.repeat(12);
    // About 1.37 pages per unit of this layout on A4.
    const units = Math.round(PDF_PAGES_TARGET / 1.37);
    let html = '<html><head><meta charset="utf-8"><style>body{font-family:"Noto Sans CJK SC",sans-serif;font-size:14px} table{border-collapse:collapse;width:100%} td,th{border:1px solid #000;padding:2px}</style></head><body>';
    for (let chapter = 1; chapter <= units / 2; chapter++) html += `<h2>第${chapter}章 主要任务</h2>${`<p>${prose}</p>`.repeat(6)}`;
    html += '<h2>附表1 重点项目清单</h2><table><thead><tr><th>序号</th><th>项目名称</th><th>建设内容及规模</th><th>投资（万元）</th></tr></thead><tbody>';
    for (let row = 1; row <= units * 14; row++) html += `<tr><td>${row}</td><td>第${row}号建设项目</td><td>新建校舍${row * 10}㎡，配套建设室外附属工程。</td><td>${row * 10}</td></tr>`;
    html += '</tbody></table></body></html>';
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: chrome, args: ['--no-sandbox', '--disable-gpu'] });
    const file = join(tmp, 'plan.pdf');
    try {
      const page = await browser.newPage();
      await page.setContent(html);
      const header = '<div style="font-size:9px;width:100%;text-align:center">临河县“十四五”社会事业发展规划</div>';
      const footer = '<div style="font-size:10px;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>';
      writeFileSync(file, await page.pdf({ format: 'A4', displayHeaderFooter: true, headerTemplate: header, footerTemplate: footer, margin: { top: '25mm', bottom: '25mm', left: '20mm', right: '20mm' } }));
    } finally {
      await browser.close();
    }
    const reader = new URL('../dist/read/index.js', import.meta.url).href;
    const script = `const m = await import(${JSON.stringify(reader)}); const r = await m.readPublished(new Uint8Array((await import('node:fs')).readFileSync(${JSON.stringify(file)})), 'plan.pdf'); if (!('model' in r)) { console.error(r.refused, r.detail); process.exit(2); } console.log(r.model.pages);`;
    const pages = Number(spawnSync(node, ['--input-type=module', '-e', script], { encoding: 'utf8' }).stdout.trim());
    const row = await bench(`PDF of ${pages} pages`, 'read (src/read)', ['--input-type=module', '-e', script], { runs: RUNS_LARGE, okStatuses: [0] });
    pdfBench = { ...row, pages };
  }
}

{
  const last = await measure('node -e 0', node, ['-e', '0'], RUNS_SMALL, [0]);
  baselineRuns.push(...last.all);
  baseline = median(baselineRuns);
  notes.unshift(`bare Node start-up: median ${fmtMs(rows[0].ms)} at the start, ${fmtMs(last.ms)} at the end; "× node" and the targets use the pooled median ${fmtMs(baseline)}`);
}

console.log('\nresults (median wall time of whole processes, output discarded; max RSS over the runs)');
console.log(line(COLUMNS.map(([title]) => title)));
for (const row of rows) console.log(line(COLUMNS.map(([, , cell]) => cell(row))));
for (const note of notes) console.log(`note: ${note}`);

// ─── targets ────────────────────────────────────────────────────────────────────────────────

// 3. `plan init` of texts that grow in one direction: one long paragraph of figures (clauses
// apart by commas, and a list apart by 、 only), and an appendix of many rows. Each run drafts
// into a fresh folder (init never writes over one), so the median is taken here.
const INIT_FIGURES = QUICK ? [1_000, 2_000, 4_000] : [4_000, 8_000, 16_000];
const INIT_ROWS = QUICK ? [1_000, 3_000, 10_000] : [10_000, 20_000, 100_000];
const MAX_INIT_100K_MS = 30_000;

/** A plan text whose one paragraph holds `figures` figures, two a clause. */
function paragraphText(figures, separator) {
  const parts = [];
  for (let i = 0; i < figures / 2; i++) parts.push(`新建活动中心${(i % 97) + 1}个${separator}面积${1000 + i}㎡`);
  return ['某县发展和改革委员会', '《某县“十四五”社会事业规划》', '第一章  总体要求', `${parts.join(separator)}。`, ''].join('\n');
}

/** A plan text whose appendix has `rows` project rows, tab-separated, and a box of three items. */
function appendixText(rows) {
  const lines = ['序号\t项目名称\t责任部门\t建设性质\t建设地址\t建设内容及规模\t建设起止年限\t投资估算（万元）', `合计\t${rows * 100}`, `一、社会事业\t${rows * 100}`];
  for (let i = 1; i <= rows; i++) lines.push(`${i}\t某县第${i}号活动中心建设项目\t县民政局\t新建\t城关镇\t新建活动中心${(i % 50) + 1}个，建筑面积${1000 + i}㎡。\t2022-2024\t100`);
  const box = ['专栏1  重点工程', '1.活动中心建设。新建第7号活动中心，建筑面积1007㎡。', '2.养老服务。建设养老院3所，床位300张。'];
  return ['某县发展和改革委员会', '《某县“十四五”社会事业规划》', '第一章  总体要求', '本规划期为2021—2025年。', ...box, '附表  某县“十四五”重点项目清单', ...lines, ''].join('\n');
}

async function benchInit(name, text, n, runs) {
  const folder = join(tmp, `init-${name.replace(/\W+/g, '-')}-${n}`);
  mkdirSync(folder, { recursive: true });
  const from = join(folder, 'plan.txt');
  writeFileSync(from, text);
  const times = [];
  let rssKiB;
  for (let run = 0; run < runs; run++) {
    const target = join(folder, `draft-${run}`);
    const result = await runOnce(node, [planBin, 'init', target, '--from', from]);
    if (result.status !== 0) {
      failures.push(`init ${name} ${n}: exit ${result.status}\n    ${result.stderr.trim().split('\n').slice(0, 4).join('\n    ')}`);
      rmSync(folder, { recursive: true, force: true });
      return { n, ms: NaN };
    }
    times.push(result.ms);
    if (result.rssKiB !== undefined) rssKiB = Math.max(rssKiB ?? 0, result.rssKiB);
  }
  rmSync(folder, { recursive: true, force: true });
  const row = { name: `plan init: ${name}`, command: `init × ${n.toLocaleString('en-US')}`, runs, ms: median(times), all: times, rssKiB };
  rows.push(row);
  console.log(`  plan init: ${name} × ${n.toLocaleString('en-US')} — ${fmtMs(row.ms)} (runs: ${times.map(fmtMs).join(', ')})${rssKiB === undefined ? '' : `, peak ${fmtMiB(rssKiB)}`}`);
  return { n, ms: row.ms, rssKiB };
}

const initFixed = await benchInit('a paragraph of figures', paragraphText(10, '，'), 10, RUNS_SMALL);
const initSeries = {
  'one paragraph of figures, clauses apart by ，': [],
  'one paragraph of figures, a list apart by 、': [],
  'an appendix of rows': [],
};
for (const n of INIT_FIGURES) {
  initSeries['one paragraph of figures, clauses apart by ，'].push(await benchInit('paragraph ，', paragraphText(n, '，'), n, RUNS_LARGE));
  initSeries['one paragraph of figures, a list apart by 、'].push(await benchInit('paragraph 、', paragraphText(n, '、'), n, RUNS_LARGE));
}
for (const n of INIT_ROWS) initSeries['an appendix of rows'].push(await benchInit('appendix rows', appendixText(n), n, RUNS_LARGE));

console.log('\ntargets');
const verdict = (ok) => (ok === undefined ? 'SKIP' : ok ? 'PASS' : 'FAIL');
const target = (ok, text) => console.log(`  ${verdict(ok)}  ${text}`);
const valid = (row) => row && !Number.isNaN(row.ms);

if (valid(bundledAudit)) {
  target(bundledAudit.ms < MAX_STARTUP_RATIO * baseline, `audit of the bundled plan ${fmtMs(bundledAudit.ms)} < ${MAX_STARTUP_RATIO} × node start-up ${fmtMs(baseline)} (= ${fmtMs(MAX_STARTUP_RATIO * baseline)}); ratio ${(bundledAudit.ms / baseline).toFixed(1)}×`);
  if (ajvTotal === undefined || Number.isNaN(ajvTotal)) target(undefined, 'audit of the bundled plan < ½ × ajv-cli schema-validating it (ajv-cli not measured)');
  else target(bundledAudit.ms < MAX_AJV_FRACTION * ajvTotal, `audit of the bundled plan ${fmtMs(bundledAudit.ms)} < ½ × ajv-cli schema-only over its ${ajvFiles} files ${fmtMs(ajvTotal)} (= ${fmtMs(MAX_AJV_FRACTION * ajvTotal)}); ratio ${(bundledAudit.ms / ajvTotal).toFixed(2)}`);
} else {
  target(false, 'audit of the bundled plan did not complete');
}

const largest = series.at(-1);
if (valid(largest)) {
  const perSecond = largest.projects / (largest.ms / 1000);
  target(perSecond >= MIN_PROJECTS_PER_SECOND, `audit of ${largest.projects.toLocaleString('en-US')} projects at ${Math.round(perSecond).toLocaleString('en-US')} projects/s ≥ ${MIN_PROJECTS_PER_SECOND.toLocaleString('en-US')} (needs ≤ ${fmtMs((largest.projects / MIN_PROJECTS_PER_SECOND) * 1000)}; took ${fmtMs(largest.ms)})`);
} else {
  target(false, `audit of ${SERIES.at(-1).toLocaleString('en-US')} projects did not complete`);
}

// Net of the fixed cost (start-up, loading the other files: the bundled plan's audit), the time
// of a linear tool grows in proportion to N: exponent k of t ∝ N^k near 1, per-project ratio near 1.
if (series.length >= 2 && series.every(valid) && valid(bundledAudit)) {
  const fixed = bundledAudit.ms;
  const net = series.map((row) => ({ n: row.projects, ms: Math.max(row.ms - fixed, 1e-3), raw: row.ms }));
  const parts = net.map((row) => `${row.n.toLocaleString('en-US')}: ${(row.raw / row.n * 1000).toFixed(1)} µs/project raw, ${(row.ms / row.n * 1000).toFixed(1)} net`);
  const first = net[0];
  const lastPoint = net.at(-1);
  const exponent = Math.log(lastPoint.ms / first.ms) / Math.log(lastPoint.n / first.n);
  const perProjectRatio = lastPoint.ms / lastPoint.n / (first.ms / first.n);
  const steps = net.slice(1).map((row, i) => `${net[i].n / 1000}k→${row.n / 1000}k k=${(Math.log(row.ms / net[i].ms) / Math.log(row.n / net[i].n)).toFixed(2)}`).join(', ');
  target(exponent <= MAX_GROWTH_EXPONENT, `time grows linearly with projects: net per-project time at ${lastPoint.n.toLocaleString('en-US')} / at ${first.n.toLocaleString('en-US')} = ${perProjectRatio.toFixed(2)}, growth exponent k = ${exponent.toFixed(2)} ≤ ${MAX_GROWTH_EXPONENT} (${steps})`);
  console.log(`        ${parts.join('; ')}`);
} else {
  target(false, 'linear growth: a run of the series did not complete');
}

// The text format grouped findings with array spreads, quadratic in their number: 120,000
// findings did not finish in 60 s. Its time net of the JSON run must grow as the findings do.
if (textSeries.length >= 2 && textSeries.every(valid) && valid(bundledAudit)) {
  const fixed = bundledAudit.ms;
  const net = textSeries.map((row) => ({ n: row.findings, ms: Math.max(row.ms - fixed, 1e-3), raw: row.ms }));
  const first = net[0];
  const lastPoint = net.at(-1);
  const exponent = Math.log(lastPoint.ms / first.ms) / Math.log(lastPoint.n / first.n);
  target(exponent <= MAX_GROWTH_EXPONENT, `text format grows linearly with findings: ${net.map((row) => `${row.n.toLocaleString('en-US')} findings in ${fmtMs(row.raw)}`).join(', ')}; growth exponent k = ${exponent.toFixed(2)} ≤ ${MAX_GROWTH_EXPONENT}`);
} else {
  target(false, 'text format: a run of the series did not complete');
}

// plan init: net of its start-up (a text of 10 figures), the time grows as the text does.
for (const [name, points] of Object.entries(initSeries)) {
  if (points.length >= 2 && points.every(valid) && valid(initFixed)) {
    const net = points.map((row) => ({ n: row.n, ms: Math.max(row.ms - initFixed.ms, 1e-3), raw: row.ms }));
    const first = net[0];
    const lastPoint = net.at(-1);
    const exponent = Math.log(lastPoint.ms / first.ms) / Math.log(lastPoint.n / first.n);
    target(exponent <= MAX_GROWTH_EXPONENT, `plan init, ${name}: ${net.map((row) => `${row.n.toLocaleString('en-US')} in ${fmtMs(row.raw)}`).join(', ')}; growth exponent k = ${exponent.toFixed(2)} ≤ ${MAX_GROWTH_EXPONENT}`);
  } else {
    target(false, `plan init, ${name}: a run did not complete`);
  }
}
{
  const rowsLargest = initSeries['an appendix of rows'].at(-1);
  if (!QUICK && valid(rowsLargest)) target(rowsLargest.ms <= MAX_INIT_100K_MS, `plan init of an appendix of ${rowsLargest.n.toLocaleString('en-US')} rows ${fmtMs(rowsLargest.ms)} ≤ ${fmtMs(MAX_INIT_100K_MS)}`);
  else target(undefined, 'plan init of an appendix of 100,000 rows ≤ 30 s (not run in QUICK mode)');
}

if (valid(largest) && largest.rssKiB !== undefined) {
  const ratio = (largest.rssKiB * 1024) / largest.yamlBytes;
  target(ratio < MAX_RSS_PER_YAML_BYTE, `peak RSS of the ${largest.projects.toLocaleString('en-US')}-project audit ${fmtMiB(largest.rssKiB)} < ${MAX_RSS_PER_YAML_BYTE} × its YAML ${(largest.yamlBytes / 2 ** 20).toFixed(0)} MiB; ratio ${ratio.toFixed(1)}×`);
} else {
  target(undefined, 'peak memory: not measured');
}

const largestValidate = validateSeries.at(-1);
if (valid(largest) && valid(largestValidate)) {
  const ratio = largest.ms / largestValidate.ms;
  target(ratio <= MAX_AUDIT_PER_VALIDATE, `audit of ${largest.projects.toLocaleString('en-US')} projects ${fmtMs(largest.ms)} ≤ ${MAX_AUDIT_PER_VALIDATE} × validate of the same file ${fmtMs(largestValidate.ms)}; ratio ${ratio.toFixed(1)}×`);
} else {
  target(false, 'audit vs validate of the largest plan: a run did not complete');
}

if (valid(manyAudit) && valid(manyValidate) && valid(manyAuditOne)) {
  const ratio = manyAudit.ms / manyValidate.ms;
  target(ratio <= MAX_MANY_AUDIT_PER_VALIDATE, `audit of ${PLAN_COUNT.toLocaleString('en-US')} plans on ${cores} cores ${fmtMs(manyAudit.ms)} ≤ ${MAX_MANY_AUDIT_PER_VALIDATE} × validate ${fmtMs(manyValidate.ms)}; ratio ${ratio.toFixed(1)}× (one core: ${fmtMs(manyAuditOne.ms)}, ${(manyAuditOne.ms / manyValidate.ms).toFixed(1)}×; jobs ${cores} / jobs 1 = ${(manyAudit.ms / manyAuditOne.ms).toFixed(2)})`);
} else {
  target(false, `audit of ${PLAN_COUNT.toLocaleString('en-US')} plans: a run did not complete`);
}

if (valid(cachedRerun)) {
  target(cachedRerun.ms <= MAX_CACHED_RATIO * baseline, `cached rerun of ${CACHED_PLANS} unchanged plans ${fmtMs(cachedRerun.ms)} ≤ ${MAX_CACHED_RATIO} × node start-up ${fmtMs(baseline)} (= ${fmtMs(MAX_CACHED_RATIO * baseline)}); ratio ${(cachedRerun.ms / baseline).toFixed(1)}×`);
  target(cachedRerun.sameOutput, `cached rerun of ${CACHED_PLANS} unchanged plans prints the uncached run's output byte for byte`);
} else {
  target(false, 'cached rerun: did not complete');
}

if (reportBench && !Number.isNaN(reportBench.bytes)) {
  target(reportBench.bytes < MAX_REPORT_BYTES, `report of ${REPORT_PLANS} plans ${reportBench.bytes.toLocaleString('en-US')} bytes < ${MAX_REPORT_BYTES.toLocaleString('en-US')} (5 MB)`);
  if (reportBench.renderMs === undefined) target(undefined, `report of ${REPORT_PLANS} plans renders in Chromium in < ${fmtMs(MAX_REPORT_RENDER_MS)} (no Chromium)`);
  else target(reportBench.renderMs < MAX_REPORT_RENDER_MS, `report of ${REPORT_PLANS} plans opens and draws in Chromium in ${fmtMs(reportBench.renderMs)} < ${fmtMs(MAX_REPORT_RENDER_MS)}`);
} else {
  target(false, `report of ${REPORT_PLANS} plans did not complete`);
}

for (const row of lspBench) {
  if (Number.isNaN(row.median)) target(false, `plan lsp, ${row.name}: did not complete`);
  else target(row.median < row.max, `plan lsp, ${row.name}: didChange → publishDiagnostics median ${fmtMs(row.median)} < ${fmtMs(row.max)}`);
}
const exits = lspBench.filter((row) => !Number.isNaN(row.exitMs));
if (exits.length > 0) target(exits.every((row) => row.exitMs < MAX_LSP_EXIT_MS), `plan lsp: shutdown + exit end the process in ${exits.map((row) => fmtMs(row.exitMs)).join(', ')} < ${fmtMs(MAX_LSP_EXIT_MS)}`);

if (pdfBench && !Number.isNaN(pdfBench.ms)) {
  const scaled = (pdfBench.ms * 100) / pdfBench.pages;
  target(scaled <= MAX_PDF_MS, `reading a PDF: ${pdfBench.pages} pages in ${fmtMs(pdfBench.ms)}, ${fmtMs(scaled)} per 100 pages ≤ ${fmtMs(MAX_PDF_MS)} (the whole draft's budget)`);
  if (pdfBench.rssKiB === undefined) target(undefined, 'reading a PDF: peak memory not measured');
  else target(pdfBench.rssKiB <= MAX_PDF_RSS_KIB, `reading a PDF of ${pdfBench.pages} pages: peak RSS ${fmtMiB(pdfBench.rssKiB)} ≤ ${fmtMiB(MAX_PDF_RSS_KIB)}`);
} else {
  target(undefined, 'reading a PDF of 100 pages (no Chromium, or the read failed)');
}

// The costs of issue 20's break-test, each series with its growth exponent (scripts/bench-costs.mjs).
{
  const { runCosts } = await import('./bench-costs.mjs');
  for (const result of runCosts(() => {})) target(result.pass, result.text);
}

if (failures.length > 0) {
  console.log(`\nbenchmark failures (a crash or exit 2):\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
}
