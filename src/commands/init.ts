/** `plan init <folder> --from <text>`: writes a draft plan folder, never over anything. */
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Io } from '../io/command-io.js';
import { draftPlan, type InitProblem, type InitResult, type InitStage, type InitSummary } from '../init/index.js';
import { explainPdf } from '../read/explain.js';
import { REFUSAL_WORDS, sniffForm } from '../read/index.js';
import { exists, planFolderAround } from '../io/output.js';
import { readRegularFile } from '../io/read-file.js';
import { SCHEMAS_FOLDER } from './schemas.js';
import type { Lang } from '../model.js';
import { type WordId, say as word } from '../words.js';

/** One line of the command's own messages on stderr. */
function say(lang: Lang, id: WordId, path: string, detail = ''): string {
  return `plan: ${word(lang, id, { path, detail })}\n`;
}

/** A reader's refusal in its own words (src/read/index.ts), and the drafter's one. */
const PROBLEM_WORDS = { ...REFUSAL_WORDS, 'no-structure': 'initNoStructure' } as const satisfies Record<InitProblem, WordId>;

const OK = 0;
const INPUT = 2;
/** A published plan is a few MB at most; anything much larger is not one. */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;
/** Texts longer than this get a progress line on a terminal. */
const LONG_TEXT_BYTES = 200 * 1024;

export async function initCommand(folder: string, from: string, lang: Lang, io: Io, explain?: string): Promise<number> {
  // --explain writes a folder of its own: new, and never inside a plan.
  if (explain !== undefined) {
    if (exists(resolve(explain))) {
      io.stderr(say(lang, 'initExists', explain));
      return INPUT;
    }
    const plan = planFolderAround(dirname(resolve(explain)));
    if (plan !== undefined) {
      io.stderr(`plan: ${word(lang, 'refuseInsidePlan', { path: explain, plan })}\n`);
      return INPUT;
    }
    const read = readRegularFile(from, MAX_INPUT_BYTES);
    if ('bytes' in read && sniffForm(read.bytes, from) !== 'pdf') {
      io.stderr(say(lang, 'initExplainNotPdf', from));
      return INPUT;
    }
  }
  const drafted = await draftInto(folder, from, lang, io);
  if (!drafted.ok) return INPUT;
  let explained = '';
  if (explain !== undefined) {
    const read = readRegularFile(from, MAX_INPUT_BYTES);
    const pages = 'bytes' in read ? await explainPdf(read.bytes, explain) : undefined;
    if (pages === undefined || !('files' in pages)) {
      io.stderr(say(lang, 'initNoInput', from, pages?.refused ?? ''));
      return INPUT;
    }
    explained = `${word(lang, 'initExplained', { path: explain, detail: pages.files.length })}\n`;
  }
  io.stdout(summaryText(drafted.result.summary, folder, from, lang) + explained);
  return OK;
}

/** A draft written into a new folder: what `plan init` does, and `plan audit <document>` before it audits. */
export type Drafted = { readonly ok: true; readonly result: Extract<InitResult, { ok: true }> } | { readonly ok: false };

/** Drafts `from` into the new folder `folder` (refused when it exists or is inside a plan); messages on stderr. */
export async function draftInto(folder: string, from: string, lang: Lang, io: Io): Promise<Drafted> {
  const target = resolve(folder);
  if (exists(target)) {
    io.stderr(say(lang, 'initExists', folder));
    return { ok: false };
  }
  const parent = dirname(target);
  try {
    if (!statSync(parent).isDirectory()) throw new Error('not a directory');
  } catch {
    io.stderr(say(lang, 'initNoParent', dirname(folder)));
    return { ok: false };
  }
  // A draft is a plan of its own: never a folder inside another plan, by any path.
  const plan = planFolderAround(parent);
  if (plan !== undefined) {
    io.stderr(`plan: ${word(lang, 'refuseInsidePlan', { path: folder, plan })}\n`);
    return { ok: false };
  }
  // A regular file only, and bounded: a FIFO or /dev/zero given as --from must not hang the run.
  const read = readRegularFile(from, MAX_INPUT_BYTES);
  if ('refusal' in read) {
    const { messageId, detail } = read.refusal;
    io.stderr(messageId === 'too-large' ? say(lang, 'initTooLarge', from, detail) : say(lang, 'initNoInput', from, detail));
    return { ok: false };
  }
  const bytes = read.bytes;
  // On a terminal, a long text gets one progress line, rewritten at each stage and cleared at the end.
  const showProgress = io.isTTY && bytes.length > LONG_TEXT_BYTES;
  const stageWords = { document: 'initStageDocument', draft: 'initStageDraft', yaml: 'initStageYaml' } as const satisfies Record<InitStage, WordId>;
  const progress = (stage: InitStage): void => {
    if (showProgress) io.stderr(`\r\u001b[K${say(lang, 'initProgress', from, String(bytes.length)).trimEnd()} ${word(lang, stageWords[stage])}`);
  };
  const result = await draftPlan(bytes, basename(from), basename(target), progress);
  if (showProgress) io.stderr('\r\u001b[K');
  if (!result.ok) {
    io.stderr(say(lang, PROBLEM_WORDS[result.problem], from, result.detail));
    return { ok: false };
  }
  // The modelines name the installed tool's schemas as seen from the draft, wherever it is.
  const schemas = relative(target, SCHEMAS_FOLDER).split(sep).join('/') || '.';
  for (const [name, content] of result.files) {
    if (typeof content === 'string' && name.endsWith('.yaml')) result.files.set(name, content.replace(/^(# yaml-language-server: \$schema=)\.\.\/\.\.\/schemas\//, `$1${schemas}/`));
  }
  // Written beside the target and renamed at the end, so that no half-written folder is ever seen.
  const temporary = join(parent, `.${basename(target)}.plan-init-${process.pid}-${Date.now()}`);
  try {
    mkdirSync(temporary);
    for (const [name, content] of result.files) writeFileSync(join(temporary, name), content, { flag: 'wx' });
    if (exists(target)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(code === 'EEXIST' ? say(lang, 'initExists', folder) : say(lang, 'initWriteFailed', folder, code ?? 'error'));
    return { ok: false };
  }
  return { ok: true, result };
}

function summaryText(summary: InitSummary, folder: string, from: string, lang: Lang): string {
  const w = (id: WordId, params: Readonly<Record<string, string | number>> = {}): string => word(lang, id, params);
  const rows: [string, string][] = [
    [w('initOutline'), w('initOutlineCounts', { chapters: summary.chapters, sections: summary.sections, boxes: summary.boxes })],
    [w('initIndicators'), w('initIndicatorCounts', { n: summary.indicators })],
    [w('initServices'), w('initServiceCounts', { n: summary.serviceAreas })],
    [w('initBoxes'), w('initBoxCounts', { items: summary.boxItems, links: summary.links })],
    [w('initAppendix'), w('initAppendixCounts', { sections: summary.appendixSections, projects: summary.projects })],
    [w('initFigures'), w('initFigureCounts', { facts: summary.facts, prose: summary.statements })],
    [w('initToCheck'), w('initCheckCounts', { n: summary.checks })],
    [w('initNotRead'), String(summary.unread.length)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  let text = `${w('initDrafted', { folder, from, encoding: summary.encoding })}\n`;
  // What the draft could not read comes first: an audit of the draft says nothing about it.
  const parts = summary.unread.filter((unread) => unread.part !== undefined);
  if (parts.length > 0) text += `${w('initPartsUnread')}\n${parts.map((unread) => `  ${unread.part}  ${from}:${unread.where}  ${unread.what}\n`).join('')}`;
  if (parts.length > 0 && summary.advice === 'install-pdftotext') text += `${w('initAdvicePdftotext')}\n`;
  for (const [label, value] of rows) text += `  ${label.padEnd(width)}  ${value}\n`;
  for (const unread of summary.unread) text += `    ${from}:${unread.where}  ${unread.what}\n`;
  return `${text}${w('initNext', { folder })}\n`;
}
