import type { Amount, AppendixSection, FigureStatement, Project } from '../../model.js';
import { parseChineseNumeral } from '../../numerals.js';
import { child } from '../../pointer.js';
import { numbered, type Builder, type RawContainer } from './draft.js';

interface RawProjects {
  total?: number;
  sections: {
    numeral: string;
    name: string;
    subtotal?: number;
    projects: ({
      serial: number;
      name: string;
      departments?: string[];
      nature?: string | string[];
      location?: string;
      content?: string;
      start?: number;
      end?: number;
      investment?: number;
    } & RawContainer)[];
  }[];
}

/**
 * The appendix investment as a fact of its project (`附表 序号5`), so that box money can be
 * compared with it as with any figure. Kept out of the plan's facts: no other statement restates
 * it by key.
 */
function investmentFigure(investment: Amount, moneyUnit: string): FigureStatement {
  const fact = `appendix.serial-${investment.at.ref?.replace(/\D+/g, '') ?? ''}.investment`;
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

/** projects.yaml, the appendix: sections with subtotals, every project with every column, the grand total. */
export const buildProjects: Builder = (data, draft) => {
  const raw = data as RawProjects;
  const appendixTotal = draft.amount('projects', '/total', raw.total, '附表 合计');
  const appendixSections = raw.sections.map((section, index): AppendixSection => {
    const pointer = child('/sections', index);
    const ref = `附表 ${section.numeral}、${section.name}`;
    const subtotal = draft.amount('projects', child(pointer, 'subtotal'), section.subtotal, ref);
    return {
      ...numbered(section.numeral, parseChineseNumeral(section.numeral), draft.at('projects', pointer, ref)),
      name: section.name,
      ...(subtotal ? { subtotal } : {}),
      projects: section.projects.map((project, projectIndex): Project => {
        // Written without spreads: this runs once per project, and plans may have 100 000.
        const projectPointer = child(pointer, 'projects', projectIndex);
        const projectRef = `附表 序号${project.serial}`;
        const at = draft.at('projects', projectPointer, projectRef);
        draft.text(at, 'name', project.name);
        draft.text(at, 'content', project.content);
        const investment = draft.amount('projects', child(projectPointer, 'investment'), project.investment, projectRef);
        return {
          label: String(project.serial),
          number: project.serial,
          at,
          name: project.name,
          departments: project.departments ?? [],
          nature: project.nature === undefined ? [] : Array.isArray(project.nature) ? project.nature : [project.nature],
          start: project.start,
          end: project.end,
          facts: draft.container('projects', projectPointer, project, projectRef, project.content),
          location: project.location,
          content: project.content,
          investment,
          investmentFigure: investment && investmentFigure(investment, draft.moneyUnit),
        };
      }),
    };
  });
  return { appendixSections, ...(appendixTotal ? { appendixTotal } : {}) };
};
