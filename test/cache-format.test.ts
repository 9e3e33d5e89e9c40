import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { guardStream } from '../src/io/stdout.js';
import { cli, MINI } from './helpers.js';

/** Plans p1…p4 from the mini plan: p3 with a finding of its own, p4 sharing p1's id when `repeatId`. */
function plans(repeatId = false): string {
  const root = join(mkdtempSync(join(tmpdir(), 'plan-cache-format-')), 'plans');
  for (let i = 1; i <= 4; i++) {
    const dir = join(root, `p${i}`);
    cpSync(MINI, dir, { recursive: true });
    const plan = join(dir, 'plan.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^id: .*$/m, `id: p${repeatId && i === 4 ? 1 : i}`));
  }
  const projects = join(root, 'p3', 'projects.yaml');
  writeFileSync(projects, readFileSync(projects, 'utf8').replace('end: 2025', 'end: 2027'));
  return root;
}

const cacheIn = (): string => join(mkdtempSync(join(tmpdir(), 'plan-cache-at-')), 'cache');

describe('--cache: output and exit code the same as without it, on the run that writes the cache and on the rerun that reuses it', () => {
  it.each([
    { name: 'json', args: ['--format', 'json'] },
    { name: 'text', args: [] },
    { name: 'text, reviewed findings shown', args: ['--show-reviewed'] },
    { name: 'text, grouped by rule (one part for all plans)', args: ['--group-by', 'rule'] },
    { name: 'text, colour', args: [], env: { FORCE_COLOR: '1' } },
    { name: 'text, quiet', args: ['--quiet'] },
    { name: 'json, no warning allowed', args: ['--format', 'json', '--max-warnings', '0'] },
    { name: 'json, failing on info and on reviewed findings', args: ['--format', 'json', '--fail-on', 'info', '--fail-on-reviewed'] },
    { name: 'json, one rule', args: ['--format', 'json', '--rule', 'outside-plan-period'] },
    { name: 'sarif (not kept by parts)', args: ['--format', 'sarif'] },
    { name: 'compact', args: ['--format', 'compact'] },
    { name: 'json, with a path that is no plan', args: ['--format', 'json', '/nonexistent/plan'] },
  ])('$name', async ({ args, env }) => {
    const root = plans();
    const location = cacheIn();
    const plain = await cli(['audit', root, ...args], env);
    expect(plain.stdout.length).toBeGreaterThan(100);
    for (const round of ['writes', 'reuses']) {
      const cached = await cli(['audit', root, ...args, '--cache', '--cache-location', location], env);
      expect({ round, stdout: cached.stdout, code: cached.code }).toEqual({ round, stdout: plain.stdout, code: plain.code });
    }
  });

  it('keeps one output for each format asked for: json, text, json again', async () => {
    const root = plans();
    const location = cacheIn();
    const plain = { json: await cli(['audit', root, '--format', 'json']), text: await cli(['audit', root]) };
    for (const format of ['json', 'text', 'json', 'text'] as const) {
      expect((await cli(['audit', root, '--format', format, '--cache', '--cache-location', location])).stdout).toBe(plain[format].stdout);
    }
  });

  it('a plan whose id another plan has: its added finding is never cached', async () => {
    const root = plans(true);
    const location = cacheIn();
    const plain = await cli(['audit', root, '--format', 'json']);
    expect(plain.stdout).toContain('duplicate-plan-id');
    for (let round = 0; round < 2; round++) expect((await cli(['audit', root, '--format', 'json', '--cache', '--cache-location', location])).stdout).toBe(plain.stdout);
    // Its id changed, p4 is no repeat any more: the finding is gone from the cached run too.
    const plan = join(root, 'p4', 'plan.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^id: .*$/m, 'id: p4'));
    expect((await cli(['audit', root, '--format', 'json', '--cache', '--cache-location', location])).stdout).toBe((await cli(['audit', root, '--format', 'json'])).stdout);
  });

  it('the real bin writes the kept bytes as they are, and a rerun loads no rule, schema or YAML reader', () => {
    const root = plans();
    const location = cacheIn();
    const dir = mkdtempSync(join(tmpdir(), 'plan-loads-'));
    writeFileSync(join(dir, 'hook.mjs'), "export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write('LOAD ' + r.url + '\\n'); return r; }\n");
    writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hook.mjs')).href)});\n`);
    const bin = fileURLToPath(new URL('../bin/plan.js', import.meta.url));
    const audit = (...extra: string[]): ReturnType<typeof spawnSync> => spawnSync(process.execPath, [...extra, bin, 'audit', '--format', 'json', root], { encoding: 'utf8' });
    const plain = audit();
    const cached = (): ReturnType<typeof spawnSync> => spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), bin, 'audit', '--format', 'json', '--cache', '--cache-location', location, root], { encoding: 'utf8' });
    const first = cached();
    const rerun = cached();
    expect(first.stdout).toBe(plain.stdout);
    expect(rerun.stdout).toBe(plain.stdout);
    expect(rerun.status).toBe(plain.status);
    const loaded = [...String(rerun.stderr).matchAll(/^LOAD (.*)$/gm)].map((m) => m[1]!);
    expect(loaded.some((url) => url.endsWith('/dist/cache.js'))).toBe(true);
    const unwanted = loaded.filter((url) => /\/dist\/(rules\/index|plan-run|validators|validate\/|load\/yaml-file|load\/builders\/)|\/node_modules\/js-yaml\//.test(url));
    expect(unwanted).toEqual([]);
  });
});

describe('stdout bytes (a cached report, read piece after piece into one buffer)', () => {
  it('are written to the descriptor before writeBytes returns, when the stream holds nothing back', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'plan-bytes-')), 'out');
    const fd = openSync(file, 'w');
    const stream = { fd, writableLength: 0, write: (): boolean => expect.fail('not through the stream'), on: () => undefined };
    const bytes = Buffer.from('一二三\n');
    guardStream(stream).writeBytes(bytes);
    bytes.fill(0);
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe('一二三\n');
  });

  it('a large text is written to the descriptor as UTF-8, a small one through the stream', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'plan-text-')), 'out');
    const fd = openSync(file, 'w');
    const through: string[] = [];
    const stream = { fd, writableLength: 0, write: (chunk: string | Uint8Array): boolean => through.push(String(chunk)) > 0, on: () => undefined };
    const large = `${'规划 plan\n'.repeat(4000)}\uD800`;
    const guarded = guardStream(stream);
    guarded.write('small');
    guarded.write(large);
    closeSync(fd);
    expect(through).toEqual(['small']);
    expect(readFileSync(file)).toEqual(Buffer.from(large, 'utf8'));
  });

  it.each([
    { name: 'a stream holding earlier writes', fd: 1, writableLength: 3 },
    { name: 'a stream without a descriptor', fd: undefined, writableLength: 0 },
  ])('are copied into $name: the caller reuses its buffer', ({ fd, writableLength }) => {
    const written: (string | Uint8Array)[] = [];
    const stream = { ...(fd === undefined ? {} : { fd }), writableLength, write: (chunk: string | Uint8Array): boolean => written.push(chunk) > 0, on: () => undefined };
    const bytes = Buffer.from('abc');
    guardStream(stream).writeBytes(bytes);
    bytes.fill(0);
    expect(written.map((chunk) => Buffer.from(chunk).toString('utf8'))).toEqual(['abc']);
  });
});
