import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, MINI } from './helpers.js';

const OTHER_LAYOUT = new URL('./fixtures/other-layout/', import.meta.url).pathname;

/** A folder holding the mini plan twice: one id, two folders. */
function twins(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-twins-'));
  cpSync(MINI, join(dir, 'a'), { recursive: true });
  cpSync(MINI, join(dir, 'b'), { recursive: true });
  return dir;
}

describe('two plans of one id', () => {
  it.each(['audit', 'report', 'summary', 'facts'])('plan %s exits 2 and says so', async (command) => {
    const dir = twins();
    const output = join(mkdtempSync(join(tmpdir(), 'plan-out-')), 'out');
    const result = await cli([command, dir, '--output', output, '--lang', 'en']);
    expect(result.code).toBe(2);
    // audit reports it in its report; the views, printing none, on stderr.
    if (command !== 'audit') expect(result.stderr).toContain("plan id 'mini-2021-2025' is already used by");
    if (command !== 'audit') expect(existsSync(output)).toBe(false);
  });
});

describe('quoted globs', () => {
  const plans = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-globs-'));
    cpSync(OTHER_LAYOUT, join(dir, 'other'), { recursive: true });
    cpSync(MINI, join(dir, 'mini'), { recursive: true });
    return dir;
  };

  it('plan review expands them', async () => {
    const dir = plans();
    const result = await cli(['review', join(dir, 'o*'), '--rule', 'numbering', '--verdict', 'not-an-error', '--reason', 'checked by hand']);
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'other', 'reviews.yaml'))).toBe(true);
    expect((await cli(['review', join(dir, 'z*'), '--all'])).code).toBe(2);
  });

  it('plan coverage expands them', async () => {
    const dir = plans();
    const result = await cli(['coverage', join(dir, 'm*'), '--format', 'json']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { plans: { id: string }[] }).plans.map((plan) => plan.id)).toEqual(['mini-2021-2025']);
    const none = await cli(['coverage', join(dir, 'z*')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no path matches');
  });
});
