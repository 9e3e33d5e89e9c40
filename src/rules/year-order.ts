import { child } from '../pointer.js';
import { defineRule } from './rule.js';
import { unreadRowsOf } from './support/unread-rows.js';

export const yearOrder = defineRule({
  id: 'year-order',
  stage: 'audit',
  reads: ['appendix'],
  readsRows: true,
  severity: 'error',
  description: {
    zh: '各项目建设起止年限的起始年份不晚于结束年份。（规划期与“2025-2021”式时期写反时是 schema 错误，不审计。）',
    en: 'A project’s start year is not after its end year. (A reversed plan period or “2025-2021” period is a schema error, and the plan is not audited.)',
  },
  messages: {
    'start-after-end': { zh: '{ref} 的起始年份 {start} 晚于结束年份 {end}', en: '{ref}: start year {start} is after end year {end}' },
  },
  check({ plan, report }) {
    const unread = unreadRowsOf(plan, 'years');
    for (const project of plan.appendixSections.flatMap((s) => s.projects)) {
      if (unread(project)) continue;
      if (project.start !== undefined && project.end !== undefined && project.start > project.end) {
        report({ messageId: 'start-after-end', at: { ...project.at, pointer: child(project.at.pointer, 'start') }, data: { ref: project.at.ref ?? '', start: project.start, end: project.end } });
      }
    }
  },
});

