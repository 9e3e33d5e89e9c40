import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Finding, Lang, Verdict } from '../model.js';
import { EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, expandPaths, type Io } from '../io/command-io.js';
import { run, UNREADABLE_INPUT_RULES } from '../engine.js';
import { visible } from '../formatters/safe-text.js';
import { allFindings } from '../formatters/types.js';
import { type LockOptions, updatePlanFile } from '../io/locked-write.js';
import { fileNameOf, PLAN_FILE_KIND, schemaFileOf } from '../load/file-kinds.js';
import { staleReview } from '../rules/stale-review.js';
import { findRule, RULES, rulesOf } from '../rules/index.js';
import { schemaRule } from '../rules/schema.js';
import { checkSchema } from '../validate/schema-check.js';
import { fill, say } from '../words.js';

export interface ReviewOptions {
  readonly lang: Lang;
  /** Review every unreviewed finding. */
  readonly all: boolean;
  /** Review the unreviewed findings of these rules. */
  readonly rules: readonly string[];
  /** Remove the reviews that match no finding any more. */
  readonly prune: boolean;
  readonly verdict: Verdict;
  /** Required with not-an-error; written with as-printed too when given. */
  readonly reason?: string;
  /** The published words; by default each finding's own quote. */
  readonly quote?: string;
}

export interface ReviewOutcome {
  /** Per plan: its review file and what was done to it. */
  readonly files: { readonly path: string; readonly added: number; readonly pruned: number }[];
  /** Findings that were asked for but cannot be reviewed as printed: they have no quote to give. */
  readonly withoutQuote: readonly Finding[];
  /** Old `accepted:` entries of plan.yaml that match nothing: `plan review` does not write plan.yaml. */
  readonly staleAcceptances: readonly Finding[];
  /** Findings that stop the audit (schema, YAML): the plan must be valid before it is reviewed. */
  readonly blocking: readonly Finding[];
  /** Review files that could not be written, with the reason (nothing was changed there). */
  readonly unwritable: readonly { readonly path: string; readonly detail: string }[];
  /** Review files left alone because a new entry would not validate (nothing was changed there). */
  readonly refused: readonly { readonly path: string; readonly refusal: ReviewRefusal }[];
}

const REVIEW_FILE = 'reviews.yaml';
/** The key of the list of reviews in the file. */
const LIST_KEY = 'reviews';
const AUDIT_RULE_IDS = new Set(rulesOf('audit').map((rule) => rule.id));

/** One entry of `reviews.yaml`, as `schemas/reviews.schema.json` has it. */
export interface ReviewEntry {
  readonly rule: string;
  readonly file?: string;
  readonly pointer?: string;
  readonly fingerprint?: string;
  readonly verdict: Verdict;
  readonly quote?: string;
  readonly reason?: string;
}

/** A review to add, with the line written above it for a reader of the file. */
export interface NewReview {
  readonly entry: ReviewEntry;
  /** Plain text; written as a comment, with line breaks and characters YAML cannot hold escaped. */
  readonly comment?: string;
}

/** The change to one plan's `reviews.yaml`. */
export interface ReviewChange {
  readonly add: readonly NewReview[];
  /** Entries to remove, as they were read (each removes one equal entry, if it is still there). */
  readonly remove?: readonly ReviewEntry[];
}

/** Why a review was not written: a new entry that `plan` would then refuse. */
export interface ReviewRefusal {
  readonly rule: string;
  /** The entry's field at fault (`quote`, `reason`, …), or '' for the entry as a whole. */
  readonly field: string;
  readonly detail: string;
}

export type ReviewWrite =
  | { readonly kind: 'written'; readonly path: string; readonly added: number; readonly pruned: number }
  | { readonly kind: 'unchanged'; readonly path: string }
  | { readonly kind: 'refused'; readonly path: string; readonly refusal: ReviewRefusal }
  | { readonly kind: 'locked'; readonly path: string; readonly lock: string; readonly holder: string }
  | { readonly kind: 'failed'; readonly path: string; readonly detail: string };

/** The review of a finding, by its rule, place and fingerprint. */
export function reviewEntryFor(finding: Finding, verdict: Verdict, reason?: string, quote?: string): ReviewEntry {
  const primary = finding.locations[0];
  return {
    rule: finding.ruleId,
    ...(primary ? { file: basename(primary.file), pointer: primary.pointer } : {}),
    fingerprint: finding.fingerprint,
    verdict,
    ...(verdict === 'as-printed' && quote !== undefined ? { quote } : {}),
    ...(reason === undefined ? {} : { reason }),
  };
}

/**
 * Characters a YAML file cannot hold as written (outside YAML's printable set) that the `yaml`
 * library would still write raw (it escapes only what JSON escapes): C1 controls but NEL,
 * U+FFFE, U+FFFF, and lone surrogates.
 */
const UNWRITABLE = /[\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

const codePoint = (char: string): string => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Comment text as one line of a YAML comment: line breaks become spaces, and what a YAML file
 * cannot hold raw or a reader would not see (NUL, controls, U+FFFE, a lone surrogate) is
 * written as a visible escape.
 */
export function commentText(text: string): string {
  return visible(text.replace(/\s+/g, ' ')).replace(/[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (char) => `\\u${char.charCodeAt(0).toString(16)}`);
}

/** The first reason `plan` would refuse an entry for, by the reviews' schema and by what YAML can hold. */
async function refusalOf(entry: ReviewEntry, lang: Lang): Promise<ReviewRefusal | undefined> {
  for (const [field, value] of Object.entries(entry)) {
    const bad = typeof value === 'string' ? UNWRITABLE.exec(value) : null;
    if (bad) return { rule: entry.rule, field, detail: say(lang, 'reviewUnwritableCharacter', { char: codePoint(bad[0]) }) };
  }
  const [problem] = await checkSchema('reviews', { [LIST_KEY]: [entry] }, lang);
  if (!problem) return undefined;
  const field = problem.pointer.split('/')[3] ?? '';
  // AJV's wording starts with the instance path, which `field` already names.
  const detail = fill(schemaRule.messages[problem.messageId][lang], problem.data).replace(/^\/\S* /, '');
  return { rule: entry.rule, field, detail };
}

/** The modeline of the plan's other files, pointed at the reviews' schema. */
function headerFor(dir: string): string {
  try {
    const first = readFileSync(join(dir, fileNameOf(PLAN_FILE_KIND)), 'utf8').split('\n', 1)[0] ?? '';
    const planSchema = schemaFileOf(PLAN_FILE_KIND);
    if (first.includes(planSchema)) return `${first.replace(planSchema, schemaFileOf('reviews'))}\n`;
  } catch {
    // No plan.yaml to copy from: no modeline.
  }
  return '';
}

function sameEntry(a: unknown, b: ReviewEntry): boolean {
  if (a === null || typeof a !== 'object') return false;
  const left = a as Record<string, unknown>;
  const keys = Object.keys(b).filter((key) => b[key as keyof ReviewEntry] !== undefined);
  return keys.length === Object.keys(left).length && keys.every((key) => left[key] === b[key as keyof ReviewEntry]);
}

/**
 * Adds reviews to a plan's `reviews.yaml` and removes stale ones, under the plan-file lock
 * (src/io/locked-write.ts): the file is read again under the lock, so reviews written
 * meanwhile by another run (a terminal, an editor) are kept, and a finding reviewed meanwhile
 * is not reviewed twice. Every new entry is checked first against the reviews' schema and what
 * YAML can hold: nothing is written that `plan` would then refuse. Written through the `yaml`
 * library's Document API, so comments, order and layout survive.
 */
export async function writeReviews(dir: string, change: ReviewChange, lang: Lang, lock: LockOptions = {}): Promise<ReviewWrite> {
  const path = join(dir, REVIEW_FILE);
  for (const review of change.add) {
    const refusal = await refusalOf(review.entry, lang);
    if (refusal) return { kind: 'refused', path, refusal };
  }
  const { parseDocument, isMap, isSeq } = await import('yaml');
  let added = 0;
  let pruned = 0;
  const outcome = await updatePlanFile<ReviewRefusal>(
    dir,
    REVIEW_FILE,
    (current) => {
      added = 0;
      pruned = 0;
      const doc = parseDocument(current?.text ?? `${headerFor(dir)}${LIST_KEY}: []\n`);
      if (doc.errors.length > 0) return { refusal: { rule: '', field: '', detail: doc.errors[0]!.message.split('\n')[0] ?? '' } };
      let list = doc.get(LIST_KEY);
      if (!isSeq(list)) {
        doc.set(LIST_KEY, doc.createNode([]));
        list = doc.get(LIST_KEY);
      }
      if (!isSeq(list)) return undefined;
      const items = list.items;
      for (const stale of change.remove ?? []) {
        const index = items.findIndex((item) => isMap(item) && sameEntry(item.toJSON(), stale));
        if (index < 0) continue;
        items.splice(index, 1);
        pruned += 1;
      }
      // An emptied list stays a list, written `[]`, not a dangling key.
      if (pruned > 0 && items.length === 0) list.flow = true;
      const present = new Set(items.flatMap((item) => (isMap(item) ? [`${String(item.get('rule'))} ${String(item.get('fingerprint'))}`] : [])));
      for (const review of change.add) {
        const key = `${review.entry.rule} ${String(review.entry.fingerprint)}`;
        if (review.entry.fingerprint !== undefined && present.has(key)) continue;
        present.add(key);
        const node = doc.createNode(Object.fromEntries(Object.entries(review.entry).filter(([, value]) => value !== undefined)));
        if (review.comment !== undefined) node.commentBefore = ` ${commentText(review.comment)}`;
        list.flow = false;
        items.push(node);
        added += 1;
      }
      if (added === 0 && pruned === 0) return undefined;
      return doc.toString({ lineWidth: 0 });
    },
    lock,
  );
  if (outcome.kind === 'written') return { kind: 'written', path, added, pruned };
  if (outcome.kind === 'unchanged') return { kind: 'unchanged', path };
  if (outcome.kind === 'refused') return { kind: 'refused', path, refusal: outcome.refusal };
  if (outcome.kind === 'locked') return { kind: 'locked', path, lock: outcome.lock, holder: outcome.holder };
  return { kind: 'failed', path, detail: outcome.detail };
}

/**
 * Writes reviews of the current findings into each plan's `reviews.yaml`, and prunes reviews
 * that match nothing. The one command that writes into a plan folder, and only that file.
 */
export async function reviewPlans(paths: readonly string[], options: ReviewOptions): Promise<ReviewOutcome> {
  const { parseDocument, isSeq } = await import('yaml');
  const result = await run(paths, { lang: options.lang, audit: true });
  const files: { path: string; added: number; pruned: number }[] = [];
  const withoutQuote: Finding[] = [];
  const staleAcceptances: Finding[] = [];
  const unwritable: { path: string; detail: string }[] = [];
  const refused: { path: string; refusal: ReviewRefusal }[] = [];
  const blocking = allFindings(result).filter((finding) => finding.severity === 'error' && !AUDIT_RULE_IDS.has(finding.ruleId));
  if (blocking.length > 0) return { files, withoutQuote, staleAcceptances, blocking, unwritable, refused };
  const wanted = new Set(options.rules);
  for (const plan of result.plans) {
    const remove: ReviewEntry[] = [];
    if (options.prune) {
      // The stale entries as the audit read them; removed by content, under the lock, wherever they stand then.
      let read: unknown[] = [];
      try {
        const list = parseDocument(readFileSync(join(plan.dir, REVIEW_FILE), 'utf8')).get(LIST_KEY);
        if (isSeq(list)) read = list.items.map((item) => (item as { toJSON(): unknown }).toJSON());
      } catch {
        // No file: nothing to prune.
      }
      for (const finding of plan.findings.filter((f) => f.ruleId === staleReview.id && f.messageId === 'stale')) {
        const where = finding.locations[0];
        const match = where && /^\/reviews\/(\d+)$/.exec(where.pointer);
        const entry = match && basename(where.file) === REVIEW_FILE ? read[Number(match[1])] : undefined;
        if (entry && typeof entry === 'object') remove.push(entry as ReviewEntry);
        else staleAcceptances.push(finding);
      }
    }
    const add: NewReview[] = [];
    for (const finding of plan.findings) {
      if (finding.review || !AUDIT_RULE_IDS.has(finding.ruleId) || finding.ruleId === staleReview.id) continue;
      if (!options.all && !wanted.has(finding.ruleId)) continue;
      const quote = options.quote ?? finding.locations[0]?.quote;
      if (options.verdict === 'as-printed' && quote === undefined) {
        withoutQuote.push(finding);
        continue;
      }
      // The finding's message, for a reader of the file; the fingerprint is what matches.
      add.push({ entry: reviewEntryFor(finding, options.verdict, options.reason, quote), comment: finding.message });
    }
    if (add.length === 0 && remove.length === 0) continue;
    const written = await writeReviews(plan.dir, { add, remove }, options.lang);
    if (written.kind === 'written') files.push({ path: written.path, added: written.added, pruned: written.pruned });
    else if (written.kind === 'refused') refused.push({ path: written.path, refusal: written.refusal });
    else if (written.kind === 'locked') unwritable.push({ path: written.path, detail: say(options.lang, 'planFileLocked', { lock: written.lock, holder: written.holder }) });
    else if (written.kind === 'failed') unwritable.push({ path: written.path, detail: written.detail });
  }
  return { files, withoutQuote, staleAcceptances, blocking, unwritable, refused };
}

/** `plan review` on the command line: checks the options, writes, and says what it wrote. */
export interface ReviewCommandOptions {
  readonly all?: boolean;
  readonly rule?: string[];
  readonly prune?: boolean;
  readonly verdict: Verdict;
  readonly reason?: string;
  readonly quote?: string;
}

function where(finding: Finding): string {
  const primary = finding.locations[0];
  return primary ? `${primary.file}:${primary.line}:${primary.column}: ` : '';
}

export async function reviewCommand(paths: readonly string[], options: ReviewCommandOptions, lang: Lang, io: Io): Promise<number> {
  const rules = options.rule ?? [];
  const unknown = rules.filter((id) => !findRule(id));
  if (unknown.length > 0) {
    io.stderr(`plan: ${say(lang, 'unknownRules', { ids: unknown.join(', '), known: RULES.map((rule) => rule.id).join(', ') })}\n`);
    return EXIT_INPUT;
  }
  if (!options.all && rules.length === 0 && !options.prune) {
    io.stderr(`plan: ${say(lang, 'reviewNeedsWhat')}\n`);
    return EXIT_INPUT;
  }
  if (options.verdict === 'not-an-error' && !options.reason) {
    io.stderr(`plan: ${say(lang, 'reviewNeedsReason')}\n`);
    return EXIT_INPUT;
  }
  // Quoted globs expanded as every other command expands them.
  const expanded = expandPaths(paths, io, lang);
  if (!expanded) return EXIT_INPUT;
  const outcome = await reviewPlans(expanded, {
    lang,
    all: options.all === true,
    rules,
    prune: options.prune === true,
    verdict: options.verdict,
    ...(options.reason === undefined ? {} : { reason: options.reason }),
    ...(options.quote === undefined ? {} : { quote: options.quote }),
  });
  if (outcome.blocking.length > 0) {
    for (const finding of outcome.blocking) io.stderr(`${where(finding)}${finding.message}\n`);
    io.stderr(`plan: ${say(lang, 'reviewMustValidate')}\n`);
    return outcome.blocking.some((finding) => UNREADABLE_INPUT_RULES.has(finding.ruleId)) ? EXIT_INPUT : EXIT_FINDINGS;
  }
  for (const file of outcome.unwritable) io.stderr(`plan: ${say(lang, 'cannotWrite', { path: file.path, code: file.detail })}\n`);
  for (const { path, refusal } of outcome.refused) io.stderr(`plan: ${say(lang, 'reviewRefused', { path, rule: refusal.rule, field: refusal.field, detail: refusal.detail })}\n`);
  if (outcome.unwritable.length > 0 || outcome.refused.length > 0) return EXIT_INPUT;
  for (const file of outcome.files) io.stdout(`${say(lang, 'reviewWritten', { path: file.path, added: file.added, pruned: file.pruned })}\n`);
  if (outcome.files.length === 0) io.stdout(`${say(lang, 'reviewNothing')}\n`);
  for (const finding of outcome.staleAcceptances) io.stderr(`${where(finding)}${say(lang, 'reviewAcceptedByHand')}\n`);
  for (const finding of outcome.withoutQuote) io.stderr(`${where(finding)}${say(lang, 'reviewNoQuote', { rule: finding.ruleId })}\n`);
  return outcome.withoutQuote.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
