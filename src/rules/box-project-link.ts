import { defineRule } from './rule.js';
import { projectsBySerial } from './support/works.js';

export const boxProjectLink = defineRule({
  id: 'box-project-link',
  stage: 'audit',
  severity: 'error',
  description: {
    zh: '专栏中重点工程所指的附表序号必须存在，且附表只印一次。',
    en: 'Every appendix serial a key work in a box points to exists, printed once.',
  },
  messages: {
    'unknown-serial': {
      zh: '{ref} 的 “{work}” 指向附表序号 {serial}，但附表没有该序号',
      en: "{ref}: '{work}' points to appendix serial {serial}, which the appendix does not have",
    },
    'ambiguous-serial': {
      zh: '{ref} 的 “{work}” 指向附表序号 {serial}，但附表印有 {count} 个该序号：{names}',
      en: "{ref}: '{work}' points to appendix serial {serial}, which the appendix prints {count} times: {names}",
    },
  },
  check({ plan, report }) {
    if (plan.appendixSections.length === 0) return;
    const serials = projectsBySerial(plan);
    for (const box of plan.boxes) {
      for (const item of box.items) {
        for (const work of item.works) {
          for (const serial of work.projects) {
            const projects = serials.get(serial);
            if (!projects) {
              report({ messageId: 'unknown-serial', at: work.at, data: { ref: item.at.ref ?? '', work: work.name, serial } });
            } else if (projects.length > 1) {
              report({
                messageId: 'ambiguous-serial',
                at: work.at,
                related: projects.map((project) => project.at),
                data: { ref: item.at.ref ?? '', work: work.name, serial, count: projects.length, names: projects.map((p) => `“${p.name}”`).join('、') },
              });
            }
          }
        }
      }
    }
  },
});

