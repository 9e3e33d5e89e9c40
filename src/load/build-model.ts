import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDecimalText, parseDecimal, rational, type Rational } from '../decimal.js';
import type {
  Acceptance,
  VerbatimText,
  Amount,
  AppendixSection,
  Box,
  BoxItem,
  Chapter,
  DeclaredCount,
  DeclaredSum,
  FigureStatement,
  IndicatorCategory,
  NumberedItem,
  PlanModel,
  Project,
  ServiceArea,
  SourceRef,
} from '../model.js';
import { parseChineseNumeral } from '../numerals.js';
import { FILE_KINDS, type FileKind, type PlanFolder } from './plan-folder.js';
import { joinPointer } from './yaml-file.js';

/** A number written in a form other than a printed decimal (hex, exponent, .inf). */
export interface NumberFormatProblem {
  readonly file: string;
  readonly pointer: string;
  readonly text: string;
}

interface RawFigure {
  fact?: string;
  value?: number;
  valueMax?: number;
  text?: string;
  unit?: string;
  approx?: boolean;
  bound?: string;
  cumulative?: boolean;
  period?: string;
  quote?: string;
}
interface RawSum { total: string; parts: string[] }
interface RawCount { fact: string; items: string[]; open?: boolean }
interface RawContainer { facts?: RawFigure[]; sums?: RawSum[]; counts?: RawCount[] }
interface RawPlan {
  id: string;
  title: string;
  period: { start: number; end: number };
  moneyUnit: string;
  source?: string;
  approximateTolerance?: number;
  accepted?: { rule: string; file: string; pointer: string; reason: string }[];
}
interface RawOutline {
  chapters: { numeral: string; title: string; sections?: { numeral: string; title: string }[]; boxes?: number[] }[];
}
interface RawIndicators {
  box: number;
  note?: string;
  categories: {
    numeral: string;
    name: string;
    indicators: {
      serial: number;
      name: string;
      fact: string;
      unit: string;
      baseline: RawFigure;
      target: RawFigure;
      attribute: string;
      better?: 'higher' | 'lower' | 'none';
    }[];
  }[];
}
interface RawServices {
  box: number;
  total?: RawFigure;
  areas: { name: string; goal?: string; declared?: number; itemsText?: string; items: string[] }[];
}
interface RawBoxes {
  boxes: {
    number: number;
    title: string;
    chapter?: string;
    items: ({ number: number; title: string; text?: string; works: { name: string; projects: number[] }[] } & RawContainer)[];
  }[];
}
interface RawProjects {
  total: number;
  sections: {
    numeral: string;
    name: string;
    subtotal: number;
    projects: ({
      serial: number;
      name: string;
      departments: string[];
      nature: string | string[];
      location?: string;
      content?: string;
      start: number;
      end: number;
      investment: number;
    } & RawContainer)[];
  }[];
}
interface RawStatements {
  statements: ({ chapter?: string; section?: string } & RawContainer)[];
}

const DEFAULT_APPROXIMATE_TOLERANCE = rational(5n, 100n);
const FILE_NAMES = Object.fromEntries(FILE_KINDS.map((kind) => [kind, `${kind}.yaml`])) as Record<FileKind, string>;

/**
 * Turns the schema-valid data of one plan folder into the plan model the rules read. Every
 * element keeps the file and pointer it came from; numbers keep their printed text.
 */
export function buildPlanModel(folder: PlanFolder, absoluteDir: string): { plan: PlanModel; problems: NumberFormatProblem[] } {
  const problems: NumberFormatProblem[] = [];
  const dataOf = <T>(kind: FileKind): T | undefined => folder.files.get(kind)?.data as T | undefined;
  const raw = dataOf<RawPlan>('plan')!;
  const facts: FigureStatement[] = [];
  const sums: DeclaredSum[] = [];
  const counts: DeclaredCount[] = [];
  const verbatim: VerbatimText[] = [];

  /** The printed text of the number at `pointer`, or undefined (and a problem) if it is not a decimal. */
  function numberAt(kind: FileKind, pointer: string, value: number): { text: string; value: Rational } | undefined {
    const text = folder.files.get(kind)?.numberText(pointer, value) ?? String(value);
    const parsed = isDecimalText(text) ? parseDecimal(text) : undefined;
    if (!parsed) {
      problems.push({ file: `${kind}.yaml`, pointer, text });
      return undefined;
    }
    return { text, value: parsed };
  }

  function amount(kind: FileKind, pointer: string, value: number, ref: string): Amount | undefined {
    const number = numberAt(kind, pointer, value);
    return number && { ...number, at: { file: `${kind}.yaml`, pointer, ref } };
  }

  function figure(
    kind: FileKind,
    pointer: string,
    rawFigure: RawFigure,
    context: { ref: string; quote?: string; fact?: string; unit?: string; period?: string },
  ): FigureStatement {
    // Written without spreads: this runs for every figure, several hundred thousand in a large plan.
    const fact = rawFigure.fact ?? context.fact ?? '';
    const period = rawFigure.period ?? context.period;
    const value = rawFigure.value === undefined ? undefined : numberAt(kind, `${pointer}/value`, rawFigure.value);
    const valueMax = rawFigure.valueMax === undefined ? undefined : numberAt(kind, `${pointer}/valueMax`, rawFigure.valueMax);
    const quote = rawFigure.quote ?? context.quote;
    const statement: FigureStatement = {
      fact,
      period,
      identity: period ? `${fact}@${period}` : fact,
      valueText: value?.text,
      value: value?.value,
      valueMaxText: valueMax?.text,
      valueMax: valueMax?.value,
      text: rawFigure.text,
      unit: rawFigure.unit ?? context.unit ?? '',
      approx: rawFigure.approx === true,
      bound: rawFigure.bound,
      cumulative: rawFigure.cumulative === true,
      quote,
      ownQuote: rawFigure.quote !== undefined,
      at: { file: FILE_NAMES[kind], pointer, ref: context.ref, quote },
    };
    facts.push(statement);
    return statement;
  }

  function container(kind: FileKind, pointer: string, rawContainer: RawContainer, ref: string, quote?: string): FigureStatement[] {
    const context = { ref, quote };
    const local = (rawContainer.facts ?? []).map((rawFigure, index) => figure(kind, `${pointer}/facts/${index}`, rawFigure, context));
    (rawContainer.sums ?? []).forEach((sum, index) =>
      sums.push({ ...sum, local, at: { file: `${kind}.yaml`, pointer: joinPointer(pointer, 'sums', index), ref } }),
    );
    (rawContainer.counts ?? []).forEach((count, index) =>
      counts.push({
        fact: count.fact,
        items: count.items,
        open: count.open === true,
        local,
        at: { file: `${kind}.yaml`, pointer: joinPointer(pointer, 'counts', index), ref },
      }),
    );
    return local;
  }

  /** Keeps `field` of the element at `at` for the provenance check, unless it is the blank mark. */
  function text(at: SourceRef, field: string, value: string | undefined): void {
    if (value !== undefined && value !== '—') verbatim.push({ text: value, at, field });
  }

  const numbered = (label: string, number: number | undefined, at: SourceRef): NumberedItem => ({ label, number, at });

  const outline = dataOf<RawOutline>('outline');
  const chapters: Chapter[] = (outline?.chapters ?? []).map((chapter, index) => {
    const pointer = `/chapters/${index}`;
    const ref = `第${chapter.numeral}章`;
    const at = { file: 'outline.yaml', pointer, ref };
    text(at, 'title', chapter.title);
    return {
      ...numbered(chapter.numeral, parseChineseNumeral(chapter.numeral), at),
      title: chapter.title,
      boxes: chapter.boxes ?? [],
      sections: (chapter.sections ?? []).map((section, sectionIndex) => {
        const sectionPointer = joinPointer(pointer, 'sections', sectionIndex);
        const sectionAt = { file: 'outline.yaml', pointer: sectionPointer, ref: `${ref}第${section.numeral}节` };
        text(sectionAt, 'title', section.title);
        return {
          ...numbered(section.numeral, parseChineseNumeral(section.numeral), sectionAt),
          title: section.title,
        };
      }),
    };
  });

  const { start, end } = raw.period;
  const years = end - start + 1;
  const tableBoxes: NumberedItem[] = [];
  const indicators = dataOf<RawIndicators>('indicators');
  let indicatorCategories: IndicatorCategory[] = [];
  if (indicators) {
    const box = indicators.box;
    tableBoxes.push(numbered(String(box), box, { file: 'indicators.yaml', pointer: '/box', ref: `专栏${box}` }));
    text({ file: 'indicators.yaml', pointer: '', ref: `专栏${box}` }, 'note', indicators.note);
    indicatorCategories = indicators.categories.map((category, index) => {
      const pointer = `/categories/${index}`;
      return {
        ...numbered(category.numeral, parseChineseNumeral(category.numeral), {
          file: 'indicators.yaml',
          pointer,
          ref: `专栏${box} ${category.numeral}、${category.name}`,
        }),
        name: category.name,
        indicators: category.indicators.map((row, rowIndex) => {
          const rowPointer = joinPointer(pointer, 'indicators', rowIndex);
          const ref = `专栏${box} 序号${row.serial}`;
          const rowAt = { file: 'indicators.yaml', pointer: rowPointer, ref };
          text(rowAt, 'name', row.name);
          const cell = (column: 'baseline' | 'target', cumulativePeriod: string, yearPeriod: string): FigureStatement =>
            figure('indicators', joinPointer(rowPointer, column), row[column], {
              ref: `${ref} ${column === 'baseline' ? start - 1 : end}年`,
              fact: row.fact,
              unit: row.unit,
              period: row[column].cumulative ? cumulativePeriod : yearPeriod,
            });
          return {
            ...numbered(String(row.serial), row.serial, rowAt),
            name: row.name,
            fact: row.fact,
            unit: row.unit,
            attribute: row.attribute,
            better: row.better ?? 'none',
            baseline: cell('baseline', `${start - years}-${start - 1}`, String(start - 1)),
            target: cell('target', `${start}-${end}`, String(end)),
          };
        }),
      };
    });
  }

  const services = dataOf<RawServices>('services');
  let serviceAreas: ServiceArea[] = [];
  let serviceTotal: FigureStatement | undefined;
  if (services) {
    const box = services.box;
    tableBoxes.push(numbered(String(box), box, { file: 'services.yaml', pointer: '/box', ref: `专栏${box}` }));
    if (services.total) serviceTotal = figure('services', '/total', services.total, { ref: `专栏${box}` });
    serviceAreas = services.areas.map((area, index) => {
      const pointer = `/areas/${index}`;
      const at = { file: 'services.yaml', pointer, ref: `专栏${box} ${area.name}` };
      text(at, 'goal', area.goal);
      text(at, 'itemsText', area.itemsText);
      return {
        name: area.name,
        items: area.items,
        at,
        ...(area.goal === undefined ? {} : { goal: area.goal }),
        ...(area.declared === undefined ? {} : { declared: area.declared }),
        ...(area.itemsText === undefined ? {} : { itemsText: area.itemsText }),
      };
    });
  }

  const boxes: Box[] = (dataOf<RawBoxes>('boxes')?.boxes ?? []).map((box, index) => {
    const pointer = `/boxes/${index}`;
    const ref = `专栏${box.number}`;
    return {
      ...numbered(String(box.number), box.number, { file: 'boxes.yaml', pointer, ref }),
      title: box.title,
      ...(box.chapter === undefined ? {} : { chapter: box.chapter }),
      items: box.items.map((item, itemIndex): BoxItem => {
        const itemPointer = joinPointer(pointer, 'items', itemIndex);
        const itemRef = `${ref} 第${item.number}项`;
        const itemAt = { file: 'boxes.yaml', pointer: itemPointer, ref: itemRef };
        text(itemAt, 'text', item.text);
        return {
          ...numbered(String(item.number), item.number, itemAt),
          title: item.title,
          text: item.text ?? '',
          works: item.works.map((work, workIndex) => ({
            name: work.name,
            projects: work.projects,
            at: { file: 'boxes.yaml', pointer: joinPointer(itemPointer, 'works', workIndex), ref: itemRef },
          })),
          facts: container('boxes', itemPointer, item, itemRef, item.text),
        };
      }),
    };
  });

  const appendix = dataOf<RawProjects>('projects');
  const appendixTotal = appendix && amount('projects', '/total', appendix.total, '附表 合计');
  const appendixSections: AppendixSection[] = (appendix?.sections ?? []).map((section, index) => {
    const pointer = `/sections/${index}`;
    const ref = `附表 ${section.numeral}、${section.name}`;
    const subtotal = amount('projects', joinPointer(pointer, 'subtotal'), section.subtotal, ref);
    return {
      ...numbered(section.numeral, parseChineseNumeral(section.numeral), { file: 'projects.yaml', pointer, ref }),
      name: section.name,
      ...(subtotal ? { subtotal } : {}),
      projects: section.projects.map((project, projectIndex): Project => {
        // Written without spreads: this runs once per project, and plans may have 100 000.
        const projectPointer = `${pointer}/projects/${projectIndex}`;
        const projectRef = `附表 序号${project.serial}`;
        const at: SourceRef = { file: 'projects.yaml', pointer: projectPointer, ref: projectRef };
        text(at, 'name', project.name);
        text(at, 'content', project.content);
        const built: Project = {
          label: String(project.serial),
          number: project.serial,
          at,
          name: project.name,
          departments: project.departments,
          nature: Array.isArray(project.nature) ? project.nature : [project.nature],
          start: project.start,
          end: project.end,
          facts: container('projects', projectPointer, project, projectRef, project.content),
          location: project.location,
          content: project.content,
          investment: amount('projects', `${projectPointer}/investment`, project.investment, projectRef),
        };
        return built;
      }),
    };
  });

  (dataOf<RawStatements>('statements')?.statements ?? []).forEach((group, index) => {
    const ref = group.chapter ? `第${group.chapter}章${group.section ? `第${group.section}节` : ''}` : '序言';
    container('statements', `/statements/${index}`, group, ref);
  });

  const accepted: Acceptance[] = (raw.accepted ?? []).map((entry, index) => ({
    ...entry,
    at: { file: 'plan.yaml', pointer: `/accepted/${index}`, ref: 'plan.yaml' },
  }));

  let sourceText: string | undefined;
  if (raw.source) {
    try {
      sourceText = readFileSync(join(absoluteDir, raw.source), 'utf8').replace(/^\uFEFF/, '');
    } catch {
      sourceText = undefined;
    }
  }
  const tolerance =
    raw.approximateTolerance === undefined ? undefined : numberAt('plan', '/approximateTolerance', raw.approximateTolerance);

  const plan: PlanModel = {
    id: raw.id,
    dir: folder.dir,
    title: raw.title,
    period: raw.period,
    moneyUnit: raw.moneyUnit,
    approximateTolerance: tolerance?.value ?? DEFAULT_APPROXIMATE_TOLERANCE,
    chapters,
    boxes,
    tableBoxes,
    indicatorCategories,
    serviceAreas,
    appendixSections,
    facts,
    sums,
    counts,
    accepted,
    verbatim,
    ...(serviceTotal ? { serviceTotal } : {}),
    ...(appendixTotal ? { appendixTotal } : {}),
    ...(sourceText === undefined ? {} : { sourceText }),
    ...(raw.source === undefined ? {} : { sourceFile: raw.source }),
  };
  return { plan, problems };
}
