import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRunCache, run, type RunOptions, workerCount } from '../src/engine.js';
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

type Span = [number, number, string];
interface CacheIndex {
  format: string;
  size: number;
  entries: Record<string, { findings: Span; views: Record<string, { part: Span }> }>;
}

/** The cache file: its index (the first line) and the body its spans point into. */
function readCache(path: string): { index: CacheIndex; body: Buffer } {
  const bytes = readFileSync(path);
  const end = bytes.indexOf(10);
  return { index: JSON.parse(bytes.toString('utf8', 0, end)) as CacheIndex, body: bytes.subarray(end + 1) };
}

/** Rewrites each piece of the cache through `change`, with new hashes unless `keepHashes`. */
function rewriteCache(path: string, change: (dir: string, piece: 'findings' | 'view', text: string) => string, { keepHashes = false } = {}): void {
  const { index, body } = readCache(path);
  const chunks: Buffer[] = [];
  let size = 0;
  const rewrite = (dir: string, piece: 'findings' | 'view', [offset, length, hash]: Span): Span => {
    const bytes = Buffer.from(change(dir, piece, body.toString('utf8', offset, offset + length)), 'utf8');
    chunks.push(bytes);
    size += bytes.length;
    return [size - bytes.length, bytes.length, keepHashes ? hash : createHash('sha1').update(bytes).digest('hex')];
  };
  for (const [dir, entry] of Object.entries(index.entries)) {
    entry.findings = rewrite(dir, 'findings', entry.findings);
    for (const view of Object.values(entry.views)) view.part = rewrite(dir, 'view', view.part);
  }
  writeFileSync(path, Buffer.concat([Buffer.from(`${JSON.stringify({ ...index, size })}\n`), ...chunks]));
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

describe('how many worker threads a run starts', () => {
  it.each([
    ['--jobs 2, 3 plans: none', 3, { jobs: 2 }, 0],
    ['--jobs 2, 4 plans: two', 4, { jobs: 2 }, 2],
    ['--jobs 8, 5 plans: one a plan', 5, { jobs: 8 }, 5],
    ['--jobs 1: none', 500, { jobs: 1 }, 0],
    ['no --jobs, 2 cores, 99 plans: none (threads would cost more than they save)', 99, { jobs: 2, jobsByDefault: true }, 0],
    ['no --jobs, 2 cores, 100 plans: two', 100, { jobs: 2, jobsByDefault: true }, 2],
  ] as const)('%s', (_name, pending, options, expected) => {
    expect(workerCount(pending, options)).toBe(expected);
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
    // Reused, not recomputed: a result planted in the cache for an unchanged plan comes back,
    // from the output kept for the format (json) and from the findings kept (text, not kept yet).
    const planted = (text: string): string => text.replace(/"message":"[^"]*"/, '"message":"planted"');
    rewriteCache(location, (dir, _piece, text) => (dir.endsWith('p03') ? planted(text) : text));
    expect((await cli(args)).stdout).toContain('"message":"planted"');
    expect((await cli(['audit', root, '--cache', '--cache-location', location])).stdout).toMatch(/ planted {2}/);
    // A piece that is not what was written (its hash) is not used: the findings are, and the piece is written anew.
    rewriteCache(location, (dir, piece, text) => (dir.endsWith('p03') && piece === 'view' ? text.replace('planted', 'tampered') : text), { keepHashes: true });
    for (const format of ['json', 'text']) {
      const output = (await cli(['audit', root, '--format', format, '--cache', '--cache-location', location])).stdout;
      expect(output).toContain('planted');
      expect(output).not.toContain('tampered');
    }
    expect(readCache(location).body.toString('utf8')).not.toContain('tampered');
    // A change to the plan's files re-audits it.
    edit(join(root, 'p03', 'projects.yaml'), 'end: 2027', 'end: 2028');
    const changed = await cli(args);
    expect(changed.stdout).not.toContain('planted');
    expect(changed.stdout).toContain('2028');
    // A corrupt or foreign cache is ignored and rewritten.
    const whole = readFileSync(location);
    for (const broken of ['{"format":"plan-cache/1","tool":"x","entries":{}', '{"format":"other","entries":{"a":1}}', '\u0000', whole.subarray(0, whole.length - 1)]) {
      writeFileSync(location, broken);
      expect((await cli(args)).stdout).toBe(changed.stdout);
      expect(readCache(location).index.format).toBe('plan-cache/2');
      expect((await cli(args)).stdout).toBe(changed.stdout);
    }
  });

  it('never writes the cache inside a plan folder', async () => {
    const root = plans(1);
    const result = await cli(['audit', root, '--cache-location', join(root, 'p01', '.plancache')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/plan folder/);
  });
});

describe('a run with text in memory (plan lsp)', () => {
  it('reads the unsaved text, never from the cache nor in worker threads', async () => {
    const root = plans(6);
    const location = join(mkdtempSync(join(tmpdir(), 'plan-cache-')), 'cache.json');
    const options: RunOptions = { lang: 'en', audit: true, jobs: 2 };
    const p03 = join(root, 'p03', 'projects.yaml');
    const onDiskCache = openRunCache(options, { location, strategy: 'metadata' }, '0');
    const onDisk = await run([root], { ...options, cache: onDiskCache });
    onDiskCache.save();
    expect(existsSync(location)).toBe(true);
    const message = (result: typeof onDisk): string => JSON.stringify(result.plans.find((plan) => plan.dir.endsWith('p03'))!.findings.map((finding) => finding.message));
    expect(message(onDisk)).toContain('2027');
    const overlay = new Map([[p03, new TextEncoder().encode(readFileSync(p03, 'utf8').replace('end: 2027', 'end: 2029'))]]);
    const before = readFileSync(location, 'utf8');
    const cache = openRunCache(options, { location, strategy: 'metadata' }, '0');
    const inMemory = await run([root], { ...options, cache, overlay });
    cache.save();
    // The cached result of p03 (2027) is not used, nor is the run's result written to the cache.
    expect(message(inMemory)).toContain('2029');
    expect(message(inMemory)).not.toContain('2027');
    expect(readFileSync(location, 'utf8')).toBe(before);
  });
});
