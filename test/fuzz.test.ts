import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILE_NAMES } from '../src/load/file-kinds.js';
import { cli, planCopy, WUSHAN } from './helpers.js';

const PIECES = [':', '-', ' ', '\t', '\n', '"', "'", '[', ']', '{', '}', '&a', '*a', '#', '|', '>', '0x1F', '.inf', '１２', '1,000', '约', '\u0000', '\uFEFF', '---\n', '  ', 'key: value\n'];

/** One random edit of one file of the plan, as text. */
const mutation = fc.record({
  file: fc.constantFrom(...FILE_NAMES),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom('insert', 'delete', 'replace', 'duplicate-line', 'drop-line'),
  piece: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })),
  length: fc.integer({ min: 1, max: 40 }),
});

function apply(text: string, m: { file: string; at: number; kind: string; piece: string; length: number }): string {
  const at = Math.floor(m.at * text.length);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at) + 1;
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at) + m.piece + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'replace':
      return text.slice(0, at) + m.piece + text.slice(at + m.piece.length);
    case 'duplicate-line':
      return text.slice(0, lineEnd) + text.slice(lineStart, lineEnd) + text.slice(lineEnd);
    default:
      return text.slice(0, lineStart) + text.slice(lineEnd);
  }
}

describe('fuzz: random edits of the bundled plan', () => {
  it('always end with exit 0, 1 or 2 and located findings, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const dir = planCopy(WUSHAN);
        for (const m of mutations) {
          const path = join(dir, m.file);
          writeFileSync(path, apply(readFileSync(path, 'utf8'), m));
        }
        const started = Date.now();
        const result = await cli(['audit', dir, '--format', 'json']);
        expect(Date.now() - started).toBeLessThan(10_000);
        expect([0, 1, 2]).toContain(result.code);
        expect(result.stderr).toBe('');
        const report = JSON.parse(result.stdout) as { findings: { message: string; locations: { file: string; line: number; column: number }[] }[] };
        if (result.code !== 0) expect(report.findings.length).toBeGreaterThan(0);
        for (const finding of report.findings) {
          expect(finding.message).not.toMatch(/internal error|\n\s+at /);
          expect(finding.locations[0]!.line).toBeGreaterThanOrEqual(1);
          expect(finding.locations[0]!.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { seed: Number(process.env.FUZZ_SEED ?? 20261129), numRuns: Number(process.env.FUZZ_RUNS ?? 150), endOnFailure: true },
    );
  }, 120_000);
});
