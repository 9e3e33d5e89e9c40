import { describe, expect, it, vi } from 'vitest';

// Every read of a plan's file goes through readPlanFile: count them.
const reads = vi.hoisted(() => new Map<string, number>());
vi.mock('../src/io/read-file.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/io/read-file.js')>();
  return {
    ...original,
    readPlanFile: (path: string, realDir: string, maxBytes: number) => {
      reads.set(path, (reads.get(path) ?? 0) + 1);
      return original.readPlanFile(path, realDir, maxBytes);
    },
  };
});

const { cli, MINI } = await import('./helpers.js');

// Issue 12, case 11: a file changing between a validating read and an exporting read exported
// what was never validated. One read a file a run closes that window.
describe('plan export', () => {
  it('reads each file of the plan once', async () => {
    reads.clear();
    const result = await cli(['export', MINI]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ id: 'mini-2021-2025', projects: { total: 3000 } });
    expect(reads.size).toBeGreaterThanOrEqual(7);
    expect([...reads.values()].every((count) => count === 1)).toBe(true);
  });
});
