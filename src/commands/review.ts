import { existsSync, lstatSync, readFileSync, realpathSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Finding, Lang, Verdict } from '../model.js';
import { EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, type Io } from '../io/command-io.js';
import { run, UNREADABLE_INPUT_RULES } from '../engine.js';
import { allFindings } from '../formatters/types.js';
import { replaceByRename } from '../io/output.js';
import { fileNameOf, PLAN_FILE_KIND, schemaFileOf } from '../load/file-kinds.js';
import { staleReview } from '../rules/stale-review.js';
import { findRule, RULES, rulesOf } from '../rules/index.js';
import { say } from '../words.js';

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
}

const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? 'error';

/**
 * Replaces the plan's review file by a new file renamed over it: the old file is never opened
 * for writing, a link at its name is refused rather than followed, and a failed write leaves the
 * old file whole. Returns why it could not, or undefined.
 */
function replaceReviewFile(dir: string, text: string): string | undefined {
  let realDir: string;
  try {
    realDir = realpathSync(dir);
  } catch (error) {
    return errorCode(error);
  }
  const target = join(realDir, REVIEW_FILE);
  try {
    if (!lstatSync(target).isFile()) return 'not a regular file';
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') return errorCode(error);
  }
  return replaceByRename(realDir, REVIEW_FILE, [text]);
}

const REVIEW_FILE = 'reviews.yaml';
/** The key of the list of reviews in the file. */
const LIST_KEY = 'reviews';
const AUDIT_RULE_IDS = new Set(rulesOf('audit').map((rule) => rule.id));

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

/**
 * Writes reviews of the current findings into each plan's `reviews.yaml`, and prunes reviews
 * that match nothing, through the `yaml` library's Document API: comments, order and layout
 * of what is already there survive. The one command that writes into a plan folder, and only
 * that file.
 */
export async function reviewPlans(paths: readonly string[], options: ReviewOptions): Promise<ReviewOutcome> {
  const { parseDocument, isSeq } = await import('yaml');
  const result = await run(paths, { lang: options.lang, audit: true });
  const files: { path: string; added: number; pruned: number }[] = [];
  const withoutQuote: Finding[] = [];
  const staleAcceptances: Finding[] = [];
  const unwritable: { path: string; detail: string }[] = [];
  const blocking = allFindings(result).filter((finding) => finding.severity === 'error' && !AUDIT_RULE_IDS.has(finding.ruleId));
  if (blocking.length > 0) return { files, withoutQuote, staleAcceptances, blocking, unwritable };
  const wanted = new Set(options.rules);
  for (const plan of result.plans) {
    const path = join(plan.dir, REVIEW_FILE);
    const exists = existsSync(path);
    const text = exists ? readFileSync(path, 'utf8') : `${headerFor(plan.dir)}${LIST_KEY}: []\n`;
    const doc = parseDocument(text);
    let list = doc.get(LIST_KEY);
    if (!isSeq(list)) {
      doc.set(LIST_KEY, doc.createNode([]));
      list = doc.get(LIST_KEY);
    }
    if (!isSeq(list)) continue;
    let pruned = 0;
    if (options.prune) {
      const stale = plan.findings.filter((finding) => finding.ruleId === staleReview.id && finding.messageId === 'stale');
      const indexes: number[] = [];
      for (const finding of stale) {
        const where = finding.locations[0];
        const match = where && /^\/reviews\/(\d+)$/.exec(where.pointer);
        if (where && basename(where.file) === REVIEW_FILE && match) indexes.push(Number(match[1]));
        else staleAcceptances.push(finding);
      }
      for (const index of indexes.sort((a, b) => b - a)) list.items.splice(index, 1);
      pruned = indexes.length;
      // An emptied list stays a list, written `[]`, not a dangling key.
      if (list.items.length === 0) list.flow = true;
    }
    let added = 0;
    for (const finding of plan.findings) {
      if (finding.review || !AUDIT_RULE_IDS.has(finding.ruleId) || finding.ruleId === staleReview.id) continue;
      if (!options.all && !wanted.has(finding.ruleId)) continue;
      const primary = finding.locations[0];
      const quote = options.quote ?? primary?.quote;
      if (options.verdict === 'as-printed' && quote === undefined) {
        withoutQuote.push(finding);
        continue;
      }
      const entry = {
        rule: finding.ruleId,
        ...(primary ? { file: basename(primary.file), pointer: primary.pointer } : {}),
        fingerprint: finding.fingerprint,
        verdict: options.verdict,
        ...(options.verdict === 'as-printed' ? { quote } : {}),
        ...(options.reason === undefined ? {} : { reason: options.reason }),
      };
      const node = doc.createNode(entry);
      // The finding's message, for a reader of the file; the fingerprint is what matches.
      node.commentBefore = ` ${finding.message.replace(/\s+/g, ' ')}`;
      list.flow = false;
      list.items.push(node);
      added += 1;
    }
    if (added === 0 && pruned === 0) continue;
    const failure = replaceReviewFile(plan.dir, doc.toString({ lineWidth: 0 }));
    if (failure) unwritable.push({ path, detail: failure });
    else files.push({ path, added, pruned });
  }
  return { files, withoutQuote, staleAcceptances, blocking, unwritable };
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
  const outcome = await reviewPlans(paths, {
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
  if (outcome.unwritable.length > 0) return EXIT_INPUT;
  for (const file of outcome.files) io.stdout(`${say(lang, 'reviewWritten', { path: file.path, added: file.added, pruned: file.pruned })}\n`);
  if (outcome.files.length === 0) io.stdout(`${say(lang, 'reviewNothing')}\n`);
  for (const finding of outcome.staleAcceptances) io.stderr(`${where(finding)}${say(lang, 'reviewAcceptedByHand')}\n`);
  for (const finding of outcome.withoutQuote) io.stderr(`${where(finding)}${say(lang, 'reviewNoQuote', { rule: finding.ruleId })}\n`);
  return outcome.withoutQuote.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
