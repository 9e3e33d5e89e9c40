import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILE_NAMES } from '../src/load/file-kinds.js';
import { cli, type CliResult, folderDigest, planCopy, WUSHAN } from './helpers.js';

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

/** Exit 0, 1 or 2, nothing on stderr, and every finding located, with no trace of a crash. */
function expectWellFormed(result: CliResult): void {
  expect([0, 1, 2]).toContain(result.code);
  expect(result.stderr).toBe('');
  const report = JSON.parse(result.stdout) as { findings: { message: string; locations: { line: number; column: number }[] }[] };
  if (result.code !== 0) expect(report.findings.length).toBeGreaterThan(0);
  for (const finding of report.findings) {
    expect(finding.message).not.toMatch(/internal error|\n\s+at /);
    expect(finding.locations[0]!.line).toBeGreaterThanOrEqual(1);
    expect(finding.locations[0]!.column).toBeGreaterThanOrEqual(1);
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
        expectWellFormed(result);
      }),
      { seed: Number(process.env.FUZZ_SEED ?? 20261129), numRuns: Number(process.env.FUZZ_RUNS ?? 150), endOnFailure: true },
    );
  }, 120_000);
});

/** What can be done to a file of a plan other than editing it: its kind and its name. */
const FILE_KIND_CHANGES = ['fifo', 'directory', 'device', 'link-outside', 'link-inside', 'link-loop', 'dangling-link', 'rename', 'delete', 'unknown-copy'] as const;
const NAMES = ['boxes.yaml', 'Projects.yaml', 'projects.yml', '.projects.yaml', 'projects.yaml ', 'pro\njects.yaml', '项目.yaml', 'plan.yaml', 'source.txt', 'x'.repeat(200)];

const fileChange = fc.record({
  file: fc.constantFrom(...FILE_NAMES, 'source.txt'),
  change: fc.constantFrom(...FILE_KIND_CHANGES),
  name: fc.constantFrom(...NAMES),
});

function change(dir: string, m: { file: string; change: (typeof FILE_KIND_CHANGES)[number]; name: string }): void {
  const path = join(dir, m.file);
  const remove = (): void => rmSync(path, { recursive: true, force: true });
  switch (m.change) {
    case 'fifo':
      remove();
      spawnSync('mkfifo', [path]);
      return;
    case 'directory':
      remove();
      mkdirSync(path);
      return;
    case 'device':
      remove();
      // A device node needs root; a link to one is what anyone can make.
      if (spawnSync('mknod', [path, 'c', '1', '5']).status !== 0) symlinkSync('/dev/zero', path);
      return;
    case 'link-outside':
      remove();
      symlinkSync('/etc/hostname', path);
      return;
    case 'link-inside':
      if (m.file === m.name) return;
      remove();
      symlinkSync(m.name, path);
      return;
    case 'link-loop':
      remove();
      symlinkSync(m.file, path);
      return;
    case 'dangling-link':
      remove();
      symlinkSync('no-such-file', path);
      return;
    case 'rename':
      try {
        renameSync(path, join(dir, m.name));
      } catch {
        // A name the file system refuses: nothing changes.
      }
      return;
    case 'delete':
      remove();
      return;
    default:
      cpSync(path, join(dir, `${m.name.replace(/\.ya?ml$/, '')}-copy.yaml`), { recursive: true });
  }
}

describe('fuzz: file kinds and names of the bundled plan', () => {
  it('FIFOs, devices, folders, links and renamed files end with exit 0, 1 or 2, never a hang, a crash or a write', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fileChange, { minLength: 1, maxLength: 3 }), async (changes) => {
        const dir = planCopy(WUSHAN);
        for (const m of changes) {
          try {
            change(dir, m);
          } catch {
            // An earlier change took the file away (copying a deleted file): nothing changes.
          }
        }
        const before = folderDigest(dir);
        const result = await cli(['audit', dir, '--format', 'json']);
        expect(folderDigest(dir)).toBe(before);
        expectWellFormed(result);
      }),
      { seed: Number(process.env.FUZZ_SEED ?? 20261130), numRuns: Number(process.env.FUZZ_FILE_RUNS ?? 60), endOnFailure: true },
    );
  }, 120_000);
});
