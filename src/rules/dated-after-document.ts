import { lineAt, planSource } from '../source-text.js';
import { defineRule } from './rule.js';

/** A date printed in the text: a year with its month (2023年5月, ２０２３年５月). A year alone is a year of the plan's work. */
const DATE = /([12１２][0-9０-９]{3})年([0-9０-９]{1,2})月/g;
/** Where a clause begins and ends: what a date dates. */
const CLAUSE_BREAK = /[，。；;！？\n]/;
/** Just before a date, words that make it a target's: 到2025年6月, 至2024年3月. */
const TARGET_BEFORE = /(?<!截)(到|至)\s*$/;
/** In its clause, before or after it, words of a plan: 计划于2024年3月, 拟, 预计, 力争, 2024年3月将投入使用. */
const PLAN_WORDS = /计划|拟|预计|力争|争取|确保|将|目标|预期|规划|有望/;
/** Just after it, words of a plan or a time span: 2023年5月启动, 2024年6月前, 2024年1月起, 2023年5月—2024年. */
const PLAN_AFTER = /^([0-9０-９]{1,2}日)?\s*(启动|开工|开始|着手|实施|前|以前|之前|底前|起|以后|后|版|—|–|-|－|～|~|至|到)/;

/** The date of a plan.yaml `date` (YYYY-MM-DD) as a month count, for comparing with 年/月. */
function monthOf(date: string): { year: number; month: number } | undefined {
  const match = /^(\d{4})-(\d{2})/.exec(date);
  return match ? { year: Number(match[1]), month: Number(match[2]) } : undefined;
}

export const datedAfterDocument = defineRule({
  id: 'dated-after-document',
  stage: 'audit',
  severity: 'error',
  description: {
    zh: '原文陈述已发生之事所写的年月不晚于 plan.yaml 的印发日期；目标（到2025年6月）与计划（2023年5月启动、计划于…）中的日期不在此列。直接读 source.txt，无需记为事实。',
    en: 'No statement of the text dates what happened (a year and month) later than plan.yaml’s date; dates of targets (到2025年6月) and plans (2023年5月启动, 计划于…) are not such statements. Read from source.txt, without keying.',
  },
  messages: {
    'after-document': {
      zh: '原文第 {line} 行把 {printed} 写成已发生，晚于规划的印发日期 {date}：“{clause}”',
      en: 'line {line} of the text states {printed} as past, later than the plan’s date {date}: “{clause}”',
    },
  },
  check({ plan, report }) {
    if (plan.sourceText === undefined || plan.date === undefined) return;
    const issued = monthOf(plan.date);
    if (!issued) return;
    const source = planSource(plan, plan.sourceText);
    const text = source.text;
    for (const match of text.matchAll(DATE)) {
      const year = Number(match[1]!.normalize('NFKC'));
      const month = Number(match[2]!.normalize('NFKC'));
      if (month < 1 || month > 12 || !(year > issued.year || (year === issued.year && month > issued.month))) continue;
      let start = match.index;
      while (start > 0 && !CLAUSE_BREAK.test(text[start - 1]!)) start--;
      let end = match.index + match[0].length;
      while (end < text.length && !CLAUSE_BREAK.test(text[end]!)) end++;
      const before = text.slice(start, match.index);
      const after = text.slice(match.index + match[0].length, end);
      if (TARGET_BEFORE.test(before) || PLAN_WORDS.test(before) || PLAN_AFTER.test(after) || PLAN_WORDS.test(after)) continue;
      report({
        messageId: 'after-document',
        at: { file: plan.sourceFile ?? 'source.txt', pointer: '', line: lineAt(source, match.index), quote: text.slice(start, end).trim() },
        data: { line: lineAt(source, match.index), printed: match[0], date: plan.date, clause: text.slice(start, end).trim() },
      });
    }
  },
});
