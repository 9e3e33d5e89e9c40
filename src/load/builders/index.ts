import type { PlanModel } from '../../model.js';
import { FILE_KINDS, type FileKind } from '../file-kinds.js';
import type { PlanFolder } from '../plan-folder.js';
import { buildBoxes } from './boxes.js';
import { ModelDraft, type Builder, type ModelParts, type NumberFormatProblem } from './draft.js';
import { buildIndicators } from './indicators.js';
import { buildOutline } from './outline.js';
import { buildPlan } from './plan.js';
import { buildProjects } from './projects.js';
import { buildRelations } from './relations.js';
import { buildReviews } from './reviews.js';
import { buildServices } from './services.js';
import { buildStatements } from './statements.js';

export type { NumberFormatProblem } from './draft.js';

/** One builder per file kind: a kind without one is a compile error. */
export const BUILDERS: Readonly<Record<FileKind, Builder>> = {
  plan: buildPlan,
  outline: buildOutline,
  indicators: buildIndicators,
  services: buildServices,
  boxes: buildBoxes,
  projects: buildProjects,
  statements: buildStatements,
  relations: buildRelations,
  reviews: buildReviews,
};

/**
 * Turns the schema-valid data of one plan folder into the plan model the rules read, file kind
 * by file kind (plan.yaml first: the others take its period). Every element keeps the file and
 * pointer it came from; numbers keep their printed text. Reads nothing from disk: the published
 * text comes as `sourceText`.
 */
export function buildPlanModel(folder: PlanFolder, sourceText?: string): { plan: PlanModel; problems: NumberFormatProblem[] } {
  const planData = folder.files.get('plan')?.data as { period: { start: number; end: number }; moneyUnit: string };
  const draft = new ModelDraft(folder.files, planData.period, planData.moneyUnit);
  const parts: ModelParts = {};
  for (const kind of FILE_KINDS) {
    const file = folder.files.get(kind);
    if (file) Object.assign(parts, BUILDERS[kind](file.data, draft));
  }
  const plan = {
    chapters: [],
    boxes: [],
    indicatorCategories: [],
    serviceAreas: [],
    appendixSections: [],
    appendixTables: [],
    accepted: [],
    unread: [],
    reviews: [],
    relations: [],
    reach: [],
    ...parts,
    dir: folder.dir,
    facts: draft.facts,
    sums: draft.sums,
    counts: draft.counts,
    verbatim: draft.verbatim,
    tableBoxes: draft.tableBoxes,
    ...(sourceText === undefined ? {} : { sourceText }),
  } as PlanModel;
  return { plan, problems: draft.problems };
}
