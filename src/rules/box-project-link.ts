import { defineRule } from './rule.js';
import { projectsBySerial } from './support/works.js';

export const boxProjectLink = defineRule({
  id: 'box-project-link',
  stage: 'audit',
  severity: 'error',
  description: {
    zh: '专栏中重点工程所指的附表序号必须存在。',
    en: 'Every appendix serial a key work in a box points to exists.',
  },
  messages: {
    'unknown-serial': {
      zh: '{ref} 的 “{work}” 指向附表序号 {serial}，但附表没有该序号',
      en: "{ref}: '{work}' points to appendix serial {serial}, which the appendix does not have",
    },
  },
  check({ plan, report }) {
    if (plan.appendixSections.length === 0) return;
    const serials = projectsBySerial(plan);
    for (const box of plan.boxes) {
      for (const item of box.items) {
        for (const work of item.works) {
          for (const serial of work.projects) {
            if (!serials.has(serial)) {
              report({ messageId: 'unknown-serial', at: work.at, data: { ref: item.at.ref ?? '', work: work.name, serial } });
            }
          }
        }
      }
    }
  },
});

