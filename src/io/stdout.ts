import { writeSync } from 'node:fs';
import type { Lang } from '../model.js';
import { say } from '../words.js';

/** What the process's stdout and stderr need to be for `guardStream`. */
interface Stream {
  write(text: string | Uint8Array, callback?: (error?: Error | null) => void): boolean;
  on(event: 'error', listener: (error: Error) => void): unknown;
  /** The descriptor under the stream (process.stdout has one), and what the stream still holds to write. */
  readonly fd?: number;
  readonly writableLength?: number;
}

export interface GuardedStream {
  /** Writes unless an earlier write failed: the rest of a report is dropped, not thrown. */
  write(text: string): void;
  /**
   * UTF-8 bytes written as they are, and done with when this returns: the caller may reuse them
   * (a cached report read into one buffer, piece after piece).
   */
  writeBytes(bytes: Uint8Array): void;
  /** Waits until what was written has gone, then gives the first write error, if any. */
  settle(): Promise<NodeJS.ErrnoException | undefined>;
}

/**
 * Texts of this many characters (a report's batches are a million) are written by `write`
 * straight to the descriptor; a longer one goes through the stream, not into a buffer kept.
 */
const LARGE_TEXT = 16 * 1024;
const HUGE_TEXT = 4 * 1024 * 1024;

/**
 * Stdout for the CLI. A write error arrives as an 'error' event, which with no listener ends
 * Node with a stack trace: a closed pipe (`plan export | head -1`) or a full disk
 * (`> /dev/full`). Here the error is kept and the run decides its exit code by `exitAfterOutput`.
 */
export function guardStream(stream: Stream): GuardedStream {
  let failure: NodeJS.ErrnoException | undefined;
  stream.on('error', (error) => {
    failure ??= error;
  });
  // A large text is encoded into this one buffer, reused, rather than into a fresh one per write
  // as the stream does: 69 MB of JSON took 300 ms of CPU that way, 60 ms this way.
  let scratch: Buffer | undefined;
  const writeBytes = (bytes: Uint8Array): void => {
    if (failure !== undefined) return;
    // Straight to the descriptor when the stream holds nothing back (it would be written first);
    // else a copy, written in its turn.
    if (stream.fd === undefined || stream.writableLength !== 0) {
      stream.write(Buffer.from(bytes));
      return;
    }
    try {
      for (let offset = 0; offset < bytes.length; ) {
        try {
          offset += writeSync(stream.fd, bytes, offset);
        } catch (error) {
          // A descriptor set not to block: the reader takes it in its time.
          if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        }
      }
    } catch (error) {
      failure ??= error as NodeJS.ErrnoException;
    }
  };
  return {
    write(text) {
      if (failure !== undefined) return;
      if (text.length < LARGE_TEXT || text.length > HUGE_TEXT || stream.fd === undefined || stream.writableLength !== 0) {
        stream.write(text);
        return;
      }
      // At most three bytes a UTF-16 code unit.
      if (scratch === undefined || scratch.length < text.length * 3) scratch = Buffer.allocUnsafe(text.length * 3);
      writeBytes(scratch.subarray(0, scratch.write(text, 'utf8')));
    },
    writeBytes,
    settle() {
      if (failure !== undefined) return Promise.resolve(failure);
      return new Promise((resolve) => {
        stream.write('', (error) => {
          failure ??= error ?? undefined;
          // An 'error' event may follow the callback in the same turn.
          setImmediate(() => resolve(failure));
        });
      });
    },
  };
}

/**
 * The exit code once stdout has failed with `failure`: a closed pipe ends the run quietly with
 * the code it had (0 for a clean export, as `cat` or `grep` do when their reader stops early);
 * any other failure (ENOSPC, EIO) is one line on stderr and exit 2.
 */
export function exitAfterOutput(code: number, failure: NodeJS.ErrnoException | undefined, lang: Lang): { code: number; message?: string } {
  if (failure === undefined || failure.code === 'EPIPE' || failure.code === 'ERR_STREAM_DESTROYED') return { code };
  return { code: 2, message: `plan: ${say(lang, 'cannotWriteStdout', { code: failure.code ?? failure.message })}\n` };
}
