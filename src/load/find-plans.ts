/**
 * Finding the plan folders that paths name, before any file is read: in a module of its own, so
 * that a rerun whose plans are all cached loads no YAML reader.
 */
import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileNameOf, kindOfFileName, PLAN_FILE_KIND } from './file-kinds.js';

/** A problem with the paths or files themselves, before any YAML is read. */
export interface InputProblem {
  readonly messageId: 'path-missing' | 'not-a-plan' | 'unreadable' | 'too-large' | 'not-a-file' | 'outside-plan' | 'duplicate-plan-id' | 'unknown-file';
  readonly path: string;
  readonly detail: string;
}

/**
 * Files larger than this are refused rather than parsed. A county plan's YAML is a few hundred
 * KB; an appendix of 100 000 projects is about 75 MB.
 */
export const DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;
const MAX_DEPTH = 8;

export function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' ? '.' : shown.startsWith('..') ? path : shown;
}

/**
 * Finds the plan folders that `paths` name: a folder with `plan.yaml`, any folder below which
 * such folders stand, or a file inside one. Folders are visited once each by real path, so
 * links (`ln -s . loop`) neither loop nor find one plan twice; a folder that cannot be listed
 * is a problem, never skipped in silence. The result is sorted, whatever order the file
 * system returns.
 */
export function findPlanFolders(paths: readonly string[]): { dirs: string[]; problems: InputProblem[] } {
  const dirs = new Map<string, string>();
  const problems: InputProblem[] = [];
  const add = (dir: string): void => {
    const real = realPath(dir);
    if (!dirs.has(real)) dirs.set(real, dir);
  };
  for (const given of paths) {
    const path = resolve(given);
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push({
        messageId: code === 'ENOENT' ? 'path-missing' : 'unreadable',
        path: given,
        detail: code ?? 'unreadable',
      });
      continue;
    }
    if (stats.isFile()) {
      const dir = dirname(path);
      if (isPlanFolder(dir) && kindOfFileName(basename(path)) !== undefined) add(dir);
      else problems.push({ messageId: 'not-a-plan', path: given, detail: 'file' });
      continue;
    }
    const found: string[] = [];
    const problemsBefore = problems.length;
    // Each path is searched afresh: a plan named twice is one plan (by real path), not a problem.
    if (stats.isDirectory()) plansBelow(path, 0, new Set(), found, problems);
    if (found.length === 0 && problems.length === problemsBefore) problems.push({ messageId: 'not-a-plan', path: given, detail: 'directory' });
    for (const dir of found) add(dir);
  }
  return { dirs: [...dirs.values()].sort(), problems };
}

export function realPath(path: string): string {
  try {
    // One realpath(3) call, not an lstat of every folder on the way (Node's own walk).
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

function isPlanFolder(dir: string): boolean {
  try {
    return statSync(join(dir, fileNameOf(PLAN_FILE_KIND))).isFile();
  } catch {
    return false;
  }
}

function plansBelow(dir: string, depth: number, visited: Set<string>, found: string[], problems: InputProblem[]): void {
  const real = realPath(dir);
  if (depth > MAX_DEPTH || visited.has(real)) return;
  visited.add(real);
  if (isPlanFolder(dir)) {
    found.push(dir);
    return;
  }
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    problems.push({ messageId: 'unreadable', path: displayPath(dir), detail: (error as NodeJS.ErrnoException).code ?? 'unreadable' });
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const child = join(dir, entry.name);
    // The listing tells a folder from a file (Node asks the file system when it does not say); only a link needs a stat.
    let isDirectory = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      try {
        isDirectory = statSync(child).isDirectory();
      } catch {
        // A dangling or looping link below a folder of plans is not a plan; skip it.
      }
    }
    if (isDirectory) plansBelow(child, depth + 1, visited, found, problems);
  }
}

