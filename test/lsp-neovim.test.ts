import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planCopy, WUSHAN } from './helpers.js';

/** Debian's neovim (0.7) is a real LSP client; without it this test skips. */
const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
if (!nvim) console.warn('lsp-neovim.test.ts: no nvim found (apt-get install neovim): the Neovim client test is SKIPPED.');

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;
const SCRIPT = new URL('./nvim/diagnostics.lua', import.meta.url).pathname;

interface Seen {
  readonly before: { line: number; severity: number; code: string; message: string }[];
  readonly after: { line: number; severity: number; code: string; message: string }[];
  readonly changed: number;
  readonly errors: string[];
}

describe.skipIf(!nvim)('plan lsp in headless Neovim', () => {
  it('opens projects.yaml, shows its findings, and moves the fact-agreement diagnostic to a changed figure', { timeout: 120000 }, () => {
    const dir = planCopy(WUSHAN);
    const out = join(mkdtempSync(join(tmpdir(), 'plan-nvim-')), 'seen.json');
    const ran = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${SCRIPT}`], {
      encoding: 'utf8',
      timeout: 100000,
      env: {
        ...process.env,
        PLAN_BIN: BIN,
        PLAN_FILE: join(dir, 'projects.yaml'),
        PLAN_NEEDLE: 'housing.rental-new.floor-area, value: 80000',
        PLAN_FROM: '80000',
        PLAN_TO: '90000',
        PLAN_OUT: out,
      },
    });
    expect(ran.status, ran.stderr).toBe(0);
    const seen = JSON.parse(readFileSync(out, 'utf8')) as Seen;
    expect(seen.errors).toEqual([]);
    // Before: the bundled plan's findings, all reviewed, are hints (severity 4 in Neovim).
    expect(seen.before.some((d) => d.code === 'fact-agreement' && d.line === seen.changed && d.severity === 4)).toBe(true);
    // After: the new value's disagreement is an error (1) at the changed line.
    const moved = seen.after.find((d) => d.code === 'fact-agreement' && d.message.includes('90000'));
    expect(moved).toMatchObject({ line: seen.changed, severity: 1 });
  });
});
