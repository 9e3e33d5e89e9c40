import { readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { FILE_NAMES, isDataFileName, kindOfFileName, type FileKind } from './file-kinds.js';
import { DEFAULT_MAX_FILE_BYTES, displayPath, type InputProblem, realPath } from './find-plans.js';
import { readPlanFile } from '../io/read-file.js';
import { parseYamlBytes, type YamlFile } from './yaml-file.js';

// Finding plan folders needs no YAML reader: a module of its own, which the engine loads without this one.
export { DEFAULT_MAX_FILE_BYTES, displayPath, findPlanFolders, type InputProblem } from './find-plans.js';

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
