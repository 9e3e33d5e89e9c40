import type { Project } from '../model.js';
import { defineRule } from './rule.js';
import { allProjects, projectsOf, projectWords } from './support/works.js';

export const unboxedProject = defineRule({
  id: 'unboxed-project',
  stage: 'audit',
  severity: 'info',
  reads: ['appendix', 'boxes'],
  description: {
    zh: '没有任何专栏重点工程提及的附表项目。',
    en: 'Appendix projects that no key work in any box mentions.',
  },
  messages: {
    'not-in-any-box': { zh: '{project} “{name}” 未见于任何专栏', en: "{project} '{name}' is not mentioned in any box" },
  },
  check({ plan, report }) {
    if (plan.boxes.length === 0) return;
    const linked = new Set<Project>();
    for (const box of plan.boxes) {
      for (const item of box.items) for (const work of item.works) for (const link of work.projects) for (const project of projectsOf(plan, link) ?? []) linked.add(project);
    }
    for (const project of allProjects(plan)) {
      if (project.number !== undefined && !linked.has(project)) report({ messageId: 'not-in-any-box', at: project.at, data: { serial: project.label, project: projectWords(project), name: project.name } });
    }
  },
});
