import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../src/cli.js';
import { cli, MINI, planCopy } from './helpers.js';

const withWarning = (): string => planCopy(MINI, [{ file: 'projects.yaml', from: 'end: 2025', to: 'end: 2027' }]);

/** Runs the CLI with `stdin` as standard input. */
async function cliWithStdin(args: readonly string[], stdin: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: false,
    env: { LANG: 'en_US.UTF-8' },
    readStdin: async () => ({ bytes: Buffer.from(stdin) }),
  };
  return { code: await main(args, io), stdout, stderr };
}

describe('command-line conventions', () => {
  it('prints the help to stdout and exits 2 with no command', async () => {
    const result = await cli([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Usage: plan');
    expect(result.stderr).toBe('');
  });

  it.each([['-V'], ['--version']])('%s prints the version', async (flag) => {
    const result = await cli([flag]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('words help and argument errors in Chinese with --lang zh or a Chinese LANG', async () => {
    const help = await cli(['audit', '--help', '--lang', 'zh']);
    expect(help.stdout).toContain('用法：');
    expect(help.stdout).toContain('只运行这些规则');
    expect(help.stdout).toContain('可选：text, json');
    const error = await cli(['audit', '--frobnicate'], { LANG: 'zh_CN.UTF-8' });
    expect(error.code).toBe(2);
    expect(error.stderr).toContain('未知选项 --frobnicate');
    const choice = await cli(['audit', '--format', 'xml', '--lang', 'zh']);
    expect(choice.stderr).toContain('“xml” 无效');
  });

  it('words argument errors in English, with a hint and no help dump', async () => {
    const result = await cli(['audit', '--max-warnings', 'many']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('plan: not a whole number: many (add --help for usage)\n');
  });

  it('expands a glob the shell left quoted, and says when it matches nothing', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'plan-glob-'));
    cpSync(MINI, join(parent, 'plan-a'), { recursive: true });
    mkdirSync(join(parent, 'notes'));
    const pattern = relative(process.cwd(), join(parent, 'plan-*'));
    const found = await cli(['validate', pattern, '--format', 'json']);
    expect(found.code).toBe(0);
    expect(JSON.parse(found.stdout).summary.plans).toHaveLength(1);
    const none = await cli(['validate', join(parent, 'nothing-*')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no path matches');
  });

  it('--quiet reports errors only, and warnings do not fail it', async () => {
    const dir = withWarning();
    const loud = await cli(['audit', dir, '--format', 'json', '--max-warnings', '0']);
    expect(loud.code).toBe(1);
    const quiet = await cli(['audit', dir, '--format', 'json', '--quiet', '--max-warnings', '0']);
    expect(quiet.code).toBe(0);
    expect(JSON.parse(quiet.stdout).findings).toEqual([]);
  });

  it('--fail-on none exits 0 on errors, and still 2 on unreadable input', async () => {
    const dir = planCopy(MINI, [{ file: 'projects.yaml', from: 'total: 3000', to: 'total: 3001' }]);
    expect((await cli(['audit', dir, '--fail-on', 'none'])).code).toBe(0);
    expect((await cli(['audit', join(dir, 'missing'), '--fail-on', 'none'])).code).toBe(2);
  });

  it('reads one file from standard input with - and --stdin-filename, without touching the file', async () => {
    const dir = planCopy(MINI);
    const file = join(dir, 'projects.yaml');
    const edited = readFileSync(file, 'utf8').replace('investment: 2000', 'investmnt: 2000');
    const result = await cliWithStdin(['validate', '-', '--stdin-filename', file, '--format', 'json'], edited);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).findings[0]).toMatchObject({ ruleId: 'schema', messageId: 'unknown-key-suggest' });
    expect(readFileSync(file, 'utf8')).not.toContain('investmnt');
    expect((await cliWithStdin(['validate', '-'], edited)).code).toBe(2);
  });

  it('--rule with no id is a usage error', async () => {
    const result = await cli(['audit', MINI, '--rule', '']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--rule needs at least one rule id');
  });
});

describe('rules by stage', () => {
  it('SARIF from validate lists the reading rules only, from audit every rule', async () => {
    const rulesOf = async (command: string): Promise<string[]> =>
      JSON.parse((await cli([command, MINI, '--format', 'sarif'])).stdout).runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(await rulesOf('validate')).toEqual(['input', 'internal-error', 'schema', 'unknown-file', 'yaml-syntax']);
    expect(await rulesOf('audit')).toContain('stale-review');
  });
});

describe('a missing build', () => {
  it('says how to build instead of a stack trace', () => {
    const root = mkdtempSync(join(tmpdir(), 'plan-nobuild-'));
    mkdirSync(join(root, 'bin'));
    cpSync(new URL('../bin/plan.js', import.meta.url).pathname, join(root, 'bin', 'plan.js'));
    const result = spawnSync(process.execPath, [join(root, 'bin', 'plan.js'), 'audit'], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('npm run build');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
