/** `plan init <folder> --from <text>`: writes a draft plan folder, never over anything. */
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Io } from '../cli.js';
import { draftPlan, type InitSummary } from '../init/index.js';
import type { Lang } from '../model.js';

const OK = 0;
const INPUT = 2;
/** A published plan is a few MB at most; anything much larger is not one. */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;
/** Texts longer than this get a progress line on a terminal. */
const LONG_TEXT_BYTES = 200 * 1024;

const MESSAGES = {
  exists: { zh: '目标已存在，不会覆盖：{path}', en: 'the target exists and is not overwritten: {path}' },
  'no-parent': { zh: '目标的上级文件夹不存在：{path}', en: 'the folder to hold the target does not exist: {path}' },
  'no-input': { zh: '无法读取原文 {path}（{detail}）', en: 'cannot read the published text {path} ({detail})' },
  'too-large': { zh: '{path} 过大（{detail} 字节），不像规划原文', en: '{path} is too large ({detail} bytes) to be a published plan' },
  empty: { zh: '{path}:1:1 原文为空', en: '{path}:1:1 the text is empty' },
  binary: { zh: '{path}:1:1 这是二进制文件，不是文本或 .docx', en: '{path}:1:1 a binary file, neither text nor .docx' },
  'not-text': { zh: '{path}:1:1 既不是 UTF-8 也不是 GB18030/GBK 文本', en: '{path}:1:1 neither UTF-8 nor GB18030/GBK text' },
  'bad-docx': { zh: '{path}:1:1 是 zip 文件，但读不出 word/document.xml', en: '{path}:1:1 a zip file without a readable word/document.xml' },
  'no-structure': {
    zh: '{path}:1:1 找不到规划的结构（没有“第X章”、“专栏N”或“附表”）',
    en: '{path}:1:1 no plan structure found (no 第X章, 专栏N or 附表 heading)',
  },
  'write-failed': { zh: '无法写入 {path}（{detail}）；未留下任何文件', en: 'cannot write {path} ({detail}); nothing was left behind' },
  progress: { zh: '正在读取 {path}（{detail} 字节）…', en: 'reading {path} ({detail} bytes)…' },
} as const;

function say(lang: Lang, id: keyof typeof MESSAGES, path: string, detail = ''): string {
  return `plan: ${MESSAGES[id][lang].replace('{path}', path).replace('{detail}', detail)}\n`;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

export function initCommand(folder: string, from: string, lang: Lang, io: Io): number {
  const target = resolve(folder);
  if (exists(target)) {
    io.stderr(say(lang, 'exists', folder));
    return INPUT;
  }
  const parent = dirname(target);
  try {
    if (!statSync(parent).isDirectory()) throw new Error('not a directory');
  } catch {
    io.stderr(say(lang, 'no-parent', dirname(folder)));
    return INPUT;
  }
  let bytes: Buffer;
  try {
    const size = statSync(from).size;
    if (size > MAX_INPUT_BYTES) {
      io.stderr(say(lang, 'too-large', from, String(size)));
      return INPUT;
    }
    bytes = readFileSync(from);
  } catch (error) {
    io.stderr(say(lang, 'no-input', from, (error as NodeJS.ErrnoException).code ?? 'unreadable'));
    return INPUT;
  }
  if (io.isTTY && bytes.length > LONG_TEXT_BYTES) io.stderr(say(lang, 'progress', from, String(bytes.length)));
  const result = draftPlan(bytes, basename(from), basename(target));
  if (!result.ok) {
    io.stderr(say(lang, result.problem, from));
    return INPUT;
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
    io.stderr(code === 'EEXIST' ? say(lang, 'exists', folder) : say(lang, 'write-failed', folder, code ?? 'error'));
    return INPUT;
  }
  io.stdout(summaryText(result.summary, folder, from, lang));
  return OK;
}

function summaryText(summary: InitSummary, folder: string, from: string, lang: Lang): string {
  const zh = lang === 'zh';
  const rows: [string, string][] = zh
    ? [
        ['目录', `${summary.chapters} 章，${summary.sections} 节，${summary.boxes} 个专栏`],
        ['指标表', `${summary.indicators} 项指标`],
        ['服务清单', `${summary.serviceAreas} 个领域`],
        ['专栏', `${summary.boxItems} 项重点工程，${summary.links} 项工程关联到附表`],
        ['附表', `${summary.appendixSections} 个部分，${summary.projects} 个项目`],
        ['数字', `项目与专栏中 ${summary.facts} 个，正文中 ${summary.statements} 个`],
        ['待核对', `${summary.checks} 处推测，已标注 # check:`],
        ['未能读取', `${summary.unread.length} 处`],
      ]
    : [
        ['outline', `${summary.chapters} chapters, ${summary.sections} sections, ${summary.boxes} boxes`],
        ['indicators', `${summary.indicators} rows`],
        ['services', `${summary.serviceAreas} areas`],
        ['boxes', `${summary.boxItems} items, ${summary.links} works linked to the appendix`],
        ['appendix', `${summary.appendixSections} sections, ${summary.projects} projects`],
        ['figures', `${summary.facts} in projects and boxes, ${summary.statements} in the prose`],
        ['to check', `${summary.checks} guesses marked # check:`],
        ['not read', `${summary.unread.length}`],
      ];
  const width = Math.max(...rows.map(([label]) => label.length));
  let text = zh ? `plan init：已由 ${from}（${summary.encoding}）写出草稿 ${folder}\n` : `plan init: drafted ${folder} from ${from} (${summary.encoding})\n`;
  for (const [label, value] of rows) text += `  ${label.padEnd(width)}  ${value}\n`;
  for (const unread of summary.unread) text += `    ${from}:${unread.line}  ${unread.what}\n`;
  text += zh ? `下一步：plan validate ${folder} && plan audit ${folder}\n` : `next: plan validate ${folder} && plan audit ${folder}\n`;
  return text;
}
