import { closeSync, constants, fchmodSync, fchownSync, fsyncSync, linkSync, lstatSync, openSync, readFileSync, realpathSync, renameSync, type Stats, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * How a locked update ended. `unchanged`: the update left the file as it was (nothing written).
 * `locked`: another process held the lock for the whole wait. `refused`: the update itself
 * declined the text (its reason is passed through). `failed`: the file could not be read or
 * written (an error code, or "not a regular file"); the file is as it was.
 */
export type LockedWriteOutcome<Refusal> =
  | { readonly kind: 'written'; readonly path: string }
  | { readonly kind: 'unchanged'; readonly path: string }
  | { readonly kind: 'locked'; readonly path: string; readonly lock: string; readonly holder: string }
  | { readonly kind: 'refused'; readonly path: string; readonly refusal: Refusal }
  | { readonly kind: 'failed'; readonly path: string; readonly detail: string };

/**
 * The change a writer makes, given the file's text as it is under the lock (undefined when
 * there is no file yet, with line ends as written: see `LockedText`). It returns the new text
 * (with `\n` line ends; written back in the file's own), `undefined` to leave the file alone, or
 * a refusal. It may run more than once (when the lock had to be taken again), so it must not
 * keep state between calls.
 */
export type PlanFileUpdate<Refusal> = (current: LockedText | undefined) => string | undefined | { readonly refusal: Refusal };

/** A plan file's text as read under the lock. */
export interface LockedText {
  /** The text with `\n` line ends and no byte-order mark. */
  readonly text: string;
}

export interface LockOptions {
  /** How long to wait for another writer, in milliseconds. */
  readonly waitMs?: number;
  /** A lock older than this (milliseconds) is stale whoever holds it: a writer holds it for a read, a merge and a rename. */
  readonly staleMs?: number;
}

/** Ten seconds: a writer holds the lock for milliseconds, so a longer wait means a stuck writer. */
const DEFAULT_WAIT_MS = 10_000;
const DEFAULT_STALE_MS = 30_000;
const HOST = hostname();

const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? 'error';
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The lock file beside a plan file: hidden, named after it. */
export function lockPathOf(realDir: string, name: string): string {
  return join(realDir, `.${name}.lock`);
}

/** What a lock file says: `pid host time token`, one line. */
interface LockRecord {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
}

function readLock(path: string): { record: LockRecord | undefined; text: string; ageMs: number } | undefined {
  try {
    const stats = lstatSync(path);
    const text = stats.isFile() && stats.size < 4096 ? readFileSync(path, 'utf8') : '';
    const [pid, host, , token] = text.trim().split(' ');
    const record = pid && /^\d+$/.test(pid) && host && token ? { pid: Number(pid), host, token } : undefined;
    return { record, text, ageMs: Date.now() - stats.mtimeMs };
  } catch {
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, owned by someone else.
    return errorCode(error) === 'EPERM';
  }
}

/**
 * A lock is stale when its writer is gone: on this host, no process has its id; anywhere, it is
 * older than `staleMs` (a process id may be reused, and another host's cannot be asked). A lock
 * file that says nothing readable (a writer killed between creating and filling it) is judged
 * by its age alone.
 */
function isStale(lock: NonNullable<ReturnType<typeof readLock>>, staleMs: number): boolean {
  if (lock.ageMs > staleMs) return true;
  if (!lock.record) return false;
  return lock.record.host === HOST && lock.record.pid !== process.pid && !processAlive(lock.record.pid);
}

/**
 * Removes a stale lock, and only the one judged: it is first renamed aside (one atomic step, so
 * two writers cannot both remove it), then compared with what was judged; a fresh lock taken in
 * between is put back.
 */
function breakStaleLock(path: string, judged: string): void {
  const aside = `${path}.stale.${process.pid}.${Math.random().toString(36).slice(2, 10)}`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  let moved = '';
  try {
    moved = readFileSync(aside, 'utf8');
  } catch {
    // Unreadable: removed below like the stale one.
  }
  if (moved !== judged) {
    try {
      // link() never replaces: if yet another writer has locked meanwhile, theirs stands, and
      // the writer whose lock this was sees before renaming that it no longer holds it.
      linkSync(aside, path);
    } catch {
      // Removed below.
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // Already gone.
  }
}

/** Takes the lock: creates the lock file with O_EXCL, which one process only can do. */
async function acquire(lockPath: string, waitMs: number, staleMs: number): Promise<{ token: string } | { holder: string } | { failed: string }> {
  const token = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  const deadline = Date.now() + waitMs;
  let delay = 5;
  let holder = '';
  for (;;) {
    let descriptor: number | undefined;
    try {
      descriptor = openSync(lockPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
      writeSync(descriptor, `${process.pid} ${HOST} ${new Date().toISOString()} ${token}\n`);
      closeSync(descriptor);
      return { token };
    } catch (error) {
      if (descriptor !== undefined) {
        closeSync(descriptor);
        // Created but not filled (a full disk): not ours to keep.
        try {
          unlinkSync(lockPath);
        } catch {
          // Gone.
        }
        return { failed: errorCode(error) };
      }
      if (errorCode(error) !== 'EEXIST') return { failed: errorCode(error) };
    }
    const lock = readLock(lockPath);
    if (lock) {
      holder = lock.record ? `${lock.record.pid}@${lock.record.host}` : lock.text.trim() || '?';
      if (isStale(lock, staleMs)) {
        breakStaleLock(lockPath, lock.text);
        continue;
      }
    }
    if (Date.now() >= deadline) return { holder };
    // A little randomness, so that writers started together do not wake together.
    await sleep(Math.min(delay + Math.random() * delay, Math.max(deadline - Date.now(), 1)));
    delay = Math.min(delay * 2, 100);
  }
}

function release(lockPath: string, token: string): void {
  // Only our own lock: one broken as stale and taken by another is theirs now.
  if (readLock(lockPath)?.record?.token !== token) return;
  try {
    unlinkSync(lockPath);
  } catch {
    // Gone.
  }
}

/** Still holding the lock: the file names our token. */
function holds(lockPath: string, token: string): boolean {
  return readLock(lockPath)?.record?.token === token;
}

/** The file's own conventions, to be kept when it is rewritten. */
interface FileForm {
  readonly crlf: boolean;
  readonly bom: boolean;
  readonly mode?: number;
  readonly uid?: number;
  readonly gid?: number;
}

function readCurrent(path: string): { text: LockedText | undefined; form: FileForm } | { failed: string } {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { text: undefined, form: { crlf: false, bom: false } };
    return { failed: errorCode(error) };
  }
  // A link at the name is refused rather than followed: a plan file is written in the plan folder only.
  if (!stats.isFile()) return { failed: 'not a regular file' };
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    return { failed: errorCode(error) };
  }
  const bom = raw.startsWith('\uFEFF');
  const body = bom ? raw.slice(1) : raw;
  const firstBreak = body.indexOf('\n');
  const crlf = firstBreak > 0 && body[firstBreak - 1] === '\r';
  return {
    text: { text: body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body },
    form: { crlf, bom, mode: stats.mode & 0o7777, uid: stats.uid, gid: stats.gid },
  };
}

/** Writes a new file beside the target, in the old one's mode (and owner, when run as root), and renames it over the name. */
function replace(realDir: string, name: string, text: string, form: FileForm, stillHeld: () => boolean): 'written' | 'lost-lock' | { failed: string } {
  const temporary = join(realDir, `.${name}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  const body = `${form.bom ? '\uFEFF' : ''}${form.crlf ? text.replace(/\n/g, '\r\n') : text}`;
  let descriptor: number | undefined;
  try {
    descriptor = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, form.mode ?? 0o666);
    // The creation mode passes through the umask; the old file's mode is set as it was.
    if (form.mode !== undefined) fchmodSync(descriptor, form.mode);
    if (form.uid !== undefined && form.gid !== undefined && process.getuid?.() === 0) {
      try {
        fchownSync(descriptor, form.uid, form.gid);
      } catch {
        // Kept as it can be.
      }
    }
    writeSync(descriptor, body);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    if (!stillHeld()) {
      unlinkSync(temporary);
      return 'lost-lock';
    }
    renameSync(temporary, join(realDir, name));
    return 'written';
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    try {
      unlinkSync(temporary);
    } catch {
      // Not created, or already renamed.
    }
    return { failed: errorCode(error) };
  }
}

/**
 * The one writer of plan files (`plan review` now, an editor's "review this finding" next).
 * Under an exclusive lock (a lock file created with O_CREAT|O_EXCL beside the file, waited for
 * within a bound, broken when its writer is gone), the file is read again, `update` merges its
 * change into what is there now, and the result replaces the file by an atomic rename. So two
 * writers at once both keep their work, a reader never sees half a file, and the file keeps its
 * mode, its line ends (CRLF stays CRLF) and its byte-order mark.
 */
export async function updatePlanFile<Refusal>(dir: string, name: string, update: PlanFileUpdate<Refusal>, options: LockOptions = {}): Promise<LockedWriteOutcome<Refusal>> {
  let realDir: string;
  try {
    realDir = realpathSync(dir);
    if (!statSync(realDir).isDirectory()) return { kind: 'failed', path: join(dir, name), detail: 'ENOTDIR' };
  } catch (error) {
    return { kind: 'failed', path: join(dir, name), detail: errorCode(error) };
  }
  const path = join(realDir, name);
  const lockPath = lockPathOf(realDir, name);
  // Taken again only when a writer paused past `staleMs` and lost its lock; a few times at most.
  for (let attempt = 0; ; attempt++) {
    const lock = await acquire(lockPath, options.waitMs ?? DEFAULT_WAIT_MS, options.staleMs ?? DEFAULT_STALE_MS);
    if ('holder' in lock) return { kind: 'locked', path, lock: lockPath, holder: lock.holder };
    if ('failed' in lock) return { kind: 'failed', path, detail: lock.failed };
    try {
      const current = readCurrent(path);
      if ('failed' in current) return { kind: 'failed', path, detail: current.failed };
      const next = update(current.text);
      if (next === undefined || next === current.text?.text) return { kind: 'unchanged', path };
      if (typeof next !== 'string') return { kind: 'refused', path, refusal: next.refusal };
      const done = replace(realDir, name, next, current.form, () => holds(lockPath, lock.token));
      if (done === 'written') return { kind: 'written', path };
      // Our lock was judged stale and taken (a writer paused past `staleMs`): read and merge again.
      if (done === 'lost-lock' && attempt < 3) continue;
      if (done === 'lost-lock') return { kind: 'failed', path, detail: 'lock lost' };
      return { kind: 'failed', path, detail: done.failed };
    } finally {
      release(lockPath, lock.token);
    }
  }
}
