import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { coverage, formatCoverage } from './commands/coverage.js';
import { run, UNREADABLE_INPUT_RULES, type RunResult } from './engine.js';
import { FORMAT_NAMES, FORMATTERS, type FormatName } from './formatters/index.js';
import { allFindings, batched, type FormatContext } from './formatters/types.js';
import { describeRefusal, planFolderAround, writeOutput } from './io/output.js';
import type { DiffCommandOptions } from './commands/diff.js';
import type { RepositoryFlags } from './commands/pull-request.js';
import type { ReviewCommandOptions } from './commands/review.js';
import type { Finding, Lang, Severity } from './model.js';
import { expandGlob } from './load/globs.js';
import { findRule, RULES, rulesOf } from './rules/index.js';
import { initCommand } from './commands/init.js';
import { loadForViews, type ViewInput } from './views/load.js';
import { say, type WordId } from './words.js';

/** What the CLI may touch of the outside world; tests pass their own. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** All of standard input, for the path `-`. */
  readStdin?(): Promise<Uint8Array>;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_INPUT = 2;

const DEFAULT_PATH = 'plan-data';
const FAIL_LEVELS: readonly Severity[] = ['error', 'warning', 'info'];
/** `--fail-on`: a severity, or `none` to exit 1 on no finding. */
type FailOn = Severity | 'none';

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

interface AuditOptions extends ReportOptions, RepositoryFlags {
  since?: string;
  failOnReviewed?: boolean;
  failOn: FailOn;
  quiet?: boolean;
  stdinFilename?: string;
  maxWarnings?: number;
  rule?: string[];
  maxFileSize?: number;
}

/**
 * Exit code for a finished run: 2 unreadable input, 1 findings at or above the fail level, else 0.
 * Reviewed findings count only when asked (`--fail-on-reviewed`).
 */
export function exitCodeFor(findings: readonly Finding[], failOn: FailOn, maxWarnings?: number, countReviewed = false): number {
  const active = countReviewed ? findings : findings.filter((f) => !f.review);
  if (active.some((f) => f.severity === 'error' && UNREADABLE_INPUT_RULES.has(f.ruleId))) return EXIT_INPUT;
  if (failOn === 'none') return EXIT_OK;
  const threshold = FAIL_LEVELS.indexOf(failOn);
  if (active.some((f) => FAIL_LEVELS.indexOf(f.severity) <= threshold)) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && active.filter((f) => f.severity === 'warning').length > maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}

/** Writes the report to stdout or `--output` (never into a plan folder: see io/output.ts). */
function emit(io: Io, text: string | Iterable<string>, output: string | undefined, run: RunResult, lang: Lang): boolean {
  const chunks = batched(text);
  if (output === undefined) {
    for (const chunk of chunks) io.stdout(chunk);
    return true;
  }
  const refusal = writeOutput(output, chunks, run.plans.map((plan) => plan.dir));
  if (refusal) io.stderr(describeRefusal(refusal, lang));
  return refusal === undefined;
}

/**
 * Writes files into a folder (made when missing), each through `writeOutput`; refuses a folder
 * in or below a plan folder before making anything. Returns the paths written.
 */
function writeFolder(io: Io, folder: string, files: readonly { name: string; text: string }[], run: RunResult, lang: Lang): string[] | undefined {
  let existing = resolve(folder);
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  const plan = planFolderAround(existing) ?? run.plans.map((p) => resolve(p.dir)).find((dir) => resolve(folder) === dir || resolve(folder).startsWith(`${dir}/`));
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
    const refusal = writeOutput(path, [file.text], run.plans.map((p) => p.dir));
    if (refusal) {
      io.stderr(describeRefusal(refusal, lang));
      return undefined;
    }
    written.push(path);
  }
  return written;
}

interface ViewOptions {
  lang?: Lang;
  output?: string;
}

interface ViewOutput {
  readonly output: string | Iterable<string>;
  readonly exitCode?: number;
}

function parseInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new CommanderError(EXIT_INPUT, 'plan.invalidArgument', value);
  return Number(value);
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').map((id) => id.trim()).filter(Boolean)];
}

/** `--lang` as written anywhere in the arguments, before commander has read them: help is worded in it. */
function langArgument(argv: readonly string[]): string | undefined {
  for (const [index, arg] of argv.entries()) {
    if (arg === '--lang') return argv[index + 1];
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}

const HELP_TITLES: Readonly<Record<string, WordId>> = {
  'Usage:': 'usageTitle',
  'Arguments:': 'argumentsTitle',
  'Options:': 'optionsTitle',
  'Global Options:': 'globalOptionsTitle',
  'Commands:': 'commandsTitle',
};

/** Commander's errors, worded from the catalogue: the quoted names of its English text are kept. */
const PARSER_ERRORS: Readonly<Record<string, WordId>> = {
  'commander.unknownOption': 'unknownOption',
  'commander.unknownCommand': 'unknownCommand',
  'commander.missingArgument': 'missingArgument',
  'commander.optionMissingArgument': 'optionMissingArgument',
  'commander.invalidArgument': 'invalidChoice',
  'commander.excessArguments': 'excessArguments',
};

function parserError(error: CommanderError, lang: Lang): string {
  if (error.code === 'plan.invalidArgument') return say(lang, 'notWholeNumber', { value: error.message });
  const word = PARSER_ERRORS[error.code];
  if (word === undefined) return error.message.replace(/^error: /, '');
  const quoted = [...error.message.matchAll(/'([^']*)'/g)].map((match) => match[1]!);
  const choices = /Allowed choices are (.*)\.$/.exec(error.message)?.[1] ?? '';
  return say(lang, word, { detail: quoted[0] ?? error.message, value: quoted[1] ?? '', choices });
}

/** Paths as given, with globs the shell left unexpanded expanded; undefined (and a message) when one matches nothing. */
function expandPaths(paths: readonly string[], io: Io, lang: Lang): string[] | undefined {
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

/**
 * Runs `plan` with the given arguments (without `node` and the script) and returns the exit
 * code. Never calls process.exit and never throws: bad input and internal errors come back
 * as messages and exit code 2.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = EXIT_OK;
  const version = packageVersion();
  const lang = languageFrom(io.env, langArgument(argv));
  const word = (id: WordId, params?: Readonly<Record<string, string | number>>): string => say(lang, id, params);
  const program = new Command('plan')
    .description(word('programDescription'))
    .version(version, '-V, --version', word('versionOption'))
    .helpOption('-h, --help', word('helpOption'))
    .helpCommand('help [command]', word('helpCommand'))
    .exitOverride()
    .configureHelp({
      styleTitle: (title) => (HELP_TITLES[title] ? word(HELP_TITLES[title]) : title),
      optionDescription: (option) => {
        const extra: string[] = [];
        if (option.argChoices) extra.push(`${word('choices')}${option.argChoices.join(', ')}`);
        if (option.defaultValue !== undefined && !option.negate) extra.push(`${word('defaultValue')}${String(option.defaultValue)}`);
        return extra.length > 0 ? `${option.description} (${extra.join(word('listSeparator'))})` : option.description;
      },
    })
    // Errors are worded from the catalogue when caught below; commander's English is not shown.
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} });

  const reportOptions = (command: Command, formats: readonly string[]): Command =>
    command
      .helpOption('-h, --help', word('helpOption'))
      .addOption(new Option('-f, --format <format>', word('formatOption')).choices(formats).default('text'))
      .addOption(new Option('--lang <lang>', word('langOption')).choices(['zh', 'en']))
      .option('-o, --output <file>', word('outputOption'))
      .option('--no-color', word('noColorOption'))
      .addOption(new Option('--group-by <key>', word('groupByOption')).choices(['file', 'rule']).default('file'))
      .addOption(new Option('--max-file-size <bytes>', word('maxFileSizeOption')).argParser(parseInteger))
      .option('--stdin-filename <path>', word('stdinFilenameOption'))
      .option('--since <revision>', word('sinceOption'))
      .option('--repository-url <url>', word('repositoryUrlOption'))
      .option('--commit <sha>', word('commitOption'))
      .argument('[paths...]', word('pathsArgument', { default: DEFAULT_PATH }));

  const report = async (given: string[], options: AuditOptions, command: 'validate' | 'audit'): Promise<number> => {
    const lang = languageFrom(io.env, options.lang);
    const known = RULES.map((rule) => rule.id).join(', ');
    if (options.rule?.length === 0) {
      io.stderr(`plan: ${say(lang, 'emptyRule')}\n`);
      return EXIT_INPUT;
    }
    const unknown = (options.rule ?? []).filter((id) => !findRule(id));
    if (unknown.length > 0) {
      io.stderr(`plan: ${say(lang, 'unknownRules', { ids: unknown.join(', '), known })}\n`);
      return EXIT_INPUT;
    }
    let stdin: { path: string; bytes: Uint8Array } | undefined;
    const named = given.filter((path) => path !== '-');
    if (named.length < given.length) {
      if (options.stdinFilename === undefined || !io.readStdin) {
        io.stderr(`plan: ${say(lang, 'stdinNeedsFilename')}\n`);
        return EXIT_INPUT;
      }
      stdin = { path: resolve(options.stdinFilename), bytes: await io.readStdin() };
      named.push(dirname(options.stdinFilename));
    }
    const paths = expandPaths(named.length > 0 ? named : [DEFAULT_PATH], io, lang);
    if (!paths) return EXIT_INPUT;
    const result = await run(paths, {
      lang,
      audit: command === 'audit',
      ...(options.rule ? { only: new Set(options.rule) } : {}),
      ...(options.maxFileSize === undefined ? {} : { maxFileBytes: options.maxFileSize }),
      ...(stdin ? { stdin } : {}),
    });
    const shown = options.quiet ? quietRun(result) : result;
    const findings = allFindings(shown);
    // The pull-request machinery (git, the CI's variables) is loaded only for the formats and options that use it.
    const forPullRequests = options.since !== undefined || ['sarif', 'github', 'markdown'].includes(options.format);
    const pr = forPullRequests ? await import('./commands/pull-request.js') : undefined;
    const since = pr && options.since !== undefined ? await pr.sinceRevision(options.since, paths, lang, findings, options.rule ? new Set(options.rule) : undefined) : undefined;
    if (since && 'error' in since) {
      io.stderr(`${pr!.sideErrorMessage(since, lang)}\n`);
      return EXIT_INPUT;
    }
    const context: FormatContext = {
      lang,
      color: options.color !== false && options.output === undefined && io.isTTY && !io.env['NO_COLOR'],
      version,
      command,
      rules: command === 'audit' ? RULES : rulesOf('read'),
      groupBy: options.groupBy,
      ...(pr ? { repository: pr.repositoryContext(io.env, options) } : {}),
      ...(since ? { comparison: since.comparison, changedLines: since.changed } : {}),
    };
    const report = { run: shown, findings };
    const text = (await FORMATTERS[options.format]())(report, context);
    if (!emit(io, text, options.output, result, lang)) return EXIT_INPUT;
    if (pr && options.format === 'github' && !pr.writeStepSummary(io.env, String((await FORMATTERS.markdown())(report, context)))) {
      io.stderr(`plan: ${say(lang, 'stepSummaryUnwritable')}\n`);
    }
    // With --since only what the change brought counts (and input that cannot be read).
    const counted = since ? findings.filter((f) => since.comparison.state.get(f) === 'new' || UNREADABLE_INPUT_RULES.has(f.ruleId)) : findings;
    return exitCodeFor(counted, options.failOn, options.quiet ? undefined : options.maxWarnings, options.failOnReviewed === true);
  };

  reportOptions(program.command('validate').description(word('validateDescription')), FORMAT_NAMES)
    .addOption(new Option('-q, --quiet', word('quietOption')))
    .action(async (paths: string[], options: AuditOptions) => {
      exitCode = await report(paths, { ...options, failOn: 'error' }, 'validate');
    });

  reportOptions(program.command('audit').description(word('auditDescription')), FORMAT_NAMES)
    .addOption(new Option('--fail-on <severity>', word('failOnOption')).choices([...FAIL_LEVELS, 'none']).default('error'))
    .addOption(new Option('--max-warnings <n>', word('maxWarningsOption')).argParser(parseInteger))
    .option('-r, --rule <ids>', word('ruleOption'), collect)
    .addOption(new Option('-q, --quiet', word('quietOption')))
    .option('--fail-on-reviewed', word('failOnReviewedOption'))
    .action(async (paths: string[], options: AuditOptions) => {
      exitCode = await report(paths, options, 'audit');
    });

  program
    .command('diff')
    .description(word('diffDescription'))
    .helpOption('-h, --help', word('helpOption'))
    .argument('[base]', word('diffBaseArgument'))
    .argument('[head]', word('diffHeadArgument'))
    .addOption(new Option('-f, --format <format>', word('formatOption')).choices(['text', 'json', 'markdown', 'github']).default('text'))
    .addOption(new Option('--lang <lang>', word('langOption')).choices(['zh', 'en']))
    .option('-o, --output <file>', word('outputOption'))
    .option('--path <dir>', word('diffPathOption', { default: DEFAULT_PATH }))
    .option('-p, --plan <ids>', word('diffPlanOption'), collect)
    .addOption(new Option('--fail-on <severity>', word('diffFailOnOption')).choices([...FAIL_LEVELS, 'none']).default('error'))
    .option('--fail-on-reviewed', word('failOnReviewedOption'))
    .option('--repository-url <url>', word('repositoryUrlOption'))
    .option('--commit <sha>', word('commitOption'))
    .action(async (base: string | undefined, head: string | undefined, options: DiffCommandOptions & { lang?: Lang }) => {
      const lang = languageFrom(io.env, options.lang);
      const { diffCommand } = await import('./commands/diff.js');
      exitCode = await diffCommand(base ?? 'HEAD', head, options, { lang, version, defaultPath: DEFAULT_PATH }, io, (text, result) => emit(io, text, options.output, result, lang));
    });

  program
    .command('review')
    .description(word('reviewDescription'))
    .helpOption('-h, --help', word('helpOption'))
    .argument('[paths...]', word('pathsArgument', { default: DEFAULT_PATH }))
    .option('--all', word('reviewAllOption'))
    .option('-r, --rule <ids>', word('reviewRuleOption'), collect)
    .option('--prune', word('reviewPruneOption'))
    .addOption(new Option('--verdict <verdict>', word('reviewVerdictOption')).choices(['as-printed', 'not-an-error']).default('as-printed'))
    .option('--reason <text>', word('reviewReasonOption'))
    .option('--quote <text>', word('reviewQuoteOption'))
    .addOption(new Option('--lang <lang>', word('langOption')).choices(['zh', 'en']))
    .action(async (paths: string[], options: ReviewCommandOptions & { lang?: Lang }) => {
      const { reviewCommand } = await import('./commands/review.js');
      exitCode = await reviewCommand(paths.length > 0 ? paths : [DEFAULT_PATH], options, languageFrom(io.env, options.lang), io);
    });

  program
    .command('rules')
    .description(word('rulesDescription'))
    .helpOption('-h, --help', word('helpOption'))
    .addOption(new Option('-f, --format <format>', word('formatOption')).choices(['text', 'json']).default('text'))
    .addOption(new Option('--lang <lang>', word('langOption')).choices(['zh', 'en']))
    .action((options: { format: 'text' | 'json'; lang?: Lang }) => {
      const lang = languageFrom(io.env, options.lang);
      const rules = RULES.map((rule) => ({ id: rule.id, severity: rule.severity, stage: rule.stage, description: rule.description[lang] }));
      if (options.format === 'json') io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
      else {
        const width = Math.max(...rules.map((rule) => rule.id.length));
        io.stdout(rules.map((rule) => `${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.stage.padEnd(5)}  ${rule.description}\n`).join(''));
      }
    });

  program
    .command('coverage')
    .description(word('coverageDescription'))
    .helpOption('-h, --help', word('helpOption'))
    .argument('[paths...]', word('pathsArgument', { default: DEFAULT_PATH }))
    .addOption(new Option('-f, --format <format>', word('formatOption')).choices(['text', 'json']).default('text'))
    .addOption(new Option('--lang <lang>', word('langOption')).choices(['zh', 'en']))
    .addOption(new Option('--max-file-size <bytes>', word('maxFileSizeOption')).argParser(parseInteger))
    .action(async (paths: string[], options: { format: 'text' | 'json'; lang?: Lang; maxFileSize?: number }) => {
      const lang = languageFrom(io.env, options.lang);
      const result = await coverage(paths.length > 0 ? paths : [DEFAULT_PATH], { lang, ...(options.maxFileSize === undefined ? {} : { maxFileBytes: options.maxFileSize }) });
      const findings = allFindings(result.run);
      const blocking = findings.filter((f) => f.severity === 'error');
      if (blocking.length > 0) {
        const context: FormatContext = { lang, color: false, version, command: 'validate', rules: rulesOf('read'), groupBy: 'file' };
        for (const chunk of batched((await FORMATTERS.text())({ run: result.run, findings: blocking }, context))) io.stderr(chunk);
      }
      if (options.format === 'json') io.stdout(`${JSON.stringify({ version, plans: result.plans }, null, 2)}\n`);
      else io.stdout(formatCoverage(result, lang));
      exitCode = exitCodeFor(blocking, 'error');
    });

  program
    .command('export')
    .description(word('exportDescription'))
    .helpOption('-h, --help', word('helpOption'))
    .argument('[path]', word('pathArgument', { default: DEFAULT_PATH }))
    .addOption(new Option('-f, --format <format>', word('formatOption')).choices(['json', 'csv']).default('json'))
    .addOption(new Option('--lang <lang>', word('langOption')).choices(['zh', 'en']))
    .option('-o, --output <file>', word('outputOption'))
    .action(async (path: string | undefined, options: { format: 'json' | 'csv'; lang?: Lang; output?: string }) => {
      if (options.format === 'csv') exitCode = await exportCsv(path ?? DEFAULT_PATH, options);
      else exitCode = await exportPlan(path ?? DEFAULT_PATH, options, io, version);
    });

  /** Audits the plans for a view; a plan that cannot be audited is reported on stderr and the view is not printed. */
  const view = async (given: readonly string[], options: ViewOptions, render: (input: ViewInput, lang: Lang) => Promise<ViewOutput>): Promise<number> => {
    const lang = languageFrom(io.env, options.lang);
    const paths = expandPaths(given.length > 0 ? given : [DEFAULT_PATH], io, lang);
    if (!paths) return EXIT_INPUT;
    const input = await loadForViews(paths, lang);
    if (!input.complete) {
      const unaudited = [...input.run.inputFindings, ...input.run.plans.filter((plan) => !plan.audited).flatMap((plan) => plan.findings)];
      const context: FormatContext = { lang, color: false, version, command: 'validate', rules: rulesOf('read'), groupBy: 'file' };
      for (const chunk of batched((await FORMATTERS.text())({ run: input.run, findings: unaudited }, context))) io.stderr(chunk);
      return exitCodeFor(unaudited, 'error') || EXIT_INPUT;
    }
    const { output, exitCode: code = EXIT_OK } = await render(input, lang);
    return emit(io, output, options.output, input.run, lang) ? code : EXIT_INPUT;
  };
  const viewOptions = (command: Command, formats: readonly string[]): Command =>
    command
      .helpOption('-h, --help', word('helpOption'))
      .addOption(new Option('-f, --format <format>', word('formatOption')).choices(formats).default(formats[0]))
      .addOption(new Option('--lang <lang>', word('langOption')).choices(['zh', 'en']))
      .option('-o, --output <file>', word('outputOption'));

  /** CSV files into a folder: the plan is audited so the findings are among the tables. */
  const exportCsv = async (path: string, options: ViewOptions): Promise<number> => {
    const lang = languageFrom(io.env, options.lang);
    const folder = options.output;
    if (folder === undefined) {
      io.stderr(`plan: ${say(lang, 'csvNeedsOutput')}\n`);
      return EXIT_INPUT;
    }
    return view([path], { ...(options.lang === undefined ? {} : { lang: options.lang }) }, async (input) => {
      if (input.plans.length > 1) {
        io.stderr(`plan: ${say(lang, 'exportOnePlan')}\n`);
        return { output: '', exitCode: EXIT_INPUT };
      }
      const { csvFiles } = await import('./commands/export-csv.js');
      const written = writeFolder(io, folder, csvFiles(input, lang, process.cwd()), input.run, lang);
      return written ? { output: written.map((file) => `${file}\n`).join('') } : { output: '', exitCode: EXIT_INPUT };
    });
  };

  viewOptions(program.command('summary').description(word('summaryDescription')), ['text', 'json', 'markdown'])
    .argument('[paths...]', word('pathsArgument', { default: DEFAULT_PATH }))
    .action(async (paths: string[], options: ViewOptions & { format: 'text' | 'json' | 'markdown' }) => {
      const { summaryCommand } = await import('./commands/summary.js');
      exitCode = await view(paths, options, async (input, lang) => ({ output: summaryCommand(input, { format: options.format, lang, version }) }));
    });

  viewOptions(program.command('trace').description(word('traceDescription')), ['text', 'json'])
    .argument('<query...>', word('queryArgument'))
    .option('-p, --plan <path>', word('planOption', { default: DEFAULT_PATH }), collect)
    .action(async (words: string[], options: ViewOptions & { format: 'text' | 'json'; plan?: string[] }) => {
      const { traceCommand } = await import('./commands/trace.js');
      exitCode = await view(options.plan ?? [], options, async (input, lang) => {
        const { output, found } = traceCommand(input, { query: words.join(' '), format: options.format, lang, version });
        return { output, exitCode: found ? EXIT_OK : EXIT_FINDINGS };
      });
    });

  viewOptions(program.command('facts').description(word('factsDescription')), ['text', 'json', 'markdown'])
    .argument('[paths...]', word('pathsArgument', { default: DEFAULT_PATH }))
    .action(async (paths: string[], options: ViewOptions & { format: 'text' | 'json' | 'markdown' }) => {
      const { factsCommand } = await import('./commands/facts.js');
      exitCode = await view(paths, options, async (input, lang) => ({ output: factsCommand(input, { format: options.format, lang, version }) }));
    });

  viewOptions(program.command('report').description(word('reportDescription')), ['html'])
    .argument('[paths...]', word('pathsArgument', { default: DEFAULT_PATH }))
    .action(async (paths: string[], options: ViewOptions) => {
      const { reportCommand } = await import('./commands/report.js');
      // Chinese unless asked otherwise: the report is for the plan's own readers.
      const lang = options.lang ?? 'zh';
      exitCode = await view(paths, { ...options, lang }, async (input) => ({ output: reportCommand(input, { lang, version, generatedAt: new Date().toISOString() }) }));
    });

  program
    .command('init')
    .description(word('initDescription'))
    .helpOption('-h, --help', word('helpOption'))
    .argument('<folder>', word('initFolderArgument'))
    .requiredOption('--from <file>', word('initFromOption'))
    .addOption(new Option('--lang <lang>', word('langOption')).choices(['zh', 'en']))
    .action((folder: string, options: { from: string; lang?: Lang }) => {
      exitCode = initCommand(folder, options.from, languageFrom(io.env, options.lang), io);
    });

  // No command: the help, on stdout, and exit 2, as for any other incomplete command line.
  if (argv.length === 0) {
    io.stdout(program.helpInformation());
    return EXIT_INPUT;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT_OK;
      io.stderr(`plan: ${parserError(error, lang)} ${word('seeHelp')}\n`);
      return EXIT_INPUT;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`plan: ${say(lang, 'internalError', { detail: message })}\n`);
    if (io.env['PLAN_DEBUG'] && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT_INPUT;
  }
}

/** With `--quiet`: the run with its errors only. */
function quietRun(result: RunResult): RunResult {
  const errorsOnly = (findings: readonly Finding[]): Finding[] => findings.filter((finding) => finding.severity === 'error');
  return {
    inputFindings: errorsOnly(result.inputFindings),
    plans: result.plans.map((plan) => ({ ...plan, findings: errorsOnly(plan.findings) })),
  };
}

/** Keys whose numbers are figures or amounts: the export keeps their printed text (`3.0`) beside the value. */
const PRINTED_KEYS = new Set(['value', 'valueMax', 'investment', 'subtotal', 'total']);

function withPrintedNumbers(data: unknown, pointer: string, printed: (pointer: string, value: number) => string | undefined): unknown {
  if (Array.isArray(data)) return data.map((item, index) => withPrintedNumbers(item, `${pointer}/${index}`, printed));
  if (data === null || typeof data !== 'object') return data;
  // Keys are data: with no prototype, a key named __proto__ is a key like any other.
  const result = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(data)) {
    const child = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    result[key] = withPrintedNumbers(value, child, printed);
    if (typeof value === 'number' && PRINTED_KEYS.has(key)) result[`${key}Text`] = printed(child, value) ?? String(value);
  }
  return result;
}

async function exportPlan(path: string, options: { lang?: Lang; output?: string }, io: Io, version: string): Promise<number> {
  const lang = languageFrom(io.env, options.lang);
  // One read: what is exported is exactly what was validated, even if a file changes meanwhile.
  const result = await run([path], { lang, audit: false, keepData: true });
  const findings = allFindings(result);
  const blocking = findings.filter((f) => f.severity === 'error');
  const [plan] = result.plans;
  if (result.plans.length !== 1 || blocking.length > 0 || !plan?.data) {
    const context: FormatContext = { lang, color: false, version, command: 'validate', rules: rulesOf('read'), groupBy: 'file' };
    for (const chunk of batched((await FORMATTERS.text())({ run: result, findings }, context))) io.stderr(chunk);
    if (result.plans.length > 1) {
      io.stderr(`plan: ${say(lang, 'exportOnePlan')}\n`);
      return EXIT_INPUT;
    }
    return exitCodeFor(findings, 'error') || EXIT_INPUT;
  }
  const files: Record<string, unknown> = {};
  for (const [kind, data] of plan.data) {
    const printed = plan.printed?.get(kind);
    files[kind] = printed ? withPrintedNumbers(data, '', printed) : data;
  }
  const document = { version, id: plan.id, dir: plan.dir, ...files };
  return emit(io, `${JSON.stringify(document, null, 2)}\n`, options.output, result, lang) ? EXIT_OK : EXIT_INPUT;
}
