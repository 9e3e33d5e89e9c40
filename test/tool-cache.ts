import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Set to 1 to run the tools again instead of reading what an earlier run kept. */
const FRESH = process.env['PLAN_TEST_FRESH'] === '1';
const ROOT = join(tmpdir(), 'plan-test-tool-cache');

/**
 * What a slow outside tool (LibreOffice, Chromium) made, kept between runs under the system's
 * temporary folder by a hash of everything it was made from: the tool's version, what was asked
 * and the inputs' bytes. The same inputs make the same files, so a rerun reads them instead of
 * starting the tool again (a LibreOffice conversion takes 20 s here, mostly waiting). `make`
 * writes into an empty folder; the folder it filled is returned, and kept only when `make` ends
 * without an error.
 */
export async function toolOutputs(key: readonly (string | Uint8Array)[], make: (folder: string) => void | Promise<void>): Promise<string> {
  const hash = createHash('sha256');
  for (const part of key) hash.update(part).update('\0');
  const folder = join(ROOT, hash.digest('hex').slice(0, 32));
  if (!FRESH && existsSync(folder)) return folder;
  mkdirSync(ROOT, { recursive: true });
  const work = mkdtempSync(join(ROOT, 'making-'));
  try {
    await make(work);
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  if (FRESH) return work;
  try {
    renameSync(work, folder);
  } catch (error) {
    // Another run kept the same files meanwhile.
    if (!existsSync(folder)) throw error;
    return work;
  }
  return folder;
}

const versions = new Map<string, string>();

/** `command --version`'s output, once a worker: a new version of a tool misses the cache. */
export function toolVersion(command: string): string {
  let version = versions.get(command);
  if (version === undefined) {
    const run = spawnSync(command, ['--version'], { encoding: 'utf8' });
    version = `${command} ${run.stdout ?? ''}${run.error ? String(run.error) : ''}`;
    versions.set(command, version);
  }
  return version;
}
