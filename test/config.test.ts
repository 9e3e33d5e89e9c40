import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, MINI, WUSHAN } from './helpers.js';

/** A repository with the bundled plan under plan-data/ and the given plan.config.yaml at its root. */
function repository(config: string): string {
  const root = mkdtempSync(join(tmpdir(), 'plan-config-'));
  cpSync(WUSHAN, join(root, 'plan-data', 'wushan-2021-2025'), { recursive: true });
  writeFileSync(join(root, 'plan.config.yaml'), config);
  return root;
}

/** Runs the CLI from `cwd` (a subfolder too: the config is found walking up). */
async function cliIn(cwd: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    return await cli(args);
  } finally {
    process.chdir(before);
  }
}

type Json = { findings: { ruleId: string; severity: string; locations: { file: string }[] }[] };
const findings = (stdout: string): Json['findings'] => (JSON.parse(stdout) as Json).findings;

describe('plan.config.yaml', () => {
  it('turns a rule off: its findings go, and its reviews are not called stale', async () => {
    const without = findings((await cliIn(repository(''), ['audit', '--format', 'json'])).stdout);
    expect(without.filter((f) => f.ruleId === 'unboxed-project').length).toBeGreaterThan(0);
    const root = repository('rules:\n  unboxed-project: off\npaths: [plan-data]\n');
    const result = await cliIn(join(root, 'plan-data'), ['audit', '--format', 'json']);
    expect(result.code).toBe(0);
    const found = findings(result.stdout);
    expect(found.filter((f) => f.ruleId === 'unboxed-project')).toEqual([]);
    expect(found.filter((f) => f.ruleId === 'stale-review')).toEqual([]);
  });

  it('sets a rule severity', async () => {
    const found = findings((await cliIn(repository('rules:\n  policy-work: warning\n'), ['audit', '--format', 'json'])).stdout);
    const policy = found.filter((f) => f.ruleId === 'policy-work');
    expect(policy.length).toBeGreaterThan(0);
    expect(new Set(policy.map((f) => f.severity))).toEqual(new Set(['warning']));
  });

  it('ignores the findings of matching files', async () => {
    const found = findings((await cliIn(repository('ignores: ["plan-data/*/boxes.yaml"]\n'), ['audit', '--format', 'json'])).stdout);
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((f) => f.locations[0]!.file.endsWith('boxes.yaml'))).toEqual([]);
  });

  it('applies to the views as to the audit: summary and CSV leave out what the audit leaves out', async () => {
    // Every policy-work finding is in boxes.yaml: ignoring the file removes the rule's row.
    const root = repository('ignores: ["plan-data/*/boxes.yaml"]\n');
    const summary = await cliIn(root, ['summary', '--lang', 'en']);
    const plain = await cliIn(repository(''), ['summary', '--lang', 'en']);
    expect(summary.code).toBe(0);
    expect(plain.stdout).toContain('policy-work');
    expect(summary.stdout).not.toContain('policy-work');
    const json = (await cliIn(root, ['summary', '--format', 'json'])).stdout;
    expect((await cliIn(repository(''), ['summary', '--format', 'json'])).stdout).toContain('policy-work');
    expect(json).not.toContain('policy-work');
  });

  it('gives defaults for --fail-on, --lang and the paths; flags win', async () => {
    const root = repository('failOn: info\nlang: zh\npaths: [elsewhere]\n');
    mkdirSync(join(root, 'elsewhere'));
    cpSync(MINI, join(root, 'elsewhere', 'mini'), { recursive: true });
    const byDefault = await cliIn(root, ['audit']);
    expect(byDefault.stdout).toContain('mini-2021-2025');
    expect(byDefault.stdout).toContain('规划');
    const flags = await cliIn(root, ['audit', '--lang', 'en', '--fail-on', 'none', 'plan-data']);
    expect(flags.code).toBe(0);
    expect(flags.stdout).toContain('wushan-2021-2025');
    expect(flags.stdout).toContain('reviewed findings hidden');
  });

  it.each([
    { config: 'failOn: sometimes\n', message: /plan\.config\.yaml:1:9: 'sometimes' is not allowed; must be one of: error, warning, info, none/ },
    { config: 'rules:\n  unboxd-project: off\n', message: /plan\.config\.yaml:2:3: no rule is named 'unboxd-project'; did you mean 'unboxed-project'\?/ },
    { config: 'rules:\n  schema: off\n', message: /plan\.config\.yaml:2:11: the rule schema checks that the files can be read/ },
    { config: 'rulez: {}\n', message: /plan\.config\.yaml:1:1: unknown key 'rulez'; did you mean 'rules'\?/ },
    { config: 'rules: [\n', message: /plan\.config\.yaml:\d+:\d+: / },
  ])('a broken config is a located error, exit 2: $config', async ({ config, message }) => {
    const result = await cliIn(repository(config), ['audit']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});
