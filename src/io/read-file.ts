import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { sep } from 'node:path';

/** Why a file of a plan was not read. `missing` is left to the caller, which may treat it as absent. */
export interface ReadRefusal {
  readonly messageId: 'not-a-file' | 'too-large' | 'unreadable' | 'outside-plan' | 'missing';
  readonly detail: string;
}

export type ReadResult = { readonly bytes: Buffer } | { readonly refusal: ReadRefusal };

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'directory';
  if (stats.isFIFO()) return 'FIFO';
  if (stats.isCharacterDevice()) return 'character device';
  if (stats.isBlockDevice()) return 'block device';
  if (stats.isSocket()) return 'socket';
  return 'not a regular file';
}

function refusalFor(error: unknown): ReadRefusal {
  const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
  if (code === 'ENOENT') return { messageId: 'missing', detail: code };
  // A socket cannot be opened at all; say what it is rather than how open failed.
  if (code === 'ENXIO') return { messageId: 'not-a-file', detail: 'socket' };
  return { messageId: 'unreadable', detail: code };
}

/**
 * Reads a regular file, never more than `maxBytes`. The file is opened without blocking (a
 * FIFO would wait for a writer forever) and its kind taken from the open descriptor, so a
 * FIFO, a device, a socket or a folder is refused, whatever name or link leads to it. The
 * size from stat() is not trusted (0 for `/proc` files): reading stops one byte past the limit.
 */
export function readRegularFile(path: string, maxBytes: number): ReadResult {
  let descriptor: number;
  try {
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    return { refusal: refusalFor(error) };
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return { refusal: { messageId: 'not-a-file', detail: kindOf(stats) } };
    if (stats.size > maxBytes) return { refusal: { messageId: 'too-large', detail: `${stats.size} > ${maxBytes}` } };
    let buffer = Buffer.allocUnsafe(Math.min(Math.max(stats.size + 1, 64 * 1024), maxBytes + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return { refusal: { messageId: 'too-large', detail: `> ${maxBytes}` } };
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const read = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) return { refusal: { messageId: 'too-large', detail: `> ${maxBytes}` } };
    return { bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { refusal: refusalFor(error) };
  } finally {
    closeSync(descriptor);
  }
}

/** True when the real path `path` is `dir` or lies below it (both real paths). */
export function isWithin(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : `${dir}${sep}`);
}

/**
 * Reads a file that belongs to a plan: `path` must resolve (links followed) inside the plan
 * folder whose real path is `realDir`, so that no link or `../` makes the tool read, quote or
 * search a file elsewhere on the machine.
 */
export function readPlanFile(path: string, realDir: string, maxBytes: number): ReadResult {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    return { refusal: refusalFor(error) };
  }
  if (!isWithin(real, realDir)) return { refusal: { messageId: 'outside-plan', detail: real } };
  return readRegularFile(real, maxBytes);
}
