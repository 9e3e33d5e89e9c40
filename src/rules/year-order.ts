import { fileNameOf } from '../load/file-kinds.js';
import { child } from '../pointer.js';
import { defineRule } from './rule.js';

export const yearOrder = defineRule({
  id: 'year-order',
  stage: 'audit',
  severity: 'error',
  description: { zh: '起始年份不晚于结束年份（规划期与各项目建设起止年限）。', en: 'A start year is not after its end year (the plan period and every project).' },
  messages: {
    'start-after-end': { zh: '{ref} 的起始年份 {start} 晚于结束年份 {end}', en: '{ref}: start year {start} is after end year {end}' },
  },
  check({ plan, report }) {
    if (plan.period.start > plan.period.end) {
      report({ messageId: 'start-after-end', at: { file: fileNameOf('plan'), pointer: '/period', ref: '规划期' }, data: { ref: '规划期', ...plan.period } });
    }
    for (const project of plan.appendixSections.flatMap((s) => s.projects)) {
      if (project.start !== undefined && project.end !== undefined && project.start > project.end) {
        report({ messageId: 'start-after-end', at: { ...project.at, pointer: child(project.at.pointer, 'start') }, data: { ref: project.at.ref ?? '', start: project.start, end: project.end } });
      }
    }
  },
});

