import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { FILE_NAMES, fileNameOf, isDataFileName, kindOfFileName, PLAN_FILE_KIND, type FileKind } from './file-kinds.js';
import { readPlanFile } from '../io/read-file.js';
import { parseYamlBytes, type YamlFile } from './yaml-file.js';

/** A problem with the paths or files themselves, before any YAML is read. */
export interface InputProblem {
  readonly messageId: 'path-missing' | 'not-a-plan' | 'unreadable' | 'too-large' | 'not-a-file' | 'outside-plan' | 'duplicate-plan-id' | 'unknown-file';
  readonly path: string;
  readonly detail: string;
}

/**
 * Files given in memory instead of on disk, by absolute path: standard input for one file (its
 * bytes), an editor's unsaved text for several (its text, not encoded again for every check). A
 * path here is read from here even when no file has it yet.
 */
export type Overlay = ReadonlyMap<string, Uint8Array | string>;

/** The size in bytes of a file given in memory, as its UTF-8 would be on disk. */
export const byteLengthOf = (content: Uint8Array | string): number => (typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength);

/** Turns a data file's bytes (or an editor's text) into a parsed file; a long-lived caller passes one that keeps files it has parsed. */
export type ParseFile = (shown: string, content: Uint8Array | string, path: string) => YamlFile;

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

function realPath(path: string): string {
  try {
    return realpathSync(path);
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
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (error) {
    problems.push({ messageId: 'unreadable', path: displayPath(dir), detail: (error as NodeJS.ErrnoException).code ?? 'unreadable' });
    return;
  }
  for (const entry of entries.sort()) {
    if (entry.startsWith('.') || entry === 'node_modules') continue;
    const child = join(dir, entry);
    let isDirectory = false;
    try {
      isDirectory = statSync(child).isDirectory();
    } catch {
      // A dangling or looping link below a folder of plans is not a plan; skip it.
    }
    if (isDirectory) plansBelow(child, depth + 1, visited, found, problems);
  }
}

/**
 * Reads every known data file of one plan folder; unknown `.yaml` files are reported. Each
 * file is read only if it is a regular file inside the folder (links followed), and never
 * past `maxFileBytes` (see io/read-file.ts).
 */
export function readPlanFolder(
  dir: string,
  maxFileBytes = DEFAULT_MAX_FILE_BYTES,
  /** Contents given instead of the files' (standard input, an editor's open files). */
  overlay?: Overlay,
  parse: ParseFile = (shown, content) => parseYamlBytes(shown, content),
): { folder: PlanFolder; problems: InputProblem[] } {
  const files = new Map<FileKind, YamlFile>();
  const problems: InputProblem[] = [];
  const shownDir = displayPath(dir);
  let listed: string[];
  try {
    listed = readdirSync(dir);
  } catch (error) {
    problems.push({ messageId: 'unreadable', path: shownDir, detail: (error as NodeJS.ErrnoException).code ?? 'unreadable' });
    return { folder: { dir: shownDir, files }, problems };
  }
  const names = new Set(listed.filter(isDataFileName));
  const given = new Map<string, Uint8Array | string>();
  for (const [path, bytes] of overlay ?? []) if (resolve(dirname(path)) === resolve(dir) && isDataFileName(basename(path))) given.set(basename(path), bytes);
  for (const name of given.keys()) names.add(name);
  const realDir = realPath(dir);
  for (const name of [...names].sort()) {
    const kind = kindOfFileName(name);
    const shown = join(shownDir, name);
    if (kind === undefined) {
      problems.push({ messageId: 'unknown-file', path: shown, detail: FILE_NAMES.join(', ') });
      continue;
    }
    const content = given.get(name);
    if (content !== undefined) {
      // Given in memory, it was never opened: the size limit is all there is to check.
      const size = byteLengthOf(content);
      if (size > maxFileBytes) problems.push({ messageId: 'too-large', path: shown, detail: `${size} > ${maxFileBytes}` });
      else files.set(kind, parse(shown, content, join(dir, name)));
      continue;
    }
    const read = readPlanFile(join(dir, name), realDir, maxFileBytes);
    if ('refusal' in read) {
      const { messageId, detail } = read.refusal;
      problems.push({ messageId: messageId === 'missing' ? 'unreadable' : messageId, path: shown, detail });
      continue;
    }
    files.set(kind, parse(shown, read.bytes, join(dir, name)));
  }
  return { folder: { dir: shownDir, files }, problems };
}
