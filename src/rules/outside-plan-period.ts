import { child } from '../pointer.js';
import { defineRule } from './rule.js';
import { unreadRowsOf } from './support/unread-rows.js';

export const outsidePlanPeriod = defineRule({
  id: 'outside-plan-period',
  stage: 'audit',
  reads: ['appendix'],
  readsRows: true,
  severity: 'warning',
  description: {
    zh: '项目建设起止年限落在规划期之外（早于开始或晚于结束）。',
    en: "A project's construction years fall outside the plan period (starting before it or ending after it).",
  },
  messages: {
    'starts-before': {
      zh: '{ref} “{name}” 建设年限 {start}-{end} 早于规划期 {planStart}-{planEnd} 开始',
      en: "{ref} '{name}' runs {start}-{end}, starting before the plan period {planStart}-{planEnd}",
    },
    'ends-after': {
      zh: '{ref} “{name}” 建设年限 {start}-{end} 晚于规划期 {planStart}-{planEnd} 结束',
      en: "{ref} '{name}' runs {start}-{end}, ending after the plan period {planStart}-{planEnd}",
    },
    'outside-both': {
      zh: '{ref} “{name}” 建设年限 {start}-{end} 超出规划期 {planStart}-{planEnd} 两端',
      en: "{ref} '{name}' runs {start}-{end}, beyond both ends of the plan period {planStart}-{planEnd}",
    },
  },
  check({ plan, report }) {
    const { start: planStart, end: planEnd } = plan.period;
    const unread = unreadRowsOf(plan, 'years');
    for (const project of plan.appendixSections.flatMap((s) => s.projects)) {
      if (unread(project)) continue;
      const { start, end } = project;
      if (start === undefined || end === undefined) continue;
      // Years in the wrong order (year-order's finding) may still fall outside the plan: 2026-2024.
      const early = Math.min(start, end) < planStart;
      const late = Math.max(start, end) > planEnd;
      if (!early && !late) continue;
      const field = early ? (start <= end ? 'start' : 'end') : start <= end ? 'end' : 'start';
      report({
        messageId: early && late ? 'outside-both' : early ? 'starts-before' : 'ends-after',
        at: { ...project.at, pointer: child(project.at.pointer, field) },
        data: { ref: project.at.ref ?? '', name: project.name, start, end, planStart, planEnd },
      });
    }
  },
});
