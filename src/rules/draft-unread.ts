import type { DocumentPart, Message } from '../model.js';
import { defineRule } from './rule.js';

const PART_WORDS: Readonly<Record<DocumentPart, Message>> = {
  appendix: { zh: '附表', en: 'the appendix' },
  indicators: { zh: '主要指标表', en: 'the indicator table' },
  services: { zh: '基本公共服务清单', en: 'the service list' },
  boxes: { zh: '专栏', en: 'the boxes' },
  outline: { zh: '章节', en: 'the outline' },
};

/**
 * A part of the published text that `plan init` could not read (plan.yaml `draft.unread`). The
 * engine does not run the rules that judge that part (`Rule.reads`); this says so, once a part.
 */
export const draftUnread = defineRule({
  id: 'draft-unread',
  stage: 'audit',
  severity: 'warning',
  description: {
    zh: '草稿未读出原文的某一部分（plan.yaml 的 draft.unread）：判断该部分的规则不运行，直到补录并删去该条目。',
    en: 'A part of the published text the draft could not read (plan.yaml draft.unread): the rules that judge that part do not run until it is transcribed and the entry deleted.',
  },
  messages: {
    'part-unread': {
      zh: '草稿未读出{part}（原文 {where}：{what}），判断{part}的规则未运行；补录后删去此条目',
      en: 'the draft did not read {part} (document {where}: {what}); the rules that judge {part} did not run; transcribe it, then delete this entry',
    },
    'row-unread': {
      zh: '草稿读错附表的一行（原文 {where}：{what}）；逐行核对的规则（附表合计、年限、编号）跳过该行读错的栏及用到它的合计，其他判断附表的规则未运行；补录后删去此条目',
      en: 'the draft misread one appendix row (document {where}: {what}); the rules that judge the appendix row by row (sums, years, numbering) leave out what of the row was misread and every sum that needs it, and the others did not run; transcribe it, then delete this entry',
    },
  },
  check({ plan, report }) {
    for (const entry of plan.unread) {
      if (entry.part === 'appendix' && entry.row) report({ messageId: 'row-unread', at: entry.at, data: { where: entry.where, what: entry.what } });
      else report({ messageId: 'part-unread', at: entry.at, data: { part: PART_WORDS[entry.part], where: entry.where, what: entry.what } });
    }
  },
});
