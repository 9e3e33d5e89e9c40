/**
 * `--cache`: a plan's results are reused while nothing that decides them changed: its files
 * (their names, sizes and times, or with `--cache-strategy content` their bytes), the tool's
 * build and version, and the options (the rule set with them: `--rule` and plan.config.yaml's
 * severities). The cache is one file written whole and renamed into place; one that is corrupt,
 * foreign or of another build is ignored and rewritten, never trusted. It is never written
 * inside a plan folder.
 *
 * Besides each plan's findings the cache keeps the plan's part of the output as it was written,
 * for each view (a format and the options that shape it) asked for: a rerun of unchanged plans
 * writes those bytes again and reads no finding. The file is one line of JSON, the index, then
 * the bytes it points into; every piece carries its SHA-1, checked before it is used.
 */
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Tally } from './formatters/types.js';
import { writeOutput } from './io/output.js';
import type { Finding } from './model.js';
import type { PlanResult } from './run-result.js';

export interface CacheOptions {
  /** The cache file (`--cache-location`; a folder gets `.plancache` inside it). */
  readonly location: string;
  readonly strategy: 'metadata' | 'content';
}

export const DEFAULT_CACHE_FILE = '.plancache';
const FORMAT = 'plan-cache/2';
/** Views kept per plan: a few formats used in turn all stay cached. */
const MAX_VIEWS = 4;

/** Bytes of the file's body: [offset, length, SHA-1 in hex]. */
type Span = readonly [number, number, string];

interface IndexedView {
  readonly part: Span;
  readonly tally: Tally;
}

interface IndexedEntry {
  readonly key: string;
  readonly dir: string;
  readonly id?: string;
  readonly audited: boolean;
  readonly findings: Span;
  readonly views: Readonly<Record<string, IndexedView>>;
}

/** The first line of the file. */
interface Index {
  readonly format: string;
  readonly tool: string;
  /** The body's length in bytes: a file cut short is not read. */
  readonly size: number;
  readonly entries: Readonly<Record<string, IndexedEntry>>;
}

/** Bytes kept in the cache: read from the file only when used, and checked against their hash the first time. */
interface Piece {
  readonly length: number;
  readonly hash: string;
  /** Its bytes, its own. */
  bytes(): Uint8Array;
  /** Its bytes in a buffer the next read reuses. */
  scratch(): Uint8Array;
  /** Whether the bytes are those written. */
  intact(): boolean;
  /** Checked, and found not to be. */
  damaged(): boolean;
}

interface Entry {
  readonly key: string;
  readonly dir: string;
  readonly id?: string;
  readonly audited: boolean;
  readonly findings: Piece;
  /** Most recently used first. */
  readonly views: Map<string, { readonly part: Piece; readonly tally: Tally }>;
}

/** A plan's part of a view's output, and the counts of the findings it shows. */
export interface PlanView {
  /**
   * The part's bytes, read from the file as they are written out: each chunk into a buffer that
   * the next read from the cache reuses (fresh memory costs more than reading), so a chunk is
   * to be written before the next is asked for.
   */
  readonly part: Iterable<Uint8Array>;
  readonly tally: Tally;
}

export interface Cache {
  /** The plan's result when its folder is unchanged; its findings are read only when asked for. */
  get(dir: string): PlanResult | undefined;
  set(dir: string, result: PlanResult): void;
  /** Whether `result` is a plan's own, as this cache gave or took it (a run that adds a finding to it makes another). */
  holds(result: PlanResult): boolean;
  /** The plan's part of a view's output, kept by an earlier run, while the plan is unchanged. */
  view(dir: string, view: string): PlanView | undefined;
  setView(dir: string, view: string, part: string, tally: Tally): void;
  /** Writes the cache (atomically) when this run changed it; a cache that cannot be written is no error: the run is done. */
  save(): void;
}

/** The build of the tool: this module's own file and the rule registry's, rewritten by every build. */
function buildStamp(): string {
  return [import.meta.url, new URL('./rules/index.js', import.meta.url).href]
    .map((url) => {
      try {
        const stats = statSync(fileURLToPath(url));
        return `${stats.mtimeMs}:${stats.size}`;
      } catch {
        return 'unknown';
      }
    })
    .join(',');
}

/**
 * What a plan folder holds, as far as the cache can tell without reading it (or reading it all):
 * each name with its size, time and inode as they are (a few hundred characters), or with the
 * content strategy the SHA-256 of the bytes.
 */
function folderKey(dir: string, strategy: CacheOptions['strategy']): string | undefined {
  let key = '';
  try {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stats = statSync(path);
      key += `${name}\0${stats.isFile() ? 'f' : 'o'}\0`;
      if (!stats.isFile()) continue;
      key += strategy === 'content' ? hashOf(readFileSync(path), 'sha256') : `${stats.size}\0${stats.mtimeMs}\0${stats.ino}`;
      key += '\n';
    }
  } catch {
    return undefined;
  }
  return key;
}

/** node:crypto, loaded when first used: a rerun of unchanged plans by metadata hashes only the pieces it writes. */
let crypto: typeof import('node:crypto') | undefined;
const hashOf = (bytes: Uint8Array, algorithm: 'sha1' | 'sha256'): string => {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash(algorithm).update(bytes).digest('hex');
};

function fileOf(location: string): string {
  try {
    if (statSync(location).isDirectory()) return join(location, DEFAULT_CACHE_FILE);
  } catch {
    // Not there yet: a file to write.
  }
  return location;
}

const sha1 = (bytes: Uint8Array): string => hashOf(bytes, 'sha1');

function newPiece(text: string): Piece {
  const bytes = Buffer.from(text, 'utf8');
  const hash = sha1(bytes);
  return { length: bytes.length, hash, bytes: () => bytes, scratch: () => bytes, intact: () => true, damaged: () => false };
}

/** Reads bytes of the body: into `into` when given (and large enough), else into a buffer of their own. */
type Reader = (offset: number, length: number, into?: Buffer) => Uint8Array;

function piece(read: Reader, scratchOf: (length: number) => Buffer, [offset, length, hash]: Span): Piece {
  let bytes: Uint8Array | undefined;
  let state: 'unchecked' | 'intact' | 'damaged' = 'unchecked';
  const scratch = (): Uint8Array => bytes ?? read(offset, length, scratchOf(length));
  return {
    length,
    hash,
    bytes: () => (bytes ??= read(offset, length)),
    scratch,
    intact() {
      if (state === 'unchecked') state = sha1(scratch()) === hash ? 'intact' : 'damaged';
      return state === 'intact';
    },
    damaged: () => state === 'damaged',
  };
}

const isSpan = (value: unknown, size: number): value is Span =>
  Array.isArray(value) && value.length === 3 && Number.isInteger(value[0]) && Number.isInteger(value[1]) && value[0] >= 0 && value[1] >= 0 && value[0] + value[1] <= size && typeof value[2] === 'string';

const COUNT_NAMES = ['error', 'warning', 'info', 'unreadable'] as const;
const isCounts = (value: unknown): boolean => typeof value === 'object' && value !== null && COUNT_NAMES.every((name) => Number.isInteger((value as Record<string, unknown>)[name]));
const isTally = (value: unknown): value is Tally => typeof value === 'object' && value !== null && isCounts((value as Tally).open) && isCounts((value as Tally).reviewed);

/** Longest index read: past it the file is not a cache of a size this tool writes. */
const MAX_INDEX_BYTES = 256 * 1024 * 1024;

/** The index line, read in growing blocks until its end: the body is read piece by piece when used. */
function readIndex(descriptor: number): { index: Partial<Index>; bodyStart: number } | undefined {
  let block = Buffer.alloc(64 * 1024);
  let filled = 0;
  for (;;) {
    const read = readSync(descriptor, block, filled, block.length - filled, filled);
    const end = block.indexOf(10, filled);
    filled += read;
    if (end >= 0 && end < filled) return { index: JSON.parse(block.toString('utf8', 0, end)) as Partial<Index>, bodyStart: end + 1 };
    if (read === 0 || block.length >= MAX_INDEX_BYTES) return undefined;
    const larger = Buffer.alloc(block.length * 4);
    block.copy(larger, 0, 0, filled);
    block = larger;
  }
}

/**
 * The entries of a cache file of this build and these options, and the descriptor their pieces
 * are read through; none when the file is missing, cut short, foreign or damaged.
 */
function readEntries(file: string, tool: string): { entries: Map<string, Entry>; descriptor?: number } {
  const entries = new Map<string, Entry>();
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, 'r');
    const found = readIndex(descriptor);
    const index = found?.index;
    const size = fstatSync(descriptor).size - (found?.bodyStart ?? 0);
    if (!found || !index || index.format !== FORMAT || index.tool !== tool || index.size !== size || typeof index.entries !== 'object' || index.entries === null) throw new Error('not this cache');
    const { bodyStart } = found;
    const opened = descriptor;
    const read: Reader = (offset, length, into) => {
      const bytes = into ?? Buffer.allocUnsafe(length);
      for (let done = 0; done < length; ) {
        const got = readSync(opened, bytes, done, length - done, bodyStart + offset + done);
        if (got === 0) break;
        done += got;
      }
      return bytes.subarray(0, length);
    };
    let shared = Buffer.allocUnsafe(0);
    const scratchOf = (length: number): Buffer => {
      if (shared.length < length) shared = Buffer.allocUnsafe(Math.max(length, 2 * shared.length));
      return shared;
    };
    for (const [absolute, entry] of Object.entries(index.entries)) {
      if (typeof entry?.key !== 'string' || typeof entry.dir !== 'string' || typeof entry.audited !== 'boolean' || !isSpan(entry.findings, size)) continue;
      if ((entry.id !== undefined && typeof entry.id !== 'string') || typeof entry.views !== 'object' || entry.views === null) continue;
      const views = new Map<string, { part: Piece; tally: Tally }>();
      for (const [name, view] of Object.entries(entry.views)) {
        if (isSpan(view?.part, size) && isTally(view.tally)) views.set(name, { part: piece(read, scratchOf, view.part), tally: view.tally });
      }
      entries.set(absolute, { key: entry.key, dir: entry.dir, ...(entry.id === undefined ? {} : { id: entry.id }), audited: entry.audited, findings: piece(read, scratchOf, entry.findings), views });
    }
    return { entries, descriptor };
  } catch {
    // None yet, unreadable, or not ours: start afresh.
    if (descriptor !== undefined) closeSync(descriptor);
    return { entries: new Map() };
  }
}

const decoded = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');

/** A result whose findings are read from the cache the first time they are asked for. */
function lazyResult(entry: Entry, file: string): PlanResult {
  let findings: readonly Finding[] | undefined;
  return {
    dir: entry.dir,
    ...(entry.id === undefined ? {} : { id: entry.id }),
    audited: entry.audited,
    get findings(): readonly Finding[] {
      if (findings === undefined) {
        // Checked only now, not for a plan whose output is cached too: the damaged entry is not saved again.
        if (!entry.findings.intact()) throw new Error(`the cache ${file} is damaged (${entry.dir}); the next run rewrites it`);
        findings = JSON.parse(decoded(entry.findings.bytes())) as Finding[];
      }
      return findings;
    },
  };
}

/**
 * Opens the cache at `options.location` for a run of this tool `version` whose options are
 * `optionsKey`: a cache of another build, version or options is not read, and is replaced when
 * saved.
 */
export function openCache(options: CacheOptions, optionsKey: string, version: string): Cache {
  const file = fileOf(options.location);
  const tool = `${buildStamp()}\0${version}\0${optionsKey}`;
  const { entries, descriptor } = readEntries(file, tool);
  const keys = new Map<string, string | undefined>();
  const keyOf = (absolute: string): string | undefined => {
    if (!keys.has(absolute)) keys.set(absolute, folderKey(absolute, options.strategy));
    return keys.get(absolute);
  };
  /** Entries found unchanged, or set, in this run: only their views may be used. */
  const current = new Set<string>();
  const held = new WeakSet<PlanResult>();
  let changed = false;
  return {
    get(dir) {
      const absolute = resolve(dir);
      const entry = entries.get(absolute);
      const key = keyOf(absolute);
      if (!entry || key === undefined || entry.key !== key) return undefined;
      current.add(absolute);
      const result = lazyResult(entry, file);
      held.add(result);
      return result;
    },
    set(dir, result) {
      const absolute = resolve(dir);
      const key = keyOf(absolute);
      if (key === undefined) return;
      entries.set(absolute, {
        key,
        dir: result.dir,
        ...(result.id === undefined ? {} : { id: result.id }),
        audited: result.audited,
        findings: newPiece(JSON.stringify(result.findings)),
        views: new Map(),
      });
      current.add(absolute);
      held.add(result);
      changed = true;
    },
    holds: (result) => held.has(result),
    view(dir, name) {
      const absolute = resolve(dir);
      const view = current.has(absolute) ? entries.get(absolute)?.views.get(name) : undefined;
      if (!view?.part.intact()) return undefined;
      const { part } = view;
      return { part: { *[Symbol.iterator]() { if (part.length > 0) yield part.scratch(); } }, tally: view.tally };
    },
    setView(dir, name, part, tally) {
      const absolute = resolve(dir);
      const entry = current.has(absolute) ? entries.get(absolute) : undefined;
      if (!entry) return;
      entry.views.delete(name);
      const others = [...entry.views].slice(0, MAX_VIEWS - 1);
      entry.views.clear();
      entry.views.set(name, { part: newPiece(part), tally });
      for (const [other, view] of others) entry.views.set(other, view);
      changed = true;
    },
    save() {
      try {
        if (changed || [...entries.values()].some((entry) => entry.findings.damaged() || [...entry.views.values()].some((view) => view.part.damaged()))) write();
      } finally {
        if (descriptor !== undefined) closeSync(descriptor);
      }
    },
  };

  /** The whole cache, its unchanged pieces copied as they are: they are checked when used. */
  function write(): void {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const span = (piece: Piece): Span => {
      chunks.push(piece.bytes());
      size += piece.length;
      return [size - piece.length, piece.length, piece.hash];
    };
    const indexed: Record<string, IndexedEntry> = {};
    for (const [absolute, entry] of entries) {
      if (entry.findings.damaged()) continue;
      const views: Record<string, IndexedView> = {};
      for (const [name, view] of entry.views) if (!view.part.damaged()) views[name] = { part: span(view.part), tally: view.tally };
      indexed[absolute] = { key: entry.key, dir: entry.dir, ...(entry.id === undefined ? {} : { id: entry.id }), audited: entry.audited, findings: span(entry.findings), views };
    }
    const index: Index = { format: FORMAT, tool, size, entries: indexed };
    writeOutput(file, [`${JSON.stringify(index)}\n`, ...chunks], [...current]);
  }
}
