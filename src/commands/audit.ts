/** `plan validate` and `plan audit`: run the rules on plan folders and print the findings. */
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { type Cache, DEFAULT_CACHE_FILE } from '../cache.js';
import { describeRefusal, planFolderAround } from '../io/output.js';
import { openRunCache, run, type RunOptions, type RunResult } from '../engine.js';
import { FORMATTERS, type FormatName, PARTED_FORMATS } from '../formatters/index.js';
import { addTallies, allFindings, type FormatContext, type PartContext, type PartedFormat, type PlanOutline, type Tally, tallyOf } from '../formatters/types.js';
import { type CommandContext, colorWanted, DEFAULT_PATH, EXIT_INPUT, emit, exitCodeFor, exitCodeOf, expandPaths, type FailOn, languageFrom, terminalWidth } from '../io/command-io.js';
import type { Finding, Lang } from '../model.js';
import type { RepositoryFlags } from './pull-request.js';
import { UNREADABLE_INPUT_RULES } from '../rules/input.js';
import { configForRun, type PlanConfig, withoutIgnored } from '../config.js';
import { DEFAULT_MAX_FILE_BYTES } from '../load/find-plans.js';
import { say } from '../words.js';
import { isDocument } from './document-path.js';

export interface CheckOptions extends RepositoryFlags {
  format: FormatName;
  lang?: Lang;
  output?: string;
  color?: boolean;
  groupBy: 'file' | 'rule';
  since?: string;
  failOnReviewed?: boolean;
  /** Absent: plan.config.yaml's `failOn`, else error. */
  failOn?: FailOn;
  quiet?: boolean;
  stdinFilename?: string;
  showReviewed?: boolean;
  maxWarnings?: number;
  rule?: string[];
  maxFileSize?: number;
  /** `plan audit <document>`: keep the draft in this new folder. */
  keep?: string;
  jobs?: number;
  cache?: boolean;
  cacheLocation?: string;
  cacheStrategy?: 'metadata' | 'content';
}

/** Validates (and, for `audit`, audits) the plans the paths name and prints the report; returns the exit code. */
export async function checkCommand(given: readonly string[], options: CheckOptions, command: 'validate' | 'audit', context: CommandContext): Promise<number> {
  const { io } = context;
  const settings = await configForRun(io.stderr, languageFrom(io.env, options.lang));
  if (!settings) return EXIT_INPUT;
  const { config } = settings;
  const lang = languageFrom(io.env, options.lang ?? config?.lang);
  const failOn = options.failOn ?? config?.failOn ?? 'error';
  if (options.rule?.length === 0) {
    io.stderr(`plan: ${say(lang, 'emptyRule')}\n`);
    return EXIT_INPUT;
  }
  // The rules are loaded to check the ids given, else only when a plan is run.
  const registry = options.rule ? await import('../rules/index.js') : undefined;
  const unknown = (options.rule ?? []).filter((id) => !registry?.findRule(id));
  if (registry && unknown.length > 0) {
    io.stderr(`plan: ${say(lang, 'unknownRules', { ids: unknown.join(', '), known: registry.RULES.map((rule) => rule.id).join(', ') })}\n`);
    return EXIT_INPUT;
  }
  let stdin: { path: string; bytes: Uint8Array } | undefined;
  const named = given.filter((path) => path !== '-');
  if (options.stdinFilename !== undefined && named.length === given.length) {
    io.stderr(`plan: ${say(lang, 'stdinFilenameNeedsDash')}\n`);
    return EXIT_INPUT;
  }
  if (named.length < given.length) {
    if (options.stdinFilename === undefined || !io.readStdin) {
      io.stderr(`plan: ${say(lang, 'stdinNeedsFilename')}\n`);
      return EXIT_INPUT;
    }
    const maxBytes = options.maxFileSize ?? DEFAULT_MAX_FILE_BYTES;
    const read = await io.readStdin(maxBytes);
    if ('tooLarge' in read) {
      io.stderr(`plan: ${say(lang, 'stdinTooLarge', { path: options.stdinFilename, max: maxBytes })}\n`);
      return EXIT_INPUT;
    }
    stdin = { path: resolve(options.stdinFilename), bytes: read.bytes };
    named.push(dirname(options.stdinFilename));
  }
  // A published document (not a plan folder): drafted first, then audited, its findings shown in the document.
  // The drafter and the readers load only for a document.
  const documentMode = command === 'audit' && named.length === 1 && given.length === 1 && isDocument(named[0]!) ? await import('./audit-document.js') : undefined;
  const document = documentMode ? await documentMode.draftDocument(named[0]!, options.keep, lang, io) : undefined;
  if (documentMode && !document) return EXIT_INPUT;
  if (options.keep !== undefined && !document) {
    io.stderr(`plan: ${say(lang, 'keepNeedsDocument')}\n`);
    return EXIT_INPUT;
  }
  const paths = document ? [document.folder] : expandPaths(named.length > 0 ? named : (config?.paths ?? [DEFAULT_PATH]), io, lang);
  if (!paths) return EXIT_INPUT;
  const cacheLocation = options.cache || options.cacheLocation !== undefined ? (options.cacheLocation ?? DEFAULT_CACHE_FILE) : undefined;
  // The cache, like every file plan writes, never goes into a plan folder.
  const cachePlan = cacheLocation === undefined ? undefined : planFolderAround(dirname(resolve(cacheLocation))) ?? planFolderAround(resolve(cacheLocation));
  if (cacheLocation !== undefined && cachePlan !== undefined) {
    document?.done();
    io.stderr(describeRefusal({ messageId: 'inside-plan', path: cacheLocation, detail: cachePlan }, lang));
    return EXIT_INPUT;
  }
  try {
    return await checkPaths(paths, options, command, context, {
      lang,
      failOn,
      config,
      stdin,
      cacheLocation,
      ...(document && documentMode ? { document: { path: named[0]!, folder: document.folder, places: document.places, lines: document.lines, move: documentMode.locatedInDocument } } : {}),
    });
  } finally {
    document?.done();
  }
}

interface CheckSettings {
  readonly lang: Lang;
  readonly failOn: FailOn;
  readonly config: PlanConfig | undefined;
  readonly stdin: { path: string; bytes: Uint8Array } | undefined;
  readonly cacheLocation: string | undefined;
  readonly document?: {
    readonly path: string;
    readonly folder: string;
    readonly places: import('../init/places.js').DraftPlaces;
    readonly lines: readonly string[];
    readonly move: typeof import('./audit-document.js').locatedInDocument;
  };
}

async function checkPaths(paths: readonly string[], options: CheckOptions, command: 'validate' | 'audit', { io, version }: CommandContext, settings: CheckSettings): Promise<number> {
  const { lang, failOn, config, stdin, cacheLocation, document } = settings;
  const runOptions: RunOptions = {
    lang,
    audit: command === 'audit',
    ...(options.rule ? { only: new Set(options.rule) } : {}),
    ...(options.maxFileSize === undefined ? {} : { maxFileBytes: options.maxFileSize }),
    ...(stdin ? { stdin } : {}),
    ...(config ? { severities: config.rules } : {}),
    jobs: options.jobs ?? availableParallelism(),
    ...(options.jobs === undefined ? { jobsByDefault: true } : {}),
  };
  const cache = cacheLocation === undefined ? undefined : openRunCache(runOptions, { location: cacheLocation, strategy: options.cacheStrategy ?? 'metadata' }, version);
  try {
    const ran = await run(paths, cache ? { ...runOptions, cache } : runOptions);
    const filtered = config ? withoutIgnored(ran, config) : ran;
    const result = document ? document.move(filtered, document.path, resolve(document.folder), document.places, document.lines) : filtered;
    const shown = options.quiet ? quietRun(result) : result;
    // The pull-request machinery (git, the CI's variables) is loaded only for the formats and options that use it.
    const forPullRequests = options.since !== undefined || ['sarif', 'github', 'markdown'].includes(options.format);
    const plain: PartContext = {
      lang,
      color: colorWanted(io, options),
      version,
      command,
      groupBy: options.groupBy,
      showReviewed: options.showReviewed === true,
      ...(terminalWidth(io) === undefined ? {} : { columns: terminalWidth(io)! }),
    };
    const parted = cache && !forPullRequests && !document ? await PARTED_FORMATS[options.format]?.() : undefined;
    if (cache && parted?.parted(plain)) {
      const { text, tally } = partedOutput(parted, plain, ran, shown, cache, viewKey(options, plain, config));
      if (!emit(io, text, options.output, planDirs(filtered), lang)) return EXIT_INPUT;
      return exitCodeOf(tally, failOn, options.quiet ? undefined : options.maxWarnings, options.failOnReviewed === true);
    }
    return await formatted(shown, paths, options, { io, version }, { ...settings, context: plain, forPullRequests, planDirs: planDirs(filtered) });
  } finally {
    cache?.save();
  }
}

/** Everything that shapes a plan's part of the output besides its findings and the run's options. */
function viewKey(options: CheckOptions, context: PartContext, config: PlanConfig | undefined): string {
  return JSON.stringify({
    format: options.format,
    quiet: options.quiet === true,
    context,
    ignores: config && config.ignores.length > 0 ? { file: config.file, ignores: config.ignores } : null,
  });
}

/**
 * The output of a parted format (`--cache`): each plan's part as the cache kept it when the plan
 * is unchanged and its result is its own (no finding added by the run), else made now and kept.
 * A rerun of unchanged plans reads none of their findings.
 */
function partedOutput(format: PartedFormat, context: PartContext, ran: RunResult, shown: RunResult, cache: Cache, view: string): { text: Iterable<string | Uint8Array>; tally: Tally } {
  const own = new Set(ran.plans.filter((plan) => cache.holds(plan)).map((plan) => plan.dir));
  const parts: Iterable<string | Uint8Array>[] = [[...format.part(shown.inputFindings, context)]];
  const plans: PlanOutline[] = [];
  for (const plan of shown.plans) {
    const kept = own.has(plan.dir) ? cache.view(plan.dir, view) : undefined;
    let tally = kept?.tally;
    if (kept) parts.push(kept.part);
    else {
      const part = [...format.part(plan.findings, context)].join('');
      tally = tallyOf(plan.findings);
      if (own.has(plan.dir)) cache.setView(plan.dir, view, part, tally);
      parts.push(part.length > 0 ? [part] : []);
    }
    plans.push({ dir: plan.dir, ...(plan.id === undefined ? {} : { id: plan.id }), audited: plan.audited, tally: tally! });
  }
  const outline = { plans, input: tallyOf(shown.inputFindings) };
  return { text: format.whole(outline, parts, context), tally: addTallies([outline.input, ...plans.map((plan) => plan.tally)]) };
}

/** The output of any format from the run's findings, with what `--since` and the pull-request formats add. */
async function formatted(
  shown: RunResult,
  paths: readonly string[],
  options: CheckOptions,
  { io }: CommandContext,
  { lang, failOn, context: plain, forPullRequests, planDirs: dirs }: CheckSettings & { context: PartContext; forPullRequests: boolean; planDirs: readonly string[] },
): Promise<number> {
  const findings = allFindings(shown);
  const pr = forPullRequests ? await import('./pull-request.js') : undefined;
  const since = pr && options.since !== undefined ? await pr.sinceRevision(options.since, paths, lang, findings, options.rule ? new Set(options.rule) : undefined, options.maxFileSize) : undefined;
  if (since && 'error' in since) {
    const { sideErrorMessage } = await import('../compare/sides.js');
    io.stderr(`${sideErrorMessage(since, lang)}\n`);
    return EXIT_INPUT;
  }
  const { RULES, rulesOf } = await import('../rules/index.js');
  const context: FormatContext = {
    ...plain,
    rules: plain.command === 'audit' ? RULES : rulesOf('read'),
    ...(pr ? { repository: pr.repositoryContext(io.env, options) } : {}),
    ...(since ? { comparison: since.comparison, changedLines: since.changed } : {}),
  };
  const report = { run: shown, findings };
  const text = (await FORMATTERS[options.format]())(report, context);
  if (options.format === 'sarif') {
    const { SARIF_MAX_RESULTS } = await import('../formatters/sarif.js');
    const leftOut = findings.length - SARIF_MAX_RESULTS;
    // The run's properties say it too (formatters/sarif.ts); a CI log shows this line.
    if (leftOut > 0) io.stderr(`plan: ${say(lang, 'sarifLeftOut', { left: leftOut, limit: SARIF_MAX_RESULTS })}\n`);
  }
  if (!emit(io, text, options.output, dirs, lang)) return EXIT_INPUT;
  if (pr && options.format === 'github' && !pr.writeStepSummary(io.env, String((await FORMATTERS.markdown())(report, context)))) {
    io.stderr(`plan: ${say(lang, 'stepSummaryUnwritable')}\n`);
  }
  // With --since only what the change brought counts (and input that cannot be read).
  const counted = since ? findings.filter((f) => since.comparison.state.get(f) === 'new' || UNREADABLE_INPUT_RULES.has(f.ruleId)) : findings;
  return exitCodeFor(counted, failOn, options.quiet ? undefined : options.maxWarnings, options.failOnReviewed === true);
}

/** The folders of a run's plans: `--output` may not point into any of them. */
export function planDirs(result: RunResult): string[] {
  return result.plans.map((plan) => plan.dir);
}

/** With `--quiet`: the run with its errors only. */
function quietRun(result: RunResult): RunResult {
  const errorsOnly = (findings: readonly Finding[]): Finding[] => findings.filter((finding) => finding.severity === 'error');
  return {
    inputFindings: errorsOnly(result.inputFindings),
    plans: result.plans.map((plan) => ({ ...plan, findings: errorsOnly(plan.findings) })),
  };
}
