import { Command, CommanderError, Option } from 'commander';
import type { CheckOptions } from './commands/audit.js';
import type { DiffCommandOptions } from './commands/diff.js';
import type { ExportOptions } from './commands/export.js';
import type { ReviewCommandOptions } from './commands/review.js';
import type { ViewOptions } from './commands/view.js';
import { FORMAT_NAMES } from './formatters/index.js';
import { type CommandContext, DEFAULT_PATH, EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, emit, FAIL_LEVELS, type Io, languageFrom, packageVersion, terminalWidth } from './io/command-io.js';
import { debugging, setDebug } from './debug.js';
import type { Lang } from './model.js';
import { say, type WordId } from './words.js';

export { type Io, languageFrom } from './io/command-io.js';

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
  const text = say(lang, word, { detail: quoted[0] ?? error.message, value: quoted[1] ?? '', choices });
  // Commander's own suggestion for a misspelt command or option, worded in the user's language.
  const suggestion = /\(Did you mean (.+)\?\)/.exec(error.message)?.[1];
  return suggestion === undefined ? text : `${text}; ${say(lang, 'didYouMean', { suggestion })}`;
}

/**
 * Runs `plan` with the given arguments (without `node` and the script) and returns the exit
 * code. Never calls process.exit and never throws: bad input and internal errors come back
 * as messages and exit code 2.
 */
export async function main(given: readonly string[], io: Io): Promise<number> {
  let exitCode = EXIT_OK;
  // `--debug` anywhere: a property of this run, whatever the command (internal errors show their stack).
  const argv = given.filter((arg) => arg !== '--debug');
  setDebug(argv.length < given.length || Boolean(io.env['PLAN_DEBUG']));
  const version = packageVersion();
  const lang = languageFrom(io.env, langArgument(argv));
  const word = (id: WordId, params?: Readonly<Record<string, string | number>>): string => say(lang, id, params);
  const program = new Command('plan')
    .description(word('programDescription'))
    .version(version, '-V, --version', word('versionOption'))
    .helpOption('-h, --help', word('helpOption'))
    .helpCommand('help [command]', word('helpCommand'))
    .option('--debug', word('debugOption'))
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
      .option('--show-reviewed', word('showReviewedOption'))
      .addOption(new Option('-j, --jobs <n>', word('jobsOption')).argParser(parseInteger))
      .option('--cache', word('cacheOption'))
      .option('--cache-location <path>', word('cacheLocationOption'))
      .addOption(new Option('--cache-strategy <strategy>', word('cacheStrategyOption')).choices(['metadata', 'content']).default('metadata'))
      .option('--since <revision>', word('sinceOption'))
      .option('--repository-url <url>', word('repositoryUrlOption'))
      .option('--commit <sha>', word('commitOption'))
      .argument('[paths...]', word('pathsArgument', { default: DEFAULT_PATH }));

  const context: CommandContext = { io, version };
  const check = async (paths: string[], options: CheckOptions, command: 'validate' | 'audit'): Promise<number> => {
    const { checkCommand } = await import('./commands/audit.js');
    return checkCommand(paths, options, command, context);
  };
  const view = async (paths: readonly string[], options: ViewOptions, render: Parameters<typeof import('./commands/view.js').runView>[3]): Promise<number> => {
    const { runView } = await import('./commands/view.js');
    return runView(paths, options, context, render);
  };

  reportOptions(program.command('validate').description(word('validateDescription')), FORMAT_NAMES)
    .addOption(new Option('-q, --quiet', word('quietOption')))
    .action(async (paths: string[], options: CheckOptions) => {
      exitCode = await check(paths, { ...options, failOn: 'error' }, 'validate');
    });

  reportOptions(program.command('audit').description(word('auditDescription')), FORMAT_NAMES)
    .addOption(new Option('--fail-on <severity>', word('failOnOption')).choices([...FAIL_LEVELS, 'none']))
    .addOption(new Option('--max-warnings <n>', word('maxWarningsOption')).argParser(parseInteger))
    .option('-r, --rule <ids>', word('ruleOption'), collect)
    .addOption(new Option('-q, --quiet', word('quietOption')))
    .option('--fail-on-reviewed', word('failOnReviewedOption'))
    .option('--keep <dir>', word('keepOption'))
    .action(async (paths: string[], options: CheckOptions) => {
      exitCode = await check(paths, options, 'audit');
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
      exitCode = await diffCommand(base ?? 'HEAD', head, options, { lang, version, defaultPath: DEFAULT_PATH }, io, (text, result) =>
        emit(io, text, options.output, result.plans.map((plan) => plan.dir), lang),
      );
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
    .action(async (options: { format: 'text' | 'json'; lang?: Lang }) => {
      const { rulesCommand } = await import('./commands/rules.js');
      exitCode = rulesCommand(options, context);
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
      const { coverageCommand } = await import('./commands/coverage.js');
      exitCode = await coverageCommand(paths, options, context);
    });

  program
    .command('export')
    .description(word('exportDescription'))
    .helpOption('-h, --help', word('helpOption'))
    .argument('[path]', word('pathArgument', { default: DEFAULT_PATH }))
    .addOption(new Option('-f, --format <format>', word('formatOption')).choices(['json', 'csv']).default('json'))
    .addOption(new Option('--lang <lang>', word('langOption')).choices(['zh', 'en']))
    .option('-o, --output <file>', word('outputOption'))
    .action(async (path: string | undefined, options: ExportOptions) => {
      const { exportCommand } = await import('./commands/export.js');
      exitCode = await exportCommand(path ?? DEFAULT_PATH, options, context);
    });

  const viewOptions = (command: Command, formats: readonly string[]): Command =>
    command
      .helpOption('-h, --help', word('helpOption'))
      .addOption(new Option('-f, --format <format>', word('formatOption')).choices(formats).default(formats[0]))
      .addOption(new Option('--lang <lang>', word('langOption')).choices(['zh', 'en']))
      .option('-o, --output <file>', word('outputOption'));

  viewOptions(program.command('summary').description(word('summaryDescription')), ['text', 'json', 'markdown'])
    .argument('[paths...]', word('pathsArgument', { default: DEFAULT_PATH }))
    .action(async (paths: string[], options: ViewOptions & { format: 'text' | 'json' | 'markdown' }) => {
      const { summaryCommand } = await import('./commands/summary.js');
      exitCode = await view(paths, options, async (input, lang) => ({ output: summaryCommand(input, { format: options.format, lang, version, width: terminalWidth(io) }) }));
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
      exitCode = await view(paths, options, async (input, lang) => ({ output: factsCommand(input, { format: options.format, lang, version, width: terminalWidth(io) }) }));
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
    .command('schemas')
    .description(word('schemasDescription'))
    .helpOption('-h, --help', word('helpOption'))
    .argument('[paths...]', word('pathsArgument', { default: DEFAULT_PATH }))
    .addOption(new Option('--lang <lang>', word('langOption')).choices(['zh', 'en']))
    .option('-o, --output <file>', word('outputOption'))
    .action(async (paths: string[], options: { lang?: Lang; output?: string }) => {
      const { schemasCommand } = await import('./commands/schemas.js');
      exitCode = await schemasCommand(paths, options, context);
    });

  program
    .command('init')
    .description(word('initDescription'))
    .helpOption('-h, --help', word('helpOption'))
    .argument('<folder>', word('initFolderArgument'))
    .requiredOption('--from <file>', word('initFromOption'))
    .option('--explain <dir>', word('initExplainOption'))
    .addOption(new Option('--lang <lang>', word('langOption')).choices(['zh', 'en']))
    .action(async (folder: string, options: { from: string; explain?: string; lang?: Lang }) => {
      const { initCommand } = await import('./commands/init.js');
      exitCode = await initCommand(folder, options.from, languageFrom(io.env, options.lang), io, options.explain);
    });

  program
    .command('lsp')
    .description(word('lspDescription'))
    .helpOption('-h, --help', word('helpOption'))
    .option('--stdio', word('lspStdioOption'))
    .addOption(new Option('--lang <lang>', word('langOption')).choices(['zh', 'en']))
    .action(async (options: { stdio?: boolean; lang?: Lang }) => {
      const { lspCommand } = await import('./commands/lsp.js');
      exitCode = await lspCommand(languageFrom(io.env, options.lang));
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
    io.stderr(`plan: ${say(lang, 'internalErrorReport', { command: ['plan', ...argv].join(' ') })}\n`);
    if (debugging() && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT_INPUT;
  }
}
