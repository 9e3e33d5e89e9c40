import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Io } from '../src/cli.js';
import { run } from '../src/engine.js';
import { allFindings } from '../src/formatters/types.js';
import type { Finding } from '../src/model.js';
import { toolOutputs } from './tool-cache.js';

export const MINI = new URL('./fixtures/mini/', import.meta.url).pathname;
/** A small plan for the second-order rules (relations, names, held levels, dates). */
export const SECOND = new URL('./fixtures/second/', import.meta.url).pathname;
/** The mini plan with two appendix tables (附表1, 附表2), box links that name them and a prose total of both. */
export const TABLES = new URL('./fixtures/tables/', import.meta.url).pathname;
const REPOSITORY = new URL('..', import.meta.url).pathname;
export const WUSHAN = new URL('../plan-data/wushan-2021-2025/', import.meta.url).pathname;

/** A textual edit of one file; a `from` that is not in the file fails the test, so no case passes by accident. */
export interface Patch {
  readonly file: string;
  readonly from: string;
  readonly to: string;
}

/** Copies a plan folder to a fresh temporary folder and applies the patches. */
export function planCopy(source: string, patches: readonly Patch[] = []): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'plan-test-')), 'plan');
  cpSync(source, dir, { recursive: true });
  for (const patch of patches) {
    const path = join(dir, patch.file);
    const text = readFileSync(path, 'utf8');
    if (!text.includes(patch.from)) throw new Error(`patch target not found in ${patch.file}: ${patch.from}`);
    writeFileSync(path, text.replace(patch.from, patch.to));
  }
  return dir;
}

/** 1-based line of the first line of `file` in `dir` that contains `needle`. */
export function lineOf(dir: string, file: string, needle: string): number {
  const index = readFileSync(join(dir, file), 'utf8').split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`not in ${file}: ${needle}`);
  return index + 1;
}

export async function auditFindings(dir: string, only?: string[]): Promise<Finding[]> {
  const result = await run([dir], { lang: 'en', audit: true, ...(only ? { only: new Set(only) } : {}) });
  return allFindings(result);
}

export async function validateFindings(dir: string): Promise<Finding[]> {
  return allFindings(await run([dir], { lang: 'en', audit: false }));
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function cli(args: readonly string[], env: Record<string, string | undefined> = {}, isTTY = false, columns?: number): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY,
    ...(columns === undefined ? {} : { columns }),
    env: { LANG: 'en_US.UTF-8', ...env },
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/**
 * Runs the CLI in-process in the folder `cwd`, as the bin started there would: what reads
 * `process.cwd()` (git revisions, relative paths) sees it. The worker's folder is restored after.
 */
export async function cliIn(cwd: string, args: readonly string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    return await cli(args, env);
  } finally {
    process.chdir(before);
  }
}

/** A patch, shortly: in `file`, replace `from` by `to`. */
export const P = (file: string, from: string, to: string): Patch => ({ file, from, to });

/**
 * The mini plan's second section divided into one part, （一）社区养老 with its subtotal 1000,
 * which holds the section's project: the section's own `projects` become the part's.
 */
export const DIVIDED: Patch = (() => {
  const text = readFileSync(join(MINI, 'projects.yaml'), 'utf8');
  const from = text.slice(text.indexOf('    subtotal: 1000\n    projects:\n'));
  const projects = from.slice(from.indexOf('    projects:\n'));
  const indented = projects.replace(/^(?=.)/gm, '    ');
  return P('projects.yaml', from, `    subtotal: 1000\n    parts:\n      - numeral: 一\n        name: 社区养老\n        subtotal: 1000\n${indented}`);
})();

/**
 * A digest of everything in `dir`, links followed to regular files but never into a FIFO or
 * a device (reading one could hang): equal digests before and after a run mean the run wrote
 * nothing there, whatever route (link, hard link, rename) it might have taken.
 */
export function folderDigest(dir: string): string {
  const hash = createHash('sha256');
  const walk = (path: string, depth: number): void => {
    for (const name of readdirSync(path).sort()) {
      const child = join(path, name);
      const own = lstatSync(child);
      hash.update(`${child}\0${own.mode}\0`);
      if (own.isSymbolicLink()) hash.update(`link ${readlinkSync(child)}\0`);
      let target: ReturnType<typeof statSync>;
      try {
        target = statSync(child);
      } catch {
        continue;
      }
      if (target.isFile()) hash.update(readFileSync(child));
      else if (target.isDirectory() && !own.isSymbolicLink() && depth < 4) walk(child, depth + 1);
      else hash.update(`kind ${target.mode}\0`);
    }
  };
  walk(dir, 0);
  return hash.digest('hex');
}

interface ReportValidators {
  audit: (data: unknown) => boolean;
  diff: (data: unknown) => boolean;
  errors: () => unknown;
}

let compiledValidators: Promise<ReportValidators> | undefined;

/** Validators of the JSON reports, from schemas/report/; compiled once a worker. */
export function reportValidators(): Promise<ReportValidators> {
  compiledValidators ??= compileReportValidators();
  return compiledValidators;
}

async function compileReportValidators(): Promise<ReportValidators> {
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  const load = (name: string): object => JSON.parse(readFileSync(join(REPOSITORY, 'schemas', 'report', name), 'utf8'));
  ajv.addSchema(load('audit-report.schema.json'), 'audit-report.schema.json');
  const audit = ajv.getSchema('audit-report.schema.json')!;
  const diff = ajv.compile(load('diff-report.schema.json'));
  let last: unknown;
  const checked = (validate: typeof diff) => (data: unknown): boolean => {
    if (validate(data) === true) return true;
    last = validate.errors;
    return false;
  };
  return { audit: checked(audit as typeof diff), diff: checked(diff), errors: () => last };
}

/**
 * Runs markdownlint-cli2 with the repository's configuration on the given files, written to a
 * temporary folder. Its verdict on the very same files is kept in the tool cache (a run of it
 * costs most of a second of CPU).
 */
export async function markdownlint(files: Record<string, string>): Promise<{ code: number; output: string }> {
  const bin = join(REPOSITORY, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  const config = join(REPOSITORY, 'test', 'fixtures', 'report.markdownlint-cli2.jsonc');
  const version = (JSON.parse(readFileSync(join(REPOSITORY, 'node_modules', 'markdownlint-cli2', 'package.json'), 'utf8')) as { version: string }).version;
  const linted = await toolOutputs([`markdownlint-cli2 ${version}`, readFileSync(config), ...Object.entries(files).flat()], (dir) => {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const child = spawnSync(process.execPath, [bin, '--config', config, ...Object.keys(files)], { cwd: dir, encoding: 'utf8' });
    writeFileSync(join(dir, 'markdownlint.txt'), `${child.status ?? -1}\n${child.stdout}${child.stderr}`);
  });
  const [code, ...output] = readFileSync(join(linted, 'markdownlint.txt'), 'utf8').split('\n');
  return { code: Number(code), output: output.join('\n') };
}
