import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Git output can be large (a revision's files); past this a run is refused rather than cut. */
const MAX_GIT_OUTPUT = 1024 * 1024 * 1024;

function git(args: readonly string[], cwd: string, input?: string): { ok: boolean; stdout: Buffer; stderr: string } {
  const result = spawnSync('git', args, { cwd, maxBuffer: MAX_GIT_OUTPUT, ...(input === undefined ? {} : { input }) });
  return { ok: result.status === 0, stdout: result.stdout ?? Buffer.alloc(0), stderr: result.stderr?.toString('utf8') ?? String(result.error ?? '') };
}

/** The root of the git work tree holding `cwd`, or undefined outside git. */
export function repositoryRoot(cwd = process.cwd()): string | undefined {
  const result = git(['rev-parse', '--show-toplevel'], cwd);
  return result.ok ? resolve(result.stdout.toString('utf8').trim()) : undefined;
}

/** The commit a revision names (`main`, `origin/main`, `HEAD~1`, a hash), or undefined. */
export function resolveCommit(revision: string, cwd = process.cwd()): string | undefined {
  if (revision.startsWith('-')) return undefined;
  const result = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], cwd);
  return result.ok ? result.stdout.toString('utf8').trim() : undefined;
}

/** A path relative to the repository's root, with `/`, for git's pathspecs. */
function inRepository(root: string, path: string): string | undefined {
  const relativePath = relative(root, resolve(path));
  if (relativePath.startsWith('..') || isAbsolute(relativePath)) return undefined;
  return relativePath.split(sep).join('/');
}

/** The files of `paths` at a revision, copied out of git into a temporary folder. */
export interface RevisionCheckout {
  readonly commit: string;
  /** Temporary folder standing for the repository's root at the revision. */
  readonly folder: string;
  /** Each given path, as it stands in the temporary folder. */
  readonly paths: readonly string[];
  /** Removes the temporary folder. */
  dispose(): void;
}

/**
 * Copies the files under `paths` at `revision` out of git (`git ls-tree`, `git cat-file`) into
 * a temporary folder outside the work tree, where the ordinary loader reads them. Nothing is
 * checked out: the user's work tree and index are never touched.
 */
export function readRevision(revision: string, paths: readonly string[], cwd = process.cwd()): RevisionCheckout | { error: 'not-a-repository' | 'no-such-revision' | 'outside-repository' | 'git-failed'; detail: string } {
  const root = repositoryRoot(cwd);
  if (!root) return { error: 'not-a-repository', detail: cwd };
  const commit = resolveCommit(revision, cwd);
  if (!commit) return { error: 'no-such-revision', detail: revision };
  const specs: string[] = [];
  for (const path of paths) {
    const spec = inRepository(root, resolve(cwd, path));
    if (spec === undefined) return { error: 'outside-repository', detail: path };
    specs.push(spec);
  }
  const listed = git(['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...specs.map((spec) => spec || '.')], root);
  if (!listed.ok) return { error: 'git-failed', detail: listed.stderr.trim() };
  const blobs = listed.stdout
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .flatMap((entry) => {
      const match = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(entry);
      return match && match[2] === 'blob' ? [{ id: match[3]!, path: match[4]! }] : [];
    });
  const folder = mkdtempSync(join(tmpdir(), 'plan-revision-'));
  const dispose = (): void => rmSync(folder, { recursive: true, force: true });
  if (blobs.length > 0) {
    // One `git cat-file --batch` for every file: a revision of 1 000 plans is one process, not 8 000.
    const contents = git(['cat-file', '--batch'], root, `${blobs.map((blob) => blob.id).join('\n')}\n`);
    if (!contents.ok) {
      dispose();
      return { error: 'git-failed', detail: contents.stderr.trim() };
    }
    let offset = 0;
    const out = contents.stdout;
    for (const blob of blobs) {
      const headerEnd = out.indexOf(0x0a, offset);
      const size = Number(out.subarray(offset, headerEnd).toString('utf8').split(' ')[2]);
      const target = join(folder, ...blob.path.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, out.subarray(headerEnd + 1, headerEnd + 1 + size));
      offset = headerEnd + 1 + size + 1;
    }
  }
  return { commit, folder, paths: specs.map((spec) => join(folder, ...spec.split('/').filter(Boolean))), dispose };
}

/**
 * The lines of each file that differ between a revision and the work tree, as the work tree
 * numbers them (1-based), by absolute path: the lines a pull request touched.
 */
export function changedLines(revision: string, paths: readonly string[], cwd = process.cwd()): Map<string, Set<number>> {
  const changed = new Map<string, Set<number>>();
  const root = repositoryRoot(cwd);
  const commit = root && resolveCommit(revision, cwd);
  if (!root || !commit) return changed;
  const specs = paths.map((path) => inRepository(root, resolve(cwd, path))).filter((spec): spec is string => spec !== undefined);
  const diff = git(['-c', 'core.quotePath=false', 'diff', '--no-color', '--no-ext-diff', '--unified=0', '--no-renames', commit, '--', ...specs.map((spec) => spec || '.')], root);
  if (!diff.ok) return changed;
  let current: Set<number> | undefined;
  for (const line of diff.stdout.toString('utf8').split('\n')) {
    if (line.startsWith('+++ ')) {
      const path = line.slice(4);
      current = path === '/dev/null' ? undefined : new Set();
      if (current) changed.set(resolve(root, path.replace(/^b\//, '')), current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let n = start; n < start + count; n++) current.add(n);
    }
  }
  return changed;
}
