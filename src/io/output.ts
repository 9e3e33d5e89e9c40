import { closeSync, fsyncSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, constants } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileNameOf, PLAN_FILE_KIND } from '../load/file-kinds.js';
import type { Lang } from '../model.js';
import { say } from '../words.js';
import { isWithin } from './read-file.js';

/**
 * Why a report was not written to `--output`. Every command that writes a file goes through
 * `writeOutput`, so these are the only ways a write can end.
 */
export type OutputRefusal =
  | { readonly messageId: 'inside-plan'; readonly path: string; readonly detail: string }
  | { readonly messageId: 'cannot-write'; readonly path: string; readonly detail: string };

/** The one line a refusal prints on stderr, in the run's language. */
export function describeRefusal(refusal: OutputRefusal, lang: Lang): string {
  return refusal.messageId === 'inside-plan'
    ? `plan: ${say(lang, 'refuseInsidePlan', { path: refusal.path, plan: refusal.detail })}\n`
    : `plan: ${say(lang, 'cannotWrite', { path: refusal.path, code: refusal.detail })}\n`;
}

/** The file a folder is a plan folder by; any entry of that name counts, whatever it is. */
const PLAN_MARKER = fileNameOf(PLAN_FILE_KIND);

/** True when anything (a file, folder, link, dangling or not) stands at `path`. */
export function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The plan folder that writing a new entry into `dir` would write into: the nearest folder at or
 * above its real path that holds `plan.yaml`. For every command that creates files (`--output`,
 * `plan init`).
 */
export function planFolderAround(dir: string): string | undefined {
  try {
    return planFolderAbove(realpathSync(dir));
  } catch {
    return undefined;
  }
}

/** The nearest folder at or above `realDir` (a real path) that is a plan folder, if any. */
function planFolderAbove(realDir: string): string | undefined {
  for (let dir = realDir; ; dir = dirname(dir)) {
    if (exists(join(dir, PLAN_MARKER))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'error';
}

/** `--output -`: standard output, by convention. */
export const STANDARD_OUTPUT = '-';

/** The standard streams' names, which are links to this process's descriptors. */
const STANDARD_NAMES: Readonly<Record<string, number>> = { '/dev/stdin': 0, '/dev/stdout': 1, '/dev/stderr': 2 };

/**
 * The descriptor of this process that `path` names, following links one at a time: `/dev/stdout`,
 * `/dev/fd/N`, `/proc/self/fd/N`, `/proc/<this pid>/fd/N`, or any link that leads to one of
 * them. Such a name stands for a stream already open (a pipe, a terminal, the file a shell
 * redirected to): it is written through that descriptor, never replaced by a file.
 */
export function descriptorBehind(path: string): number | undefined {
  const own = new RegExp(`^/(?:proc/(?:self|thread-self|${process.pid})(?:/task/\\d+)?/fd|dev/fd)/(\\d+)$`);
  let current = resolve(path);
  // As many hops as the kernel follows (40) before ELOOP.
  for (let hop = 0; hop <= 40; hop++) {
    const standard = STANDARD_NAMES[current];
    if (standard !== undefined) return standard;
    const match = own.exec(current);
    if (match) return Number(match[1]);
    try {
      // The folder's links too: `/dev/fd` is itself a link to `/proc/self/fd`.
      const folder = realpathSync(dirname(current));
      const named = join(folder, basename(current));
      const standardThere = STANDARD_NAMES[named];
      if (standardThere !== undefined) return standardThere;
      const matchThere = own.exec(named);
      if (matchThere) return Number(matchThere[1]);
      if (!lstatSync(named).isSymbolicLink()) return undefined;
      current = resolve(folder, readlinkSync(named));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Writes `chunks` to the file `output`, never into a plan folder and never over a file's
 * contents:
 * - the real path of the target's folder, and of the target itself when it exists (links
 *   followed), must not lie in or below a folder holding `plan.yaml`, nor in `protectedDirs`
 *   (the plans of this run, by any path);
 * - a regular file (or nothing) at the target is replaced by renaming a new file, created with
 *   O_EXCL beside it, over the name: an existing file is never opened for writing, so a link or
 *   a hard link to someone else's file is replaced, not written through, and a failed write
 *   leaves the old file whole;
 * - a name for one of this process's descriptors (`/dev/stdout`, `/proc/self/fd/3`, or a link to
 *   one: see `descriptorBehind`) is written through the descriptor, whatever it is open on;
 * - an existing character device or FIFO (`/dev/null`, a shell's `>(…)`) reached by any name or
 *   link is written as it is, since it has no contents to lose; a block device, a socket or a
 *   folder is refused.
 */
export function writeOutput(output: string, chunks: Iterable<string | Uint8Array>, protectedDirs: readonly string[] = []): OutputRefusal | undefined {
  const target = resolve(output);
  const refuse = (detail: string): OutputRefusal => ({ messageId: 'inside-plan', path: output, detail });
  const cannot = (detail: string): OutputRefusal => ({ messageId: 'cannot-write', path: output, detail });
  let realParent: string;
  try {
    realParent = realpathSync(dirname(target));
  } catch (error) {
    return cannot(errorCode(error));
  }
  const descriptor = descriptorBehind(target);
  if (descriptor !== undefined) return writeDescriptor(descriptor, chunks, cannot);
  let realTarget: string | undefined;
  let kind: 'none' | 'file' | 'stream' = 'none';
  try {
    const stats = statSync(target);
    if (stats.isDirectory()) return cannot('EISDIR');
    if (stats.isBlockDevice() || stats.isSocket()) return cannot('not a regular file');
    kind = stats.isFile() ? 'file' : 'stream';
    try {
      realTarget = realpathSync(target);
    } catch {
      // A descriptor of a pipe (`/dev/fd/63`) has no real path; its folder is checked below.
    }
  } catch (error) {
    // Nothing there, or a dangling link: the link is replaced, never followed.
    if (errorCode(error) !== 'ENOENT') return cannot(errorCode(error));
  }
  const realProtected = protectedDirs.map((dir) => {
    try {
      return realpathSync(dir);
    } catch {
      return resolve(dir);
    }
  });
  for (const real of [realParent, ...(realTarget === undefined ? [] : [dirname(realTarget)])]) {
    const plan = planFolderAbove(real) ?? realProtected.find((dir) => isWithin(real, dir));
    if (plan !== undefined) return refuse(plan);
  }
  if (kind === 'stream') return writeStream(target, chunks, cannot);
  const failure = replaceByRename(realParent, basename(target), chunks);
  return failure === undefined ? undefined : cannot(failure);
}

/**
 * Writes `chunks` to a new file created with O_EXCL beside `name` in the real folder
 * `realParent`, then renames it over the name: an existing file is never opened for writing,
 * and a failed write leaves it whole. Returns the error code, or undefined.
 */
export function replaceByRename(realParent: string, name: string, chunks: Iterable<string | Uint8Array>): string | undefined {
  const temporary = join(realParent, `.${name}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666);
    for (const chunk of chunks) writeChunk(descriptor, chunk);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    renameSync(temporary, join(realParent, name));
    return undefined;
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    try {
      unlinkSync(temporary);
    } catch {
      // Not created, or already renamed.
    }
    return errorCode(error);
  }
}

/** Writes a chunk: a string as before, bytes (a cached report) in as many writes as it takes. */
function writeChunk(descriptor: number, chunk: string | Uint8Array): void {
  if (typeof chunk === 'string') writeSync(descriptor, chunk);
  else for (let offset = 0; offset < chunk.length; ) offset += writeSync(descriptor, chunk, offset);
}

function writeStream(target: string, chunks: Iterable<string | Uint8Array>, cannot: (detail: string) => OutputRefusal): OutputRefusal | undefined {
  let descriptor: number | undefined;
  try {
    // No O_CREAT and no O_TRUNC: only what is already there is written to.
    descriptor = openSync(target, constants.O_WRONLY | constants.O_NOCTTY);
    for (const chunk of chunks) writeChunk(descriptor, chunk);
    return undefined;
  } catch (error) {
    return cannot(errorCode(error));
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

function writeDescriptor(descriptor: number, chunks: Iterable<string | Uint8Array>, cannot: (detail: string) => OutputRefusal): OutputRefusal | undefined {
  try {
    for (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      // A pipe takes part of a large write at a time.
      for (let offset = 0; offset < bytes.length; ) {
        try {
          offset += writeSync(descriptor, bytes, offset);
        } catch (error) {
          if (errorCode(error) !== 'EAGAIN') throw error;
        }
      }
    }
    return undefined;
  } catch (error) {
    return cannot(errorCode(error));
  }
}
