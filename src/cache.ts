/**
 * `--cache`: a plan's results are reused while nothing that decides them changed: its files
 * (their names, sizes and times, or with `--cache-strategy content` their bytes), the tool's
 * build, the options and the rule set. The cache is one JSON file written whole and renamed into
 * place; one that is corrupt, foreign or of another build is ignored and rewritten, never trusted.
 * It is never written inside a plan folder.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlanResult } from './run-result.js';
import { writeOutput } from './io/output.js';
import { RULES } from './rules/index.js';

export interface CacheOptions {
  /** The cache file (`--cache-location`; a folder gets `.plancache` inside it). */
  readonly location: string;
  readonly strategy: 'metadata' | 'content';
}

export const DEFAULT_CACHE_FILE = '.plancache';
const FORMAT = 'plan-cache/1';

interface Entry {
  readonly key: string;
  readonly result: PlanResult;
}

interface CacheFile {
  readonly format: string;
  readonly tool: string;
  readonly entries: Record<string, Entry>;
}

/** The build of the tool: its rules and this module's own file, rewritten by every build. */
function toolKey(options: string): string {
  let built = '';
  try {
    built = String(statSync(fileURLToPath(import.meta.url)).mtimeMs);
  } catch {
    built = 'unknown';
  }
  const rules = RULES.map((rule) => `${rule.id}:${rule.severity}:${rule.stage}`).join(',');
  return createHash('sha256').update(`${built}\0${rules}\0${options}`).digest('hex');
}

/** What a plan folder holds, as far as the cache can tell without reading it (or reading it all). */
function folderKey(dir: string, strategy: CacheOptions['strategy']): string | undefined {
  const hash = createHash('sha256');
  try {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stats = statSync(path);
      hash.update(`${name}\0${stats.isFile() ? 'f' : 'o'}\0`);
      if (!stats.isFile()) continue;
      if (strategy === 'content') hash.update(readFileSync(path));
      else hash.update(`${stats.size}\0${stats.mtimeMs}\0${stats.ino}`);
      hash.update('\0');
    }
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

function fileOf(location: string): string {
  try {
    if (statSync(location).isDirectory()) return join(location, DEFAULT_CACHE_FILE);
  } catch {
    // Not there yet: a file to write.
  }
  return location;
}

export interface Cache {
  get(dir: string): PlanResult | undefined;
  set(dir: string, result: PlanResult): void;
  /** Writes the cache (atomically); a cache that cannot be written is no error: the run is done. */
  save(): void;
}

export async function openCache(options: CacheOptions, optionsKey: string): Promise<Cache> {
  const file = fileOf(options.location);
  const tool = toolKey(optionsKey);
  let entries: Record<string, Entry> = Object.create(null) as Record<string, Entry>;
  try {
    const read = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
    if (read.format === FORMAT && read.tool === tool && read.entries && typeof read.entries === 'object') {
      entries = Object.assign(Object.create(null) as Record<string, Entry>, read.entries);
    }
  } catch {
    // None yet, unreadable, or not ours: start afresh.
  }
  const keys = new Map<string, string | undefined>();
  const keyOf = (dir: string): string | undefined => {
    const absolute = resolve(dir);
    if (!keys.has(absolute)) keys.set(absolute, folderKey(absolute, options.strategy));
    return keys.get(absolute);
  };
  const fresh: Record<string, Entry> = Object.create(null) as Record<string, Entry>;
  // A rerun that only reused results leaves the file as it was: nothing to write.
  let changed = false;
  return {
    get(dir) {
      const entry = entries[resolve(dir)];
      const key = keyOf(dir);
      if (!entry || key === undefined || entry.key !== key || typeof entry.result !== 'object' || !Array.isArray(entry.result?.findings)) return undefined;
      fresh[resolve(dir)] = entry;
      return entry.result;
    },
    set(dir, result) {
      const key = keyOf(dir);
      if (key === undefined) return;
      fresh[resolve(dir)] = { key, result };
      changed = true;
    },
    save() {
      if (!changed) return;
      const text = JSON.stringify({ format: FORMAT, tool, entries: { ...entries, ...fresh } } satisfies CacheFile);
      writeOutput(file, [text], Object.keys(fresh));
    },
  };
}
