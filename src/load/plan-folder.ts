import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { FILE_NAMES, fileNameOf, isDataFileName, kindOfFileName, PLAN_FILE_KIND, type FileKind } from './file-kinds.js';
import { parseYamlBytes, type YamlFile } from './yaml-file.js';

/** A problem with the paths or files themselves, before any YAML is read. */
export interface InputProblem {
  readonly messageId: 'path-missing' | 'not-a-plan' | 'unreadable' | 'too-large' | 'duplicate-plan-id' | 'unknown-file';
  readonly path: string;
  readonly detail: string;
}

export interface PlanFolder {
  /** As shown to the user: relative to the working directory. */
  readonly dir: string;
  readonly files: ReadonlyMap<FileKind, YamlFile>;
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
 * such folders stand, or a file inside one. The result is sorted, whatever order the file
 * system returns.
 */
export function findPlanFolders(paths: readonly string[]): { dirs: string[]; problems: InputProblem[] } {
  const dirs = new Set<string>();
  const problems: InputProblem[] = [];
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
      if (isPlanFolder(dir) && kindOfFileName(basename(path)) !== undefined) dirs.add(dir);
      else problems.push({ messageId: 'not-a-plan', path: given, detail: 'file' });
      continue;
    }
    const found = stats.isDirectory() ? plansBelow(path, 0, new Set()) : [];
    if (found.length === 0) problems.push({ messageId: 'not-a-plan', path: given, detail: 'directory' });
    for (const dir of found) dirs.add(dir);
  }
  return { dirs: [...dirs].sort(), problems };
}

function isPlanFolder(dir: string): boolean {
  try {
    return statSync(join(dir, fileNameOf(PLAN_FILE_KIND))).isFile();
  } catch {
    return false;
  }
}

function plansBelow(dir: string, depth: number, seen: Set<string>): string[] {
  if (depth > MAX_DEPTH || seen.has(dir)) return [];
  seen.add(dir);
  if (isPlanFolder(dir)) return [dir];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const entry of entries.sort()) {
    if (entry.startsWith('.') || entry === 'node_modules') continue;
    const child = join(dir, entry);
    try {
      if (statSync(child).isDirectory()) found.push(...plansBelow(child, depth + 1, seen));
    } catch {
      // A dangling or looping link below a folder of plans is not a plan; skip it.
    }
  }
  return found;
}

/** Reads every known data file of one plan folder; unknown `.yaml` files are reported. */
export function readPlanFolder(
  dir: string,
  maxFileBytes = DEFAULT_MAX_FILE_BYTES,
  /** One file's content given instead of its file's (standard input, for an editor). */
  stdin?: { readonly path: string; readonly bytes: Uint8Array },
): { folder: PlanFolder; problems: InputProblem[] } {
  const files = new Map<FileKind, YamlFile>();
  const problems: InputProblem[] = [];
  const shownDir = displayPath(dir);
  const names = new Set(readdirSync(dir).filter(isDataFileName));
  const stdinName = stdin && resolve(dirname(stdin.path)) === resolve(dir) ? basename(stdin.path) : undefined;
  if (stdinName !== undefined) names.add(stdinName);
  for (const name of [...names].sort()) {
    const kind = kindOfFileName(name);
    const shown = join(shownDir, name);
    if (kind === undefined) {
      problems.push({ messageId: 'unknown-file', path: shown, detail: FILE_NAMES.join(', ') });
      continue;
    }
    const path = join(dir, name);
    if (name === stdinName && stdin) {
      files.set(kind, parseYamlBytes(shown, stdin.bytes));
      continue;
    }
    try {
      const size = statSync(path).size;
      if (size > maxFileBytes) {
        problems.push({ messageId: 'too-large', path: shown, detail: `${size} > ${maxFileBytes}` });
        continue;
      }
      files.set(kind, parseYamlBytes(shown, readFileSync(path)));
    } catch (error) {
      problems.push({ messageId: 'unreadable', path: shown, detail: (error as NodeJS.ErrnoException).code ?? 'unreadable' });
    }
  }
  return { folder: { dir: shownDir, files }, problems };
}
