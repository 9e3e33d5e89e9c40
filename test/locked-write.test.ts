import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockPathOf, updatePlanFile } from '../src/io/locked-write.js';
import { auditFindings, cli, planCopy } from './helpers.js';

const OTHER_LAYOUT = new URL('./fixtures/other-layout/', import.meta.url).pathname;
/** The eight rules with an unreviewed finding in the other-layout fixture. */
const RULES = ['appendix-sums', 'box-money', 'box-project-link', 'fact-agreement', 'numbering', 'outside-plan-period', 'unlisted-facility', 'year-order'];

const APPEND = new URL('./fixtures/append-under-lock.mjs', import.meta.url).pathname;

const PLAN_TURNS = new URL('./fixtures/plan-turns.mjs', import.meta.url).pathname;

/**
 * A process of one of the fixtures that take turns (append-under-lock.mjs, plan-turns.mjs): a
 * line in, a line of answer out. Started once for many rounds, the eight of a round are told
 * together and race for the lock as processes, without paying a start of Node each time.
 */
interface TurnTaker {
  turn(line: string): Promise<string>;
  /** Closes its input; the process's exit code and everything it wrote on stderr. */
  end(): Promise<{ code: number | null; stderr: string }>;
}

function startTurns(script: string): TurnTaker {
  const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, LANG: 'en_US.UTF-8' } });
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  const waiting: ((answer: string) => void)[] = [];
  // A process that dies answers every turn still waiting, so that the round fails at once.
  const closed = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      for (const answer of waiting.splice(0)) answer(`exited ${code}: ${stderr}`);
      resolve(code);
    }),
  );
  let buffered = '';
  child.stdout.on('data', (data: Buffer) => {
    buffered += data.toString();
    for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
      waiting.shift()?.(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
    }
  });
  return {
    turn: (line) =>
      new Promise((resolve) => {
        waiting.push(resolve);
        child.stdin.write(`${line}\n`);
      }),
    end: async () => {
      child.stdin.end();
      return { code: await closed, stderr };
    },
  };
}

/** `plan review` of one rule's findings by a turn-taking plan process: its exit code and stderr. */
async function review(plan: TurnTaker, dir: string, rule: string): Promise<{ code: number | null; stderr: string }> {
  const answer = await plan.turn(JSON.stringify(['review', dir, '--rule', rule, '--verdict', 'not-an-error', '--reason', 'checked against the text']));
  return answer.startsWith('{') ? (JSON.parse(answer) as { code: number; stderr: string }) : { code: null, stderr: answer };
}

const rulesIn = (text: string): string[] => [...text.matchAll(/^ {2}- rule: (\S+)\r?$/gm)].map((match) => match[1]!).sort();

describe('reviews.yaml under concurrent writers', () => {
  // Each `plan review` audits the plan before it writes, so its rounds are few (they cost the
  // suite most of a minute at 20); the lock itself is raced 20 rounds by light writers below.
  it('keeps every rule of 8 runs of plan review started together, 4 rounds in a row', async () => {
    const plans = RULES.map(() => startTurns(PLAN_TURNS));
    for (let round = 0; round < 4; round++) {
      const dir = planCopy(OTHER_LAYOUT);
      // Half the rounds start with no file (all eight race to create it), half with a CRLF file of mode 0640.
      const existing = round % 2 === 1;
      if (existing) {
        writeFileSync(join(dir, 'reviews.yaml'), '# by the editors\r\nreviews: []\r\n');
        chmodSync(join(dir, 'reviews.yaml'), 0o640);
      }
      const runs = await Promise.all(RULES.map((rule, i) => review(plans[i]!, dir, rule)));
      expect(runs, `round ${round}`).toEqual(RULES.map(() => ({ code: 0, stderr: '' })));
      const text = readFileSync(join(dir, 'reviews.yaml'), 'utf8');
      expect(rulesIn(text), `round ${round}`).toEqual(RULES);
      if (existing) {
        expect(statSync(join(dir, 'reviews.yaml')).mode & 0o777).toBe(0o640);
        expect(text.replace(/\r\n/g, '')).not.toContain('\n');
        expect(text).toContain('# by the editors\r\n');
      }
      // No lock file and no temporary file is left behind.
      expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
      if (round === 3) expect((await auditFindings(dir)).filter((finding) => !finding.review)).toEqual([]);
    }
    expect(await Promise.all(plans.map((plan) => plan.end()))).toEqual(RULES.map(() => ({ code: 0, stderr: '' })));
  }, 300_000);

  it('keeps every line of 8 writers started together through the lock, 20 rounds in a row', async () => {
    const writers = RULES.map(() => startTurns(APPEND));
    for (let round = 0; round < 20; round++) {
      const dir = planCopy(OTHER_LAYOUT);
      const existing = round % 2 === 1;
      if (existing) {
        writeFileSync(join(dir, 'reviews.yaml'), '# by the editors\r\nreviews: []\r\n');
        chmodSync(join(dir, 'reviews.yaml'), 0o640);
      }
      const turns = await Promise.all(RULES.map((rule, i) => writers[i]!.turn(`${dir}\t${rule}`)));
      expect(turns, `round ${round}`).toEqual(RULES.map(() => 'written'));
      const text = readFileSync(join(dir, 'reviews.yaml'), 'utf8');
      expect(rulesIn(text), `round ${round}`).toEqual(RULES);
      if (existing) {
        expect(statSync(join(dir, 'reviews.yaml')).mode & 0o777).toBe(0o640);
        expect(text.replace(/\r\n/g, '')).not.toContain('\n');
      }
      expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
    }
    expect(await Promise.all(writers.map((writer) => writer.end()))).toEqual(RULES.map(() => ({ code: 0, stderr: '' })));
  }, 300_000);
});

describe('updatePlanFile', () => {
  const folder = (): string => mkdtempSync(join(tmpdir(), 'plan-lock-'));

  it('waits for a live writer within its bound, then says who holds the lock', async () => {
    const dir = folder();
    writeFileSync(lockPathOf(dir, 'reviews.yaml'), `${process.pid} ${hostname()} now held\n`);
    const outcome = await updatePlanFile(dir, 'reviews.yaml', () => 'reviews: []\n', { waitMs: 100 });
    expect(outcome).toMatchObject({ kind: 'locked', holder: `${process.pid}@${hostname()}` });
    expect(existsSync(join(dir, 'reviews.yaml'))).toBe(false);
  });

  it('breaks a lock whose process is gone, and one older than the stale age', async () => {
    const dir = folder();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(lockPathOf(dir, 'a.yaml'), `${gone} ${hostname()} then held\n`);
    expect(await updatePlanFile(dir, 'a.yaml', () => 'a: 1\n', { waitMs: 100 })).toMatchObject({ kind: 'written' });
    // A live process (this one's parent), but a lock a minute old.
    writeFileSync(lockPathOf(dir, 'b.yaml'), `${process.ppid} ${hostname()} then held\n`);
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lockPathOf(dir, 'b.yaml'), minuteAgo, minuteAgo);
    expect(await updatePlanFile(dir, 'b.yaml', () => 'b: 1\n', { waitMs: 100, staleMs: 30_000 })).toMatchObject({ kind: 'written' });
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'b.yaml']);
  });

  it('hands the update the file as it is now, and keeps its mode, CRLF line ends and byte-order mark', async () => {
    const dir = folder();
    const path = join(dir, 'reviews.yaml');
    writeFileSync(path, '\uFEFFreviews:\r\n  - one\r\n');
    chmodSync(path, 0o640);
    const outcome = await updatePlanFile(dir, 'reviews.yaml', (current) => `${current?.text}  - two\n`);
    expect(outcome).toMatchObject({ kind: 'written' });
    expect(readFileSync(path, 'utf8')).toBe('\uFEFFreviews:\r\n  - one\r\n  - two\r\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it('refuses a link at the name rather than following it', async () => {
    const dir = folder();
    const elsewhere = join(folder(), 'target.yaml');
    writeFileSync(elsewhere, 'x: 1\n');
    symlinkSync(elsewhere, join(dir, 'reviews.yaml'));
    expect(await updatePlanFile(dir, 'reviews.yaml', () => 'x: 2\n')).toMatchObject({ kind: 'failed', detail: 'not a regular file' });
    expect(readFileSync(elsewhere, 'utf8')).toBe('x: 1\n');
  });
});

describe('plan review writes only what plan reads back', () => {
  const reason = ['--verdict', 'not-an-error', '--reason'];
  it.each([
    { name: 'an empty --quote', args: ['--rule', 'numbering', '--quote', ''], field: 'quote' },
    { name: 'a two-letter reason', args: ['--rule', 'numbering', ...reason, 'ok'], field: 'reason' },
    { name: 'U+FFFE in a reason', args: ['--rule', 'numbering', ...reason, 'checked\uFFFE by hand'], field: 'reason' },
    { name: 'U+FFFF in a reason', args: ['--rule', 'numbering', ...reason, 'checked\uFFFF by hand'], field: 'reason' },
    { name: 'a C1 control in a reason', args: ['--rule', 'numbering', ...reason, 'checked\u0090 by hand'], field: 'reason' },
  ])('$name: refused, exit 2, the file untouched', async ({ args, field }) => {
    const dir = planCopy(OTHER_LAYOUT);
    writeFileSync(join(dir, 'reviews.yaml'), 'reviews: []\n');
    const result = await cli(['review', dir, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`at ${field} (`);
    expect(readFileSync(join(dir, 'reviews.yaml'), 'utf8')).toBe('reviews: []\n');
  });

  it('escapes a NUL, U+FFFE and a line break of a project name copied into a comment; the file validates and prunes', async () => {
    const dir = planCopy(OTHER_LAYOUT, [{ file: 'projects.yaml', from: 'name: 某山县农村互助养老点建设项目', to: 'name: "某山县农村\\0互助\\uFFFE养老点\\n建设项目"' }]);
    const reviewed = await cli(['review', dir, '--rule', 'outside-plan-period', '--verdict', 'not-an-error', '--reason', 'runs on after the plan, as printed']);
    expect(reviewed.code).toBe(0);
    const text = readFileSync(join(dir, 'reviews.yaml'), 'utf8');
    expect(text).toContain('某山县农村\\u0000互助\\ufffe养老点 建设项目');
    expect((await cli(['validate', dir])).code).toBe(0);
    expect((await auditFindings(dir, ['outside-plan-period'])).filter((finding) => !finding.review)).toEqual([]);
    // The project back inside the period: the review is stale, and --prune removes it.
    const projects = join(dir, 'projects.yaml');
    writeFileSync(projects, readFileSync(projects, 'utf8').replace('start: 2026\n        end: 2024', 'start: 2022\n        end: 2024'));
    const pruned = await cli(['review', dir, '--prune']);
    expect(pruned.stdout).toMatch(/0 reviews added, 1 stale reviews? pruned/);
    expect(rulesIn(readFileSync(join(dir, 'reviews.yaml'), 'utf8'))).toEqual([]);
  });
});
