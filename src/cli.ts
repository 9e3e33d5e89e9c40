import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { run, UNREADABLE_INPUT_RULES, type RunResult } from './engine.js';
import { FORMAT_NAMES, FORMATTERS, type FormatName } from './formatters/index.js';
import { allFindings, batched, type FormatContext } from './formatters/types.js';
import { findPlanFolders, readPlanFolder } from './load/plan-folder.js';
import type { Finding, Lang, Severity } from './model.js';
import { findRule, RULES, rulesOf } from './rules/index.js';

/** What the CLI may touch of the outside world; tests pass their own. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_INPUT = 2;

const DEFAULT_PATH = 'plan-data';
const FAIL_LEVELS: readonly Severity[] = ['error', 'warning', 'info'];

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
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

interface ReportOptions {
  format: FormatName;
  lang?: Lang;
  output?: string;
  color?: boolean;
  groupBy: 'file' | 'rule';
}

interface AuditOptions extends ReportOptions {
  failOn: Severity;
  maxWarnings?: number;
  rule?: string[];
  maxFileSize?: number;
}

/** Exit code for a finished run: 2 unreadable input, 1 findings at or above the fail level, else 0. */
export function exitCodeFor(findings: readonly Finding[], failOn: Severity, maxWarnings?: number): number {
  const active = findings.filter((f) => !f.suppressed);
  if (active.some((f) => f.severity === 'error' && UNREADABLE_INPUT_RULES.has(f.ruleId))) return EXIT_INPUT;
  const threshold = FAIL_LEVELS.indexOf(failOn);
  if (active.some((f) => FAIL_LEVELS.indexOf(f.severity) <= threshold)) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && active.filter((f) => f.severity === 'warning').length > maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}

function planDirs(run: RunResult): string[] {
  return run.plans.map((plan) => resolve(plan.dir));
}

/** Writes the report to stdout or `--output`; refuses to write inside a plan folder. */
function emit(io: Io, text: string | Iterable<string>, output: string | undefined, run: RunResult, lang: Lang): boolean {
  const chunks = batched(text);
  if (output === undefined) {
    for (const chunk of chunks) io.stdout(chunk);
    return true;
  }
  const target = resolve(output);
  if (planDirs(run).some((dir) => target.startsWith(`${dir}${sep}`))) {
    io.stderr(lang === 'zh' ? `plan: 不会写入规划文件夹：${output}\n` : `plan: refusing to write inside a plan folder: ${output}\n`);
    return false;
  }
  let descriptor: number | undefined;
  try {
    descriptor = openSync(target, 'w');
    for (const chunk of chunks) writeSync(descriptor, chunk);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    io.stderr(lang === 'zh' ? `plan: 无法写入 ${output}（${code}）\n` : `plan: cannot write ${output} (${code})\n`);
    return false;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

function parseInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new CommanderError(EXIT_INPUT, 'plan.invalidArgument', `not a whole number: ${value}`);
  return Number(value);
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').map((id) => id.trim()).filter(Boolean)];
}

/**
 * Runs `plan` with the given arguments (without `node` and the script) and returns the exit
 * code. Never calls process.exit and never throws: bad input and internal errors come back
 * as messages and exit code 2.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = EXIT_OK;
  const version = packageVersion();
  const program = new Command('plan')
    .description('Turns a published development plan into data and audits it. / 将规划文本转为数据并审核其一致性。')
    .version(version, '-v, --version')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(text) });

  const reportOptions = (command: Command, formats: readonly string[]): Command =>
    command
      .addOption(new Option('-f, --format <format>', 'output format').choices(formats).default('text'))
      .addOption(new Option('--lang <lang>', 'message language (default from LANG)').choices(['zh', 'en']))
      .option('-o, --output <file>', 'write the report to a file instead of stdout')
      .option('--no-color', 'no ANSI colour even on a terminal')
      .addOption(new Option('--group-by <key>', 'text format: group findings by').choices(['file', 'rule']).default('file'))
      .addOption(new Option('--max-file-size <bytes>', 'refuse data files larger than this').argParser(parseInteger));

  const report = async (paths: string[], options: AuditOptions, command: 'validate' | 'audit'): Promise<number> => {
    const lang = languageFrom(io.env, options.lang);
    const unknown = (options.rule ?? []).filter((id) => !findRule(id));
    if (unknown.length > 0) {
      io.stderr(`plan: unknown rule: ${unknown.join(', ')} (see 'plan rules')\n`);
      return EXIT_INPUT;
    }
    const result = await run(paths.length > 0 ? paths : [DEFAULT_PATH], {
      lang,
      audit: command === 'audit',
      ...(options.rule && options.rule.length > 0 ? { only: new Set(options.rule) } : {}),
      ...(options.maxFileSize === undefined ? {} : { maxFileBytes: options.maxFileSize }),
    });
    const findings = allFindings(result);
    const context: FormatContext = {
      lang,
      color: options.color !== false && options.output === undefined && io.isTTY && !io.env['NO_COLOR'],
      version,
      command,
      rules: command === 'audit' ? RULES : rulesOf('read'),
      groupBy: options.groupBy,
    };
    const text = (await FORMATTERS[options.format]())({ run: result, findings }, context);
    if (!emit(io, text, options.output, result, lang)) return EXIT_INPUT;
    return exitCodeFor(findings, options.failOn, options.maxWarnings);
  };

  reportOptions(program.command('validate').description('check the plan data files against the schemas / 按模式校验规划数据文件'), FORMAT_NAMES)
    .argument('[paths...]', `plan folders or folders of plans (default: ${DEFAULT_PATH})`)
    .action(async (paths: string[], options: AuditOptions) => {
      exitCode = await report(paths, { ...options, failOn: 'error' }, 'validate');
    });

  reportOptions(program.command('audit').description('validate, then find every inconsistency in the plan / 校验并审核规划的前后一致性'), FORMAT_NAMES)
    .argument('[paths...]', `plan folders or folders of plans (default: ${DEFAULT_PATH})`)
    .addOption(new Option('--fail-on <severity>', 'exit 1 on findings at or above this severity').choices(FAIL_LEVELS).default('error'))
    .addOption(new Option('--max-warnings <n>', 'exit 1 when there are more warnings than this').argParser(parseInteger))
    .option('-r, --rule <ids>', 'run only these rules (repeatable or comma-separated)', collect)
    .action(async (paths: string[], options: AuditOptions) => {
      exitCode = await report(paths, options, 'audit');
    });

  program
    .command('rules')
    .description('list every rule with its id, severity and description / 列出全部规则')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('--lang <lang>', 'description language (default from LANG)').choices(['zh', 'en']))
    .action((options: { format: 'text' | 'json'; lang?: Lang }) => {
      const lang = languageFrom(io.env, options.lang);
      const rules = RULES.map((rule) => ({
        id: rule.id,
        severity: rule.severity,
        stage: rule.stage,
        description: rule.description[lang],
      }));
      if (options.format === 'json') io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
      else {
        const width = Math.max(...rules.map((rule) => rule.id.length));
        io.stdout(rules.map((rule) => `${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.description}\n`).join(''));
      }
    });

  program
    .command('export')
    .description('print the whole loaded plan as one JSON document / 以 JSON 输出整个规划')
    .argument('[path]', `a plan folder (default: the only plan under ${DEFAULT_PATH})`)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json']).default('json'))
    .addOption(new Option('--lang <lang>', 'message language (default from LANG)').choices(['zh', 'en']))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(async (path: string | undefined, options: { lang?: Lang; output?: string }) => {
      exitCode = await exportPlan(path ?? DEFAULT_PATH, options, io, version);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT_OK;
      if (error.code === 'plan.invalidArgument') io.stderr(`plan: ${error.message}\n`);
      return EXIT_INPUT;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`plan: internal error: ${message}\n`);
    if (io.env['PLAN_DEBUG'] && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT_INPUT;
  }
}

async function exportPlan(path: string, options: { lang?: Lang; output?: string }, io: Io, version: string): Promise<number> {
  const lang = languageFrom(io.env, options.lang);
  const result = await run([path], { lang, audit: false });
  const findings = allFindings(result);
  const blocking = findings.filter((f) => f.severity === 'error');
  if (result.plans.length !== 1 || blocking.length > 0) {
    const context: FormatContext = { lang, color: false, version, command: 'validate', rules: rulesOf('read'), groupBy: 'file' };
    for (const chunk of batched((await FORMATTERS.text())({ run: result, findings }, context))) io.stderr(chunk);
    if (result.plans.length > 1) {
      io.stderr(lang === 'zh' ? 'plan: export 一次只导出一个规划；请指定其文件夹\n' : 'plan: export takes one plan; name its folder\n');
      return EXIT_INPUT;
    }
    return exitCodeFor(findings, 'error') || EXIT_INPUT;
  }
  const [dir] = findPlanFolders([path]).dirs;
  const { folder } = readPlanFolder(dir!);
  const files: Record<string, unknown> = {};
  for (const [kind, file] of folder.files) files[kind] = file.data;
  const document = { version, id: result.plans[0]!.id, dir: folder.dir, ...files };
  return emit(io, `${JSON.stringify(document, null, 2)}\n`, options.output, result, lang) ? EXIT_OK : EXIT_INPUT;
}
