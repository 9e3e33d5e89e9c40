import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WUSHAN } from './helpers.js';
import { toolOutputs, toolVersion } from './tool-cache.js';

const REPOSITORY = new URL('..', import.meta.url).pathname;

function sh(cwd: string, command: string, args: readonly string[]): { code: number; stdout: string; stderr: string } {
  const child = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', npm_config_fund: 'false', npm_config_audit: 'false' } });
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

/**
 * A repository of plan data that gets the tool as the README's CI section says: the packed
 * tarball installed into an empty project. The registry is asked only for what the local npm
 * cache lacks; without it the test says so and stops.
 */
async function installed(): Promise<string | undefined> {
  const root = mkdtempSync(join(tmpdir(), 'plan-package-'));
  const pack = sh(REPOSITORY, 'npm', ['pack', '--ignore-scripts', '--pack-destination', root]);
  expect(pack.code, pack.stderr).toBe(0);
  const tarball = join(root, readdirSync(root).find((name) => name.endsWith('.tgz'))!);
  const project = join(root, 'plans');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'plans', private: true }));
  // What npm installs beside the tool follows from the packed package.json alone: that install
  // is made once into the tool cache (it takes most of this test) until package.json, npm or Node
  // changes; each run unpacks its own tarball beside it, as npm would, so a new build is tested
  // without installing again.
  const manifest = sh(root, 'tar', ['-xzOf', tarball, 'package/package.json']);
  expect(manifest.code, manifest.stderr).toBe(0);
  let failed = '';
  const tree = await toolOutputs([toolVersion('npm'), process.version, 'npm install', manifest.stdout], (folder) => {
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'plans', private: true }));
    const install = sh(folder, 'npm', ['install', '--prefer-offline', '--no-save', tarball]);
    if (install.code !== 0) {
      failed = install.stderr.trim().split('\n').pop() ?? '';
      throw new Error(failed);
    }
  }).catch(() => undefined);
  if (!tree) {
    console.warn(`skipped: the packed tarball could not be installed here (${failed})`);
    return undefined;
  }
  const modules = join(project, 'node_modules');
  const installedTool = join(tree, 'node_modules', 'plan-audit');
  mkdirSync(modules);
  for (const name of readdirSync(join(tree, 'node_modules'))) {
    if (name !== 'plan-audit' && name !== '.bin') symlinkSync(join(tree, 'node_modules', name), join(modules, name));
  }
  const tool = join(modules, 'plan-audit');
  mkdirSync(tool);
  expect(sh(root, 'tar', ['-xzf', tarball, '--strip-components=1', '-C', tool]).code).toBe(0);
  // What npm had to nest under the tool, and the bin link it made.
  if (existsSync(join(installedTool, 'node_modules'))) symlinkSync(join(installedTool, 'node_modules'), join(tool, 'node_modules'));
  mkdirSync(join(modules, '.bin'));
  symlinkSync(readlinkSync(join(tree, 'node_modules', '.bin', 'plan')), join(modules, '.bin', 'plan'));
  cpSync(WUSHAN, join(project, 'plan-data', 'wushan-2021-2025'), { recursive: true });
  return project;
}

describe('the packed tool in a repository of plan data', { timeout: 180_000 }, () => {
  it("runs the shipped workflow's steps", async () => {
    const project = await installed();
    if (!project) return;
    // The workflow's first step as written, through npx; the others through the installed bin (npx costs a second each).
    const npx = (...args: string[]) => sh(project, 'npx', ['--no-install', 'plan', ...args]);
    const plan = (...args: string[]) => sh(project, process.execPath, [join(project, 'node_modules', '.bin', 'plan'), ...args]);
    // The schemas and the rule pages ship with it.
    expect(existsSync(join(project, 'node_modules', 'plan-audit', 'schemas', 'projects.schema.json'))).toBe(true);
    expect(existsSync(join(project, 'node_modules', 'plan-audit', 'docs', 'rules', 'fact-agreement.md'))).toBe(true);
    // A pull request: main holds the plan, the work tree changes project 2's investment.
    for (const args of [['init', '-q', '-b', 'main'], ['add', 'plan-data'], ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'main']]) expect(sh(project, 'git', args).code).toBe(0);
    const projects = join(project, 'plan-data', 'wushan-2021-2025', 'projects.yaml');
    writeFileSync(projects, readFileSync(projects, 'utf8').replace('investment: 1300', 'investment: 1400'));
    const workflow = readFileSync(join(REPOSITORY, '.github', 'workflows', 'plan-data.yml'), 'utf8');
    expect(workflow).toContain('npx plan validate --format github');
    expect(npx('validate', '--format', 'github').code).toBe(0);
    const audit = plan('audit', '--since', 'main', '--format', 'github');
    expect(audit.code).toBe(1);
    expect(audit.stdout.split('\n').filter((line) => line.startsWith('::'))).toHaveLength(1);
    expect(plan('diff', 'main', '--format', 'markdown').stdout).toContain('1300 → 1400');
    expect(plan('audit', '--since', 'main', '--format', 'sarif', '--output', 'plan.sarif').code).toBe(1);
    expect(JSON.parse(readFileSync(join(project, 'plan.sarif'), 'utf8')).runs[0].results.length).toBeGreaterThan(0);
  });
});
