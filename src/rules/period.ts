import { defineRule } from './rule.js';

export const yearOrder = defineRule({
  id: 'year-order',
  severity: 'error',
  description: { zh: '起始年份不晚于结束年份（规划期与各项目建设起止年限）。', en: 'A start year is not after its end year (the plan period and every project).' },
  messages: {
    'start-after-end': { zh: '{ref} 的起始年份 {start} 晚于结束年份 {end}', en: '{ref}: start year {start} is after end year {end}' },
  },
  check({ plan, report }) {
    if (plan.period.start > plan.period.end) {
      report({ messageId: 'start-after-end', at: { file: 'plan.yaml', pointer: '/period', ref: '规划期' }, data: { ref: '规划期', ...plan.period } });
    }
    for (const project of plan.appendixSections.flatMap((s) => s.projects)) {
      if (project.start !== undefined && project.end !== undefined && project.start > project.end) {
        report({ messageId: 'start-after-end', at: { ...project.at, pointer: `${project.at.pointer}/start` }, data: { ref: project.at.ref ?? '', start: project.start, end: project.end } });
      }
    }
  },
});

export const outsidePlanPeriod = defineRule({
  id: 'outside-plan-period',
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
    for (const project of plan.appendixSections.flatMap((s) => s.projects)) {
      const { start, end } = project;
      if (start === undefined || end === undefined) continue;
      const early = start < planStart;
      const late = end > planEnd;
      if (!early && !late) continue;
      report({
        messageId: early && late ? 'outside-both' : early ? 'starts-before' : 'ends-after',
        at: { ...project.at, pointer: `${project.at.pointer}/${early ? 'start' : 'end'}` },
        data: { ref: project.at.ref ?? '', name: project.name, start, end, planStart, planEnd },
      });
    }
  },
});
