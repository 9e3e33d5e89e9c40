/** `plan init`: a draft plan folder from the published text. */
import type { DocumentModel, Form, ReadRefusal } from '../read/blocks.js';
import { readPublished, sourceTextOf } from '../read/index.js';
import { buildDraft, type Draft } from './draft.js';
import { placesOf, type DraftPlaces } from './places.js';
import { placeOrder, placeText, type Part } from './stages/structure.js';
import { countChecks, writeFiles } from './write.js';

export interface InitSummary {
  readonly encoding: string;
  readonly chapters: number;
  readonly sections: number;
  readonly boxes: number;
  readonly indicators: number;
  readonly serviceAreas: number;
  readonly boxItems: number;
  readonly links: number;
  readonly appendixSections: number;
  readonly projects: number;
  readonly facts: number;
  readonly statements: number;
  readonly checks: number;
  /** What could not be read, in document order: where (as placeText says it), what, and the part of the plan it leaves unread. */
  readonly unread: readonly { readonly where: string; readonly what: string; readonly part?: Part }[];
  /** The reader's advice (src/read/blocks.ts DocumentModel.advice), said with what was not read. */
  readonly advice?: DocumentModel['advice'];
}

/** Why a document could not be drafted: a reader's refusal (src/read/), or a model with no plan in it. */
export type InitProblem = ReadRefusal['refused'] | 'no-structure';

export type InitResult =
  | { readonly ok: true; readonly files: Map<string, string | Uint8Array>; readonly summary: InitSummary; readonly draft: Draft; readonly places: DraftPlaces; readonly form: Form }
  | { readonly ok: false; readonly problem: InitProblem; readonly detail?: string };

export type InitStage = 'document' | 'draft' | 'yaml';

/**
 * Reads the published document in any form (PDF, .docx, HTML, text; src/read/) into the
 * document model and drafts every data file from it. A text kept as printed goes in as
 * `source.txt` byte for byte; any other form (or a text the reader reflowed) gets its
 * reading-order text as `source.txt`, the document as given beside it (`source.original.*`).
 */
export async function draftPlan(bytes: Uint8Array, inputName: string, folderName: string, progress: (stage: InitStage) => void = () => {}): Promise<InitResult> {
  progress('document');
  const read = await readPublished(bytes, inputName);
  if (!('model' in read)) return { ok: false, problem: read.refused, ...(read.detail === undefined ? {} : { detail: read.detail }) };
  const { model } = read;
  const printedText = model.form === 'text' && model.reflowed !== true;
  const text = printedText ? '' : sourceTextOf(model).text;
  return draftModel(model, { bytes, inputName, folderName, encoding: model.encoding ?? model.form, text, keepOriginal: !printedText }, progress);
}

/** The drafting of a document model, whatever reader built it; the source text is kept beside the YAML. */
export function draftModel(
  model: DocumentModel,
  input: { readonly bytes: Uint8Array; readonly inputName: string; readonly folderName: string; readonly encoding: string; readonly text: string; readonly keepOriginal: boolean },
  progress: (stage: InitStage) => void = () => {},
): InitResult {
  const { bytes, inputName, folderName } = input;
  progress('draft');
  const draft = buildDraft(model, folderName);
  const doc = draft.outline;
  if (doc.chapters.length === 0 && !doc.appendix && doc.boxes.length === 0) return { ok: false, problem: 'no-structure' };
  progress('yaml');
  const yaml = writeFiles(draft, 'source.txt');
  const files = new Map<string, string | Uint8Array>(yaml);
  if (input.keepOriginal) {
    files.set('source.txt', input.text);
    files.set(`source.original.${/\.[A-Za-z0-9]+$/.exec(inputName)?.[0].slice(1).toLowerCase() ?? (model.form === 'text' ? 'txt' : model.form)}`, bytes);
  } else files.set('source.txt', bytes);
  const boxes = draft.boxes;
  const summary: InitSummary = {
    encoding: input.encoding,
    chapters: doc.chapters.length,
    sections: doc.chapters.reduce((n, chapter) => n + chapter.sections.length, 0),
    boxes: doc.boxes.length,
    indicators: draft.indicators?.categories.reduce((n, category) => n + category.indicators.length, 0) ?? 0,
    serviceAreas: draft.services?.areas.length ?? 0,
    boxItems: boxes.reduce((n, box) => n + box.items.length, 0),
    links: boxes.reduce((n, box) => n + box.items.reduce((m, item) => m + item.works.filter((work) => work.projects.length > 0).length, 0), 0),
    appendixSections: draft.tables.reduce((n, table) => n + table.sections.length, 0),
    projects: draft.tables.reduce((n, table) => n + table.sections.reduce((m, section) => m + section.projects.length, 0), 0),
    facts:
      draft.tables.reduce((n, table) => n + table.sections.reduce((m, section) => m + section.projects.reduce((k, project) => k + project.facts.length, 0), 0), 0) +
      boxes.reduce((n, box) => n + box.items.reduce((m, item) => m + item.facts.length, 0), 0),
    statements: draft.statements.reduce((n, group) => n + group.facts.length, 0),
    checks: countChecks(yaml),
    unread: [...draft.unread].sort((a, b) => placeOrder(a.place) - placeOrder(b.place)).map((unread) => ({ where: placeText(unread.place), what: unread.what, ...(unread.part ? { part: unread.part } : {}) })),
    ...(model.advice === undefined ? {} : { advice: model.advice }),
  };
  return { ok: true, files, summary, draft, places: placesOf(draft), form: model.form };
}
