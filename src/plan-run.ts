/**
 * One plan's run: read its files → check them against their schemas → build the model → audit
 * it. Loaded by the engine only when a plan is to be run (not for a rerun whose plans are all
 * cached), and by each worker thread of `--jobs`.
 */
import { basename, join, resolve } from 'node:path';
import { debugging } from './debug.js';
import { toNumber } from './decimal.js';
import { detached, inputFinding, makeFinding } from './findings.js';
import { buildPlanModel } from './load/builders/index.js';
import { fileNameOf, type FileKind, kindOfFileName, PLAN_FILE_KIND } from './load/file-kinds.js';
import { DEFAULT_MAX_FILE_BYTES, readPlanFolder, type Overlay, type PlanFolder } from './load/plan-folder.js';
import { readSource } from './load/source.js';
import { parseYamlBytes, type ReadProblem, type YamlFile } from './load/yaml-file.js';
import type { Finding, Lang, Location, PlanModel, Review, SourceRef } from './model.js';
import { child } from './pointer.js';
import { applyReviews, reviewTarget } from './reviews/match.js';
import { findRule, RULES, rulesOf } from './rules/index.js';
import { inputRule } from './rules/input.js';
import { internalError } from './rules/internal-error.js';
import type { Rule, RuleProblem } from './rules/rule.js';
import { schemaRule } from './rules/schema.js';
import { staleReview } from './rules/stale-review.js';
import { unknownRule } from './rules/unknown-rule.js';
import { yamlRule } from './rules/yaml-syntax.js';
import type { RunOptions } from './run-options.js';
import type { PlanResult } from './run-result.js';
import { planSource, standsIn } from './source-text.js';
import { checkSchema, type SchemaProblem } from './validate/schema-check.js';

/** Past this size a file's schema check stops at its first error. */
const LARGE_FILE_CHARS = 4 * 1024 * 1024;

const parseFile = (shown: string, content: Uint8Array | string): YamlFile => parseYamlBytes(shown, content);

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

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Turns a data path into file:line:column; the one place positions are computed. */
function locator(folder: PlanFolder): (ref: SourceRef) => Location {
  // One path string a file, however many findings name it.
  const paths = new Map<string, string>();
  const pathOf = (name: string): string => {
    let path = paths.get(name);
    if (path === undefined) {
      path = join(folder.dir, name);
      paths.set(name, path);
    }
    return path;
  };
  return (ref) => {
    const kind = kindOfFileName(ref.file);
    const file = kind === undefined ? undefined : folder.files.get(kind);
    // The published text has no pointers: a place in it comes with its line.
    const position = file ? file.locate(ref.pointer, ref.atKey) : { line: ref.line ?? 1, column: 1 };
    // Written without spreads, its keys in this order: one a finding's place, 240,000 for 100,000 projects.
    const location: Mutable<Location> = {
      file: pathOf(ref.file),
      line: position.line,
      column: position.column,
      endLine: position.line,
      // A finding's region runs to the end of its line's content.
      endColumn: Math.max(position.column + 1, file ? file.lineEnd(position.line) : 1),
      pointer: ref.pointer,
    };
    if (ref.ref !== undefined) location.ref = detached(ref.ref);
    if (ref.quote !== undefined) location.quote = detached(ref.quote);
    if (ref.quote !== undefined && ref.figure !== undefined) location.figure = detached(ref.figure);
    return location;
  };
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
  const { folder, problems } = readPlanFolder(absoluteDir, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, overlayOf(options), options.parse ?? parseFile);
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
  // (A row names one appendix row; on another part it means the whole part.)
  const unreadWhole = new Set(plan.unread.filter((entry) => entry.part !== 'appendix' || entry.row === undefined).map((entry) => entry.part));
  for (const rule of rulesOf('audit')) {
    if (!rule.check || (options.only && !options.only.has(rule.id))) continue;
    // A draft that left a part unread: the rules judging that part would only report its absence.
    if (rule.reads?.some((part) => (rule.readsRows === true ? unreadWhole : unread).has(part))) continue;
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
  if (refs.length === 1) return [refs[0]!];
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
    const source = planSource(plan, plan.sourceText);
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
