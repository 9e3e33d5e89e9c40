import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { rdjsonFormatter } from '../src/formatters/rdjson.js';
import type { Finding } from '../src/model.js';
import { fill } from '../src/words.js';
import { cli, WUSHAN } from './helpers.js';

const REVIEWED = 65;

describe('reviewed findings are counted, not listed, in the formats people read', () => {
  it('a clean audit of the bundled plan fits a screen and ends with the hidden count', async () => {
    const result = await cli(['audit', WUSHAN]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(15);
    expect(lines.at(-1)).toBe(`${REVIEWED} reviewed findings hidden; --show-reviewed shows them`);
    expect(result.stdout).not.toContain('✓');
  });

  it('words the count in Chinese', async () => {
    const result = await cli(['audit', WUSHAN, '--lang', 'zh']);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(`已隐藏 ${REVIEWED} 条已复核的发现；加 --show-reviewed 显示`);
  });

  it('--show-reviewed lists every one with its review, and no count line', async () => {
    const result = await cli(['audit', WUSHAN, '--show-reviewed']);
    expect(result.stdout.match(/✓ (as printed|not an error)/g)).toHaveLength(REVIEWED);
    expect(result.stdout).not.toContain('hidden');
  });

  it('JSON keeps reviewed findings with their review', async () => {
    const result = await cli(['audit', WUSHAN, '--format', 'json']);
    const report = JSON.parse(result.stdout) as { findings: { review?: unknown }[] };
    expect(report.findings.filter((finding) => finding.review)).toHaveLength(REVIEWED);
  });

  it('markdown counts them in one line', async () => {
    const result = await cli(['audit', WUSHAN, '--format', 'markdown']);
    expect(result.stdout).toContain(`${REVIEWED} reviewed findings hidden; \`--show-reviewed\` shows them`);
    expect(result.stdout).not.toContain('✓');
  });
});

describe('compact and rdjson', () => {
  it('compact: one line a finding, file:line:col: severity message [rule]', async () => {
    const result = await cli(['audit', WUSHAN, '--format', 'compact', '--show-reviewed']);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(REVIEWED);
    for (const line of lines) expect(line).toMatch(/^\S+\.yaml:\d+:\d+: (error|warning|info) .+ \[[a-z-]+\]$/);
    expect((await cli(['audit', WUSHAN, '--format', 'compact'])).stdout).toBe('');
  });

  it('rdjson is valid against reviewdog DiagnosticResult, with columns in UTF-8 bytes', async () => {
    const schema = JSON.parse(readFileSync(new URL('./fixtures/rdjson.schema.json', import.meta.url), 'utf8')) as object;
    const validate = new Ajv({ strict: false }).compile(schema);
    const result = await cli(['audit', WUSHAN, '--format', 'rdjson', '--show-reviewed']);
    const report = JSON.parse(result.stdout) as { diagnostics: unknown[] };
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.diagnostics).toHaveLength(REVIEWED);
  });

  it('rdjson counts columns in UTF-8 bytes, as reviewdog does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-rdjson-'));
    const file = join(dir, 'boxes.yaml');
    writeFileSync(file, 'title: 专栏三 x\n');
    const finding = { ruleId: 'numbering', severity: 'error', messageId: 'm', message: 'm', data: {}, fingerprint: 'f', locations: [{ file, line: 1, column: 12, pointer: '' }] } as Finding;
    const report = JSON.parse(String(rdjsonFormatter({ run: { plans: [], inputFindings: [] }, findings: [finding] }, { lang: 'en', color: false, version: '0', command: 'audit', rules: [], groupBy: 'file' })));
    // 'title: ' is 7 bytes and 专栏三 9 more, so the character column 12 ('x' after a space) is byte column 18.
    expect(report.diagnostics[0].location.range.start.column).toBe(18);
  });
});

describe('command-line manners', () => {
  it.each([
    { args: ['audti'], message: 'plan: unknown command audti; did you mean audit? (add --help for usage)\n' },
    { args: ['audit', '--quite'], message: 'plan: unknown option --quite; did you mean --quiet? (add --help for usage)\n' },
    { args: ['audit', '--stdin-filename', 'x.yaml'], message: 'plan: --stdin-filename goes with the path - (read that file from standard input)\n' },
  ])('plan $args → exit 2, a suggestion', async ({ args, message }) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(message);
  });

  it.each([
    { env: { FORCE_COLOR: '1' }, coloured: true },
    { env: { FORCE_COLOR: '0' }, coloured: false },
    { env: {}, coloured: false },
  ])('FORCE_COLOR $env.FORCE_COLOR: coloured $coloured off a terminal', async ({ env, coloured }) => {
    const result = await cli(['audit', WUSHAN], env);
    expect(result.stdout.includes('\u001b[')).toBe(coloured);
  });

  it.each([
    [1, '1 error'],
    [2, '2 errors'],
    [0, '0 errors'],
  ])('English plurals: %i → %s', (n, expected) => {
    expect(fill('{n} {n|error|errors}', { n })).toBe(expected);
  });
});

describe('rule documentation', () => {
  it('every rule has its page in docs/rules/, and SARIF links each rule to it', async () => {
    const { RULES } = await import('../src/rules/index.js');
    const sarif = JSON.parse((await cli(['audit', WUSHAN, '--format', 'sarif'])).stdout) as {
      runs: { tool: { driver: { informationUri: string; rules: { id: string; helpUri: string }[] } } }[];
    };
    const driver = sarif.runs[0]!.tool.driver;
    expect(driver.rules.map((rule) => rule.id).sort()).toEqual(RULES.map((rule) => rule.id).sort());
    for (const rule of driver.rules) {
      expect(rule.helpUri).toMatch(new RegExp(`docs/rules/${rule.id}\\.md$`));
      if (rule.helpUri.startsWith('file:')) expect(readFileSync(new URL(rule.helpUri), 'utf8')).toContain(`# \`${rule.id}\``);
    }
    expect(driver.informationUri).not.toContain('npmjs.com');
  });
});

describe('messages lead with what the plan calls the thing', () => {
  // A fact key: dotted lower-case words (education.preschool-works.land-acquired).
  const KEY = /[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+/;
  // An interval in notation: [106899.2, 118152.8], (660792.95, 666666.67].
  const INTERVAL = /[[(]-?[\d.]+, -?[\d.]+[\])]/;

  it.each(['zh', 'en'])('%s: no finding of the bundled plan opens with a fact key or shows an interval in its message; the detail line has them', async (lang) => {
    const result = await cli(['audit', WUSHAN, '--format', 'json', '--lang', lang]);
    const findings = (JSON.parse(result.stdout) as { findings: (Finding & { detail?: string })[] }).findings;
    const opening = findings.filter((f) => new RegExp(`^${KEY.source}`).test(f.message)).map((f) => `${f.ruleId}: ${f.message}`);
    expect(opening).toEqual([]);
    const intervals = findings.filter((f) => INTERVAL.test(f.message)).map((f) => `${f.ruleId}: ${f.message}`);
    expect(intervals).toEqual([]);
    const reach = findings.filter((f) => f.ruleId === 'reachability');
    expect(reach.length).toBeGreaterThan(0);
    for (const finding of reach) expect(finding.detail).toMatch(INTERVAL);
  });
});
