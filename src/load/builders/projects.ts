import { serialName, type Amount, type AppendixPart, type AppendixSection, type AppendixTable, type FigureStatement, type Project } from '../../model.js';
import { parseChineseNumeral } from '../../numerals.js';
import { child } from '../../pointer.js';
import { numbered, type Builder, type ModelDraft, type RawContainer } from './draft.js';

interface RawTable {
  number?: number;
  title?: string;
  total?: number;
  numbering?: 'table' | 'section';
  sections: (RawGroup & { parts?: (RawGroup & { projects: RawProject[] })[] })[];
}

type RawProject = {
  serial: number;
  name: string;
  departments?: string[];
  nature?: string | string[];
  location?: string;
  content?: string;
  start?: number;
  end?: number;
  investment?: number;
} & RawContainer;

/** A section or a part of one: its numeral, name, subtotal and projects. */
interface RawGroup {
  numeral: string;
  name: string;
  subtotal?: number;
  projects?: RawProject[];
}

/** projects.yaml: one table written at the top, or several under `tables`. */
interface RawProjects extends Partial<RawTable> {
  tables?: RawTable[];
}

/** How the document names a table: `附表` when it is the only one and unnumbered, else `附表2`. */
export const tableName = (number: number | undefined): string => (number === undefined ? '附表' : `附表${number}`);

/**
 * How the document names a project: `附表 序号5`, `附表2 序号5`, or `附表 二、序号3` in a table
 * that numbers its projects section by section.
 */
export const projectName = (table: string, section: string | undefined, serial: number | string): string => `${table} ${serialName(section, serial)}`;

/**
 * The appendix investment as a fact of its project (`附表 序号5`, `附表2 序号5`), so that box
 * money can be compared with it as with any figure. Kept out of the plan's facts: no other
 * statement restates it by key.
 */
function investmentFigure(investment: Amount, moneyUnit: string, table: number | undefined, section: number | undefined, serial: number): FigureStatement {
  const fact = `appendix${table === undefined ? '' : `.table-${table}`}${section === undefined ? '' : `.section-${section}`}.serial-${serial}.investment`;
  return {
    fact,
    identity: fact,
    valueText: investment.text,
    value: investment.value,
    unit: moneyUnit,
    approx: false,
    cumulative: false,
    hold: false,
    ownQuote: false,
    at: investment.at,
  };
}

/** One appendix table at `pointer` ('' for the table written at the top of the file). */
function buildTable(raw: RawTable, pointer: string, draft: ModelDraft): AppendixTable {
  const table = raw.number;
  const name = tableName(table);
  const total = draft.amount('projects', child(pointer, 'total'), raw.total, `${name} 合计`);
  const numbering = raw.numbering ?? 'table';
  const sections = raw.sections.map((section, index): AppendixSection => {
    const sectionPointer = child(pointer, 'sections', index);
    const ref = `${name} ${section.numeral}、${section.name}`;
    const subtotal = draft.amount('projects', child(sectionPointer, 'subtotal'), section.subtotal, ref);
    // In a table numbered section by section, a project is named with its section; the fact key
    // takes the section's number (or its place, for a numeral that reads as none).
    const bySection = numbering === 'section' ? section.numeral : undefined;
    const sectionNumber = bySection === undefined ? undefined : (parseChineseNumeral(section.numeral) ?? index + 1);
    const projectsAt = (raws: readonly RawProject[] | undefined, groupPointer: string): Project[] =>
      (raws ?? []).map((project, projectIndex): Project => {
        // Written without spreads: this runs once per project, and plans may have 100 000.
        const projectPointer = child(groupPointer, 'projects', projectIndex);
        const projectRef = projectName(name, bySection, project.serial);
        const at = draft.at('projects', projectPointer, projectRef);
        draft.text(at, 'name', project.name);
        draft.text(at, 'content', project.content);
        const investment = draft.amount('projects', child(projectPointer, 'investment'), project.investment, projectRef);
        return {
          label: String(project.serial),
          number: project.serial,
          at,
          table,
          // Undefined outside a table numbered by section: a spread here made each project an object of its own shape.
          section: bySection,
          name: project.name,
          departments: project.departments ?? [],
          nature: project.nature === undefined ? [] : Array.isArray(project.nature) ? project.nature : [project.nature],
          start: project.start,
          end: project.end,
          facts: draft.container('projects', projectPointer, project, projectRef, project.content),
          location: project.location,
          content: project.content,
          investment,
          investmentFigure: investment && investmentFigure(investment, draft.moneyUnit, table, sectionNumber, project.serial),
        };
      });
    const own = projectsAt(section.projects, sectionPointer);
    const parts = (section.parts ?? []).map((part, partIndex): AppendixPart => {
      const partPointer = child(sectionPointer, 'parts', partIndex);
      const partRef = `${ref}（${part.numeral}）${part.name}`;
      const partSubtotal = draft.amount('projects', child(partPointer, 'subtotal'), part.subtotal, partRef);
      return {
        ...numbered(part.numeral, parseChineseNumeral(part.numeral), draft.at('projects', partPointer, partRef)),
        name: part.name,
        ...(partSubtotal ? { subtotal: partSubtotal } : {}),
        projects: projectsAt(part.projects, partPointer),
      };
    });
    return {
      ...numbered(section.numeral, parseChineseNumeral(section.numeral), draft.at('projects', sectionPointer, ref)),
      table,
      name: section.name,
      ...(subtotal ? { subtotal } : {}),
      projects: parts.length === 0 ? own : [...own, ...parts.flatMap((part) => part.projects)],
      parts,
    };
  });
  return { number: table, name, numbering, title: raw.title, total, sections, at: draft.at('projects', pointer, name) };
}

/** projects.yaml, the appendix: its tables, each with sections, subtotals, every project with every column, and the total. */
export const buildProjects: Builder = (data, draft) => {
  const raw = data as RawProjects;
  const appendixTables = raw.tables
    ? raw.tables.map((table, index) => buildTable(table, child('/tables', index), draft))
    : [buildTable(raw as RawTable, '', draft)];
  const only = appendixTables.length === 1 ? appendixTables[0] : undefined;
  return {
    appendixTables,
    appendixSections: appendixTables.flatMap((table) => table.sections),
    ...(only?.total ? { appendixTotal: only.total } : {}),
  };
};
