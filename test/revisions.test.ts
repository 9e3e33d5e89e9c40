import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffHeaderPath, readRevision } from '../src/load/git-revision.js';
import { type CliResult, cliIn, MINI } from './helpers.js';

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;
const OTHER_LAYOUT = new URL('./fixtures/other-layout/', import.meta.url).pathname;
const REVISION_MODULE = new URL('../dist/load/git-revision.js', import.meta.url).href;

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=plan', '-c', 'user.email=plan@example.org', ...args], { cwd: repo, encoding: 'utf8' }).trim();
}

/** `git mktree` from lines `mode type id\tname`: git accepts names it would never check out. */
function mktree(repo: string, lines: readonly string[]): string {
  return execFileSync('git', ['mktree'], { cwd: repo, input: `${lines.join('\n')}\n`, encoding: 'utf8' }).trim();
}

function repository(build: (repo: string) => void): string {
  const repo = mkdtempSync(join(tmpdir(), 'plan-revision-test-'));
  git(repo, 'init', '-q', '-b', 'main');
  mkdirSync(join(repo, 'plan-data'));
  build(repo);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'main');
  return repo;
}

/** The CLI in-process in the repository, as `plan` run there. */
const plan = (repo: string, args: readonly string[]): Promise<CliResult> => cliIn(repo, args);

/** The bin in a child process, for an environment of its own (TMPDIR). */
function spawnPlan(repo: string, args: readonly string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const child = spawnSync(process.execPath, [BIN, ...args], { cwd: repo, encoding: 'utf8', env: { PATH: process.env['PATH'], LANG: 'en_US.UTF-8', ...env } });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** A copy of the mini plan under its own id, changed by `edit`. */
function mini(repo: string, name: string, edit: (dir: string) => void = () => {}, id = name): void {
  const dir = join(repo, 'plan-data', name);
  cpSync(MINI, dir, { recursive: true });
  const planFile = join(dir, 'plan.yaml');
  writeFileSync(planFile, readFileSync(planFile, 'utf8').replace('id: mini-2021-2025', `id: mini-${id}`));
  edit(dir);
}

interface DiffJson {
  findings: { new: { ruleId: string }[]; fixed: { ruleId: string }[]; unchanged: number };
}

describe('fingerprints hold no path outside the plan folder', { timeout: 60_000 }, () => {
  it('--since HEAD and diff HEAD HEAD on an unchanged tree with an unknown file and a link: nothing new, exit 0', async () => {
    const repo = repository((repo) => {
      const dir = join(repo, 'plan-data', 'a');
      cpSync(OTHER_LAYOUT, dir, { recursive: true });
      writeFileSync(join(dir, 'notes.yaml'), 'note: not a data file\n');
      // A link inside the plan is followed in the work tree; the revision's copy is a link too.
      renameSync(join(dir, 'outline.yaml'), join(dir, 'outline.source'));
      symlinkSync('outline.source', join(dir, 'outline.yaml'));
    });
    const since = await plan(repo, ['audit', 'plan-data', '--since', 'HEAD', '--fail-on', 'warning', '--format', 'json']);
    expect(since.stderr).toBe('');
    const report = JSON.parse(since.stdout) as { since: { new: number; fixed: number; unchanged: number }; findings: { ruleId: string }[] };
    expect(report.findings.map((finding) => finding.ruleId)).toContain('unknown-file');
    expect(report.since).toEqual({ base: 'HEAD', new: 0, fixed: 0, unchanged: report.findings.length });
    expect(since.code).toBe(0);
    const diff = await plan(repo, ['diff', 'HEAD', 'HEAD', '--format', 'json']);
    expect(diff.code).toBe(0);
    expect((JSON.parse(diff.stdout) as DiffJson).findings).toMatchObject({ new: [], fixed: [] });
  });

  it('every kind of input finding matches itself between the work tree and the revision', async () => {
    const outside = join(mkdtempSync(join(tmpdir(), 'plan-outside-')), 'boxes.yaml');
    writeFileSync(outside, 'boxes: []\n');
    const repo = repository((repo) => {
      // A link out of the plan folder, in the work tree and in the revision alike.
      mini(repo, 'link', (dir) => {
        rmSync(join(dir, 'boxes.yaml'));
        symlinkSync(outside, join(dir, 'boxes.yaml'));
      });
      mini(repo, 'twin');
      mini(repo, 'twin-again', (dir) => {
        const planFile = join(dir, 'plan.yaml');
        writeFileSync(planFile, readFileSync(planFile, 'utf8').replace('id: mini-twin-again', 'id: mini-twin'));
      });
      mini(repo, 'no-source', (dir) => rmSync(join(dir, 'source.txt')));
      mini(repo, 'broken', (dir) => writeFileSync(join(dir, 'statements.yaml'), 'statements: [unclosed\n'));
      mini(repo, 'schema', (dir) => writeFileSync(join(dir, 'reviews.yaml'), 'reviews: []\nextra: 1\n'));
      mini(repo, 'large', (dir) => writeFileSync(join(dir, 'statements.yaml'), `${readFileSync(join(dir, 'statements.yaml'), 'utf8')}#${'x'.repeat(20_000)}\n`));
      mini(repo, 'unknown', (dir) => writeFileSync(join(dir, 'extra.yml'), 'x: 1\n'));
    });
    const since = await plan(repo, ['audit', 'plan-data', '--since', 'HEAD', '--max-file-size', '10000', '--format', 'json']);
    const report = JSON.parse(since.stdout) as { since: { new: number; fixed: number }; findings: { ruleId: string; messageId: string }[] };
    const kinds = new Set(report.findings.map((finding) => `${finding.ruleId}/${finding.messageId}`));
    for (const kind of ['input/outside-plan', 'input/duplicate-plan-id', 'input/unreadable', 'input/too-large', 'unknown-file/unknown-file', 'schema/unknown-key']) expect(kinds).toContain(kind);
    expect([...kinds].some((kind) => kind.startsWith('yaml-syntax/'))).toBe(true);
    expect(report.since).toMatchObject({ new: 0, fixed: 0 });
    // Input that cannot be read is exit 2 whatever the comparison says.
    expect(since.code).toBe(2);
    const diff = await plan(repo, ['diff', 'HEAD', 'HEAD', '--format', 'json']);
    expect((JSON.parse(diff.stdout) as DiffJson).findings).toMatchObject({ new: [], fixed: [] });
    expect(diff.stderr).not.toContain('internal error');
  });
});

describe('a revision is read inside its temporary folder', { timeout: 60_000 }, () => {
  const base = (): string => repository((repo) => mini(repo, 'm'));

  it('refuses a crafted tree with `..` entries, and writes nothing outside', () => {
    const repo = base();
    // plan-data/../../../escaped.yaml: from the temporary folder $TMPDIR/plan-revision-…, it would land in the sandbox.
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo, input: 'pwned: 1\n', encoding: 'utf8' }).trim();
    let tree = mktree(repo, [`100644 blob ${blob}\tescaped.yaml`]);
    for (let depth = 0; depth < 2; depth++) tree = mktree(repo, [`040000 tree ${tree}\t..`]);
    const planData = mktree(repo, [...git(repo, 'ls-tree', 'HEAD:plan-data').split('\n'), `040000 tree ${tree}\t..`]);
    const root = mktree(repo, [`040000 tree ${planData}\tplan-data`]);
    git(repo, 'branch', 'evil', git(repo, 'commit-tree', root, '-m', 'evil'));
    const sandbox = mkdtempSync(join(tmpdir(), 'plan-sandbox-'));
    const temporary = join(sandbox, 'a', 'b');
    mkdirSync(temporary, { recursive: true });
    for (const args of [
      ['diff', 'HEAD', 'evil'],
      ['audit', 'plan-data', '--since', 'evil'],
    ]) {
      const result = spawnPlan(repo, args, { TMPDIR: temporary });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("the revision holds the path 'plan-data/../../../escaped.yaml'");
    }
    expect(readdirSync(sandbox, { recursive: true }).sort()).toEqual(['a', join('a', 'b')]);
  });

  it('refuses a file and a folder of the same name, without an internal error', async () => {
    const repo = base();
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo, input: 'x: 1\n', encoding: 'utf8' }).trim();
    const inner = mktree(repo, [`100644 blob ${blob}\tx.yaml`]);
    const planFolder = mktree(repo, [...git(repo, 'ls-tree', 'HEAD:plan-data/m').split('\n'), `040000 tree ${inner}\tboxes.yaml`]);
    const root = mktree(repo, [`040000 tree ${mktree(repo, [`040000 tree ${planFolder}\tm`])}\tplan-data`]);
    git(repo, 'branch', 'clash', git(repo, 'commit-tree', root, '-m', 'clash'));
    const result = await plan(repo, ['diff', 'HEAD', 'clash']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("'plan-data/m/boxes.yaml'");
    expect(result.stderr).not.toContain('internal error');
  });

  it('does not copy a large binary file beside the plan whole', () => {
    const repo = repository((repo) =>
      mini(repo, 'm', (dir) => writeFileSync(join(dir, 'scan.pdf'), Buffer.alloc(4 * 1024 * 1024, 7))),
    );
    const checkout = readRevision('HEAD', ['plan-data'], repo);
    if ('error' in checkout) throw new Error(checkout.detail);
    try {
      const copy = statSync(join(checkout.folder, 'plan-data', 'm', 'scan.pdf'));
      // Its size, as a sparse file: the tree's shape without its bytes.
      expect(copy.size).toBe(4 * 1024 * 1024);
      expect(copy.blocks * 512).toBeLessThan(64 * 1024);
      expect(readFileSync(join(checkout.folder, 'plan-data', 'm', 'source.txt'), 'utf8')).toBe(readFileSync(join(MINI, 'source.txt'), 'utf8'));
    } finally {
      checkout.dispose();
    }
    expect(existsSync(checkout.folder)).toBe(false);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('removes its temporary folder on %s', async (signal) => {
    const repo = base();
    const script = `const m = await import(${JSON.stringify(REVISION_MODULE)}); const c = m.readRevision('HEAD', ['plan-data'], ${JSON.stringify(repo)}); console.log(c.folder); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const folder = await new Promise<string>((resolve) => child.stdout.once('data', (data: Buffer) => resolve(data.toString().trim())));
    expect(existsSync(join(folder, 'plan-data', 'm', 'plan.yaml'))).toBe(true);
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, by) => resolve(by)));
    child.kill(signal);
    expect(await ended).toBe(signal);
    expect(existsSync(folder)).toBe(false);
  });
});

describe('github annotations name the changed line of a path with a tab or a quote', { timeout: 60_000 }, () => {
  it.each([
    { header: 'b/plan-data/m/projects.yaml', path: 'b/plan-data/m/projects.yaml' },
    { header: '"b/plan-data/a\\tb/projects.yaml"', path: 'b/plan-data/a\tb/projects.yaml' },
    { header: '"b/q\\"uo te.yaml"\t', path: 'b/q"uo te.yaml' },
    { header: 'b/with space.yaml\t', path: 'b/with space.yaml' },
    { header: '"b/\\344\\270\\255\\001.yaml"', path: 'b/中\u0001.yaml' },
  ])('diffHeaderPath($header)', ({ header, path }) => {
    expect(diffHeaderPath(header)).toBe(path);
  });

  it('annotates the investment line a pull request changed, in a plan folder named with a tab and a quote', async () => {
    const name = 'we\tird"plan';
    const repo = repository((repo) => mini(repo, name, () => {}, 'weird'));
    const projects = join(repo, 'plan-data', name, 'projects.yaml');
    const text = readFileSync(projects, 'utf8');
    writeFileSync(projects, text.replace('investment: 2000', 'investment: 2100'));
    const line = text.split('\n').findIndex((row) => row.includes('investment: 2000')) + 1;
    const result = await plan(repo, ['audit', 'plan-data', '--since', 'HEAD', '--format', 'github']);
    expect(result.stdout).toContain(`::error file=plan-data/${name}/projects.yaml,line=${line},`);
  });
});
