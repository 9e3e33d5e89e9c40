import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { isWithin } from '../io/read-file.js';
import { fileNameOf, isDataFileName, PLAN_FILE_KIND } from './file-kinds.js';
import { DEFAULT_MAX_FILE_BYTES } from './plan-folder.js';
import { parseYamlBytes } from './yaml-file.js';

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
  /** Removes the temporary folder (also done on exit, SIGINT and SIGTERM). */
  dispose(): void;
}

export type RevisionError = {
  readonly error: 'not-a-repository' | 'no-such-revision' | 'outside-repository' | 'git-failed' | 'unsafe-path';
  readonly detail: string;
};

/** One entry of `git ls-tree -r -l`: a file, a link or a submodule, by its path in the repository. */
interface TreeEntry {
  readonly mode: string;
  readonly type: string;
  readonly id: string;
  /** Bytes; undefined for a submodule. */
  readonly size: number | undefined;
  readonly path: string;
}

const SYMLINK_MODE = '120000';
/** Files no loader reads are not copied whole past this: a large binary beside the YAML costs nothing. */
const COPIED_WHOLE_BYTES = 1024 * 1024;

/**
 * Why a path of a tree cannot be written inside the temporary folder, or undefined: git accepts
 * trees (`git mktree`) with entries `..`, `.`, empty names or absolute paths, and a clone copies
 * them; joined without a check they write anywhere the user can.
 */
function unsafePath(path: string): boolean {
  const segments = path.split('/');
  return path.startsWith('/') || segments.some((segment) => segment === '' || segment === '.' || segment === '..' || segment.includes('\\'));
}

function parseTree(listing: Buffer): TreeEntry[] {
  return listing
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .flatMap((line) => {
      const match = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t(.*)$/s.exec(line);
      return match ? [{ mode: match[1]!, type: match[2]!, id: match[3]!, size: match[4] === '-' ? undefined : Number(match[4]), path: match[5]! }] : [];
    });
}

/** The first path that is both a file and a folder (or listed twice), if any. */
function clashingPath(entries: readonly TreeEntry[]): string | undefined {
  const files = new Set<string>();
  const folders = new Set<string>();
  for (const entry of entries) {
    if (files.has(entry.path) || folders.has(entry.path)) return entry.path;
    files.add(entry.path);
    const segments = entry.path.split('/');
    for (let end = 1; end < segments.length; end++) {
      const folder = segments.slice(0, end).join('/');
      if (files.has(folder)) return folder;
      folders.add(folder);
    }
  }
  return undefined;
}

/** The contents of blobs by id, from one `git cat-file --batch` (a revision of 1 000 plans is one process, not 8 000). */
function blobContents(root: string, ids: readonly string[]): Map<string, Buffer> | { failed: string } {
  const contents = new Map<string, Buffer>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return contents;
  const result = git(['cat-file', '--batch'], root, `${unique.join('\n')}\n`);
  if (!result.ok) return { failed: result.stderr.trim() };
  let offset = 0;
  const out = result.stdout;
  for (const id of unique) {
    const headerEnd = out.indexOf(0x0a, offset);
    const size = Number(out.subarray(offset, headerEnd).toString('utf8').split(' ')[2]);
    contents.set(id, out.subarray(headerEnd + 1, headerEnd + 1 + size));
    offset = headerEnd + 1 + size + 1;
  }
  return contents;
}

/** The source text each `plan.yaml` names, as a path of the repository (posix), when it is one. */
function namedSources(planFiles: readonly { path: string; bytes: Buffer }[]): Set<string> {
  const sources = new Set<string>();
  for (const { path, bytes } of planFiles) {
    const source = (parseYamlBytes(path, bytes).data as { source?: unknown } | undefined)?.source;
    if (typeof source !== 'string') continue;
    const named = posix.normalize(posix.join(posix.dirname(path), source));
    if (!named.startsWith('../') && !posix.isAbsolute(named)) sources.add(named);
  }
  return sources;
}

/** Temporary folders not yet removed, removed on exit and on SIGINT/SIGTERM (then the signal ends the process as it would have). */
const pending = new Set<string>();
function removePending(): void {
  for (const folder of pending) rmSync(folder, { recursive: true, force: true });
  pending.clear();
}
function onSignal(signal: NodeJS.Signals): void {
  removePending();
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  process.kill(process.pid, signal);
}
function track(folder: string): () => void {
  if (pending.size === 0) {
    process.on('exit', removePending);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  pending.add(folder);
  return () => {
    rmSync(folder, { recursive: true, force: true });
    pending.delete(folder);
    if (pending.size > 0) return;
    process.removeListener('exit', removePending);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  };
}

/**
 * Copies the files under `paths` at `revision` out of git (`git ls-tree`, `git cat-file`) into
 * a temporary folder outside the work tree, where the ordinary loader reads them, so a revision
 * is judged as the work tree is. Nothing is checked out: the user's work tree and index are never
 * touched. Every path must stay inside the folder (no `..`, `.`, empty or absolute names, no
 * file and folder of one name), each file is created new (never through a link), and links are
 * made last, as links, for the loader to judge as it judges the work tree's. The data files and
 * the source texts the plans name are copied (to `maxFileBytes`); any other file larger than
 * 1 MiB, and any file past `maxFileBytes`, stands as an empty sparse file of its size.
 */
export function readRevision(revision: string, paths: readonly string[], cwd = process.cwd(), maxFileBytes = DEFAULT_MAX_FILE_BYTES): RevisionCheckout | RevisionError {
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
  const listed = git(['ls-tree', '-r', '-l', '-z', '--full-tree', commit, '--', ...specs.map((spec) => spec || '.')], root);
  if (!listed.ok) return { error: 'git-failed', detail: listed.stderr.trim() };
  const entries = parseTree(listed.stdout);
  const unsafe = entries.find((entry) => unsafePath(entry.path));
  if (unsafe) return { error: 'unsafe-path', detail: unsafe.path };
  const clash = clashingPath(entries);
  if (clash !== undefined) return { error: 'unsafe-path', detail: clash };
  const blobs = entries.filter((entry) => entry.type === 'blob' && entry.mode !== SYMLINK_MODE);
  // A link's blob is its target's name; past PATH_MAX no system makes it.
  const links = entries.filter((entry) => entry.type === 'blob' && entry.mode === SYMLINK_MODE && (entry.size ?? 0) <= 4096);
  const fits = (entry: TreeEntry): boolean => (entry.size ?? 0) <= maxFileBytes;
  const dataFiles = blobs.filter((entry) => isDataFileName(posix.basename(entry.path)) && fits(entry));
  const data = blobContents(root, [...dataFiles, ...links].map((entry) => entry.id));
  if ('failed' in data) return { error: 'git-failed', detail: data.failed };
  const sources = namedSources(dataFiles.filter((entry) => posix.basename(entry.path) === fileNameOf(PLAN_FILE_KIND)).map((entry) => ({ path: entry.path, bytes: data.get(entry.id)! })));
  const others = blobs.filter((entry) => !isDataFileName(posix.basename(entry.path)) && fits(entry) && (sources.has(entry.path) || (entry.size ?? 0) <= COPIED_WHOLE_BYTES));
  const rest = blobContents(root, others.map((entry) => entry.id));
  if ('failed' in rest) return { error: 'git-failed', detail: rest.failed };
  const folder = mkdtempSync(join(tmpdir(), 'plan-revision-'));
  const dispose = track(folder);
  const inside = (path: string): string => {
    const target = join(folder, ...path.split('/'));
    // Checked above; a second guard costs nothing against a path that would write elsewhere.
    if (!isWithin(target, folder) || target === folder) throw new Error(`unsafe path ${path}`);
    return target;
  };
  try {
    for (const entry of entries) {
      const target = inside(entry.path);
      mkdirSync(dirname(target), { recursive: true });
      if (entry.type === 'commit') mkdirSync(target);
      if (entry.type !== 'blob' || entry.mode === SYMLINK_MODE) continue;
      const bytes = data.get(entry.id) ?? rest.get(entry.id);
      // 'wx': created new, never through a link or over a file.
      writeFileSync(target, bytes ?? '', { flag: 'wx' });
      if (bytes === undefined) truncateSync(target, entry.size ?? 0);
    }
    for (const link of links) {
      try {
        symlinkSync(data.get(link.id)!.toString('utf8'), inside(link.path));
      } catch {
        // A link the system cannot make (a name too long) is absent, as in a checkout that failed to make it.
      }
    }
  } catch (error) {
    dispose();
    return { error: 'unsafe-path', detail: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  return { commit, folder, paths: specs.map((spec) => join(folder, ...spec.split('/').filter(Boolean))), dispose };
}

const C_ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/**
 * The path of a `+++ ` line of `git diff`: as it is, or, when it holds a tab, a quote, a
 * backslash or a control character, in git's C-style quotes (`"b/a\tb.yaml"`), octal escapes
 * standing for bytes of UTF-8. A name with a space ends with a tab, which is not part of it.
 */
export function diffHeaderPath(header: string): string {
  const text = header.endsWith('\t') ? header.slice(0, -1) : header;
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    const octal = /^[0-3][0-7]{2}/.exec(body.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(Number.parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(C_ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
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
      const path = diffHeaderPath(line.slice(4));
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
