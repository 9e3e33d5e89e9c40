import type { AppendixTable, BoxItem, BoxWork, Message, PlanModel, Project, ProjectLink } from '../../model.js';

/** The appendix projects by printed serial, table by table; a serial printed twice has two. */
interface TableIndex {
  readonly table: AppendixTable;
  readonly serials: Map<number, Project[]>;
}

const indexCache = new WeakMap<PlanModel, TableIndex[]>();

function tableIndex(plan: PlanModel): TableIndex[] {
  let index = indexCache.get(plan);
  if (index) return index;
  index = plan.appendixTables.map((table) => {
    const serials = new Map<number, Project[]>();
    for (const section of table.sections) {
      for (const project of section.projects) {
        if (project.number === undefined) continue;
        const list = serials.get(project.number);
        if (list) list.push(project);
        else serials.set(project.number, [project]);
      }
    }
    return { table, serials };
  });
  indexCache.set(plan, index);
  return index;
}

/**
 * The table a link points into: the one it names, or the plan's only table when it names none.
 * An unnumbered only table is 附表1 to a link that names 1. Undefined when no table matches or
 * the link names none while the plan prints several.
 */
function tableOf(plan: PlanModel, link: ProjectLink): TableIndex | undefined {
  const tables = tableIndex(plan);
  if (link.table === undefined) return tables.length === 1 ? tables[0] : undefined;
  return tables.find(({ table }) => table.number === link.table) ?? (tables.length === 1 && tables[0]!.table.number === undefined && link.table === 1 ? tables[0] : undefined);
}

/** The projects a link names (two when the serial is printed twice); undefined when there are none. */
export function projectsOf(plan: PlanModel, link: ProjectLink): Project[] | undefined {
  return tableOf(plan, link)?.serials.get(link.serial);
}

/** True when the link names no table although the plan prints several. */
export const tableMissing = (plan: PlanModel, link: ProjectLink): boolean => link.table === undefined && plan.appendixTables.length > 1;

/** True when the link names a table the plan does not print. */
export const tableUnknown = (plan: PlanModel, link: ProjectLink): boolean => link.table !== undefined && tableOf(plan, link) === undefined;

/**
 * A table as a message names it: 附表2 in both languages, the unnumbered one 附表 / the appendix.
 * A message, not a string: worded data stays out of fingerprints, which stay those of one table.
 */
export const tableWords = (number: number | undefined): Message => (number === undefined ? { zh: '附表', en: 'the appendix' } : { zh: `附表${number}`, en: `附表${number}` });

/**
 * A project as a message names it: by the document's reference (附表2 序号11) in both languages,
 * as 专栏3 第2项 is; the only, unnumbered table's in English words (appendix serial 11).
 */
export const projectWords = (project: Project): Message =>
  project.table === undefined ? { zh: `附表 序号${project.label}`, en: `appendix serial ${project.label}` } : { zh: `附表${project.table} 序号${project.label}`, en: `附表${project.table} 序号${project.label}` };

/** How a link is named in a message: `附表2 序号11`, or `序号11` in a plan of one table. */
export function linkName(plan: PlanModel, link: ProjectLink): string {
  const table = tableOf(plan, link)?.table;
  if (table) return table.number === undefined ? `序号${link.serial}` : `${table.name} 序号${link.serial}`;
  return link.table === undefined ? `序号${link.serial}` : `附表${link.table} 序号${link.serial}`;
}

/** Every project of the appendix, table after table, in printed order. */
export const allProjects = (plan: PlanModel): Project[] => plan.appendixSections.flatMap((section) => section.projects);

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
