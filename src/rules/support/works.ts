import { serialName, type AppendixTable, type BoxItem, type BoxWork, type Message, type PlanModel, type Project, type ProjectLink } from '../../model.js';

/**
 * The appendix projects by printed serial, table by table; a serial printed twice has two. In a
 * table numbered section by section, by section and serial (`二 3`).
 */
interface TableIndex {
  readonly table: AppendixTable;
  readonly serials: Map<number | string, Project[]>;
}

/** The key of a project in its table's index: its serial, or its section and serial in a table numbered by section. */
const serialKey = (table: AppendixTable, section: string | undefined, serial: number): number | string =>
  table.numbering === 'section' ? `${section ?? ''} ${serial}` : serial;

const indexCache = new WeakMap<PlanModel, TableIndex[]>();

function tableIndex(plan: PlanModel): TableIndex[] {
  let index = indexCache.get(plan);
  if (index) return index;
  index = plan.appendixTables.map((table) => {
    const serials = new Map<number | string, Project[]>();
    for (const section of table.sections) {
      for (const project of section.projects) {
        if (project.number === undefined) continue;
        const key = serialKey(table, section.label, project.number);
        const list = serials.get(key);
        if (list) list.push(project);
        else serials.set(key, [project]);
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

/**
 * The projects a link names (two when the serial is printed twice); undefined when there are
 * none. A link into a table numbered by section names its section; one that names a section of a
 * table numbered throughout names a project of that section.
 */
export function projectsOf(plan: PlanModel, link: ProjectLink): Project[] | undefined {
  const index = tableOf(plan, link);
  if (!index) return undefined;
  const found = index.serials.get(serialKey(index.table, link.section, link.serial));
  if (!found || link.section === undefined || index.table.numbering === 'section') return found;
  const inSection = found.filter((project) => index.table.sections.some((section) => section.label === link.section && section.projects.includes(project)));
  return inSection.length > 0 ? inSection : undefined;
}

/** True when the link names no section of a table that numbers its projects section by section. */
export const sectionMissing = (plan: PlanModel, link: ProjectLink): boolean => link.section === undefined && tableOf(plan, link)?.table.numbering === 'section';

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
export const projectWords = (project: Project): Message => {
  const serial = serialName(project.section, project.label);
  return project.table === undefined
    ? { zh: `附表 ${serial}`, en: project.section === undefined ? `appendix serial ${project.label}` : `appendix section ${project.section} serial ${project.label}` }
    : { zh: `附表${project.table} ${serial}`, en: `附表${project.table} ${serial}` };
};

/** How a link is named in a message: `附表2 序号11`, `二、序号3`, or `序号11` in a plan of one table. */
export function linkName(plan: PlanModel, link: ProjectLink): string {
  const serial = serialName(link.section, link.serial);
  const table = tableOf(plan, link)?.table;
  if (table) return table.number === undefined ? serial : `${table.name} ${serial}`;
  return link.table === undefined ? serial : `附表${link.table} ${serial}`;
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
