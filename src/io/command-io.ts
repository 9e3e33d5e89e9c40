/**
 * What every command shares with the command line: the outside world it may touch (`Io`), the
 * exit codes, the language, the default path, and writing a report. No command imports cli.ts;
 * cli.ts imports each command only when that command runs.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { addCounts, batched, encodedBatches, type Tally, tallyOf } from '../formatters/types.js';
import { expandGlob } from '../load/globs.js';
import type { Finding, Lang, Severity } from '../model.js';
import { say } from '../words.js';
import type { BoundedRead } from './stdin.js';
import { describeRefusal, descriptorBehind, planFolderAround, STANDARD_OUTPUT, writeOutput } from './output.js';

/** What the CLI may touch of the outside world; tests pass their own. */
export interface Io {
  stdout(text: string): void;
  /**
   * UTF-8 bytes for stdout as they are (a cached report): not decoded to be encoded again, and
   * done with when it returns (the caller reuses them). Absent, they go to `stdout` as text.
   */
  stdoutBytes?(bytes: Uint8Array): void;
  stderr(text: string): void;
  readonly isTTY: boolean;
  /** The terminal's width in columns, when standard output is a terminal; text views and the audit fit it. */
  readonly columns?: number;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Standard input, for the path `-`: all of it, or no more than `maxBytes` and the count read past it. */
  readStdin?(maxBytes: number): Promise<BoundedRead>;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_INPUT = 2;

export const DEFAULT_PATH = 'plan-data';
export const FAIL_LEVELS: readonly Severity[] = ['error', 'warning', 'info'];
/** `--fail-on`: a severity, or `none` to exit 1 on no finding. */
export type FailOn = Severity | 'none';

/** What a command gets from the command line besides its own options. */
export interface CommandContext {
  readonly io: Io;
  readonly version: string;
}

export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** `--lang`, else LC_ALL, LC_MESSAGES, LANG: Chinese when the locale says zh. */
export function languageFrom(env: Io['env'], given?: string): Lang {
  if (given === 'zh' || given === 'en') return given;
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/**
 * Whether to colour the text report: never with `--no-color` or into a file; `FORCE_COLOR` (not 0)
 * forces it and `FORCE_COLOR=0` forbids it, as in chalk and Node; else a terminal without `NO_COLOR`.
 */
export function colorWanted(io: Io, options: { readonly color?: boolean; readonly output?: string }): boolean {
  // `--output -` is standard output, as no --output is.
  if (options.color === false || (options.output !== undefined && options.output !== STANDARD_OUTPUT)) return false;
  const forced = io.env['FORCE_COLOR'];
  if (forced !== undefined && forced !== '') return forced !== '0' && forced !== 'false';
  return io.isTTY && !io.env['NO_COLOR'];
}

/**
 * Exit code for a finished run: 2 unreadable input, 1 findings at or above the fail level, else 0.
 * Reviewed findings count only when asked (`--fail-on-reviewed`).
 */
export function exitCodeFor(findings: readonly Finding[], failOn: FailOn, maxWarnings?: number, countReviewed = false): number {
  return exitCodeOf(tallyOf(findings), failOn, maxWarnings, countReviewed);
}

/** `exitCodeFor` from the findings' counts (a cached run reads no finding). */
export function exitCodeOf(tally: Tally, failOn: FailOn, maxWarnings?: number, countReviewed = false): number {
  const active = countReviewed ? addCounts(tally.open, tally.reviewed) : tally.open;
  if (active.unreadable > 0) return EXIT_INPUT;
  if (failOn === 'none') return EXIT_OK;
  const threshold = FAIL_LEVELS.indexOf(failOn);
  if (FAIL_LEVELS.some((level, index) => index <= threshold && active[level] > 0)) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && active.warning > maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}

/**
 * Writes a report to stdout or to `output` (never into a plan folder: see io/output.ts); false,
 * with the reason on stderr, when it could not be written.
 */
export function emit(io: Io, text: string | Iterable<string | Uint8Array>, output: string | undefined, planDirs: readonly string[], lang: Lang): boolean {
  const chunks = batched(text);
  // `-`, `/dev/stdout` and any link to this process's descriptor 1 or 2 go through `io`, in order with the rest of its output.
  const descriptor = output === undefined || output === STANDARD_OUTPUT ? 1 : descriptorBehind(output);
  if (descriptor === 1 && io.stdoutBytes && typeof text !== 'string') {
    for (const bytes of encodedBatches(text)) io.stdoutBytes(bytes);
    return true;
  }
  if (descriptor === 1 || descriptor === 2) {
    for (const chunk of chunks) {
      if (typeof chunk === 'string') (descriptor === 1 ? io.stdout : io.stderr)(chunk);
      else if (descriptor === 1 && io.stdoutBytes) io.stdoutBytes(chunk);
      else (descriptor === 1 ? io.stdout : io.stderr)(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8'));
    }
    return true;
  }
  const refusal = writeOutput(output as string, chunks, planDirs);
  if (refusal) io.stderr(describeRefusal(refusal, lang));
  return refusal === undefined;
}

/**
 * Writes files into a folder (made when missing), each through `writeOutput`; refuses a folder
 * in or below a plan folder before making anything. Returns the paths written.
 */
export function writeFolder(io: Io, folder: string, files: readonly { name: string; text: string }[], planDirs: readonly string[], lang: Lang): string[] | undefined {
  let existing = resolve(folder);
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  const plan = planFolderAround(existing) ?? planDirs.map((dir) => resolve(dir)).find((dir) => resolve(folder) === dir || resolve(folder).startsWith(`${dir}/`));
  if (plan !== undefined) {
    io.stderr(describeRefusal({ messageId: 'inside-plan', path: folder, detail: plan }, lang));
    return undefined;
  }
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    io.stderr(describeRefusal({ messageId: 'cannot-write', path: folder, detail: (error as NodeJS.ErrnoException).code ?? 'error' }, lang));
    return undefined;
  }
  const written: string[] = [];
  for (const file of files) {
    const path = join(folder, file.name);
    const refusal = writeOutput(path, [file.text], planDirs);
    if (refusal) {
      io.stderr(describeRefusal(refusal, lang));
      return undefined;
    }
    written.push(path);
  }
  return written;
}

/** Paths as given, with globs the shell left unexpanded expanded; undefined (and a message) when one matches nothing. */
export function expandPaths(paths: readonly string[], io: Io, lang: Lang): string[] | undefined {
  const expanded: string[] = [];
  for (const path of paths) {
    const matches = expandGlob(path);
    if (matches.length === 0) {
      io.stderr(`plan: ${say(lang, 'noGlobMatch', { pattern: path })}\n`);
      return undefined;
    }
    // One at a time: a spread of 120 000 paths would exceed the call stack.
    for (const match of matches) expanded.push(match);
  }
  return expanded;
}

/** The width text output must fit: the terminal's, when standard output is one; undefined (the full width) otherwise. */
export function terminalWidth(io: Io): number | undefined {
  return io.isTTY && io.columns !== undefined && io.columns > 0 ? io.columns : undefined;
}
