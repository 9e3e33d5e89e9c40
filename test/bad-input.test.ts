import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, MINI, planCopy } from './helpers.js';

interface BadInput {
  readonly name: string;
  readonly file: string;
  /** New content of the file, or a function of its clean content. */
  readonly content: string | Buffer | ((clean: string) => string | Buffer);
  readonly exitCode: 1 | 2;
  readonly ruleId: string;
  readonly messageId: string;
  readonly line: number;
  readonly column?: number;
  /** Run as a separate process, as a user would: the case is too large for the test worker's heap. */
  readonly spawn?: boolean;
}

const replace = (from: string, to: string) => (clean: string): string => {
  if (!clean.includes(from)) throw new Error(`not in file: ${from}`);
  return clean.replace(from, to);
};

const BAD_INPUTS: readonly BadInput[] = [
  { name: 'a syntax error', file: 'plan.yaml', content: replace('id: mini-2021-2025', 'id: [mini'), exitCode: 2, ruleId: 'yaml-syntax', messageId: 'syntax', line: 3 },
  { name: 'a duplicate key', file: 'plan.yaml', content: replace('issuer:', 'title: again\nissuer:'), exitCode: 2, ruleId: 'yaml-syntax', messageId: 'duplicate-key', line: 4, column: 1 },
  { name: 'a tab in indentation', file: 'boxes.yaml', content: replace('  - number: 3', '\t- number: 3'), exitCode: 2, ruleId: 'yaml-syntax', messageId: 'tab-indent', line: 3 },
  { name: 'a file cut off half-way', file: 'projects.yaml', content: (clean) => clean.slice(0, clean.indexOf('departments') + 20), exitCode: 2, ruleId: 'yaml-syntax', messageId: 'syntax', line: 11 },
  { name: 'an empty file', file: 'boxes.yaml', content: '', exitCode: 2, ruleId: 'yaml-syntax', messageId: 'empty', line: 1 },
  { name: 'several documents in one file', file: 'boxes.yaml', content: (clean) => `${clean}---\nboxes: []\n`, exitCode: 2, ruleId: 'yaml-syntax', messageId: 'several-documents', line: 27 },
  { name: 'billion laughs', file: 'boxes.yaml', content: `a: &a [1,2,3,4,5,6,7,8,9]\nb: &b [${'*a,'.repeat(9)}]\nc: &c [${'*b,'.repeat(9)}]\nd: &d [${'*c,'.repeat(9)}]\ne: [${'*d,'.repeat(9)}]\n`, exitCode: 2, ruleId: 'yaml-syntax', messageId: 'alias-bomb', line: 1 },
  { name: 'an alias that loops', file: 'boxes.yaml', content: 'boxes: &a\n  - *a\n', exitCode: 2, ruleId: 'yaml-syntax', messageId: 'alias-loop', line: 1 },
  { name: 'nesting thousands deep', file: 'boxes.yaml', content: `boxes: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, exitCode: 2, ruleId: 'yaml-syntax', messageId: 'too-deep', line: 1 },
  { name: 'a file past the large-file mark (5 MB; 50 MB and more are measured in npm run bench)', file: 'boxes.yaml', content: `boxes:\n${'  - x\n'.repeat(900_000)}`, exitCode: 1, ruleId: 'schema', messageId: 'invalid', line: 2, column: 5, spawn: true },
  { name: 'a line of a million characters', file: 'statements.yaml', content: replace('quote: 计划新建保障性租赁住房100套', `quote: 计划新建保障性租赁住房100套${'长'.repeat(1_000_000)}`), exitCode: 1, ruleId: 'provenance', messageId: 'quote-not-found', line: 10 },
  { name: 'a syntax error on a line of a million characters', file: 'boxes.yaml', content: `boxes: [${'x, '.repeat(350_000)}\n`, exitCode: 2, ruleId: 'yaml-syntax', messageId: 'syntax', line: 2 },
  { name: 'bytes that are not UTF-8', file: 'boxes.yaml', content: Buffer.from([0x62, 0x6f, 0x78, 0x65, 0x73, 0x3a, 0x20, 0xff, 0xfe, 0x0a]), exitCode: 2, ruleId: 'yaml-syntax', messageId: 'not-utf8', line: 1, column: 8 },
  { name: 'a binary file named .yaml', file: 'boxes.yaml', content: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]), exitCode: 2, ruleId: 'yaml-syntax', messageId: 'binary', line: 1 },
  { name: 'a wrong type', file: 'projects.yaml', content: replace('start: 2022', 'start: [2022]'), exitCode: 1, ruleId: 'schema', messageId: 'invalid', line: 15, column: 16 },
  { name: 'an unknown key (a typo), at the key, without a cascade', file: 'projects.yaml', content: replace('investment: 2000', 'investmnt: 2000'), exitCode: 1, ruleId: 'schema', messageId: 'unknown-key-suggest', line: 17, column: 9 },
  { name: 'a missing key, at its parent', file: 'projects.yaml', content: replace('        name: 测试县保障性租赁住房建设项目\n', ''), exitCode: 1, ruleId: 'schema', messageId: 'missing-key', line: 9, column: 9 },
  { name: 'a bad enum', file: 'indicators.yaml', content: replace('attribute: 约束性', 'attribute: 约速性'), exitCode: 1, ruleId: 'schema', messageId: 'not-allowed', line: 14, column: 20 },
  { name: 'a number with thousands separators', file: 'projects.yaml', content: replace('total: 3000', 'total: 3,000'), exitCode: 1, ruleId: 'schema', messageId: 'number-as-text', line: 3, column: 8 },
  { name: 'full-width digits', file: 'projects.yaml', content: replace('total: 3000', 'total: ３０００'), exitCode: 1, ruleId: 'schema', messageId: 'number-as-text', line: 3 },
  { name: 'a unit inside the number', file: 'boxes.yaml', content: replace('value: 5000, unit: ㎡', 'value: 5000㎡, unit: ㎡'), exitCode: 1, ruleId: 'schema', messageId: 'number-as-text', line: 14 },
  { name: '.inf', file: 'projects.yaml', content: replace('investment: 2000', 'investment: .inf'), exitCode: 1, ruleId: 'schema', messageId: 'invalid', line: 17 },
  { name: '.nan', file: 'projects.yaml', content: replace('investment: 2000', 'investment: .nan'), exitCode: 1, ruleId: 'schema', messageId: 'invalid', line: 17 },
  { name: 'a hex number', file: 'projects.yaml', content: replace('investment: 2000', 'investment: 0x7D0'), exitCode: 1, ruleId: 'schema', messageId: 'number-format', line: 17, column: 21 },
  { name: 'an exponent', file: 'projects.yaml', content: replace('investment: 2000', 'investment: 2e3'), exitCode: 1, ruleId: 'schema', messageId: 'number-format', line: 17 },
];

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;

async function audit(dir: string, spawn = false): Promise<{ code: number; findings: { ruleId: string; messageId: string; locations: { line: number; column: number }[] }[] }> {
  const args = ['audit', dir, '--format', 'json'];
  const result = spawn
    ? ((child) => ({ code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr }))(spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 }))
    : await cli(args);
  expect(result.stderr).toBe('');
  return { code: result.code, findings: JSON.parse(result.stdout).findings };
}

describe.each(BAD_INPUTS)('bad input: $name', (bad) => {
  it(`exits ${bad.exitCode} with ${bad.ruleId}/${bad.messageId} at line ${bad.line}`, async () => {
    const dir = planCopy(MINI);
    const path = join(dir, bad.file);
    const clean = readFileSync(path, 'utf8');
    writeFileSync(path, typeof bad.content === 'function' ? bad.content(clean) : bad.content);
    const { code, findings } = await audit(dir, bad.spawn);
    expect(code).toBe(bad.exitCode);
    expect(findings.length).toBeGreaterThan(0);
    const [first] = findings.filter((f) => f.ruleId === bad.ruleId);
    expect(first).toMatchObject({ ruleId: bad.ruleId, messageId: bad.messageId });
    expect(first!.locations[0]!.line).toBe(bad.line);
    if (bad.column !== undefined) expect(first!.locations[0]!.column).toBe(bad.column);
    // The tool never writes into the plan's files.
    const written = typeof bad.content === 'function' ? bad.content(clean) : bad.content;
    expect(readFileSync(path).equals(Buffer.from(written))).toBe(true);
  });
});

describe('what is fine', () => {
  it('a byte-order mark and CRLF line ends give the same result as without them', async () => {
    const dir = planCopy(MINI);
    for (const file of ['plan.yaml', 'projects.yaml', 'boxes.yaml']) {
      const path = join(dir, file);
      writeFileSync(path, `\uFEFF${readFileSync(path, 'utf8').replace(/\n/g, '\r\n')}`);
    }
    expect(await audit(dir)).toEqual(await audit(planCopy(MINI)));
  });

  it('more digits than a double holds are kept exactly', async () => {
    const dir = planCopy(MINI, [{ file: 'projects.yaml', from: 'investment: 2000', to: 'investment: 2000.00000000000000000000001' }]);
    const { findings } = await audit(dir);
    expect(findings.map((f) => f.messageId)).toEqual(['subtotal-mismatch']);
  });
});

describe('files that are not read', () => {
  it('an unknown YAML file in a plan folder is a warning, and the plan is still validated', async () => {
    const dir = planCopy(MINI);
    writeFileSync(join(dir, 'notes.yaml'), 'a: 1\n');
    const result = await cli(['validate', dir, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).findings).toMatchObject([{ ruleId: 'unknown-file', severity: 'warning', messageId: 'unknown-file' }]);
  });

  it('a file over --max-file-size is refused, named, with exit 2', async () => {
    const result = await cli(['validate', planCopy(MINI), '--format', 'json', '--max-file-size', '1000']);
    expect(result.code).toBe(2);
    const findings = JSON.parse(result.stdout).findings as { messageId: string; message: string }[];
    expect(findings.map((f) => f.messageId)).toContain('too-large');
    expect(findings.some((f) => /projects\.yaml is too large/.test(f.message))).toBe(true);
  });
});

describe('bad paths', () => {
  const base = mkdtempSync(join(tmpdir(), 'plan-paths-'));
  mkdirSync(join(base, 'empty'));
  writeFileSync(join(base, 'notes.txt'), 'not a plan');
  symlinkSync(join(base, 'loop-b'), join(base, 'loop-a'));
  symlinkSync(join(base, 'loop-a'), join(base, 'loop-b'));

  it.each([
    ['a missing path', join(base, 'nothing-here'), 'path-missing'],
    ['a folder without plan.yaml', join(base, 'empty'), 'not-a-plan'],
    ['a file of another kind', join(base, 'notes.txt'), 'not-a-plan'],
    ['a link that loops', join(base, 'loop-a'), 'unreadable'],
  ])('%s: exit 2, named in the message', async (_name, path, messageId) => {
    const result = await cli(['validate', path, '--format', 'json']);
    expect(result.code).toBe(2);
    const [finding] = JSON.parse(result.stdout).findings;
    expect(finding).toMatchObject({ ruleId: 'input', messageId });
    expect(finding.message).toContain(path);
  });

  it('two plans with the same id: exit 2 at the second', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'plan-twins-'));
    for (const name of ['a', 'b']) {
      const copy = planCopy(MINI);
      symlinkSync(copy, join(parent, name));
    }
    const result = await cli(['validate', parent, '--format', 'json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).findings.map((f: { messageId: string }) => f.messageId)).toEqual(['duplicate-plan-id']);
  });
});
