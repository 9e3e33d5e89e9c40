import { basename, join, resolve } from 'node:path';
import { type CacheOptions, openCache } from './cache.js';
import { debugging } from './debug.js';
import { toNumber } from './decimal.js';
import { buildPlanModel } from './load/builders/index.js';
import { fileNameOf, type FileKind, kindOfFileName, PLAN_FILE_KIND } from './load/file-kinds.js';
import type { PlanResult, RunResult } from './run-result.js';
import {
  DEFAULT_MAX_FILE_BYTES,
  findPlanFolders,
  readPlanFolder,
  type InputProblem,
  type Overlay,
  type ParseFile,
  type PlanFolder,
} from './load/plan-folder.js';
import { readSource } from './load/source.js';
import { child } from './pointer.js';
import type { ReadProblem, YamlFile } from './load/yaml-file.js';
import type { Finding, Lang, Location, Message, PlanModel, Review, Severity, SourceRef } from './model.js';
import { inputRule } from './rules/input.js';
import { internalError } from './rules/internal-error.js';
import { findRule, RULES, rulesOf } from './rules/index.js';
import type { Rule, RuleProblem } from './rules/rule.js';
import { schemaRule } from './rules/schema.js';
import { unknownFileRule } from './rules/unknown-file.js';
import { unknownRule } from './rules/unknown-rule.js';
import { applyReviews, reviewTarget } from './reviews/match.js';
import { staleReview } from './rules/stale-review.js';
import { yamlRule } from './rules/yaml-syntax.js';
import { sourceText, standsIn } from './source-text.js';
import { fill } from './words.js';
import { checkSchema, type SchemaProblem } from './validate/schema-check.js';

export interface RunOptions {
  readonly lang: Lang;
  /** Run the audit rules after validation; false for `plan validate`. */
  readonly audit: boolean;
  /** Only these audit rules (all when absent). */
  readonly only?: ReadonlySet<string>;
  readonly maxFileBytes?: number;
  /** A data file read from standard input instead of from disk (absolute path). */
  readonly stdin?: { readonly path: string; readonly bytes: Uint8Array };
  /** Files read from memory instead of from disk, by absolute path (an editor's unsaved text); source.txt too. */
  readonly overlay?: Overlay;
  /** How data files are parsed; `plan lsp` passes one that keeps the files it has parsed. */
  readonly parse?: ParseFile;
  /** Keep the parsed files' data after the model is built (a caller that keeps them for the next run). */
  readonly keepParsed?: boolean;
  /** Keep each valid plan's parsed files in the result (for `plan export`, which reads once). */
  readonly keepData?: boolean;
  /** Called with each valid plan's model, for commands that read the model rather than the findings. */
  readonly onModel?: (plan: PlanModel) => void;
  /** Keep each audited plan's model and locator on its result, for the views (summary, trace, report). */
  readonly keepModels?: boolean;
  /** Rule severities set by plan.config.yaml: `off` skips the rule. */
  readonly severities?: ReadonlyMap<string, Severity | 'off'>;
  /** Plans audited at once, each in a worker thread (`--jobs`); 1 or absent: one after another here. */
  readonly jobs?: number;
  /** Reuse the results of unchanged plans (`--cache`). */
  readonly cache?: CacheOptions;
}

/** What a worker thread gets of the run's options: data only, no callbacks. */
export type WorkerOptions = Omit<RunOptions, 'onModel' | 'stdin' | 'jobs' | 'cache' | 'overlay' | 'parse' | 'keepParsed'>;

/** Below this many plans, starting worker threads costs more than it saves. */
const MIN_PLANS_FOR_WORKERS = 4;

/**
 * Each plan's result, in the order of `dirs` whatever order they finish in: from the cache when
 * the plan is unchanged, else run here or, with `jobs` and enough plans, in worker threads.
 */
async function planResults(dirs: readonly string[], options: RunOptions): Promise<PlanResult[]> {
  // Text in memory (standard input, an editor's unsaved files), a caller's own parser or parsed
  // files kept for the next run: the files on disk do not decide the result, and a worker thread
  // cannot share the caller's memory, so such a run stays here and uncached.
  const inMemory = options.stdin !== undefined || options.overlay !== undefined || options.parse !== undefined || options.keepParsed === true;
  const cacheable = options.cache !== undefined && !options.keepData && !options.keepModels && !options.onModel && !inMemory;
  const cache = cacheable ? await openCache(options.cache!, cacheKeyOf(options)) : undefined;
  const results: (PlanResult | undefined)[] = dirs.map((dir) => cache?.get(dir));
  const pending = dirs.map((dir, index) => ({ dir, index })).filter(({ index }) => results[index] === undefined);
  const parallel = (options.jobs ?? 1) > 1 && pending.length >= MIN_PLANS_FOR_WORKERS && !options.keepData && !options.keepModels && !options.onModel && !inMemory;
  if (parallel) {
    const { runInWorkers } = await import('./parallel.js');
    const { jobs: _jobs, cache: _cache, ...workerOptions } = options;
    const done = await runInWorkers(pending.map(({ dir }) => dir), workerOptions, options.jobs!);
    for (const [i, { index }] of pending.entries()) results[index] = done[i];
  } else {
    for (const { dir, index } of pending) results[index] = await runPlan(dir, options);
  }
  if (cache) {
    for (const { dir, index } of pending) cache.set(dir, results[index]!);
    cache.save();
  }
  return results as PlanResult[];
}

/** What besides a plan's files decides its findings: the options that change what the rules say. */
function cacheKeyOf(options: RunOptions): string {
  return JSON.stringify({
    lang: options.lang,
    audit: options.audit,
    only: options.only ? [...options.only].sort() : null,
    maxFileBytes: options.maxFileBytes ?? null,
    severities: options.severities ? [...options.severities].sort() : null,
    // With --debug an internal error's message carries its stack.
    debug: debugging(),
    cwd: process.cwd(),
  });
}

/** What failed: a rule of the audit, or a stage of a plan's run. */
type FailedPart = { readonly rule: string } | { readonly stage: string };

/**
 * A bug, reported as the finding of the one plan it happened in: what failed, in which plan,
 * and the one line that reproduces it; the stack with `--debug`.
 */
function internalFinding(error: unknown, failed: FailedPart, plan: string, dir: string, lang: Lang): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  const stack = debugging() && error instanceof Error && error.stack ? `\n${error.stack}` : { zh: '（加 --debug 可见调用栈）', en: ' (add --debug for the stack)' };
  const command = 'rule' in failed ? `plan audit ${dir} --rule ${failed.rule}` : `plan ${failed.stage === 'read' || failed.stage === 'schema' ? 'validate' : 'audit'} ${dir}`;
  return makeFinding(
    {
      rule: internalError,
      messageId: 'rule' in failed ? 'rule-failed' : 'stage-failed',
      data: { ...failed, plan, detail, command, stack },
      locations: [{ file: join(dir, fileNameOf(PLAN_FILE_KIND)), line: 1, column: 1, pointer: '' }],
      plan,
    },
    lang,
  );
}

export type { PlanResult, RunResult } from './run-result.js';

/** Past this size a file's schema check stops at its first error. */
const LARGE_FILE_CHARS = 4 * 1024 * 1024;

export { UNREADABLE_INPUT_RULES } from './rules/input.js';

/** Two 32-bit FNV-1a hashes (the second also mixing in positions): stable, and cheap enough for 100 000 findings. */
function fingerprint(parts: readonly string[]): string {
  const text = parts.join('\u0000');
  let low = 0x811c9dc5;
  let high = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    low = Math.imul(low ^ c, 0x01000193) >>> 0;
    high = Math.imul(high ^ (c + i), 0x01000193) >>> 0;
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}

/**
 * The file a finding stands in, without the folder it was read from: the same finding read from
 * a checkout, a temporary copy of a git revision or another working directory has one fingerprint.
 */
function fileKindOf(location: Location | undefined): string {
  return location ? basename(location.file) : '';
}

interface FindingInput {
  readonly rule: Rule;
  readonly messageId: string;
  readonly data: Readonly<Record<string, string | number | Message>>;
  readonly locations: readonly Location[];
  readonly plan?: string;
  readonly values?: readonly number[];
  readonly unit?: string;
  /**
   * What names the finding in its fingerprint in place of `data`, when `data` holds paths: only
   * the part inside the plan folder, never the folder it was read from (a checkout, a revision's
   * temporary copy), so the same file has one fingerprint wherever it is read.
   */
  readonly identity?: Readonly<Record<string, string | number>>;
}

/**
 * A copy of `text` that keeps nothing else alive. A string cut from a file's text keeps the
 * whole text in memory; a finding outlives its plan's files, and a run may read 1 000 plans.
 */
function detached(text: string): string {
  return text.length > 0 ? Buffer.from(text, 'utf8').toString('utf8') : text;
}

function makeFinding(input: FindingInput, lang: Lang): Finding {
  const message = input.rule.messages[input.messageId];
  const data: Record<string, string | number> = {};
  // Data worded in the report's language stays out of the fingerprint, so it is the same in zh and en.
  const unlocalized: Record<string, string | number> = {};
  for (const key in input.data) {
    const value = input.data[key]!;
    if (typeof value === 'object') data[key] = value[lang];
    else data[key] = unlocalized[key] = typeof value === 'string' ? detached(value) : value;
  }
  const primary = input.locations[0];
  const detail = (input.rule.details as Readonly<Record<string, Message | undefined>> | undefined)?.[input.messageId];
  return {
    ruleId: input.rule.id,
    severity: input.rule.severity,
    messageId: input.messageId,
    message: message ? fill(message[lang], data) : input.messageId,
    ...(detail ? { detail: fill(detail[lang], data) } : {}),
    data,
    locations: input.locations,
    fingerprint: fingerprint([input.rule.id, input.plan ?? '', fileKindOf(primary), primary?.pointer ?? '', input.messageId, JSON.stringify(input.identity ?? unlocalized)]),
    ...(input.plan === undefined ? {} : { plan: input.plan }),
    ...(input.values === undefined ? {} : { values: input.values }),
    ...(input.unit === undefined ? {} : { unit: input.unit }),
  };
}

/**
 * A problem with a path or a file. Its fingerprint names the file by its name in its plan folder
 * (or, outside any plan, by the last name of the path given), never by the folders above it nor
 * by the detail (a real path, a size): `--since` and `diff` read a revision from a temporary
 * folder, and the same file must match itself there.
 */
function inputFinding(problem: InputProblem, lang: Lang, plan?: string): Finding {
  const rule = problem.messageId === 'unknown-file' ? unknownFileRule : inputRule;
  return makeFinding(
    {
      rule,
      messageId: problem.messageId,
      data: { path: problem.path, detail: problem.detail },
      locations: [{ file: problem.path, line: 1, column: 1, pointer: '' }],
      identity: { path: basename(problem.path) },
      ...(plan === undefined ? {} : { plan }),
    },
    lang,
  );
}

function yamlFinding(file: string, problem: ReadProblem, lang: Lang, plan?: string): Finding {
  return makeFinding(
    {
      rule: yamlRule,
      messageId: problem.code,
      data: { detail: problem.message },
      locations: [{ file, line: problem.line, column: problem.column, pointer: '' }],
      ...(plan === undefined ? {} : { plan }),
    },
    lang,
  );
}

/**
 * The 1-based column just past the last non-blank character of each line, found once per file
 * when first asked: a finding's region runs to the end of its line's content.
 */
function lineEnds(text: string): (line: number) => number {
  let starts: number[] | undefined;
  return (line) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    const start = starts[line - 1];
    if (start === undefined) return 1;
    let end = (starts[line] ?? text.length + 1) - 1;
    while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
    return end - start + 1;
  };
}

/** Turns a data path into file:line:column; the one place positions are computed. */
function locator(folder: PlanFolder): (ref: SourceRef) => Location {
  const ends = new Map<string, (line: number) => number>();
  return (ref) => {
    const kind = kindOfFileName(ref.file);
    const file = kind === undefined ? undefined : folder.files.get(kind);
    // The published text has no pointers: a place in it comes with its line.
    const position = file ? file.locate(ref.pointer, ref.atKey) : { line: ref.line ?? 1, column: 1 };
    let endOf = kind === undefined ? undefined : ends.get(kind);
    if (file && kind !== undefined && !endOf) {
      endOf = lineEnds(file.text);
      ends.set(kind, endOf);
    }
    return {
      file: join(folder.dir, ref.file),
      line: position.line,
      column: position.column,
      endLine: position.line,
      endColumn: Math.max(position.column + 1, endOf ? endOf(position.line) : 1),
      pointer: ref.pointer,
      ...(ref.ref === undefined ? {} : { ref: detached(ref.ref) }),
      ...(ref.quote === undefined ? {} : { quote: detached(ref.quote) }),
      ...(ref.quote === undefined || ref.figure === undefined ? {} : { figure: detached(ref.figure) }),
    };
  };
}

/** Validates and audits every plan the paths name; never throws on bad input. */
export async function run(paths: readonly string[], options: RunOptions): Promise<RunResult> {
  const { lang } = options;
  const found = findPlanFolders(paths);
  const inputFindings = found.problems.map((problem) => inputFinding(problem, lang));
  const plans: PlanResult[] = [];
  const ids = new Map<string, string>();
  for (const result of await planResults(found.dirs, options)) {
    if (result.id !== undefined) {
      const other = ids.get(result.id);
      if (other !== undefined) {
        const duplicate = makeFinding(
          {
            rule: inputRule,
            messageId: 'duplicate-plan-id',
            data: { id: result.id, other },
            locations: [{ file: join(result.dir, fileNameOf(PLAN_FILE_KIND)), line: 1, column: 1, pointer: '/id' }],
            identity: { id: result.id },
            plan: result.id,
          },
          lang,
        );
        plans.push({ ...result, findings: [duplicate, ...result.findings] });
        continue;
      }
      ids.set(result.id, result.dir);
    }
    plans.push(result);
  }
  return { plans, inputFindings };
}

/**
 * A file's schema problems, kept with the parsed file: a caller that keeps its parsed files
 * between runs (`plan lsp`) has an unchanged file's problems without checking it again.
 */
const schemaProblemsKept = new WeakMap<YamlFile, { readonly key: string; readonly problems: readonly SchemaProblem[] }>();

async function schemaProblemsOf(kind: FileKind, file: YamlFile, lang: Lang): Promise<readonly SchemaProblem[]> {
  const large = file.text.length > LARGE_FILE_CHARS;
  const key = `${kind} ${lang} ${large}`;
  const kept = schemaProblemsKept.get(file);
  if (kept?.key === key) return kept.problems;
  const problems = await checkSchema(kind, file.data, lang, large);
  schemaProblemsKept.set(file, { key, problems });
  return problems;
}

/** What the stages of one plan's run share. */
interface PlanRun {
  readonly absoluteDir: string;
  readonly options: RunOptions;
  readonly folder: PlanFolder;
  /** The plan's id, or its folder's name when plan.yaml has none. */
  readonly tag: string;
  readonly locate: (ref: SourceRef) => Location;
  plan?: PlanModel;
}

/** One stage of a plan's run: its findings, and whether later stages may run. */
interface Stage {
  readonly name: 'read' | 'schema' | 'model' | 'audit';
  run(state: PlanRun, findings: Finding[]): Promise<boolean> | boolean;
}

/**
 * The stages of one plan, in order: read the files (found already by readPlanFolder) → check
 * them against their schemas → build the model → audit it. A stage that ends with an error
 * stops the plan; `plan validate` stops after the schema.
 */
const STAGES: readonly Stage[] = [
  {
    name: 'read',
    run({ folder, tag, options }, findings) {
      for (const file of folder.files.values()) for (const problem of file.problems) findings.push(yamlFinding(file.path, problem, options.lang, tag));
      return true;
    },
  },
  {
    name: 'schema',
    async run({ folder, tag, options, locate }, findings) {
      for (const [kind, file] of folder.files) {
        if (file.problems.length > 0) continue;
        for (const problem of await schemaProblemsOf(kind, file, options.lang)) {
          findings.push(
            makeFinding(
              {
                rule: schemaRule,
                messageId: problem.messageId,
                data: problem.data,
                locations: [locate({ file: fileNameOf(kind), pointer: problem.pointer, atKey: problem.atKey })],
                plan: tag,
              },
              options.lang,
            ),
          );
        }
        // Found while reading, whatever the key's spelling, anchor or tag: validate and audit agree.
        for (const problem of file.numberProblems) {
          findings.push(
            makeFinding(
              {
                rule: schemaRule,
                messageId: problem.messageId,
                data: { value: problem.text, max: String(problem.max) },
                locations: [{ file: join(folder.dir, fileNameOf(kind)), line: problem.line, column: problem.column, pointer: '' }],
                plan: tag,
              },
              options.lang,
            ),
          );
        }
      }
      return !findings.some((f) => f.severity === 'error') && (options.audit || options.onModel !== undefined);
    },
  },
  {
    name: 'model',
    run(state, findings) {
      const { folder, tag, options, locate, absoluteDir } = state;
      const sourceName = (folder.files.get(PLAN_FILE_KIND)?.data as { source?: string } | undefined)?.source;
      const source = sourceName === undefined ? undefined : readSource(absoluteDir, sourceName, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, overlayOf(options));
      if (source && 'refusal' in source) {
        const at = locate({ file: fileNameOf(PLAN_FILE_KIND), pointer: '/source' });
        const { messageId, detail } = source.refusal;
        // The name as written in plan.yaml: `../x` is what the reader must recognise.
        findings.push(
          makeFinding({ rule: inputRule, messageId: messageId === 'missing' ? 'unreadable' : messageId, data: { path: sourceName!, detail }, locations: [at], identity: { path: sourceName! }, plan: tag }, options.lang),
        );
      }
      const { plan, problems } = buildPlanModel(folder, source && 'text' in source ? source.text : undefined);
      // The model holds what the rules read; the parsed files are kept only to locate findings.
      if (!options.keepParsed) for (const file of folder.files.values()) file.release();
      for (const problem of problems) {
        findings.push(
          makeFinding(
            {
              rule: schemaRule,
              messageId: 'number-format',
              data: { value: problem.text },
              locations: [locate({ file: problem.file, pointer: problem.pointer })],
              plan: tag,
            },
            options.lang,
          ),
        );
      }
      state.plan = plan;
      if (findings.some((f) => f.severity === 'error')) return false;
      options.onModel?.(plan);
      return options.audit;
    },
  },
  {
    name: 'audit',
    run({ plan, locate, options }, findings) {
      for (const finding of auditPlan(plan!, locate, options)) findings.push(finding);
      return true;
    },
  },
];

/** Standard input is an overlay of one file. */
function overlayOf(options: RunOptions): Overlay | undefined {
  if (!options.stdin) return options.overlay;
  return new Map([...(options.overlay ?? []), [resolve(options.stdin.path), options.stdin.bytes]]);
}

export async function runPlan(absoluteDir: string, options: RunOptions): Promise<PlanResult> {
  const { folder, problems } = readPlanFolder(absoluteDir, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, overlayOf(options), options.parse);
  const planData = folder.files.get(PLAN_FILE_KIND)?.data as { id?: unknown } | undefined;
  const id = typeof planData?.id === 'string' ? planData.id : undefined;
  const state: PlanRun = { absoluteDir, options, folder, tag: id ?? basename(absoluteDir), locate: locator(folder) };
  const findings: Finding[] = problems.map((problem) => inputFinding(problem, options.lang, state.tag));
  let audited = false;
  for (const stage of STAGES) {
    try {
      if (!(await stage.run(state, findings))) break;
    } catch (error) {
      // A bug: this plan's run ends here with it; the other plans of the run go on.
      findings.push(internalFinding(error, { stage: stage.name }, state.tag, folder.dir, options.lang));
      break;
    }
    audited = stage.name === 'audit';
  }
  const keep = options.keepData && !options.audit && !findings.some((f) => f.severity === 'error');
  const data = keep ? new Map([...folder.files].map(([kind, file]) => [kind, file.data])) : undefined;
  const printed = keep
    ? new Map([...folder.files].map(([kind, file]) => [kind, (pointer: string, value: number) => file.numberText(pointer, value)] as const))
    : undefined;
  const kept = audited && options.keepModels && state.plan ? { model: state.plan, locate: state.locate } : {};
  return {
    dir: folder.dir,
    ...(id === undefined ? {} : { id }),
    audited,
    findings: sortFindings(findings),
    ...(data ? { data } : {}),
    ...(printed ? { printed } : {}),
    ...kept,
  };
}

/** Runs the audit rules on a valid plan and applies the plan's reviews. */
export function auditPlan(plan: PlanModel, locate: (ref: SourceRef) => Location, options: RunOptions): Finding[] {
  const { lang } = options;
  const findings: Finding[] = [];
  const unread = new Set(plan.unread.map((entry) => entry.part));
  for (const rule of rulesOf('audit')) {
    if (!rule.check || (options.only && !options.only.has(rule.id))) continue;
    // A draft that left a part unread: the rules judging that part would only report its absence.
    if (rule.reads?.some((part) => unread.has(part))) continue;
    const severity = options.severities?.get(rule.id);
    if (severity === 'off') continue;
    const at = findings.length;
    try {
      checkWith(rule, plan, findings, locate, lang);
    } catch (error) {
      // What the rule reported before it failed is partial: its failure stands in for all of it.
      findings.splice(at, findings.length - at, internalFinding(error, { rule: rule.id }, plan.id, plan.dir, lang));
      continue;
    }
    if (severity !== undefined) for (let i = at; i < findings.length; i++) findings[i] = { ...findings[i]!, severity };
  }
  return applyPlanReviews(plan, findings, locate, options);
}

/** Runs one audit rule, adding its findings to `findings`. */
function checkWith(rule: Rule, plan: PlanModel, findings: Finding[], locate: (ref: SourceRef) => Location, lang: Lang): void {
  rule.check!({
    plan,
    report(problem: RuleProblem<string>) {
      findings.push(
        makeFinding(
          {
            rule,
            messageId: problem.messageId,
            data: problem.data ?? {},
            locations: withoutRepeats([problem.at, ...(problem.related ?? [])]).map(locate),
            plan: plan.id,
            ...(problem.values === undefined ? {} : { values: problem.values.map(toNumber) }),
            ...(problem.unit === undefined ? {} : { unit: problem.unit }),
          },
          lang,
        ),
      );
    },
  });
}

/**
 * The places of a finding, each once, and each quote once: places of one container share its
 * text, which a reader needs to see only the first time.
 */
function withoutRepeats(refs: readonly SourceRef[]): SourceRef[] {
  const places = new Set<string>();
  const quotes = new Set<string>();
  const result: SourceRef[] = [];
  for (const ref of refs) {
    const place = `${ref.file}#${ref.pointer}`;
    if (places.has(place)) continue;
    places.add(place);
    if (ref.quote !== undefined && quotes.has(ref.quote)) {
      const { quote: _repeated, figure: _itsFigure, ...rest } = ref;
      result.push(rest);
      continue;
    }
    if (ref.quote !== undefined) quotes.add(ref.quote);
    result.push(ref);
  }
  return result;
}

/** The plan's reviews: reviews.yaml, and old `accepted:` entries of plan.yaml read as not-an-error. */
function reviewsOf(plan: PlanModel): Review[] {
  return [...plan.accepted.map((accepted) => ({ ...accepted, verdict: 'not-an-error' as const, legacy: true })), ...plan.reviews];
}

/**
 * Marks the reviewed findings; reports reviews that name no rule, reviews that match nothing and
 * quotes not in the source.
 */
function applyPlanReviews(plan: PlanModel, findings: Finding[], locate: (ref: SourceRef) => Location, options: RunOptions): Finding[] {
  const reviews = reviewsOf(plan);
  const { findings: result, unused } = applyReviews(reviews, findings);
  if (!options.only || options.only.has(unknownRule.id)) {
    for (const review of reviews) {
      if (findRule(review.rule)) continue;
      const at = locate({ ...review.at, pointer: child(review.at.pointer, 'rule') });
      const data = { rule: review.rule, known: RULES.map((rule) => rule.id).join(', ') };
      result.push(makeFinding({ rule: unknownRule, messageId: 'unknown', data, locations: [at], plan: plan.id }, options.lang));
    }
  }
  if (options.only && !options.only.has(staleReview.id)) return result;
  const stale = (review: Review, messageId: 'stale' | 'quote-not-found', data: Record<string, string>): void => {
    result.push(makeFinding({ rule: staleReview, messageId, data, locations: [locate(review.at)], plan: plan.id }, options.lang));
  };
  for (const review of unused) {
    // A review can only be called stale when its own rule has run; one naming no rule is reported above.
    if ((options.only && !options.only.has(review.rule)) || options.severities?.get(review.rule) === 'off' || !findRule(review.rule)) continue;
    stale(review, 'stale', { rule: review.rule, target: reviewTarget(review) });
  }
  if (plan.sourceText !== undefined) {
    const source = sourceText(plan.sourceText);
    for (const review of reviews) {
      if (review.quote === undefined || standsIn(source, review.quote)) continue;
      stale({ ...review, at: { ...review.at, pointer: child(review.at.pointer, 'quote') } }, 'quote-not-found', { rule: review.rule, quote: review.quote });
    }
  }
  return result;
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => {
    const x = a.locations[0];
    const y = b.locations[0];
    return (
      byCodePoint(x?.file ?? '', y?.file ?? '') ||
      (x?.line ?? 0) - (y?.line ?? 0) ||
      (x?.column ?? 0) - (y?.column ?? 0) ||
      byCodePoint(a.ruleId, b.ruleId) ||
      byCodePoint(a.message, b.message)
    );
  });
}

/** Locale-independent, so output order is the same on every machine. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
