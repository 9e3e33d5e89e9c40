import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutput } from '../src/io/output.js';
import { readRegularFile } from '../src/io/read-file.js';
import { markdownCode, markdownText, visible } from '../src/formatters/safe-text.js';
import { cli, folderDigest, MINI } from './helpers.js';

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;
/** Generous bounds on a spawned run: a hang or runaway memory fails the row instead of the machine. */
const SPAWN_TIMEOUT_MS = 60_000;
const SPAWN_HEAP_MB = 768;
const STACK_TRACE = /\n\s+at .+[:(]\d+|internal error|node:internal/;

/** A fresh folder holding a copy of the mini plan at `<base>/plan`; readable by everyone, for runs as another user. */
function freshPlan(): { base: string; dir: string } {
  const base = mkdtempSync(join(tmpdir(), 'plan-harden-'));
  chmodSync(base, 0o755);
  const dir = join(base, 'plan');
  cpSync(MINI, dir, { recursive: true });
  return { base, dir };
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real bin in a child process with bounded time and heap, as a user would. */
function spawnPlan(args: readonly string[], options: { asUser?: boolean } = {}): Run {
  const command = [`--max-old-space-size=${SPAWN_HEAP_MB}`, BIN, ...args];
  const asOther = options.asUser && process.getuid?.() === 0;
  const child = asOther
    ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...command], { encoding: 'utf8', timeout: SPAWN_TIMEOUT_MS, maxBuffer: 1 << 28 })
    : spawnSync(process.execPath, command, { encoding: 'utf8', timeout: SPAWN_TIMEOUT_MS, maxBuffer: 1 << 28 });
  // A killed child (timeout) has no status: the row fails on the exit code, with the reason.
  return { code: child.status ?? -1, stdout: child.stdout ?? '', stderr: `${child.stderr ?? ''}${child.error ? String(child.error) : ''}${child.signal ? ` signal ${child.signal}` : ''}` };
}

const canSwitchUser = process.getuid?.() !== 0 || spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0;

interface Expected {
  readonly ruleId: string;
  readonly messageId: string;
  /** Base name of the file the finding is located in. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

interface Attack {
  readonly name: string;
  /** Sets up the attack around a fresh plan and returns the command line (without `--format json`). */
  readonly setup: (dir: string, base: string) => string[];
  readonly exitCode: 0 | 1 | 2;
  /** The first finding of this rule must be this one; omitted when the run must have no findings at all. */
  readonly finding?: Expected;
  /** Run in a child process: a hang or a runaway heap of the unfixed tool must not take the test worker with it. */
  readonly spawn?: boolean;
  /** Spawned as an unprivileged user (a mode bit means nothing to root); skipped when that is not possible. */
  readonly asUser?: boolean;
}

const edit = (path: string, from: string, to: string): void => {
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`not in ${path}: ${from}`);
  writeFileSync(path, text.replace(from, to));
};
const mkfifo = (path: string): void => {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${String(made.stderr)}`);
};
/** The command line of a row, once its effect on the plan is done. */
const andRun = (_done: unknown, args: string[]): string[] => args;
const replaceWith = (path: string, make: (path: string) => void): void => {
  spawnSync('rm', ['-rf', path]);
  make(path);
};

/** Issue 12, cases 2, 3, 4, 5, 6, 8, 10, 12, 13 and the doubtful items, one row each. */
const ATTACKS: readonly Attack[] = [
  // 2. Only regular files are read, and reads are bounded.
  { name: 'a FIFO named projects.yaml (validate)', setup: (dir) => andRun(replaceWith(join(dir, 'projects.yaml'), mkfifo), ['validate', dir]), exitCode: 2, finding: { ruleId: 'input', messageId: 'not-a-file', file: 'projects.yaml', line: 1 }, spawn: true },
  { name: 'a FIFO named projects.yaml (audit)', setup: (dir) => andRun(replaceWith(join(dir, 'projects.yaml'), mkfifo), ['audit', dir]), exitCode: 2, finding: { ruleId: 'input', messageId: 'not-a-file', file: 'projects.yaml', line: 1 }, spawn: true },
  { name: 'a FIFO named source.txt', setup: (dir) => andRun(replaceWith(join(dir, 'source.txt'), mkfifo), ['audit', dir]), exitCode: 2, finding: { ruleId: 'input', messageId: 'not-a-file', file: 'plan.yaml', line: 9, column: 9 }, spawn: true },
  { name: 'projects.yaml linked to /dev/zero', setup: (dir) => andRun(replaceWith(join(dir, 'projects.yaml'), (p) => symlinkSync('/dev/zero', p)), ['audit', dir]), exitCode: 2, finding: { ruleId: 'input', messageId: 'outside-plan', file: 'projects.yaml', line: 1 }, spawn: true },
  { name: 'source.txt linked to /dev/zero', setup: (dir) => andRun(replaceWith(join(dir, 'source.txt'), (p) => symlinkSync('/dev/zero', p)), ['audit', dir]), exitCode: 2, finding: { ruleId: 'input', messageId: 'outside-plan', file: 'plan.yaml', line: 9 }, spawn: true },
  { name: 'a folder named boxes.yaml', setup: (dir) => andRun(replaceWith(join(dir, 'boxes.yaml'), (p) => mkdirSync(p)), ['validate', dir]), exitCode: 2, finding: { ruleId: 'input', messageId: 'not-a-file', file: 'boxes.yaml', line: 1 } },
  { name: 'a folder named source.txt', setup: (dir) => andRun(replaceWith(join(dir, 'source.txt'), (p) => mkdirSync(p)), ['audit', dir]), exitCode: 2, finding: { ruleId: 'input', messageId: 'not-a-file', file: 'plan.yaml', line: 9 } },
  // 3. Folders are visited once each by real path.
  {
    name: 'four links to . beside a plan',
    setup: (_dir, base) => {
      for (const name of ['l1', 'l2', 'l3', 'l4']) symlinkSync('.', join(base, name));
      return ['validate', base];
    },
    exitCode: 0,
    spawn: true,
  },
  { name: 'the same plan through a link and by name', setup: (dir, base) => andRun(symlinkSync(dir, join(base, 'again')), ['validate', base, dir, join(base, 'again')]), exitCode: 0 },
  // 4. Aliases are bounded by what they stand for, characters included.
  {
    name: 'a 350,000-character string aliased 2,000 times',
    setup: (dir) => andRun(writeFileSync(join(dir, 'boxes.yaml'), `a: &s "${'x'.repeat(350_000)}"\nb: [${Array(2000).fill('*s').join(', ')}]\n`), ['audit', dir]),
    exitCode: 2,
    finding: { ruleId: 'yaml-syntax', messageId: 'alias-bomb', file: 'boxes.yaml', line: 1 },
    spawn: true,
  },
  // 5. 130,000 findings (past the old push(...x) limit), in the default text format.
  {
    name: '130,000 unused acceptances',
    setup: (dir) => {
      const rows = Array.from({ length: 130_000 }, (_, i) => `  - { rule: numbering, file: projects.yaml, pointer: /sections/0/projects/${i + 5}, reason: 按原文保留 }\n`);
      edit(join(dir, 'plan.yaml'), 'accepted: []', `accepted:\n${rows.join('')}`);
      return ['audit', dir];
    },
    exitCode: 0,
    finding: { ruleId: 'stale-review', messageId: 'stale', file: 'plan.yaml', line: 11 },
    spawn: true,
  },
  // 6. Units and keys named after Object.prototype's properties.
  ...['万constructor', '万__proto__', '亿toString', 'constructor', '__proto__', 'hasOwnProperty'].map(
    (unit): Attack => ({
      name: `the unit ${unit} on every statement of a fact`,
      setup: (dir) => {
        for (const file of ['boxes.yaml', 'projects.yaml', 'statements.yaml']) edit(join(dir, file), 'housing.rental-new.units, value: 100, unit: 套', `housing.rental-new.units, value: 100, unit: ${unit}`);
        return ['audit', dir];
      },
      exitCode: 0,
    }),
  ),
  {
    name: 'the unit 万constructor on one statement of a fact',
    setup: (dir) => andRun(edit(join(dir, 'boxes.yaml'), 'value: 100, unit: 套', 'value: 100, unit: 万constructor'), ['audit', dir]),
    exitCode: 1,
    finding: { ruleId: 'fact-agreement', messageId: 'unit-mismatch' },
  },
  // 8. Folders that cannot be listed or read (as an unprivileged user: root reads anything).
  { name: 'a plan folder that can be searched but not listed (mode 311)', setup: (dir) => andRun(chmodSync(dir, 0o311), ['validate', dir]), exitCode: 2, finding: { ruleId: 'input', messageId: 'unreadable' }, spawn: true, asUser: true },
  {
    name: 'an unreadable folder among plans (mode 000)',
    setup: (_dir, base) => {
      const other = join(base, 'other');
      cpSync(MINI, other, { recursive: true });
      edit(join(other, 'plan.yaml'), 'id: mini-2021-2025', 'id: other-2021-2025');
      chmodSync(other, 0o000);
      return ['validate', base];
    },
    exitCode: 2,
    finding: { ruleId: 'input', messageId: 'unreadable' },
    spawn: true,
    asUser: true,
  },
  // 12. CR-only line ends: the same position as with LF.
  {
    name: 'CR-only line ends',
    setup: (dir) => {
      const path = join(dir, 'projects.yaml');
      writeFileSync(path, readFileSync(path, 'utf8').replace('investment: 1000', 'investmnt: 1000').replace(/\n/g, '\r'));
      return ['validate', dir];
    },
    exitCode: 1,
    finding: { ruleId: 'schema', messageId: 'unknown-key-suggest', file: 'projects.yaml', line: 38, column: 9 },
  },
  // 13. A number of 100,000 fraction digits is refused while reading, in linear time.
  { name: 'a number with 100,000 fraction digits', setup: (dir) => andRun(edit(join(dir, 'projects.yaml'), 'investment: 2000', `investment: 2000.${'1'.repeat(100_000)}`), ['audit', dir]), exitCode: 1, finding: { ruleId: 'schema', messageId: 'number-too-long', file: 'projects.yaml', line: 17, column: 21 }, spawn: true },
  // Doubtful: serials above 2^53 are refused rather than shown wrong.
  { name: 'a serial above 2^53', setup: (dir) => andRun(edit(join(dir, 'projects.yaml'), 'serial: 2', 'serial: 9007199254740993'), ['validate', dir]), exitCode: 1, finding: { ruleId: 'schema', messageId: 'number-too-large', file: 'projects.yaml' } },
  // Doubtful: a plan's files and its source resolve inside its folder.
  {
    name: 'source: ../outside.txt',
    setup: (dir, base) => {
      writeFileSync(join(base, 'outside.txt'), 'secret\n');
      edit(join(dir, 'plan.yaml'), 'source: source.txt', 'source: ../outside.txt');
      return ['audit', dir];
    },
    exitCode: 2,
    finding: { ruleId: 'input', messageId: 'outside-plan', file: 'plan.yaml', line: 9, column: 9 },
  },
  {
    name: 'source.txt linked to a file outside the plan',
    setup: (dir, base) => {
      writeFileSync(join(base, 'outside.txt'), 'secret\n');
      replaceWith(join(dir, 'source.txt'), (p) => symlinkSync(join(base, 'outside.txt'), p));
      return ['audit', dir];
    },
    exitCode: 2,
    finding: { ruleId: 'input', messageId: 'outside-plan', file: 'plan.yaml', line: 9 },
  },
  {
    name: 'a data file linked to a file outside the plan',
    setup: (dir, base) => {
      writeFileSync(join(base, 'credentials.yaml'), 'aws_secret_access_key: abc\n');
      replaceWith(join(dir, 'boxes.yaml'), (p) => symlinkSync(join(base, 'credentials.yaml'), p));
      return ['validate', dir];
    },
    exitCode: 2,
    finding: { ruleId: 'input', messageId: 'outside-plan', file: 'boxes.yaml', line: 1 },
  },
  {
    name: 'links that stay inside the plan folder are followed',
    setup: (dir) => {
      mkdirSync(join(dir, 'texts'));
      cpSync(join(dir, 'source.txt'), join(dir, 'texts', 'published.txt'));
      replaceWith(join(dir, 'source.txt'), (p) => symlinkSync('texts/published.txt', p));
      cpSync(join(dir, 'boxes.yaml'), join(dir, 'texts', 'boxes.yaml'));
      replaceWith(join(dir, 'boxes.yaml'), (p) => symlinkSync(join(dir, 'texts', 'boxes.yaml'), p));
      return ['audit', dir];
    },
    exitCode: 0,
  },
  // Doubtful: the fallback YAML parser's warnings do not reach stderr.
  { name: 'a complex key', setup: (dir) => andRun(writeFileSync(join(dir, 'boxes.yaml'), '? [a, b]\n: 1\n? [a, b]\n: 2\n'), ['validate', dir]), exitCode: 2, finding: { ruleId: 'yaml-syntax', messageId: 'syntax', file: 'boxes.yaml', line: 3 }, spawn: true },
];

describe.each(ATTACKS)('attack: $name', (attack) => {
  it.skipIf(attack.asUser && !canSwitchUser)(`exits ${attack.exitCode}, located, no stack trace, plan unchanged`, async () => {
    const { base, dir } = freshPlan();
    const args = [...attack.setup(dir, base), '--format', 'json', '--lang', 'en'];
    const before = folderDigest(base);
    const result = attack.spawn ? spawnPlan(args, { asUser: attack.asUser ?? false }) : await cli(args);
    const after = folderDigest(base);
    // Let the temporary folders be removed again.
    spawnSync('chmod', ['-R', 'u+rwx', base]);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(STACK_TRACE);
    expect(result.code).toBe(attack.exitCode);
    expect(after).toBe(before);
    const findings = JSON.parse(result.stdout).findings as { ruleId: string; messageId: string; message: string; locations: { file: string; line: number; column: number }[] }[];
    if (!attack.finding) {
      expect(findings.filter((f) => f.ruleId !== 'unknown-file')).toEqual([]);
      return;
    }
    const found = findings.find((f) => f.ruleId === attack.finding!.ruleId);
    expect(found).toMatchObject({ ruleId: attack.finding.ruleId, messageId: attack.finding.messageId });
    const [where] = found!.locations;
    if (attack.finding.file) expect(where!.file.endsWith(attack.finding.file)).toBe(true);
    if (attack.finding.line !== undefined) expect(where!.line).toBe(attack.finding.line);
    if (attack.finding.column !== undefined) expect(where!.column).toBe(attack.finding.column);
    // What a file outside the plan holds is never printed.
    expect(result.stdout).not.toContain('aws_secret_access_key');
  }, 180_000);
});

// 10. The printed-number check belongs to reading: validate and audit agree, whatever the key's
// spelling, anchor or tag. Line 17 of projects.yaml holds `investment: 2000` at column 9.
const NUMBERS: readonly { name: string; to: string; messageId?: string; column?: number }[] = [
  { name: 'hex', to: 'investment: 0xFA0', messageId: 'number-format', column: 21 },
  { name: 'octal', to: 'investment: 0o17', messageId: 'number-format', column: 21 },
  { name: 'exponent', to: 'investment: 4e3', messageId: 'number-format', column: 21 },
  { name: 'exponent without a whole part', to: 'investment: .5e4', messageId: 'number-format', column: 21 },
  { name: 'trailing dot', to: 'investment: 4000.', messageId: 'number-format', column: 21 },
  { name: 'escaped key spelling', to: '"invest\\u006dent": 0xFA0', messageId: 'number-format', column: 28 },
  { name: 'anchored key', to: '&k investment: 0xFA0', messageId: 'number-format', column: 24 },
  { name: 'tagged key', to: '!!str investment: 0xFA0', messageId: 'number-format', column: 27 },
  { name: 'tagged value', to: 'investment: !!int 0xFA0', messageId: 'number-format', column: 27 },
  { name: 'a quoted number made an integer by a tag', to: 'investment: !!int "2000"', messageId: 'number-format', column: 27 },
  { name: 'an anchored plain number is fine', to: 'investment: &a 2000' },
  { name: 'a tagged plain number is fine', to: 'investment: !!float 2000' },
];

describe.each(NUMBERS)('a number written as $name', (number) => {
  it.each(['validate', 'audit'])(`%s: ${number.messageId ? `exit 1, schema/${number.messageId} at 17:${number.column}` : 'exit 0'}`, async (command) => {
    const { base, dir } = freshPlan();
    edit(join(dir, 'projects.yaml'), 'investment: 2000', number.to);
    const before = folderDigest(base);
    const result = await cli([command, dir, '--format', 'json']);
    expect(folderDigest(base)).toBe(before);
    expect(result.stderr).toBe('');
    const findings = JSON.parse(result.stdout).findings as { ruleId: string; messageId: string; message: string; locations: { line: number; column: number }[] }[];
    if (!number.messageId) {
      expect(result.code).toBe(0);
      expect(findings).toEqual([]);
      return;
    }
    expect(result.code).toBe(1);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'schema', messageId: number.messageId, locations: [{ line: 17, column: number.column }] });
    // The message quotes the number, never the anchor or tag before it.
    expect(findings[0]!.message).not.toMatch(/'[&!]/);
  });
});

// 1. The report never lands in a plan folder, by any route, and no existing file is written through.
interface OutputAttack {
  readonly name: string;
  /** Returns the command line; `other` is a second plan, not part of the run. */
  readonly setup: (dir: string, base: string, other: string) => string[];
  readonly exitCode: 0 | 2;
  readonly refused: boolean;
}

const OUTPUT_ATTACKS: readonly OutputAttack[] = [
  { name: 'a link to projects.yaml', setup: (dir, base) => andRun(symlinkSync(join(dir, 'projects.yaml'), join(base, 'out.json')), ['audit', dir, '--format', 'json', '--output', join(base, 'out.json')]), exitCode: 2, refused: true },
  { name: 'a relative link to projects.yaml', setup: (dir, base) => andRun(symlinkSync('plan/projects.yaml', join(base, 'out.json')), ['audit', dir, '--output', join(base, 'out.json')]), exitCode: 2, refused: true },
  { name: 'a linked folder', setup: (dir, base) => andRun(symlinkSync(dir, join(base, 'reports')), ['audit', dir, '--output', join(base, 'reports', 'audit.json')]), exitCode: 2, refused: true },
  { name: 'the plan through a link, the output by its real path', setup: (dir, base) => andRun(symlinkSync(dir, join(base, 'linked')), ['audit', join(base, 'linked'), '--output', join(dir, 'report.txt')]), exitCode: 2, refused: true },
  { name: 'a plan not in this run', setup: (dir, _base, other) => ['audit', dir, '--output', join(other, 'projects.yaml')], exitCode: 2, refused: true },
  { name: 'a new file in a plan not in this run', setup: (dir, _base, other) => ['validate', dir, '--output', join(other, 'report.json')], exitCode: 2, refused: true },
  { name: 'a folder below a plan', setup: (dir) => andRun(mkdirSync(join(dir, 'reports')), ['audit', dir, '--output', join(dir, 'reports', 'a.json')]), exitCode: 2, refused: true },
  { name: 'export through a link to plan.yaml', setup: (dir, base) => andRun(symlinkSync(join(dir, 'plan.yaml'), join(base, 'plan.json')), ['export', dir, '--output', join(base, 'plan.json')]), exitCode: 2, refused: true },
  { name: 'a hard link to projects.yaml is replaced, not written through', setup: (dir, base) => andRun(linkSync(join(dir, 'projects.yaml'), join(base, 'hard.json')), ['audit', dir, '--output', join(base, 'hard.json')]), exitCode: 0, refused: false },
  { name: 'a file outside any plan', setup: (dir, base) => ['audit', dir, '--format', 'sarif', '--output', join(base, 'audit.sarif')], exitCode: 0, refused: false },
  { name: '/dev/null', setup: (dir) => ['audit', dir, '--output', '/dev/null'], exitCode: 0, refused: false },
];

describe.each(OUTPUT_ATTACKS)('--output: $name', (attack) => {
  it(attack.refused ? 'is refused with exit 2, both plans unchanged' : `writes with exit ${attack.exitCode}, both plans unchanged`, async () => {
    const { base, dir } = freshPlan();
    const other = mkdtempSync(join(tmpdir(), 'plan-other-'));
    cpSync(MINI, other, { recursive: true });
    const args = attack.setup(dir, base, other);
    const before = [folderDigest(dir), folderDigest(other)];
    const result = await cli(args);
    expect([folderDigest(dir), folderDigest(other)]).toEqual(before);
    expect(result.code).toBe(attack.exitCode);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(STACK_TRACE);
    expect(result.stderr).toMatch(attack.refused ? /^plan: refusing to write inside a plan folder: .+\n$/ : /^$/);
  });
});

describe('writeOutput', () => {
  const { base, dir } = freshPlan();
  it.each([
    ['inside a plan folder', () => join(dir, 'x.json'), 'inside-plan'],
    ['into a folder that does not exist', () => join(base, 'no', 'x.json'), 'cannot-write'],
    ['onto a folder', () => base, 'cannot-write'],
  ])('%s: %s', (_name, target, messageId) => {
    expect(writeOutput(target(), ['x'])).toMatchObject({ messageId });
  });

  it('leaves no temporary file behind, and replaces a link rather than its target', () => {
    const outside = join(base, 'kept.txt');
    writeFileSync(outside, 'kept');
    symlinkSync(outside, join(base, 'report.txt'));
    expect(writeOutput(join(base, 'report.txt'), ['new ', 'report'])).toBeUndefined();
    expect(readFileSync(outside, 'utf8')).toBe('kept');
    expect(lstatSync(join(base, 'report.txt')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(base, 'report.txt'), 'utf8')).toBe('new report');
    expect(readdirSync(base).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('readRegularFile', () => {
  it('bounds a read even when stat() says 0 bytes', () => {
    expect(statSync('/proc/self/status').size).toBe(0);
    expect(readRegularFile('/proc/self/status', 10)).toEqual({ refusal: { messageId: 'too-large', detail: '> 10' } });
    expect('bytes' in readRegularFile('/proc/self/status', 1 << 20)).toBe(true);
  });

  it.each([
    ['a character device', '/dev/zero', 'not-a-file', 'character device'],
    ['a folder', '/tmp', 'not-a-file', 'directory'],
    ['nothing', '/no/such/file', 'missing', 'ENOENT'],
  ])('refuses %s', (_name, path, messageId, detail) => {
    expect(readRegularFile(path, 100)).toEqual({ refusal: { messageId, detail } });
  });
});

// 7. Writing to stdout: a closed pipe ends quietly, a full disk is one line and exit 2.
describe('stdout that fails', () => {
  const shell = (script: string): Run => {
    const child = spawnSync('bash', ['-c', script], { encoding: 'utf8', timeout: SPAWN_TIMEOUT_MS, env: { ...process.env, LANG: 'en_US.UTF-8' } });
    return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
  };
  it.each([
    ['export | head -1', `"${process.execPath}" "${BIN}" export "${MINI}" | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`, '0'],
    ['audit --format sarif | head -1', `"${process.execPath}" "${BIN}" audit "${MINI}" --format sarif | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`, '0'],
    ['audit --format json | head -c 10 (with findings)', `"${process.execPath}" "${BIN}" audit "${join(MINI, '..', '..', '..', 'plan-data')}" --format json --fail-on-reviewed | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`, '1'],
  ])('%s ends quietly with the run\'s exit code, 5 of 5 runs', (_name, script, code) => {
    const before = folderDigest(MINI);
    for (let run = 0; run < 5; run++) {
      const result = shell(script);
      expect(result.stderr).toBe('');
      expect(result.stdout.trim()).toBe(code);
    }
    expect(folderDigest(MINI)).toBe(before);
  }, 120_000);

  it.each([
    ['validate > /dev/full', `"${process.execPath}" "${BIN}" validate "${MINI}" > /dev/full`],
    ['export > /dev/full', `"${process.execPath}" "${BIN}" export "${MINI}" > /dev/full`],
  ])('%s: one line on stderr, exit 2', (_name, script) => {
    const result = shell(script);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('plan: cannot write to standard output (ENOSPC)\n');
  }, 120_000);
});

// 9. Text from the data never reaches a terminal, a log or a renderer raw.
describe('control characters from the data', () => {
  const ESCAPES = '\u001b]0;owned\u0007\u001b[2J\u001b[31mFAKE: no problems found\r\u0000\u202e';
  /** A character that must not reach a terminal raw (a newline may: it ends the report's own lines). */
  const hasRaw = (text: string): boolean =>
    [...text].some((c) => {
      const code = c.codePointAt(0)!;
      return (code < 0x20 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
    });
  const hostile = (): string => {
    const { dir } = freshPlan();
    // YAML's double-quoted escapes put the raw characters into the data.
    edit(join(dir, 'projects.yaml'), 'name: 测试县保障性租赁住房建设项目', 'name: "测试县\\e]0;owned\\a\\e[2J\\e[31mFAKE: no problems found\\r\\0\\u202e"');
    edit(join(dir, 'projects.yaml'), 'end: 2025', 'end: 2027');
    edit(join(dir, 'plan.yaml'), 'accepted: []', 'accepted:\n  - { rule: outside-plan-period, file: projects.yaml, pointer: /sections/1, reason: "跨期项目\\e[8m hidden" }');
    return dir;
  };

  it.each(['text', 'github', 'markdown'])('%s: none is printed raw; each is shown as a visible escape', async (format) => {
    const dir = hostile();
    const before = folderDigest(dir);
    const result = await cli(['audit', dir, '--format', format, '--group-by', 'rule']);
    expect(folderDigest(dir)).toBe(before);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    // The name is not in the source text: a provenance finding quotes it, at the project's name.
    const json = JSON.parse((await cli(['audit', dir, '--format', 'json'])).stdout).findings as { ruleId: string; messageId: string; locations: { line: number }[] }[];
    expect(json.find((f) => f.ruleId === 'provenance')).toMatchObject({ messageId: 'text-not-found', locations: [{ line: 10 }] });
    expect(hasRaw(result.stdout)).toBe(false);
    expect(result.stdout).toContain('\\u001b');
    expect(result.stdout).toContain('\\u202e');
  });

  it('json keeps the data as it is (JSON escapes it)', async () => {
    const result = await cli(['audit', hostile(), '--format', 'json']);
    // JSON escapes every C0 control; U+202E stays as data for the reader's tools.
    expect([...result.stdout].some((c) => c.charCodeAt(0) < 0x20 && c !== '\n')).toBe(false);
    expect(JSON.parse(result.stdout).findings.some((f: { message: string }) => f.message.includes(ESCAPES.slice(0, 5)))).toBe(true);
  });

  it.each([
    ['plain', 'abc', 'abc'],
    ['ESC and BEL', '\u001b[2J\u0007', '\\u001b[2J\\u0007'],
    ['CR, LF, NUL', 'a\r\nb\u0000', 'a\\u000d\\u000ab\\u0000'],
    ['a right-to-left override', 'x\u202ey', 'x\\u202ey'],
    ['C1 control', '\u009b31m', '\\u009b31m'],
    ['Chinese and emoji are kept', '巫山县 ✅', '巫山县 ✅'],
  ])('visible: %s', (_name, text, shown) => {
    expect(visible(text)).toBe(shown);
  });

  it.each([
    ['a backtick', 'pl`an/x.yaml:1:1', '``pl`an/x.yaml:1:1``'],
    ['a run of backticks', 'a``b', '```a``b```'],
    ['a leading backtick', '`a', '`` `a ``'],
    ['a pipe', 'a|b', '`a\\|b`'],
  ])('markdown code span: %s', (_name, text, span) => {
    expect(markdownCode(text)).toBe(span);
  });

  it('markdown text: every special character escaped', () => {
    expect(markdownText('*a* _b_ [c](d) <e> | `f` ~g~ #h &i; \\')).toBe('\\*a\\* \\_b\\_ \\[c\\]\\(d\\) \\<e\\> \\| \\`f\\` \\~g\\~ \\#h \\&i; \\\\');
  });

  it('a plan folder whose name has a backtick stays one code span in markdown', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'plan-md-'));
    const dir = join(parent, 'pl`an');
    cpSync(MINI, dir, { recursive: true });
    edit(join(dir, 'projects.yaml'), 'total: 3000', 'total: 3001');
    const result = await cli(['audit', dir, '--format', 'markdown']);
    expect(result.stdout).toMatch(/ ``[^`|]*pl`an\/projects\.yaml:3`` /);
  });
});

describe('--rule', () => {
  it.each([[['--rule', '']], [['--rule', ',']], [['--rule', ' ']]])('%j is a usage error, exit 2', async (args) => {
    const result = await cli(['audit', MINI, ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^plan: --rule needs at least one rule id/);
  });
});

// plan init writes too: the same guarantees, for its target folder and its --from text.
describe('plan init', () => {
  const SOURCE = join(MINI, 'source.txt');
  it.each([
    ['a target inside a plan folder', (dir: string) => ['init', join(dir, 'draft'), '--from', SOURCE], /^plan: refusing to write inside a plan folder: /],
    ['a target inside a plan folder through a link', (dir: string, base: string) => andRun(symlinkSync(dir, join(base, 'linked')), ['init', join(base, 'linked', 'draft'), '--from', SOURCE]), /^plan: refusing to write inside a plan folder: /],
    ['a FIFO as --from', (_dir: string, base: string) => andRun(mkfifo(join(base, 'text.txt')), ['init', join(base, 'draft'), '--from', join(base, 'text.txt')]), /^plan: cannot read the published text .*\(FIFO\)/],
    ['/dev/zero as --from', (_dir: string, base: string) => ['init', join(base, 'draft'), '--from', '/dev/zero'], /^plan: cannot read the published text .*\(character device\)/],
  ])('%s: exit 2, one line, nothing written', (_name, setup, message) => {
    const { base, dir } = freshPlan();
    const args = setup(dir, base);
    const before = folderDigest(base);
    const result = spawnPlan([...args, '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(folderDigest(base)).toBe(before);
  }, 120_000);
});
