/** Stage 0 of the drafter: plan.yaml's identity from the header — title, issuer, number, date, period. */
import { parseChineseNumeral } from '../../numerals.js';
import type { Draft } from '../types.js';
import { placeWords, type Structure } from './structure.js';
import { readYears } from './years.js';
/** A plan id from the folder name: kebab-case ASCII, else `plan`. */
export function planId(folderName: string): string {
  const id = folderName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return id.length > 0 ? id : 'plan';
}

/** The years of the nth five-year plan (十四五 → 2021–2025): the third began in 1966. */
function fiveYearPlan(numeral: string): { start: number; end: number } | undefined {
  const n = parseChineseNumeral(numeral);
  if (n === undefined || n < 3) return undefined;
  const start = 1966 + 5 * (n - 3);
  return { start, end: start + 4 };
}

export function readIdentity(doc: Structure, folderName: string): Draft['plan'] {
  const plan: Draft['plan'] = { id: planId(folderName), moneyUnit: '万元', checks: [] };
  const header = doc.header;
  const all = header.map((line) => line.text);
  for (const text of all) {
    const titled = /《([^》]*(规划|纲要|计划|方案)[^》]*)》/u.exec(text);
    if (titled) {
      plan.title = titled[1];
      break;
    }
  }
  if (!plan.title) {
    const line = all.find((text) => /(规划|纲要)$/u.test(text) && text.length < 60) ?? doc.texts.find((text) => /(规划|纲要)\s*$/u.test(text.trim()) && text.trim().length < 60)?.trim();
    if (line) {
      plan.title = line.replace(/\s+/g, '');
      plan.checks.push(`title: taken from a line that ends in 规划/纲要, not from a 《》 in the header`);
    }
  }
  for (const text of all) {
    const number = /([\p{Script=Han}]{1,20}〔\d{4}〕\d+号)/u.exec(text.replace(/\s+/g, ''));
    if (number) {
      plan.documentNumber = number[1];
      break;
    }
  }
  const issuers = header.filter((line) => /^[\p{Script=Han}（）()]{4,40}(委员会|人民政府|政府|办公室|办公厅|管理局|局|委|厅|部)$/u.test(line.text.replace(/\s+/g, '')));
  const issuer = issuers[issuers.length - 1];
  if (issuer) {
    plan.issuer = issuer.text.replace(/\s+/g, '');
    if (issuers.length > 1 && new Set(issuers.map((line) => line.text.replace(/\s+/g, ''))).size > 1) plan.checks.push(`issuer: the last of ${issuers.length} authority names in the header (${placeWords(issuer.place)})`);
  }
  for (const line of [...header].reverse()) {
    const date = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u.exec(line.text);
    if (date) {
      plan.date = `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}`;
      break;
    }
  }
  const head = doc.texts.slice(0, 400).join('\n');
  const printed = /规划(?:期|期限|时限)(?:为|是)?\s*(\d{4})\s*年?\s*[-—–~～〜至到]\s*(\d{4})\s*年?/u.exec(head);
  const numbered = /十([一二三四五六七八九]?)五/u.exec(plan.title ?? '');
  const spanned = /(\d{4})\s*[-—–~～〜至]\s*(\d{4})/u.exec(plan.title ?? '');
  if (printed) plan.period = { start: Number(printed[1]), end: Number(printed[2]) };
  else if (spanned) plan.period = { start: Number(spanned[1]), end: Number(spanned[2]) };
  else if (numbered) {
    plan.period = fiveYearPlan(`十${numbered[1]}`);
    if (plan.period) plan.checks.push(`period: ${plan.period.start}-${plan.period.end} from 十${numbered[1]}五 in the title`);
  }
  return plan;
}

/** The period the tables imply: the indicator table's columns (2020年 → 2021, 2025年), else the appendix's years. */
export function periodFromTables(doc: Structure): { start: number; end: number } | undefined {
  for (const box of doc.boxes) {
    const years = (box.table?.header ?? []).map((cell) => /^(\d{4})年?$/u.exec(cell)?.[1]).filter((year) => year !== undefined).map(Number);
    if (years.length >= 2) return { start: years[0]! + 1, end: years[years.length - 1]! };
  }
  const spans = (doc.appendix?.table?.rows ?? []).flatMap((row) => row.cells.map(readYears).filter((span) => span !== undefined));
  if (spans.length === 0) return undefined;
  return { start: Math.min(...spans.map((span) => span.start)), end: Math.max(...spans.map((span) => span.end)) };
}

