import type { BoxItem, BoxWork, PlanModel, Project } from '../../model.js';

/** The appendix projects by printed serial; a serial printed twice has two. */
export function projectsBySerial(plan: PlanModel): Map<number, Project[]> {
  const serials = new Map<number, Project[]>();
  for (const section of plan.appendixSections) {
    for (const project of section.projects) {
      if (project.number === undefined) continue;
      const list = serials.get(project.number);
      if (list) list.push(project);
      else serials.set(project.number, [project]);
    }
  }
  return serials;
}

/** Every key work that names no appendix project, with the box item it stands in. */
export function* worksWithoutProject(plan: PlanModel): Generator<{ item: BoxItem; work: BoxWork }> {
  for (const box of plan.boxes) {
    for (const item of box.items) {
      for (const work of item.works) if (work.projects.length === 0) yield { item, work };
    }
  }
}

/** True when no work of the item names an appendix project. */
export const isUnlinked = (item: BoxItem): boolean => item.works.every((work) => work.projects.length === 0);
