import { defineRule } from './rule.js';
import { projectsBySerial } from './support/works.js';

export const unboxedProject = defineRule({
  id: 'unboxed-project',
  stage: 'audit',
  severity: 'info',
  description: {
    zh: '没有任何专栏重点工程提及的附表项目。',
    en: 'Appendix projects that no key work in any box mentions.',
  },
  messages: {
    'not-in-any-box': { zh: '附表 序号{serial} “{name}” 未见于任何专栏', en: "appendix serial {serial} '{name}' is not mentioned in any box" },
  },
  check({ plan, report }) {
    if (plan.boxes.length === 0) return;
    const linked = new Set(plan.boxes.flatMap((box) => box.items.flatMap((item) => item.works.flatMap((work) => work.projects))));
    for (const project of [...projectsBySerial(plan).values()].flat()) {
      if (!linked.has(project.number!)) report({ messageId: 'not-in-any-box', at: project.at, data: { serial: project.label, name: project.name } });
    }
  },
});
