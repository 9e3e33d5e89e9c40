/**
 * plan.config.yaml: settings for a repository of plans, found by walking up from the working
 * folder as ESLint, markdownlint-cli2 and ruff find theirs. Rule severities, ignored paths, and
 * defaults for --fail-on, --lang and the paths; flags on the command line win.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { RunResult } from './engine.js';
import { loadPicomatch } from './load/globs.js';
import type { Finding, Lang, Severity } from './model.js';
import { schemaRule } from './rules/schema.js';
import { fill, say } from './words.js';

export const CONFIG_FILE_NAME = 'plan.config.yaml';

export type RuleSetting = Severity | 'off';

export interface PlanConfig {
  /** The config file's absolute path; its folder is what `ignores` and `paths` are relative to. */
  readonly file: string;
  readonly rules: ReadonlyMap<string, RuleSetting>;
  readonly ignores: readonly string[];
  readonly failOn?: Severity | 'none';
  readonly lang?: Lang;
  readonly paths?: readonly string[];
}

/** The nearest plan.config.yaml at or above `from`, if any. */
export function findConfigFile(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    try {
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    } catch {
      // An unreadable folder on the way up is no config.
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Reads and checks the config file: the config, or its problems as located lines
 * (`file:line:col: message`) for stderr and exit code 2.
 */
export async function readConfig(file: string, lang: Lang): Promise<{ config: PlanConfig } | { problems: string[] }> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { problems: [`${file}:1:1: ${say(lang, 'configUnreadable', { detail: (error as NodeJS.ErrnoException).code ?? 'error' })}`] };
  }
  // An empty file, or one of comments only, sets nothing.
  if (/^\s*(#.*\s*)*$/.test(Buffer.from(bytes).toString('utf8'))) return { config: { file, rules: new Map(), ignores: [] } };
  // The YAML reader, the schemas and the rules load only when there is a config to read: a run without one (a cached rerun) does without them.
  const [{ parseYamlBytes }, { findRule, RULES }, { checkSchema, editDistance }] = await Promise.all([import('./load/yaml-file.js'), import('./rules/index.js'), import('./validate/schema-check.js')]);
  const yaml = parseYamlBytes(file, bytes);
  if (yaml.problems.length > 0) return { problems: yaml.problems.map((p) => `${file}:${p.line}:${p.column}: ${p.message}`) };
  const data = (yaml.data ?? {}) as Record<string, unknown>;
  const at = (pointer: string, atKey = false): string => {
    const { line, column } = yaml.locate(pointer, atKey);
    return `${file}:${line}:${column}`;
  };
  const problems = (await checkSchema('plan-config', data, lang)).map(
    (problem) => `${at(problem.pointer, problem.atKey)}: ${fill(schemaRule.messages[problem.messageId][lang], problem.data)}`,
  );
  const rules = new Map<string, RuleSetting>();
  for (const [id, setting] of Object.entries((data['rules'] ?? {}) as Record<string, RuleSetting>)) {
    const rule = findRule(id);
    const pointer = `/rules/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!rule) {
      const suggestion = RULES.map((r) => r.id).sort((a, b) => editDistance(id, a) - editDistance(id, b))[0] ?? '';
      problems.push(`${at(pointer, true)}: ${say(lang, 'configUnknownRule', { id, suggestion })}`);
    } else if (rule.stage === 'read' && setting !== 'error') {
      // A file that cannot be read or does not match its schema cannot be audited: these stay errors.
      problems.push(`${at(pointer)}: ${say(lang, 'configReadRule', { id })}`);
    } else rules.set(id, setting);
  }
  if (problems.length > 0) return { problems };
  return {
    config: {
      file,
      rules,
      ignores: (data['ignores'] as string[] | undefined) ?? [],
      ...(data['failOn'] === undefined ? {} : { failOn: data['failOn'] as PlanConfig['failOn'] & string }),
      ...(data['lang'] === undefined ? {} : { lang: data['lang'] as Lang }),
      ...(data['paths'] === undefined ? {} : { paths: (data['paths'] as string[]).map((path) => join(dirname(file), path)) }),
    },
  };
}

/** The run without the findings of ignored paths, and without ignored plans. */
export function withoutIgnored(result: RunResult, config: Pick<PlanConfig, 'ignores' | 'file'>): RunResult {
  if (config.ignores.length === 0) return result;
  const root = dirname(config.file);
  const isIgnored = loadPicomatch()([...config.ignores], { dot: true });
  const ignored = (path: string): boolean => {
    const rel = relative(root, resolve(path));
    return !rel.startsWith('..') && (isIgnored(rel) || isIgnored(`${rel}/`));
  };
  const kept = (findings: readonly Finding[]): Finding[] => findings.filter((f) => !f.locations[0] || !ignored(f.locations[0].file));
  return {
    inputFindings: kept(result.inputFindings),
    plans: result.plans.filter((plan) => !ignored(plan.dir)).map((plan) => ({ ...plan, findings: kept(plan.findings) })),
  };
}

/**
 * The config that applies to a command run from the working folder: none when there is no file,
 * undefined (its problems written to stderr, exit code 2) when it is broken.
 */
export async function configForRun(stderr: (text: string) => void, lang: Lang, from = process.cwd()): Promise<{ config?: PlanConfig } | undefined> {
  const file = findConfigFile(from);
  if (file === undefined) return {};
  const read = await readConfig(file, lang);
  if ('problems' in read) {
    for (const problem of read.problems) stderr(`${problem}\n`);
    return undefined;
  }
  return read;
}
